"""Foreign money is converted at the rate of its own time: a briefing of June uses the
rate entered for June, not one entered later for July."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.reads.figures import Period, figures
from db.records.settings import set_exchange_rate
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.unit_file import Store
from tests.factories import make_project

JUNE = Period(date(2023, 1, 1), date(2023, 6, 30))
JULY = Period(date(2023, 1, 1), date(2023, 7, 31))


def test_each_period_converts_at_the_rate_in_force_at_its_end(unit_file: Store) -> None:
    make_project("外资精密", 2000, capital="foreign", events=[(Stage.SIGNED, date(2023, 3, 1))])
    set_exchange_rate(Decimal("7.0"), date(2023, 6, 1))
    set_exchange_rate(Decimal("7.2"), date(2023, 7, 31))
    assert settings.exchange_rate().usd_cny == Decimal("7.2")  # the latest is the current
    june, july = figures(JUNE), figures(JULY)
    assert (june.exchange_rate.usd_cny, june.exchange_rate.date) == (
        Decimal("7.0"),
        date(2023, 6, 1),
    )
    assert june.signed.total_wan_cny == Decimal(14000)
    assert july.signed.total_wan_cny == Decimal(14400)
    assert figures(JULY).to_json()["exchange_rate"] == {"usd_cny": "7.2", "date": "2023-07-31"}


def test_a_period_before_every_rate_uses_the_earliest(unit_file: Store) -> None:
    set_exchange_rate(Decimal("7.0"), date(2023, 6, 1))
    set_exchange_rate(Decimal("7.2"), date(2023, 7, 31))
    early = figures(Period(date(2023, 1, 1), date(2023, 3, 31)))
    assert early.exchange_rate.date == date(2023, 6, 1)


def test_entering_a_rate_for_a_day_again_replaces_it(unit_file: Store) -> None:
    set_exchange_rate(Decimal("7.0"), date(2023, 6, 1))
    set_exchange_rate(Decimal("7.05"), date(2023, 6, 1))
    assert [r.usd_cny for r in settings.exchange_rates() if r.date == date(2023, 6, 1)] == [
        Decimal("7.05")
    ]
