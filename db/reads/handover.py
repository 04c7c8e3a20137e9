"""What headquarters sees of the handovers (交接): each unit's last file and whether it
is overdue, the import log, the conflicts and the suspected duplicates to review."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from peewee import ForeignKeyField

from db.reads.units import live_units
from db.rules.money import plain
from db.rules.stages import live_events
from db.rules.vocabulary import Capital, Stage
from db.store import settings
from db.store.fields import ScaledDecimalField
from db.store.labels import FIELD_LABELS, TABLE_LABELS
from db.store.models import (
    MODEL_BY_TABLE,
    DuplicatePair,
    Handover,
    MergeConflict,
    Project,
    Unit,
    UnitKey,
)


@dataclass(frozen=True)
class UnitHandover:
    """One unit's line of the headquarters view."""

    unit_uuid: str
    unit_name: str
    last_exported_at: datetime | None
    last_merged_at: datetime | None
    sequence: int | None
    counts: dict[str, int]  # records of every kind: new, changed, conflict…
    projects: dict[str, int]  # the same for projects alone
    overdue: bool
    days_since: int | None
    flag: str | None
    key_registered: bool


@dataclass(frozen=True)
class LogLine:
    merged_at: datetime
    unit_name: str
    sequence: int
    exported_at: datetime
    file_name: str
    counts: dict[str, int]
    projects: dict[str, int]
    duplicates: int
    flag: str | None


@dataclass(frozen=True)
class FieldDifference:
    label: str
    hq: str
    unit: str


@dataclass(frozen=True)
class ConflictView:
    uuid: str
    what: str  # 项目“大亚新能源材料建设项目”
    unit_name: str
    detected_at: datetime
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class DuplicateSide:
    uuid: str
    name: str
    unit: str
    capital: Capital
    total: Decimal | None
    first_event: date | None


@dataclass(frozen=True)
class DuplicateView:
    uuid: str
    first: DuplicateSide
    second: DuplicateSide
    reason: str
    status: str  # open / same / different
    credited_uuid: str | None


def _summary(handover: Handover) -> dict[str, Any]:
    try:
        value: dict[str, Any] = json.loads(handover.summary)
    except ValueError:
        return {}
    return value


def unit_handovers(today: date) -> list[UnitHandover]:
    """Every live unit with its last accepted handover; overdue after ``overdue_days``."""
    limit = settings.overdue_days()
    lines = []
    for unit in live_units():
        last = (
            Handover.select()
            .where(Handover.unit_uuid == unit.uuid)
            .order_by(Handover.merged_at.desc(), Handover.id.desc())
            .first()
        )
        key = (
            UnitKey.select()
            .where(UnitKey.unit_uuid == unit.uuid)
            .order_by(UnitKey.id.desc())
            .first()
        )
        days = (today - last.merged_at.date()).days if last is not None else None
        lines.append(
            UnitHandover(
                unit_uuid=unit.uuid,
                unit_name=unit.name,
                last_exported_at=last.exported_at if last else None,
                last_merged_at=last.merged_at if last else None,
                sequence=last.sequence if last else None,
                counts=_summary(last).get("counts", {}) if last else {},
                projects=_summary(last).get("tables", {}).get("project", {}) if last else {},
                overdue=days is None or days > limit,
                days_since=days,
                flag=last.flag if last else None,
                key_registered=key is not None and key.action == "pinned",
            )
        )
    return lines


def handover_log(limit: int = 200) -> list[LogLine]:
    """The accepted handovers, latest first (导入记录)."""
    query = Handover.select().order_by(Handover.merged_at.desc(), Handover.id.desc()).limit(limit)
    return [
        LogLine(
            h.merged_at,
            h.unit_name,
            h.sequence,
            h.exported_at,
            h.file_name,
            _summary(h).get("counts", {}),
            _summary(h).get("tables", {}).get("project", {}),
            int(_summary(h).get("duplicates", 0)),
            h.flag,
        )
        for h in query
    ]


def _display(table: str, column: str, raw: Any) -> str:
    if raw is None or raw == "":
        return "—"
    model = MODEL_BY_TABLE[table]
    fld = model._meta.columns.get(column)
    if isinstance(fld, ForeignKeyField):
        parent = fld.rel_model.get_or_none(fld.rel_model.uuid == raw)
        return str(getattr(parent, "name", raw)) if parent is not None else str(raw)
    if isinstance(fld, ScaledDecimalField):
        number = fld.python_value(raw)
        return plain(number) if number is not None else "—"
    if column == "stage":
        return Stage(raw).label
    if column == "capital":
        return Capital(raw).label
    if column in ("deleted", "done"):
        return "是" if raw else "否"
    return str(raw)


def _record_name(table: str, record_uuid: str, values: dict[str, Any]) -> str:
    label = TABLE_LABELS.get(table, table)
    name = values.get("name") or values.get("kind") or values.get("stage") or ""
    if table in ("stage_event", "milestone", "follow_up", "phase", "capacity_line"):
        project_uuid = values.get("project_id")
        project = Project.get_or_none(Project.uuid == project_uuid) if project_uuid else None
        owner = f"“{project.name}”的" if project is not None else ""
        return f"{owner}{label}{f'“{name}”' if name else ''}"
    return f"{label}“{name}”" if name else label


def open_conflicts() -> list[ConflictView]:
    """The conflicts still to review, oldest first, each field that differs side by side."""
    views = []
    query = MergeConflict.live().where(MergeConflict.status == "open").order_by(MergeConflict.id)
    for conflict in query:
        hq, unit = json.loads(conflict.hq_values), json.loads(conflict.unit_values)
        unit_row = Unit.get_or_none(Unit.uuid == conflict.unit_uuid)
        differences = tuple(
            FieldDifference(
                FIELD_LABELS.get(column, column),
                _display(conflict.table_name, column, hq.get(column)),
                _display(conflict.table_name, column, unit.get(column)),
            )
            for column in json.loads(conflict.fields)
        )
        views.append(
            ConflictView(
                conflict.uuid,
                _record_name(conflict.table_name, conflict.record_uuid, hq),
                unit_row.name if unit_row is not None else conflict.unit_uuid,
                conflict.detected_at,
                differences,
            )
        )
    return views


def _side(project_uuid: str) -> DuplicateSide:
    project = Project.get(Project.uuid == project_uuid)
    first = min((e.date for e in live_events(project)), default=None)
    return DuplicateSide(
        project.uuid,
        project.name,
        project.unit.name,
        Capital(project.capital),
        project.total_investment,
        first,
    )


def duplicate_pairs(status: str | None = "open") -> list[DuplicateView]:
    """The suspected duplicates (all of them when ``status`` is None)."""
    query = DuplicatePair.live().order_by(DuplicatePair.id)
    if status is not None:
        query = query.where(DuplicatePair.status == status)
    return [
        DuplicateView(
            pair.uuid,
            _side(pair.first_uuid),
            _side(pair.second_uuid),
            pair.reason,
            pair.status,
            pair.credited_uuid,
        )
        for pair in query
    ]
