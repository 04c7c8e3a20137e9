"""The figures come from a few aggregate queries (db.reads.figures); they must be exactly
the figures of the counting rules applied one project at a time, as they were computed
before.  The reference below says the rules the straightforward way, in Python over
every project and its events (db.rules), and every figure, line and list is compared:
on the article's data and on the seeded generator's (bench/generator.py), with the
awkward cases added (duplicates across units, deleted events, events of one day, events
after the period, projects without events, 房地产, 外资 below the bound)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bench.generator import generate, write_hq_file
from db.io import demo
from db.reads.figures import (
    CountedProject,
    Figures,
    Period,
    PipelineFigures,
    SignedFigures,
    UnitFigures,
    figures,
    pipeline_as_of,
    signed_in_period,
)
from db.reads.units import UnitInfo, live_units
from db.records.settings import set_exchange_rate
from db.rules.counting import CountingRules
from db.rules.industry import Sector
from db.rules.money import pct_text
from db.rules.stages import event_order, stage_on
from db.rules.vocabulary import (
    NEGOTIATING_STAGES,
    PIPELINE_STAGES,
    SIGNED_NOT_STARTED_STAGES,
    Capital,
    Stage,
)
from db.store.connection import database
from db.store.models import DuplicatePair, Project, StageEvent, Unit, new_uuid
from db.store.unit_file import Store, open_store
from tests.factories import open_copy

# -- the reference: the rules one project at a time --------------------------------


def _excluded() -> set[str]:
    """不重复统计: the uncredited project of each open or confirmed duplicate pair."""
    return {
        pair.second_uuid if pair.credited_uuid == pair.first_uuid else pair.first_uuid
        for pair in DuplicatePair.live().where(DuplicatePair.status.in_(("open", "same")))
    }


def _counted(
    rules: CountingRules, unit: UnitInfo | None, as_of: date | None
) -> list[CountedProject]:
    events: dict[int, list[StageEvent]] = {}
    for event in StageEvent.live():
        events.setdefault(event.project_id, []).append(event)
    units = {u.id: u.name for u in Unit.select()}
    excluded = _excluded()
    counted = []
    for p in Project.live():
        capital = Capital(p.capital)
        if unit is not None and p.unit_id != unit.id:
            continue
        if not rules.is_counted(capital, p.total_investment, p.industry_code):
            continue
        if p.uuid in excluded:
            continue
        own = sorted(events.get(p.id, []), key=event_order)
        signings = [e.date for e in own if e.stage == Stage.SIGNED.value]
        in_cny = rules.to_cny(capital, p.total_investment)
        counted.append(
            CountedProject(
                id=p.id,
                uuid=p.uuid,
                name=p.name,
                unit_id=p.unit_id,
                unit=units[p.unit_id],
                capital=capital,
                total=p.total_investment,
                total_wan_cny=in_cny,
                industry_code=p.industry_code,
                sector=rules.sector(p.industry_code),
                chain=p.chain,
                in_priority_chain=rules.in_priority_chain(p.chain),
                local_industry=p.local_industry,
                band=rules.band_of(in_cny, capital),
                signed_on=min(signings) if signings else None,
                stage=stage_on(own, as_of) if as_of is not None else None,
            )
        )
    return counted


def _industries(projects: Sequence[CountedProject]) -> tuple[tuple[str, int], ...]:
    counts = Counter(p.local_industry for p in projects if p.local_industry)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _bands(
    rules: CountingRules, projects: Sequence[CountedProject]
) -> tuple[tuple[Decimal, int], ...]:
    counts = Counter(p.band for p in projects)
    return tuple((bound, counts.get(bound, 0)) for bound in rules.bands)


def _total(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def reference_signed(
    rules: CountingRules, counted: list[CountedProject], period: Period
) -> SignedFigures:
    projects = sorted(
        (p for p in counted if p.signed_on and period.start <= p.signed_on <= period.end),
        key=lambda p: (p.signed_on, p.name),
    )
    domestic = [p for p in projects if p.capital is Capital.DOMESTIC]
    foreign = [p for p in projects if p.capital is Capital.FOREIGN]
    priority = sum(1 for p in projects if p.in_priority_chain)
    return SignedFigures(
        count=len(projects),
        total_wan_cny=_total([p.total_wan_cny for p in projects]),
        domestic_count=len(domestic),
        domestic_total_wan_cny=_total([p.total for p in domestic]),
        foreign_count=len(foreign),
        foreign_total_wan_usd=_total([p.total for p in foreign]),
        size_bands=_bands(rules, projects),
        sectors={s: sum(1 for p in projects if p.sector is s) for s in Sector},
        priority_count=priority,
        priority_share_pct=pct_text(priority, len(projects)),
        industries=_industries(projects),
        projects=tuple(projects),
    )


def reference_pipeline(
    rules: CountingRules, counted: list[CountedProject], as_of: date
) -> PipelineFigures:
    projects = sorted(
        (p for p in counted if p.stage in PIPELINE_STAGES), key=lambda p: (-p.total_wan_cny, p.name)
    )
    domestic = [p for p in projects if p.capital is Capital.DOMESTIC]
    foreign = [p for p in projects if p.capital is Capital.FOREIGN]
    return PipelineFigures(
        as_of=as_of,
        count=len(projects),
        negotiating=sum(1 for p in projects if p.stage in NEGOTIATING_STAGES),
        signed_not_started=sum(1 for p in projects if p.stage in SIGNED_NOT_STARTED_STAGES),
        domestic_count=len(domestic),
        domestic_total_wan_cny=_total([p.total for p in domestic]),
        foreign_count=len(foreign),
        foreign_total_wan_usd=_total([p.total for p in foreign]),
        total_wan_cny=_total([p.total_wan_cny for p in projects]),
        size_bands=_bands(rules, projects),
        industries=_industries(projects),
        projects=tuple(projects),
    )


def reference_figures(period: Period, unit: UnitInfo | None = None) -> Figures:
    rules = CountingRules.of_file(period.end)
    counted = _counted(rules, unit, period.end)
    signed = reference_signed(rules, counted, period)
    pipeline = reference_pipeline(rules, counted, period.end)
    lines = []
    for u in sorted([unit] if unit else live_units(), key=lambda u: u.name):
        own_signed = [p for p in signed.projects if p.unit_id == u.id]
        own_pipeline = [p for p in pipeline.projects if p.unit_id == u.id]
        industries = _industries(own_signed + own_pipeline)
        lines.append(
            UnitFigures(
                unit=u.name,
                kind=u.kind,
                signed_count=len(own_signed),
                signed_total_wan_cny=_total([p.total_wan_cny for p in own_signed]),
                pipeline_count=len(own_pipeline),
                pipeline_total_wan_cny=_total([p.total_wan_cny for p in own_pipeline]),
                industries=tuple(label for label, _ in industries),
            )
        )
    return Figures(
        period=period,
        unit=unit.name if unit else None,
        exchange_rate=rules.rate,
        priority_name=rules.priority.name,
        signed=signed,
        pipeline=pipeline,
        by_unit=tuple(lines),
    )


def assert_same(found: Figures, expected: Figures) -> None:
    """Every figure, each unit's line and both lists of projects, in their order."""
    assert found.to_json() == expected.to_json()
    assert found.signed == expected.signed
    assert found.pipeline == expected.pipeline
    assert found.by_unit == expected.by_unit
    assert found == expected
    for mine, theirs in ((found.signed, expected.signed), (found.pipeline, expected.pipeline)):
        assert [p.stage for p in mine.projects] == [p.stage for p in theirs.projects]


