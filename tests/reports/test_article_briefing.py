"""The briefing of the article's data reads exactly like the city's published text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.reads.briefing import briefing_data
from db.reads.figures import Period
from db.reads.project_brief import find_project, project_brief_data
from db.reads.units import unit_named
from db.store.unit_file import Store
from reports.briefing import build_briefing
from reports.fonts import pdf_font
from reports.project_brief import build_project_brief
from tests.reports.pdf_tools import missing_glyphs, pdf_text, render_pages

JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))

ARTICLE_SENTENCES = (
    "1~7月,全市新签约总投资亿元以上产业项目42个,总投资260.69亿元。",
    "从体量规模看,总投资30亿元以上项目3个,10亿元以上项目3个,5亿元以上项目2个。",
    "从产业分类看,制造业项目41个,服务业1个,其中“4+3+1”产业项目26个,占比61.9%。",
    "截至7月底,全市在手在谈项目113个,其中内资项目97个,总投资额369.03亿元;"
    "外资项目16个,总投资7.37亿美元。",
)


@pytest.fixture
def city_briefing(demo_file: Store, tmp_path: Path) -> Path:
    data = briefing_data(JAN_JUL, None, issue_no=7, printed_on=date(2023, 8, 5))
    return build_briefing(data, tmp_path / "briefing.pdf")


def test_city_briefing_has_the_articles_sentences(city_briefing: Path) -> None:
    text = pdf_text(city_briefing)
    for sentence in ARTICLE_SENTENCES:
        assert sentence in text


def test_development_zone_paragraph(city_briefing: Path) -> None:
    text = pdf_text(city_briefing)
    assert (
        "1~7月,开发区签约项目8个,总投资41.1亿元;在手重点推进项目28个,总投资230亿元;产业涉及" in text
    )


def test_every_page_renders_without_missing_glyphs(city_briefing: Path, tmp_path: Path) -> None:
    pages = render_pages(city_briefing, tmp_path)
    assert len(pages) >= 3
    assert missing_glyphs(city_briefing, pdf_font().name) == set()


def test_the_appendix_is_on_landscape_pages_with_one_line_rows(city_briefing: Path) -> None:
    reader = PdfReader(str(city_briefing))
    shapes = [
        "landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in reader.pages
    ]
    first_appendix = next(i for i, page in enumerate(reader.pages) if "附表" in page.extract_text())
    assert shapes[:first_appendix] == ["portrait"] * first_appendix
    assert shapes[first_appendix:] == ["landscape"] * (len(shapes) - first_appendix)
    # Dates and stage names have room: none is broken over two lines.
    appendix = "\n".join(page.extract_text() for page in reader.pages[first_appendix:])
    assert "2023-03-29" in appendix and "新签约、在手在谈" in appendix


def test_half_year_and_unit_scope(demo_file: Store, tmp_path: Path) -> None:
    half = Period(date(2023, 1, 1), date(2023, 6, 30))
    text = pdf_text(build_briefing(briefing_data(half), tmp_path / "h1.pdf"))
    assert "1~6月,全市新签约总投资亿元以上产业项目41个,总投资160.7亿元。" in text
    assert "从体量规模看,总投资30亿元以上项目2个," in text
    zone = briefing_data(JAN_JUL, unit_named("开发区"))
    text = pdf_text(build_briefing(zone, tmp_path / "zone.pdf"))
    assert "1~7月,开发区新签约总投资亿元以上产业项目8个,总投资41.1亿元。" in text
    assert "截至7月底,开发区在手在谈项目28个,均为内资项目,总投资额230亿元。" in text


def test_signing_event_of_august(demo_file: Store, tmp_path: Path) -> None:
    period = Period(date(2023, 8, 1), date(2023, 8, 31))
    text = pdf_text(build_briefing(briefing_data(period), tmp_path / "aug.pdf"))
    assert "现场集中签约项目22个,累计金额75.2亿元。" in text


def test_daya_project_brief(demo_file: Store, tmp_path: Path) -> None:
    data = project_brief_data(find_project("大亚新能源材料建设项目"), date(2023, 8, 5))
    text = pdf_text(build_project_brief(data, tmp_path / "daya.pdf"))
    assert "项目总投资30亿元,其中一期投资11.6亿元,二期投资18.4亿元。" in text
    assert "一期投产后电池箔4万吨产能,销售额约20亿元。" in text
    assert (
        "全部达产后可形成年产电池箔5万吨、铝箔正极集流体4.3万吨、电池及储能托盘100万件,"
        "新增产值50亿元" in text
    )
    assert "年纳税5亿元" in text
    # The construction content closes as a sentence, and the phase already told in it
    # is not repeated on a line of its own.
    assert "电池及储能托盘100万件的生产能力。" in text
    assert "一期:一条电池箔专用生产线" not in text


def test_chuangli_project_brief(demo_file: Store, tmp_path: Path) -> None:
    data = project_brief_data(
        find_project("江苏创力电梯垂直电梯部件及储能生产建设项目"), date(2023, 8, 5)
    )
    assert data.days_land_to_start == 7
    assert data.permit_working_days == 4
    pdf = build_project_brief(data, tmp_path / "chuangli.pdf")
    text = pdf_text(pdf)
    assert "是镇江市重点产业类项目之一" in text
    assert "项目总投资3.6亿元。" in text
    assert "占地85亩,新建厂房5.3万平方米。" in text
    assert "3月29日开工" in text
    assert "从拿到地到全面开工仅用7天。" in text
    assert "4个工作日内完成开工前全部证照。" in text
    assert "预计2023年10月竣工投产。" in text
    assert "年销售收入12亿元" in text
    assert render_pages(pdf, tmp_path)
