"""The ledger table's queries (项目台账): filter, sort, search, a page of rows, totals.

The table never loads projects as objects: ``matching_ids`` returns only the ids
of the filtered rows in display order, ``fetch_rows`` reads one page of them, and
``totals`` sums the filtered rows in SQL.  Money stays exact: sums run on the
scaled integers of ``models.MoneyField``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

from db.rules.counting import CountingRules
from db.rules.vocabulary import PATH, Capital, Stage
from db.store import settings
from db.store.connection import database
from db.store.fields import M2_PLACES, MONEY_PLACES, MU_PLACES, from_stored

# The trigram tokenizer indexes three characters at a time: shorter terms
# cannot be matched through the index and are searched with LIKE instead.
TRIGRAM = 3


class Kind(Enum):
    """How a column's values are read from SQL and shown."""

    TEXT = "text"
    LONG_TEXT = "long_text"  # free text, shown elided with the whole text as tooltip
    TOTAL = "total"  # 总投资: 万 of the project's own currency
    MONEY = "money"  # 万元
    AREA_MU = "area_mu"  # 亩, four places
    AREA_M2 = "area_m2"  # 平方米, two places
    INTEGER = "integer"
    DATE = "date"
    DATETIME = "datetime"
    STAGE = "stage"
    CAPITAL = "capital"

    @property
    def numeric(self) -> bool:
        return self in _NUMERIC


_NUMERIC = frozenset({Kind.TOTAL, Kind.MONEY, Kind.AREA_MU, Kind.AREA_M2, Kind.INTEGER})


@dataclass(frozen=True)
class LedgerColumn:
    """One column of the ledger table: its key, Chinese header and SQL expression."""

    key: str
    header: str
    sql: str
    kind: Kind = Kind.TEXT
    needs: frozenset[str] = frozenset()  # tables to join besides project p
    # What the column sorts by when not its value: Chinese text by its pinyin sort key
    # (db.store.sort_keys, kept in the file), as WPS and Excel sort it.
    sort_sql: str | None = None


def _stage_clause(stage: Stage | None, alias: str = "e") -> str:
    return f" AND {alias}.stage = '{stage.value}'" if stage is not None else ""


def _first_event(stage: Stage | None) -> str:
    """The date a project first reached ``stage`` (any stage: its first contact)."""
    return (
        "(SELECT MIN(e.date) FROM stage_event e "
        f"WHERE e.project_id = p.id AND e.deleted = 0{_stage_clause(stage)})"
    )


# The date columns: each a project's first event of a stage (None: any, 首次对接日期).
_FIRST_DATES: tuple[tuple[str, str, Stage | None], ...] = (
    ("first_contact", "首次对接日期", None),
    ("signed_on", "签约日期", Stage.SIGNED),
    ("started_on", "开工日期", Stage.STARTED),
    ("producing_on", "投产日期", Stage.PRODUCING),
)
_FIRST_EVENT_OF: dict[str, Stage | None] = {key: stage for key, _, stage in _FIRST_DATES}


_INVESTOR = frozenset({"investor"})
_UNIT = frozenset({"unit"})

