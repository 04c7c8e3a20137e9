"""Money as the interface shows it, in the interface's language.

Chinese keeps the units officials write (30 亿元, 0.15 亿美元, 300,000 万元); English
says the amount the way an English reader counts it (CNY 3.0 bn, USD 15 m).  Amounts
arrive in 万 of their currency, exact; the English figure is exact too (never a float).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from db.rules.money import plain, yi_text
from ui import i18n

_WAN = Decimal(10000)
_BILLION = Decimal(10) ** 9
_MILLION = Decimal(10) ** 6
_HUNDRED_WAN = Decimal(100)  # 0.01亿: what a figure in 亿 with two decimals keeps


def _grouped(value: Decimal) -> str:
    """A decimal with thousands separators and no trailing zeros: 26,069 · 3.000005."""
    text = plain(value)
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    return f"{grouped}.{fraction}" if fraction else grouped


def english_amount(wan: Decimal, foreign: bool = False) -> str:
    """CNY 3.0 bn, USD 15 m, CNY 500,000: an amount in 万, exact, in English."""
    currency = "USD" if foreign else "CNY"
    units = wan * _WAN
    if abs(units) >= _BILLION:
        figure = _grouped(units / _BILLION)
        if "." not in figure:
            figure += ".0"  # "3.0 bn", as English writes a round number of billions
        return f"{currency} {figure} bn"
    if abs(units) >= _MILLION:
        return f"{currency} {_grouped(units / _MILLION)} m"
    return f"{currency} {_grouped(units)}"


def yi_amount(wan: Decimal, foreign: bool = False, space: str = " ") -> str:
    """A total as the overview and the status bar give it, to 0.01亿: "30 亿元" or
    "0.15 亿美元" in Chinese (``space`` between figure and unit), "CNY 3.0 bn" or
    "USD 15 m" in English."""
    if i18n.language() == "en":
        rounded = (wan / _HUNDRED_WAN).quantize(Decimal(1), ROUND_HALF_UP) * _HUNDRED_WAN
        return english_amount(rounded, foreign)
    return f"{yi_text(wan)}{space}{'亿美元' if foreign else '亿元'}"


def yi_figure(wan: Decimal) -> str:
    """The number alone of a column headed 亿元 (CNY bn in English): 30 / 3.0."""
    if i18n.language() == "en":
        rounded = (wan / _HUNDRED_WAN).quantize(Decimal(1), ROUND_HALF_UP) * _HUNDRED_WAN
        figure = _grouped(rounded * _WAN / _BILLION)
        return figure if "." in figure else figure + ".0"
    return yi_text(wan)


def wan_amount(wan: Decimal, foreign: bool = False) -> str:
    """An exact amount in 万 as a ledger cell shows it: "300,000 万元" in Chinese,
    "CNY 3.0 bn" in English."""
    if i18n.language() == "en":
        return english_amount(wan, foreign)
    return f"{_grouped(wan)} {'万美元' if foreign else '万元'}"


def band_label(low_yi: Decimal, high_yi: Decimal | None = None, below: bool = False) -> str:
    """A size band in English: "≥ CNY 3.0 bn", "< CNY 500 m" (``below``), or
    "CNY 100 m – 500 m" (from ``low_yi`` up to ``high_yi``).  Bounds are in 亿元."""
    low = english_amount(low_yi * _WAN)
    if high_yi is not None:
        return f"{low} – {english_amount(high_yi * _WAN).removeprefix('CNY ')}"
    return f"< {low}" if below else f"≥ {low}"
