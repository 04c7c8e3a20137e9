"""Undo of every kind of change puts back every field it changed, and redo puts the
change back again: each operation of db.records returns its inverse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from db.io.ledger.importing import import_rows
from db.records.follow_ups import FollowUpValues, delete_follow_up, save_follow_up, set_done
from db.records.milestones import MilestoneValues, delete_milestone, save_milestone
from db.records.ops import OpResult
from db.records.projects import (
    CapacityData,
    PhaseData,
    ProjectData,
    delete_projects,
    load_project,
    save_project,
)
from db.records.settings import SettingsChange, issue_printed, save_settings, set_exchange_rate
from db.records.signing import SigningEventValues, delete_signing_event, save_signing_event
from db.records.stages import change_stage, delete_stage_event
from db.records.units import CadreRow, UnitIdentity
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.models import (
    BOOKKEEPING,
    MODELS,
    FollowUp,
    Milestone,
    Project,
    SigningEvent,
    StageEvent,
)
from db.store.settings import own_unit
from db.store.unit_file import Store

State = dict[str, list[tuple[Any, ...]]]


def live_state() -> State:
    """Every live row of every table, its fields as stored, bookkeeping left out."""
    state: State = {}
    for model in MODELS:
        fields = [
            model._meta.fields[name]
            for name in model._meta.sorted_field_names
            if name not in BOOKKEEPING
        ]
        rows = model.select(*fields).where(model.deleted == False).tuples()  # noqa: E712
        state[model._meta.table_name] = sorted(tuple(str(v) for v in row) for row in rows)
    return state


def daya() -> ProjectData:
    return ProjectData(
        name="大亚新能源材料建设项目",
        investor_name="大亚科技集团有限公司",
        unit_id=own_unit().id,
        total_investment=Decimal(300000),
        industry_code="32",
        contact_person="眭敏",
        phases=[PhaseData("一期", Decimal(116000)), PhaseData("二期", Decimal(184000))],
        capacity=[CapacityData("电池箔", Decimal(4), "万吨", phase_name="一期")],
    )


def _project() -> str:
    return save_project(daya(), (Stage.TALKS, date(2023, 1, 5))).value


def _edited() -> ProjectData:
    data = load_project(Project.get().uuid)
    data.name = "大亚新能源材料项目"
    data.remarks = "一期在建"
    data.contact_person = "陈经理"  # the investor's 联系人: undone too
    data.contact_phone = "0511-86881234"
    data.phases = data.phases[:1]
    data.capacity[0].quantity = Decimal(5)
    return data


def _milestone() -> str:
    return save_milestone(Project.get().uuid, MilestoneValues("拿地", date(2023, 3, 22))).value


def _follow_up() -> str:
    values = FollowUpValues(date(2023, 7, 18), "拜访", "供电增容", due_date=date(2023, 8, 10))
    return save_follow_up(Project.get().uuid, values).value


def _settings_change() -> SettingsChange:
    unit = own_unit()
    return SettingsChange(
        rate=Decimal("6.95"),
        rate_date=date(2023, 6, 30),
        local_industries=["新材料", "新能源"],
        priority_name="4+4",
        priority_chains=["新材料"],
        size_bands=[Decimal(20), Decimal(1)],
        briefing=settings.Briefing("招商简报", "上海办", 3, "市委", "市府", "各镇"),
        language="en",
        unit_uuid=unit.uuid,
        unit=UnitIdentity("上海驻点招商办(浦东)", "驻点招商办", "上海"),
        cadres=[CadreRow("张伟", "主任", "13800000000"), CadreRow("李娜")],
    )


LEDGER_ROW = {
    "项目名称": "光学膜项目",
    "投资方": "苏州华通新材料有限公司",
    "内外资": "内资",
    "总投资(万元)": 20000,
    "项目阶段": "签约",
    "首次对接日期": date(2023, 2, 1),
    "签约日期": date(2023, 5, 9),
}

# Each case: what to set up first, and the change to undo.
CASES: dict[str, tuple[Callable[[], object], Callable[[], OpResult[Any]]]] = {
    "new project with its first stage": (
        lambda: None,
        lambda: save_project(daya(), (Stage.SIGNED, date(2023, 5, 1))),
    ),
    "edit of project, investor, phases and capacity": (_project, lambda: save_project(_edited())),
    "delete projects": (_project, lambda: delete_projects([Project.get().uuid])),
    "stage change": (
        _project,
        lambda: change_stage(Project.get().uuid, Stage.SIGNED, date(2023, 5, 9)),
    ),
    "delete a stage record": (
        lambda: (_project(), change_stage(Project.get().uuid, Stage.SIGNED, date(2023, 5, 9))),
        lambda: delete_stage_event(StageEvent.get(StageEvent.stage == "signed").uuid),
    ),
    "new milestone": (
        _project,
        lambda: save_milestone(
            Project.get().uuid, MilestoneValues("拿地", date(2023, 3, 22), "取得不动产权证")
        ),
    ),
    "edit milestone": (
        lambda: (_project(), _milestone()),
        lambda: save_milestone(
            Project.get().uuid,
            MilestoneValues("证照办结", date(2023, 3, 27), "4个工作日"),
            Milestone.get().uuid,
        ),
    ),
    "delete milestone": (
        lambda: (_project(), _milestone()),
        lambda: delete_milestone(Milestone.get().uuid),
    ),
    "new follow-up": (
        _project,
        lambda: save_follow_up(
            Project.get().uuid, FollowUpValues(date(2023, 7, 1), "电话", "约访")
        ),
    ),
    "edit follow-up": (
        lambda: (_project(), _follow_up()),
        lambda: save_follow_up(
            Project.get().uuid,
            FollowUpValues(
                date(2023, 7, 19),
                "洽谈",
                "增容方案",
                "钱立新",
                "报供电公司",
                date(2023, 8, 20),
                True,
            ),
            FollowUp.get().uuid,
        ),
    ),
    "delete follow-up": (
        lambda: (_project(), _follow_up()),
        lambda: delete_follow_up(FollowUp.get().uuid),
    ),
    "mark done": (lambda: (_project(), _follow_up()), lambda: set_done([FollowUp.get().uuid])),
    "signing event recording signings": (
        _project,
        lambda: save_signing_event(
            SigningEventValues("政银企对接活动", date(2023, 8, 8), "开发区"),
            None,
            [Project.get().uuid],
            True,
        ),
    ),
    "delete signing event": (
        lambda: (
            _project(),
            save_signing_event(
                SigningEventValues("政银企对接活动", date(2023, 8, 8)), None, [Project.get().uuid]
            ),
        ),
        lambda: delete_signing_event(SigningEvent.get().uuid),
    ),
    "settings, unit and cadres": (lambda: None, lambda: save_settings(_settings_change())),
    "exchange rate": (lambda: None, lambda: set_exchange_rate(Decimal("7.2"), date(2023, 7, 31))),
    "briefing printed": (lambda: None, lambda: issue_printed(1)),
    "ledger import": (_project, lambda: import_rows([(2, LEDGER_ROW)], "台账.xlsx")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_undo_restores_every_field_and_redo_repeats(unit_file: Store, case: str) -> None:
    setup, change = CASES[case]
    setup()
    before = live_state()
    done = change()
    after = live_state()
    assert after != before, "the change changed nothing"
    assert not done.changes.empty
    undone = done.undo()
    assert live_state() == before
    assert undone.changes.tables == done.changes.tables
    redone = undone.undo()
    assert live_state() == after
    redone.undo()
    assert live_state() == before
