"""The stage rules: the order of a project's events, its stage on a date, and
stage dates that contradict the path (签约 after 开工).

A project's stage on a date is its latest event on or before that date.  Events
of one day count in path order (签约 before 开工, whatever was typed first), 中止
after every step (a project dropped that day is dropped), then in the order of
typing.  ``stage_on`` says it in Python over a list of events, ``STAGE_ON_SQL``
in SQL over the file; tests/db/test_rules_agree.py checks they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from db.rules.vocabulary import PATH, Stage
from db.store.connection import database
from db.store.models import Project, StageEvent


class Event(Protocol):
    """What the rules need of a stage event."""

    @property
    def stage(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def recorded_at(self) -> datetime: ...
    @property
    def id(self) -> int: ...


def event_order(event: Event) -> tuple[date, int, datetime, int]:
    """A project's events in order: by date, then path order (中止 last), then typing."""
    return (event.date, Stage(event.stage).rank, event.recorded_at, event.id)


def stage_on(events: Iterable[Event], when: date) -> Stage | None:
    """The stage on ``when`` of the project these live events belong to; None before
    its first event."""
    latest = max((e for e in events if e.date <= when), key=event_order, default=None)
    return Stage(latest.stage) if latest is not None else None


def latest_stage(events: Iterable[Event]) -> Stage:
    """The stage the project is at now (线索 when it has no event)."""
    latest = max(events, key=event_order, default=None)
    return Stage(latest.stage) if latest is not None else Stage.LEAD


def stage_rank_sql(column: str = "stage") -> str:
    """The same order in SQL: the path rank of a stage code, 中止 after every step."""
    whens = " ".join(f"WHEN '{stage.value}' THEN {stage.rank}" for stage in PATH)
    return f"CASE {column} {whens} ELSE {len(PATH)} END"


STAGE_RANK_SQL = stage_rank_sql()

STAGE_ON_SQL = f"""
SELECT project_id, stage FROM (
  SELECT project_id, stage, ROW_NUMBER() OVER (
    PARTITION BY project_id ORDER BY date DESC, {STAGE_RANK_SQL} DESC, recorded_at DESC,
    id DESC) AS rn
  FROM stage_event WHERE deleted = 0 AND date <= ?)
WHERE rn = 1
"""


def stages_on(when: date, project_ids: Iterable[int] | None = None) -> dict[int, Stage]:
    """The stage of every project (or of the given ones) on ``when`` (STAGE_ON_SQL)."""
    rows = database.execute_sql(STAGE_ON_SQL, [when.isoformat()]).fetchall()
    wanted = set(project_ids) if project_ids is not None else None
    by_value = {stage.value: stage for stage in Stage}
    return {pid: by_value[stage] for pid, stage in rows if wanted is None or pid in wanted}


def live_events(project: Project | int) -> list[StageEvent]:
    """A project's events that count (not deleted), in the order of ``event_order``."""
    events = list(StageEvent.live().where(StageEvent.project == project))
    return sorted(events, key=event_order)


def first_dates(events: Iterable[Event]) -> dict[Stage, date]:
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


def with_event(firsts: dict[Stage, date], stage: Stage, when: date) -> dict[Stage, date]:
    """The first dates once ``stage`` is also reached on ``when``."""
    merged = dict(firsts)
    if stage not in merged or when < merged[stage]:
        merged[stage] = when
    return merged
