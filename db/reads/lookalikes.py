"""Look-alikes (查重): existing records that resemble the project being entered, and
the groups of likely duplicates in the whole file (the rules: db/rules/lookalike.py).

Both are found without comparing every project with every other.  Before saving, the
investor is looked up by its 统一社会信用代码 (its index) and its name (the search
index's investor column), its projects by the investor, and projects of any investor
through the trigram search index, the best 50 of it compared.  Over the whole file,
projects are compared within the blocks of one credit code and of one investor name;
by their names, a project whose name begins with its investor's trade name only with
those whose trade name agrees, and one without with those sharing one of the rarest
character pairs their names must share to score ``SIMILAR_NAMES`` (prefix filtering:
a pair that could reach the score always shares one, so none is missed).
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from rapidfuzz import fuzz, process

from db.rules import credit_code
from db.rules.counting import CountingRules
from db.rules.lookalike import (
    REASONS,
    SAME_CODE,
    SAME_INVESTOR,
    SIMILAR_NAMES,
    Reason,
    project_core,
    project_reasons,
    trade_name,
    trade_names_differ,
)
from db.rules.names import name_key
from db.rules.vocabulary import Capital
from db.store.connection import database
from db.store.fields import MONEY_PLACES, from_stored
from db.store.models import Investor

TRIGRAM = 3  # the search index's tokens: shorter text is looked for with LIKE
NAME_CANDIDATES = 50  # projects of other investors compared before saving, best first


@dataclass(frozen=True)
class SimilarRecord:
    kind: str  # "investor" or "project"
    uuid: str
    name: str
    why: str
    why_en: str = ""


def _joined(reasons: Iterable[Reason]) -> tuple[str, str]:
    chosen = list(reasons)
    return "、".join(r.zh for r in chosen), ", ".join(r.en for r in chosen)


def _in_cny(rules: CountingRules, capital: str, scaled: int | None) -> Decimal | None:
    if scaled is None:
        return None
    return rules.to_cny(Capital(capital), from_stored(scaled, MONEY_PLACES))


def _fts_query(core: str) -> str:
    grams = dict.fromkeys(core[i : i + TRIGRAM] for i in range(len(core) - TRIGRAM + 1))
    return "name : (" + " OR ".join(_phrase(g) for g in grams) + ")"


# ``+deleted``: without the file's statistics SQLite would otherwise walk the index on
# the tombstone flag (nearly every row) instead of the credit code's or the investor's.


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _investors_by_code(code: str, limit: int) -> list[tuple[int, str, str]]:
    cursor = database.execute_sql(
        "SELECT id, uuid, name FROM investor WHERE credit_code = ? AND +deleted = 0 LIMIT ?",
        [code, limit],
    )
    return list(cursor.fetchall())


def _investors_by_name(key: str) -> list[tuple[int, str, str]]:
    """Live investors whose names contain ``key``: those with projects through the
    search index (its investor column), when the key is long enough for it."""
    if len(key) >= TRIGRAM:
        cursor = database.execute_sql(
            "SELECT DISTINCT i.id, i.uuid, i.name FROM project p "
            "JOIN investor i ON i.id = p.investor_id WHERE +i.deleted = 0 AND p.id IN ("
            "SELECT rowid FROM project_search WHERE project_search MATCH ? LIMIT 200) LIMIT 50",
            ["investor : " + _phrase(key)],
        )
    else:
        cursor = database.execute_sql(
            "SELECT id, uuid, name FROM investor WHERE +deleted = 0 "
            "AND name LIKE ? ESCAPE '\\' LIMIT 50",
            [_like(key)],
        )
    return list(cursor.fetchall())


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _name_candidates(core: str) -> list[tuple[Any, ...]]:
    """Live projects whose names share most with ``core``: the search index's best."""
    columns = "p.id, p.uuid, p.name, p.capital, p.total_investment, i.name"
    joined = "project p JOIN investor i ON i.id = p.investor_id"
    if len(core) >= TRIGRAM:
        cursor = database.execute_sql(
            f"SELECT {columns} FROM {joined} WHERE +p.deleted = 0 AND p.id IN ("
            "SELECT rowid FROM project_search WHERE project_search MATCH ? "
            "ORDER BY rank LIMIT ?)",
            [_fts_query(core), NAME_CANDIDATES],
        )
    else:
        cursor = database.execute_sql(
            f"SELECT {columns} FROM {joined} WHERE +p.deleted = 0 "
            "AND p.name LIKE ? ESCAPE '\\' LIMIT ?",
            [_like(core), NAME_CANDIDATES],
        )
    return list(cursor.fetchall())


