"""待跟进: the next steps due or overdue across every project, overdue ones in red."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.reads.follow_ups import DueFollowUp, due_follow_ups
from db.records.follow_ups import set_done
from ui.labels import label
from ui.refresh import RefreshGuard
from ui.session import Session

OVERDUE_COLOUR = QColor("#c62828")
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

# Filter choices: how many days ahead to list, and whether only overdue ones.
FILTER_OVERDUE, FILTER_WEEK, FILTER_ALL = range(3)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpView", text)


class FollowUpModel(QAbstractTableModel):
    """Due follow-ups, one a row, earliest due first."""

    DUE, STATUS, PROJECT, UNIT, KIND, NEXT_STEP, DATE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DueFollowUp] = []
        self.as_of = date.today()
        self.headers = [
            _tr("应办日期"),
            _tr("状态"),
            _tr("项目"),
            _tr("单位"),
            _tr("方式"),
            _tr("下一步"),
            _tr("走访日期"),
        ]

    def set_rows(self, rows: list[DueFollowUp], as_of: date) -> None:
        self.beginResetModel()
        self.rows = rows
        self.as_of = as_of
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def status(self, row: DueFollowUp) -> str:
        days = row.days_left(self.as_of)
        if days < 0:
            return _tr("已逾期 {n} 天").format(n=-days)
        if days == 0:
            return _tr("今天到期")
        return _tr("{n} 天后到期").format(n=days)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.DUE: row.due_date.isoformat(),
                self.STATUS: self.status(row),
                self.PROJECT: row.project_name,
                self.UNIT: row.unit,
                self.KIND: label(row.kind),
                self.NEXT_STEP: row.next_step or row.summary,
                self.DATE: row.visit_date.isoformat(),
            }[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.summary
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return OVERDUE_COLOUR
        if role == UUID_ROLE:
            return row.uuid
        if role == OVERDUE_ROLE:
            return row.overdue
        return None


class FollowUpView(QWidget):
    """The 待跟进 list; ``project_activated`` asks the window to open a project."""

    project_activated = Signal(str)  # project uuid

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpView")
        self.session = session
        self.today = today
        self._dialog: QWidget | None = None
        self.model = FollowUpModel(self)

        self.filter = QComboBox()
        self.filter.setObjectName("followUpFilter")
        self.filter.addItems(
            [self.tr("已逾期"), self.tr("7天内到期(含逾期)"), self.tr("全部未完成")]
        )
        self.filter.setCurrentIndex(FILTER_WEEK)
        filter_label = QLabel(self.tr("显示(&S)"))
        filter_label.setBuddy(self.filter)
        self.summary = QLabel()
        self.summary.setObjectName("followUpSummary")

        self.table = QTableView()
        self.table.setObjectName("followUpTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Short columns fit their text (the rows are few: due follow-ups only).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FollowUpModel.NEXT_STEP, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("双击或按回车打开走访记录"))
        self.table.activated.connect(self.open_follow_up)

        self.done_button = QPushButton(self.tr("标记完成(&D)"))
        self.done_button.setObjectName("markDoneButton")
        self.done_button.setShortcut("Ctrl+Return")
        self.done_button.clicked.connect(self.mark_done)
        self.open_button = QPushButton(self.tr("打开记录(&O)…"))
        self.open_button.setObjectName("openFollowUpButton")
        self.open_button.clicked.connect(lambda: self.open_follow_up(self.table.currentIndex()))
        self.project_button = QPushButton(self.tr("打开项目(&P)"))
        self.project_button.setObjectName("openProjectButton")
        self.project_button.clicked.connect(self.open_project)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.project_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.filter.currentIndexChanged.connect(lambda _index: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        guard = RefreshGuard(
            self, self.session, frozenset({"follow_up", "project", "unit"}), self.reload
        )
        # Read when first shown: a city's file has tens of thousands of open follow-ups,
        # which need not delay the window that opens on the overview.
        guard.stale = True

    def reload(self) -> None:
        """Read the due follow-ups again for the chosen filter."""
        as_of = self.today()
        choice = self.filter.currentIndex()
        every = due_follow_ups(as_of, None)
        overdue = sum(1 for row in every if row.overdue)
        due_soon = sum(1 for row in every if not row.overdue and row.days_left(as_of) <= 7)
        later = len(every) - overdue - due_soon
        if choice == FILTER_OVERDUE:
            rows = [row for row in every if row.overdue]
        elif choice == FILTER_WEEK:
            rows = [row for row in every if row.days_left(as_of) <= 7]
        else:
            rows = every
        self.model.set_rows(rows, as_of)
        text = self.tr("已逾期 {overdue} 条,7天内到期 {soon} 条").format(
            overdue=overdue, soon=due_soon
        )
        if later and choice != FILTER_ALL:
            # Said, so that a next step due later is not thought lost.
            text += self.tr(";另有 {later} 条 7 天后到期,选“全部未完成”查看").format(later=later)
        self.summary.setText(text)
        self._update_buttons()

    def _selected(self) -> list[DueFollowUp]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row] for row in rows]

    def _update_buttons(self) -> None:
        any_selected = bool(self._selected())
        for button in (self.done_button, self.open_button, self.project_button):
            button.setEnabled(any_selected)

    def mark_done(self) -> None:
        """标记完成 for the selected follow-ups, as one undoable step."""
        selected = self._selected()
        if selected:
            self.session.run(
                self.tr("标记 {n} 条走访记录为完成").format(n=len(selected)),
                set_done([row.uuid for row in selected]),
            )

    def open_project(self) -> None:
        selected = self._selected()
        if selected:
            self.project_activated.emit(selected[0].project_uuid)

    def open_follow_up(self, index: QModelIndex) -> None:
        """Open the follow-up of this row in its dialog, to read it or note the outcome."""
        if not index.isValid():
            return
        # Imported here: the dialog lives in its own module, written alongside this one.
        from ui.follow_up_dialog import FollowUpDialog

        row = self.model.rows[index.row()]
        dialog = FollowUpDialog(self.session, row.project_uuid, row.uuid, self)
        dialog.open()
        self._dialog = dialog
