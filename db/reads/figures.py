"""The figures (统计数字): every figure of the dashboard, the briefings and the command
line comes from these functions and nothing else, by the counting rules of
db.rules.

Each is a plain function of the open unit file, a period or a date, and a scope
(the whole file, or one unit), returning a frozen dataclass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Protocol, overload

from db.rules.counting import CountingRules, Sql, counted_once_sql, sector_sql
from db.rules.industry import Sector
from db.rules.money import pct_text, plain
from db.rules.stages import live_events, stage_on, stage_rank_sql
from db.rules.vocabulary import (
    NEGOTIATING_STAGES,
    PIPELINE_STAGES,
    SIGNED_NOT_STARTED_STAGES,
    Capital,
    Stage,
)
from db.store import connection, settings
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
    total_wan_cny: Decimal  # converted at the stored rate for 外资 (0 without one)
    industry_code: str | None
    sector: Sector
    chain: str | None
    in_priority_chain: bool
    local_industry: str | None
    band: Decimal | None  # lower bound in 亿元 of its size band; None: 外资 without a rate
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
    projects: Sequence[CountedProject] = field(repr=False)


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
    projects: Sequence[CountedProject] = field(repr=False)


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
    exchange_rate: settings.ExchangeRate | None  # None: no rate entered, 外资 not converted
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
            "exchange_rate": (
                {
                    "usd_cny": plain(rate.usd_cny),
                    "date": rate.date.isoformat() if rate.date else None,
                }
                if rate is not None
                else None
            ),
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


class ProjectList(Sequence[CountedProject]):
    """The projects behind a figure, read from the file the first time they are used.

    The counts and totals come from aggregate queries; the dashboard never needs the
    tens of thousands of projects behind them, a briefing's tables do.  The list is
    read from the same file, in the thread that first uses it: read it inside the
    same ``Store.reading()`` as the figures when a writer may be at work."""

    def __init__(self, load: Callable[[], list[CountedProject]]) -> None:
        self._load = load
        self._db = connection.current()
        self._items: tuple[CountedProject, ...] | None = None

    def _loaded(self) -> tuple[CountedProject, ...]:
        if self._items is None:
            with connection.bound(self._db):
                self._items = tuple(self._load())
        return self._items

    @overload
    def __getitem__(self, index: int) -> CountedProject: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CountedProject, ...]: ...
    def __getitem__(self, index: int | slice) -> CountedProject | tuple[CountedProject, ...]:
        return self._loaded()[index]

    def __len__(self) -> int:
        return len(self._loaded())

    def __iter__(self) -> Iterator[CountedProject]:
        return iter(self._loaded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._loaded() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list of records, compared by content

    def __repr__(self) -> str:
        state = f"{len(self._items)} projects" if self._items is not None else "not read yet"
        return f"ProjectList({state})"


class _Group(NamedTuple):
    """One cell of an aggregate query: the projects sharing these values, counted and summed."""

    unit_id: int
    capital: Capital
    band: int  # index into CountingRules.bands
    sector: Sector | None  # grouped for signings only
    in_priority: bool
    local_industry: str | None
    stage: Stage | None  # grouped for the pipeline only
    size: int  # how many projects
    total: Decimal  # 万 of the group's currency

    def in_cny(self, rules: CountingRules) -> Decimal:
        return rules.to_cny(self.capital, self.total)


_STAGES = {stage.value: stage for stage in Stage}
_CAPITALS = {capital.value: capital for capital in Capital}
_PIPELINE_CODES = ", ".join(f"'{stage.value}'" for stage in sorted(PIPELINE_STAGES))
_ALL_CODES = ", ".join(f"'{stage.value}'" for stage in Stage)


def _first_signed_in(period: Period) -> Sql:
    """新签约: the live projects whose first live 签约 event lies in the period, as a
    condition on project ``p``: one range of the index ``project_signings``
    (``first_signed`` is kept by the file's triggers)."""
    return (
        "p.deleted = 0 AND p.first_signed BETWEEN ? AND ?",
        [period.start.isoformat(), period.end.isoformat()],
    )


def _first_signings_sql(period: Period) -> Sql:
    """The ids of the projects first signed in the period."""
    condition, params = _first_signed_in(period)
    return f"SELECT p.id FROM project p WHERE {condition}", params


class _StageOn(NamedTuple):
    """The stage of project ``p`` on a date, in SQL: the common table expressions the
    statement starts with (``later``: the projects with events after the day), the
    expression, the stage from the project's own events (for a project of ``later``),
    and the parameters of the expressions."""

    ctes: str
    expression: str
    from_events: str
    params: list[Any]


def _stage_on_sql(as_of: date) -> _StageOn:
    """The stage of project ``p`` on ``as_of``: its latest live event on or before it.

    A project's cached stage is its latest event (db.records.stages and the merge keep
    it so), which is its stage on ``as_of`` unless it has events after that day (found
    stage by stage from stage_event_stage_date); only those projects read their own
    events by date (stage_event_dates): the latest by date, then by path order (events
    of one day count in path order, see db.rules.stages); None before the first."""
    ctes = (
        "stage_day AS (SELECT ? AS day), "
        "later AS MATERIALIZED (SELECT DISTINCT project_id FROM stage_event "
        f"WHERE stage IN ({_ALL_CODES}) AND date > (SELECT day FROM stage_day) "
        "AND +deleted = 0)"
    )
    from_events = (
        "(SELECT e.stage FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0 "
        "AND e.date <= (SELECT day FROM stage_day) "
        f"ORDER BY e.date DESC, {stage_rank_sql('e.stage')} DESC LIMIT 1)"
    )
    expression = f"(CASE WHEN p.id IN later THEN {from_events} ELSE p.stage END)"
    return _StageOn(ctes, expression, from_events, [as_of.isoformat()])


def _scope_sql(rules: CountingRules, unit: UnitScope | None) -> Sql:
    """The counted live projects (亿元以上产业项目, counted once) of the file or the unit."""
    counted, params = rules.counted_sql("p")
    clause = f"+p.deleted = 0 AND {counted}"
    if _has_duplicates():
        clause += f" AND {counted_once_sql('p')}"
    if unit is not None:
        clause += " AND p.unit_id = ?"
        params = [*params, unit.id]
    return clause, params


def _groups(sql: str, params: list[Any]) -> list[_Group]:
    rows = database.execute_sql(sql, params).fetchall()
    return [
        _Group(
            unit_id,
            _CAPITALS[capital],
            band,
            Sector(sector) if sector is not None else None,
            bool(priority),
            industry,
            _STAGES[stage] if stage is not None else None,
            count,
            from_stored(total, MONEY_PLACES),
        )
        for unit_id, capital, band, sector, priority, industry, stage, count, total in rows
    ]


def _signed_groups(rules: CountingRules, period: Period, unit: UnitScope | None) -> list[_Group]:
    """新签约 in ``period``, grouped: one range of the index ``project_signings`` (the
    projects first signed in the period), which holds every column read here."""
    scope, scope_params = _scope_sql(rules, unit)
    band, band_params = rules.band_index_sql("p")
    priority, priority_params = rules.priority_sql("p")
    signed, signed_params = _first_signed_in(period)
    sql = (
        f"SELECT p.unit_id, p.capital, {band}, {sector_sql('p')}, {priority}, p.local_industry, "
        "NULL, count(*), sum(p.total_investment) FROM project p "
        f"WHERE {signed} AND {scope} GROUP BY 3, 4, 5, 2, 1, 6"
    )
    return _groups(sql, [*band_params, *priority_params, *signed_params, *scope_params])


def _pipeline_groups(rules: CountingRules, as_of: date, unit: UnitScope | None) -> list[_Group]:
    """在手在谈 on ``as_of``, grouped: every counted project at its cached stage, counted
    from the pipeline stages' ranges of the index ``project_pipeline`` alone and in its
    order (no sort of a hundred thousand rows), its size bands as running counts above
    each band's floor; then the few projects with events after ``as_of`` moved from
    their cached stage to their stage on that day."""
    cells: dict[tuple[int, Capital, int, str | None, Stage], list[int]] = {}

    def add(key: tuple[int, Capital, int, str | None, Stage], size: int, total: int) -> None:
        cell = cells.setdefault(key, [0, 0])
        cell[0] += size
        cell[1] += total

    for unit_id, capital, industry, stage, bands in _cached_stage_cells(rules, unit):
        for band, size, total in bands:
            if size:
                add((unit_id, capital, band, industry, stage), size, total)
    for unit_id, capital, band, industry, cached, stage_then, size, total in _moved_cells(
        rules, as_of, unit
    ):
        if cached in PIPELINE_STAGES:
            add((unit_id, capital, band, industry, cached), -size, -total)
        if stage_then in PIPELINE_STAGES:
            add((unit_id, capital, band, industry, stage_then), size, total)
    return [
        _Group(
            unit_id,
            capital,
            band,
            None,
            False,
            industry,
            stage,
            size,
            from_stored(total, MONEY_PLACES),
        )
        for (unit_id, capital, band, industry, stage), (size, total) in cells.items()
        if size
    ]


def _cached_stage_cells(
    rules: CountingRules, unit: UnitScope | None
) -> Iterator[tuple[int, Capital, str | None, Stage, list[tuple[int, int, int]]]]:
    """Counted projects at a pipeline stage by their cached stage: per unit, capital,
    产业类别 and stage, each size band's index, count and stored total (外资 without
    a rate: one band, -1, as ``band_index_sql`` places it).  One pass over the index
    for each capital, whose band floors are then plain numbers."""
    duplicates = _has_duplicates()
    for capital in (Capital.DOMESTIC, Capital.FOREIGN):
        # The stage first, then the counting rule of this capital alone: the cheapest
        # test that drops a project is made first, for each of a hundred thousand.
        counted, scope_params = rules.counted_of_sql(capital, "p")
        clause = f"p.deleted = 0 AND p.capital = ? AND p.stage IN ({_PIPELINE_CODES}) AND {counted}"
        if duplicates:
            clause += f" AND {counted_once_sql('p')}"
        if unit is not None:
            clause += " AND p.unit_id = ?"
            scope_params = [*scope_params, unit.id]
        banded = capital is Capital.DOMESTIC or rules.converts
        floors: list[str] = []
        floor_params: list[Any] = []
        for index in range(len(rules.bands) - 1 if banded else 0):
            floor, params = rules.band_floor_sql(capital, index, "p")
            floors.append(f", sum({floor}), sum(iif({floor}, p.total_investment, 0))")
            floor_params += [*params, *params]
        sql = (
            "SELECT p.unit_id, p.local_industry, p.stage, count(*), "
            f"sum(p.total_investment){''.join(floors)} FROM project p "
            f"WHERE {clause} GROUP BY p.stage, p.unit_id, p.local_industry"
        )
        rows = database.execute_sql(sql, [*floor_params, capital.value, *scope_params])
        for unit_id, industry, stage, size, total, *running in rows.fetchall():
            if not banded:
                yield unit_id, capital, industry, _STAGES[stage], [(-1, size, total)]
                continue
            bands = []
            above_size = above_total = 0
            for index in range(len(rules.bands) - 1):
                size_up, total_up = running[2 * index], running[2 * index + 1]
                bands.append((index, size_up - above_size, total_up - above_total))
                above_size, above_total = size_up, total_up
            bands.append((len(rules.bands) - 1, size - above_size, total - above_total))
            yield unit_id, capital, industry, _STAGES[stage], bands


def _moved_cells(
    rules: CountingRules, as_of: date, unit: UnitScope | None
) -> Iterator[tuple[int, Capital, int, str | None, Stage | None, Stage | None, int, int]]:
    """The counted projects with events after ``as_of``, grouped by their cached stage
    and their stage on ``as_of`` (None before their first event): each read from its
    own events once (``_stage_on_sql``), then the rows grouped."""
    stage = _stage_on_sql(as_of)
    scope, scope_params = _scope_sql(rules, unit)
    band, band_params = rules.band_index_sql("p")
    sql = (
        f"WITH {stage.ctes}, "
        f"moved AS MATERIALIZED (SELECT p.unit_id AS unit_id, p.capital AS capital, "
        f"{band} AS band, p.local_industry AS industry, p.stage AS cached, "
        f"{stage.from_events} AS stage_then, p.total_investment AS total "
        f"FROM later JOIN project p ON p.id = later.project_id WHERE {scope}) "
        "SELECT unit_id, capital, band, industry, cached, stage_then, count(*), sum(total) "
        "FROM moved GROUP BY 1, 2, 3, 4, 5, 6"
    )
    params = [*stage.params, *band_params, *scope_params]
    for (
        unit_id,
        capital,
        band_index,
        industry,
        cached,
        stage_then,
        size,
        total,
    ) in database.execute_sql(sql, params).fetchall():
        yield (
            unit_id,
            _CAPITALS[capital],
            band_index,
            industry,
            _STAGES.get(cached),
            _STAGES.get(stage_then),
            size,
            total,
        )


def _has_duplicates() -> bool:
    """Whether any pair of projects awaits headquarters' decision or was judged the same
    (db.rules.counting.counted_once_sql): most files have none, and then no project
    needs the look-up."""
    row = database.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM duplicate_pair d WHERE d.deleted = 0 "
        "AND d.status IN ('open', 'same'))"
    ).fetchone()
    return bool(row[0])