def similar_records(
    name: str,
    investor_name: str,
    code: str | None = None,
    except_uuid: str | None = None,
    limit: int = 10,
    *,
    capital: Capital = Capital.DOMESTIC,
    total: Decimal | None = None,
) -> list[SimilarRecord]:
    """Existing records that look like the project being entered (查重): ``name`` by
    ``investor_name`` (统一社会信用代码 ``code``), 总投资 ``total`` in 万 of
    ``capital``; ``except_uuid`` is the project itself when it is being edited.

    First the projects that look like this one (with their reasons), then the
    investors that are this one under another name or code, the number of projects
    the investor already has, and its other projects."""
    rules = CountingRules.of_file()
    amount = rules.to_cny(capital, total) if total is not None else None
    investors: dict[int, Reason] = {}
    investor_lines: list[SimilarRecord] = []
    if code:
        for investor_id, uuid, investor in _investors_by_code(credit_code.normalise(code), limit):
            same_name = name_key(investor) == name_key(investor_name)
            investors[investor_id] = SAME_INVESTOR if same_name else SAME_CODE
            if investor.strip() != investor_name.strip():
                investor_lines.append(
                    SimilarRecord("investor", uuid, investor, SAME_CODE.zh, SAME_CODE.en)
                )
    investor_key = name_key(investor_name)
    if investor_key:
        for investor_id, uuid, investor in _investors_by_name(investor_key):
            if name_key(investor) != investor_key:
                continue
            investors.setdefault(investor_id, SAME_INVESTOR)
            if investor != investor_name and all(line.uuid != uuid for line in investor_lines):
                investor_lines.append(
                    SimilarRecord("investor", uuid, investor, "名称相近", "similar name")
                )

    core = project_core(name)
    alike: list[SimilarRecord] = []
    others: list[SimilarRecord] = []
    seen: set[str] = set()
    if investors:
        marks = ", ".join("?" * len(investors))
        rows = database.execute_sql(
            "SELECT p.id, p.uuid, p.name, p.capital, p.total_investment, p.investor_id "
            f"FROM project p WHERE +p.deleted = 0 AND p.investor_id IN ({marks}) "
            "ORDER BY p.id",
            list(investors),
        ).fetchall()
        rows = [row for row in rows if row[1] != except_uuid]
        if rows:
            first = min(investors, key=lambda i: (investors[i] is not SAME_INVESTOR, i))
            owner = Investor.get_by_id(first)
            zh = f"该投资方已有 {len(rows)} 个项目"
            en = f"the investor already has {len(rows)} project{'s' if len(rows) > 1 else ''}"
            line = next((n for n, r in enumerate(investor_lines) if r.uuid == owner.uuid), None)
            if line is None:
                investor_lines.append(SimilarRecord("investor", owner.uuid, owner.name, zh, en))
            else:  # one line for the investor: 名称相近;该投资方已有 2 个项目
                named = investor_lines[line]
                investor_lines[line] = SimilarRecord(
                    "investor", owner.uuid, owner.name, f"{named.why};{zh}", f"{named.why_en}; {en}"
                )
        for _, uuid, other, other_capital, scaled, investor_id in rows:
            seen.add(uuid)
            why = project_reasons(
                core,
                amount,
                project_core(other),
                _in_cny(rules, other_capital, scaled),
                investors[investor_id],
            )
            if why:
                alike.append(SimilarRecord("project", uuid, other, *_joined(why)))
            else:
                others.append(
                    SimilarRecord("project", uuid, other, *_joined([investors[investor_id]]))
                )
    if core:
        trade = trade_name(core, investor_key)
        for _, uuid, other, other_capital, scaled, investor in _name_candidates(core):
            if uuid == except_uuid or uuid in seen:
                continue
            other_core = project_core(other)
            why = project_reasons(
                core,
                amount,
                other_core,
                _in_cny(rules, other_capital, scaled),
                None,
                trade,
                trade_name(other_core, name_key(str(investor))),
            )
            if why:
                alike.append(SimilarRecord("project", uuid, other, *_joined(why)))
    return (alike + investor_lines + others)[:limit]


