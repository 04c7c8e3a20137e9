"""The briefing's sentences: period words, omitted groups, grammatical edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from db.reads.figures import Period, figures
from db.reads.units import unit_named
from db.records.settings import set_exchange_rate
from db.rules.vocabulary import Stage
from db.store.unit_file import Store
from reports import wording
from tests.factories import make_project


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2023, 1, 1), date(2023, 7, 31), "1~7月"),
        (date(2023, 7, 1), date(2023, 7, 31), "7月"),
        (date(2023, 3, 1), date(2023, 7, 31), "3~7月"),
        (date(2022, 12, 1), date(2023, 2, 28), "2022年12月~2023年2月"),
        (date(2024, 1, 1), date(2024, 2, 29), "1~2月"),
        (date(2023, 3, 5), date(2023, 7, 20), "3月5日~7月20日"),
    ],
)
def test_period_words_follow_the_period(start: date, end: date, words: str) -> None:
    assert wording.period_words(Period(start, end)) == words


def test_as_of_words() -> None:
    assert wording.as_of_words(date(2023, 7, 31)) == "截至7月底"
    assert wording.as_of_words(date(2023, 7, 20)) == "截至7月20日"
    assert wording.as_of_words(date(2023, 2, 28), with_year=True) == "截至2023年2月底"


JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))


def test_empty_period_reads_as_none_rather_than_zero(hq_file: Store) -> None:
    text = wording.overview_paragraph(figures(JAN_JUL))
    assert text == ("1~7月,全市暂无新签约总投资亿元以上产业项目。截至7月底,全市暂无在手在谈项目。")
    assert "0个" not in text


def test_bands_and_sectors_without_projects_are_left_out(hq_file: Store) -> None:
    signed = ((Stage.SIGNED, date(2023, 3, 1)),)
    make_project("十二亿", 120000, chain="新材料", events=signed)
    make_project("二亿", 20000, industry_code="65", events=signed)
    sentences = wording.signed_sentences(figures(JAN_JUL))
    assert sentences[1] == "从体量规模看,总投资10亿元以上项目1个。"
    assert sentences[2] == (
        "从产业分类看,制造业项目1个,服务业1个,其中“4+3+1”产业项目1个,占比50.0%。"
    )


def test_services_only_and_no_priority_chain(hq_file: Store) -> None:
    make_project("软件园", 20000, industry_code="65", events=((Stage.SIGNED, date(2023, 3, 1)),))
    sentences = wording.signed_sentences(figures(JAN_JUL))
    assert sentences == [
        "1~7月,全市新签约总投资亿元以上产业项目1个,总投资2亿元。",
        "从产业分类看,服务业项目1个。",
    ]


def test_only_foreign_projects(hq_file: Store) -> None:
    from decimal import Decimal

    set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    make_project("外资一", 2000, capital="foreign", events=((Stage.TALKS, date(2023, 5, 1)),))
    make_project("外资二", 1500, capital="foreign", events=((Stage.SIGNED, date(2023, 6, 1)),))
    result = figures(JAN_JUL)
    assert wording.pipeline_sentence(result) == (
        "截至7月底,全市在手在谈项目2个,均为外资项目,总投资0.35亿美元。"
    )
    signed = wording.signed_sentences(result)
    assert signed[0] == "1~7月,全市新签约总投资亿元以上产业项目1个,总投资1.07亿元。"
    assert signed[1] == (
        "其中外资项目1个,总投资0.15亿美元(按2023年7月31日汇率1美元兑7.1305元人民币折算)。"
    )


def test_unit_paragraph_without_signings(hq_file: Store) -> None:
    make_project(
        "在谈项目",
        50000,
        unit="吕城镇",
        local_industry="新能源",
        events=((Stage.TALKS, date(2023, 5, 1)),),
    )
    result = figures(JAN_JUL, unit_named("吕城镇"))
    line = result.by_unit[0]
    assert wording.unit_paragraph(JAN_JUL, line, False, result.exchange_rate) == (
        "1~7月,吕城镇暂无新签约项目;在手重点推进项目1个,总投资5亿元;产业涉及新能源等。"
    )


def test_signing_event_sentence() -> None:
    from decimal import Decimal

    assert (
        wording.signing_event_sentence(
            date(2023, 8, 8), "开发区政银企对接活动", "开发区", 22, Decimal(752000)
        )
        == "8月8日,开发区举办开发区政银企对接活动,现场集中签约项目22个,累计金额75.2亿元。"
    )


def test_user_text_is_closed_as_a_sentence() -> None:
    assert wording.as_sentence("新建厂房约30000平方米") == "新建厂房约30000平方米。"
    assert wording.as_sentence("用地指标待落实。 ") == "用地指标待落实。"
    assert wording.as_sentence("需协调用电?") == "需协调用电?"
    assert wording.as_sentence("") == ""