def _counted_projects(
    rules: CountingRules,
    unit: UnitScope | None,
    members: Sql,
    as_of: date | None,
) -> list[CountedProject]:
    """The counted projects of ``members`` (a query of project ids), each with its first
    签约 date and, when ``as_of`` is given, its stage on that date."""
    member_sql, member_params = members
    scope, scope_params = _scope_sql(rules, unit)
    priority, priority_params = rules.priority_sql("p")
    stage = _stage_on_sql(as_of or date.max)
    stage_on = stage.expression if as_of is not None else "NULL"
    sql = f"""
    WITH {stage.ctes}, members AS MATERIALIZED ({member_sql})
    SELECT p.id, p.uuid, p.name, u.id, u.name, p.capital, p.total_investment, p.industry_code,
           {sector_sql("p")}, p.chain, {priority}, p.local_industry,
           p.first_signed, {stage_on}
    FROM project p JOIN unit u ON u.id = p.unit_id
    WHERE p.id IN members AND {scope}
    """
    params = [*stage.params, *member_params, *priority_params, *scope_params]
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
        stage_code,
    ) in database.execute_sql(sql, params).fetchall():
        cap = _CAPITALS[capital]
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
                band=rules.band_of(in_cny, cap),
                signed_on=date.fromisoformat(signed_on) if signed_on else None,
                stage=_STAGES[stage_code] if stage_code is not None else None,
            )
        )
    return projects


