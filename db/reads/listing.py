"""项目清单: the rows of the ledger's current filter, ready to print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.reads.ledger_table import (
    COLUMN_BY_KEY,
    FilterTotals,
    ProjectFilter,
    Row,
    fetch_rows,
    matching_ids,
    totals,
)
from db.store import settings
from db.store.models import Unit

LISTING_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "investor",
    "unit",
    "capital",
    "total",
    "local_industry",
    "stage",
    "signed_on",
    "started_on",
    "person_in_charge",
    "issues",
)
_PAGE = 500  # ids per query, well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class ListingData:
    title: str
    editor: str
    filter_words: str
    headers: tuple[str, ...]
    column_keys: tuple[str, ...]
    rows: tuple[Row, ...]
    totals: FilterTotals
    printed_on: date


def describe_filter(criteria: ProjectFilter) -> str:
    """The filter in words, so a printed list says what it holds."""
    parts: list[str] = []
    if criteria.stages:
        parts.append("阶段:" + "、".join(sorted(s.label for s in criteria.stages)))
    if criteria.unit_ids:
        names = [u.name for u in Unit.select().where(Unit.id.in_(list(criteria.unit_ids)))]
        parts.append("单位:" + "、".join(sorted(names)))
    if criteria.local_industries:
        parts.append("产业类别:" + "、".join(sorted(criteria.local_industries)))
    if criteria.chains:
        parts.append("产业链:" + "、".join(sorted(criteria.chains)))
    if criteria.priority_only:
        parts.append(f"“{settings.priority_system().name}”产业链项目")
    if criteria.size_band is not None:
        parts.append(f"规模:{criteria.size_band}亿元档")
    if criteria.capital is not None:
        parts.append(criteria.capital.label)
    if criteria.counted is not None:
        parts.append("纳入统计" if criteria.counted else "未纳入统计")
    if criteria.signed_from or criteria.signed_to:
        start = criteria.signed_from.isoformat() if criteria.signed_from else "…"
        end = criteria.signed_to.isoformat() if criteria.signed_to else "…"
        parts.append(f"签约日期:{start}~{end}")
    if criteria.first_contact_from or criteria.first_contact_to:
        start = criteria.first_contact_from.isoformat() if criteria.first_contact_from else "…"
        end = criteria.first_contact_to.isoformat() if criteria.first_contact_to else "…"
        parts.append(f"首次对接:{start}~{end}")
    if criteria.search.strip():
        parts.append(f"搜索“{criteria.search.strip()}”")
    return ";".join(parts) if parts else "全部项目"


def listing_data(
    criteria: ProjectFilter, sort_key: str = "unit", printed_on: date | None = None
) -> ListingData:
    ids = matching_ids(criteria, sort_key)
    rows: list[Row] = []
    for start in range(0, len(ids), _PAGE):
        page = ids[start : start + _PAGE]
        fetched = fetch_rows(page, LISTING_COLUMNS)
        rows.extend(fetched[pid] for pid in page if pid in fetched)
    briefing = settings.get("briefing")
    return ListingData(
        title="项目清单",
        editor=str(briefing.get("editor") or ""),
        filter_words=describe_filter(criteria),
        headers=tuple(COLUMN_BY_KEY[key].header for key in LISTING_COLUMNS),
        column_keys=LISTING_COLUMNS,
        rows=tuple(rows),
        totals=totals(criteria),
        printed_on=printed_on or date.today(),
    )
