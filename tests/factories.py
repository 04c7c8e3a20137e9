"""Small builders of records for tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.records.investors import find_or_create_investor
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.vocabulary import Stage
from db.store.models import Project, Unit
from db.store.settings import own_unit


def make_project(
    name: str = "测试项目",
    total: Decimal | int | str = 10000,
    *,
    capital: str = "domestic",
    industry_code: str | None = "36",
    chain: str | None = None,
    local_industry: str | None = None,
    unit: Unit | str | None = None,
    events: list[tuple[Stage, date]] | tuple[tuple[Stage, date], ...] = (),
) -> Project:
    if isinstance(unit, str):
        unit = get_or_create_unit(unit)
    unit = unit or own_unit() or get_or_create_unit("开发区")
    project = Project.create(
        name=name,
        investor=find_or_create_investor(f"{name}投资方"),
        capital=capital,
        total_investment=Decimal(total),
        industry_code=industry_code,
        chain=chain,
        local_industry=local_industry,
        unit=unit,
    )
    for stage, when in events:
        record_stage(project, stage, when, reason="测试" if stage is Stage.DROPPED else None)
    return project
