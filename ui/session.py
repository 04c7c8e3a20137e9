"""The open file as the windows see it: its database, its lock, its undo stack.

Every change the user makes goes through ``Session.push`` as an undoable
command; after each one ``changed`` tells the views to refresh.
"""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import settings
from db.file_lock import FileLock
from db.models import Unit
from db.unit_file import close_unit_file, open_unit_file


class Session(QObject):
    changed = Signal()  # any record may have changed: views reload
    closed = Signal()

    def __init__(self, path: Path, db: SqliteDatabase, lock: FileLock | None) -> None:
        super().__init__()
        self.path = path
        self.db = db
        self.lock = lock
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _index: self.changed.emit())

    @classmethod
    def open(cls, path: Path) -> Session:
        """Lock, check and open a file; raises db.errors.UserError with a clear message."""
        path = Path(path)
        lock = FileLock(path)
        lock.acquire()
        try:
            db = open_unit_file(path)
        except BaseException:
            lock.release()
            raise
        return cls(path, db, lock)

    @classmethod
    def adopt(cls, path: Path, db: SqliteDatabase) -> Session:
        """A session over a file just created and opened by the caller."""
        lock = FileLock(Path(path))
        lock.acquire()
        return cls(Path(path), db, lock)

    def push(self, command: QUndoCommand) -> None:
        """Run an undoable change (its redo() writes) and record it for Ctrl+Z."""
        self.undo_stack.push(command)

    def notify(self) -> None:
        self.changed.emit()

    @property
    def is_headquarters(self) -> bool:
        return settings.is_headquarters()

    @property
    def unit(self) -> Unit | None:
        """The file's own unit (None at headquarters)."""
        return settings.own_unit()

    @property
    def title(self) -> str:
        if self.is_headquarters:
            return str(settings.get("file.hq_name") or "")
        unit = self.unit
        return unit.name if unit else ""

    def close(self) -> None:
        self.undo_stack.clear()
        close_unit_file(self.db)
        if self.lock is not None:
            self.lock.release()
        self.closed.emit()
