"""Every page of the example documents as the office that prints them reads it: each
page renders; no page ends in a lone heading; no total row stands alone; the 报尾 is
on one page, the last; every column has its header; codes and dates are never broken;
Chinese punctuation throughout; every font listed is embedded and used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak, Table

from db.io.demo import ARTICLE_ROWS
from db.store.unit_file import Store
from reports.fonts import typefaces
from reports.pdf_common import DocumentInfo, Styles, write_pdf
from tests.reports.pdf_tools import (
    content_lines,
    layout_problems,
    listed_fonts,
    page_count,
    page_lines,
    pdf_text,
    render_pages,
)

DOCUMENTS = (
    "city",
    "half-year",
    "zone",
    "august",
    "empty-unit",
    "unit",
    "daya",
    "chuangli",
    "listing",
    "listing-talks",
)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_page_renders_and_holds_together(
    example_documents: dict[str, Path], tmp_path: Path, name: str
) -> None:
    pdf = example_documents[name]
    assert len(render_pages(pdf, tmp_path)) == page_count(pdf)
    assert layout_problems(pdf) == []


def test_the_check_finds_a_stranded_heading_and_a_lone_total(
    hq_file: Store, tmp_path: Path
) -> None:
    """The page check above fails on what it is meant to catch: a heading left at a
    page's foot (set here without keeping it with its text) and a total row alone."""
    faces = typefaces()
    styles = Styles(faces)
    filler = [styles.para("正文" * 200, styles.body) for _ in range(2)]
    loose = styles.heading.clone(keep_with_next=False)
    lone = Table(
        [
            [styles.cell("规模档次"), styles.cell("项目数（个）")],
            [styles.cell("合计"), styles.cell("3")],
        ]
    )
    story = [*filler, styles.para("四、各单位情况", loose), PageBreak(), lone]
    pdf = write_pdf(story, tmp_path / "bad.pdf", faces, DocumentInfo("t", "s", "a"))
    found = layout_problems(pdf)
    assert any("ends in a heading" in problem for problem in found), found
    assert any("total row alone" in problem for problem in found), found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_chinese_punctuation_throughout(example_documents: dict[str, Path], name: str) -> None:
    text = pdf_text(example_documents[name])
    assert re.findall(r".{0,6}[,;:()].{0,6}", text) == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_font_listed_is_embedded(example_documents: dict[str, Path], name: str) -> None:
    fonts = listed_fonts(example_documents[name])
    assert fonts and all(font.embedded for font in fonts), fonts
    assert all(font.type == "TrueType" for font in fonts), fonts
    assert not any("Helvetica" in font.name for font in fonts)


def test_the_fonts_of_each_role_are_the_ones_used(example_documents: dict[str, Path]) -> None:
    """The briefing sets its title, body, headings and sub-headings in their roles' fonts."""
    faces = typefaces()
    listed = {font.name.split("+", 1)[1] for font in listed_fonts(example_documents["city"])}
    for font in (faces.title, faces.body, faces.heading, faces.subheading):
        from reportlab.pdfbase import pdfmetrics

        postscript = pdfmetrics.getFont(font.name).face.name.decode()
        assert any(name.startswith(postscript) for name in listed), (font.family, listed)


@pytest.mark.parametrize("name", ("city", "zone", "unit"))
def test_the_tail_is_together_on_the_last_page(
    example_documents: dict[str, Path], name: str
) -> None:
    pages = page_lines(example_documents[name])
    tail = [
        (number, line)
        for number, lines in enumerate(pages)
        for line in lines
        if re.match(r"^(报|送|发)：", line)
    ]
    assert tail, f"{name} has a 报尾"
    assert {number for number, _ in tail} == {len(pages) - 1}
    content = content_lines(pages[-1])
    assert [line for _, line in tail] == content[-len(tail) :]


def test_an_empty_units_briefing_has_no_empty_tail(example_documents: dict[str, Path]) -> None:
    text = pdf_text(example_documents["empty-unit"])
    assert text.startswith("吕城镇招商工作简报第1期吕城镇")
    assert "报：" not in text and "发：" not in text


def test_codes_and_dates_are_never_broken(example_documents: dict[str, Path]) -> None:
    lines = "\n".join(line for page in page_lines(example_documents["listing"]) for line in page)
    codes = [str(row["项目编号"]) for row in ARTICLE_ROWS]
    assert [code for code in codes if code not in lines] == []
    appendix = "\n".join(line for page in page_lines(example_documents["city"]) for line in page)
    signed = {str(row["签约日期"]) for row in ARTICLE_ROWS if row["签约日期"]}
    shown = set(re.findall(r"\d{4}-\d{2}-\d{2}", appendix))
    assert shown and shown <= signed | {"2023-08-05"}
    assert not re.search(r"\d{4}-\d{2}-\s*$", appendix, re.MULTILINE)


def test_the_listing_has_a_header_for_every_column(example_documents: dict[str, Path]) -> None:
    first = "".join(
        re.sub(r"\s+", "", line) for line in page_lines(example_documents["listing"])[0]
    )
    for header in (
        "序号",
        "项目编号",
        "项目名称",
        "投资方",
        "责任单位",
        "总投资",
        "（亿元）",
        "（亿美元）",
        "产业类别",
        "项目阶段",
        "签约日期",
        "开工日期",
        "责任人",
    ):
        assert header in first, header
    text = pdf_text(example_documents["listing"])
    # The totals: the row at the end of the table, and the sentence under it.
    assert "合计174个项目" in text
    assert "合计174个项目：内资项目153个，总投资669.1亿元；外资项目21个，总投资8.25亿美元" in text


def test_a_briefing_as_of_a_date_shows_nothing_dated_after_it(
    example_documents: dict[str, Path],
) -> None:
    """The ceremony's projects were in talks on 31 July and signed on 8 August: the 附表
    of 1~7月 lists them in talks, without the later 签约日期."""
    assert "2023-08-08" not in pdf_text(example_documents["city"])
    assert "2023-08-08" in pdf_text(example_documents["august"])