# -- the whole file -------------------------------------------------------------------


@dataclass(frozen=True)
class LookalikeProject:
    uuid: str
    name: str
    unit: str
    investor: str
    capital: Capital
    total: Decimal | None  # 万 of its currency


@dataclass(frozen=True)
class LookalikeGroup:
    """Projects that look like one another, and why: each pair's reasons, by index."""

    projects: tuple[LookalikeProject, ...]
    pairs: tuple[tuple[int, int, tuple[Reason, ...]], ...]

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every reason found in the group, each once, in the order of the rules."""
        found = {reason for _, _, why in self.pairs for reason in why}
        return tuple(r for r in REASONS if r in found)


@dataclass
class _Row:
    project: LookalikeProject
    unit_id: int
    core: str
    in_cny: Decimal | None
    code: str | None
    investor_key: str
    trade: str


def _rows(rules: CountingRules) -> list[_Row]:
    found = []
    for uuid, name, unit_id, unit, capital, scaled, investor, code in database.execute_sql(
        "SELECT p.uuid, p.name, p.unit_id, u.name, p.capital, p.total_investment, i.name, "
        "i.credit_code FROM project p JOIN investor i ON i.id = p.investor_id "
        "JOIN unit u ON u.id = p.unit_id WHERE p.deleted = 0 ORDER BY p.id"
    ):
        total = from_stored(scaled, MONEY_PLACES) if scaled is not None else None
        kind = Capital(capital)
        core, key = project_core(name), name_key(investor)
        found.append(
            _Row(
                LookalikeProject(uuid, name, unit, investor, kind, total),
                unit_id,
                core,
                rules.to_cny(kind, total) if total is not None else None,
                code or None,
                key,
                trade_name(core, key),
            )
        )
    return found


def _grams(core: str) -> list[str]:
    """The core's pairs of neighbouring characters, a repeated pair numbered (a multiset:
    电梯垂直电梯 has 电梯 and 电梯#1)."""
    grams = [core[i : i + 2] for i in range(len(core) - 1)]
    if len(set(grams)) == len(grams):
        return grams
    seen: Counter[str] = Counter()
    numbered = []
    for gram in grams:
        numbered.append(f"{gram}#{seen[gram]}" if seen[gram] else gram)
        seen[gram] += 1
    return numbered


RATIO = Fraction(str(SIMILAR_NAMES)) / 100  # exact: a float bound could miss a pair


@functools.cache
def _length_range(length: int) -> range:
    """The lengths of the cores a core of ``length`` can score ``SIMILAR_NAMES`` with:
    the score is at most twice the shorter length over the sum of both."""
    low = math.ceil(length * RATIO / (2 - RATIO))
    high = math.floor(length * (2 - RATIO) / RATIO)
    return range(max(low, 1), high + 1)


@functools.cache
def _prefix_length(length: int) -> int:
    """How many of its rarest character pairs a core of ``length`` is filed under: all
    but the fewest it shares with any core it scores ``SIMILAR_NAMES`` with, less one
    (q-gram lemma: an edit breaks at most two pairs, and a score of r allows
    (1 - r)·(len a + len b) insertions and deletions); 0 when it cannot be blocked."""
    shared = min(
        max(length, other) - 1 - 2 * math.floor((1 - RATIO) * (length + other))
        for other in _length_range(length)
    )
    return length - 1 - shared + 1 if length >= 2 and shared >= 1 else 0


