"""Writing a checked ledger in bulk: a few statements per table and chunk, in the
import's transaction, noted for undo (db.store.journal: the rows created a table at
a time, a stored row updated with its values before, as SyncedModel.save would note
it), and revisions kept honest as its docstring says (a new row at 1; +1 only when
a field a user sees changes; the cached stage is derived).

The rows are first planned in memory (which investor each row names, which
columns of an existing project change, which stage events are new, the cached
stage each project ends at), then written in chunks, so that the import can say
how far it is and stop between two chunks (the transaction then rolls back).
New rows get their ids here, one past the largest id of their table: the import
holds the file's only write transaction, so no one else can take them.  A chunk's
new investors go first, then its projects, then their events.

Every row is written with its pinyin sort keys (db.store.sort_keys), computed a
chunk at a time just before: the file's triggers compare them (still in
sort_key's cache then) and write nothing more, or, when a large import holds them
(db.io.ledger.bulk), are not needed.  Projects go through a temporary table and one
INSERT … SELECT (or UPDATE … FROM) a chunk: the search index (project_search, kept
by its triggers) is then written in one statement a chunk rather than one a row,
four times faster (FTS5 stores what it holds at the end of every statement).  With
the search trigger held, new projects go straight into their table instead.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, cast

from peewee import CharField, Field, ForeignKeyField, IntegerField, TextField

from db.rules.stages import Event, event_order, latest_stage
from db.rules.vocabulary import Stage
from db.store import journal
from db.store.connection import database
from db.store.fields import ScaledDecimalField, to_stored
from db.store.models import Investor, Project, StageEvent, SyncedModel
from db.store.sort_keys import sort_key

CHUNK = 10_000  # rows written between two progress reports
_TEMP_CACHE_KIB = 32 * 1024  # the temporary table's cache while a chunk passes through it
_CACHE_KIB = 64 * 1024  # the file's cache while the import writes
_IN_CHUNK = 5_000  # ids in one IN (…) of a look-up

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fresh_uuids(count: int) -> list[str]:
    """``count`` new UUIDs of version 7 (RFC 9562): the time in milliseconds, then 74
    random bits, in ascending order.  Each table's unique index on uuid then takes a
    batch at its end rather than at random places all over it (a third of the
    import's time for the stage events), and one read of the system's random source
    serves the batch (uuid.uuid4() reads it once a UUID)."""
    millis = f"{time.time_ns() // 1_000_000:012x}"
    head = f"{millis[:8]}-{millis[8:]}-7"
    raw = os.urandom(10 * count).hex()
    out = [
        f"{head}{raw[i : i + 3]}-{'89ab'[int(raw[i + 3], 16) & 3]}{raw[i + 4 : i + 7]}-"
        f"{raw[i + 7 : i + 19]}"
        for i in range(0, 20 * count, 20)
    ]
    out.sort()
    return out


def as_stored(moment: datetime) -> str:
    """A time as the file holds it, the text sqlite3 makes of a datetime peewee hands
    over, made once here rather than by sqlite3's adapter for every row."""
    return moment.isoformat(" ")


def next_id(model: type[SyncedModel]) -> int:
    row = database.execute_sql(f'SELECT max(id) FROM "{model._meta.table_name}"').fetchone()
    return int(row[0] or 0) + 1


def _reader(field: Field) -> tuple[type | None, Callable[[Any], Any]]:
    """How a stored value reads as its field's Python value: the type sqlite3 already
    hands it over as (None when there is none), else the field's python_value."""
    if isinstance(field, ScaledDecimalField):
        return None, field.python_value
    if isinstance(field, CharField | TextField):
        return str, field.python_value
    if isinstance(field, IntegerField | ForeignKeyField):
        return int, field.python_value
    return None, field.python_value


def stored_rows(model: type[SyncedModel], ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Rows as SyncedModel.stored_values gives them (the journal's before), by id: each
    value as its field reads it (peewee's python_value), a text or a whole number as
    sqlite3 gives it."""
    fields = list(model._meta.sorted_fields)
    names = [field.name for field in fields]
    readers = [_reader(field) for field in fields]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    wanted = json.dumps(sorted(set(ids)))
    found = database.execute_sql(
        f'SELECT {columns} FROM "{model._meta.table_name}" '
        "WHERE id IN (SELECT value FROM json_each(?))",
        [wanted],
    )
    rows: dict[int, dict[str, Any]] = {}
    for stored in found:
        row: dict[str, Any] = {
            name: value if value is None or type(value) is kind else read(value)
            for name, value, (kind, read) in zip(names, stored, readers, strict=True)
        }
        rows[int(row["id"])] = row
    return rows


class PlannedEvent(NamedTuple):
    """A stage event, stored or planned, as the stage rules read one (db.rules.stages.Event)."""

    id: int
    stage: str
    date: date
    recorded_at: datetime
    reason: str | None = None


def stored_events(project_ids: Iterable[int]) -> dict[int, list[PlannedEvent]]:
    """The live stage events of these projects, by project."""
    day_of: Callable[[Any], date] = StageEvent.date.python_value
    moment_of: Callable[[Any], datetime] = StageEvent.recorded_at.python_value
    found = database.execute_sql(
        'SELECT id, project_id, stage, date, recorded_at FROM "stage_event" '
        "WHERE deleted = 0 AND project_id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(set(project_ids)))],
    )
    events: dict[int, list[PlannedEvent]] = {}
    for event_id, project_id, stage, day, recorded in found:
        event = PlannedEvent(event_id, stage, day_of(day), moment_of(recorded))
        events.setdefault(project_id, []).append(event)
    return events


def stage_after(events: Sequence[Event]) -> str:
    """The cached stage of a project with these live events (db.records.stages)."""
    return latest_stage(sorted(events, key=event_order)).value


_RANK = {stage.value: stage.rank for stage in Stage}


def stage_of_new(events: Sequence[PlannedEvent]) -> str:
    """``stage_after`` of a new project's events: recorded at one moment, their ids in
    the order planned, so the latest is the latest by date, then path order, then id."""
    if len(events) < 2:
        return events[0].stage if events else Stage.LEAD.value
    return max(events, key=lambda e: (e.date, _RANK[e.stage], e.id)).stage


# -- investors ---------------------------------------------------------------------


@dataclass
class _InvestorState:
    id: int
    name: str
    credit_code: str | None
    origin: str | None
    new: bool
    changed: bool = False


class InvestorBook:
    """Investors as db.records.investors.find_or_create_investor finds them (by
    统一社会信用代码, else by exact name, else new), row after row, in memory: the
    live investors the ledger names are read once, the ones it adds are planned."""

    def __init__(self, names: set[str], codes: set[str]) -> None:
        self._by_code: dict[str, _InvestorState] = {}
        self._by_name: dict[str, _InvestorState] = {}
        self._next_id = next_id(Investor)
        self.planned: list[_InvestorState] = []
        self._written = 0  # planned investors written so far
        self._stamp = ""
        found: dict[int, _InvestorState] = {}
        for column, values in (("name", names), ("credit_code", codes)):
            for part in chunks(sorted(values), _IN_CHUNK):
                marks = ", ".join("?" for _ in part)
                rows = database.execute_sql(
                    'SELECT id, name, credit_code, origin FROM "investor" '
                    f"WHERE deleted = 0 AND {column} IN ({marks})",
                    list(part),
                )
                for investor_id, name, code, origin in rows:
                    found[investor_id] = _InvestorState(investor_id, name, code, origin, False)
        # The lowest id first, as SQLite's index gives ``.first()`` among equals.
        for state in sorted(found.values(), key=lambda s: s.id):
            self._index(state)

    def _index(self, state: _InvestorState) -> None:
        if state.credit_code:
            self._by_code.setdefault(state.credit_code, state)
        self._by_name.setdefault(state.name, state)

    def resolve(self, name: str, credit_code: str | None, origin: str | None) -> int:
        """The id of the investor a row names, planning what the row changes of it."""
        state = self._by_code.get(credit_code) if credit_code else None
        if state is None:
            state = self._by_name.get(name)
            if state is not None and credit_code and not state.credit_code:
                state.credit_code = credit_code  # a name found without a code takes it
                state.changed = True
                self._index(state)
        if state is None:
            state = _InvestorState(self._next_id, name, credit_code or None, None, True)
            self._next_id += 1
            self.planned.append(state)
            self._index(state)
        if origin and not state.origin:
            state.origin = origin
            state.changed = True
        return state.id

    @property
    def last_id(self) -> int:
        return self._next_id - 1

    def write_changes(self, now: datetime) -> None:
        """Update the stored investors the rows change (revision + 1), before any
        project is written."""
        log = journal.active()
        stamp = as_stored(now)
        changed = [s for s in self._by_name.values() if s.changed and not s.new]
        changed += [
            s for s in self._by_code.values() if s.changed and not s.new and s not in changed
        ]
        before = stored_rows(Investor, (s.id for s in changed))
        updates = [
            s
            for s in changed
            if (s.credit_code, s.origin) != (before[s.id]["credit_code"], before[s.id]["origin"])
        ]
        database.cursor().executemany(
            'UPDATE "investor" SET credit_code = ?, origin = ?, origin_sort_key = ?, '
            "revision = revision + 1, updated_at = ? WHERE id = ?",
            [(s.credit_code, s.origin, sort_key(s.origin), stamp, s.id) for s in updates],
        )
        if log is not None:
            for s in updates:
                log.note("investor", str(before[s.id]["uuid"]), before[s.id], set())
        self._stamp = stamp
        self._written = 0

    def write_new(self, last_id: int) -> None:
        """Insert the new investors up to id ``last_id`` not written yet, with their sort
        keys (the file's triggers then find them right and write nothing: a chunk at a
        time, so that the keys are still in sort_key's cache when the triggers ask)."""
        start = self._written
        end = start
        while end < len(self.planned) and self.planned[end].id <= last_id:
            end += 1
        if end == start:
            return
        new = self.planned[start:end]
        self._written = end
        uuids = fresh_uuids(len(new))
        stamp = self._stamp
        database.cursor().executemany(
            'INSERT INTO "investor" (id, uuid, revision, updated_at, deleted, name, '
            "credit_code, origin, name_sort_key, origin_sort_key) "
            "VALUES (?, ?, 1, ?, 0, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    uuid,
                    stamp,
                    s.name,
                    s.credit_code,
                    s.origin,
                    sort_key(s.name),
                    sort_key(s.origin),
                )
                for s, uuid in zip(new, uuids, strict=True)
            ],
        )
        log = journal.active()
        if log is not None:
            log.note_batch("investor", uuids)


# -- projects and their stage events ------------------------------------------------


@dataclass(slots=True)
class PlannedProject:
    """One ledger row's project: new (``stored`` None) or an update of a stored one."""

    row: int
    id: int
    values: dict[str, Any]  # Project attribute → Python value, as the row gives it
    stored: dict[str, Any] | None = None  # the stored row of an update (its journal before)
    events: list[PlannedEvent] = field(default_factory=list)  # to insert


def _columns(attrs: Iterable[str]) -> list[Field]:
    return [Project._meta.fields[a] for a in attrs]


# The texts the file keeps a pinyin sort key of (db.store.sort_keys), by attribute.
SORTED_TEXTS: dict[str, str] = {
    attr: f"{attr}_sort_key"
    for attr in (
        "name",
        "local_industry",
        "chain",
        "construction_kind",
        "info_source",
        "person_in_charge",
    )
}
assert set(SORTED_TEXTS.values()) == Project.SORT_KEYS
# The investor's, written by InvestorBook.write_new.
INVESTOR_SORTED_TEXTS: dict[str, str] = {"name": "name_sort_key", "origin": "origin_sort_key"}
assert set(INVESTOR_SORTED_TEXTS.values()) == Investor.SORT_KEYS


class ProjectWriter:
    """Writes planned projects and their events a chunk at a time."""

    def __init__(
        self, attrs: Sequence[str], now: datetime, note: str, investors: InvestorBook
    ) -> None:
        self.investors = investors  # written a chunk at a time, before their projects
        # Every attribute a row may set, in one order for every statement.
        self.attrs = list(dict.fromkeys(["name", "investor", "unit", "capital", *attrs, "stage"]))
        self.moment = now
        self.now = as_stored(now)
        self.note = note
        self.columns = _columns(self.attrs)
        self._values = itemgetter(*self.attrs)
        # Exact decimals are stored as scaled integers (db.store.fields); text, whole
        # numbers and ids go to sqlite3 as they are, as peewee hands them over.
        self._scaled = [
            (i, c.places, c.name)
            for i, c in enumerate(self.columns)
            if isinstance(c, ScaledDecimalField)
        ]
        # The sort key of each text a row sets, written with it.
        self._keyed = [(self.attrs.index(a), k) for a, k in SORTED_TEXTS.items() if a in self.attrs]
        self._names = [f'"{c.column_name}"' for c in self.columns]
        self._names += [f'"{k}"' for _, k in self._keyed]
        self.names = ", ".join(self._names)
        # Whether the search index's insert trigger is held (db.io.ledger.bulk): the new
        # projects then go straight into the table, without their empty columns.
        self.direct = False
        # A chunk's rows (some 5 MB) stay in memory: with the default cache of the
        # temporary database (2 MB) they would go to a file and back, a tenth of the
        # import's time; and the file's indexes that the rows go into at random places
        # (names, codes) stay in the cache rather than being written out to the log and
        # read back before the commit.  Memory only as the pages need it; set back on
        # close.
        self._caches = {
            schema: int(database.execute_sql(f"PRAGMA {schema}.cache_size").fetchone()[0])
            for schema in ("main", "temp")
        }
        # (A temporary database not opened yet says 0, and then takes the default size.)
        self._caches["temp"] = self._caches["temp"] or self._caches["main"]
        database.execute_sql(f"PRAGMA temp.cache_size = {-_TEMP_CACHE_KIB}")
        database.execute_sql(f"PRAGMA main.cache_size = {-_CACHE_KIB}")
        database.execute_sql(
            f"CREATE TEMP TABLE ledger_import (id INTEGER PRIMARY KEY, new, uuid, revision, "
            f"updated_at, {self.names})"
        )

    def close(self) -> None:
        database.execute_sql("DROP TABLE temp.ledger_import")
        for schema, size in self._caches.items():
            database.execute_sql(f"PRAGMA {schema}.cache_size = {size}")

    def write(self, items: Sequence[PlannedProject]) -> None:
        """Insert the new projects of ``items``, update the changed ones, add their events."""
        log = journal.active()
        if items:
            self.investors.write_new(max(item.values["investor"] for item in items))
        inserted = [i for i in items if i.stored is None]
        changes = {i.id: self._changed_attrs(i) for i in items if i.stored is not None}
        updated = [i for i in items if changes.get(i.id)]
        uuids = fresh_uuids(len(inserted))
        now = self.now
        cursor = database.cursor()
        new = self._new_columns(inserted, uuids)
        rows: list[tuple[Any, ...]] = []
        if inserted and self.direct:
            self._insert(new, len(inserted))
        elif inserted:
            rows = list(zip(new[0], repeat(1), *new[1:]))
        for item in updated:
            stored = cast(dict[str, Any], item.stored)
            visible = any(attr not in Project.DERIVED for attr in changes[item.id])
            revision = stored["revision"] + 1 if visible else stored["revision"]
            stamp = now if visible else as_stored(stored["updated_at"])
            rows.append((item.id, 0, stored["uuid"], revision, stamp, *self._db_values(item)))
        names = self.names
        marks = ", ".join("?" for _ in range(5 + len(self.columns) + len(self._keyed)))
        if rows:  # (the temporary table's rows serve this chunk only)
            cursor.execute("DELETE FROM temp.ledger_import")
            cursor.executemany(
                f"INSERT INTO temp.ledger_import (id, new, uuid, revision, updated_at, {names}) "
                f"VALUES ({marks})",
                rows,
            )
        if inserted and not self.direct:
            # One statement a chunk: the search index's trigger then has FTS5 take the
            # chunk's rows at once (it stores what it holds at the end of each statement).
            cursor.execute(
                f'INSERT INTO "project" (id, uuid, revision, updated_at, deleted, {names}) '
                f"SELECT id, uuid, revision, updated_at, 0, {names} FROM temp.ledger_import "
                f"WHERE new = 1 ORDER BY id"
            )
        if updated:
            assigned = ", ".join(f"{name} = t.{name}" for name in self._names)
            cursor.execute(
                f'UPDATE "project" SET revision = t.revision, updated_at = t.updated_at, '
                f"{assigned} FROM temp.ledger_import AS t WHERE project.id = t.id AND t.new = 0"
            )
        project_uuids = {item.id: uuid for item, uuid in zip(inserted, uuids, strict=True)}
        for item in items:
            if item.stored is not None:
                project_uuids[item.id] = str(item.stored["uuid"])
        events = [(item.id, event) for item in items for event in item.events]
        event_uuids = fresh_uuids(len(events))
        moment = self.moment
        note = self.note
        cursor.executemany(
            'INSERT INTO "stage_event" (id, uuid, revision, updated_at, deleted, project_id, '
            "stage, date, reason, note, recorded_at) VALUES (?, ?, 1, ?, 0, ?, ?, ?, ?, ?, ?)",
            [
                (
                    event.id,
                    uuid,
                    now,
                    project_id,
                    event.stage,
                    event.date.isoformat(),
                    event.reason,
                    note,
                    now if event.recorded_at is moment else as_stored(event.recorded_at),
                )
                for (project_id, event), uuid in zip(events, event_uuids, strict=True)
            ],
        )
        if log is not None:
            log.note_batch("project", uuids, uuids)
            for item in updated:
                stored = cast(dict[str, Any], item.stored)
                log.note("project", str(stored["uuid"]), stored, set(), [str(stored["uuid"])])
            log.note_batch(
                "stage_event", event_uuids, {project_uuids[project_id] for project_id, _ in events}
            )

    def _insert(self, columns: list[Sequence[Any]], count: int) -> None:
        """Insert new projects given a column at a time (``_new_columns``), leaving out
        the columns they all leave empty (NULL all the same; 13 of 36 for the bench's
        ledger), and without the copy through the temporary table."""
        names = ["id", "uuid", "revision", "updated_at", *self._names]
        kept = [i for i, column in enumerate(columns) if column.count(None) != count]
        marks = ", ".join("?" for _ in range(len(kept) + 1))
        database.cursor().executemany(
            f'INSERT INTO "project" (deleted, {", ".join(names[i] for i in kept)}) '
            f"VALUES ({marks})",
            zip(repeat(0, count), *(columns[i] for i in kept), strict=True),
        )

    def _new_columns(
        self, items: Sequence[PlannedProject], uuids: list[str]
    ) -> list[Sequence[Any]]:
        """New projects a column at a time (id, uuid, revision, updated_at, then the
        values as stored in the order of ``attrs``, then the sort keys)."""
        if not items:
            return []
        try:
            table = list(map(self._values, (item.values for item in items)))
        except KeyError:  # a row without one of the ledger's columns
            table = [tuple(item.values.get(attr) for attr in self.attrs) for item in items]
        columns: list[Sequence[Any]] = list(zip(*table, strict=True))
        for index, places, name in self._scaled:
            columns[index] = [
                None if value is None else to_stored(value, places, name)
                for value in columns[index]
            ]
        keys = [list(map(sort_key, columns[index])) for index, _ in self._keyed]
        count = len(items)
        ids = [item.id for item in items]
        return [ids, uuids, [1] * count, [self.now] * count, *columns, *keys]

    def _db_values(self, item: PlannedProject) -> list[Any]:
        """An updated row's values as stored, in the order of ``attrs``, then its sort keys."""
        values, stored = item.values, cast(dict[str, Any], item.stored)
        out = [values[a] if a in values else stored.get(a) for a in self.attrs]
        for index, places, name in self._scaled:
            value = out[index]
            if value is not None:
                out[index] = to_stored(value, places, name)
        out += [sort_key(out[index]) for index, _ in self._keyed]
        return out

    def _changed_attrs(self, item: PlannedProject) -> list[str]:
        """The attributes whose stored value the row changes (compared as stored; the
        same value of the same type is the same stored value)."""
        stored = cast(dict[str, Any], item.stored)
        fields = Project._meta.fields
        changed = []
        for attr, value in item.values.items():
            before = stored.get(attr)
            if type(value) is type(before) and value == before:
                continue
            if fields[attr].db_value(value) != fields[attr].db_value(before):
                changed.append(attr)
        return changed


def write_in_chunks(
    items: Sequence[PlannedProject],
    writer: ProjectWriter,
    step: Callable[[int], None],
) -> None:
    """Write ``items`` a chunk at a time, telling ``step`` how many are written."""
    done = 0
    for part in chunks(items, CHUNK):
        writer.write(part)
        done += len(part)
        step(done)
