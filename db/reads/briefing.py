"""Everything a briefing prints, gathered from the file: the figures (only from
db.figures), the signing events of the period, the issues to coordinate, and
the rows behind the figures.  The PDF code renders this and never queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from db.reads.figures import CountedProject, Figures, Period, UnitScope, figures
from db.reads.signing import signing_events
from db.rules.stages import stages_on
from db.rules.vocabulary import Capital, Stage
from db.store import settings
from db.store.models import Investor, Project, Unit


@dataclass(frozen=True)
class BriefingHeader:
    title: str
    issue_no: int
    editor: str  # 编印单位
    date: date
    to_report: str  # 报
    to_send: str  # 送
    to_issue: str  # 发


@dataclass(frozen=True)
class SigningEventLine:
    date: date
    name: str
    unit: str | None
    count: int
    total_wan_cny: Decimal


@dataclass(frozen=True)
class IssueLine:
    project: str
    unit: str
    text: str


@dataclass(frozen=True)
class ProjectRow:
    """A project behind the figures, as the briefing's tables list it."""

    name: str
    investor: str
    unit: str
    capital: Capital
    total: Decimal  # 万 of its own currency
    total_wan_cny: Decimal
    local_industry: str | None
    stage: Stage | None
    signed_on: date | None
    groups: tuple[str, ...]  # 新签约, 在手在谈


@dataclass(frozen=True)
class BriefingData:
    figures: Figures
    header: BriefingHeader
    signing_events: tuple[SigningEventLine, ...]
    issues: tuple[IssueLine, ...]
    signed_rows: tuple[ProjectRow, ...]
    appendix: tuple[ProjectRow, ...]


def header_for(issue_no: int | None = None, printed_on: date | None = None) -> BriefingHeader:
    raw = settings.get("briefing")
    return BriefingHeader(
        title=str(raw.get("title") or "招商工作简报"),
        issue_no=int(issue_no if issue_no is not None else raw.get("issue_no") or 1),
        editor=str(raw.get("editor") or ""),
        date=printed_on or date.today(),
        to_report=str(raw.get("to_report") or ""),
        to_send=str(raw.get("to_send") or ""),
        to_issue=str(raw.get("to_issue") or ""),
    )


def signing_events_in(period: Period, unit: UnitScope | None = None) -> list[SigningEventLine]:
    """签约活动 of the period with their linked live projects' count and total (亿元)."""
    lines = [
        SigningEventLine(e.date, e.name, e.unit, e.project_count, e.total_wan_cny)
        for e in signing_events()
        if period.start <= e.date <= period.end and (unit is None or e.unit_uuid == unit.uuid)
    ]
    return sorted(lines, key=lambda line: (line.date, line.name))


def _issues(unit: UnitScope | None) -> list[IssueLine]:
    finished = (Stage.PRODUCING.value, Stage.AT_CAPACITY.value, Stage.DROPPED.value)
    query = (
        Project.live()
        .join(Unit, on=(Project.unit == Unit.id))
        .where(
            Project.issues.is_null(False) & (Project.issues != "") & Project.stage.not_in(finished)
        )
        .order_by(Unit.name, Project.name)
    )
    if unit is not None:
        query = query.where(Project.unit == unit.id)
    return [IssueLine(p.name, p.unit.name, (p.issues or "").strip()) for p in query]


def _rows(projects: list[tuple[CountedProject, tuple[str, ...]]], as_of: date) -> list[ProjectRow]:
    ids = [p.id for p, _ in projects]
    stages = stages_on(as_of, ids)
    query = (
        Project.select(Project.id, Investor.name)
        .join(Investor, on=(Project.investor == Investor.id))
        .where(Project.id.in_(ids))
        .tuples()
    )
    investors: dict[int, str] = (
        {int(pid): str(name) for pid, name in cast(Iterable[tuple[int, str]], query)} if ids else {}
    )
    return [
        ProjectRow(
            name=p.name,
            investor=investors.get(p.id, ""),
            unit=p.unit,
            capital=p.capital,
            total=p.total,
            total_wan_cny=p.total_wan_cny,
            local_industry=p.local_industry,
            stage=stages.get(p.id),
            signed_on=p.signed_on,
            groups=groups,
        )
        for p, groups in projects
    ]


def briefing_data(
    period: Period,
    unit: UnitScope | None = None,
    issue_no: int | None = None,
    printed_on: date | None = None,
) -> BriefingData:
    if unit is None and not settings.is_headquarters():
        # A unit's own file speaks of the unit, never of 全市.
        unit = settings.own_unit()
    result = figures(period, unit)
    pipeline_by_id = {p.id: p for p in result.pipeline.projects}
    signed_ids = {p.id for p in result.signed.projects}
    signed: list[tuple[CountedProject, tuple[str, ...]]] = [
        (
            pipeline_by_id.get(p.id, p),
            ("新签约", "在手在谈") if p.id in pipeline_by_id else ("新签约",),
        )
        for p in result.signed.projects
    ]
    appendix = signed + [
        (p, ("在手在谈",)) for p in result.pipeline.projects if p.id not in signed_ids
    ]
    return BriefingData(
        figures=result,
        header=header_for(issue_no, printed_on),
        signing_events=tuple(signing_events_in(period, unit)),
        issues=tuple(_issues(unit)),
        signed_rows=tuple(_rows(signed, period.end)),
        appendix=tuple(_rows(appendix, period.end)),
    )
