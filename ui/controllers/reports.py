"""报表 menu: the briefing, project briefs (one or all, in the background), the
listing, and where their PDFs go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
)

from db.errors import UserError
from db.store.faults import from_os_error
from ui.controllers.base import Controller
from ui.output import OutputNotice, output_folder, remember_output_folder
from ui.report_worker import BriefBatch

if TYPE_CHECKING:
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QProgressDialog


def _write_error(error: UserError | OSError, out: Path) -> UserError:
    """A PDF that could not be written: a full disk or a folder the user may not write
    said as such."""
    return error if isinstance(error, UserError) else from_os_error(error, out)


class ReportController(Controller):
    """Every PDF is offered in the output folder and announced with 打开 and
    打开所在文件夹 once written."""

    output_notice: OutputNotice | None = None
    batch: BriefBatch
    batch_thread: QThread
    batch_progress: QProgressDialog

    def output_folder(self) -> Path:
        """Where the next PDF or export is offered: 文档/招商台账, or the last folder chosen."""
        return output_folder(self.window.settings)

    def choose_output_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("选择报表和导出文件的保存位置"), str(self.output_folder())
        )
        if folder:
            remember_output_folder(self.window.settings, Path(folder))
            self.window.statusBar().showMessage(
                self.tr("报表和导出文件将保存在:%1").replace("%1", folder), 10000
            )

    def written(self, path: Path, extra: str = "", is_folder: bool = False) -> None:
        """A file (or a folder of them) was written: remember its folder, and say where
        it is with 打开 and 打开所在文件夹."""
        remember_output_folder(self.window.settings, path if is_folder else path.parent)
        if not is_folder:
            message = self.tr("已生成:%1").replace("%1", str(path))
            self.window.statusBar().showMessage(message + ("  " + extra if extra else ""), 15000)
        notice = OutputNotice(path, self.window, self.window.open_url, extra, is_folder)
        notice.open()
        self.output_notice = notice

    def pdf_written(self, path: Path) -> None:
        from reports.fonts import pdf_font

        self.written(path, pdf_font().notice or "")

    def print_briefing(self) -> None:
        from ui.report_dialogs import BriefingDialog

        if self.window.session is None:
            return
        # The period the overview shows (the article's 2023 for the example data).
        dialog = BriefingDialog(
            self.window.session,
            self.window,
            period=self.window.dashboard.period(),
            folder=self.output_folder(),
        )

        def accepted() -> None:
            if dialog.written:
                self.pdf_written(dialog.written)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.window._dialog = dialog

    def print_project_brief(self) -> None:
        selected = self.window.projects.selected()
        if not selected or self.window.session is None:
            self.window.statusBar().showMessage(self.tr("请先在项目台账中选择一个项目"), 5000)
            return
        from db.reads.project_brief import find_project, project_brief_data
        from ui.report_worker import safe_file_name

        data = project_brief_data(find_project(selected[0]))
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("保存项目简报"),
            str(self.output_folder() / f"{safe_file_name(data.name)}-项目简报.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if chosen:
            self.write_project_brief(selected[0], Path(chosen))

    def write_project_brief(self, uuid: str, out: Path) -> None:
        from db.reads.project_brief import find_project, project_brief_data
        from reports.project_brief import build_project_brief

        try:
            build_project_brief(project_brief_data(find_project(uuid)), out)
        except (UserError, OSError) as error:
            self.window.show_error(_write_error(error, out))
            return
        self.pdf_written(out)

    def print_all_briefs(self) -> None:
        """Every project brief of one unit (at headquarters the user picks the unit)."""
        from PySide6.QtWidgets import QInputDialog

        from db.reads.project_brief import project_uuids
        from db.reads.units import live_units

        if self.window.session is None:
            return
        unit_id: int | None = None
        if self.window.session.is_headquarters:
            units = live_units()
            everyone = self.tr("全部单位")
            names = [everyone] + [u.name for u in units]
            chosen, ok = QInputDialog.getItem(
                self.window, self.tr("打印全部项目简报"), self.tr("单位"), names, 0, False
            )
            if not ok:
                return
            unit_id = next((u.id for u in units if u.name == chosen), None)
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("选择保存项目简报的文件夹"), str(self.output_folder())
        )
        if folder:
            self.start_brief_batch(Path(folder), project_uuids(unit_id))

    def start_brief_batch(self, folder: Path, uuids: list[str] | None = None) -> None:
        """Print every project's brief in the background, with progress and cancel."""
        from db.reads.project_brief import project_uuids

        assert self.window.session is not None
        uuids = uuids if uuids is not None else project_uuids()
        batch = BriefBatch(uuids, folder)
        self.batch_progress = self.job_progress(
            batch,
            "batchProgress",
            self.tr("打印全部项目简报"),
            self.tr("正在生成项目简报…"),
            max(len(uuids), 1),
            0,
        )
        # Bound methods of this controller, a child of the window (not lambdas): Qt
        # then queues each signal to the UI thread, so no widget is touched from the worker.
        batch.progress.connect(self._batch_step)
        batch.finished.connect(self._batch_done)
        batch.failed.connect(self._batch_failed)
        self.batch = batch
        self.batch_thread = batch.start()

    def _batch_step(self, done: int, total: int, name: str) -> None:
        self.batch_progress.setValue(done)
        self.batch_progress.setLabelText(
            self.tr("正在生成项目简报(%1/%2):%3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", name)
        )

    def _batch_done(self, written: int, folder: str) -> None:
        self.batch_progress.close()
        message = (
            self.tr("已生成 %1 份项目简报,保存在 %2")
            .replace("%1", str(written))
            .replace("%2", folder)
        )
        self.window.statusBar().showMessage(message, 15000)
        self.written(Path(folder), message, is_folder=True)

    def _batch_failed(self, message: str) -> None:
        self.batch_progress.close()
        self.window.show_error(message)

    def print_listing(self) -> None:
        if self.window.session is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("保存项目清单"),
            str(self.output_folder() / "项目清单.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if chosen:
            self.write_listing(Path(chosen))

    def write_listing(self, out: Path) -> None:
        from db.reads.listing import listing_data
        from reports.listing import build_listing

        try:
            build_listing(listing_data(self.window.ledger.current_filter()), out)
        except (UserError, OSError) as error:
            self.window.show_error(_write_error(error, out))
            return
        self.pdf_written(out)
