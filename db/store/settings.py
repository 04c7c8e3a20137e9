"""The settings stored in the unit file, with their defaults, read as typed values.

Values are JSON; amounts and rates are decimal strings so they stay exact.
Changing a setting is an operation of db.records.settings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from db.store.connection import database
from db.store.models import Setting, Unit

ROLE_UNIT = "unit"
ROLE_HQ = "hq"

DEFAULT_LOCAL_INDUSTRIES = (
    "新材料",
    "新能源",
    "大健康",
    "装备制造",
    "汽车零部件",
    "电子信息",
    "眼镜光学",
    "现代服务业",
)

DEFAULTS: dict[str, Any] = {
    "file.role": ROLE_UNIT,
    "file.unit_uuid": None,
    # No rate until a user enters one: 外资 is then stated in 美元 and converted nowhere.
    "exchange_rate": None,
    "exchange_rates": [],  # every rate entered, with its date
    # Lower bounds in 亿元 of the exclusive size bands, largest first; the last
    # band takes every counted project below the one above it.
    "size_bands": ["30", "10", "5", "1"],
    "thresholds": {"domestic_wan_cny": "10000", "foreign_wan_usd": "1000"},
    "priority": {
        "name": "4+3+1",
        "chains": [
            "新能源汽车及零部件",
            "高端装备",
            "新材料",
            "新能源",
            "眼镜光学",
            "大健康",
            "电子信息",
            "现代服务业",
        ],
    },
    "local_industries": list(DEFAULT_LOCAL_INDUSTRIES),
    "briefing": {
        "title": "招商工作简报",
        "editor": "",
        "issue_no": 1,
        "to_report": "",
        "to_send": "",
        "to_issue": "",
        # The year the next issue number belongs to: issues are numbered per year,
        # so the first briefing signed in a new year is 第1期 again.
        "issue_year": None,
        "copies": None,  # 印数 printed in the 报尾, optional
    },
    # Units in the order the city lists them in a briefing (names); units not listed
    # follow by kind — 开发区, 镇区, 园区, then the 驻点招商办 — and name.
    "unit_order": [],
    # A signed project of at least this total (万元) is one of the year's 重大项目.
    "major_project_wan_cny": "100000",
    "language": "zh_CN",
}


def get(key: str) -> Any:
    """The setting's value, or its default when the file has none.

    Read by one prepared statement rather than a peewee query: the figures, the
    ledger and the reports read several settings each time, and building the query
    cost more than running it."""
    row = database.execute_sql(_GET, [key]).fetchone()
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row[0])


_GET = 'SELECT "value" FROM "setting" WHERE "key" = ? AND "deleted" = 0'


def put(key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        if key in DEFAULTS and value == DEFAULTS[key]:
            return  # a default needs no row: nothing changes
        Setting.create(key=key, value=text)
    elif row.value != text or row.deleted:
        row.value = text
        row.deleted = False
        row.save()


@dataclass(frozen=True)
class ExchangeRate:
    """The configured USD→CNY rate and the date it was taken (汇率)."""

    usd_cny: Decimal
    date: date | None


def _positive(text: Any) -> Decimal:
    """A positive, finite decimal of a setting; ValueError otherwise (a damaged file)."""
    value = Decimal(str(text))
    if not value.is_finite() or value <= 0:
        raise ValueError(f"not a positive number: {text!r}")
    return value


def _rate(raw: dict[str, Any] | None) -> ExchangeRate | None:
    if raw is None:
        return None
    when = date.fromisoformat(raw["date"]) if raw.get("date") else None
    return ExchangeRate(_positive(raw["usd_cny"]), when)


def exchange_rates() -> tuple[ExchangeRate, ...]:
    """Every rate entered, by its date (汇率的历史): a briefing of a past period
    converts at the rate of its own time."""
    history = [r for r in (_rate(raw) for raw in get("exchange_rates") or []) if r is not None]
    current = _rate(get("exchange_rate"))
    dated = current is not None and current.date is not None
    if current is not None and dated and all(r.date != current.date for r in history):
        history.append(current)
    return tuple(
        sorted((r for r in history if r.date is not None), key=lambda r: r.date or date.min)
    )


def exchange_rate(as_of: date | None = None) -> ExchangeRate | None:
    """The rate now, or in force on ``as_of``: the latest dated on or before it (the
    earliest known when every rate is later); None while no rate has been entered."""
    current = _rate(get("exchange_rate"))
    if as_of is None:
        return current
    history = exchange_rates()
    before = [r for r in history if r.date is not None and r.date <= as_of]
    if before:
        return before[-1]
    return history[0] if history else current


def size_bands() -> tuple[Decimal, ...]:
    return tuple(sorted((_positive(b) for b in get("size_bands")), reverse=True))


@dataclass(frozen=True)
class Thresholds:
    """The 亿元以上 rule: 1亿元 for 内资, 1000万美元 for 外资."""

    domestic_wan_cny: Decimal
    foreign_wan_usd: Decimal


def thresholds() -> Thresholds:
    raw = get("thresholds")
    return Thresholds(_positive(raw["domestic_wan_cny"]), _positive(raw["foreign_wan_usd"]))


@dataclass(frozen=True)
class PrioritySystem:
    """The city's priority chains (e.g. the "4+3+1" system) and its name in sentences."""

    name: str
    chains: tuple[str, ...]


