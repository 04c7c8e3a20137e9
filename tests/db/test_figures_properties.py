"""Properties of the counting rules, checked on generated ledgers (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.reads.figures import Period, pipeline_as_of, signed_in_period
from db.records.settings import set_exchange_rate
from db.records.stages import record_stage
from db.rules.vocabulary import PATH, Stage
from db.store.connection import database
from db.store.unit_file import Store
from tests.factories import make_project

START = date(2023, 1, 1)
AS_OF = date(2023, 6, 30)

amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("900000"), places=2)
projects = st.lists(
    st.tuples(
        amounts,
        st.sampled_from(["domestic", "foreign"]),
        st.sampled_from(["13", "36", "39", "43", "65", "70", "01", None]),
        st.lists(st.integers(min_value=0, max_value=364), min_size=0, max_size=4),
        st.sampled_from([None, "新材料", "新能源", "纺织"]),
    ),
    max_size=25,
)
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _build(rows: list) -> None:  # type: ignore[type-arg]
    for i, (total, capital, code, offsets, chain) in enumerate(rows):
        days = sorted(offsets)
        events = [
            (PATH[1 + k], START + timedelta(days=d)) for k, d in enumerate(days[: len(PATH) - 1])
        ]
        make_project(
            f"项目{i}", total, capital=capital, industry_code=code, chain=chain, events=events
        )


@PROPERTY
@given(rows=projects, rate=st.decimals(min_value=Decimal("6"), max_value=Decimal("8"), places=4))
def test_bands_partition_the_count_and_totals_are_exact(
    hq_file: Store,
    rows: list,
    rate: Decimal,  # type: ignore[type-arg]
) -> None:
    with database.atomic() as txn:
        set_exchange_rate(rate, AS_OF)
        _build(rows)
        signed = signed_in_period(Period(START, date(2023, 12, 31)))
        assert sum(n for _, n in signed.size_bands) == signed.count
        assert signed.domestic_count + signed.foreign_count == signed.count
        assert sum(signed.sectors.values()) == signed.count
        expected_domestic = sum(
            (p.total for p in signed.projects if p.capital == "domestic"), Decimal(0)
        )
        assert signed.domestic_total_wan_cny == expected_domestic
        assert (
            signed.domestic_total_wan_cny + signed.foreign_total_wan_usd * rate
            == signed.total_wan_cny
        )
        pipeline = pipeline_as_of(AS_OF)
        assert sum(n for _, n in pipeline.size_bands) == pipeline.count
        assert pipeline.negotiating + pipeline.signed_not_started == pipeline.count
        txn.rollback()


@PROPERTY
@given(rows=projects, later=st.lists(st.integers(min_value=1, max_value=200), max_size=10))
def test_pipeline_as_of_a_date_ignores_later_events(
    hq_file: Store,
    rows: list,
    later: list[int],  # type: ignore[type-arg]
) -> None:
    with database.atomic() as txn:
        _build(rows)
        before = pipeline_as_of(AS_OF)
        from db.store.models import Project

        live = list(Project.live().order_by(Project.id))
        for i, offset in enumerate(later):
            if not live:
                break
            project = live[i % len(live)]
            # a later drop is always allowed after any stage
            record_stage(project, Stage.DROPPED, AS_OF + timedelta(days=offset), reason="后来中止")
        after = pipeline_as_of(AS_OF)
        assert [p.uuid for p in after.projects] == [p.uuid for p in before.projects]
        assert after.domestic_total_wan_cny == before.domestic_total_wan_cny
        txn.rollback()
