"""The check a large file's opening left for later (db.store.unit_file.check_data):
every page and every stored value, off the UI thread, on a connection of its own,
while the file already shows.  Edits wait for it (Store.data_unchecked)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from db.store.unit_file import Store, check_data
from ui.background import BackgroundJob


class DataCheck(BackgroundJob):
    finished = Signal(object, object)  # the Store checked; db.errors.UserError or None
    failed = Signal(object, str)  # the Store; why the check itself failed

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def run(self) -> None:
        try:
            found = check_data(self.store)
        except Exception as error:  # a message for the user, never a dead thread
            self.failed.emit(self.store, str(error))
            return
        self.finished.emit(self.store, found)
