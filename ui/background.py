"""Long work off the UI thread (ledger import, a batch of briefs): one QThread each,
and a thread-safe cancel flag; each job closes its thread's database connection
(db.store.connection.close_thread_connection) before it ends."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, SignalInstance


class BackgroundJob(QObject):
    """A job for its own QThread.  Subclasses define ``run()`` and the signals
    ``finished`` and ``failed``; results leave by signals only, so no widget is
    touched from the worker thread."""

    finished: SignalInstance
    failed: SignalInstance

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Safe from the UI thread: the job checks the flag between its steps."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        raise NotImplementedError

    def start(self) -> QThread:
        """Move the job to a new thread and run it there; the thread ends with the job."""
        thread = QThread()
        self.moveToThread(thread)
        thread.started.connect(self.run)
        self.finished.connect(thread.quit)
        self.failed.connect(thread.quit)
        thread.start()
        return thread
