"""Signing events (签约活动): a ceremony where several projects sign at once.

An event is entered once and its projects point to it (``Project.signing_event``).
Saving an event, its links and the 签约 records of newly linked projects is one
operation; so is deleting an event (its projects stay, unlinked).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.errors import ValidationError
from db.records.ops import operation
from db.records.stages import record_stage
from db.rules.vocabulary import Stage
from db.store.models import Project, SigningEvent, StageEvent, Unit


@dataclass(frozen=True)
class SigningEventValues:
    name: str
    date: dt.date
    place: str | None = None
    unit_uuid: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SigningSaved:
    """The event saved, and why some linked projects got no 签约 record."""

    uuid: str
    refused: tuple[str, ...]


def _unit_id(unit_uuid: str | None) -> int | None:
    if not unit_uuid:
        return None
    unit = Unit.live().where(Unit.uuid == unit_uuid).first()
    if unit is None:
        raise ValidationError("所选单位已不存在", "the chosen unit no longer exists")
    return int(unit.id)


def _has_signing(project: Project) -> bool:
    return (
        StageEvent.live()
        .where((StageEvent.project == project) & (StageEvent.stage == Stage.SIGNED.value))
        .exists()
    )


@operation
def save_signing_event(
    values: SigningEventValues,
    event_uuid: str | None,
    project_uuids: list[str],
    record_signing: bool = False,
) -> SigningSaved:
    """Create or change an event and make ``project_uuids`` its projects.

    With ``record_signing``, each newly linked project without a 签约 record gets
    one dated the day of the event; a project whose stage dates forbid it (it
    started before the ceremony…) is named in ``refused``."""
    name = values.name.strip()
    if not name:
        raise ValidationError("请填写活动名称", "the event name is required")
    event = SigningEvent.get(SigningEvent.uuid == event_uuid) if event_uuid else None
    if event is None:
        event = SigningEvent()
    event.name = name
    event.date = values.date
    event.place = (values.place or "").strip() or None
    event.unit_id = _unit_id(values.unit_uuid)
    event.note = (values.note or "").strip() or None
    event.deleted = False
    event.save()
    wanted = set(project_uuids)
    for project in Project.select().where(Project.signing_event == event):
        if project.uuid not in wanted:
            project.signing_event = None
            project.save()
    refused: list[str] = []
    query = Project.select().where(Project.uuid.in_(sorted(wanted))).order_by(Project.name)
    for project in query:
        newly = project.signing_event_id != event.id
        project.signing_event = event
        project.save()
        if newly and record_signing and not _has_signing(project):
            try:
                record_stage(project, Stage.SIGNED, values.date)
            except ValidationError as error:
                refused.append(error.zh)
    return SigningSaved(str(event.uuid), tuple(refused))


@operation
def delete_signing_event(event_uuid: str) -> None:
    """Delete the event (a tombstone); its projects stay, unlinked."""
    event = SigningEvent.get(SigningEvent.uuid == event_uuid)
    for project in Project.select().where(Project.signing_event == event):
        project.signing_event = None
        project.save()
    event.tombstone()
