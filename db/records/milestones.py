"""Milestones (节点): dated facts of a project such as 拿地, 证照办结, 主体封顶."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.errors import ValidationError
from db.records.ops import operation
from db.store.models import Milestone, Project


@dataclass(frozen=True)
class MilestoneValues:
    kind: str
    date: dt.date
    note: str | None = None


def load_milestone(milestone_uuid: str) -> MilestoneValues:
    row = Milestone.get(Milestone.uuid == milestone_uuid)
    return MilestoneValues(row.kind, row.date, row.note)


@operation
def save_milestone(
    project_uuid: str, values: MilestoneValues, milestone_uuid: str | None = None
) -> str:
    """Add a milestone to the project (or change this one); returns its UUID."""
    kind = values.kind.strip()
    if not kind:
        raise ValidationError(
            "请选择或填写节点名称,如 拿地、证照办结", "choose or type the milestone, e.g. 拿地"
        )
    row = Milestone.get(Milestone.uuid == milestone_uuid) if milestone_uuid else None
    if row is None:
        row = Milestone(project=Project.get(Project.uuid == project_uuid))
    row.kind, row.date, row.note = kind, values.date, (values.note or "").strip() or None
    row.deleted = False
    row.save()
    return str(row.uuid)


@operation
def delete_milestone(milestone_uuid: str) -> None:
    Milestone.get(Milestone.uuid == milestone_uuid).tombstone()
