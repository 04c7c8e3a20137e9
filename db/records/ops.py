"""Operations: every change a user can make, each one transaction that says what it
changed and how to undo it (as Anki's ``OpChanges``).

An operation is a function of db.records decorated with ``@operation``: it runs
in one write transaction (all or nothing), and every row it writes is noted
with its values before (db.store.journal).  It returns an ``OpResult``: the
function's own value, the ``Changes`` (which kinds of record and which projects
were touched, so that only the views showing them refresh) and ``undo``, which
puts every field of every row back in one transaction and returns an
``OpResult`` of its own whose ``undo`` is the redo.  The desktop app wraps that
in one generic undo command; nothing above db/ opens a transaction.  Rows that
bulk SQL created (the ledger import's) are noted and undone a table at a time:
one UPDATE makes them tombstones, and one more brings them back for the redo.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Generic, ParamSpec, TypeVar

from db.store import journal
from db.store.connection import database
from db.store.faults import from_database_error
from db.store.models import BOOKKEEPING, MODEL_BY_TABLE, utc_now

T = TypeVar("T")

# The project and the records that belong to it.
PROJECT_TABLES = frozenset(
    {"project", "investor", "phase", "capacity_line", "stage_event", "milestone", "follow_up"}
)
P = ParamSpec("P")


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the tables it wrote and the projects concerned."""

    tables: frozenset[str] = frozenset()
    project_uuids: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.tables

    def touches(self, tables: frozenset[str] | set[str]) -> bool:
        return bool(self.tables & tables)

    def concerns(self, project_uuid: str) -> bool:
        """Whether the project may have changed: named, or changes not known by project."""
        if project_uuid in self.project_uuids:
            return True
        return not self.project_uuids and self.touches(PROJECT_TABLES)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.project_uuids | other.project_uuids)


EVERYTHING = Changes(frozenset(MODEL_BY_TABLE))  # another file, an import: refresh all


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's value, what it changed, and its inverse."""

    value: T
    changes: Changes
    undo: Callable[[], OpResult[None]] = field(repr=False)


class NestedOperation(RuntimeError):
    """An operation called inside another: compose their helpers instead."""


def _changes(log: journal.Journal) -> Changes:
    uuids = set(log.project_uuids)
    if log.project_ids:
        rows = database.execute_sql(
            'SELECT uuid FROM "project" WHERE id IN (SELECT value FROM json_each(?))',
            [json.dumps(sorted(log.project_ids))],
        )
        uuids.update(str(uuid) for (uuid,) in rows)
    return Changes(log.tables, frozenset(uuids))


def _restore_batch(batch: journal.RowBatch, log: journal.Journal) -> None:
    """Undo a batch in bulk: tombstone the rows it brought to life, or revive the ones
    it tombstoned, as SyncedModel.save would (a visible change: revision + 1 and the
    time); a row already so is left alone.  Noted as a batch in turn, for the redo."""
    table = batch.table
    to = 0 if batch.deleted else 1  # ``deleted`` once undone
    where = f'"{table}".uuid IN (SELECT value FROM json_each(?)) AND "{table}".deleted = ?'
    arguments = [json.dumps(batch.uuids), 1 - to]
    found = database.execute_sql(f'SELECT uuid FROM "{table}" WHERE {where}', arguments)
    changed = [str(uuid) for (uuid,) in found]
    projects = changed if table == "project" else []
    if "project" in MODEL_BY_TABLE[table]._meta.fields:
        found = database.execute_sql(
            f'SELECT DISTINCT p.uuid FROM "{table}" JOIN "project" AS p '
            f'ON p.id = "{table}".project_id WHERE {where}',
            arguments,
        )
        projects = [str(uuid) for (uuid,) in found]
    database.execute_sql(
        f'UPDATE "{table}" SET deleted = ?, revision = revision + 1, updated_at = ? WHERE {where}',
        [to, utc_now().isoformat(" "), *arguments],
    )
    log.note_batch(table, changed, projects, deleted=bool(to))


def _restore(entries: list[journal.Entry]) -> OpResult[None]:
    """Put back every row as it was before: a created row becomes a tombstone."""
    with journal.recording() as log, database.atomic():
        for entry in reversed(entries):
            if isinstance(entry, journal.RowBatch):
                _restore_batch(entry, log)
                continue
            model = MODEL_BY_TABLE[entry.table]
            row = model.get(model.uuid == entry.uuid)
            if entry.before is None:
                row.deleted = True
            else:
                for name, value in entry.before.items():
                    if name not in BOOKKEEPING:
                        setattr(row, name, value)
            row.save()
        entries_now = list(log.entries)
        changes = _changes(log)
    return OpResult(None, changes, lambda: _restore(entries_now))


def operation(function: Callable[P, T]) -> Callable[P, OpResult[T]]:
    """Run ``function`` as one operation: one transaction, noted for undo."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> OpResult[T]:
        if journal.active() is not None:
            raise NestedOperation(f"{function.__name__} called inside another operation")
        try:
            with journal.recording() as log, database.atomic():
                value = function(*args, **kwargs)
                entries = list(log.entries)
                changes = _changes(log)
        except Exception as exc:
            fault = from_database_error(exc, Path(database.database))
            if fault is not None:
                raise fault from exc
            raise
        return OpResult(value, changes, lambda: _restore(entries))

    return run
