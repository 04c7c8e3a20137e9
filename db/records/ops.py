"""Operations: every change a user can make, each one transaction that says what it
changed and how to undo it (as Anki's ``OpChanges``).

An operation is a function of db.records decorated with ``@operation``: it runs
in one write transaction (all or nothing), and every row it writes is noted
with its values before (db.store.journal).  It returns an ``OpResult``: the
function's own value, the ``Changes`` (which kinds of record and which projects
were touched, so that only the views showing them refresh) and ``undo``, which
puts every field of every row back in one transaction and returns an
``OpResult`` of its own whose ``undo`` is the redo.  The desktop app wraps that
in one generic undo command; nothing above db/ opens a transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Generic, ParamSpec, TypeVar

from db.store import journal
from db.store.connection import database
from db.store.faults import from_database_error
from db.store.models import BOOKKEEPING, MODEL_BY_TABLE, Project

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
    uuids: frozenset[str] = frozenset()
    if log.project_ids:
        query = Project.select(Project.uuid).where(Project.id.in_(sorted(log.project_ids)))
        uuids = frozenset(str(row.uuid) for row in query)
    return Changes(log.tables, uuids)


def _restore(images: list[journal.RowImage]) -> OpResult[None]:
    """Put back every row as it was before: a created row becomes a tombstone."""
    with journal.recording() as log, database.atomic():
        for image in reversed(images):
            model = MODEL_BY_TABLE[image.table]
            row = model.get(model.uuid == image.uuid)
            if image.before is None:
                row.deleted = True
            else:
                for name, value in image.before.items():
                    if name not in BOOKKEEPING:
                        setattr(row, name, value)
            row.save()
        images_now = list(log.images.values())
        changes = _changes(log)
    return OpResult(None, changes, lambda: _restore(images_now))


def operation(function: Callable[P, T]) -> Callable[P, OpResult[T]]:
    """Run ``function`` as one operation: one transaction, noted for undo."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> OpResult[T]:
        if journal.active() is not None:
            raise NestedOperation(f"{function.__name__} called inside another operation")
        try:
            with journal.recording() as log, database.atomic():
                value = function(*args, **kwargs)
                images = list(log.images.values())
                changes = _changes(log)
        except Exception as exc:
            fault = from_database_error(exc, Path(database.database))
            if fault is not None:
                raise fault from exc
            raise
        return OpResult(value, changes, lambda: _restore(images))

    return run
