"""The rows an operation wrote, with their stored values before it (for undo).

While an operation runs (``recording``), every ``SyncedModel.save`` notes the
row it writes: its table, its UUID and, the first time the operation touches
it, the values it had before (None for a row the operation created).  Bulk SQL
(the ledger import) notes the rows it creates, or that an undo tombstones, a
table at a time instead (``note_batch``: their UUIDs, nothing else changes of
them).  From that the operation knows what it changed (the tables and projects,
for the views to refresh) and how to put every field back (db.records.ops).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowImage:
    """One row an operation wrote, and its stored values before (None: it created it)."""

    table: str
    uuid: str
    before: dict[str, Any] | None


@dataclass(frozen=True)
class RowBatch:
    """Rows of one table an operation wrote in bulk and in one way: brought to life
    (created, or a tombstone revived: ``deleted`` False, undone by tombstoning them)
    or tombstoned (``deleted`` True, undone by reviving them); nothing else of them
    changed."""

    table: str
    uuids: tuple[str, ...]
    deleted: bool = False


Entry = RowImage | RowBatch


@dataclass
class Journal:
    images: dict[tuple[str, str], RowImage] = field(default_factory=dict)
    batches: list[RowBatch] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # in the order noted
    project_ids: set[int] = field(default_factory=set)
    project_uuids: set[str] = field(default_factory=set)

    def note(
        self,
        table: str,
        uuid: str,
        before: dict[str, Any] | None,
        project_ids: set[int],
        project_uuids: Iterable[str] = (),
    ) -> None:
        key = (table, uuid)
        if key not in self.images:
            image = self.images[key] = RowImage(table, uuid, before)
            self.entries.append(image)
        self.project_ids |= project_ids
        self.project_uuids.update(project_uuids)

    def note_batch(
        self,
        table: str,
        uuids: Iterable[str],
        project_uuids: Iterable[str] = (),
        deleted: bool = False,
    ) -> None:
        """Rows written in bulk (``RowBatch``), none of them noted otherwise."""
        batch = RowBatch(table, tuple(uuids), deleted)
        if batch.uuids:
            self.batches.append(batch)
            self.entries.append(batch)
        self.project_uuids.update(project_uuids)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(table for table, _ in self.images) | {b.table for b in self.batches}


_journal: ContextVar[Journal | None] = ContextVar("zhaoshang_journal", default=None)


def active() -> Journal | None:
    return _journal.get()


@contextmanager
def recording() -> Iterator[Journal]:
    """Note every row written in the block; an inner block shares the outer journal."""
    outer = _journal.get()
    if outer is not None:
        yield outer
        return
    journal = Journal()
    token = _journal.set(journal)
    try:
        yield journal
    finally:
        _journal.reset(token)
