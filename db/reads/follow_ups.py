"""Follow-ups that are due (待跟进): open next steps across every project.

A follow-up (走访/洽谈记录) is "open" while its next step is not marked done; only
follow-ups with a due date are something to follow up on.  Deleted follow-ups
and follow-ups of deleted projects are never listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

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
    # Plain rows rather than three model objects a row: a file of 100,000 projects
    # can have tens of thousands of open follow-ups, and the tab reads them at open.
    query = (
        FollowUp.select(
            FollowUp.uuid,
            Project.uuid,
            Project.name,
            Unit.name,
            FollowUp.date,
            FollowUp.kind,
            FollowUp.people,
            FollowUp.summary,
            FollowUp.next_step,
            FollowUp.due_date,
        )
        .join(Project)
        .join(Unit)
        .where(
            (FollowUp.deleted == False)  # noqa: E712 - peewee expression
            & (Project.deleted == False)  # noqa: E712
            & (FollowUp.done == False)  # noqa: E712
            & FollowUp.due_date.is_null(False)
        )
        .order_by(FollowUp.due_date, Project.name, FollowUp.id)
        .tuples()
    )
    if include_upcoming_days is not None:
        query = query.where(FollowUp.due_date <= as_of + timedelta(days=include_upcoming_days))
    rows = cast(Iterable[tuple[Any, ...]], query)  # .tuples(): plain rows
    return [_due(row, as_of) for row in rows]


def _due(row: tuple[Any, ...], as_of: date) -> DueFollowUp:
    uuid, project_uuid, project_name, unit, visited, kind, people, summary, next_step, due = row
    return DueFollowUp(
        uuid=uuid,
        project_uuid=project_uuid,
        project_name=project_name,
        unit=unit,
        visit_date=visited,
        kind=kind,
        people=people,
        summary=summary,
        next_step=next_step,
        due_date=due,
        overdue=due < as_of,
    )
