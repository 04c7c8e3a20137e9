"""Everything a briefing prints, gathered from the file: the figures (only from
db.figures), the signing events of the period, the issues to coordinate, and
the rows behind the figures, with the units in the order the city lists them.
The PDF code renders this and never queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    title: str  # a unit's edition is named for it: 开发区招商工作简报
    issue_no: int  # 第X期, numbered per year of ``date``
    editor: str  # 编印单位
    date: date  # 签发日期
    to_report: str  # 报
    to_send: str  # 送
    to_issue: str  # 发
    copies: int | None = None  # 印数


@dataclass(frozen=True)
class SigningEventLine:
    date: date
    name: str
    unit: str | None
    count: int
    total_wan_cny: Decimal
    unconverted_wan_usd: Decimal = Decimal(0)  # 外资 left out of the total: no rate entered


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
    signed_on: date | None  # first 签约, if on or before the briefing's date
    groups: tuple[str, ...]  # 新签约, 在手在谈


@dataclass(frozen=True)
class UnitLine:
    """One unit in 各单位情况 and in the pipeline by unit: signings (converted to 亿元
    at the stored rate when foreign ones are among them) and the pipeline with
    内资 and 外资 apart, as the city-wide sentence gives them."""

    unit: str
    kind: str
    signed_count: int
    signed_total_wan_cny: Decimal
    signed_foreign_count: int
    signed_foreign_wan_usd: Decimal
    pipeline_count: int
    pipeline_domestic_count: int
    pipeline_domestic_wan_cny: Decimal
    pipeline_foreign_count: int
    pipeline_foreign_wan_usd: Decimal
    industries: tuple[str, ...]


@dataclass(frozen=True)
class BriefingData:
    figures: Figures
    header: BriefingHeader
    signing_events: tuple[SigningEventLine, ...]
    issues: tuple[IssueLine, ...]
    signed_rows: tuple[ProjectRow, ...]
    appendix: tuple[ProjectRow, ...]
    units: tuple[UnitLine, ...] = ()  # in the city's order


def header_for(
    issue_no: int | None = None,
    printed_on: date | None = None,
    unit: UnitScope | None = None,
) -> BriefingHeader:
    """The 报头 and 报尾 of a briefing signed on ``printed_on`` (today by default), for
    the whole file or the edition of ``unit``."""
    current = settings.briefing()
    day = printed_on or date.today()
    title = current.title.strip() or "招商工作简报"
    if unit is not None and unit.name not in title:
        title = f"{unit.name}{title}"
    editor = current.editor.strip()
    if not editor:
        own = settings.own_unit()
        editor = own.name if own is not None else str(settings.get("file.hq_name") or "")
    return BriefingHeader(
        title=title,
        issue_no=issue_no if issue_no is not None else current.next_issue_no(day.year),
        editor=editor,
        date=day,
        to_report=current.to_report,
        to_send=current.to_send,
        to_issue=current.to_issue,
        copies=current.copies,
    )


def unit_sort_key(name: str, kind: str, order: Sequence[str] | None = None) -> tuple[int, int, str]:
    """Units as the city lists them: the configured order first (``order``, read from
    the settings when not given), then by kind (开发区, 镇区, 园区, 驻点招商办) and name."""
    if order is None:
        order = settings.unit_order()
    kinds = settings.KIND_ORDER
    return (
        order.index(name) if name in order else len(order),
        kinds.index(kind) if kind in kinds else len(kinds),
        name,
    )


def _unit_lines(result: Figures) -> list[UnitLine]:
    signed_of: dict[str, list[CountedProject]] = {}
    for p in result.signed.projects:
        signed_of.setdefault(p.unit, []).append(p)
    pipeline_of: dict[str, list[CountedProject]] = {}
    for p in result.pipeline.projects:
        pipeline_of.setdefault(p.unit, []).append(p)
    lines = []
    for line in result.by_unit:
        pipeline = pipeline_of.get(line.unit, [])
        domestic = [p for p in pipeline if p.capital is Capital.DOMESTIC]
        foreign = [p for p in pipeline if p.capital is Capital.FOREIGN]
        signed_foreign = [p for p in signed_of.get(line.unit, []) if p.capital is Capital.FOREIGN]
        lines.append(
            UnitLine(
                unit=line.unit,
                kind=line.kind,
                signed_count=line.signed_count,
                signed_total_wan_cny=line.signed_total_wan_cny,
                signed_foreign_count=len(signed_foreign),
                signed_foreign_wan_usd=sum((p.total for p in signed_foreign), Decimal(0)),
                pipeline_count=line.pipeline_count,
                pipeline_domestic_count=len(domestic),
                pipeline_domestic_wan_cny=sum((p.total for p in domestic), Decimal(0)),
                pipeline_foreign_count=len(foreign),
                pipeline_foreign_wan_usd=sum((p.total for p in foreign), Decimal(0)),
                industries=line.industries,
            )
        )
    order = settings.unit_order()
    return sorted(lines, key=lambda u: unit_sort_key(u.unit, u.kind, order))


def signing_events_in(period: Period, unit: UnitScope | None = None) -> list[SigningEventLine]:
    """签约活动 of the period with their linked live projects' count and total (亿元)."""
    lines = [
        SigningEventLine(
            e.date,
            e.name,
            e.unit,
            e.project_count,
            e.total_wan_cny,
            e.foreign_total_wan_usd if e.exchange_rate is None else Decimal(0),
        )
        for e in signing_events()
        if period.start <= e.date <= period.end and (unit is None or e.unit_uuid == unit.uuid)
    ]
    return sorted(lines, key=lambda line: (line.date, line.name))


def _issues(unit: UnitScope | None) -> list[IssueLine]:
    finished = (Stage.PRODUCING.value, Stage.AT_CAPACITY.value, Stage.DROPPED.value)
    query = (
        Project.live(Project.name, Project.issues, Unit.name, Unit.kind)
        .join(Unit, on=(Project.unit == Unit.id))
        .where(
            Project.issues.is_null(False) & (Project.issues != "") & Project.stage.not_in(finished)
        )
    )
    if unit is not None:
        query = query.where(Project.unit == unit.id)
    order = settings.unit_order()
    found = cast(Iterable[tuple[str, str | None, str, str]], query.tuples())
    projects = sorted(found, key=lambda p: (unit_sort_key(p[2], p[3], order), p[0]))
    return [IssueLine(name, place, (issues or "").strip()) for name, issues, place, _ in projects]


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
            # A list "as of" a date shows nothing dated after it: a project in talks
            # on that date that signed later has no 签约日期 here.
            signed_on=p.signed_on if p.signed_on and p.signed_on <= as_of else None,
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
    # The 附表 begins with the signings: their rows are the text's table's too.
    rows = tuple(_rows(appendix, period.end))
    return BriefingData(
        figures=result,
        header=header_for(issue_no, printed_on, unit),
        signing_events=tuple(signing_events_in(period, unit)),
        issues=tuple(_issues(unit)),
        signed_rows=rows[: len(signed)],
        appendix=rows,
        units=tuple(_unit_lines(result)),
    )