class _PairIndex:
    """Every core filed under the rarest character pairs of its prefix (prefix
    filtering): two cores that can score ``SIMILAR_NAMES`` share one of them."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = rows
        grams = [_grams(row.core) for row in rows]
        frequency: Counter[str] = Counter(g for each in grams for g in each)
        self.prefixes = [
            sorted(mine, key=lambda g: (frequency[g], g))[: _prefix_length(len(row.core))]
            for mine, row in zip(grams, rows, strict=True)
        ]
        self.index: dict[str, list[int]] = defaultdict(list)
        self.cores: dict[str, list[str]] = defaultdict(list)  # beside index: the cores
        self.exact: dict[str, list[int]] = defaultdict(list)
        for i, prefix in enumerate(self.prefixes):
            if prefix:
                for gram in prefix:
                    self.index[gram].append(i)
                    self.cores[gram].append(rows[i].core)
            elif rows[i].core:
                self.exact[rows[i].core].append(i)

    def similar(self, i: int) -> set[int]:
        """The rows whose cores score ``SIMILAR_NAMES`` or more with row ``i``'s: those
        filed under its prefix, scored in one call of rapidfuzz (the pool can hold
        thousands of names sharing a product's words)."""
        core = self.rows[i].core
        if not self.prefixes[i]:  # too short to block by pairs: only the same core
            return set(self.exact[core]) - {i}
        pool: list[int] = []
        cores: list[str] = []
        for gram in self.prefixes[i]:
            pool.extend(self.index[gram])
            cores.extend(self.cores[gram])
        hits = process.extract(
            core, cores, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAMES, limit=None
        )
        found = {pool[at] for _, _, at in hits}
        found.discard(i)
        return found


def _name_pairs(rows: list[_Row]) -> Iterable[tuple[int, int]]:
    """Pairs of rows whose cores might score ``SIMILAR_NAMES`` and whose trade names do
    not differ (``trade_names_differ``).  A row with a trade name meets the rows whose
    trade name begins its own name and is at least as long as its own: looked up by
    each beginning of its name.  A row without one meets every row (prefix filtering)."""
    by_trade: dict[str, list[int]] = defaultdict(list)
    untraded = []
    for i, row in enumerate(rows):
        if row.core and row.trade:
            by_trade[row.trade].append(i)
        elif row.core:
            untraded.append(i)
    for i, row in enumerate(rows):
        if not row.trade:
            continue
        for end in range(len(row.trade), len(row.core) + 1):
            for j in by_trade.get(row.core[:end], ()):
                if j > i or (j != i and end > len(row.trade)):
                    yield i, j
    if untraded:
        index = _PairIndex(rows)
        for i in untraded:
            yield from ((i, j) for j in index.similar(i))


def lookalike_groups(unit: str | None = None) -> list[LookalikeGroup]:
    """Groups of live projects that are likely one project entered twice, in the whole
    file (at headquarters: across units); ``unit`` keeps the groups with a project of
    that unit.  Largest groups first, then by the first project's name."""
    rules = CountingRules.of_file()
    rows = _rows(rules)
    found: dict[tuple[int, int], tuple[Reason, ...]] = {}
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row.code:
            blocks[("code", row.code)].append(i)
        if row.investor_key:
            blocks[("name", row.investor_key)].append(i)
    for members in blocks.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                a, b = rows[i], rows[j]
                same = SAME_INVESTOR if a.investor_key == b.investor_key else SAME_CODE
                why = project_reasons(a.core, a.in_cny, b.core, b.in_cny, same)
                if why and (i, j) not in found:
                    found[(i, j)] = why
    for j, i in _name_pairs(rows):
        pair = (min(i, j), max(i, j))
        if pair in found:
            continue
        a, b = rows[pair[0]], rows[pair[1]]
        if trade_names_differ(a.core, a.trade, b.core, b.trade):
            continue
        if fuzz.ratio(a.core, b.core, score_cutoff=SIMILAR_NAMES):
            why = project_reasons(a.core, a.in_cny, b.core, b.in_cny, None, a.trade, b.trade)
            if why:
                found[pair] = why
    return _grouped(rows, found, unit)


def _grouped(
    rows: list[_Row], pairs: dict[tuple[int, int], tuple[Reason, ...]], unit: str | None
) -> list[LookalikeGroup]:
    parent = {i: i for pair in pairs for i in pair}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        members[root(i)].append(i)
    groups = []
    for indexes in members.values():
        if unit is not None and all(rows[i].project.unit != unit for i in indexes):
            continue
        position = {row: n for n, row in enumerate(indexes)}
        own = sorted(
            (position[i], position[j], why)
            for (i, j), why in pairs.items()
            if i in position and j in position
        )
        groups.append(LookalikeGroup(tuple(rows[i].project for i in indexes), tuple(own)))
    groups.sort(key=lambda g: (-len(g.projects), g.projects[0].name))
    return groups
