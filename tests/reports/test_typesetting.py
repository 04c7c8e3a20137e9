"""Setting Chinese text: where lines may break (禁则, codes, dates, words), no character
alone on a last line, hanging items, the fallback font, table columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.fonts import typefaces
from reports.pdf_common import (
    BREAK_WORDS,
    SAN,
    XIAO_SAN,
    Column,
    DocumentInfo,
    Lexicon,
    Styles,
    data_table,
    tokens,
    write_pdf,
)

WORDS = Lexicon(BREAK_WORDS | {"丹北镇"})


def test_codes_dates_and_numbers_with_their_character_are_one_piece() -> None:
    pieces = tokens("KFQ2022001于2023-03-29签约42个，总投资（亿元）", WORDS)
    assert "KFQ2022001于" in pieces  # a code keeps the character after it
    assert "2023-03-29签" in pieces
    assert "42个，" in pieces  # 、，。 never begin a line
    assert "（亿元）" in pieces  # nor （ end one
    assert not any(p[0] in "，。、）" for p in pieces)


def _lines(words: str, chars: float, lexicon: Lexicon | None = WORDS) -> list[str]:
    styles = Styles(typefaces())
    text = styles.cell(words, lexicon=lexicon)
    return [line for line, _, _ in text._break(chars * XIAO_SAN)]


def test_names_break_at_word_boundaries() -> None:
    assert _lines("杭州驻点招商办", 5.2) == ["杭州", "驻点招商办"]
    lines = _lines("丹阳市辰图工具有限公司", 7.2)
    assert lines[-1] == "有限公司" or len(lines[-1]) > 1
    assert "司" not in lines


def test_no_character_alone_on_the_last_line() -> None:
    styles = Styles(typefaces())
    # Seven characters to the line would leave 实。 alone.
    text = styles.para("盛瑞石墨烯导热膜项目用地指标待落实。", styles.plain)
    lines = [line for line, _, _ in text._break(8.5 * SAN)]
    assert len(lines) == 3 and len(lines[-1]) >= 3, lines


def test_a_code_longer_than_its_column_is_the_only_thing_broken() -> None:
    broken = _lines("KFQ2022001", 3)
    assert len(broken) == 2 and "".join(broken) == "KFQ2022001"
    assert _lines("KFQ2022001", 6) == ["KFQ2022001"]


def test_a_character_the_font_lacks_is_set_in_the_fallback() -> None:
    faces = typefaces()
    styles = Styles(faces)
    runs = styles.ink.runs("镕堃新材料", faces.body)
    if faces.body.covers("镕"):
        pytest.skip("this machine's 仿宋 font has 镕")
    assert runs == [(faces.fallback, "镕堃"), (faces.body, "新材料")]


def test_a_row_longer_than_the_header_is_refused() -> None:
    styles = Styles(typefaces())
    with pytest.raises(ValueError, match="a row of 3 cells in a table of 2 columns"):
        data_table(styles, [Column("序号"), Column("项目名称")], [(1, "甲", "")], 400)


def test_short_cells_keep_their_line_and_long_ones_take_the_rest() -> None:
    styles = Styles(typefaces())
    rows = [(1, "天远智能数控机床项目" * 3, "2023-01-03", "现代服务业")]
    table = data_table(
        styles,
        [Column("序号"), Column("项目名称"), Column("签约日期"), Column("产业类别")],
        rows,
        440,
    )
    _number, name, day, industry = table.widths
    assert day >= styles.ink.width("2023-01-03", typefaces().body, XIAO_SAN)
    assert industry >= styles.ink.width("现代服务业", typefaces().body, XIAO_SAN)
    assert name == max(table.widths) and abs(sum(table.widths) - 440) < 0.01


def test_numbered_items_hang_under_their_text(tmp_path: Path) -> None:
    faces = typefaces()
    styles = Styles(faces)
    item = styles.item(
        "23.", "瑞图高端液压元件项目（深圳驻点招商办）：用地指标待落实，需协调" * 2, SAN * 2
    )
    pdf = write_pdf([item], tmp_path / "items.pdf", faces, DocumentInfo("t", "s", "a"))
    starts: list[tuple[float, str]] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            starts.append((round(tm[4], 1), text))

    PdfReader(str(pdf)).pages[0].extract_text(visitor_text=seen)
    label = next(x for x, t in starts if t.startswith("23."))
    lines = [x for x, t in starts if not t.startswith(("23.", "第"))]
    assert len(lines) >= 3
    # Every line of the item starts at the same place, right of its number.
    assert len(set(lines)) == 1 and lines[0] > label + SAN
