"""The open file as the windows see it: its store, its lock, its undo stack.

Every change the user makes is an operation of db.records; ``Session.run``
records its result on the undo stack as one ``OpCommand`` (undo and redo replay
the operation's inverse), and ``changed`` tells the views what it touched, so
that only those showing it refresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.errors import UserError
from db.reads.units import UnitInfo, unit_by_uuid
from db.records.ops import EVERYTHING, Changes, OpResult
from db.store import settings
from db.store.unit_file import Store, open_for_app

T = TypeVar("T")


class OpCommand(QUndoCommand):
    """One operation on the undo stack: its first run has already happened (in
    ``Session.run``); undo and redo run the inverse of whatever ran last."""

    def __init__(self, session: Session, text: str, result: OpResult[Any]) -> None:
        super().__init__(text)
        self.session = session
        self._undo = result.undo
        self._redo: Any = None
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:  # pushed right after the operation ran
            self._done_once = True
            return
        result = self._redo()
        self._undo = result.undo
        self.session.changed.emit(result.changes)

    def undo(self) -> None:
        result = self._undo()
        self._redo = result.undo
        self.session.changed.emit(result.changes)


class Session(QObject):
    changed = Signal(object)  # db.records.ops.Changes: what may need showing anew
    closed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.path = store.path
        store.make_default()
        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(cls, path: Path, take_over: bool = False) -> Session:
        """Lock, check and open a file; raises db.errors.UserError with a clear message.

        A file in a read-only place opens read-only (``read_only_reason`` says why);
        ``take_over`` takes a lock another computer left, when the user chose to."""
        return cls(open_for_app(path, take_over=take_over))

    @property
    def read_only_reason(self) -> UserError | None:
        """Why edits are off, or None when the file can be changed."""
        if self.store.writable:
            return None
        return self.store.read_only_reason or UserError("文件以只读方式打开", "open read-only")

    def run(self, text: str, result: OpResult[T]) -> T:
        """Record an operation that has just run as one undoable step, and tell the views.

        Call it as ``session.run(text, operation(...))``: the operation runs (and
        raises, changing nothing) before anything is recorded.  An operation that
        changed nothing leaves nothing to undo."""
        if not result.changes.empty:
            self.undo_stack.push(OpCommand(self, text, result))
            self.changed.emit(result.changes)
        return result.value

    def notify(self, changes: Changes = EVERYTHING) -> None:
        """Tell the views of a change made outside the undo stack."""
        self.changed.emit(changes)

    @property
    def is_headquarters(self) -> bool:
        return settings.is_headquarters()

    @property
    def unit(self) -> UnitInfo | None:
        """The file's own unit (None at headquarters)."""
        own = settings.get("file.unit_uuid")
        return unit_by_uuid(own) if own else None

    @property
    def title(self) -> str:
        if self.is_headquarters:
            return str(settings.get("file.hq_name") or "")
        unit = self.unit
        return unit.name if unit else ""

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
        self.closed.emit()
