"""Exact amounts: parsing, scaling and the wording of money in reports.

Amounts are held as ``Decimal`` in 万 of their currency (万元 for 内资, 万美元 for
外资) from the input to the PDF; binary floats never touch them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

WAN_PER_YI = Decimal(10000)
# Thousands separators and spaces people type in a figure: ASCII and full-width
# commas (1，250.5 from a Chinese keyboard), spaces, no-break and ideographic spaces.
_SEPARATORS = str.maketrans(dict.fromkeys(",\uff0c \u00a0\u3000"))


class AmountError(ValueError):
    """An amount that cannot be read or is out of range."""


def plain(value: Decimal) -> str:
    """Write a decimal without exponent and without trailing zeros: 2606900, 0.05."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text


def parse_amount(text: object, *, allow_negative: bool = False) -> Decimal | None:
    """Read an amount typed by a person or stored in a spreadsheet cell.

    Accepts ints, Decimals, floats from spreadsheet cells (through their shortest
    repr, so 7.06 stays 7.06) and text with thousands separators (ASCII or
    full-width commas) and spaces.  Empty means None.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise AmountError(f"不是数字 / not a number: {text!r}")
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))
    else:
        cleaned = str(text).strip().translate(_SEPARATORS)
        if not cleaned:
            return None
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise AmountError(f"不是数字 / not a number: {text}") from None
    if not value.is_finite():
        raise AmountError(f"不是数字 / not a number: {text}")
    if value < 0 and not allow_negative:
        raise AmountError(f"不能为负数 / must not be negative: {text}")
    return value


def wan_to_yi(wan: Decimal) -> Decimal:
    return wan / WAN_PER_YI


def yi_text(wan: Decimal) -> str:
    """An amount in 万 written in 亿 with at most two decimals: 260.69, 30, 7.37."""
    yi = wan_to_yi(wan).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return plain(yi)


def pct_text(part: int, whole: int) -> str:
    """A share with one decimal, rounded half up: 26/42 → 61.9."""
    if whole == 0:
        return "0"
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return format(share, "f")
