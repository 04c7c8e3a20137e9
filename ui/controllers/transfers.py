"""What crosses the file's border from the 文件 menu: the ledger spreadsheet in and
out, the handover file for headquarters, the settings file and the merge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
)

from db.errors import UserError
from ui.controllers.base import Controller
from ui.i18n import either

if TYPE_CHECKING:
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QProgressDialog

    from db.io.ledger.importing import ImportResult
    from ui.import_worker import LedgerImport


class TransferController(Controller):
    """导入台账, 导出台账, 导出交接文件, 导入设置文件, 合并交接文件."""

    import_job: LedgerImport
    import_thread: QThread
    import_progress: QProgressDialog

    def export_handover(self) -> None:
        """导出交接文件: the unit's signed snapshot, for headquarters."""
        from db.io.handover.export import export_handover

        if self.window.session is None:
            return
        start = str(self.window.settings.value("handover_folder", "") or Path.home())
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("选择保存交接文件的文件夹(如U盘)"), start
        )
        if not folder:
            return
        self.window.settings.setValue("handover_folder", folder)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exported = export_handover(self.window.session.store, Path(folder))
        except UserError as error:
            QApplication.restoreOverrideCursor()
            self.window.show_error(error)
            return
        QApplication.restoreOverrideCursor()
        self.window.session.notify()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("导出交接文件"),
            self.tr(
                "已导出第 %1 次交接文件:\n%2\n\n请将此文件交给市招商中心(U盘、邮件或共享文件夹)。"
            )
            .replace("%1", str(exported.manifest.sequence))
            .replace("%2", str(exported.path)),
            parent=self.window,
        )
        box.setObjectName("handoverExported")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.window._dialog = box

    def import_settings_file(self) -> None:
        """导入设置文件: headquarters' industry labels, chains, bands and rate."""
        from db.io.settings_file import import_settings

        if self.window.session is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("导入设置文件"), str(Path.home()), self.tr("设置文件 (*.zsset)")
        )
        if not chosen:
            return
        try:
            self.window.session.run(self.tr("导入设置文件"), import_settings(chosen))
        except UserError as error:
            self.window.show_error(error)
            return
        self.window.statusBar().showMessage(
            self.tr("已导入设置文件:%1").replace("%1", chosen), 10000
        )

    def merge_handovers(self, files: list[Path] | None = None) -> None:
        if self.window.session is None or self.window.handover_view is None:
            return
        self.window.tabs.setCurrentWidget(self.window.handover_view)
        self.window._dialog = self.window.handover_view.merge(files)

    def import_ledger(self) -> None:
        if self.window.session is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("导入台账"), str(Path.home()), self.tr("台账 (*.xlsx *.csv)")
        )
        if chosen:
            self.import_ledger_from(Path(chosen))

    def import_ledger_from(self, path: Path) -> None:
        """Import in the background; the progress dialog's 取消 rolls everything back."""
        from ui.import_worker import LedgerImport

        assert self.window.session is not None
        job = LedgerImport(path)
        self.import_progress = self.job_progress(
            job, "importProgress", self.tr("导入台账"), self.tr("正在导入台账…"), 0, 300
        )
        job.progress.connect(self._import_step)
        job.finished.connect(self._import_done)
        job.failed.connect(self._import_failed)
        self.import_job = job
        self.import_thread = job.start()

    def _import_step(self, done: int, total: int) -> None:
        self.import_progress.setMaximum(total)
        self.import_progress.setValue(done)

    def _import_done(self, result: object) -> None:
        from db.records.ops import OpResult

        self.import_progress.close()
        assert self.window.session is not None and isinstance(result, OpResult)
        imported: ImportResult = self.window.session.run(self.tr("导入台账"), result)
        self.window.statusBar().showMessage(
            self.tr("已导入台账:新建项目 %1 个,更新项目 %2 个")
            .replace("%1", str(imported.created))
            .replace("%2", str(imported.updated)),
            10000,
        )
        self._offer_unknown_chains(imported)

    def _offer_unknown_chains(self, imported: ImportResult) -> None:
        """Chains the ledger names outside the priority list: say so, offer to add them."""
        from db.records.settings import add_priority_chains
        from db.store import settings

        assert self.window.session is not None
        notice = imported.chains_notice(settings.priority_system().name)
        if notice is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("产业链不在重点产业链名单中"),
            either(*notice) + "\n\n" + self.tr("是否把这些产业链加入重点产业链名单?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("unknownChains")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        chains = [chain for chain, _ in imported.unknown_chains]

        def answered(button: int) -> None:
            if self.window.session is not None and button == QMessageBox.StandardButton.Yes:
                self.window.session.run(self.tr("加入重点产业链"), add_priority_chains(chains))

        box.finished.connect(answered)
        box.open()
        self.window._dialog = box

    def _import_failed(self, error: object) -> None:
        from db.io.ledger.importing import ImportCancelled
        from db.io.ledger.template import LedgerImportError

        self.import_progress.close()
        if isinstance(error, ImportCancelled):
            self.window.statusBar().showMessage(either(error.zh, error.en), 10000)
            return
        if isinstance(error, LedgerImportError):
            details = "\n".join(str(p) for p in error.problems[:30])
            more = len(error.problems) - 30
            if more > 0:
                details += "\n" + self.tr("……另有 %1 处问题").replace("%1", str(more))
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("台账未导入"),
                either(error.zh, error.en),
                parent=self.window,
            )
            box.setObjectName("importProblems")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setDetailedText(details)
            box.open()
            self.window._dialog = box
            return
        assert isinstance(error, UserError)
        self.window.show_error(error)

    def export_ledger(self) -> None:
        if self.window.session is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("导出台账"),
            str(self.window.reports.output_folder() / f"{self.window.session.title}-项目台账.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"),
        )
        if chosen:
            self.export_ledger_to(Path(chosen))

    def export_ledger_to(self, path: Path) -> None:
        from db.io.ledger.export import export_ledger, ledger_rows

        try:
            rows = ledger_rows()
            export_ledger(rows, path)
        except UserError as error:
            self.window.show_error(error)
            return
        message = (
            self.tr("已导出 %1 个项目到 %2").replace("%1", str(len(rows))).replace("%2", str(path))
        )
        self.window.statusBar().showMessage(message, 10000)
        self.window.reports.written(path)
