"""Importing a ledger off the UI thread, with progress and cancel (cancel rolls back)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal

from db.errors import UserError
from db.store.connection import close_thread_connection
from ui.background import BackgroundJob


class LedgerImport(BackgroundJob):
    """Reads and imports one ledger file in its own thread and connection.

    The import is one transaction: a problem or a cancel leaves the file as it was.
    Results leave by signals only; no widget is touched from here.
    """

    # Rows written, rows in all: (0, n) while the rows are checked, then a chunk of
    # rows at a time as they are written (db.io.ledger.importing.import_rows).
    progress = Signal(int, int)
    finished = Signal(object)  # db.records.ops.OpResult of db.io.ledger.importing.ImportResult
    failed = Signal(object)  # db.errors.UserError (LedgerImportError lists every problem)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _step(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        from db.io.ledger.importing import import_ledger

        try:
            result = import_ledger(self.path, self._step)
        except UserError as error:
            self.failed.emit(error)
            return
        except Exception as error:  # one message for the user, never a dead thread
            self.failed.emit(
                UserError(
                    f"导入时发生意外错误,未导入任何数据:{error}",
                    f"unexpected error, nothing was imported: {error}",
                )
            )
            return
        finally:
            close_thread_connection()
        self.finished.emit(result)
