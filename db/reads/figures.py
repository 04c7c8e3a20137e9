"""The figures (统计数字): every figure of the dashboard, the briefings and the command
line comes from these functions and nothing else, by the counting rules of
db.rules.

Each is a plain function of the open unit file, a period or a date, and a scope
(the whole file, or one unit), returning a frozen dataclass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from db.rules.counting import CountingRules, counted_once_sql, sector_sql
from db.rules.industry import Sector
from db.rules.money import pct_text, plain
from db.rules.stages import live_events, stage_on, stages_on
from db.rules.vocabulary import (
    NEGOTIATING_STAGES,
    PIPELINE_STAGES,
    SIGNED_NOT_STARTED_STAGES,
    Capital,
    Stage,
)
from db.store import settings
from db.store.connection import database
from db.store.fields import MONEY_PLACES, from_stored
from db.store.models import Project, Unit


class UnitScope(Protocol):
    """What the figures need of the unit they are restricted to (a Unit or a UnitInfo)."""

    @property
    def id(self) -> int: ...
    @property
    def uuid(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class Period:
    """A reporting period, both ends inclusive (1~7月 is 1 January to 31 July)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")


@dataclass(frozen=True, slots=True)
class CountedProject:
    """A counted project (亿元以上产业项目) as the figures see it."""

    id: int
    uuid: str
    name: str
    unit_id: int
    unit: str
    capital: Capital
    total: Decimal  # 万 of its own currency
    total_wan_cny: Decimal  # converted at the stored rate for 外资
    industry_code: str | None
    sector: Sector
    chain: str | None
    in_priority_chain: bool
    local_industry: str | None
    band: Decimal  # lower bound in 亿元 of its size band
    signed_on: date | None  # first 签约 date
    stage: Stage | None = None  # stage on the figures' date, where one applies


@dataclass(frozen=True)
class SignedFigures:
    """新签约: counted projects whose first 签约 lies in the period."""

    count: int
    total_wan_cny: Decimal
    domestic_count: int
    domestic_total_wan_cny: Decimal
    foreign_count: int
    foreign_total_wan_usd: Decimal
    size_bands: tuple[tuple[Decimal, int], ...]
    sectors: dict[Sector, int]
    priority_count: int
    priority_share_pct: str
    industries: tuple[tuple[str, int], ...]
    projects: tuple[CountedProject, ...] = field(repr=False)


@dataclass(frozen=True)
class PipelineFigures:
    """在手在谈 as of a date: counted projects in talks, or signed and not started."""

    as_of: date
    count: int
    negotiating: int
    signed_not_started: int
    domestic_count: int
    domestic_total_wan_cny: Decimal
    foreign_count: int
    foreign_total_wan_usd: Decimal
    total_wan_cny: Decimal
    size_bands: tuple[tuple[Decimal, int], ...]
    industries: tuple[tuple[str, int], ...]
    projects: tuple[CountedProject, ...] = field(repr=False)


@dataclass(frozen=True)
class UnitFigures:
    """One unit's line of the breakdown (各单位情况)."""

    unit: str
    kind: str
    signed_count: int
    signed_total_wan_cny: Decimal
    pipeline_count: int
    pipeline_total_wan_cny: Decimal
    industries: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    period: Period
    unit: str | None
    exchange_rate: settings.ExchangeRate
    priority_name: str
    signed: SignedFigures
    pipeline: PipelineFigures
    by_unit: tuple[UnitFigures, ...]

    def to_json(self) -> dict[str, Any]:
        """The figures as the command line prints them: amounts are exact strings in 万."""
        signed, pipeline = self.signed, self.pipeline
        rate = self.exchange_rate
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "unit": self.unit,
            "exchange_rate": {
                "usd_cny": plain(rate.usd_cny),
                "date": rate.date.isoformat() if rate.date else None,
            },
            "signed": {
                "count": signed.count,
                "total_wan_cny": plain(signed.total_wan_cny),
                "domestic": {
                    "count": signed.domestic_count,
                    "total_wan_cny": plain(signed.domestic_total_wan_cny),
                },
                "foreign": {
                    "count": signed.foreign_count,
                    "total_wan_usd": plain(signed.foreign_total_wan_usd),
                },
                "size_bands": {plain(bound): n for bound, n in signed.size_bands},
                "sectors": {sector.value: signed.sectors[sector] for sector in Sector},
                "priority_chain": {
                    "name": self.priority_name,
                    "count": signed.priority_count,
                    "share_pct": signed.priority_share_pct,
                },
                "industries": dict(signed.industries),
            },
            "pipeline": {
                "as_of": pipeline.as_of.isoformat(),
                "count": pipeline.count,
                "negotiating": pipeline.negotiating,
                "signed_not_started": pipeline.signed_not_started,
                "domestic": {
                    "count": pipeline.domestic_count,
                    "total_wan_cny": plain(pipeline.domestic_total_wan_cny),
                },
                "foreign": {
                    "count": pipeline.foreign_count,
                    "total_wan_usd": plain(pipeline.foreign_total_wan_usd),
                },
                "size_bands": {plain(bound): n for bound, n in pipeline.size_bands},
            },
            "by_unit": [
                {
                    "unit": u.unit,
                    "kind": u.kind,
                    "signed_count": u.signed_count,
                    "signed_total_wan_cny": plain(u.signed_total_wan_cny),
                    "pipeline_count": u.pipeline_count,
                    "pipeline_total_wan_cny": plain(u.pipeline_total_wan_cny),
                }
                for u in self.by_unit
            ],
        }


