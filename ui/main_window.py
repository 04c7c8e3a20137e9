"""The main window: the start screen when no file is open, else the workspace tabs
(概览, 项目台账, 待跟进, 签约活动) with the menus that act on the open file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.records.files import create_hq_file, create_unit_file
from db.store.faults import from_os_error
from db.store.lock import FileInUse
from db.store.unit_file import diagnose
from ui.background import BackgroundJob
from ui.i18n import either
from ui.new_file_dialog import NewFileDialog
from ui.session import Session
from ui.start_screen import StartScreen

if TYPE_CHECKING:
    from db.io.ledger.importing import ImportResult

MAX_RECENT = 8
OPENING_KEY = "opening_file"  # set while a file opens: left behind by a crash
FAILED_KEY = "failed_files"  # JSON: path → why it failed to open


def _write_error(error: UserError | OSError, out: Path) -> UserError:
    """A PDF that could not be written: a full disk or a folder the user may not write
    said as such."""
    return error if isinstance(error, UserError) else from_os_error(error, out)


def _open_error(path: Path, error: BaseException) -> UserError:
    if isinstance(error, UserError):
        return error
    if isinstance(error, OSError):
        return from_os_error(error, path, reading=True)
    what = f"{type(error).__name__}: {error}"[:300]
    return UserError(
        f"无法打开文件:{path}。程序遇到意外错误({what})。请把此文件交给技术人员检查,"
        "或使用最近的备份。",
        f"cannot open {path}: unexpected error ({what}); have the file checked or use a "
        "recent backup",
    )


class MainWindow(QMainWindow):
    """One window; one open file at a time."""

    language_change_requested = Signal(str)
    # The dialog last opened, referenced so that it is not collected while it is open.
    _dialog: QDialog

    def __init__(
        self,
        data_folder: Path,
        settings: QSettings | None = None,
        is_network_path: Callable[[Path], bool] = lambda _p: False,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.data_folder = data_folder
        self.settings = settings or QSettings()
        self.is_network_path = is_network_path
        self.session: Session | None = None
        self.value_check: object | None = None  # ui.file_check.ValueCheck of a large file
        self.value_check_thread: QThread | None = None
        # Tests turn this off so that no PDF viewer is started.
        self.open_pdfs = True
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.statusBar().addPermanentWidget(self.summary)
        self.resize(1280, 800)
        self._build()

    # -- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.menuBar().clear()
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.start_screen = StartScreen(self.recent_files(), self.failed_files())
        self.start_screen.create_unit_requested.connect(lambda: self.create_file(False))
        self.start_screen.create_hq_requested.connect(lambda: self.create_file(True))
        self.start_screen.open_requested.connect(self.choose_and_open)
        self.start_screen.demo_requested.connect(self.open_demo)
        self.start_screen.recent_chosen.connect(lambda p: self.open_file(Path(p)))
        self.stack.addWidget(self.start_screen)
        self._build_menus()
        if self.session is not None:
            self._build_workspace()
        self._update_title()
        self._update_actions()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.setObjectName("fileMenu")
        self.new_unit_action = self._action(
            self.tr("新建单位数据文件…"), lambda: self.create_file(False)
        )
        self.new_hq_action = self._action(
            self.tr("新建总部数据文件…"), lambda: self.create_file(True)
        )
        self.open_action = self._action(
            self.tr("打开…"), self.choose_and_open, QKeySequence.StandardKey.Open
        )
        self.demo_action = self._action(self.tr("打开示例数据"), self.open_demo)
        self.import_action = self._action(
            self.tr("导入台账(Excel/CSV)…"), self.import_ledger, "Ctrl+I"
        )
        self.export_action = self._action(self.tr("导出台账…"), self.export_ledger, "Ctrl+E")
        self.handover_action = self._action(self.tr("导出交接文件…"), self.export_handover)
        self.import_settings_action = self._action(
            self.tr("导入设置文件…"), self.import_settings_file
        )
        self.merge_action = self._action(self.tr("合并交接文件…"), self.merge_handovers)
        self.close_action = self._action(self.tr("关闭文件"), self.close_file, "Ctrl+W")
        self.quit_action = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        for action in (
            self.new_unit_action,
            self.new_hq_action,
            self.open_action,
            self.demo_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.handover_action)
        file_menu.addAction(self.import_settings_action)
        file_menu.addAction(self.merge_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.setObjectName("editMenu")
        self.undo_action = QAction(self.tr("撤销"), self)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("重做"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(
            self.tr("查找项目"), self.focus_search, QKeySequence.StandardKey.Find
        )
        edit_menu.addAction(self.find_action)

        project_menu = bar.addMenu(self.tr("项目(&P)"))
        project_menu.setObjectName("projectMenu")
        self.new_project_action = self._action(
            self.tr("新建项目…"), self.new_project, QKeySequence.StandardKey.New
        )
        self.edit_project_action = self._action(self.tr("编辑项目…"), self.edit_selected)
        self.stage_action = self._action(self.tr("变更阶段…"), self.change_stage, "Ctrl+G")
        self.follow_up_action = self._action(self.tr("添加走访记录…"), self.add_follow_up, "Ctrl+L")
        self.delete_action = self._action(
            self.tr("删除项目"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        for action in (
            self.new_project_action,
            self.edit_project_action,
            self.stage_action,
            self.follow_up_action,
        ):
            project_menu.addAction(action)
        project_menu.addSeparator()
        project_menu.addAction(self.delete_action)

        self.reports_menu = bar.addMenu(self.tr("报表(&R)"))
        self.reports_menu.setObjectName("reportsMenu")
        self.briefing_action = self._action(self.tr("招商工作简报…"), self.print_briefing, "Ctrl+P")
        self.project_brief_action = self._action(
            self.tr("项目简报(选中项目)…"), self.print_project_brief
        )
        self.batch_action = self._action(self.tr("打印全部项目简报…"), self.print_all_briefs)
        self.listing_action = self._action(self.tr("项目清单(当前筛选)…"), self.print_listing)
        for action in (
            self.briefing_action,
            self.project_brief_action,
            self.batch_action,
            self.listing_action,
        ):
            self.reports_menu.addAction(action)

        tools_menu = bar.addMenu(self.tr("设置(&S)"))
        tools_menu.setObjectName("settingsMenu")
        self.settings_action = self._action(self.tr("设置…"), self.open_settings, "Ctrl+,")
        tools_menu.addAction(self.settings_action)
        language_menu = tools_menu.addMenu(self.tr("语言 / Language"))
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(label, self)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _c=False, code=code: self.change_language(code))
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于招商台账"), self.about))

    def _build_workspace(self) -> None:
        from ui.dashboard import Dashboard
        from ui.follow_up_view import FollowUpView
        from ui.handover_view import HandoverView
        from ui.ledger_view import LedgerView
        from ui.signing_events import SigningEventsView

        assert self.session is not None
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.network_banner = QLabel(
            self.tr(
                "注意:此文件位于网络共享文件夹。多人同时使用或网络中断可能损坏数据,"
                "建议复制到本机后使用,再按期报送。"
            )
        )
        self.network_banner.setObjectName("networkBanner")
        self.network_banner.setWordWrap(True)
        self.network_banner.setStyleSheet(
            "background: #fff3e0; color: #e65100; padding: 6px; border: 1px solid #ffb74d;"
        )
        self.network_banner.setVisible(self.is_network_path(self.session.path))
        layout.addWidget(self.network_banner)
        reason = self.session.read_only_reason
        self.read_only_banner = QLabel(
            self.tr("只读:%1 编辑功能已关闭;如需修改,请把文件复制到可写的位置后打开。").replace(
                "%1", either(reason.zh, reason.en) if reason else ""
            )
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; padding: 6px; border: 1px solid #64b5f6;"
        )
        self.read_only_banner.setVisible(reason is not None)
        layout.addWidget(self.read_only_banner)
        self.damage_banner = QLabel()
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setStyleSheet(
            "background: #ffebee; color: #b71c1c; padding: 6px; border: 1px solid #e57373;"
        )
        self.damage_banner.setVisible(False)
        layout.addWidget(self.damage_banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        self.dashboard = Dashboard(self.session)
        self.ledger = LedgerView(self.session)
        self.follow_ups = FollowUpView(self.session)
        self.signing_events = SigningEventsView(self.session)
        self.tabs.addTab(self.dashboard, self.tr("概览"))
        self.tabs.addTab(self.ledger, self.tr("项目台账"))
        self.tabs.addTab(self.follow_ups, self.tr("待跟进"))
        self.tabs.addTab(self.signing_events, self.tr("签约活动"))
        self.handover_view: HandoverView | None = None
        if self.session.is_headquarters:
            self.handover_view = HandoverView(self.session)
            self.tabs.addTab(self.handover_view, self.tr("交接"))
        self.ledger.project_activated.connect(self.edit_project)
        self.follow_ups.project_activated.connect(self.edit_project)
        # The status bar's count and totals are the ledger's: shown with the ledger.
        self.ledger.summary_changed.connect(self._show_summary)
        self.tabs.currentChanged.connect(self._show_summary)
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.ledger.reload()

    def _show_summary(self) -> None:
        on_ledger = self.tabs.currentWidget() is self.ledger
        self.summary.setText(self.ledger.summary if on_ledger else "")

    # -- files --------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        stored = value if isinstance(value, Iterable) else []
        return [str(v) for v in stored if Path(str(v)).exists()]

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_file", str(path))

    def show_error(self, error: UserError | str) -> None:
        text = either(error.zh, error.en) if isinstance(error, UserError) else error
        QMessageBox.warning(self, self.tr("招商台账"), text)

    def _adopt(self, session: Session) -> None:
        self.close_file()
        self.session = session
        session.undo_stack.canUndoChanged.connect(lambda _ok: self._update_actions())
        session.undo_stack.canRedoChanged.connect(lambda _ok: self._update_actions())
        self._build()
        self._remember(session.path)  # only once it shows: never a file that cannot
        self._check_values_of_large_file(session)

    def _check_values_of_large_file(self, session: Session) -> None:
        """A file too large for every value to be read at open: read them now, in the
        background, and say so above the tabs when one cannot be read."""
        from db.store.unit_file import is_large
        from ui.file_check import ValueCheck

        self._end_value_check()
        if not is_large(session.store):
            return
        job = ValueCheck(session.store)
        job.finished.connect(lambda found: self._values_checked(session, found))
        self.value_check = job
        self.value_check_thread = job.start()

    def _end_value_check(self) -> None:
        """Wait for the value check of the file being closed (its own read connection:
        a few seconds at most).  The thread's quit is asked for here: the one the job's
        signal asks for waits in this thread's event queue, which is not served meanwhile."""
        thread = self.value_check_thread
        if thread is not None:
            thread.quit()
            thread.wait()
            self.value_check_thread = None
            self.value_check = None

    def _values_checked(self, session: Session, found: object) -> None:
        if session is not self.session or not isinstance(found, UserError):
            return
        self.damage_banner.setText(
            self.tr("文件中有数据无法读取,统计数字可能不准确:%1").replace(
                "%1", either(found.zh, found.en)
            )
        )
        self.damage_banner.setVisible(True)

    def open_file(self, path: Path, take_over: bool = False) -> bool:
        """Open a unit or headquarters file and show it.

        Nothing that goes wrong escapes: the user is told what and where, and a file
        that failed is not opened again by itself at the next start (the start screen
        shows it with the reason).  While it opens, the file is noted as being opened,
        so that a crash of the whole program in the middle is not repeated either."""
        self.settings.setValue(OPENING_KEY, str(path))
        self.settings.sync()
        try:
            session = Session.open(path, take_over=take_over)
        except FileInUse as error:
            self._opened(path, None)
            if error.elsewhere and not take_over and self.ask_take_over(error):
                return self.open_file(path, take_over=True)
            self._failed(path, error)
            return False
        except Exception as error:  # a message, never a traceback
            self._failed(path, _open_error(path, error))
            return False
        try:
            self._adopt(session)
        except Exception as error:
            # The file opened but cannot be shown: a value another program stored that
            # cannot be read, named by record and field when it can be found.
            found = diagnose(session.store) if not isinstance(error, UserError) else None
            self.session = None
            session.close()
            self._build()
            self.stack.setCurrentWidget(self.start_screen)
            self._failed(path, found or _open_error(path, error))
            return False
        self._opened(path, None)
        if session.store.lock is not None and session.store.lock.took_over_from is not None:
            owner = session.store.lock.took_over_from
            if take_over:
                self.statusBar().showMessage(
                    self.tr("已接管 %1(电脑 %2)留下的锁,此次接管已记录在文件中")
                    .replace("%1", owner.user)
                    .replace("%2", owner.host),
                    15000,
                )
        return True

    def ask_take_over(self, error: FileInUse) -> bool:
        """The file is locked by another computer: take the lock over only when the
        user says that computer no longer has it open (the default is not to)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("文件正在使用"))
        box.setText(either(error.zh, error.en))
        box.setInformativeText(
            self.tr(
                "只有确认那台电脑已关机或程序已退出时才接管;两台电脑同时修改同一个文件"
                "会丢失数据。接管会记录在文件中。"
            )
        )
        take = box.addButton(self.tr("接管并打开"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is take

    def failed_files(self) -> dict[str, str]:
        """Files that failed to open, each with the reason shown on the start screen."""
        raw = self.settings.value(FAILED_KEY, "")
        try:
            stored = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}

    def _opened(self, path: Path, reason: str | None) -> None:
        """The end of an attempt to open ``path``: the reason it failed, or None."""
        self.settings.remove(OPENING_KEY)
        failed = self.failed_files()
        failed.pop(str(path), None)
        if reason is not None:
            failed[str(path)] = reason
            failed = dict(list(failed.items())[-MAX_RECENT:])
            if str(self.settings.value("last_file", "")) == str(path):
                self.settings.remove("last_file")
        self.settings.setValue(FAILED_KEY, json.dumps(failed, ensure_ascii=False))
        self.settings.sync()

    def _failed(self, path: Path, error: UserError) -> None:
        self._opened(path, either(error.zh, error.en))
        if self.session is None:
            self.start_screen.show_failed(self.failed_files())
        self.show_error(error)

    def note_crash_while_opening(self) -> Path | None:
        """At start: a file whose opening the last run never finished (the program
        crashed or was killed) is marked failed, and returned."""
        opening = str(self.settings.value(OPENING_KEY, "") or "")
        if not opening:
            return None
        self._opened(
            Path(opening),
            self.tr("上次打开此文件时程序意外退出,因此没有自动打开。可以再试一次,或使用备份。"),
        )
        self.start_screen.show_failed(self.failed_files())
        return Path(opening)

    def choose_and_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开数据文件"),
            str(self.data_folder),
            self.tr("招商台账数据文件 (*.zsdb);;所有文件 (*)"),
        )
        if chosen:
            self.open_file(Path(chosen))

    def create_file(self, headquarters: bool) -> None:
        dialog = NewFileDialog(headquarters, self.data_folder, self)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        self._dialog = dialog

    def _create_from(self, dialog: NewFileDialog) -> None:
        path, name, kind, city = dialog.values()
        try:
            if dialog.headquarters:
                store = create_hq_file(path, name)
            else:
                store = create_unit_file(path, name, kind=kind, city=city)
            self._adopt(Session(store))
        except UserError as error:
            self.show_error(error)

    def open_demo(self) -> None:
        path = self.data_folder / "示例数据-招商台账.zsdb"
        if not path.exists():
            from db.io.demo import build_demo

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                build_demo(path).close()
            except UserError as error:
                self.show_error(error)
                return
            finally:
                QApplication.restoreOverrideCursor()
        if self.open_file(path):
            from db.io.demo import ARTICLE_PERIOD_END, ARTICLE_PERIOD_START

            # The example is the article's 1~7月 2023: show its figures, not this year's zeros.
            self.dashboard.show_period(ARTICLE_PERIOD_START, ARTICLE_PERIOD_END)

    def close_file(self) -> None:
        if self.session is None:
            return
        session, self.session = self.session, None
        self._end_value_check()
        session.close()
        self.summary.clear()
        self._build()
        self.stack.setCurrentWidget(self.start_screen)

    # -- handover -------------------------------------------------------------------

    def export_handover(self) -> None:
        """导出交接文件: the unit's signed snapshot, for headquarters."""
        from db.io.handover.export import export_handover

        if self.session is None:
            return
        start = str(self.settings.value("handover_folder", "") or Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存交接文件的文件夹(如U盘)"), start
        )
        if not folder:
            return
        self.settings.setValue("handover_folder", folder)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exported = export_handover(self.session.store, Path(folder))
        except UserError as error:
            QApplication.restoreOverrideCursor()
            self.show_error(error)
            return
        QApplication.restoreOverrideCursor()
        self.session.notify()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("导出交接文件"),
            self.tr(
                "已导出第 %1 次交接文件:\n%2\n\n请将此文件交给市招商中心(U盘、邮件或共享文件夹)。"
            )
            .replace("%1", str(exported.manifest.sequence))
            .replace("%2", str(exported.path)),
            parent=self,
        )
        box.setObjectName("handoverExported")
        box.open()
        self._dialog = box

    def import_settings_file(self) -> None:
        """导入设置文件: headquarters' industry labels, chains, bands and rate."""
        from db.io.settings_file import import_settings

        if self.session is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入设置文件"), str(Path.home()), self.tr("设置文件 (*.zsset)")
        )
        if not chosen:
            return
        try:
            self.session.run(self.tr("导入设置文件"), import_settings(chosen))
        except UserError as error:
            self.show_error(error)
            return
        self.statusBar().showMessage(self.tr("已导入设置文件:%1").replace("%1", chosen), 10000)

    def merge_handovers(self, files: list[Path] | None = None) -> None:
        if self.session is None or self.handover_view is None:
            return
        self.tabs.setCurrentWidget(self.handover_view)
        self._dialog = self.handover_view.merge(files)

    # -- ledger import/export -------------------------------------------------------

    def import_ledger(self) -> None:
        if self.session is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入台账"), str(Path.home()), self.tr("台账 (*.xlsx *.csv)")
        )
        if chosen:
            self.import_ledger_from(Path(chosen))

    def import_ledger_from(self, path: Path) -> None:
        """Import in the background; the progress dialog's 取消 rolls everything back."""
        from ui.import_worker import LedgerImport

        assert self.session is not None
        job = LedgerImport(path)
        self.import_progress = self._job_progress(
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
        assert self.session is not None and isinstance(result, OpResult)
        imported: ImportResult = self.session.run(self.tr("导入台账"), result)
        self.statusBar().showMessage(
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

        assert self.session is not None
        notice = imported.chains_notice(settings.priority_system().name)
        if notice is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("产业链不在重点产业链名单中"),
            either(*notice) + "\n\n" + self.tr("是否把这些产业链加入重点产业链名单?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("unknownChains")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        chains = [chain for chain, _ in imported.unknown_chains]

        def answered(button: int) -> None:
            if self.session is not None and button == QMessageBox.StandardButton.Yes:
                self.session.run(self.tr("加入重点产业链"), add_priority_chains(chains))

        box.finished.connect(answered)
        box.open()
        self._dialog = box

    def _import_failed(self, error: object) -> None:
        from db.io.ledger.importing import ImportCancelled
        from db.io.ledger.template import LedgerImportError

        self.import_progress.close()
        if isinstance(error, ImportCancelled):
            self.statusBar().showMessage(either(error.zh, error.en), 10000)
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
                parent=self,
            )
            box.setObjectName("importProblems")
            box.setDetailedText(details)
            box.open()
            self._dialog = box
            return
        assert isinstance(error, UserError)
        self.show_error(error)

    def export_ledger(self) -> None:
        if self.session is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出台账"),
            str(Path.home() / f"{self.session.title}-项目台账.xlsx"),
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
            self.show_error(error)
            return
        self.statusBar().showMessage(
            self.tr("已导出 %1 个项目到 %2").replace("%1", str(len(rows))).replace("%2", str(path)),
            10000,
        )

    # -- projects -------------------------------------------------------------------

    def _selected(self) -> list[str]:
        """The projects selected in the ledger, while the ledger is the page in view:
        Del on the overview must not delete rows the user cannot see."""
        if self.session is None or self.tabs.currentWidget() is not self.ledger:
            return []
        return self.ledger.selected_project_uuids()

    def new_project(self) -> None:
        if self.session is not None:
            self._show_form(None)

    def edit_project(self, uuid: str) -> None:
        self._show_form(uuid)

    def edit_selected(self) -> None:
        selected = self._selected()
        if selected:
            self._show_form(selected[0])

    def _show_form(self, uuid: str | None) -> None:
        from ui.project_form import ProjectForm

        assert self.session is not None
        form = ProjectForm(self.session, uuid, self)
        form.open()
        self._dialog = form

    def change_stage(self) -> None:
        from ui.stage_dialog import StageDialog

        selected = self._selected()
        if selected and self.session is not None:
            dialog = StageDialog(self.session, selected[0], self)
            dialog.open()
            self._dialog = dialog

    def add_follow_up(self) -> None:
        from ui.follow_up_dialog import FollowUpDialog

        selected = self._selected()
        if selected and self.session is not None:
            dialog = FollowUpDialog(self.session, selected[0], None, self)
            dialog.open()
            self._dialog = dialog

    def delete_selected(self) -> None:
        from db.reads.ledger_table import project_names
        from db.records.projects import delete_projects

        selected = self._selected()
        if not selected or self.session is None:
            return
        names_of = project_names(selected)
        names = "、".join(names_of[:3]) + ("等" if len(names_of) > 3 else "")
        answer = QMessageBox.question(
            self,
            self.tr("删除项目"),
            self.tr("确定删除 %1 个项目(%2)吗?删除后可用“撤销”(Ctrl+Z)恢复。")
            .replace("%1", str(len(selected)))
            .replace("%2", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a stray Enter deletes nothing
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.run(
            self.tr("删除 %1 个项目").replace("%1", str(len(selected))),
            delete_projects(selected),
        )

    # -- reports ------------------------------------------------------------------

    def _pdf_written(self, path: Path) -> None:
        from reports.fonts import pdf_font
        from ui.report_dialogs import open_document

        notice = pdf_font().notice
        message = self.tr("已生成:%1").replace("%1", str(path))
        if notice:
            message += "  " + notice
        self.statusBar().showMessage(message, 15000)
        if self.open_pdfs:
            open_document(path)

    def print_briefing(self) -> None:
        from ui.report_dialogs import BriefingDialog

        if self.session is None:
            return
        dialog = BriefingDialog(self.session, self)

        def accepted() -> None:
            if dialog.written:
                self._pdf_written(dialog.written)

        dialog.accepted.connect(accepted)
        dialog.open()
        self._dialog = dialog

    def print_project_brief(self) -> None:
        selected = self._selected()
        if not selected or self.session is None:
            self.statusBar().showMessage(self.tr("请先在项目台账中选择一个项目"), 5000)
            return
        from db.reads.project_brief import find_project, project_brief_data
        from ui.report_worker import safe_file_name

        data = project_brief_data(find_project(selected[0]))
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存项目简报"),
            str(self.session.path.parent / f"{safe_file_name(data.name)}-项目简报.pdf"),
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
            self.show_error(_write_error(error, out))
            return
        self._pdf_written(out)

    def print_all_briefs(self) -> None:
        """Every project brief of one unit (at headquarters the user picks the unit)."""
        from PySide6.QtWidgets import QInputDialog

        from db.reads.project_brief import project_uuids
        from db.reads.units import live_units

        if self.session is None:
            return
        unit_id: int | None = None
        if self.session.is_headquarters:
            units = live_units()
            everyone = self.tr("全部单位")
            names = [everyone] + [u.name for u in units]
            chosen, ok = QInputDialog.getItem(
                self, self.tr("打印全部项目简报"), self.tr("单位"), names, 0, False
            )
            if not ok:
                return
            unit_id = next((u.id for u in units if u.name == chosen), None)
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存项目简报的文件夹"), str(self.session.path.parent)
        )
        if folder:
            self.start_brief_batch(Path(folder), project_uuids(unit_id))

    def _job_progress(
        self,
        job: BackgroundJob,
        name: str,
        title: str,
        label: str,
        maximum: int,
        show_after_ms: int,
    ) -> QProgressDialog:
        """The progress dialog of a background job; its 取消 cancels the job."""
        progress = QProgressDialog(label, self.tr("取消"), 0, maximum, self)
        progress.setObjectName(name)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(show_after_ms)
        # Direct: the worker's own event loop is busy; cancel() only sets a
        # thread-safe flag that the job checks between its steps.
        progress.canceled.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        return progress

    def start_brief_batch(self, folder: Path, uuids: list[str] | None = None) -> None:
        """Print every project's brief in the background, with progress and cancel."""
        from db.reads.project_brief import project_uuids
        from ui.report_worker import BriefBatch

        assert self.session is not None
        uuids = uuids if uuids is not None else project_uuids()
        batch = BriefBatch(uuids, folder)
        self.batch_progress = self._job_progress(
            batch,
            "batchProgress",
            self.tr("打印全部项目简报"),
            self.tr("正在生成项目简报…"),
            max(len(uuids), 1),
            0,
        )
        # Bound methods of this window (not lambdas): Qt then queues each signal
        # to the UI thread, so no widget is touched from the worker.
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
        self.statusBar().showMessage(
            self.tr("已生成 %1 份项目简报,保存在 %2")
            .replace("%1", str(written))
            .replace("%2", folder),
            15000,
        )

    def _batch_failed(self, message: str) -> None:
        self.batch_progress.close()
        self.show_error(message)

    def print_listing(self) -> None:
        if self.session is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存项目清单"),
            str(self.session.path.parent / "项目清单.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if chosen:
            self.write_listing(Path(chosen))

    def write_listing(self, out: Path) -> None:
        from db.reads.listing import listing_data
        from reports.listing import build_listing

        try:
            build_listing(listing_data(self.ledger.current_filter()), out)
        except (UserError, OSError) as error:
            self.show_error(_write_error(error, out))
            return
        self._pdf_written(out)

    # -- editing, settings, language ------------------------------------------------

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def focus_search(self) -> None:
        if self.session is not None:
            self.tabs.setCurrentWidget(self.ledger)
            self.ledger.focus_search()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        if self.session is None:
            return
        dialog = SettingsDialog(self.session, self)
        dialog.language_changed.connect(self.change_language)
        dialog.open()
        self._dialog = dialog

    def change_language(self, language: str) -> None:
        self.settings.setValue("language", language)
        self.language_change_requested.emit(language)

    def retranslate(self) -> None:
        """Rebuild every widget so that the newly installed translator applies."""
        self._build()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于招商台账"),
            self.tr(
                "招商台账:离线记录招商线索与项目,按统计口径生成简报,"
                "各单位报送数据文件,由市招商中心汇总。"
            ),
        )

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(self.tr("招商台账"))
            return
        self.setWindowTitle(
            self.tr("招商台账 — %1 — %2")
            .replace("%1", self.session.title)
            .replace("%2", str(self.session.path))
        )

    def _update_actions(self) -> None:
        has_file = self.session is not None
        for action in (
            self.import_action,
            self.export_action,
            self.close_action,
            self.new_project_action,
            self.edit_project_action,
            self.stage_action,
            self.follow_up_action,
            self.delete_action,
            self.settings_action,
            self.find_action,
            self.briefing_action,
            self.project_brief_action,
            self.batch_action,
            self.listing_action,
        ):
            action.setEnabled(has_file)
        # A file in a read-only place can be looked at and printed, not changed.
        writable = has_file and self.session is not None and self.session.read_only_reason is None
        for action in (
            self.import_action,
            self.new_project_action,
            self.stage_action,
            self.follow_up_action,
            self.delete_action,
            self.settings_action,
        ):
            action.setEnabled(writable)
        headquarters = has_file and self.session is not None and self.session.is_headquarters
        self.handover_action.setEnabled(writable and not headquarters)
        self.import_settings_action.setEnabled(writable and not headquarters)
        self.merge_action.setEnabled(writable and headquarters)
        stack = self.session.undo_stack if self.session else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        if stack is not None:
            self.undo_action.setText(self.tr("撤销 %1").replace("%1", stack.undoText()).strip())
            self.redo_action.setText(self.tr("重做 %1").replace("%1", stack.redoText()).strip())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end_value_check()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
