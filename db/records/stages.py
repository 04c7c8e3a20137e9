"""Stage changes (进展): recording a dated stage event, removing one entered by
mistake, and keeping the project's cached current stage equal to its latest event.

``record_stage`` and ``refresh_stage`` are the steps other operations compose
(a new project with its first stage, a signing ceremony, the ledger import);
``change_stage`` and ``delete_stage_event`` are the operations a user runs.
"""

from __future__ import annotations

from datetime import date

from db.errors import ValidationError
from db.records.ops import operation
from db.rules.stages import first_dates, latest_stage, live_events, order_problem, with_event
from db.rules.vocabulary import Stage
from db.store.models import Project, StageEvent, utc_now


def refresh_stage(project: Project) -> None:
    """Keep the cached current stage equal to the latest live event (a derived
    column: it leaves the project's revision alone)."""
    stage = latest_stage(live_events(project)).value
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
    """Record that ``project`` entered ``stage`` on ``when``, checking the path order."""
    if stage is Stage.DROPPED and not (reason and reason.strip()):
        raise ValidationError("中止项目须填写中止原因", "a reason is required to drop a project")
    problem = order_problem(with_event(first_dates(live_events(project)), stage, when))
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


@operation
def change_stage(
    project_uuid: str,
    stage: Stage,
    when: date,
    reason: str | None = None,
    note: str | None = None,
) -> str:
    """变更阶段: the project entered ``stage`` on ``when``; returns the event's UUID."""
    project = Project.get(Project.uuid == project_uuid)
    return str(record_stage(project, stage, when, reason, note).uuid)


def stage_event_removal_problem(event_uuid: str) -> ValidationError | None:
    """Why a stage event may not be removed, or None: a project keeps at least one."""
    event = StageEvent.get(StageEvent.uuid == event_uuid)
    if event.deleted:
        return None
    if all(other.uuid == event_uuid for other in live_events(event.project_id)):
        return ValidationError(
            f"“{Stage(event.stage).label}”是该项目唯一的阶段记录,不能删除;"
            "如项目不再推进,请变更阶段为“中止”",
            "this is the project's only stage record and cannot be deleted; "
            "if the project has stopped, change its stage to Dropped",
        )
    return None


def remove_stage_events(event_uuids: list[str]) -> None:
    """Tombstone these stage events; each project's current stage follows its
    latest remaining event."""
    projects: dict[int, Project] = {}
    for event in StageEvent.select().where(StageEvent.uuid.in_(event_uuids)):
        if not event.deleted:
            event.tombstone()
        projects.setdefault(event.project_id, event.project)
    for project in projects.values():
        refresh_stage(project)


@operation
def delete_stage_event(event_uuid: str) -> None:
    """Remove a stage event entered by mistake (a tombstone)."""
    problem = stage_event_removal_problem(event_uuid)
    if problem:
        raise problem
    remove_stage_events([event_uuid])
