"""The counting rules (统计口径) at their edges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.errors import ValidationError
from db.reads.figures import Period, figures, pipeline_as_of, project_stage_on, signed_in_period
from db.records.settings import put_priority_system, set_exchange_rate
from db.records.stages import record_stage
from db.rules.industry import Sector, sector_of
from db.rules.vocabulary import Stage
from db.store.unit_file import Store
from tests.factories import make_project

JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))
SIGNED_MAR = ((Stage.TALKS, date(2023, 1, 5)), (Stage.SIGNED, date(2023, 3, 1)))


def test_threshold_is_one_yi_for_domestic_and_ten_million_dollars_for_foreign(
    hq_file: Store,
) -> None:
    make_project("刚好一亿", 10000, events=SIGNED_MAR)
    make_project("差一点", Decimal("9999.99"), events=SIGNED_MAR)
    make_project("外资刚好", 1000, capital="foreign", events=SIGNED_MAR)
    make_project("外资差一点", Decimal("999.99"), capital="foreign", events=SIGNED_MAR)
    names = {p.name for p in signed_in_period(JAN_JUL).projects}
    assert names == {"刚好一亿", "外资刚好"}


def test_real_estate_is_not_counted(hq_file: Store) -> None:
    make_project("住宅小区", 500000, industry_code="70", events=SIGNED_MAR)
    assert signed_in_period(JAN_JUL).count == 0


def test_period_ends_are_inclusive_and_a_project_counts_at_its_first_signing(
    hq_file: Store,
) -> None:
    make_project("一月一日", events=[(Stage.SIGNED, date(2023, 1, 1))])
    make_project("七月卅一", events=[(Stage.SIGNED, date(2023, 7, 31))])
    make_project("八月一日", events=[(Stage.SIGNED, date(2023, 8, 1))])
    resigned = make_project(
        "去年签过",
        events=[(Stage.SIGNED, date(2022, 12, 1)), (Stage.DROPPED, date(2023, 1, 10))],
    )
    record_stage(resigned, Stage.SIGNED, date(2023, 2, 1))
    names = {p.name for p in signed_in_period(JAN_JUL).projects}
    assert names == {"一月一日", "七月卅一"}


def test_size_bands_are_exclusive_and_include_their_lower_bound(hq_file: Store) -> None:
    for name, wan in (
        ("三十亿", 300000),
        ("十亿", 100000),
        ("九点九九亿", 99900),
        ("五亿", 50000),
        ("一亿", 10000),
    ):
        make_project(name, wan, events=SIGNED_MAR)
    bands = dict(signed_in_period(JAN_JUL).size_bands)
    assert bands == {Decimal(30): 1, Decimal(10): 1, Decimal(5): 2, Decimal(1): 1}


def test_foreign_projects_are_banded_at_the_stored_rate(hq_file: Store) -> None:
    set_exchange_rate(Decimal("7.2"), date(2023, 7, 31))
    make_project("外资项目", 42000, capital="foreign", events=SIGNED_MAR)  # 30.24亿元
    signed = signed_in_period(JAN_JUL)
    assert dict(signed.size_bands)[Decimal(30)] == 1
    assert signed.foreign_total_wan_usd == 42000
    assert signed.total_wan_cny == Decimal("302400")
    assert signed.domestic_total_wan_cny == 0


@pytest.mark.parametrize(
    ("code", "sector"),
    [
        ("13", Sector.MANUFACTURING),
        ("42", Sector.MANUFACTURING),
        ("43", Sector.SERVICES),
        ("05", Sector.SERVICES),
        ("11", Sector.SERVICES),
        ("51", Sector.SERVICES),
        ("97", Sector.SERVICES),
        ("01", Sector.OTHER),
        ("44", Sector.OTHER),
        ("50", Sector.OTHER),
        (None, Sector.OTHER),
    ],
)
def test_sector_from_the_industry_code(code: str | None, sector: Sector) -> None:
    assert sector_of(code) is sector


def test_priority_chain_share_has_one_decimal(hq_file: Store) -> None:
    put_priority_system("4+3+1", ["新材料", "新能源"])
    for i in range(3):
        make_project(f"链上{i}", chain="新材料", events=SIGNED_MAR)
    make_project("链外", chain="纺织", events=SIGNED_MAR)
    make_project("无链", events=SIGNED_MAR)
    make_project("无链2", events=SIGNED_MAR)
    signed = signed_in_period(JAN_JUL)
    assert (signed.priority_count, signed.priority_share_pct) == (3, "50.0")


def test_pipeline_counts_talks_and_signed_not_started(hq_file: Store) -> None:
    d = date(2023, 7, 31)
    make_project("在谈", events=[(Stage.TALKS, date(2023, 5, 1))])
    make_project("签约未开工", events=[(Stage.SIGNED, date(2023, 6, 1))])
    make_project(
        "已注册", events=[(Stage.SIGNED, date(2023, 6, 1)), (Stage.REGISTERED, date(2023, 7, 1))]
    )
    make_project(
        "已开工", events=[(Stage.SIGNED, date(2023, 6, 1)), (Stage.STARTED, date(2023, 7, 1))]
    )
    make_project(
        "八月开工", events=[(Stage.SIGNED, date(2023, 6, 1)), (Stage.STARTED, date(2023, 8, 1))]
    )
    make_project("线索", events=[(Stage.LEAD, date(2023, 5, 1))])
    make_project(
        "中止", events=[(Stage.TALKS, date(2023, 5, 1)), (Stage.DROPPED, date(2023, 6, 1))]
    )
    make_project("外资在谈", 2000, capital="foreign", events=[(Stage.TALKS, date(2023, 5, 1))])
    pipeline = pipeline_as_of(d)
    assert {p.name for p in pipeline.projects} == {
        "在谈",
        "签约未开工",
        "已注册",
        "八月开工",
        "外资在谈",
    }
    assert (pipeline.negotiating, pipeline.signed_not_started) == (2, 3)
    assert (pipeline.domestic_count, pipeline.domestic_total_wan_cny) == (4, 40000)
    assert (pipeline.foreign_count, pipeline.foreign_total_wan_usd) == (1, 2000)


def test_stage_on_a_date_is_the_latest_event_up_to_it(hq_file: Store) -> None:
    project = make_project(
        "大亚",
        events=[
            (Stage.TALKS, date(2023, 1, 5)),
            (Stage.SIGNED, date(2023, 3, 1)),
            (Stage.STARTED, date(2023, 5, 10)),
        ],
    )
    assert project_stage_on(project, date(2023, 1, 4)) is None
    assert project_stage_on(project, date(2023, 3, 1)) is Stage.SIGNED
    assert project_stage_on(project, date(2023, 5, 9)) is Stage.SIGNED
    assert project_stage_on(project, date(2023, 7, 31)) is Stage.STARTED
    assert project.stage == Stage.STARTED


def test_stage_dates_out_of_order_are_refused(hq_file: Store) -> None:
    project = make_project("乱序", events=[(Stage.STARTED, date(2023, 3, 1))])
    with pytest.raises(ValidationError, match="签约日期 2023-04-01 晚于开工日期 2023-03-01"):
        record_stage(project, Stage.SIGNED, date(2023, 4, 1))


def test_dropping_needs_a_reason(hq_file: Store) -> None:
    project = make_project("要中止", events=[(Stage.TALKS, date(2023, 3, 1))])
    with pytest.raises(ValidationError, match="中止原因"):
        record_stage(project, Stage.DROPPED, date(2023, 4, 1), reason=" ")


def test_unit_scope_and_breakdown(hq_file: Store) -> None:
    make_project("甲", 20000, unit="开发区", events=SIGNED_MAR)
    make_project("乙", 30000, unit="吕城镇", events=[(Stage.TALKS, date(2023, 2, 1))])
    whole = figures(JAN_JUL)
    # sorted by name (code point order: 吕 U+5415 before 开 U+5F00)
    assert [(u.unit, u.signed_count, u.pipeline_count) for u in whole.by_unit] == [
        ("吕城镇", 0, 1),
        ("开发区", 1, 1),
    ]
    from db.reads.units import unit_named

    only = figures(JAN_JUL, unit_named("开发区"))
    assert only.signed.count == 1 and only.pipeline.count == 1
    assert [u.unit for u in only.by_unit] == ["开发区"]


def test_signing_and_start_on_one_day_count_as_started_whatever_was_typed_first(
    hq_file: Store,
) -> None:
    day = date(2023, 3, 29)
    project = make_project("同日签约开工", 36000)
    record_stage(project, Stage.STARTED, day)
    record_stage(project, Stage.SIGNED, day)
    assert project_stage_on(project, day) is Stage.STARTED
    assert project.stage == Stage.STARTED
    assert pipeline_as_of(day).count == 0
