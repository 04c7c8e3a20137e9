"""Which open file the models talk to: the current context's, else the process's.

The models are bound to ``database``, a proxy that resolves on every use: to the
file bound in the current context (``bound``, a context variable, so each
thread and each ``with`` block sees its own), else to the file the process made
its default (``set_default``: the desktop app's open file, the command's file).
Several files can therefore be open at once (the unit's file and a handover
being checked, or a reference file in a test), each with its own connection per
thread (peewee keeps connection state per thread).

peewee's own ``bind_ctx`` rebinds the model classes for the whole process,
which a background thread working on another file would see; hence this proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from peewee import DatabaseProxy, SqliteDatabase

_bound: ContextVar[SqliteDatabase | None] = ContextVar("zhaoshang_bound_file", default=None)
_default: list[SqliteDatabase | None] = [None]


class BoundDatabase(DatabaseProxy):
    """A ``DatabaseProxy`` whose target is looked up at each use (see the module)."""

    __slots__ = ()

    def __init__(self) -> None:
        object.__setattr__(self, "_callbacks", [])

    @property  # a read-only view of the slot of Proxy
    def obj(self) -> SqliteDatabase | None:
        current = _bound.get()
        return current if current is not None else _default[0]

    def initialize(self, obj: Any) -> None:
        raise TypeError("use db.store.connection.set_default() or bound()")

    def __getattr__(self, attr: str) -> Any:
        target = self.obj
        if target is None:
            raise RuntimeError("no unit file is open in this context")
        return getattr(target, attr)


database = BoundDatabase()


def current() -> SqliteDatabase:
    """The file the models use here and now."""
    target = database.obj
    if target is None:
        raise RuntimeError("no unit file is open in this context")
    return target


def set_default(db: SqliteDatabase | None) -> None:
    """Make ``db`` the process's file (None: no default any more)."""
    _default[0] = db


def default() -> SqliteDatabase | None:
    return _default[0]


@contextmanager
def bound(db: SqliteDatabase) -> Iterator[SqliteDatabase]:
    """Within the block, in this thread, the models and queries use ``db``."""
    token = _bound.set(db)
    try:
        yield db
    finally:
        _bound.reset(token)


def close_thread_connection() -> None:
    """Close the connection peewee opened for this thread (a worker's, before it ends)."""
    target = database.obj
    if target is not None and not target.is_closed():
        target.close()
