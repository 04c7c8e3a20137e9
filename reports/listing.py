"""项目清单: the filtered ledger rows in a landscape table, header on every page,
amounts in 亿元 (亿美元 apart), totals at the end with the last row (内资 and 外资
apart, never added)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Spacer

from db.reads.listing import ListingData
from db.rules.money import plain, yi_text
from db.rules.vocabulary import Capital, Stage
from reports.fonts import Typefaces, typefaces
from reports.pdf_common import (
    BLOCK_HEIGHT,
    BREAK_WORDS,
    MM,
    SOFT_BREAK,
    WU,
    Column,
    DocumentInfo,
    Lexicon,
    Styles,
    column_extents,
    data_table,
    date_cn,
    iso,
    least_width,
    without_cycle_collection,
    write_pdf,
)

_CENTERED = {"capital", "stage", "signed_on", "started_on"}


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "total":
        return yi_text(value)
    if isinstance(value, Stage | Capital):
        return value.label
    if isinstance(value, date):
        return iso(value)
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def _header(words: str) -> str:
    """A header that may break in the middle of a four- or five-character word: 项目/编号."""
    if len(words) >= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in words):
        middle = (len(words) + 1) // 2
        return words[:middle] + SOFT_BREAK + words[middle:]
    return words


# A working list of many columns: 五号, smaller only when a code or date would break.
_SIZES = (WU, 9.0, 8.0, 7.5)


@without_cycle_collection
def build_listing(data: ListingData, out: Path, faces: Typefaces | None = None) -> Path:
    faces = faces or typefaces()
    t = data.totals
    foreign = t.foreign_count > 0
    domestic = t.domestic_count > 0 or not foreign
    columns: list[Column] = [Column("序号", align="CENTER")]
    # 内外资 is told by the amount's column: 亿元 for 内资, 亿美元 for 外资.
    keys = [k for k in data.column_keys if k != "capital"]
    headers = dict(zip(data.column_keys, data.headers, strict=True))
    for key in keys:
        header = headers[key]
        if key == "total":
            if domestic:
                columns.append(Column(f"总投资{SOFT_BREAK}（亿元）", align="RIGHT"))
            if foreign:
                columns.append(Column(f"总投资{SOFT_BREAK}（亿美元）", align="RIGHT"))
        else:
            align = "CENTER" if key in _CENTERED else "LEFT"
            columns.append(Column(_header(header), align=align))
    rows = []
    for i, row in enumerate(data.rows, start=1):
        cells: list[object] = [i]
        for key, value in zip(data.column_keys, row.values, strict=True):
            if key == "capital":
                continue
            if key != "total":
                cells.append(_cell(key, value))
                continue
            own = _cell(key, value)
            if domestic:
                cells.append(own if row.capital is Capital.DOMESTIC else "")
            if foreign:
                cells.append(own if row.capital is Capital.FOREIGN else "")
        rows.append(cells)
    total_row: list[object] = ["合计", *([""] * (len(columns) - 1))]
    total_row[1] = f"{t.count}个项目"
    position = 1 + keys.index("total")
    if domestic:
        total_row[position] = yi_text(t.domestic_total_wan_cny)
        position += 1
    if foreign:
        total_row[position] = yi_text(t.foreign_total_wan_usd)
    unit_index = data.column_keys.index("unit") if "unit" in data.column_keys else None
    names = {str(row.values[unit_index]) for row in data.rows} if unit_index is not None else set()
    lexicon = Lexicon(BREAK_WORDS | {n for n in names if len(n) <= 5}, remember=True)
    caption = f"{data.editor}　{date_cn(data.printed_on)}　{data.filter_words}　共{t.count}个项目"
    body = [*rows, total_row] if rows else rows
    # The largest size at which no code or date would break (else the smallest).
    for size in _SIZES:
        styles = Styles(faces, cell_size=size)
        extents = column_extents(styles, columns, body, lexicon=lexicon)
        if least_width(extents) <= BLOCK_HEIGHT + 0.01:
            break
    heads = [
        styles.para(data.title, styles.title),
        styles.para(caption, styles.caption),
        Spacer(1, 3 * MM),
    ]
    table = data_table(
        styles,
        columns,
        rows,
        BLOCK_HEIGHT,
        total_row=total_row if rows else None,
        lexicon=lexicon,
        heads=heads,
        extents=extents,
    )
    story: list[object] = [
        table,
        Spacer(1, 3 * MM),
        styles.para(
            f"合计{t.count}个项目：内资项目{t.domestic_count}个，总投资"
            f"{yi_text(t.domestic_total_wan_cny)}亿元；外资项目{t.foreign_count}个，"
            f"总投资{yi_text(t.foreign_total_wan_usd)}亿美元（内外资分列，不相加）。",
            styles.note,
        ),
    ]
    info = DocumentInfo(
        title=data.title,
        subject=f"{data.title}：{data.filter_words}（{date_cn(data.printed_on)}）",
        author=data.editor,
        keywords=(data.title, data.filter_words),
    )
    return write_pdf(story, out, faces, info, pagesize=landscape(A4))
