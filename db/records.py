"""Writing records: files, units, investors, projects and their stage events.

Every function here that writes is meant to run inside ``database.atomic()``
(the callers open one transaction per user action); the invariants of the
ledger (stage dates in path order, the cached current stage) are kept here.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from peewee import SqliteDatabase

from db import settings
from db.errors import ValidationError
from db.models import Investor, Project, StageEvent, Unit, database, utc_now
from db.stages import PATH, UNIT_KINDS, Stage
from db.unit_file import open_unit_file


def create_unit_file(
    path: str | Path, unit_name: str, kind: str = "驻点招商办", city: str | None = None
) -> SqliteDatabase:
    """A new file for one reporting unit (驻点招商办, 开发区, 镇区, 园区)."""
    unit_name = unit_name.strip()
    if not unit_name:
        raise ValidationError("单位名称不能为空", "the unit name is required")
    if kind not in UNIT_KINDS or kind == "招商中心":
        raise ValidationError(
            f"单位类别应为 驻点招商办/开发区/镇区/园区 之一,收到:{kind}",
            f"unknown unit kind: {kind}",
        )
    db = open_unit_file(path, create=True)
    with database.atomic():
        unit = Unit.create(name=unit_name, kind=kind, city=(city or None))
        settings.put("file.role", settings.ROLE_UNIT)
        settings.put("file.unit_uuid", unit.uuid)
        settings.put("exchange_rate", {"usd_cny": "7.1", "date": date.today().isoformat()})
        briefing = dict(settings.get("briefing"))
        briefing["editor"] = unit_name
        settings.put("briefing", briefing)
    return db


def create_hq_file(path: str | Path, name: str) -> SqliteDatabase:
    """A new headquarters file (市招商中心): it holds the units merged into it."""
    name = name.strip()
    if not name:
        raise ValidationError("总部名称不能为空", "the headquarters name is required")
    db = open_unit_file(path, create=True)
    with database.atomic():
        settings.put("file.role", settings.ROLE_HQ)
        settings.put("file.hq_name", name)
        settings.put("exchange_rate", {"usd_cny": "7.1", "date": date.today().isoformat()})
        briefing = dict(settings.get("briefing"))
        briefing["editor"] = name
        settings.put("briefing", briefing)
    return db


def unit_named(name: str) -> Unit | None:
    return Unit.live().where(Unit.name == name.strip()).first()


def get_or_create_unit(name: str, kind: str | None = None) -> Unit:
    unit = unit_named(name)
    if unit is None:
        unit = Unit.create(name=name.strip(), kind=kind or guess_unit_kind(name))
    return unit


def guess_unit_kind(name: str) -> str:
    for kind in ("驻点招商办", "开发区", "园区", "招商中心"):
        if kind in name:
            return kind
    if name.endswith(("镇", "街道", "乡", "镇区")):
        return "镇区"
    return "园区"


def find_or_create_investor(name: str, credit_code: str | None = None) -> Investor:
    """The investor with this credit code, else with this exact name, else a new one."""
    name = name.strip()
    query = Investor.live()
    if credit_code:
        found = query.where(Investor.credit_code == credit_code).first()
        if found is not None:
            return found
    found = query.where(Investor.name == name).first()
    if found is not None:
        if credit_code and not found.credit_code:
            found.credit_code = credit_code
            found.save()
        return found
    return Investor.create(name=name, credit_code=credit_code or None)


def live_events(project: Project) -> list[StageEvent]:
    return list(
        StageEvent.live()
        .where(StageEvent.project == project)
        .order_by(StageEvent.date, StageEvent.recorded_at, StageEvent.id)
    )


def first_dates(events: list[StageEvent]) -> dict[Stage, date]:
    """The first date each stage was reached."""
    firsts: dict[Stage, date] = {}
    for event in events:
        stage = Stage(event.stage)
        if stage not in firsts or event.date < firsts[stage]:
            firsts[stage] = event.date
    return firsts


def order_conflict(firsts: dict[Stage, date]) -> tuple[Stage, date, Stage, date] | None:
    """The first pair of stages whose dates are out of path order (签约 after 开工…):
    (earlier stage, its date, later stage, its date), or None."""
    reached = [(stage, firsts[stage]) for stage in PATH if stage in firsts]
    for i, (earlier, earlier_date) in enumerate(reached):
        for later, later_date in reached[i + 1 :]:
            if earlier_date > later_date:
                return earlier, earlier_date, later, later_date
    return None


def order_problem(firsts: dict[Stage, date]) -> str | None:
    """Why the stage dates are out of path order, in Chinese, or None."""
    conflict = order_conflict(firsts)
    if conflict is None:
        return None
    earlier, earlier_date, later, later_date = conflict
    return (
        f"{earlier.label}日期 {earlier_date.isoformat()} 晚于"
        f"{later.label}日期 {later_date.isoformat()}"
    )


def event_order(event: StageEvent) -> tuple[date, int, datetime, int]:
    """A project's events in order: by date, then path order (签约 before 开工 on one
    day, whatever was typed first; 中止 last), then the order of typing."""
    return (event.date, Stage(event.stage).rank, event.recorded_at, event.id)


def refresh_stage(project: Project) -> None:
    """Keep the cached current stage equal to the latest event."""
    events = live_events(project)
    latest = max(events, key=event_order, default=None)
    stage = latest.stage if latest is not None else Stage.LEAD.value
    if project.stage != stage:
        project.stage = stage
        project.save()


def record_stage(
    project: Project,
    stage: Stage,
    when: date,
    reason: str | None = None,
    note: str | None = None,
) -> StageEvent:
    """Record that ``project`` entered ``stage`` on ``when`` (进展), checking the order."""
    if stage is Stage.DROPPED and not (reason and reason.strip()):
        raise ValidationError("中止项目须填写中止原因", "a reason is required to drop a project")
    firsts = first_dates(live_events(project))
    if stage not in firsts or when < firsts[stage]:
        firsts[stage] = when
    problem = order_problem(firsts)
    if problem:
        raise ValidationError(
            f"{project.name}:{problem}", f"{project.name}: stage dates out of order"
        )
    event = StageEvent.create(
        project=project,
        stage=stage.value,
        date=when,
        reason=(reason or None),
        note=(note or None),
        recorded_at=utc_now(),
    )
    refresh_stage(project)
    return event


def stage_event_removal_problem(event_uuid: str) -> ValidationError | None:
    """Why a stage event may not be removed, or None: a project keeps at least one."""
    event = StageEvent.get(StageEvent.uuid == event_uuid)
    if event.deleted:
        return None
    if all(other.uuid == event_uuid for other in live_events(event.project)):
        return ValidationError(
            f"“{Stage(event.stage).label}”是该项目唯一的阶段记录,不能删除;"
            "如项目不再推进,请变更阶段为“中止”",
            "this is the project's only stage record and cannot be deleted; "
            "if the project has stopped, change its stage to Dropped",
        )
    return None


def set_stage_event_deleted(event_uuid: str, deleted: bool) -> None:
    """Remove a stage event entered by mistake (a tombstone), or bring it back;
    the project's current stage follows its latest remaining event."""
    event = StageEvent.get(StageEvent.uuid == event_uuid)
    if deleted:
        problem = stage_event_removal_problem(event_uuid)
        if problem:
            raise problem
    if event.deleted != deleted:
        event.deleted = deleted
        event.save()
    refresh_stage(event.project)


def delete_project(project: Project) -> None:
    """Tombstone a project.  Its events, phases and records stay as they are, so
    that undo brings back exactly what was there; every view reads them through
    live projects only."""
    project.tombstone()
