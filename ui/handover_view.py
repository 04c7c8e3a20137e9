"""交接 (headquarters): each unit's last handover and whether it is overdue, and the
way to merge files, review conflicts and suspected duplicates, read the import log,
re-register a unit, and hand the units the shared settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.reads.handover import (
    ConflictView,
    DuplicateSide,
    DuplicateView,
    UnitHandover,
    duplicate_pairs,
    handover_log,
    open_conflicts,
    unit_handovers,
)
from db.records.handover import decide_duplicate, reregister_unit, resolve_conflict
from db.rules.money import plain
from ui.i18n import either
from ui.refresh import RefreshGuard
from ui.session import Session
from ui.widgets import tell

if TYPE_CHECKING:
    from ui.handover_wizard import MergeWizard

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#c62828")
# What this view shows comes from the merge's books and the units.
HANDOVER_TABLES = frozenset({"unit", "merge_conflict", "duplicate_pair", "setting", "project"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoverView", text)


def counts_text(projects: dict[str, int], counts: dict[str, int]) -> str:
    """项目新增 8、更新 0;冲突 0 — the projects a handover brought, and its conflicts."""
    if not counts:
        return ""
    return (
        _tr("项目新增 %1、更新 %2;冲突 %3")
        .replace("%1", str(projects.get("new", 0)))
        .replace("%2", str(projects.get("changed", 0)))
        .replace("%3", str(counts.get("conflict", 0)))
    )


class UnitHandoverModel(QAbstractTableModel):
    """One row a unit: its last handover, and how long ago headquarters merged it."""

    UNIT, EXPORTED, MERGED, SEQUENCE, BROUGHT, STATE = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitHandover] = []
        self.headers = [
            _tr("单位"),
            _tr("导出日期"),
            _tr("合并日期"),
            _tr("交接次数"),
            _tr("最近一次带来"),
            _tr("状态"),
        ]

    def set_rows(self, rows: list[UnitHandover]) -> None:
        self.beginResetModel()
        self.rows = rows
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

    def _state(self, row: UnitHandover) -> str:
        if row.last_merged_at is None:
            return _tr("尚未交接")
        parts = []
        if row.overdue:
            parts.append(_tr("逾期(%1天未交接)").replace("%1", str(row.days_since)))
        if row.flag == "sequence_backwards":
            parts.append(_tr("序号倒退,请核实"))
        if not row.key_registered:
            parts.append(_tr("待重新登记密钥"))
        return ";".join(parts) or _tr("正常")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.UNIT: row.unit_name,
                self.EXPORTED: f"{row.last_exported_at:%Y-%m-%d %H:%M}"
                if row.last_exported_at
                else "",
                self.MERGED: f"{row.last_merged_at:%Y-%m-%d}" if row.last_merged_at else "",
                self.SEQUENCE: str(row.sequence) if row.sequence else "",
                self.BROUGHT: counts_text(row.projects, row.counts),
                self.STATE: self._state(row),
            }
            return values[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.STATE
            and (row.overdue or row.flag)
        ):
            return OVERDUE_COLOUR
        if role == UUID_ROLE:
            return row.unit_uuid
        return None


class HandoverView(QWidget):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self.session = session
        self.today = today
        self.dialog: QDialog | None = None
        self.model = UnitHandoverModel(self)
        self.table = QTableView()
        self.table.setObjectName("unitHandovers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("handoverSummary")

        self.merge_button = self._button(
            self.tr("合并交接文件(&M)…"), "mergeButton", self.merge_chosen
        )
        self.conflicts_button = self._button("", "conflictsButton", self.review_conflicts)
        self.duplicates_button = self._button("", "duplicatesButton", self.review_duplicates)
        self.log_button = self._button(self.tr("导入记录(&L)…"), "logButton", self.show_log)
        self.reregister_button = self._button(
            self.tr("重新登记单位(&K)…"), "reregisterButton", self.reregister
        )
        self.settings_button = self._button(
            self.tr("导出设置文件…"), "exportSettingsButton", self.export_settings
        )
        buttons = QHBoxLayout()
        for button in (
            self.merge_button,
            self.conflicts_button,
            self.duplicates_button,
            self.log_button,
            self.reregister_button,
            self.settings_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        # Read once first shown: the tab is not the one a file opens on, and a city's
        # files take a moment to sum up.
        RefreshGuard(self, session, HANDOVER_TABLES, self.reload).stale = True

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def reload(self) -> None:
        rows = unit_handovers(self.today())
        self.model.set_rows(rows)
        conflicts = len(open_conflicts())
        duplicates = len(duplicate_pairs())
        self.conflicts_button.setText(self.tr("处理冲突(%1)…").replace("%1", str(conflicts)))
        self.duplicates_button.setText(self.tr("疑似重复(%1)…").replace("%1", str(duplicates)))
        self.conflicts_button.setEnabled(conflicts > 0)
        self.duplicates_button.setEnabled(duplicates > 0)
        overdue = sum(1 for row in rows if row.overdue)
        self.summary.setText(
            self.tr("共 %1 个单位,%2 个逾期未交接(超过 %3 天);待处理冲突 %4 条,疑似重复 %5 组。")
            .replace("%1", str(len(rows)))
            .replace("%2", str(overdue))
            .replace("%3", str(self._overdue_days()))
            .replace("%4", str(conflicts))
            .replace("%5", str(duplicates))
        )

    @staticmethod
    def _overdue_days() -> int:
        from db.store import settings

        return settings.overdue_days()

    def merge_chosen(self) -> None:
        self.merge()

    def merge(self, files: list[Path] | None = None) -> MergeWizard:
        from ui.handover_wizard import MergeWizard  # the merging code: once a merge starts

        wizard = MergeWizard(self.session, self, files)
        wizard.merged.connect(self.reload)
        wizard.open()
        self.wizard = wizard
        return wizard

    def review_conflicts(self) -> None:
        dialog = ConflictDialog(self.session, self)
        dialog.open()
        self.dialog = dialog

    def review_duplicates(self) -> None:
        dialog = DuplicateDialog(self.session, self)
        dialog.open()
        self.dialog = dialog

    def show_log(self) -> None:
        dialog = HandoverLogDialog(self)
        dialog.open()
        self.dialog = dialog

    def reregister(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            tell(self, self.tr("重新登记单位"), self.tr("请先在列表中选中要重新登记的单位"))
            return
        row = self.model.rows[selected[0].row()]
        note, ok = QInputDialog.getText(
            self,
            self.tr("重新登记单位"),
            self.tr(
                "“%1”今后的交接文件将接受新的签名密钥(如该单位换了电脑)。"
                "请确认已与该单位核实,并填写原因:"
            ).replace("%1", row.unit_name),
        )
        if not ok:
            return
        try:
            reregister_unit(row.unit_uuid, note)
        except UserError as error:
            tell(self, self.tr("重新登记单位"), either(error.zh, error.en))
            return
        self.session.notify()

    def export_settings(self) -> None:
        from db.io.settings_file import export_settings

        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出设置文件"),
            str(Path.home() / "招商台账设置.zsset"),
            self.tr("设置文件 (*.zsset)"),
        )
        if not chosen:
            return
        try:
            out = export_settings(chosen)
        except UserError as error:
            tell(self, self.tr("导出设置文件"), either(error.zh, error.en))
            return
        tell(
            self,
            self.tr("导出设置文件"),
            self.tr("已导出:%1\n请发给各单位,在“文件 → 导入设置文件”中导入。").replace(
                "%1", str(out)
            ),
        )


class ConflictDialog(QDialog):
    """处理冲突: each record both sides changed, the fields that differ side by side."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("处理冲突"))
        self.session = session
        self.conflicts: list[ConflictView] = []
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("conflictFields")
        self.fields.setHorizontalHeaderLabels([self.tr("字段"), self.tr("总部"), self.tr("单位")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            self.tr("总部和单位都改过这些记录。请逐条选择保留哪一方的版本;处理后可用 Ctrl+Z 撤销。")
        )
        note.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("保留总部版本(&H)"))
        self.keep_button.setObjectName("keepHqButton")
        self.keep_button.clicked.connect(lambda: self.resolve(False))
        self.take_button = QPushButton(self.tr("采用单位版本(&U)"))
        self.take_button.setObjectName("takeUnitButton")
        self.take_button.clicked.connect(lambda: self.resolve(True))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fields, 2)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        self.conflicts = open_conflicts()
        self.list.clear()
        for conflict in self.conflicts:
            self.list.addItem(
                self.tr("%1(%2,%3)")
                .replace("%1", conflict.what)
                .replace("%2", conflict.unit_name)
                .replace("%3", f"{conflict.detected_at:%Y-%m-%d}")
            )
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self.fields.setRowCount(0)
        for button in (self.keep_button, self.take_button):
            button.setEnabled(bool(self.conflicts))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        differences = self.conflicts[row].differences
        self.fields.setRowCount(len(differences))
        for line, difference in enumerate(differences):
            for column, text in enumerate((difference.label, difference.hq, difference.unit)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.fields.setItem(line, column, item)

    def resolve(self, take_unit: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        text = self.tr("采用单位版本:%1") if take_unit else self.tr("保留总部版本:%1")
        try:
            self.session.run(
                text.replace("%1", conflict.what), resolve_conflict(conflict.uuid, take_unit)
            )
        except UserError as error:
            tell(self, self.tr("处理冲突"), either(error.zh, error.en))
        self.reload()


def _side_text(side: DuplicateSide) -> str:
    unit = QCoreApplication.translate("ProjectTableModel", side.capital.currency_unit)
    amount = f"{plain(side.total)} {unit}" if side.total is not None else "—"
    first = f"{side.first_event:%Y-%m-%d}" if side.first_event else "—"
    return (
        _tr("%1\n单位:%2\n总投资:%3\n首次记录:%4")
        .replace("%1", side.name)
        .replace("%2", side.unit)
        .replace("%3", amount)
        .replace("%4", first)
    )


class DuplicateDialog(QDialog):
    """疑似重复: two units' projects that look like one; counted once until decided."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("疑似重复项目"))
        self.session = session
        self.pairs: list[DuplicateView] = []
        note = QLabel(
            self.tr("以下项目由不同单位报送,看起来是同一个项目。判定前只按首报单位统计一次。")
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("duplicateList")
        self.first = QLabel()
        self.second = QLabel()
        for label in (self.first, self.second):
            label.setWordWrap(True)
            label.setFrameShape(QLabel.Shape.StyledPanel)
            label.setMargin(8)
        sides = QHBoxLayout()
        sides.addWidget(self.first, 1)
        sides.addWidget(self.second, 1)
        self.credit = QComboBox()
        self.credit.setObjectName("creditChoice")
        self.same_button = QPushButton(self.tr("同一项目,计入所选单位(&S)"))
        self.same_button.setObjectName("sameProjectButton")
        self.same_button.clicked.connect(lambda: self.decide(True))
        self.different_button = QPushButton(self.tr("不同项目(&D)"))
        self.different_button.setObjectName("differentProjectsButton")
        self.different_button.clicked.connect(lambda: self.decide(False))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("计入:")))
        buttons.addWidget(self.credit, 1)
        buttons.addWidget(self.same_button)
        buttons.addWidget(self.different_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(sides)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.resize(760, 480)
        self.reload()

    def reload(self) -> None:
        self.pairs = duplicate_pairs()
        self.list.clear()
        for pair in self.pairs:
            item = QListWidgetItem(
                self.tr("%1 / %2(%3)")
                .replace("%1", pair.first.name)
                .replace("%2", pair.second.name)
                .replace("%3", pair.reason)
            )
            self.list.addItem(item)
        if self.pairs:
            self.list.setCurrentRow(0)
        else:
            self.first.clear()
            self.second.clear()
            self.credit.clear()
        for widget in (self.same_button, self.different_button, self.credit):
            widget.setEnabled(bool(self.pairs))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        self.first.setText(_side_text(pair.first))
        self.second.setText(_side_text(pair.second))
        self.credit.clear()
        for side in (pair.first, pair.second):
            label = f"{side.unit}({side.name})"
            if side.uuid == pair.credited_uuid:
                label += self.tr(" — 首报")
            self.credit.addItem(label, side.uuid)
        self.credit.setCurrentIndex(self.credit.findData(pair.credited_uuid))

    def decide(self, same: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        text = self.tr("判定为同一项目") if same else self.tr("判定为不同项目")
        try:
            self.session.run(
                text, decide_duplicate(pair.uuid, same, self.credit.currentData() if same else None)
            )
        except UserError as error:
            tell(self, self.tr("疑似重复项目"), either(error.zh, error.en))
        self.reload()


class HandoverLogDialog(QDialog):
    """导入记录: every handover headquarters accepted, latest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("handoverLogDialog")
        self.setWindowTitle(self.tr("交接文件导入记录"))
        lines = handover_log()
        table = QTableWidget(len(lines), 6)
        table.setObjectName("handoverLog")
        table.setHorizontalHeaderLabels(
            [
                self.tr("合并时间"),
                self.tr("单位"),
                self.tr("次数"),
                self.tr("导出时间"),
                self.tr("带来"),
                self.tr("文件"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, line in enumerate(lines):
            brought = counts_text(line.projects, line.counts)
            if line.flag == "sequence_backwards":
                brought += self.tr(";序号倒退")
            for column, text in enumerate(
                (
                    f"{line.merged_at:%Y-%m-%d %H:%M}",
                    line.unit_name,
                    str(line.sequence),
                    f"{line.exported_at:%Y-%m-%d %H:%M}",
                    brought,
                    line.file_name,
                )
            ):
                table.setItem(row, column, QTableWidgetItem(text))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(close)
        self.resize(820, 420)