def _signed_projects(
    rules: CountingRules, period: Period, unit: UnitScope | None, as_of: date | None
) -> list[CountedProject]:
    projects = _counted_projects(rules, unit, _first_signings_sql(period), as_of)
    return sorted(projects, key=lambda p: (p.signed_on, p.name))


def _pipeline_projects(
    rules: CountingRules, as_of: date, unit: UnitScope | None
) -> list[CountedProject]:
    stage = _stage_on_sql(as_of)
    members: Sql = (
        f"SELECT p.id FROM project p WHERE {stage.expression} IN ({_PIPELINE_CODES})",
        [],
    )
    projects = _counted_projects(rules, unit, members, as_of)
    return sorted(projects, key=lambda p: (-p.total_wan_cny, p.name))


def project_stage_on(project: Project, when: date) -> Stage | None:
    """The stage of one project on a date; None before its first event."""
    return stage_on(live_events(project), when)


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _bands(rules: CountingRules, groups: list[_Group]) -> tuple[tuple[Decimal, int], ...]:
    counts = Counter[int]()
    for group in groups:
        counts[group.band] += group.size
    return tuple((bound, counts[index]) for index, bound in enumerate(rules.bands))


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Labels by count, most first, then by label."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _industry_counts(groups: Iterable[_Group]) -> Counter[str]:
    counts = Counter[str]()
    for group in groups:
        if group.local_industry:
            counts[group.local_industry] += group.size
    return counts


