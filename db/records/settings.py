"""Changing the file's settings: the checks of each setting, and the operations
of the settings dialog, of ``zhaoshang settings`` and of printing a briefing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from db.errors import ValidationError
from db.records.ops import operation
from db.records.units import CadreRow, UnitIdentity, replace_cadres, set_identity
from db.rules.money import plain
from db.store import settings

RATE_MIN = Decimal(1)
RATE_MAX = Decimal(20)


def put_exchange_rate(rate: Decimal, when: date) -> None:
    if not rate.is_finite() or rate <= 0 or rate > 100:
        raise ValidationError(
            f"汇率应为正数且合理(1美元兑人民币),收到:{rate}",
            f"the USD→CNY rate must be positive and plausible, got {rate}",
        )
    current = settings.exchange_rate()
    if current is not None and (current.usd_cny, current.date) == (rate, when):
        return  # the rate as it is: nothing to write
    entry = {"usd_cny": str(rate), "date": when.isoformat()}
    history = [r for r in settings.get("exchange_rates") or [] if r.get("date") != entry["date"]]
    history = sorted([*history, entry], key=lambda r: str(r["date"]))
    settings.put("exchange_rates", history)
    # The current rate is the latest one by date.
    settings.put("exchange_rate", history[-1])


def put_size_bands(bounds: list[Decimal]) -> None:
    if (
        not bounds
        or any(not b.is_finite() or b <= 0 for b in bounds)
        or len(set(bounds)) != len(bounds)
    ):
        raise ValidationError(
            "规模档次的下限应为互不相同的正数(亿元)", "size band bounds must be distinct positives"
        )
    settings.put("size_bands", [str(b) for b in sorted(bounds, reverse=True)])


def put_priority_system(name: str, chains: list[str]) -> None:
    cleaned = [c.strip() for c in chains if c.strip()]
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError("重点产业链不能重复", "the priority chains must be distinct")
    settings.put("priority", {"name": name.strip(), "chains": cleaned})


def put_local_industries(labels: list[str]) -> None:
    """The local 产业类别 labels offered in the project form, in the order given."""
    cleaned = [label.strip() for label in labels if label.strip()]
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError("产业类别不能重复", "industry labels must be distinct")
    settings.put("local_industries", cleaned)


def put_language(language: str) -> None:
    if language not in settings.LANGUAGES:
        raise ValidationError(f"不支持的语言:{language}", f"unsupported language: {language}")
    settings.put("language", language)


def put_briefing(value: settings.Briefing) -> None:
    if not value.title.strip():
        raise ValidationError("请填写简报标题", "the briefing title is required")
    if value.issue_no < 1:
        raise ValidationError("期数应为正整数", "the issue number must be a positive integer")
    if value.copies is not None and not 1 <= value.copies <= 100000:
        raise ValidationError("印数应为 1~100000 份", "the number of copies must be 1 to 100000")
    if value.issue_year is not None and not 1900 <= value.issue_year <= 9999:
        raise ValidationError(f"期数年份不对:{value.issue_year}", "the issue year is wrong")
    settings.put(
        "briefing",
        {
            "title": value.title.strip(),
            "editor": value.editor.strip(),
            "issue_no": value.issue_no,
            "to_report": value.to_report.strip(),
            "to_send": value.to_send.strip(),
            "to_issue": value.to_issue.strip(),
            "issue_year": value.issue_year,
            "copies": value.copies,
        },
    )


def put_unit_order(names: list[str]) -> None:
    """The order of units in a briefing (names; the rest follow by kind and name)."""
    cleaned = [name.strip() for name in names if name.strip()]
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError("单位排列顺序中有重复的单位", "a unit is listed twice in the order")
    settings.put("unit_order", cleaned)


def put_major_project(wan_cny: Decimal) -> None:
    if not wan_cny.is_finite() or wan_cny <= 0:
        raise ValidationError(
            "重大项目的总投资下限应为正数(亿元)", "the size of a major project must be positive"
        )
    settings.put("major_project_wan_cny", plain(wan_cny))


@dataclass
class SettingsChange:
    """Settings to change, as typed values; None leaves one as it is.  The settings
    dialog gives all of them, ``zhaoshang settings`` and a settings file some."""

    rate: Decimal | None = None
    rate_date: date | None = None
    local_industries: list[str] | None = None
    priority_name: str | None = None
    priority_chains: list[str] | None = None
    size_bands: list[Decimal] | None = None
    briefing: settings.Briefing | None = None
    unit_order: list[str] | None = None
    major_project_wan_cny: Decimal | None = None
    language: str | None = None
    overdue_days: int | None = None
    hq_name: str | None = None
    unit_uuid: str | None = None
    unit: UnitIdentity | None = None
    cadres: list[CadreRow] = field(default_factory=list)


def _put(change: SettingsChange) -> None:
    current = settings.exchange_rate()
    rate = change.rate if change.rate is not None else (current.usd_cny if current else None)
    # A date alone, while no rate has ever been entered, dates nothing.
    if rate is not None and (change.rate is not None or change.rate_date is not None):
        when = change.rate_date or (current.date if current is not None else None)
        if when is None:
            raise ValidationError("请填写汇率日期", "the date of the exchange rate is required")
        put_exchange_rate(rate, when)
    if change.local_industries is not None:
        put_local_industries(change.local_industries)
    if change.priority_name is not None or change.priority_chains is not None:
        current_priority = settings.priority_system()
        put_priority_system(
            change.priority_name if change.priority_name is not None else current_priority.name,
            (
                change.priority_chains
                if change.priority_chains is not None
                else list(current_priority.chains)
            ),
        )
    if change.size_bands is not None:
        put_size_bands(change.size_bands)
    if change.briefing is not None:
        put_briefing(change.briefing)
    if change.unit_order is not None:
        put_unit_order(change.unit_order)
    if change.major_project_wan_cny is not None:
        put_major_project(change.major_project_wan_cny)
    if change.language is not None:
        put_language(change.language)
    if change.overdue_days is not None:
        if not 1 <= change.overdue_days <= 3650:
            raise ValidationError(
                "交接逾期天数应为 1~3650 之间的整数", "the overdue days must be 1 to 3650"
            )
        settings.put(settings.OVERDUE_DAYS, change.overdue_days)
    if change.hq_name is not None:
        name = change.hq_name.strip()
        if not name:
            raise ValidationError("请填写总部名称", "the headquarters name is required")
        settings.put("file.hq_name", name)
    if change.unit_uuid and change.unit is not None:
        set_identity(change.unit_uuid, change.unit)
        replace_cadres(change.unit_uuid, change.cadres)


@operation
def save_settings(change: SettingsChange) -> None:
    """设置: the settings given, the unit's identity and its cadres, at once."""
    _put(change)


@operation
def add_priority_chains(chains: list[str]) -> None:
    """Add 产业链 values to the priority chains (as a ledger import offers)."""
    current = settings.priority_system()
    put_priority_system(
        current.name, [*current.chains, *(c for c in chains if c not in current.chains)]
    )


@operation
def set_exchange_rate(rate: Decimal, when: date) -> None:
    """汇率: the USD→CNY rate and the date it was taken."""
    put_exchange_rate(rate, when)


@operation
def issue_printed(issue_no: int, year: int | None = None) -> None:
    """A briefing of issue ``issue_no`` signed in ``year`` (this year by default) was
    printed: the next one of that year gets the next number."""
    year = year if year is not None else date.today().year
    current = settings.briefing()
    # A late issue of a past year leaves this year's numbering alone.
    later_year = current.issue_year is not None and year > current.issue_year
    same_year = current.issue_year in (None, year)
    if later_year or (same_year and issue_no >= current.issue_no):
        settings.put(
            "briefing",
            {**settings.get("briefing"), "issue_no": issue_no + 1, "issue_year": year},
        )
