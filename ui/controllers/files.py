"""文件 menu and the start screen: opening, creating and closing files, the example
data, the recent files, the files that failed to open, and what the window showed
for each file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
)

from db.errors import UserError
from db.records.files import create_hq_file, create_unit_file
from db.store.faults import from_os_error
from db.store.lock import FileInUse
from db.store.unit_file import Store, diagnose
from ui import view_state
from ui.controllers.base import Controller
from ui.i18n import either
from ui.session import Session

if TYPE_CHECKING:
    from ui.new_file_dialog import NewFileDialog

MAX_RECENT = 8
OPENING_KEY = "opening_file"  # set while a file opens: left behind by a crash
FAILED_KEY = "failed_files"  # JSON: path → why it failed to open
DEMO_FILE_NAME = "示例数据-招商台账.zsdb"


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


class FileController(Controller):
    """One open file at a time: it is closed before another is opened, so that no
    window of the old file outlives it."""

    value_check: object | None = None  # ui.file_check.DataCheck of a large file
    value_check_thread: QThread | None = None
    # The overview's state the open file was restored with, kept while it is not built.
    _dashboard_restored: dict[str, object] | None = None

    def recent_files(self) -> list[str]:
        value = self.window.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        stored = value if isinstance(value, Iterable) else []
        return [str(v) for v in stored if Path(str(v)).exists()]

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.window.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.window.settings.setValue("last_file", str(path))
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        """文件 → 最近打开: the last files opened, newest first, and 清除列表."""
        menu = self.window.recent_menu
        menu.clear()
        recent = self.recent_files()
        for number, text in enumerate(recent, start=1):
            path = Path(text)
            action = menu.addAction(f"&{number} {path.stem}  —  {path.parent}")
            action.setToolTip(text)
            action.setData(text)
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not recent:
            menu.addAction(self.tr("(无)")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("清除列表"))
        clear.setObjectName("clearRecent")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent_files)

    def clear_recent_files(self) -> None:
        self.window.settings.remove("recent_files")
        self.fill_recent_menu()
        if self.window.session is None:
            self.window.rebuild()  # the start screen's list too

    def adopt(self, session: Session) -> None:
        self.close_file()
        self.window.session = session
        session.undo_stack.canUndoChanged.connect(lambda _ok: self.window.update_actions())
        session.undo_stack.canRedoChanged.connect(lambda _ok: self.window.update_actions())
        self.window.rebuild()
        self.restore_view(geometry=True)
        self._remember(session.path)  # only once it shows: never a file that cannot
        self._check_data_of_large_file(session)

    def view(self) -> dict[str, object]:
        return {
            "tab": self.window.tabs.currentIndex(),
            "dashboard": self._dashboard_state(),
            "ledger": self.window.ledger.view_state(),
        }

    def _dashboard_state(self) -> dict[str, object] | None:
        """The overview's period and choices; those it was restored with while it is
        not built (never shown since the file opened)."""
        page = self.window.dashboard_page
        return self.window.dashboard.view_state() if page.built else self._dashboard_restored

    def saved_ledger_state(self) -> dict[str, object] | None:
        """The ledger's filters and sort the open file was left with, if any."""
        assert self.window.session is not None
        state = view_state.load(self.window.settings, self.window.session.path)
        ledger = state.get("ledger") if state is not None else None
        return ledger if isinstance(ledger, dict) else None

    def save_view(self) -> None:
        """Remember the open file's tab, period, filters, sort and window size."""
        if self.window.session is None:
            return
        view_state.save(self.window.settings, self.window.session.path, self.view())
        view_state.save_geometry(
            self.window.settings, self.window.session.path, self.window.saveGeometry()
        )
        self.window.settings.sync()

    def restore_view(self, geometry: bool, state: dict[str, object] | None = None) -> None:
        """Show the open file as it was left; the example data, never seen before, on
        the article's period (1~7月 2023) rather than this year's zeros."""
        assert self.window.session is not None
        path = self.window.session.path
        if geometry and (saved := view_state.load_geometry(self.window.settings, path)) is not None:
            self.window.restoreGeometry(saved)
        state = state if state is not None else view_state.load(self.window.settings, path)
        self._dashboard_restored = None
        if state is None:
            if path.name == DEMO_FILE_NAME:
                from db.io.demo import ARTICLE_PERIOD_END, ARTICLE_PERIOD_START

                self.window.dashboard_page.when_built(
                    lambda view: view.show_period(ARTICLE_PERIOD_START, ARTICLE_PERIOD_END)
                )
            return
        # The tab first: a view behind another tab reads nothing before it is shown.
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.window.tabs.count():
            self.window.tabs.setCurrentIndex(tab)
        ledger, dashboard = state.get("ledger"), state.get("dashboard")
        if isinstance(dashboard, dict):
            self._dashboard_restored = dashboard
            self.window.dashboard_page.when_built(lambda view: view.restore_view_state(dashboard))
        if isinstance(ledger, dict):
            self.window.ledger.restore_view_state(ledger)

    def _check_data_of_large_file(self, session: Session) -> None:
        """A large file shows before its pages and values are checked: check them now,
        in the background, with edits off until then; a fault is said above the tabs."""
        self.end_value_check()
        if not session.store.data_unchecked:
            return
        self.window.statusBar().showMessage(self.tr("正在检查文件中的数据,完成后即可编辑…"))
        self.check_data_once_read()

    def check_data_once_read(self) -> None:
        """The check reads every page of the file: it starts once the ledger (rebuilt
        with the window) has read its rows and totals, which the window shows first."""
        ledger = self.window.ledger
        if ledger.busy:
            ledger.settled.connect(self._start_value_check)
        else:
            self._start_value_check()

    def _start_value_check(self) -> None:
        from ui.file_check import DataCheck

        session = self.window.session
        if session is None or not session.store.data_unchecked or self.value_check is not None:
            return  # closed, checked, or being checked
        job = DataCheck(session.store)
        # Bound methods of this controller: delivered in the UI thread (a lambda would
        # run in the job's thread, touching widgets there).
        job.finished.connect(self._data_checked)
        job.failed.connect(self._data_check_failed)
        self.value_check = job
        self.value_check_thread = job.start()

    def end_value_check(self) -> None:
        """Wait for the value check of the file being closed (its own read connection:
        a few seconds at most).  The thread's quit is asked for here: the one the job's
        signal asks for waits in this thread's event queue, which is not served meanwhile."""
        thread = self.value_check_thread
        if thread is not None:
            thread.quit()
            thread.wait()
            self.value_check_thread = None
            self.value_check = None

    def _data_check_failed(self, store: Store, reason: str) -> None:
        self._data_checked(store, UserError(reason, reason))

    def _data_checked(self, store: Store, found: object) -> None:
        session = self.window.session
        if session is None or store is not session.store:
            return  # a file closed meanwhile
        if not isinstance(found, UserError):
            session.store.data_unchecked = False  # edits on
            self.window.update_actions()
            self.window.statusBar().showMessage(self.tr("文件检查完毕"), 5000)
            return
        self.window.statusBar().clearMessage()  # edits stay off: the file is not sound
        self.window.damage_banner.setText(
            self.tr("文件中有数据无法读取,统计数字可能不准确,编辑功能已关闭:%1").replace(
                "%1", either(found.zh, found.en)
            )
        )
        self.window.damage_banner.setVisible(True)

    def open_file(self, path: Path, take_over: bool = False) -> bool:
        """Open a unit or headquarters file and show it.

        Nothing that goes wrong escapes: the user is told what and where, and a file
        that failed is not opened again by itself at the next start (the start screen
        shows it with the reason).  While it opens, the file is noted as being opened,
        so that a crash of the whole program in the middle is not repeated either."""
        # The open file is closed first: its windows must be gone before another
        # file becomes the one every query reads.
        self.close_file()
        self.window.settings.setValue(OPENING_KEY, str(path))
        self.window.settings.sync()
        self.window.load_ledger()
        try:
            session = Session.open(path, take_over=take_over)
        except FileInUse as error:
            self._opened(path, None)
            # Asked through the window, whose question a test (or a caller) may answer.
            if error.elsewhere and not take_over and self.window.ask_take_over(error):
                return self.open_file(path, take_over=True)
            self._failed(path, error)
            return False
        except Exception as error:  # a message, never a traceback
            self._failed(path, _open_error(path, error))
            return False
        try:
            self.adopt(session)
        except Exception as error:
            # The file opened but cannot be shown: a value another program stored that
            # cannot be read, named by record and field when it can be found.
            found = diagnose(session.store) if not isinstance(error, UserError) else None
            self.window.session = None
            session.close()
            self.window.rebuild()
            self.window.stack.setCurrentWidget(self.window.start_screen)
            self._failed(path, found or _open_error(path, error))
            return False
        self._opened(path, None)
        if session.store.lock is not None and session.store.lock.took_over_from is not None:
            owner = session.store.lock.took_over_from
            if take_over:
                self.window.statusBar().showMessage(
                    self.tr("已接管 %1(电脑 %2)留下的锁,此次接管已记录在文件中")
                    .replace("%1", owner.user)
                    .replace("%2", owner.host),
                    15000,
                )
        return True

    def ask_take_over(self, error: FileInUse) -> bool:
        """The file is locked by another computer: take the lock over only when the
        user says that computer no longer has it open (the default is not to)."""
        box = QMessageBox(self.window)
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
        raw = self.window.settings.value(FAILED_KEY, "")
        try:
            stored = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}

    def _opened(self, path: Path, reason: str | None) -> None:
        """The end of an attempt to open ``path``: the reason it failed, or None."""
        self.window.settings.remove(OPENING_KEY)
        failed = self.failed_files()
        failed.pop(str(path), None)
        if reason is not None:
            failed[str(path)] = reason
            failed = dict(list(failed.items())[-MAX_RECENT:])
            if str(self.window.settings.value("last_file", "")) == str(path):
                self.window.settings.remove("last_file")
        self.window.settings.setValue(FAILED_KEY, json.dumps(failed, ensure_ascii=False))
        self.window.settings.sync()

    def _failed(self, path: Path, error: UserError) -> None:
        self._opened(path, either(error.zh, error.en))
        if self.window.session is None:
            self.window.start_screen.show_failed(self.failed_files())
        self.window.show_error(error)

    def note_crash_while_opening(self) -> Path | None:
        """At start: a file whose opening the last run never finished (the program
        crashed or was killed) is marked failed, and returned."""
        opening = str(self.window.settings.value(OPENING_KEY, "") or "")
        if not opening:
            return None
        self._opened(
            Path(opening),
            self.tr("上次打开此文件时程序意外退出,因此没有自动打开。可以再试一次,或使用备份。"),
        )
        self.window.start_screen.show_failed(self.failed_files())
        return Path(opening)

    def choose_and_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("打开数据文件"),
            str(self.window.data_folder),
            self.tr("招商台账数据文件 (*.zsdb);;所有文件 (*)"),
        )
        if chosen:
            self.open_file(Path(chosen))

    def create_file(self, headquarters: bool) -> None:
        from ui.new_file_dialog import NewFileDialog  # when asked for

        dialog = NewFileDialog(headquarters, self.window.data_folder, self.window)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        self.window._dialog = dialog

    def _create_from(self, dialog: NewFileDialog) -> None:
        path, name, kind, city = dialog.values()
        self.close_file()
        try:
            if dialog.headquarters:
                store = create_hq_file(path, name)
            else:
                store = create_unit_file(path, name, kind=kind, city=city)
            self.adopt(Session(store))
        except UserError as error:
            self.window.show_error(error)

    def open_demo(self) -> None:
        path = self.window.data_folder / DEMO_FILE_NAME
        if not path.exists():
            from db.io.demo import build_demo

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                build_demo(path).close()
            except UserError as error:
                self.window.show_error(error)
                return
            finally:
                QApplication.restoreOverrideCursor()
        self.open_file(path)  # first shown on the article's period (_restore_view)

    def close_file(self) -> None:
        if self.window.session is None:
            return
        self.save_view()
        session, self.window.session = self.window.session, None
        self.end_value_check()
        session.close()
        self.window.summary.clear()
        self.window.rebuild()
        self.window.stack.setCurrentWidget(self.window.start_screen)