# -- the projects behind the figures ---------------------------------------------------


def _counted_projects(
    rules: CountingRules, unit: UnitScope | None, as_of: date | None = None
) -> list[CountedProject]:
    """The counted projects, each with its stage on ``as_of`` when one is given."""
    stages = stages_on(as_of) if as_of is not None else {}
    counted, params = rules.counted_sql("p")
    priority, priority_params = rules.priority_sql("p")
    sql = f"""
    SELECT p.id, p.uuid, p.name, u.id, u.name, p.capital, p.total_investment, p.industry_code,
           {sector_sql("p")}, p.chain, {priority}, p.local_industry, s.signed_on
    FROM project p
    JOIN unit u ON u.id = p.unit_id
    LEFT JOIN (SELECT project_id, MIN(date) AS signed_on FROM stage_event
               WHERE stage = 'signed' AND deleted = 0 GROUP BY project_id) s
      ON s.project_id = p.id
    WHERE p.deleted = 0 AND {counted} AND {counted_once_sql("p")}
    """
    params = [*priority_params, *params]
    if unit is not None:
        sql += " AND p.unit_id = ?"
        params.append(unit.id)
    capitals = {c.value: c for c in Capital}
    projects = []
    for (
        pid,
        uuid,
        name,
        unit_id,
        unit_name,
        capital,
        scaled,
        code,
        sector,
        chain,
        in_priority,
        industry,
        signed_on,
    ) in database.execute_sql(sql, params).fetchall():
        cap = capitals[capital]
        total = from_stored(scaled, MONEY_PLACES)
        in_cny = rules.to_cny(cap, total)
        projects.append(
            CountedProject(
                id=pid,
                uuid=uuid,
                name=name,
                unit_id=unit_id,
                unit=unit_name,
                capital=cap,
                total=total,
                total_wan_cny=in_cny,
                industry_code=code,
                sector=Sector(sector),
                chain=chain,
                in_priority_chain=bool(in_priority),
                local_industry=industry,
                band=rules.band_of(in_cny),
                signed_on=date.fromisoformat(signed_on) if signed_on else None,
                stage=stages.get(pid),
            )
        )
    return projects


def project_stage_on(project: Project, when: date) -> Stage | None:
    """The stage of one project on a date; None before its first event."""
    return stage_on(live_events(project), when)


def _bands(rules: CountingRules, projects: list[CountedProject]) -> tuple[tuple[Decimal, int], ...]:
    counts = Counter(p.band for p in projects)
    return tuple((bound, counts.get(bound, 0)) for bound in rules.bands)


