"""The briefing's settings: issues numbered per year, 印数, the order of units, the size
of a major project; each checked, saved as one undoable operation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.errors import ValidationError
from db.reads.briefing import briefing_data, header_for
from db.reads.figures import Period
from db.reads.units import unit_named
from db.records.settings import SettingsChange, issue_printed, save_settings
from db.records.units import get_or_create_unit
from db.store import settings
from db.store.unit_file import Store


def _briefing(**values: object) -> settings.Briefing:
    return settings.Briefing(**{**vars(settings.briefing()), **values})  # type: ignore[arg-type]


def test_the_next_issue_of_a_new_year_is_the_first(hq_file: Store) -> None:
    save_settings(SettingsChange(briefing=_briefing(issue_no=12, issue_year=2023)))
    assert header_for(printed_on=date(2023, 12, 20)).issue_no == 12
    assert header_for(printed_on=date(2024, 1, 5)).issue_no == 1
    issue_printed(12, 2023)
    assert (settings.briefing().issue_no, settings.briefing().issue_year) == (13, 2023)
    issue_printed(1, 2024)
    assert (settings.briefing().issue_no, settings.briefing().issue_year) == (2, 2024)
    # A file from before issues had a year numbers on as it did.
    save_settings(SettingsChange(briefing=_briefing(issue_no=7, issue_year=None)))
    issue_printed(3, 2024)
    assert settings.briefing().issue_no == 7


def test_copies_order_and_major_size_are_checked(hq_file: Store) -> None:
    with pytest.raises(ValidationError, match="印数"):
        save_settings(SettingsChange(briefing=_briefing(copies=0)))
    with pytest.raises(ValidationError, match="重复"):
        save_settings(SettingsChange(unit_order=["开发区", "开发区"]))
    with pytest.raises(ValidationError, match="重大项目"):
        save_settings(SettingsChange(major_project_wan_cny=Decimal(-1)))
    result = save_settings(
        SettingsChange(
            briefing=_briefing(copies=60),
            unit_order=[" 吕城镇 ", "开发区", ""],
            major_project_wan_cny=Decimal(50000),
        )
    )
    assert settings.briefing().copies == 60
    assert settings.unit_order() == ("吕城镇", "开发区")
    assert settings.major_project_wan_cny() == Decimal(50000)
    result.undo()
    assert settings.briefing().copies is None
    assert settings.unit_order() == ()
    assert settings.major_project_wan_cny() == Decimal(100000)


def test_units_follow_the_configured_order_then_kind(hq_file: Store) -> None:
    for name in ("上海驻点招商办", "吕城镇", "开发区", "丹北镇", "大亚工业园"):
        get_or_create_unit(name)
    jan_jul = Period(date(2023, 1, 1), date(2023, 7, 31))
    assert [u.unit for u in briefing_data(jan_jul).units] == [
        "开发区",
        "丹北镇",
        "吕城镇",
        "大亚工业园",
        "上海驻点招商办",
    ]
    save_settings(SettingsChange(unit_order=["上海驻点招商办", "吕城镇"]))
    assert [u.unit for u in briefing_data(jan_jul).units][:3] == [
        "上海驻点招商办",
        "吕城镇",
        "开发区",
    ]


def test_a_units_edition_carries_its_name(hq_file: Store) -> None:
    get_or_create_unit("开发区")
    header = header_for(unit=unit_named("开发区"))
    assert (header.title, header.editor) == ("开发区招商工作简报", "市招商中心")
    save_settings(SettingsChange(briefing=_briefing(title="开发区招商动态")))
    assert header_for(unit=unit_named("开发区")).title == "开发区招商动态"
