"""Each counting rule is stated twice, in Python and in SQL (db.rules): on generated
projects and events both must judge every project alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.records.settings import put_exchange_rate, put_priority_system, put_size_bands
from db.rules.counting import CountingRules, sector_sql
from db.rules.stages import live_events, stage_on, stages_on
from db.rules.vocabulary import Capital, Stage
from db.store.connection import database
from db.store.models import Investor, Project, StageEvent
from db.store.settings import own_unit
from db.store.unit_file import Store

START = date(2023, 1, 1)
CODES = ["13", "36", "42", "43", "05", "11", "51", "65", "70", "97", "01", "44", "98", "ab", None]

project_values = st.tuples(
    st.decimals(min_value=Decimal("0"), max_value=Decimal("600000"), places=2),
    st.sampled_from([Capital.DOMESTIC, Capital.FOREIGN]),
    st.sampled_from(CODES),
    st.sampled_from([None, "新材料", "新能源", "纺织", "大健康"]),
    # events: (day offset, stage, order of typing)
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=60),
            st.sampled_from(list(Stage)),
            st.integers(min_value=0, max_value=3),
        ),
        max_size=5,
    ),
)
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _project(
    number: int,
    investor: Investor,
    total: Decimal | None,
    capital: Capital,
    code: str | None,
    chain: str | None = None,
) -> Project:
    """Project 项目<number> of the file's own unit."""
    return Project.create(
        name=f"项目{number}",
        investor=investor,
        unit=own_unit(),
        capital=capital.value,
        total_investment=total,
        industry_code=code,
        chain=chain,
    )


def _build(
    rows: list[tuple[Decimal, Capital, str | None, str | None, list[tuple[int, Stage, int]]]],
) -> None:
    investor = Investor.create(name="甲公司")
    for i, (total, capital, code, chain, events) in enumerate(rows):
        project = _project(i, investor, total, capital, code, chain)
        for offset, stage, typed in events:
            StageEvent.create(
                project=project,
                stage=stage.value,
                date=START + timedelta(days=offset),
                recorded_at=datetime(2023, 1, 1) + timedelta(minutes=typed),
                reason="测试" if stage is Stage.DROPPED else None,
            )


@PROPERTY
@given(
    rows=st.lists(project_values, max_size=20),
    rate=st.decimals(min_value=Decimal("6"), max_value=Decimal("8"), places=4),
    bands=st.lists(
        st.sampled_from([Decimal(b) for b in ("0.5", "1", "3", "5", "10", "30")]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
)
def test_python_and_sql_agree_on_every_project(
    unit_file: Store,
    rows: list,
    rate: Decimal,
    bands: list[Decimal],  # type: ignore[type-arg]
) -> None:
    with database.atomic() as txn:
        put_exchange_rate(rate, START)
        put_size_bands(bands)
        put_priority_system("4+3+1", ["新材料", "新能源"])
        _build(rows)
        rules = CountingRules.of_file()
        counted, counted_params = rules.counted_sql("p")
        band, band_params = rules.band_index_sql("p")
        priority, priority_params = rules.priority_sql("p")
        query = f"SELECT p.id, {counted}, {band}, {sector_sql('p')}, {priority} FROM project p"
        sql = {
            pid: (bool(c), index, sector, bool(pr))
            for pid, c, index, sector, pr in database.execute_sql(
                query, [*counted_params, *band_params, *priority_params]
            ).fetchall()
        }
        for project in Project.select():
            capital = Capital(project.capital)
            in_cny = rules.to_cny(capital, project.total_investment)
            python = (
                rules.is_counted(capital, project.total_investment, project.industry_code),
                rules.bands.index(rules.band_of(in_cny)),
                rules.sector(project.industry_code).value,
                rules.in_priority_chain(project.chain),
            )
            assert sql[project.id] == python, project.name
            # The rule for one capital's projects (the pipeline's pass per capital).
            of_capital, of_params = rules.counted_of_sql(capital, "p")
            (alone,) = database.execute_sql(
                f"SELECT {of_capital} FROM project p WHERE p.id = ?", [*of_params, project.id]
            ).fetchone()
            assert bool(alone) == python[0], project.name
            for index in range(len(rules.bands) - 1):  # the last band takes the rest
                floor, floor_params = rules.band_floor_sql(capital, index, "p")
                (reached,) = database.execute_sql(
                    f"SELECT {floor} FROM project p WHERE p.id = ?", [*floor_params, project.id]
                ).fetchone()
                expected_band = rules.bands.index(rules.band_of(in_cny))
                assert bool(reached) == (expected_band <= index), (project.name, index)
            for bound in rules.bands:
                clause, params = rules.in_band_sql(bound, "p")
                hit = database.execute_sql(
                    f"SELECT count(*) FROM project p WHERE p.id = ? AND {clause}",
                    [project.id, *params],
                ).fetchone()[0]
                expected = rules.band_of(in_cny) == bound and (
                    bound != rules.bands[-1]
                    or in_cny / 10000 >= bound
                    or rules.is_counted(capital, project.total_investment, project.industry_code)
                )
                assert bool(hit) == expected, (project.name, bound)
        for offset in range(0, 62, 3):
            when = START + timedelta(days=offset)
            by_sql = stages_on(when)
            for project in Project.select():
                assert by_sql.get(project.id) == stage_on(live_events(project), when)
        txn.rollback()


def test_the_rule_of_one_capital_agrees_at_its_edges(unit_file: Store) -> None:
    """At the thresholds themselves, a cent below, without an amount or a code, and for
    real estate: the per-capital rule judges as the Python rule does."""
    with database.atomic() as txn:
        rules = CountingRules.of_file()
        investor = Investor.create(name="甲公司")
        edges = {
            Capital.DOMESTIC: rules.thresholds.domestic_wan_cny,
            Capital.FOREIGN: rules.thresholds.foreign_wan_usd,
        }
        made = []
        for capital, threshold in edges.items():
            for total in (threshold, threshold - Decimal("0.01"), None, threshold * 3):
                for code in ("36", "70", None):
                    made.append(_project(len(made), investor, total, capital, code))
        judged = set()
        for project in made:
            capital = Capital(project.capital)
            clause, params = rules.counted_of_sql(capital, "p")
            (alone,) = database.execute_sql(
                f"SELECT {clause} FROM project p WHERE p.id = ?", [*params, project.id]
            ).fetchone()
            expected = rules.is_counted(capital, project.total_investment, project.industry_code)
            assert bool(alone) == expected, (project.name, project.total_investment)
            judged.add(expected)
        assert judged == {True, False}
        txn.rollback()
