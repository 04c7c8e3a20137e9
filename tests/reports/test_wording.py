"""The briefing's sentences: periods with their year and names, omitted groups, 均为 for
a whole, the rate said once, full-width punctuation, the brief's figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.reads.briefing import briefing_data
from db.reads.figures import Period, figures
from db.reads.units import unit_named
from db.records.settings import set_exchange_rate
from db.rules.qualifier import Qualifier
from db.rules.vocabulary import Stage
from db.store.unit_file import Store
from reports import wording
from reports.pdf_common import cn
from tests.factories import make_project


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2023, 1, 1), date(2023, 7, 31), "2023年1~7月"),
        (date(2023, 7, 1), date(2023, 7, 31), "2023年7月"),
        (date(2023, 3, 1), date(2023, 7, 31), "2023年3~7月"),
        (date(2023, 1, 1), date(2023, 3, 31), "2023年一季度"),
        (date(2023, 4, 1), date(2023, 6, 30), "2023年二季度"),
        (date(2023, 1, 1), date(2023, 6, 30), "2023年上半年"),
        (date(2023, 7, 1), date(2023, 12, 31), "2023年下半年"),
        (date(2023, 1, 1), date(2023, 9, 30), "2023年前三季度"),
        (date(2023, 1, 1), date(2023, 12, 31), "2023年全年"),
        (date(2022, 12, 1), date(2023, 2, 28), "2022年12月~2023年2月"),
        (date(2024, 1, 1), date(2024, 2, 29), "2024年1~2月"),
        (date(2023, 3, 5), date(2023, 7, 20), "2023年3月5日~7月20日"),
    ],
)
def test_period_words_follow_the_period(start: date, end: date, words: str) -> None:
    assert wording.period_words(Period(start, end)) == words


def test_as_of_words_carry_the_year() -> None:
    assert wording.as_of_words(date(2023, 7, 31)) == "截至2023年7月底"
    assert wording.as_of_words(date(2023, 7, 20)) == "截至2023年7月20日"
    assert wording.as_of_words(date(2024, 2, 29)) == "截至2024年2月底"


JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))
SIGNED = ((Stage.SIGNED, date(2023, 3, 1)),)


def test_empty_period_reads_as_none_rather_than_zero(hq_file: Store) -> None:
    text = wording.overview_paragraph(figures(JAN_JUL))
    assert text == (
        "2023年1~7月，全市暂无新签约总投资亿元以上产业项目。截至2023年7月底，全市暂无在手在谈项目。"
    )
    assert "0个" not in text


def test_bands_and_sectors_without_projects_are_left_out(hq_file: Store) -> None:
    make_project("十二亿", 120000, chain="新材料", events=SIGNED)
    make_project("二亿", 20000, industry_code="65", events=SIGNED)
    sentences = wording.signed_sentences(figures(JAN_JUL))
    assert sentences[1] == "从体量规模看，总投资10亿元以上项目1个。"
    assert sentences[2] == (
        "从产业分类看，制造业项目1个，服务业1个，其中“4+3+1”产业项目1个，占比50.0%。"
    )


def test_a_whole_reads_as_all_of_them(hq_file: Store) -> None:
    make_project("软件园", 20000, industry_code="65", events=SIGNED)
    assert wording.signed_sentences(figures(JAN_JUL)) == [
        "2023年1~7月，全市新签约总投资亿元以上产业项目1个，总投资2亿元。",
        "从产业分类看，均为服务业项目。",
    ]
    make_project("新材料", 30000, chain="新材料", events=SIGNED)
    make_project("新能源", 30000, chain="新能源", industry_code="38", events=SIGNED)
    sentences = wording.signed_sentences(figures(JAN_JUL))
    assert (
        sentences[-1]
        == "从产业分类看，制造业项目2个，服务业1个，其中“4+3+1”产业项目2个，占比66.7%。"
    )


def test_all_in_the_priority_chains_reads_as_all(hq_file: Store) -> None:
    make_project("新材料", 30000, chain="新材料", events=SIGNED)
    make_project("新能源", 30000, chain="新能源", industry_code="38", events=SIGNED)
    sentences = wording.signed_sentences(figures(JAN_JUL))
    assert sentences[-1] == "从产业分类看，均为制造业项目，也均为“4+3+1”产业项目。"
    assert "100.0%" not in "".join(sentences)


def test_only_foreign_projects_and_the_rate_said_once(hq_file: Store) -> None:
    set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    make_project("外资一", 2000, capital="foreign", events=((Stage.TALKS, date(2023, 5, 1)),))
    make_project("外资二", 1500, capital="foreign", events=((Stage.SIGNED, date(2023, 6, 1)),))
    result = figures(JAN_JUL)
    assert wording.pipeline_sentence(result) == (
        "截至2023年7月底，全市在手在谈项目2个，均为外资项目，总投资0.35亿美元。"
    )
    note = wording.RateNote(result.exchange_rate)
    signed = wording.signed_sentences(result, note)
    assert signed[0] == (
        "2023年1~7月，全市新签约总投资亿元以上产业项目1个，总投资1.07亿元"
        "（含外资项目，按2023年7月31日汇率1美元兑7.1305元人民币折算）。"
    )
    assert signed[1] == "均为外资项目，总投资0.15亿美元。"
    # Said once: the unit's paragraph converts the same money without saying it again.
    (line,) = briefing_data(JAN_JUL).units
    paragraph = wording.unit_paragraph(JAN_JUL, line, note)
    assert "汇率" not in paragraph
    assert "在手在谈项目2个，均为外资项目，总投资0.35亿美元" in paragraph


def test_unit_paragraph_without_signings(hq_file: Store) -> None:
    make_project(
        "在谈项目",
        50000,
        unit="吕城镇",
        local_industry="新能源",
        events=((Stage.TALKS, date(2023, 5, 1)),),
    )
    data = briefing_data(JAN_JUL, unit_named("吕城镇"))
    (line,) = data.units
    assert wording.unit_paragraph(JAN_JUL, line, wording.RateNote(data.figures.exchange_rate)) == (
        "2023年1~7月，吕城镇暂无新签约项目；在手在谈项目1个，总投资5亿元；产业涉及新能源等。"
    )


def test_pipeline_detail_divides_talks_and_signed_not_started(hq_file: Store) -> None:
    make_project("在谈一", 20000, events=((Stage.TALKS, date(2023, 5, 1)),))
    assert wording.pipeline_detail_sentence(figures(JAN_JUL)) == (
        "截至2023年7月底，全市在手在谈项目1个，均为在谈项目。"
    )
    make_project("签约一", 20000, events=SIGNED)
    assert wording.pipeline_detail_sentence(figures(JAN_JUL)) == (
        "截至2023年7月底，全市在手在谈项目2个，其中在谈项目1个，已签约未开工项目1个。"
    )


def test_signing_event_sentence() -> None:
    assert (
        wording.signing_event_sentence(
            date(2023, 8, 8), "开发区政银企对接活动", "开发区", 22, Decimal(752000)
        )
        == "2023年8月8日，开发区举办开发区政银企对接活动，现场集中签约项目22个，累计金额75.2亿元。"
    )


def test_user_text_is_closed_as_a_sentence() -> None:
    assert wording.as_sentence("新建厂房约30000平方米") == "新建厂房约30000平方米。"
    assert wording.as_sentence("用地指标待落实。 ") == "用地指标待落实。"
    assert wording.as_sentence("需协调用电？") == "需协调用电？"
    assert wording.as_sentence("") == ""


def test_chinese_text_gets_full_width_punctuation() -> None:
    assert cn("市委、市政府主要领导,分管领导") == "市委、市政府主要领导，分管领导"
    assert cn("各镇(区、街道)、开发区; 各驻点招商办: 全体") == (
        "各镇（区、街道）、开发区；各驻点招商办：全体"
    )
    # Between digits and in text without Chinese, ASCII stays.
    assert cn("投资1,000万元,10:30签约") == "投资1,000万元，10:30签约"
    assert cn("KFQ-2023-001 (A, B)") == "KFQ-2023-001 (A, B)"


@pytest.mark.parametrize(
    ("m2", "qualifier", "words"),
    [
        (Decimal(53000), None, "5.3万平方米"),
        (Decimal(30000), Qualifier.ABOUT, "约30000平方米"),
        (Decimal(180000), None, "18万平方米"),
        (Decimal(8000), None, "8000平方米"),
    ],
)
def test_area_words(m2: Decimal, qualifier: Qualifier | None, words: str) -> None:
    assert wording.area_words(m2, qualifier) == words


def test_money_words_carry_the_qualifier() -> None:
    assert wording.money_words(Decimal(200000), qualifier=Qualifier.ABOUT) == "约20亿元"
    assert wording.money_words(Decimal(50000), qualifier=Qualifier.OVER) == "超5亿元"
    assert wording.money_words(Decimal(5000)) == "5000万元"
    assert wording.money_words(Decimal(2000), foreign=True) == "2000万美元"


def test_a_clause_whose_figures_are_told_is_left_out() -> None:
    told = "项目总投资30亿元，其中一期投资11.6亿元，二期投资18.4亿元。新建厂房5.3万平方米。"
    assert wording.untold_clauses(
        "项目分两期建设:一期投资11.6亿元,建设一条生产线,新建厂房53000平方米;二期投资18.4亿元",
        told,
    ) == ("项目分两期建设，建设一条生产线")


def test_a_signing_event_without_a_rate_states_its_foreign_money_apart() -> None:
    sentence = wording.signing_event_sentence(
        date(2023, 6, 18), "政银企对接活动", None, 3, Decimal(300000), Decimal(1500)
    )
    assert sentence == (
        "2023年6月18日，举办政银企对接活动，现场集中签约项目3个，累计金额30亿元，"
        "另有外资项目金额0.15亿美元（未折算）。"
    )