# -- the data ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    demo.build_demo(path).close()
    return path


@pytest.fixture(scope="module")
def generated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city of 1,500 generated projects in six units, with the awkward cases added."""
    path = tmp_path_factory.mktemp("generated") / "city.zsdb"
    write_hq_file(path, generate(1500, 6, seed=5))
    store = open_store(path).make_default()
    with store.writing():
        set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
        _awkward_cases()
    store.close()
    return path


def _awkward_cases() -> None:
    projects = list(Project.live().order_by(Project.id))
    now = datetime(2023, 8, 1, 9, 0)
    # Two pairs of suspected duplicates: one open (credited to the first), one judged
    # the same (credited to the second), and one judged different (both count).
    for first, second, status, credited in (
        (projects[0], projects[1], "open", projects[0]),
        (projects[2], projects[3], "same", projects[3]),
        (projects[4], projects[5], "different", None),
    ):
        DuplicatePair.create(
            first_uuid=first.uuid,
            second_uuid=second.uuid,
            reason="same investor",
            status=status,
            credited_uuid=credited.uuid if credited else None,
        )
    july = date(2023, 7, 31)
    for offset, project in enumerate(projects[10:40]):
        # Signed and started on the same day, typed in the wrong order; a deleted
        # signing; a second signing later; events after the period's end.
        day = date(2023, 3, 1) + timedelta(days=offset)
        StageEvent.create(project=project, stage="started", date=day, recorded_at=now)
        StageEvent.create(project=project, stage="signed", date=day, recorded_at=now)
        if offset % 3 == 0:
            StageEvent.create(
                project=project, stage="signed", date=day - timedelta(days=400), deleted=True
            )
        if offset % 4 == 0:
            StageEvent.create(project=project, stage="signed", date=july + timedelta(days=3))
        if offset % 5 == 0:
            StageEvent.create(
                project=project, stage="dropped", date=july, reason="企业调整", recorded_at=now
            )
    for project in projects[40:45]:  # no events at all
        StageEvent.delete().where(StageEvent.project == project).execute()
    # A foreign project just at the bound, and a 房地产 one, both signed in the period.
    for project, changes in (
        (projects[50], {"capital": "foreign", "total_investment": Decimal(1000)}),
        (projects[51], {"industry_code": "70"}),
    ):
        Project.update(**changes).where(Project.id == project.id).execute()
        StageEvent.create(project=project, stage="signed", date=date(2023, 5, 5))
    # The cached stage follows the events, as every write path keeps it.
    database.execute_sql(
        "UPDATE project SET stage = coalesce((SELECT e.stage FROM stage_event e "
        "WHERE e.project_id = project.id AND e.deleted = 0 ORDER BY e.date DESC, "
        "CASE e.stage WHEN 'lead' THEN 0 WHEN 'talks' THEN 1 WHEN 'signed' THEN 2 "
        "WHEN 'registered' THEN 3 WHEN 'started' THEN 4 WHEN 'completed' THEN 5 "
        "WHEN 'producing' THEN 6 WHEN 'at_capacity' THEN 7 ELSE 8 END DESC, "
        "e.recorded_at DESC, e.id DESC LIMIT 1), 'lead')"
    )
    assert new_uuid()  # the pairs above took fresh uuids


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(demo_template, tmp_path, write=False)


@pytest.fixture
def generated_file(generated_template: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(generated_template, tmp_path, write=False)


PERIODS = (
    Period(date(2023, 1, 1), date(2023, 6, 30)),  # 上半年
    Period(date(2023, 1, 1), date(2023, 7, 31)),  # 1~7月
    Period(date(2023, 7, 1), date(2023, 7, 31)),
    Period(date(2021, 1, 1), date(2021, 12, 31)),  # a year long past
    Period(date(2019, 1, 1), date(2025, 12, 31)),  # the whole history
    Period(date(2030, 1, 1), date(2030, 3, 31)),  # nothing yet
)


def test_the_articles_figures_are_the_rules_figures(demo_file: Store) -> None:
    for period in PERIODS:
        assert_same(figures(period), reference_figures(period))
    zone = next(u for u in live_units() if u.name == demo.DEV_ZONE)
    assert_same(figures(PERIODS[1], zone), reference_figures(PERIODS[1], zone))
    july = figures(PERIODS[1])
    assert (july.signed.count, july.pipeline.count) == (42, 113)  # the article


def test_the_generated_citys_figures_are_the_rules_figures(generated_file: Store) -> None:
    for period in PERIODS:
        expected = reference_figures(period)
        assert_same(figures(period), expected)
    units = live_units()
    for unit in units[:3]:
        assert_same(figures(PERIODS[1], unit), reference_figures(PERIODS[1], unit))
    busy = reference_figures(PERIODS[4])
    assert busy.signed.count > 300 and busy.pipeline.count > 100  # the comparison has weight


def test_signings_and_pipeline_alone_match_the_figures(generated_file: Store) -> None:
    period = PERIODS[1]
    rules = CountingRules.of_file(period.end)
    counted = _counted(rules, None, None)
    expected = reference_signed(rules, counted, period)
    assert signed_in_period(period) == expected
    assert all(p.stage is None for p in signed_in_period(period).projects)
    on_end = reference_pipeline(rules, _counted(rules, None, period.end), period.end)
    assert pipeline_as_of(period.end) == on_end


@pytest.mark.parametrize(
    "bands",
    [
        [Decimal(30), Decimal(10), Decimal(5)],
        [Decimal(3)],  # one band: every counted project in it
        [Decimal(10), Decimal("0.5")],
    ],
)
def test_a_city_without_an_exchange_rate_and_other_bands(
    tmp_path: Path, bands: list[Decimal]
) -> None:
    """While no rate is entered 外资 stands in no band and adds nothing in 万元; the
    bands, counted from running counts above each floor, are the rules' bands."""
    from db.records.settings import put_size_bands

    path = tmp_path / "no-rate.zsdb"
    write_hq_file(path, generate(600, 4, seed=9))
    store = open_store(path).make_default()
    try:
        with store.writing():
            put_size_bands(bands)
            _awkward_cases()
        assert CountingRules.of_file().rate is None
        foreign = 0
        for period in PERIODS:
            expected = reference_figures(period)
            assert_same(figures(period), expected)
            foreign += expected.pipeline.foreign_count
        assert foreign > 0  # 外资 is in the comparison
    finally:
        store.close()
