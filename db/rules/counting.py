"""The counting rules (统计口径) of docs/DOMAIN.md, each stated once, in Python with its SQL
beside it: which projects are counted (亿元以上产业项目), the exclusive size bands,
the sectors (制造业 / 服务业 / 其他) and the priority chains.

The Python functions judge one project; the SQL expressions judge every row of
a query the same way (``p`` is the project table's alias).  Amounts compare as
exact integers: 外资 is converted at the configured rate written as a fraction
(7.1305 = 71305/10000), and both sides are multiplied by its denominator.  While
no rate is entered 外资 is converted nowhere: it adds nothing to a total in 万元
and stands in no size band (a briefing states it in 美元, apart).
tests/db/test_rules_agree.py checks that each pair agrees on generated data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from db.rules.industry import REAL_ESTATE_CODE, Sector, sector_of
from db.rules.vocabulary import Capital
from db.store import settings
from db.store.fields import MONEY_SCALE, YI_SCALE

Sql = tuple[str, list[Any]]


@dataclass(frozen=True)
class CountingRules:
    """The settings the rules depend on, read once per computation."""

    rate: settings.ExchangeRate | None  # None: no rate entered, 外资 not converted
    bands: tuple[Decimal, ...]  # lower bounds in 亿元, largest first
    thresholds: settings.Thresholds
    priority: settings.PrioritySystem

    @classmethod
    def of_file(cls, as_of: date | None = None) -> CountingRules:
        """The rules as the open file configures them; ``as_of`` picks the exchange
        rate in force on that day (the figures of a period: its last day)."""
        return cls(
            settings.exchange_rate(as_of),
            settings.size_bands(),
            settings.thresholds(),
            settings.priority_system(),
        )

    # -- one project ---------------------------------------------------------------

    @property
    def converts(self) -> bool:
        """Whether 外资 is converted to 元 (a rate is entered)."""
        return self.rate is not None

    def to_cny(self, capital: Capital, total: Decimal) -> Decimal:
        """总投资 in 万元: 外资 at the configured rate; 0 without one (it adds nothing)."""
        if capital is not Capital.FOREIGN:
            return total
        return total * self.rate.usd_cny if self.rate is not None else Decimal(0)

    def is_counted(
        self, capital: Capital, total: Decimal | None, industry_code: str | None
    ) -> bool:
        """亿元以上产业项目: not 房地产业, and 总投资 ≥ 1亿元 (内资) or ≥ 1000万美元 (外资)."""
        if total is None or industry_code == REAL_ESTATE_CODE:
            return False
        return total >= self.threshold(capital)

    def threshold(self, capital: Capital) -> Decimal:
        """The least 总投资 counted, in 万 of the capital's own currency."""
        if capital is Capital.FOREIGN:
            return self.thresholds.foreign_wan_usd
        return self.thresholds.domestic_wan_cny

    def band_of(
        self, total_wan_cny: Decimal, capital: Capital = Capital.DOMESTIC
    ) -> Decimal | None:
        """The lower bound (亿元) of the exclusive band: [30,∞), [10,30), [5,10), the rest.

        "以上" includes the bound; a counted project below the lowest bound (a
        1000万美元 外资 project) falls in the lowest band.  外资 without a rate: None."""
        if capital is Capital.FOREIGN and not self.converts:
            return None
        yi = total_wan_cny / 10000
        for bound in self.bands:
            if yi >= bound:
                return bound
        return self.bands[-1]

    def in_priority_chain(self, chain: str | None) -> bool:
        """Whether the 产业链 is one of the city's priority chains (“4+3+1”)."""
        return chain is not None and chain in self.priority.chains

    @staticmethod
    def sector(industry_code: str | None) -> Sector:
        """制造业 13–42, 服务业 第三产业 (05, 11, 43, 51–97), else 其他."""
        return sector_of(industry_code)

    # -- the same in SQL -------------------------------------------------------------

    def _fraction(self) -> tuple[int, int]:
        if self.rate is None:
            return 0, 1  # 外资 adds nothing
        numerator, denominator = self.rate.usd_cny.as_integer_ratio()
        return numerator, denominator

    def cny_sql(self, alias: str = "p") -> Sql:
        """总投资 in stored integers of 万元 times the rate's denominator (exact); 外资
        is 0 without a rate."""
        numerator, denominator = self._fraction()
        return (
            f"(CASE WHEN {alias}.capital = 'foreign' THEN {alias}.total_investment * ? "
            f"ELSE {alias}.total_investment * ? END)",
            [numerator, denominator],
        )

    def yi_bound(self, bound: Decimal) -> int:
        """A band bound in the units of ``cny_sql``."""
        return int(bound * YI_SCALE * self._fraction()[1])

    def counted_sql(self, alias: str = "p") -> Sql:
        """``is_counted`` in SQL."""
        return (
            f"({alias}.total_investment IS NOT NULL "
            f"AND coalesce({alias}.industry_code, '') <> ? "
            f"AND (({alias}.capital = 'domestic' AND {alias}.total_investment >= ?) "
            f"OR ({alias}.capital = 'foreign' AND {alias}.total_investment >= ?)))",
            [
                REAL_ESTATE_CODE,
                int(self.threshold(Capital.DOMESTIC) * MONEY_SCALE),
                int(self.threshold(Capital.FOREIGN) * MONEY_SCALE),
            ],
        )

    def counted_of_sql(self, capital: Capital, alias: str = "p") -> Sql:
        """``is_counted`` in SQL for projects of one ``capital`` (the caller selects
        them): its threshold alone."""
        return (
            f"({alias}.total_investment >= ? AND coalesce({alias}.industry_code, '') <> ?)",
            [int(self.threshold(capital) * MONEY_SCALE), REAL_ESTATE_CODE],
        )

    def band_index_sql(self, alias: str = "p") -> Sql:
        """``band_of`` in SQL: the position of the band in ``bands`` (0 = the largest);
        -1 for 外资 without a rate."""
        whens: list[str] = []
        params: list[Any] = []
        if not self.converts:
            whens.append(f"WHEN {alias}.capital = 'foreign' THEN -1")
        if len(self.bands) == 1 and not whens:
            return "0", []
        cny, cny_params = self.cny_sql(alias)
        for index, bound in enumerate(self.bands[:-1]):
            whens.append(f"WHEN {cny} >= ? THEN {index}")
            params += [*cny_params, self.yi_bound(bound)]
        return f"(CASE {' '.join(whens)} ELSE {len(self.bands) - 1} END)", params

    def band_floor(self, capital: Capital, index: int) -> int | None:
        """The least stored 总投资 of ``capital`` that ``band_index_sql`` puts in band
        ``index`` or a larger one (exact: the conversion of an amount reaches the
        bound exactly when the amount reaches this floor); None for 外资 without a rate."""
        numerator, denominator = self._fraction()
        factor = numerator if capital is Capital.FOREIGN else denominator
        if factor == 0:
            return None
        return -(-self.yi_bound(self.bands[index]) // factor)

    def band_floor_sql(self, capital: Capital, index: int, alias: str = "p") -> Sql:
        """``band_index_sql`` ≤ ``index`` in SQL for projects of one ``capital``, read from
        the stored amount alone (no conversion): a comparison cheap enough to count
        every band of a hundred thousand projects in one pass (db.reads.figures).
        For every band but the last, which takes the rest (``band_of``); raises
        ValueError for 外资 without a rate (it stands in no band)."""
        floor = self.band_floor(capital, index)
        if floor is None:
            raise ValueError("外资 stands in no size band without an exchange rate")
        return f"({alias}.total_investment >= ?)", [floor]

    def in_band_sql(self, bound: Decimal, alias: str = "p") -> Sql:
        """The ledger's size-band filter: a project in the band of ``bound``.

        Every project with an amount is placed by ``band_of``; below the lowest
        bound only counted projects are (as the figures place them)."""
        index = self.bands.index(bound)
        band, params = self.band_index_sql(alias)
        clause = f"({alias}.total_investment IS NOT NULL AND {band} = {index})"
        if index == len(self.bands) - 1:
            cny, cny_params = self.cny_sql(alias)
            counted, counted_params = self.counted_sql(alias)
            clause = f"({clause} AND ({cny} >= ? OR {counted}))"
            params += [*cny_params, self.yi_bound(bound), *counted_params]
        return clause, params

    def priority_sql(self, alias: str = "p") -> Sql:
        """``in_priority_chain`` in SQL."""
        chains = list(self.priority.chains)
        if not chains:
            return "0", []
        return f"({alias}.chain IN ({', '.join('?' for _ in chains)}))", chains


def counted_once_sql(alias: str = "p") -> str:
    """不重复统计: of two projects found to be one (an open pair of suspected duplicates,
    or one headquarters judged the same), only the credited one counts."""
    return (
        f"({alias}.uuid NOT IN (SELECT CASE WHEN d.credited_uuid = d.first_uuid "
        "THEN d.second_uuid ELSE d.first_uuid END FROM duplicate_pair d "
        "WHERE d.deleted = 0 AND d.status IN ('open', 'same')))"
    )


def sector_sql(alias: str = "p") -> str:
    """``CountingRules.sector`` in SQL: 'manufacturing', 'services' or 'other'."""
    code = f"{alias}.industry_code"
    number = f"CAST({code} AS INTEGER)"
    return (
        f"(CASE WHEN {code} GLOB '[0-9][0-9]' AND {number} BETWEEN 1 AND 97 THEN "
        f"CASE WHEN {number} BETWEEN 13 AND 42 THEN '{Sector.MANUFACTURING.value}' "
        f"WHEN {number} IN (5, 11, 43) OR {number} BETWEEN 51 AND 97 "
        f"THEN '{Sector.SERVICES.value}' "
        f"ELSE '{Sector.OTHER.value}' END ELSE '{Sector.OTHER.value}' END)"
    )
