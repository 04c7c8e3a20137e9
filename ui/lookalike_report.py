"""报表 → 疑似重复项目: the groups of projects that are likely one project entered twice
(db.reads.lookalikes.lookalike_groups), found off the UI thread, each with its reasons;
a double click opens the project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.reads.lookalikes import LookalikeGroup, LookalikeProject
from db.reads.units import live_units
from db.rules.lookalike import Reason
from db.rules.money import yi_text
from db.rules.vocabulary import Capital
from db.store.connection import close_thread_connection
from ui.background import BackgroundJob
from ui.i18n import either
from ui.session import Session

if TYPE_CHECKING:
    from ui.main_window import MainWindow

UUID_ROLE = Qt.ItemDataRole.UserRole


class LookalikeSearch(BackgroundJob):
    """Finds the groups in its own thread (and its own connection to the file)."""

    finished = Signal(object)  # list[LookalikeGroup]
    failed = Signal(str)

    def __init__(self, unit: str | None) -> None:
        super().__init__()
        self.unit = unit

    def run(self) -> None:
        from db.errors import UserError
        from db.reads.lookalikes import lookalike_groups

        try:
            groups = lookalike_groups(self.unit)
        except UserError as error:
            self.failed.emit(either(error.zh, error.en))
            return
        finally:
            close_thread_connection()
        self.finished.emit(groups)


def reasons_text(reasons: tuple[Reason, ...]) -> str:
    """The reasons in the interface's language: 投资方相同、项目名称相同."""
    return either("、", ", ").join(either(r.zh, r.en) for r in reasons)


class LookalikeReport(QDialog):
    """疑似重复项目: at headquarters over every unit (or the groups touching one unit)."""

    project_chosen = Signal(str)  # a project's UUID, double-clicked

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("疑似重复项目"))
        self.setObjectName("lookalikeReport")
        self.resize(900, 560)
        self.groups: list[LookalikeGroup] = []
        self._search: LookalikeSearch | None = None
        self._thread: QThread | None = None

        self.unit = QComboBox()
        self.unit.setObjectName("lookalikeUnit")
        self.unit.addItem(self.tr("全部单位"), None)
        if session.is_headquarters:
            for unit in live_units():
                if unit.kind != "招商中心":
                    self.unit.addItem(unit.name, unit.name)
        self.unit.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("重新查找"))
        self.refresh_button.setObjectName("lookalikeRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        unit_label = QLabel(self.tr("单位:"))
        top.addWidget(unit_label)
        top.addWidget(self.unit)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        for widget in (unit_label, self.unit):
            widget.setVisible(session.is_headquarters)

        self.summary = QLabel()
        self.summary.setObjectName("lookalikeSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("lookalikeGroups")
        self.tree.setHeaderLabels(
            [self.tr("项目名称"), self.tr("责任单位"), self.tr("投资方"), self.tr("总投资")]
        )
        self.tree.setColumnWidth(0, 340)
        self.tree.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.refresh()

    @property
    def searching(self) -> bool:
        return self._thread is not None

    def refresh(self) -> None:
        """Look again (off the UI thread); a search under way is left to finish first."""
        if self._thread is not None:
            return
        self.summary.setText(self.tr("正在查找疑似重复的项目…"))
        self.refresh_button.setEnabled(False)
        self.unit.setEnabled(False)
        search = LookalikeSearch(self.unit.currentData())
        search.finished.connect(self._show)
        search.failed.connect(self._failed)
        self._search = search
        self._thread = search.start()
        self._thread.finished.connect(self._ended)

    def _ended(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = None
        self._search = None
        self.refresh_button.setEnabled(True)
        self.unit.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.summary.setText(self.tr("查找未完成:%1").replace("%1", message))

    def _show(self, groups: list[LookalikeGroup]) -> None:
        self.groups = groups
        self.tree.clear()
        if not groups:
            self.summary.setText(self.tr("未发现疑似重复的项目。"))
            return
        self.summary.setText(
            self.tr("共 %1 组疑似重复的项目,请逐组核对是否为同一项目;双击项目可打开。").replace(
                "%1", str(len(groups))
            )
        )
        for number, group in enumerate(groups, 1):
            head = QTreeWidgetItem(
                [
                    self.tr("第%1组(%2个项目):%3")
                    .replace("%1", str(number))
                    .replace("%2", str(len(group.projects)))
                    .replace("%3", reasons_text(group.reasons))
                ]
            )
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for index, project in enumerate(group.projects):
                item = QTreeWidgetItem(
                    [project.name, project.unit, project.investor, self._amount(project)]
                )
                item.setData(0, UUID_ROLE, project.uuid)
                pairs = [
                    self.tr("与“%1”:%2")
                    .replace("%1", group.projects[b if a == index else a].name)
                    .replace("%2", reasons_text(why))
                    for a, b, why in group.pairs
                    if index in (a, b)
                ]
                item.setToolTip(0, "\n".join(pairs))
                head.addChild(item)
            head.setExpanded(True)

    def _amount(self, project: LookalikeProject) -> str:
        if project.total is None:
            return self.tr("未填")
        if project.capital is Capital.FOREIGN:
            return self.tr("%1亿美元").replace("%1", yi_text(project.total))
        return self.tr("%1亿元").replace("%1", yi_text(project.total))

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        uuid = item.data(0, UUID_ROLE)
        if uuid:
            self.project_chosen.emit(str(uuid))

    def done(self, result: int) -> None:
        # A search under way ends first (seconds at most): its thread must not outlive it.
        if self._search is not None:
            self._search.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        super().done(result)


def show_lookalike_report(window: MainWindow) -> None:
    """From the main window's 报表 menu: the report over its open file, a double click
    opening the project in the window's form."""
    if window.session is None:
        return
    report = LookalikeReport(window.session, window)
    report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    report.project_chosen.connect(window.edit_project)
    report.open()
