"""Progress over time (进展): a project's stage events and milestones, its follow-up log,
and the day counts that briefs quote ("从拿到地到全面开工仅用7天",
"4个工作日内办结开工前全部证照").

The reads the project form and the progress dialogs need live here too, so that
the windows hold no queries of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from db.rules.stages import first_dates, live_events, order_conflict, with_event
from db.rules.vocabulary import Stage
from db.store.models import FollowUp, Investor, Milestone, Project


@dataclass(frozen=True)
class TimelineEntry:
    """One dated entry of a project's timeline: a stage event or a milestone (节点)."""

    # dt.date: a field named ``date`` hides the type for the annotations after it.
    date: dt.date
    kind: str  # "stage" or "milestone"
    label: str  # 签约, 开工, 拿地, 证照办结 …
    note: str | None
    days_since_previous: int | None  # calendar days since the entry before; None for the first
    uuid: str


@dataclass(frozen=True)
class FollowUpEntry:
    """One line of a project's follow-up log (走访/洽谈记录)."""

    uuid: str
    date: dt.date
    kind: str
    people: str | None
    summary: str
    next_step: str | None
    due_date: dt.date | None
    done: bool


def days_between(start: date, end: date) -> int:
    """Calendar days from ``start`` to ``end``: 2023-03-22 → 2023-03-29 is 7."""
    return (end - start).days


def working_days_between(start: date, end: date) -> int:
    """Weekdays from ``start`` to ``end``, both ends counted: Wed 2023-03-22 → Mon 03-27 is 4.

    Only Saturdays and Sundays are left out; statutory holidays and 调休 are not
    known to the ledger.
    """
    if end < start:
        raise ValueError(f"{end} is before {start}")
    span = (end - start).days + 1
    weeks, rest = divmod(span, 7)
    # Any seven consecutive days hold five weekdays; count the remainder one by one.
    tail = sum(1 for i in range(rest) if (start + timedelta(days=i)).weekday() < 5)
    return weeks * 5 + tail


def _project(project_uuid: str) -> Project:
    return Project.get(Project.uuid == project_uuid)


def _joined(*parts: str | None) -> str | None:
    text = ";".join(p.strip() for p in parts if p and p.strip())
    return text or None


def project_timeline(project_uuid: str) -> list[TimelineEntry]:
    """Stage events and milestones of a project by date, with the days between them."""
    project = _project(project_uuid)
    # (date, order within a day, tiebreak, label, note, uuid): stages first on a
    # shared day, in path order, so 签约 and 开工 on one day read in that order.
    rows: list[tuple[date, int, int, str, str | None, str]] = [
        (e.date, 0, Stage(e.stage).rank, Stage(e.stage).label, _joined(e.reason, e.note), e.uuid)
        for e in live_events(project)
    ]
    rows += [
        (m.date, 1, m.id, m.kind, _joined(m.note), m.uuid)
        for m in Milestone.live().where(Milestone.project == project)
    ]
    rows.sort(key=lambda row: row[:3])
    entries: list[TimelineEntry] = []
    previous: date | None = None
    for when, order, _tiebreak, label, note, uuid in rows:
        gap = days_between(previous, when) if previous is not None else None
        entries.append(
            TimelineEntry(when, "stage" if order == 0 else "milestone", label, note, gap, uuid)
        )
        previous = when
    return entries


def follow_ups_of(project_uuid: str) -> list[FollowUpEntry]:
    """The follow-up log of a project, oldest first."""
    query = (
        FollowUp.live()
        .where(FollowUp.project == _project(project_uuid))
        .order_by(FollowUp.date, FollowUp.id)
    )
    return [
        FollowUpEntry(
            f.uuid, f.date, f.kind, f.people, f.summary, f.next_step, f.due_date, bool(f.done)
        )
        for f in query
    ]


def investor_names(prefix: str = "", limit: int = 2000) -> list[str]:
    """Names of the investors already entered, for autocompletion, by name."""
    query = Investor.live(Investor.name).distinct().order_by(Investor.name).limit(limit)
    if prefix.strip():
        query = query.where(Investor.name.startswith(prefix.strip()))
    return [row.name for row in query]


def current_stage(project_uuid: str) -> Stage:
    return Stage(_project(project_uuid).stage)


def stage_order_conflict(
    project_uuid: str, stage: Stage, when: date
) -> tuple[Stage, date, Stage, date] | None:
    """The stages whose dates entering ``stage`` on ``when`` would put out of path
    order (see db.rules.stages.order_conflict), or None."""
    firsts = first_dates(live_events(_project(project_uuid)))
    return order_conflict(with_event(firsts, stage, when))
