"""Merging handover files off the UI thread, one file after another, with progress.

Each file is checked and merged in its own transaction on the worker thread's
own connection (db.io.handover.merge); a refused file is one outcome among the
others, never an exception.  Results leave by signals only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal

from db.errors import UserError
from db.io.handover.merge import HandoverBatch, MergeOutcome, with_next
from db.store.connection import close_thread_connection
from db.store.unit_file import Store
from ui.background import BackgroundJob


class MergeJob(BackgroundJob):
    progress = Signal(int, int, str)  # files done, files in all, the file being merged
    finished = Signal(object)  # list[MergeOutcome]
    failed = Signal(object)  # db.errors.UserError

    def __init__(self, store: Store, paths: list[Path]) -> None:
        super().__init__()
        self.store = store
        self.paths = paths

    def run(self) -> None:
        outcomes: list[MergeOutcome] = []
        batch: HandoverBatch | None = None
        try:
            batch = HandoverBatch(self.store)
            for index, (path, following) in enumerate(with_next(self.paths)):
                if self.cancelled:
                    break
                self.progress.emit(index, len(self.paths), path.name)
                batch.merge(path, following)  # the next file is checked meanwhile
            outcomes = batch.finish()
            self.progress.emit(len(outcomes), len(self.paths), "")
        except UserError as error:
            self.failed.emit(error)
            return
        except Exception as error:  # one message for the user, never a dead thread
            self.failed.emit(
                UserError(
                    f"合并时发生意外错误,当前文件未合并:{error}",
                    f"unexpected error; the current file was not merged: {error}",
                )
            )
            return
        finally:
            if batch is not None:
                batch.close()  # a check started for a file not merged (cancelled, failed)
            with self.store.bound():
                close_thread_connection()
        self.finished.emit(outcomes)
