"""Changing the file's settings: the checks of each setting, and the operations
of the settings dialog, of ``zhaoshang settings`` and of printing a briefing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from db.errors import ValidationError
from db.records.ops import operation
from db.records.units import CadreRow, UnitIdentity, replace_cadres, set_identity
from db.store import settings

RATE_MIN = Decimal(1)
RATE_MAX = Decimal(20)


def put_exchange_rate(rate: Decimal, when: date) -> None:
    if not rate.is_finite() or rate <= 0 or rate > 100:
        raise ValidationError(
            f"汇率应为正数且合理(1美元兑人民币),收到:{rate}",
            f"the USD→CNY rate must be positive and plausible, got {rate}",
        )
    settings.put("exchange_rate", {"usd_cny": str(rate), "date": when.isoformat()})


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
    settings.put(
        "briefing",
        {
            "title": value.title.strip(),
            "editor": value.editor.strip(),
            "issue_no": value.issue_no,
            "to_report": value.to_report.strip(),
            "to_send": value.to_send.strip(),
            "to_issue": value.to_issue.strip(),
        },
    )


@dataclass
class SettingsChange:
    """Everything the settings dialog saves, as typed values."""

    rate: Decimal
    rate_date: date
    local_industries: list[str]
    priority_name: str
    priority_chains: list[str]
    size_bands: list[Decimal]
    briefing: settings.Briefing
    language: str
    hq_name: str | None = None
    unit_uuid: str | None = None
    unit: UnitIdentity | None = None
    cadres: list[CadreRow] = field(default_factory=list)


@operation
def save_settings(change: SettingsChange) -> None:
    """设置: every setting of the dialog, the unit's identity and its cadres, at once."""
    put_exchange_rate(change.rate, change.rate_date)
    put_local_industries(change.local_industries)
    put_priority_system(change.priority_name, change.priority_chains)
    put_size_bands(change.size_bands)
    put_briefing(change.briefing)
    put_language(change.language)
    if change.hq_name is not None:
        name = change.hq_name.strip()
        if not name:
            raise ValidationError("请填写总部名称", "the headquarters name is required")
        settings.put("file.hq_name", name)
    if change.unit_uuid and change.unit is not None:
        set_identity(change.unit_uuid, change.unit)
        replace_cadres(change.unit_uuid, change.cadres)


@operation
def set_exchange_rate(rate: Decimal, when: date) -> None:
    """汇率: the USD→CNY rate and the date it was taken."""
    put_exchange_rate(rate, when)


@operation
def issue_printed(issue_no: int) -> None:
    """A briefing of issue ``issue_no`` was printed: the next one gets the next number."""
    current = settings.briefing()
    if issue_no >= current.issue_no:
        settings.put("briefing", {**settings.get("briefing"), "issue_no": issue_no + 1})
