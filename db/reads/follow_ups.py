"""Follow-ups that are due (待跟进): open next steps across every project.

A follow-up (走访/洽谈记录) is "open" while its next step is not marked done; only
follow-ups with a due date are something to follow up on.  Deleted follow-ups
and follow-ups of deleted projects are never listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from db.store.models import FollowUp, Project, Unit


@dataclass(frozen=True)
class DueFollowUp:
    """One open next step, with the project it belongs to."""

    uuid: str
    project_uuid: str
    project_name: str
    unit: str
    visit_date: date  # of the visit or call
    kind: str
    people: str | None
    summary: str
    next_step: str | None
    due_date: date
    overdue: bool  # due before the day it is seen on

    def days_left(self, as_of: date) -> int:
        """Days until the due date; negative when overdue."""
        return (self.due_date - as_of).days


def due_follow_ups(as_of: date, include_upcoming_days: int | None = 7) -> list[DueFollowUp]:
    """Open follow-ups due on or before ``as_of`` + ``include_upcoming_days``, earliest first.

    ``include_upcoming_days=0`` gives what is due today or overdue; None gives
    every open follow-up with a due date (全部未完成).
    """
    query = (
        FollowUp.select(FollowUp, Project, Unit)
        .join(Project)
        .join(Unit)
        .where(
            (FollowUp.deleted == False)  # noqa: E712 - peewee expression
            & (Project.deleted == False)  # noqa: E712
            & (FollowUp.done == False)  # noqa: E712
            & FollowUp.due_date.is_null(False)
        )
        .order_by(FollowUp.due_date, Project.name, FollowUp.id)
    )
    if include_upcoming_days is not None:
        query = query.where(FollowUp.due_date <= as_of + timedelta(days=include_upcoming_days))
    return [
        DueFollowUp(
            uuid=row.uuid,
            project_uuid=row.project.uuid,
            project_name=row.project.name,
            unit=row.project.unit.name,
            visit_date=row.date,
            kind=row.kind,
            people=row.people,
            summary=row.summary,
            next_step=row.next_step,
            due_date=due,
            overdue=due < as_of,
        )
        for row in query
        if (due := row.due_date) is not None  # the query asks for a due date
    ]
