"""Exact decimals in SQLite: amounts, areas and quantities as scaled integers.

Money is stored in 万 of its currency times 10⁶ (a cent of a 元 or of a dollar),
so that SQL sums stay exact.  ``MONEY_SCALE`` is that factor, stated once here;
every query that compares or sums amounts in SQL uses it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from peewee import BigIntegerField

MONEY_PLACES = 6
MONEY_SCALE = 10**MONEY_PLACES  # 1 万 in the stored integers of a MoneyField
YI_SCALE = 10_000 * MONEY_SCALE  # 1 亿 (10,000 万) in the same integers
MU_PLACES = 4  # 用地 (亩)
M2_PLACES = 2  # 建筑面积 (平方米)
QUANTITY_PLACES = 4  # 产能 quantities

# Above this a scaled value no longer fits SQLite's 64-bit integers.
MAX_STORED = 2**63 - 1


def from_stored(value: int, places: int) -> Decimal:
    """A stored integer back as the exact decimal it stands for, without trailing zeros."""
    number = Decimal(int(value)).scaleb(-places)
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def to_stored(value: Decimal | int, places: int, name: str = "value") -> int:
    """An exact decimal as the stored integer; finer than ``places`` or too large is refused."""
    if value.__class__ is Decimal:  # the usual value, quickly (the same steps as below)
        scaled = value.scaleb(places)
        if scaled.is_finite():
            whole = int(scaled)
            if whole == scaled and abs(whole) <= MAX_STORED:
                return whole
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{name}: exact decimal expected, got {type(value).__name__}")
    scaled = Decimal(value).scaleb(places)
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise ValueError(f"{name}: {value} has more than {places} decimal places")
    if abs(scaled) > MAX_STORED:
        raise ValueError(f"{name}: {value} is too large to store")
    return int(scaled)


class ScaledDecimalField(BigIntegerField):
    """An exact decimal stored as a scaled integer; a value finer than the scale is
    refused, not rounded."""

    def __init__(self, places: int, *args: Any, **kwargs: Any) -> None:
        self.places = places
        super().__init__(*args, **kwargs)

    def db_value(self, value: Any) -> int | None:
        if value is None:
            return None
        return to_stored(value, self.places, self.name)

    def python_value(self, value: Any) -> Decimal | None:
        if value is None:
            return None
        return from_stored(value, self.places)


def MoneyField(**kwargs: Any) -> ScaledDecimalField:
    """An amount in 万 of the record's currency, exact to the cent."""
    return ScaledDecimalField(MONEY_PLACES, **kwargs)
