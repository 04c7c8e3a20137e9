"""Follow-ups (走访/洽谈记录): a visit, a call or a talk, with its next step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.errors import ValidationError
from db.records.ops import operation
from db.rules.vocabulary import FOLLOW_UP_KINDS
from db.store.models import FollowUp, Project


@dataclass(frozen=True)
class FollowUpValues:
    date: dt.date
    kind: str
    summary: str
    people: str | None = None
    next_step: str | None = None
    due_date: dt.date | None = None
    done: bool = False


def load_follow_up(follow_up_uuid: str) -> FollowUpValues:
    row = FollowUp.get(FollowUp.uuid == follow_up_uuid)
    return FollowUpValues(
        row.date, row.kind, row.summary, row.people, row.next_step, row.due_date, bool(row.done)
    )


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None


@operation
def save_follow_up(
    project_uuid: str, values: FollowUpValues, follow_up_uuid: str | None = None
) -> str:
    """Add a follow-up to the project (or change this one); returns its UUID."""
    summary = values.summary.strip()
    if not summary:
        raise ValidationError("请填写内容摘要", "enter a summary")
    if values.due_date is not None and values.due_date < values.date:
        raise ValidationError("期限早于走访日期,请核对", "the due date is before the visit")
    row = FollowUp.get(FollowUp.uuid == follow_up_uuid) if follow_up_uuid else None
    if row is None:
        row = FollowUp(project=Project.get(Project.uuid == project_uuid))
    row.date = values.date
    row.kind = values.kind.strip() or FOLLOW_UP_KINDS[0]
    row.summary = summary
    row.people = _clean(values.people)
    row.next_step = _clean(values.next_step)
    row.due_date = values.due_date
    row.done = values.done
    row.deleted = False
    row.save()
    return str(row.uuid)


@operation
def delete_follow_up(follow_up_uuid: str) -> None:
    FollowUp.get(FollowUp.uuid == follow_up_uuid).tombstone()


@operation
def set_done(follow_up_uuids: list[str], done: bool = True) -> None:
    """标记完成: the next step of these follow-ups has been taken (or not yet)."""
    for uuid in follow_up_uuids:
        row = FollowUp.get_or_none((FollowUp.uuid == uuid) & (FollowUp.deleted == False))  # noqa: E712
        if row is None:
            raise ValidationError("该走访记录已被删除", "this follow-up has been deleted")
        row.done = done
        row.save()