def _split(groups: list[_Group], capital: Capital) -> tuple[int, Decimal]:
    """Count and total (万 of the currency) of the groups of one capital."""
    mine = [g for g in groups if g.capital is capital]
    return sum(g.size for g in mine), _sum(g.total for g in mine)


def _signed(
    rules: CountingRules, groups: list[_Group], projects: Sequence[CountedProject]
) -> SignedFigures:
    count = sum(g.size for g in groups)
    domestic_count, domestic_total = _split(groups, Capital.DOMESTIC)
    foreign_count, foreign_total = _split(groups, Capital.FOREIGN)
    sectors = Counter[Sector]()
    for group in groups:
        if group.sector is not None:
            sectors[group.sector] += group.size
    priority = sum(g.size for g in groups if g.in_priority)
    return SignedFigures(
        count=count,
        total_wan_cny=_sum(g.in_cny(rules) for g in groups),
        domestic_count=domestic_count,
        domestic_total_wan_cny=domestic_total,
        foreign_count=foreign_count,
        foreign_total_wan_usd=foreign_total,
        size_bands=_bands(rules, groups),
        sectors={sector: sectors[sector] for sector in Sector},
        priority_count=priority,
        priority_share_pct=pct_text(priority, count),
        industries=_ranked(_industry_counts(groups)),
        projects=projects,
    )