# Every column of the ledger template (docs/DOMAIN.md), in its order, plus 更新时间.
COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("code", "项目编号", "p.code"),
    LedgerColumn("name", "项目名称", "p.name", sort_sql="p.name_sort_key"),
    LedgerColumn("investor", "投资方", "i.name", needs=_INVESTOR, sort_sql="i.name_sort_key"),
    LedgerColumn("credit_code", "统一社会信用代码", "i.credit_code", needs=_INVESTOR),
    LedgerColumn("origin", "来源地", "i.origin", needs=_INVESTOR, sort_sql="i.origin_sort_key"),
    LedgerColumn("capital", "内外资", "p.capital", Kind.CAPITAL),
    LedgerColumn("total", "总投资", "p.total_investment", Kind.TOTAL),
    LedgerColumn("industry_code", "行业代码", "p.industry_code"),
    LedgerColumn(
        "local_industry", "产业类别", "p.local_industry", sort_sql="p.local_industry_sort_key"
    ),
    LedgerColumn("chain", "产业链", "p.chain", sort_sql="p.chain_sort_key"),
    LedgerColumn(
        "construction_kind",
        "建设性质",
        "p.construction_kind",
        sort_sql="p.construction_kind_sort_key",
    ),
    LedgerColumn("stage", "项目阶段", "p.stage", Kind.STAGE),
    *(
        LedgerColumn(key, header, _first_event(stage), Kind.DATE)
        for key, header, stage in _FIRST_DATES
    ),
    LedgerColumn("land_mu", "用地(亩)", "p.land_mu", Kind.AREA_MU),
    LedgerColumn("floor_area", "建筑面积(平方米)", "p.floor_area_m2", Kind.AREA_M2),
    LedgerColumn("expected_sales", "预计年销售(万元)", "p.expected_sales", Kind.MONEY),
    LedgerColumn("expected_tax", "预计年税收(万元)", "p.expected_tax", Kind.MONEY),
    LedgerColumn("new_jobs", "新增就业(人)", "p.new_jobs", Kind.INTEGER),
    LedgerColumn("content", "建设内容及规模", "p.content", Kind.LONG_TEXT),
    LedgerColumn("unit", "责任单位", "u.name", needs=_UNIT, sort_sql="u.name_sort_key"),
    LedgerColumn(
        "person_in_charge", "责任人", "p.person_in_charge", sort_sql="p.person_in_charge_sort_key"
    ),
    LedgerColumn("info_source", "信息来源", "p.info_source", sort_sql="p.info_source_sort_key"),
    LedgerColumn("issues", "需协调问题", "p.issues", Kind.LONG_TEXT),
    LedgerColumn("remarks", "备注", "p.remarks", Kind.LONG_TEXT),
    LedgerColumn("updated_at", "更新时间", "p.updated_at", Kind.DATETIME),
)
COLUMN_BY_KEY: dict[str, LedgerColumn] = {column.key: column for column in COLUMNS}

_JOINS = {
    "investor": "JOIN investor i ON i.id = p.investor_id",
    "unit": "JOIN unit u ON u.id = p.unit_id",
}

# 项目阶段 sorts along the path (线索 → 投产), 中止 last, not by its code's spelling.
_STAGE_ORDER = (
    "CASE p.stage "
    + " ".join(f"WHEN '{stage.value}' THEN {stage.rank}" for stage in (*PATH, Stage.DROPPED))
    + " END"
)


@dataclass(frozen=True)
class ProjectFilter:
    """What the ledger shows: every criterion left empty lets all projects through.

    Size bands are the exclusive bands of the counting rules (a bound in 亿元 of
    ``settings.size_bands``); date ranges include both ends.
    """

    stages: frozenset[Stage] | None = None
    unit_ids: frozenset[int] | None = None
    local_industries: frozenset[str] | None = None
    chains: frozenset[str] | None = None
    priority_only: bool = False  # only the city's priority chains (“4+3+1”)
    size_band: Decimal | None = None
    capital: Capital | None = None
    counted: bool | None = None  # 纳入统计 (亿元以上产业项目) or not
    signed_from: date | None = None
    signed_to: date | None = None
    first_contact_from: date | None = None
    first_contact_to: date | None = None
    search: str = ""

    @property
    def is_empty(self) -> bool:
        return self == ProjectFilter()


@dataclass(frozen=True)
class FilterTotals:
    """The filtered rows' count and totals, 内资 and 外资 apart (never added)."""

    count: int
    domestic_count: int
    domestic_total_wan_cny: Decimal
    foreign_count: int
    foreign_total_wan_usd: Decimal


class Row(NamedTuple):
    """One project as the table shows it: ``values`` follow the requested columns."""

    uuid: str
    capital: Capital
    counted: bool
    values: tuple[Any, ...]


@dataclass
class _Sql:
    """A WHERE clause under construction, with its parameters in order."""

    clauses: list[str] = field(default_factory=lambda: ["+p.deleted = 0"])
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def where(self) -> str:
        return " AND ".join(self.clauses)


