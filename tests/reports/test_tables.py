"""Long tables are set with shortcuts (a cell that fits measured whole, column widths
from each column's distinct texts, a page's cells written straight into the page):
what they print is what setting every cell through reportlab's text objects prints."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports import pdf_common
from reports.fonts import typefaces
from reports.pdf_common import (
    BREAK_WORDS,
    XIAO_SI,
    Column,
    DocumentInfo,
    Lexicon,
    Styles,
    column_extents,
    data_table,
    write_pdf,
)

WORDS = Lexicon(BREAK_WORDS | {"丹北镇"})
COLUMNS = [
    Column("序号", align="CENTER"),
    Column("项目名称"),
    Column("投资方"),
    Column(f"总投资{pdf_common.SOFT_BREAK}（亿元）", align="RIGHT"),
    Column("签约日期", align="CENTER"),
]


def _rows(count: int) -> list[tuple[object, ...]]:
    names = ("镕堃新材料项目", "天远智能数控机床项目", "丹北镇精密零部件生产线项目", "储能")
    investors = ("丹阳市辰图工具有限公司", "上海驻点招商办", "ABC Holdings Ltd.", "")
    return [
        (i, names[i % 4], investors[i % 3], f"{i * 1.25:.2f}", f"2023-0{1 + i % 9}-1{i % 10}")
        for i in range(1, count + 1)
    ]


def _word_boxes(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return "\n".join(line for line in result.stdout.splitlines() if "<word" in line)


def test_cells_written_into_the_page_stand_where_text_objects_put_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faces = typefaces()
    styles = Styles(faces, cell_size=XIAO_SI)

    def table() -> list[object]:
        total = ("合计", "40个项目", "", "50.00", "")
        return [data_table(styles, COLUMNS, _rows(40), 400, total_row=total, lexicon=WORDS)]

    info = DocumentInfo("t", "s", "a")
    direct = write_pdf(table(), tmp_path / "direct.pdf", faces, info)
    monkeypatch.setattr(pdf_common.PageText, "of", classmethod(lambda cls, canv, faces: None))
    through_reportlab = write_pdf(table(), tmp_path / "reportlab.pdf", faces, info)
    boxes = _word_boxes(direct)
    assert ">合计<" in boxes and ">2023-01-19<" in boxes
    assert boxes == _word_boxes(through_reportlab)


TEXTS = st.text(alphabet="天远智能数控有限公司新材料丹北镇（）、，。 0123456789-ABC", max_size=24)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=12))
def test_a_columns_extent_is_what_its_cells_need(cells: list[tuple[str, str]]) -> None:
    """The widest piece that may not break and the widest line, from the distinct texts,
    are those of the cells as each would be set."""
    styles = Styles(typefaces(), cell_size=XIAO_SI)
    columns = [Column("项目名称"), Column("投资方")]
    extents = column_extents(styles, columns, cells, lexicon=WORDS)
    for j, (column, extent) in enumerate(zip(columns, extents, strict=True)):
        head = styles.head_cell(column.header)
        set_cells = [styles.cell(row[j], lexicon=WORDS) for row in cells]
        assert extent.least == max([head.min_width, *(c.min_width for c in set_cells)])
        assert extent.most == max([head.min_width, *(c.natural_width for c in set_cells)])
