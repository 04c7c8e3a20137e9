"""The rows an operation wrote, with their stored values before it (for undo).

While an operation runs (``recording``), every ``SyncedModel.save`` notes the
row it writes: its table, its UUID and, the first time the operation touches
it, the values it had before (None for a row the operation created).  From
that the operation knows what it changed (the tables and projects, for the
views to refresh) and how to put every field back (db.records.ops).
"""

from __future__ import annotations

from collections.abc import Iterator
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


@dataclass
class Journal:
    images: dict[tuple[str, str], RowImage] = field(default_factory=dict)
    project_ids: set[int] = field(default_factory=set)

    def note(
        self, table: str, uuid: str, before: dict[str, Any] | None, project_ids: set[int]
    ) -> None:
        self.images.setdefault((table, uuid), RowImage(table, uuid, before))
        self.project_ids |= project_ids

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(table for table, _ in self.images)


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
