"""Editing through ProjectData: validation beside fields, saving, snapshots for undo."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.errors import ValidationError
from db.reads.lookalikes import similar_records
from db.records.projects import (
    CapacityData,
    PhaseData,
    ProjectData,
    delete_projects,
    load_project,
    save_project,
    validate,
)
from db.rules.credit_code import check_character
from db.store.models import CapacityLine, Phase, Project
from db.store.settings import own_unit
from db.store.unit_file import Store

CODE17 = "91321181MA1XY012A"
VALID_CODE = CODE17 + check_character(CODE17)


def daya(unit_id: int) -> ProjectData:
    return ProjectData(
        name="大亚新能源材料建设项目",
        investor_name="大亚科技集团有限公司",
        unit_id=unit_id,
        credit_code=VALID_CODE,
        total_investment=Decimal(300000),
        industry_code="32",
        phases=[PhaseData("一期", Decimal(116000)), PhaseData("二期", Decimal(184000))],
        capacity=[
            CapacityData("电池箔", Decimal(5), "万吨/年"),
            CapacityData("铝箔正极集流体", Decimal("4.3"), "万吨/年"),
            CapacityData("电池及储能托盘", Decimal(100), "万件/年"),
            CapacityData("电池箔", Decimal(4), "万吨/年", phase_name="一期"),
        ],
    )


def test_problems_are_named_beside_their_fields(unit_file: Store) -> None:
    data = ProjectData(
        unit_id=own_unit().id,
        credit_code=VALID_CODE[:17] + ("0" if VALID_CODE[17] != "0" else "1"),
        industry_code="99",
        total_investment=Decimal(-5),
    )
    problems = {p.field: p.message for p in validate(data)}
    assert problems["name"] == "请填写项目名称"
    assert problems["investor_name"] == "请填写投资方"
    assert "校验位错误" in problems["credit_code"]
    assert "两位大类代码" in problems["industry_code"]
    assert problems["total_investment"] == "总投资不能为负数"


def test_total_investment_is_required(unit_file: Store) -> None:
    data = daya(own_unit().id)
    data.total_investment = None
    assert {p.field: p.message for p in validate(data)}["total_investment"] == (
        "请填写总投资(线索可填估算值)"
    )


def test_phases_may_not_exceed_the_total(unit_file: Store) -> None:
    data = daya(own_unit().id)
    data.total_investment = Decimal(200000)
    assert any(p.field == "phases" and "超过" in p.message for p in validate(data))
    with pytest.raises(ValidationError):
        save_project(data)
    assert Project.select().count() == 0


def test_save_and_load_round_trip_with_phases_and_capacity(unit_file: Store) -> None:
    uuid = save_project(daya(own_unit().id)).value
    loaded = load_project(uuid)
    assert [(p.name, p.investment) for p in loaded.phases] == [
        ("一期", Decimal(116000)),
        ("二期", Decimal(184000)),
    ]
    assert [(c.product, c.quantity, c.phase_name) for c in loaded.capacity] == [
        ("电池箔", Decimal(5), None),
        ("铝箔正极集流体", Decimal("4.3"), None),
        ("电池及储能托盘", Decimal(100), None),
        ("电池箔", Decimal(4), "一期"),
    ]
    assert loaded.credit_code == VALID_CODE
    loaded.phases.pop()
    loaded.remarks = "二期暂缓"
    save_project(loaded)
    assert Phase.live().count() == 1
    assert Project.get().remarks == "二期暂缓"
    assert Project.get().revision == 2


def test_delete_and_restore(unit_file: Store) -> None:
    uuid = save_project(daya(own_unit().id)).value
    deleted = delete_projects([uuid])
    assert Project.live().count() == 0
    assert Project.select().count() == 1  # the tombstone stays for the merge
    deleted.undo()
    assert Project.live().count() == 1
    assert CapacityLine.live().count() == 4


def test_similar_investor_and_project_are_found(unit_file: Store) -> None:
    save_project(daya(own_unit().id))
    again = ProjectData(
        name="大亚新能源材料建设项目",
        investor_name="江苏大亚科技集团股份有限公司",
        unit_id=own_unit().id,
    )
    found = {
        (s.kind, s.why)
        for s in similar_records(again.name, again.investor_name, again.credit_code, again.uuid)
    }
    assert ("investor", "名称相近;该投资方已有 1 个项目") in found
    assert ("project", "投资方相同、项目名称相同") in found