def _placeholders(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def _search_terms(text: str) -> list[str]:
    return [term for term in text.split() if term]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(term: str) -> str:
    """A term as one FTS5 phrase: the user's quotes doubled, nothing else special."""
    return '"' + term.replace('"', '""') + '"'


def _add_search(sql: _Sql, text: str) -> None:
    """Every word typed must occur in the name, the investor or the notes."""
    terms = _search_terms(text)
    long_terms = [term for term in terms if len(term) >= TRIGRAM]
    if long_terms:
        sql.add(
            "p.id IN (SELECT rowid FROM project_search WHERE project_search MATCH ?)",
            " AND ".join(_fts_phrase(term) for term in long_terms),
        )
    for term in terms:
        if len(term) < TRIGRAM:
            pattern = _like_pattern(term)
            sql.add(
                "p.id IN (SELECT rowid FROM project_search WHERE name LIKE ? ESCAPE '\\' "
                "OR investor LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')",
                pattern,
                pattern,
                pattern,
            )


def _add_first_date_range(
    sql: _Sql, stage: Stage | None, start: date | None, end: date | None
) -> None:
    if start is None and end is None:
        return
    stage_clause = "stage = ? AND " if stage is not None else ""
    having, params = [], []
    if start is not None:
        having.append("MIN(date) >= ?")
        params.append(start.isoformat())
    if end is not None:
        having.append("MIN(date) <= ?")
        params.append(end.isoformat())
    sql.add(
        f"p.id IN (SELECT project_id FROM stage_event WHERE {stage_clause}deleted = 0 "
        f"GROUP BY project_id HAVING {' AND '.join(having)})",
        *([stage.value] if stage is not None else []),
        *params,
    )


def _where(criteria: ProjectFilter, rules: CountingRules) -> _Sql:
    sql = _Sql()
    if criteria.stages is not None:
        sql.add(f"p.stage IN ({_placeholders(criteria.stages)})", *sorted(criteria.stages))
    if criteria.unit_ids is not None:
        sql.add(f"p.unit_id IN ({_placeholders(criteria.unit_ids)})", *sorted(criteria.unit_ids))
    if criteria.local_industries is not None:
        values = sorted(criteria.local_industries)
        sql.add(f"p.local_industry IN ({_placeholders(values)})", *values)
    if criteria.chains is not None:
        values = sorted(criteria.chains)
        sql.add(f"p.chain IN ({_placeholders(values)})", *values)
    if criteria.priority_only:
        priority, params = rules.priority_sql("p")
        sql.add(priority, *params)
    if criteria.capital is not None:
        sql.add("p.capital = ?", criteria.capital.value)
    if criteria.counted is not None:
        counted, params = rules.counted_sql("p")
        sql.add(counted if criteria.counted else f"NOT {counted}", *params)
    if criteria.size_band is not None:
        band, params = rules.in_band_sql(criteria.size_band, "p")
        sql.add(band, *params)
    _add_first_date_range(sql, Stage.SIGNED, criteria.signed_from, criteria.signed_to)
    _add_first_date_range(sql, None, criteria.first_contact_from, criteria.first_contact_to)
    if criteria.search.strip():
        _add_search(sql, criteria.search)
    return sql


def _order(key: str, rules: CountingRules) -> tuple[str, list[Any], frozenset[str]]:
    """The ORDER BY expression of a column (whitelisted by key), its params and joins."""
    column = COLUMN_BY_KEY.get(key)
    if column is None:
        raise ValueError(f"unknown ledger column: {key}")
    if column.kind is Kind.TOTAL:
        cny, params = rules.cny_sql("p")
        return cny, params, column.needs
    if column.kind is Kind.STAGE:
        return _STAGE_ORDER, [], column.needs
    return column.sort_sql or column.sql, [], column.needs


def matching_ids(
    criteria: ProjectFilter,
    sort_key: str = "updated_at",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The ids of the live projects that pass ``criteria``, in display order; with
    ``limit``, only the first so many (a first page, read before the rest).

    Empty values sort last either way; ties keep the order of entry.
    """
    rules = CountingRules.of_file()
    order, order_params, needs = _order(sort_key, rules)
    where = _where(criteria, rules)
    direction = "DESC" if descending else "ASC"
    joins = " ".join(_JOINS[table] for table in sorted(needs))
    query = (
        f"SELECT p.id FROM project p {joins} WHERE {where.where} "
        f"ORDER BY {order} {direction} NULLS LAST, p.id {direction}"
    )
    params = [*where.params, *order_params]
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    cursor = database.execute_sql(query, params)
    return [pid for (pid,) in cursor.fetchall()]


def first_ids(
    criteria: ProjectFilter,
    sort_key: str,
    descending: bool,
    limit: int,
    matching: int | None = None,
) -> list[int]:
    """``matching_ids(criteria, sort_key, descending, limit)``: the first page of an
    order, exactly, read the quickest way; ``matching``: how many projects pass the
    filter, when known (the rows the table already shows).

    A date column orders by a first date that every project computes from its events:
    ordering by it reads the events of every passing project.  When most projects
    pass, the events are walked in date order instead, through their date index,
    taking each project at its first event of the stage, until the page is full (then
    the projects without such an event, which sort last): a few hundred events
    instead of every project's (indexes stage_event_stage_date and stage_event_date).
    When few projects pass, reading theirs is quicker."""
    stage_known = sort_key in _FIRST_EVENT_OF
    if not stage_known or not (criteria.is_empty or _most_pass(matching)):
        return matching_ids(criteria, sort_key, descending, limit)
    stage = _FIRST_EVENT_OF[sort_key]
    rules = CountingRules.of_file()
    where = _where(criteria, rules)
    direction = "DESC" if descending else "ASC"
    # One stage's events are in date order in stage_event_stage_date; all events
    # (首次对接日期) in stage_event_date.
    index = "stage_event_date" if stage is None else "stage_event_stage_date"
    walk = (
        f"SELECT DISTINCT e.project_id FROM stage_event e INDEXED BY {index} "
        f"JOIN project p ON p.id = e.project_id WHERE e.deleted = 0{_stage_clause(stage)} "
        f"AND {where.where} AND NOT EXISTS (SELECT 1 FROM stage_event x "
        f"WHERE x.project_id = e.project_id AND x.deleted = 0{_stage_clause(stage, 'x')} "
        f"AND x.date < e.date) ORDER BY e.date {direction}, e.project_id {direction} LIMIT ?"
    )
    ids = [pid for (pid,) in database.execute_sql(walk, [*where.params, limit]).fetchall()]
    if len(ids) < limit:  # the projects with no such date, last either way
        undated = (
            f"SELECT p.id FROM project p WHERE {where.where} AND NOT EXISTS (SELECT 1 "
            f"FROM stage_event e WHERE e.project_id = p.id AND e.deleted = 0"
            f"{_stage_clause(stage)}) ORDER BY p.id {direction} LIMIT ?"
        )
        params = [*where.params, limit - len(ids)]
        ids += [pid for (pid,) in database.execute_sql(undated, params).fetchall()]
    return ids


def _most_pass(matching: int | None) -> bool:
    """Whether ``matching`` projects are at least half of the live ones."""
    if matching is None:
        return False
    live = database.execute_sql("SELECT count(*) FROM project WHERE deleted = 0").fetchone()[0]
    return 2 * matching >= int(live)


def _scaled(places: int) -> Callable[[Any], Decimal]:
    def read(value: Any) -> Decimal:
        return from_stored(value, places)

    return read


_READERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TOTAL: _scaled(MONEY_PLACES),
    Kind.MONEY: _scaled(MONEY_PLACES),
    Kind.AREA_MU: _scaled(MU_PLACES),
    Kind.AREA_M2: _scaled(M2_PLACES),
    Kind.INTEGER: int,
    Kind.DATE: lambda value: date.fromisoformat(str(value)[:10]),
    Kind.DATETIME: lambda value: datetime.fromisoformat(str(value)),
    Kind.STAGE: Stage,
    Kind.CAPITAL: Capital,
}


def fetch_rows(ids: list[int], column_keys: Iterable[str]) -> dict[int, Row]:
    """One page of the table: the given projects' values of the given columns.

    Ids of projects deleted meanwhile are simply missing from the result.
    """
    columns = [COLUMN_BY_KEY[key] for key in column_keys]
    if not ids:
        return {}
    needs = frozenset().union(*(column.needs for column in columns))
    joins = " ".join(_JOINS[table] for table in sorted(needs))
    counted, counted_params = CountingRules.of_file().counted_sql("p")
    expressions = "".join(f", {column.sql}" for column in columns)
    query = (
        f"SELECT p.id, p.uuid, p.capital, {counted}{expressions} FROM project p {joins} "
        f"WHERE p.deleted = 0 AND p.id IN ({_placeholders(ids)})"
    )
    readers = [_READERS.get(column.kind) for column in columns]
    rows: dict[int, Row] = {}
    for pid, uuid, capital, is_counted, *raw in database.execute_sql(
        query, [*counted_params, *ids]
    ).fetchall():
        values = tuple(
            read(value) if read is not None and value is not None else value
            for read, value in zip(readers, raw, strict=True)
        )
        rows[pid] = Row(uuid, Capital(capital), bool(is_counted), values)
    return rows


def totals(criteria: ProjectFilter) -> FilterTotals:
    """Count and sum the filtered projects exactly: 内资 in 万元, 外资 in 万美元."""
    where = _where(criteria, CountingRules.of_file())
    query = (
        "SELECT count(*), "
        "coalesce(sum(p.capital = 'domestic'), 0), "
        "coalesce(sum(CASE WHEN p.capital = 'domestic' THEN p.total_investment END), 0), "
        "coalesce(sum(p.capital = 'foreign'), 0), "
        "coalesce(sum(CASE WHEN p.capital = 'foreign' THEN p.total_investment END), 0) "
        f"FROM project p WHERE {where.where}"
    )
    count, domestic, domestic_sum, foreign, foreign_sum = database.execute_sql(
        query, where.params
    ).fetchone()
    return FilterTotals(
        count=count,
        domestic_count=domestic,
        domestic_total_wan_cny=from_stored(domestic_sum, MONEY_PLACES),
        foreign_count=foreign,
        foreign_total_wan_usd=from_stored(foreign_sum, MONEY_PLACES),
    )


def _used_values(column_sql: str) -> list[str]:
    query = (
        f"SELECT DISTINCT {column_sql} FROM project p "
        f"WHERE +p.deleted = 0 AND {column_sql} IS NOT NULL AND {column_sql} <> '' ORDER BY 1"
    )
    return [value for (value,) in database.execute_sql(query).fetchall()]


def _merged(configured: Iterable[str], used: Iterable[str]) -> list[str]:
    """Configured labels in their order, then labels only found in the data."""
    labels = list(dict.fromkeys(configured))
    return labels + [label for label in used if label not in labels]


def local_industry_choices(in_use: bool = True) -> list[str]:
    """产业类别 offered by the filter: the configured labels and any others in use
    (``in_use`` False: the configured only, without reading every project)."""
    used = _used_values("p.local_industry") if in_use else []
    return _merged(settings.local_industries(), used)


def chain_choices(in_use: bool = True) -> list[str]:
    """产业链 offered by the filter: the priority chains and any others in use
    (``in_use`` False: the priority chains only, without reading every project)."""
    return _merged(settings.priority_system().chains, _used_values("p.chain") if in_use else [])


def projects_entered() -> int:
    """How many projects the file has held, deleted ones included (its largest id): the
    size of the ledger to read, known without reading it."""
    (largest,) = database.execute_sql("SELECT max(id) FROM project").fetchone()
    return int(largest or 0)


def project_names(project_uuids: list[str]) -> list[str]:
    """The names of these projects, in the order given."""
    names = {
        str(uuid): str(name)
        for uuid, name in database.execute_sql(
            f"SELECT uuid, name FROM project WHERE uuid IN ({_placeholders(project_uuids)})",
            list(project_uuids),
        ).fetchall()
    }
    return [names[uuid] for uuid in project_uuids if uuid in names]
