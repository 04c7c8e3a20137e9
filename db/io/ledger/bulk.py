"""A large import written with the file's upkeep held: its secondary indexes and
insert triggers dropped inside the import's transaction and made again before the
commit, from the very text the file held (so its schema is the same, row for row,
as db.store.schema checks it).

Why: stored a chunk at a time, each of a city's 100,000 rows went into some ten
indexes of ``project`` and six of ``stage_event`` at random places, and past the
sort keys' triggers, which call the Python function ``pinyin_sort_key`` six times a
project only to find the keys the import wrote right.  Built once from the finished
tables, an index is one sort; the search index takes the new projects in one
statement; and the keys the import writes are the ones the triggers would have
written (db.store.sort_keys' ``sort_key`` of the value bound, the very function the
triggers call).  Measured on 100,000 rows into a new file: the import's writing
took 10.8 s of processor time, 6.5 s so (the search index about 2 s of it, the
indexes made again about 1.5 s).

Only the triggers the import stands in for are held (``HELD_TRIGGERS``), and only
when they are the ones it knows (the search trigger one INSERT of values, the sort
keys' triggers keying exactly the texts the import keys, the first signing date's
as version 8 made them); any other is left to fire.  SQLite's DDL is
transactional: a cancel, an error or a crash anywhere before the commit leaves the
file as it was, indexes and triggers included.  A small import into a large file
keeps them (``worth_holding``): rebuilding an index costs a pass over every row
already there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from db.io.ledger.write import INVESTOR_SORTED_TEXTS, SORTED_TEXTS
from db.store.connection import database
from db.store.migrations import V8_SCHEMA, first_signed_sql

# The tables the import writes, whose secondary indexes are held.
TABLES = ("investor", "project", "stage_event")
SEARCH_TRIGGER = "project_search_ai"
# The first signing date's insert triggers (db.store.migrations, version 8), made
# good by ``Upkeep.restore`` for the projects of the new 签约 events, in one statement.
FIRST_SIGNED_TRIGGERS = ("project_first_signed_ai", "stage_event_first_signed_ai")
# The insert triggers the import stands in for: the search index's (filled by
# ``Upkeep.restore``), the sort keys' (the import writes the right keys) and the first
# signing date's.
HELD_TRIGGERS = (
    SEARCH_TRIGGER,
    "project_sort_key_ai",
    "investor_sort_key_ai",
    *FIRST_SIGNED_TRIGGERS,
)
# The first signing date's triggers as version 8 made them: held only when unchanged.
_FIRST_SIGNED_SQL = {
    name: next(s for s in V8_SCHEMA if s.startswith(f'CREATE TRIGGER "{name}" '))
    for name in FIRST_SIGNED_TRIGGERS
}
# The first signing date of the projects of the 签约 events from an id on, once the
# events are in.
_PROJECT_ID = '"project"."id"'
_FIRST_SIGNED_AGAIN = (
    f'UPDATE "project" SET "first_signed" = {first_signed_sql(_PROJECT_ID)} '
    'WHERE "id" IN (SELECT "project_id" FROM "stage_event" WHERE "id" >= ? '
    """AND "stage" = 'signed')"""
)
# The search trigger as V2_SCHEMA made it: one INSERT of values over ``new``.
_SEARCH_BODY = re.compile(
    r'CREATE TRIGGER "project_search_ai" AFTER INSERT ON "project" BEGIN '
    r'(INSERT INTO "project_search"\([^)]*\)) VALUES \((.*)\); END',
    re.DOTALL,
)
# The texts whose keys each sort-key trigger checks (V5_SCHEMA): the import writes
# these keys itself.
_KEYED = re.compile(r'new\."(\w+)_sort_key" IS NOT pinyin_sort_key\(new\."(\w+)"\)')
_KEYS_WRITTEN = {
    "project_sort_key_ai": set(SORTED_TEXTS),
    "investor_sort_key_ai": set(INVESTOR_SORTED_TEXTS),
}


def worth_holding(to_insert: Mapping[str, int]) -> bool:
    """Whether to hold the upkeep for an import inserting ``to_insert`` rows a table:
    when it inserts at least as many rows as the tables hold already (their largest
    ids: rows are never removed, only made tombstones).  Measured, on 20,000 projects
    with their investors and events: 20,000 more are faster held, 10,000 kept; 50,000
    on 100,000 kept.  A small import into a large file would pay for every row there."""
    present = 0
    for table in TABLES:
        row = database.execute_sql(f'SELECT max(id) FROM "{table}"').fetchone()
        present += int(row[0] or 0)
    return sum(to_insert.values()) >= max(present, 1)


@dataclass(frozen=True)
class HeldObject:
    """An index or trigger of the file, as ``sqlite_schema`` holds it."""

    type: str
    name: str
    sql: str


class Upkeep:
    """The indexes and triggers an import holds, read before it drops them."""

    def __init__(
        self,
        objects: list[HeldObject],
        search: str,
        stats: list[tuple[str, str, str]],
        first_event: int,
    ) -> None:
        self.objects = objects  # in the order of sqlite_schema, to be made again so
        self.search = search  # the search trigger's INSERT, over the new projects
        self.stats = stats  # ANALYZE's rows of the held indexes, which DROP INDEX deletes
        self.first_event = first_event  # the first id of the import's events

    @classmethod
    def read(cls) -> Upkeep | None:
        """The file's secondary indexes of ``TABLES`` and its ``HELD_TRIGGERS``; None
        when a trigger is not one this module can stand in for (then nothing is held)."""
        tables = ", ".join(f"'{t}'" for t in TABLES)
        triggers = ", ".join(f"'{t}'" for t in HELD_TRIGGERS)
        rows = database.execute_sql(
            "SELECT type, name, sql FROM main.sqlite_schema WHERE sql IS NOT NULL AND ("
            f"(type = 'index' AND tbl_name IN ({tables})) "
            f"OR (type = 'trigger' AND name IN ({triggers}))) ORDER BY rowid"
        ).fetchall()
        objects = [HeldObject(*row) for row in cast(list[tuple[str, str, str]], rows)]
        found = {o.name: o for o in objects if o.type == "trigger"}
        if set(found) != set(HELD_TRIGGERS):
            return None
        if any(found[name].sql != sql for name, sql in _FIRST_SIGNED_SQL.items()):
            return None
        for name, texts in _KEYS_WRITTEN.items():
            pairs = _KEYED.findall(found[name].sql)
            if any(key != text for key, text in pairs) or {t for _, t in pairs} != texts:
                return None
        matched = _SEARCH_BODY.fullmatch(found[SEARCH_TRIGGER].sql)
        if matched is None:
            return None
        # The trigger's values, read from the project itself under the name ``new``.
        search = (
            f'{matched[1]} SELECT {matched[2]} FROM "project" AS new WHERE new.id >= ? '
            "ORDER BY new.id"
        )
        stats: list[tuple[str, str, str]] = []
        has_stats = database.execute_sql(
            "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).fetchone()
        if has_stats:
            indexes = [o.name for o in objects if o.type == "index"]
            marks = ", ".join("?" for _ in indexes)
            stats = database.execute_sql(
                f"SELECT tbl, idx, stat FROM main.sqlite_stat1 WHERE idx IN ({marks})", indexes
            ).fetchall()
        row = database.execute_sql('SELECT coalesce(max(id), 0) + 1 FROM "stage_event"')
        return cls(objects, search, stats, int(row.fetchone()[0]))

    def drop(self) -> None:
        for held in self.objects:
            database.execute_sql(f'DROP {held.type.upper()} main."{held.name}"')

    def restore(self, first_project: int, step: Callable[[], None]) -> None:
        """Index the projects from id ``first_project`` on for search, make every held
        object again from its own text, in its order, set the first signing date of the
        projects given 签约 events and put back the indexes' statistics; ``step`` is
        called after each of those seconds of work (it may raise to stop)."""
        database.execute_sql(self.search, [first_project])
        step()
        for held in self.objects:
            database.execute_sql(held.sql)
            if held.type == "index":
                step()
        # With the indexes back: each project's 签约 events are then one look-up.
        database.execute_sql(_FIRST_SIGNED_AGAIN, [self.first_event])
        if self.stats:
            database.cursor().executemany(
                "INSERT INTO main.sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", self.stats
            )


@contextmanager
def upkeep_held(hold: bool, first_project: int, step: Callable[[], None]) -> Iterator[bool]:
    """Within the block (inside the import's transaction), the file's upkeep is held
    when ``hold`` and the file's triggers are the ones known here (the block is told
    whether it is); after it, made again, with the search index of the projects from
    id ``first_project`` on, ``step`` called between the statements (a cancel is
    heard there too).  On an error nothing is made again: the transaction rolls
    back, the drops with it."""
    upkeep = Upkeep.read() if hold else None
    if upkeep is None:
        yield False
        return
    upkeep.drop()
    yield True
    upkeep.restore(first_project, step)
