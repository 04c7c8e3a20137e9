"""Long work off the UI thread (ledger import, a batch of briefs): one QThread each,
and a thread-safe cancel flag; each job closes its thread's database connection
(db.store.connection.close_thread_connection) before it ends."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


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


class AfterPaint(QObject):
    """Runs what is waiting once ``widget`` has painted (after the paint, not in it), or
    ``fallback_ms`` after it was asked, whichever comes first; at once when the
    widget is hidden (it paints nothing).  Each action runs once."""

    def __init__(self, widget: QWidget, fallback_ms: int = 50) -> None:
        super().__init__(widget)
        self._widget = widget
        self._fallback_ms = fallback_ms
        # Each waiting action in a list of its own, emptied when it runs.
        self._waiting: list[list[Callable[[], None]]] = []
        widget.installEventFilter(self)

    def then(self, action: Callable[[], None]) -> None:
        if not self._widget.isVisible():
            action()
            return
        pending = [action]
        self._waiting.append(pending)
        QTimer.singleShot(self._fallback_ms, self, lambda: self._fall_back(pending))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting and event.type() == QEvent.Type.Paint:
            waiting, self._waiting = self._waiting, []
            QTimer.singleShot(0, self, lambda: self._run(waiting))
        return False

    def _fall_back(self, pending: list[Callable[[], None]]) -> None:
        """No paint came in time: run the action (if a paint has not) and forget it."""
        self._waiting = [other for other in self._waiting if other is not pending]
        self._run([pending])

    @staticmethod
    def _run(waiting: list[list[Callable[[], None]]]) -> None:
        for pending in waiting:
            if pending:
                pending.pop()()
