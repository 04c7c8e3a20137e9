"""The briefing of the article's data reads exactly like the city's published text, with
the year and the full-width punctuation of an official text; the 大亚 and 创力电梯 briefs
state every fact of the article's two paragraphs, with its qualifiers, once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from db.reads.project_brief import find_project, project_brief_data
from db.store.unit_file import Store
from reports.fonts import typefaces
from tests.reports.pdf_tools import missing_glyphs, pdf_text, render_pages

ARTICLE_SENTENCES = (
    "2023年1~7月，全市新签约总投资亿元以上产业项目42个，总投资260.69亿元。",
    "从体量规模看，总投资30亿元以上项目3个，10亿元以上项目3个，5亿元以上项目2个。",
    "从产业分类看，制造业项目41个，服务业1个，其中“4+3+1”产业项目26个，占比61.9%。",
    "截至2023年7月底，全市在手在谈项目113个，其中内资项目97个，总投资额369.03亿元；"
    "外资项目16个，总投资7.37亿美元。",
)


def test_city_briefing_has_the_articles_sentences(example_documents: dict[str, Path]) -> None:
    text = pdf_text(example_documents["city"])
    for sentence in ARTICLE_SENTENCES:
        assert sentence in text


def test_development_zone_paragraph_speaks_of_the_pipeline_in_one_term(
    example_documents: dict[str, Path],
) -> None:
    text = pdf_text(example_documents["city"])
    assert (
        "2023年1~7月，开发区签约项目8个，总投资41.1亿元；在手在谈项目28个，总投资230亿元；"
        "产业涉及" in text
    )
    assert "在手重点推进" not in text


def test_every_page_renders_without_missing_glyphs(
    example_documents: dict[str, Path], tmp_path: Path
) -> None:
    city = example_documents["city"]
    pages = render_pages(city, tmp_path)
    assert len(pages) == len(PdfReader(str(city)).pages) >= 3
    assert missing_glyphs(city, typefaces()) == set()


def test_the_appendix_is_on_landscape_pages_with_one_line_dates(
    example_documents: dict[str, Path],
) -> None:
    city = example_documents["city"]
    reader = PdfReader(str(city))
    shapes = [
        "landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in reader.pages
    ]
    first_appendix = next(i for i, page in enumerate(reader.pages) if "附表" in page.extract_text())
    assert shapes[:first_appendix] == ["portrait"] * first_appendix
    assert shapes[first_appendix:] == ["landscape"] * (len(shapes) - first_appendix)
    # Dates and groups have room: none is broken over two lines.
    appendix = "\n".join(page.extract_text() for page in reader.pages[first_appendix:])
    assert "2023-03-29" in appendix and "新签约、" in appendix


def test_half_year_and_unit_scope(example_documents: dict[str, Path]) -> None:
    text = pdf_text(example_documents["half-year"])
    assert "2023年上半年，全市新签约总投资亿元以上产业项目41个，总投资160.7亿元。" in text
    assert "从体量规模看，总投资30亿元以上项目2个，" in text
    assert "附表2023年上半年新签约及在手在谈项目清单" in text
    zone = pdf_text(example_documents["zone"])
    assert "2023年1~7月，开发区新签约总投资亿元以上产业项目8个，总投资41.1亿元。" in zone
    assert "截至2023年7月底，开发区在手在谈项目28个，均为内资项目，总投资额230亿元。" in zone


def test_signing_event_of_august(example_documents: dict[str, Path]) -> None:
    text = pdf_text(example_documents["august"])
    assert "2023年8月8日，开发区举办开发区政银企对接活动暨金融工作大会，" in text
    assert "现场集中签约项目22个，累计金额75.2亿元。" in text


def test_daya_brief_states_the_articles_facts_with_their_qualifiers(
    example_documents: dict[str, Path],
) -> None:
    text = pdf_text(example_documents["daya"])
    for fact in (
        "大亚新能源材料建设项目由大亚科技集团有限公司投资建设，是开发区今年新签约的重大项目之一。",
        "项目总投资30亿元，其中一期投资11.6亿元，二期投资18.4亿元。",
        "项目落户大亚工业园区。",  # under construction: 落户, not 拟落户
        "一期：一条电池箔专用生产线，新建厂房约30000平方米。",
        "一期投产后电池箔总产能达4万吨，销售额约20亿元。",
        "全部达产后可形成年产电池箔5万吨、铝箔正极集流体4.3万吨、电池及储能托盘100万件，"
        "新增产值达50亿元，年纳税超5亿元",
    ):
        assert fact in text, fact
    # Each fact once: the construction content repeats none of the figures told.
    for figure in ("11.6亿元", "18.4亿元", "30000平方米", "4.3万吨", "100万件", "超5亿元"):
        assert text.count(figure) == 1, figure
    assert "拟落户" not in text


def test_chuangli_brief_states_the_articles_facts(
    example_documents: dict[str, Path], demo_file: Store
) -> None:
    data = project_brief_data(
        find_project("江苏创力电梯垂直电梯部件及储能生产建设项目"), date(2023, 8, 5)
    )
    assert data.days_land_to_start == 7
    assert data.permit_working_days == 4
    pdf = example_documents["chuangli"]
    text = pdf_text(pdf)
    for fact in (
        "是镇江市重点产业类项目之一",
        "项目总投资3.6亿元。",
        "项目占地85亩，新建厂房5.3万平方米。",
        "项目已于2023年3月10日签约、3月29日开工。",
        "从拿到地到全面开工，项目仅用7天，并在4个工作日内完成开工前全部证照。",
        "预计2023年10月竣工投产。",
        "年销售收入12亿元",
    ):
        assert fact in text, fact
    assert "重大项目" not in text  # 3.6亿元 is below the configured size
    # The timeline counts each interval in the unit of its sentence (cells read in order).
    assert "2023-03-27证照办结自证照申报4个工作日" in text
    assert "5天" not in text
    assert "2023-03-29开工自拿地7天" in text