def _pipeline(
    rules: CountingRules, groups: list[_Group], as_of: date, projects: Sequence[CountedProject]
) -> PipelineFigures:
    domestic_count, domestic_total = _split(groups, Capital.DOMESTIC)
    foreign_count, foreign_total = _split(groups, Capital.FOREIGN)
    return PipelineFigures(
        as_of=as_of,
        count=sum(g.size for g in groups),
        negotiating=sum(g.size for g in groups if g.stage in NEGOTIATING_STAGES),
        signed_not_started=sum(g.size for g in groups if g.stage in SIGNED_NOT_STARTED_STAGES),
        domestic_count=domestic_count,
        domestic_total_wan_cny=domestic_total,
        foreign_count=foreign_count,
        foreign_total_wan_usd=foreign_total,
        total_wan_cny=_sum(g.in_cny(rules) for g in groups),
        size_bands=_bands(rules, groups),
        industries=_ranked(_industry_counts(groups)),
        projects=projects,
    )


def signed_in_period(period: Period, unit: UnitScope | None = None) -> SignedFigures:
    """新签约 in ``period`` (both ends inclusive), for the file or one unit."""
    rules = CountingRules.of_file(period.end)
    projects = ProjectList(lambda: _signed_projects(rules, period, unit, None))
    return _signed(rules, _signed_groups(rules, period, unit), projects)


def pipeline_as_of(as_of: date, unit: UnitScope | None = None) -> PipelineFigures:
    """在手在谈 on ``as_of``, for the file or one unit."""
    rules = CountingRules.of_file(as_of)
    projects = ProjectList(lambda: _pipeline_projects(rules, as_of, unit))
    return _pipeline(rules, _pipeline_groups(rules, as_of, unit), as_of, projects)


def _by_unit(
    rules: CountingRules,
    signed: list[_Group],
    pipeline: list[_Group],
    units: Sequence[UnitScope],
) -> tuple[UnitFigures, ...]:
    """Each unit's signings and pipeline, sorted by name (各单位情况)."""
    signed_of: dict[int, list[_Group]] = {}
    for group in signed:
        signed_of.setdefault(group.unit_id, []).append(group)
    pipeline_of: dict[int, list[_Group]] = {}
    for group in pipeline:
        pipeline_of.setdefault(group.unit_id, []).append(group)
    lines = []
    for unit in sorted(units, key=lambda u: u.name):
        unit_signed = signed_of.get(unit.id, [])
        unit_pipeline = pipeline_of.get(unit.id, [])
        industries = _ranked(_industry_counts([*unit_signed, *unit_pipeline]))
        lines.append(
            UnitFigures(
                unit=unit.name,
                kind=unit.kind,
                signed_count=sum(g.size for g in unit_signed),
                signed_total_wan_cny=_sum(g.in_cny(rules) for g in unit_signed),
                pipeline_count=sum(g.size for g in unit_pipeline),
                pipeline_total_wan_cny=_sum(g.in_cny(rules) for g in unit_pipeline),
                industries=tuple(label for label, _ in industries),
            )
        )
    return tuple(lines)


def figures(period: Period, unit: UnitScope | None = None) -> Figures:
    """Every figure of a briefing: signings in the period, the pipeline at its end, by unit;
    foreign money at the rate in force at the period's end.

    A few aggregate queries, summed here exactly: the signings from one range of the
    index of first signing dates; the pipeline counted from the index of the counting
    rules' columns in its order, at the cached stage, and then the projects with
    events after the period's end moved to their stage on it.  The projects behind
    the figures are read only when used."""
    rules = CountingRules.of_file(period.end)
    as_of = period.end
    signed_groups = _signed_groups(rules, period, unit)
    pipeline_groups = _pipeline_groups(rules, as_of, unit)
    signed = _signed(
        rules,
        signed_groups,
        ProjectList(lambda: _signed_projects(rules, period, unit, as_of)),
    )
    pipeline = _pipeline(
        rules,
        pipeline_groups,
        as_of,
        ProjectList(lambda: _pipeline_projects(rules, as_of, unit)),
    )
    units: Sequence[UnitScope] = [unit] if unit is not None else list(Unit.live())
    return Figures(
        period=period,
        unit=unit.name if unit is not None else None,
        exchange_rate=rules.rate,
        priority_name=rules.priority.name,
        signed=signed,
        pipeline=pipeline,
        by_unit=_by_unit(rules, signed_groups, pipeline_groups, units),
    )


@dataclass(frozen=True)
class BandLine:
    """One size band of a set of projects: count, 内资 total in 万元, 外资 total in 万美元."""

    bound: Decimal
    count: int
    domestic_wan_cny: Decimal
    foreign_wan_usd: Decimal


def band_lines(
    projects: Sequence[CountedProject], bounds: tuple[tuple[Decimal, int], ...]
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
