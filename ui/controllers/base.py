"""The controllers behind the main window's menus: each owns one subject (files,
transfers, projects, reports), reaches the window for its session, its views and its
messages, and keeps the state of its own background work.  The window builds the
menus and wires their actions to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog

from ui.background import BackgroundJob

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Controller(QObject):
    """A child of the window (so its slots run on the UI thread, and it dies with it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def job_progress(
        self,
        job: BackgroundJob,
        name: str,
        title: str,
        label: str,
        maximum: int,
        show_after_ms: int,
    ) -> QProgressDialog:
        """The progress dialog of a background job; its 取消 cancels the job."""
        progress = QProgressDialog(label, self.tr("取消"), 0, maximum, self.window)
        progress.setObjectName(name)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(show_after_ms)
        # Direct: the worker's own event loop is busy; cancel() only sets a
        # thread-safe flag that the job checks between its steps.
        progress.canceled.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        return progress
