"""Printing many project briefs off the UI thread, with progress and cancel."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal

from db.store.connection import close_thread_connection
from ui.background import BackgroundJob


def safe_file_name(name: str) -> str:
    """A project name usable as a file name on Windows and Linux."""
    cleaned = re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", name).strip(" .")
    return cleaned[:80] or "项目"


class BriefBatch(BackgroundJob):
    """Writes one 项目简报 PDF per project into a folder.

    Runs in its own QThread; peewee gives that thread its own connection to the
    file, and no widget is touched from here: progress goes out by signals.
    """

    progress = Signal(int, int, str)  # done, total, project name
    finished = Signal(int, str)  # written, folder
    failed = Signal(str)

    def __init__(self, project_uuids: list[str], folder: Path) -> None:
        super().__init__()
        self.project_uuids = project_uuids
        self.folder = folder

    def run(self) -> None:
        from db.errors import UserError
        from db.reads.project_brief import find_project, project_brief_data
        from db.store.faults import from_os_error
        from reports.project_brief import build_project_brief
        from ui.i18n import either

        written = 0
        total = len(self.project_uuids)
        try:
            for index, uuid in enumerate(self.project_uuids, start=1):
                if self.cancelled:
                    break
                data = project_brief_data(find_project(uuid))
                target = self.folder / f"{safe_file_name(data.name)}-项目简报.pdf"
                if target.exists():
                    target = self.folder / f"{safe_file_name(data.name)}-{uuid[:8]}-项目简报.pdf"
                build_project_brief(data, target)
                written += 1
                self.progress.emit(index, total, data.name)
        except UserError as error:
            self.failed.emit(either(error.zh, error.en))
            return
        except OSError as error:
            fault = from_os_error(error, self.folder)
            self.failed.emit(either(fault.zh, fault.en))
            return
        finally:
            close_thread_connection()
        self.finished.emit(written, str(self.folder))