def priority_system() -> PrioritySystem:
    raw = get("priority")
    return PrioritySystem(str(raw["name"]), _texts(raw["chains"]))


def local_industries() -> tuple[str, ...]:
    return _texts(get("local_industries"))


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"not a list of texts: {value!r}")
    return tuple(value)


LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Briefing:
    """The briefing's 报头 and 报尾: title, 编印单位, next 期数 (of ``issue_year``),
    报/送/发 recipients and the 印数."""

    title: str
    editor: str
    issue_no: int
    to_report: str
    to_send: str
    to_issue: str
    issue_year: int | None = None
    copies: int | None = None

    def next_issue_no(self, year: int) -> int:
        """The number a briefing signed in ``year`` gets by default (per year)."""
        if self.issue_year is not None and self.issue_year != year:
            return 1
        return self.issue_no


def briefing() -> Briefing:
    raw = {**DEFAULTS["briefing"], **get("briefing")}
    return Briefing(
        raw["title"],
        raw["editor"],
        int(raw["issue_no"]),
        raw["to_report"],
        raw["to_send"],
        raw["to_issue"],
        int(raw["issue_year"]) if raw.get("issue_year") else None,
        int(raw["copies"]) if raw.get("copies") else None,
    )


# The order of unit kinds where the city lists no order of its own.
KIND_ORDER: tuple[str, ...] = ("开发区", "镇区", "园区", "驻点招商办", "招商中心")


def unit_order() -> tuple[str, ...]:
    """Unit names in the order the briefings list them (those named first)."""
    return tuple(str(name) for name in get("unit_order") or ())


def major_project_wan_cny() -> Decimal:
    """The total (万元) from which a signed project is one of the year's 重大项目."""
    return Decimal(get("major_project_wan_cny"))


OVERDUE_DAYS = "handover.overdue_days"
DEFAULT_OVERDUE_DAYS = 30


def overdue_days() -> int:
    """Headquarters flags a unit whose last handover is older than this (days)."""
    return int(get(OVERDUE_DAYS) or DEFAULT_OVERDUE_DAYS)


def file_role() -> str:
    role = get("file.role")
    if role not in (ROLE_UNIT, ROLE_HQ):
        raise ValueError(f"unknown file role: {role!r}")
    return str(role)


def is_headquarters() -> bool:
    return file_role() == ROLE_HQ


def own_unit() -> Unit | None:
    """The unit a unit file belongs to; None in a headquarters file."""
    unit_uuid = get("file.unit_uuid")
    if not unit_uuid:
        return None
    return Unit.get_or_none(Unit.uuid == unit_uuid)


# The reader of each setting: a file is opened only when every stored setting can
# be read by its reader (db.store.values.check_settings).
READERS: dict[str, Callable[[], object]] = {
    "exchange_rate": exchange_rate,
    "exchange_rates": exchange_rates,
    "size_bands": size_bands,
    "thresholds": thresholds,
    "priority": priority_system,
    "local_industries": local_industries,
    "briefing": briefing,
    "unit_order": unit_order,
    "major_project_wan_cny": major_project_wan_cny,
    OVERDUE_DAYS: overdue_days,
    "file.role": file_role,
}
