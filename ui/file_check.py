"""The check of every stored value of a large file, once it shows: off the UI thread,
on a connection of its own (db.store.unit_file.check_values).  A file this large is
only checked in full at open when it was not closed cleanly (db.store.schema)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from db.store.unit_file import Store, check_values
from ui.background import BackgroundJob


class ValueCheck(BackgroundJob):
    finished = Signal(object)  # db.errors.UnitFileError naming the value, or None
    failed = Signal(str)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def run(self) -> None:
        try:
            found = check_values(self.store)
        except Exception as error:  # a message for the user, never a dead thread
            self.failed.emit(str(error))
            return
        self.finished.emit(found)
