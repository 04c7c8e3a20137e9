"""The main window: the start screen when no file is open, else the workspace tabs
(概览, 项目台账, 待跟进, 签约活动) with the menus that act on the open file.

The window builds the widgets and the menus; what the menus do is in its
controllers (ui/controllers/): ``files`` (open, create, close, recent files, what
each file showed), ``transfers`` (ledger import/export, handover, settings file),
``projects`` (the form, stages, follow-ups, deletion) and ``reports`` (the PDFs and
where they go)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QThread, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.store.lock import FileInUse
from db.store.schema import prepare_expected_schema
from ui.background import BackgroundJob
from ui.controllers.files import FileController
from ui.controllers.projects import ProjectController
from ui.controllers.reports import ReportController
from ui.controllers.transfers import TransferController
from ui.i18n import either
from ui.lazy_page import LazyPage, WorkspaceTabs
from ui.output import (
    OutputNotice,
    UrlOpener,
    desktop_opener,
)
from ui.session import Session
from ui.start_screen import StartScreen

if TYPE_CHECKING:
    from ui.dashboard import Dashboard
    from ui.follow_up_view import FollowUpView
    from ui.handover_view import HandoverView
    from ui.signing_events import SigningEventsView


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
        # What opening a file checks it against: kept from an earlier start, or built
        # while the window is.
        prepare_expected_schema(data_folder / "cache")
        self.setObjectName("mainWindow")
        self.data_folder = data_folder
        self.settings = settings or QSettings()
        self.is_network_path = is_network_path
        self.session: Session | None = None
        self._handover_page: LazyPage | None = None  # the 交接 tab of a headquarters file
        # Shows a written file or its folder (tests record what would open instead).
        self.open_url: UrlOpener = desktop_opener
        self.files = FileController(self)
        self.transfers = TransferController(self)
        self.projects = ProjectController(self)
        self.reports = ReportController(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.statusBar().addPermanentWidget(self.summary)
        self.resize(1280, 800)
        self.rebuild(menus=True)

    # -- building -----------------------------------------------------------------

    def rebuild(self, menus: bool = False) -> None:
        """The start screen and, with a file open, the workspace, built anew; with
        ``menus`` the menus too (in the language now installed): opening or closing a
        file changes only which of their actions are enabled."""
        if menus:
            self.menuBar().clear()
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.start_screen = StartScreen(self.files.recent_files(), self.files.failed_files())
        self.start_screen.create_unit_requested.connect(lambda: self.files.create_file(False))
        self.start_screen.create_hq_requested.connect(lambda: self.files.create_file(True))
        self.start_screen.open_requested.connect(self.files.choose_and_open)
        self.start_screen.demo_requested.connect(self.files.open_demo)
        self.start_screen.recent_chosen.connect(lambda p: self.files.open_file(Path(p)))
        self.stack.addWidget(self.start_screen)
        if self.session is not None:
            self._build_workspace()
        if menus:
            self._build_menus()
        self._update_title()
        self.update_actions()

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
            self.tr("新建单位数据文件…"), lambda: self.files.create_file(False)
        )
        self.new_hq_action = self._action(
            self.tr("新建总部数据文件…"), lambda: self.files.create_file(True)
        )
        self.open_action = self._action(
            self.tr("打开…"), self.files.choose_and_open, QKeySequence.StandardKey.Open
        )
        self.demo_action = self._action(self.tr("打开示例数据"), self.files.open_demo)
        self.import_action = self._action(
            self.tr("导入台账(Excel/CSV)…"), self.transfers.import_ledger, "Ctrl+I"
        )
        self.export_action = self._action(
            self.tr("导出台账…"), self.transfers.export_ledger, "Ctrl+E"
        )
        self.handover_action = self._action(
            self.tr("导出交接文件…"), self.transfers.export_handover
        )
        self.import_settings_action = self._action(
            self.tr("导入设置文件…"), self.transfers.import_settings_file
        )
        self.merge_action = self._action(self.tr("合并交接文件…"), self.transfers.merge_handovers)
        self.close_action = self._action(self.tr("关闭文件"), self.files.close_file, "Ctrl+W")
        self.quit_action = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        for action in (
            self.new_unit_action,
            self.new_hq_action,
            self.open_action,
        ):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.files.fill_recent_menu)
        self.files.fill_recent_menu()
        file_menu.addAction(self.demo_action)
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
            self.tr("新建项目…"), self.projects.new_project, QKeySequence.StandardKey.New
        )
        self.edit_project_action = self._action(self.tr("编辑项目…"), self.projects.edit_selected)
        self.stage_action = self._action(self.tr("变更阶段…"), self.projects.change_stage, "Ctrl+G")
        self.follow_up_action = self._action(
            self.tr("添加走访记录…"), self.projects.add_follow_up, "Ctrl+L"
        )
        self.delete_action = self._action(
            self.tr("删除项目"), self.projects.delete_selected, QKeySequence.StandardKey.Delete
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
        self.briefing_action = self._action(
            self.tr("招商工作简报…"), self.reports.print_briefing, "Ctrl+P"
        )
        self.project_brief_action = self._action(
            self.tr("项目简报(选中项目)…"), self.reports.print_project_brief
        )
        self.batch_action = self._action(
            self.tr("打印全部项目简报…"), self.reports.print_all_briefs
        )
        self.listing_action = self._action(
            self.tr("项目清单(当前筛选)…"), self.reports.print_listing
        )
        for action in (
            self.briefing_action,
            self.project_brief_action,
            self.batch_action,
            self.listing_action,
        ):
            self.reports_menu.addAction(action)
        self.reports_menu.addSeparator()
        self.reports_menu.addAction(self._action(self.tr("疑似重复项目…"), self._show_lookalikes))

        tools_menu = bar.addMenu(self.tr("设置(&S)"))
        tools_menu.setObjectName("settingsMenu")
        self.settings_action = self._action(self.tr("设置…"), self.open_settings, "Ctrl+,")
        tools_menu.addAction(self.settings_action)
        self.output_folder_action = self._action(
            self.tr("报表保存位置…"), self.reports.choose_output_folder
        )
        self.output_folder_action.setObjectName("outputFolderAction")
        tools_menu.addAction(self.output_folder_action)
        language_menu = tools_menu.addMenu(self.tr("语言 / Language"))
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(label, self)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _c=False, code=code: self.change_language(code))
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于招商台账"), self.about))

    @staticmethod
    def load_ledger() -> None:
        """Import the ledger's module, the first a file is shown in (as a file is
        opened, while what it is checked against may still be built in the background;
        the other views' modules are imported while a large ledger is read)."""
        import ui.ledger_view  # noqa: F401

    def _build_workspace(self) -> None:
        from ui.ledger_view import LedgerView

        assert self.session is not None
        # The ledger first, with the filters and sort the file was left with: a large
        # one is read off the UI thread while the rest of the window is built.
        self.ledger = LedgerView(self.session, state=self.files.saved_ledger_state())

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
        self.tabs = WorkspaceTabs()
        self.tabs.setObjectName("workspaceTabs")
        # The other views are built when first shown or asked for (ui.lazy_page): the
        # file's first paint waits only for the ledger.
        self.dashboard_page = LazyPage(self._build_dashboard)
        self._follow_ups_page = LazyPage(self._build_follow_ups)
        self._signing_events_page = LazyPage(self._build_signing_events)
        self.tabs.addTab(self.dashboard_page, self.tr("概览"))
        self.tabs.addTab(self.ledger, self.tr("项目台账"))
        self.tabs.addTab(self._follow_ups_page, self.tr("待跟进"))
        self.tabs.addTab(self._signing_events_page, self.tr("签约活动"))
        self._handover_page = None
        if self.session.is_headquarters:
            self._handover_page = LazyPage(self._build_handover_view)
            self.tabs.addTab(self._handover_page, self.tr("交接"))
        self.ledger.project_activated.connect(self.projects.edit_project)
        # The status bar's count and totals are the ledger's: shown with the ledger.
        self.ledger.summary_changed.connect(self._show_summary)
        self.tabs.currentChanged.connect(self._show_summary)
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._show_summary()

    def _build_dashboard(self) -> QWidget:
        from ui.dashboard import Dashboard

        assert self.session is not None
        return Dashboard(self.session)

    def _build_follow_ups(self) -> QWidget:
        from ui.follow_up_view import FollowUpView

        assert self.session is not None
        view = FollowUpView(self.session)
        view.project_activated.connect(self.projects.edit_project)
        return view

    def _build_signing_events(self) -> QWidget:
        from ui.signing_events import SigningEventsView

        assert self.session is not None
        return SigningEventsView(self.session)

    def _build_handover_view(self) -> QWidget:
        from ui.handover_view import HandoverView

        assert self.session is not None
        return HandoverView(self.session)

    @property
    def dashboard(self) -> Dashboard:
        """The overview (built now if it was not yet)."""
        return cast("Dashboard", self.dashboard_page.view())

    @property
    def follow_ups(self) -> FollowUpView:
        return cast("FollowUpView", self._follow_ups_page.view())

    @property
    def signing_events(self) -> SigningEventsView:
        return cast("SigningEventsView", self._signing_events_page.view())

    @property
    def handover_view(self) -> HandoverView | None:
        """The 交接 view of a headquarters file; None for a unit's file."""
        page = self._handover_page
        return cast("HandoverView", page.view()) if page is not None else None

    def _show_lookalikes(self) -> None:
        from ui.lookalike_report import show_lookalike_report  # rapidfuzz: when asked for

        show_lookalike_report(self)

    def _show_summary(self) -> None:
        on_ledger = self.tabs.current_page() is self.ledger
        self.summary.setText(self.ledger.summary if on_ledger else "")

    def show_error(self, error: UserError | str) -> None:
        text = either(error.zh, error.en) if isinstance(error, UserError) else error
        QMessageBox.warning(self, self.tr("招商台账"), text)

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
        """Rebuild every widget so that the newly installed translator applies; the
        tab, the period and the filters stay as they were."""
        state = self.files.view() if self.session is not None else None
        self.files.save_view()  # what the rebuilt ledger is first read with
        self.rebuild(menus=True)
        if state is not None:
            self.files.restore_view(geometry=False, state=state)
            self.files.check_data_once_read()  # if it was still waiting for the old ledger

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
        # The application's name last: Qt adds it to a title not ending with it.
        self.setWindowTitle(
            self.tr("%1 — %2 — 招商台账")
            .replace("%1", self.session.title)
            .replace("%2", str(self.session.path))
        )

    def update_actions(self) -> None:
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
        writable = (
            has_file
            and self.session is not None
            and self.session.read_only_reason is None
            and not self.session.store.data_unchecked  # a large file's check still runs
        )
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
        self.files.end_value_check()
        self.files.save_view()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)

    # -- what tests, the start-up and other windows call by the window's name ------

    def open_file(self, path: Path, take_over: bool = False) -> bool:
        return self.files.open_file(path, take_over)

    def open_demo(self) -> None:
        self.files.open_demo()

    def create_file(self, headquarters: bool) -> None:
        self.files.create_file(headquarters)

    def close_file(self) -> None:
        self.files.close_file()

    def recent_files(self) -> list[str]:
        return self.files.recent_files()

    def failed_files(self) -> dict[str, str]:
        return self.files.failed_files()

    def note_crash_while_opening(self) -> Path | None:
        return self.files.note_crash_while_opening()

    def ask_take_over(self, error: FileInUse) -> bool:
        return self.files.ask_take_over(error)

    def import_ledger_from(self, path: Path) -> None:
        self.transfers.import_ledger_from(path)

    def edit_project(self, uuid: str) -> None:
        self.projects.edit_project(uuid)

    def print_briefing(self) -> None:
        self.reports.print_briefing()

    def start_brief_batch(self, folder: Path, uuids: list[str] | None = None) -> None:
        self.reports.start_brief_batch(folder, uuids)

    def write_listing(self, out: Path) -> None:
        self.reports.write_listing(out)

    @property
    def output_notice(self) -> OutputNotice | None:
        return self.reports.output_notice

    @property
    def batch_thread(self) -> QThread:
        return self.reports.batch_thread

    @property
    def batch_progress(self) -> QProgressDialog:
        return self.reports.batch_progress

    @property
    def import_job(self) -> BackgroundJob:
        return self.transfers.import_job

    @property
    def import_thread(self) -> QThread:
        return self.transfers.import_thread