def _industries(projects: list[CountedProject]) -> tuple[tuple[str, int], ...]:
    counts = Counter(p.local_industry for p in projects if p.local_industry)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _sum(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _signed(rules: CountingRules, counted: list[CountedProject], period: Period) -> SignedFigures:
    projects = sorted(
        (p for p in counted if p.signed_on and period.start <= p.signed_on <= period.end),
        key=lambda p: (p.signed_on, p.name),
    )
    domestic = [p for p in projects if p.capital is Capital.DOMESTIC]
    foreign = [p for p in projects if p.capital is Capital.FOREIGN]
    sectors = Counter(p.sector for p in projects)
    priority = sum(1 for p in projects if p.in_priority_chain)
    return SignedFigures(
        count=len(projects),
        total_wan_cny=_sum([p.total_wan_cny for p in projects]),
        domestic_count=len(domestic),
        domestic_total_wan_cny=_sum([p.total for p in domestic]),
        foreign_count=len(foreign),
        foreign_total_wan_usd=_sum([p.total for p in foreign]),
        size_bands=_bands(rules, projects),
        sectors={sector: sectors.get(sector, 0) for sector in Sector},
        priority_count=priority,
        priority_share_pct=pct_text(priority, len(projects)),
        industries=_industries(projects),
        projects=tuple(projects),
    )


def _pipeline(rules: CountingRules, counted: list[CountedProject], as_of: date) -> PipelineFigures:
    """``counted`` must carry the stages on ``as_of`` (see _counted_projects)."""
    projects = sorted(
        (p for p in counted if p.stage in PIPELINE_STAGES),
        key=lambda p: (-p.total_wan_cny, p.name),
    )
    domestic = [p for p in projects if p.capital is Capital.DOMESTIC]
    foreign = [p for p in projects if p.capital is Capital.FOREIGN]
    return PipelineFigures(
        as_of=as_of,
        count=len(projects),
        negotiating=sum(1 for p in projects if p.stage in NEGOTIATING_STAGES),
        signed_not_started=sum(1 for p in projects if p.stage in SIGNED_NOT_STARTED_STAGES),
        domestic_count=len(domestic),
        domestic_total_wan_cny=_sum([p.total for p in domestic]),
        foreign_count=len(foreign),
        foreign_total_wan_usd=_sum([p.total for p in foreign]),
        total_wan_cny=_sum([p.total_wan_cny for p in projects]),
        size_bands=_bands(rules, projects),
        industries=_industries(projects),
        projects=tuple(projects),
    )


def signed_in_period(period: Period, unit: UnitScope | None = None) -> SignedFigures:
    """新签约 in ``period`` (both ends inclusive), for the file or one unit."""
    rules = CountingRules.of_file(period.end)
    return _signed(rules, _counted_projects(rules, unit), period)


def pipeline_as_of(as_of: date, unit: UnitScope | None = None) -> PipelineFigures:
    """在手在谈 on ``as_of``, for the file or one unit."""
    rules = CountingRules.of_file(as_of)
    return _pipeline(rules, _counted_projects(rules, unit, as_of), as_of)


def by_unit(
    signed: SignedFigures, pipeline: PipelineFigures, units: Sequence[UnitScope]
) -> tuple[UnitFigures, ...]:
    """Each unit's signings and pipeline, sorted by name (各单位情况)."""
    signed_of: dict[int, list[CountedProject]] = {}
    for p in signed.projects:
        signed_of.setdefault(p.unit_id, []).append(p)
    pipeline_of: dict[int, list[CountedProject]] = {}
    for p in pipeline.projects:
        pipeline_of.setdefault(p.unit_id, []).append(p)
    lines = []
    for unit in sorted(units, key=lambda u: u.name):
        unit_signed = signed_of.get(unit.id, [])
        unit_pipeline = pipeline_of.get(unit.id, [])
        industries = Counter(
            p.local_industry for p in unit_signed + unit_pipeline if p.local_industry
        )
        lines.append(
            UnitFigures(
                unit=unit.name,
                kind=unit.kind,
                signed_count=len(unit_signed),
                signed_total_wan_cny=_sum([p.total_wan_cny for p in unit_signed]),
                pipeline_count=len(unit_pipeline),
                pipeline_total_wan_cny=_sum([p.total_wan_cny for p in unit_pipeline]),
                industries=tuple(
                    label for label, _ in sorted(industries.items(), key=lambda i: (-i[1], i[0]))
                ),
            )
        )
    return tuple(lines)


def figures(period: Period, unit: UnitScope | None = None) -> Figures:
    """Every figure of a briefing: signings in the period, the pipeline at its end, by unit;
    foreign money at the rate in force at the period's end."""
    rules = CountingRules.of_file(period.end)
    counted = _counted_projects(rules, unit, period.end)
    signed = _signed(rules, counted, period)
    pipeline = _pipeline(rules, counted, period.end)
    units: Sequence[UnitScope] = [unit] if unit is not None else list(Unit.live())
    return Figures(
        period=period,
        unit=unit.name if unit is not None else None,
        exchange_rate=rules.rate,
        priority_name=rules.priority.name,
        signed=signed,
        pipeline=pipeline,
        by_unit=by_unit(signed, pipeline, units),
    )


@dataclass(frozen=True)
class BandLine:
    """One size band of a set of projects: count, 内资 total in 万元, 外资 total in 万美元."""

    bound: Decimal
    count: int
    domestic_wan_cny: Decimal
    foreign_wan_usd: Decimal


def band_lines(
    projects: tuple[CountedProject, ...], bounds: tuple[tuple[Decimal, int], ...]
) -> tuple[BandLine, ...]:
    """The projects of a figure split by the size bands it was counted in."""
    lines = []
    for bound, count in bounds:
        members = [p for p in projects if p.band == bound]
        lines.append(
            BandLine(
                bound,
                count,
                _sum([p.total for p in members if p.capital is Capital.DOMESTIC]),
                _sum([p.total for p in members if p.capital is Capital.FOREIGN]),
            )
        )
    return tuple(lines)
