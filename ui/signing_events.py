"""签约活动: ceremonies entered once, with the projects signed there linked to them.

Creating or editing an event with its projects, and deleting one, are each one
operation (db.records.signing), so one undoable step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.reads.signing import (
    LinkableProject,
    SigningEventSummary,
    linkable_projects,
    linked_project_uuids,
    signing_events,
    without_signing,
)
from db.reads.units import live_units
from db.records.signing import SigningEventValues, delete_signing_event, save_signing_event
from db.rules.money import plain
from db.rules.vocabulary import Capital
from ui.amounts import yi_amount, yi_figure
from ui.date_field import DateError
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.refresh import RefreshGuard
from ui.session import Session
from ui.widgets import ErrorLabel, date_edit, date_of

SIGNING_TABLES = frozenset({"signing_event", "project", "stage_event", "unit", "setting"})

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #c62828;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SigningEventsView", text)


def summary_sentence(event: SigningEventSummary) -> str:
    """现场集中签约项目22个,累计金额75.2亿元 — with the rate when 外资 was converted."""
    text = _tr("现场集中签约项目{count}个,累计金额{total}").format(
        count=event.project_count, total=yi_amount(event.total_wan_cny, space="")
    )
    rate = event.exchange_rate
    usd = yi_amount(event.foreign_total_wan_usd, foreign=True, space="")
    if event.foreign_total_wan_usd and rate is None:
        text += _tr("(另有外资{usd},未设定汇率,未折算)").format(usd=usd)
    elif event.foreign_total_wan_usd and rate is not None:
        text += _tr("(其中外资{usd},按1美元={rate}元人民币折算,汇率日期{when})").format(
            usd=usd,
            rate=plain(rate.usd_cny),
            when=rate.date.isoformat() if rate.date else _tr("未填写"),
        )
    return text


class SigningEventModel(QAbstractTableModel):
    """Signing events, latest first."""

    NAME, DATE, PLACE, UNIT, COUNT, TOTAL = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SigningEventSummary] = []
        self.headers = [
            _tr("活动名称"),
            _tr("日期"),
            _tr("地点"),
            _tr("单位"),
            _tr("项目数"),
            _tr("累计金额(亿元)"),
        ]

    def set_rows(self, rows: list[SigningEventSummary]) -> None:
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

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        event = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.NAME: event.name,
                self.DATE: event.date.isoformat(),
                self.PLACE: event.place or "",
                self.UNIT: event.unit or _tr("全市"),
                self.COUNT: str(event.project_count),
                self.TOTAL: yi_figure(event.total_wan_cny),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COUNT, self.TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return event.uuid
        return None


def _amount_text(project: LinkableProject) -> str:
    if project.total is None:
        return _tr("总投资未填")
    return yi_amount(project.total, foreign=project.capital is Capital.FOREIGN, space="")


class SigningEventDialog(QDialog):
    """Add or edit one event and tick the projects signed there."""

    def __init__(
        self,
        session: Session,
        event: SigningEventSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("signingEventDialog")
        self.setWindowTitle(self.tr("新建签约活动") if event is None else self.tr("编辑签约活动"))
        # Not self.event, which would hide QObject.event(); None for a new event.
        self.edited_event = event
        self.values: SigningEventValues | None = None

        self.name = QLineEdit(event.name if event else "")
        self.name.setObjectName("signingName")
        self.name.setPlaceholderText(self.tr("如:政银企对接活动"))
        self.name_error = QLabel()
        self.name_error.setObjectName("signingNameError")
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.hide()
        # A typed date (ui.date_field): a whole date typed or pasted, Tab to the next field.
        self.date = date_edit("signingDate", self.tr("日期"), event.date if event else None)
        # Its line kept free, so that nothing below moves when it shows.
        self.date_error = ErrorLabel("signingDateError", reserve_lines=2)
        self.date.dateChanged.connect(lambda: self.date_error.show_message(None))
        self.place = QLineEdit((event.place or "") if event else "")
        self.place.setObjectName("signingPlace")
        self.unit = QComboBox()
        self.unit.setObjectName("signingUnit")
        self.unit.addItem(self.tr("全市(不限单位)"), None)
        for unit in live_units():
            self.unit.addItem(unit.name, unit.uuid)
        own = session.unit
        default_unit = event.unit_uuid if event else (own.uuid if own is not None else None)
        self.unit.setCurrentIndex(max(self.unit.findData(default_unit), 0))
        self.note = QPlainTextEdit((event.note or "") if event else "")
        self.note.setObjectName("signingNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)

        self.search = QLineEdit()
        self.search.setObjectName("projectSearch")
        self.search.setPlaceholderText(self.tr("输入项目名称或单位筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.picker = QListWidget()
        self.picker.setObjectName("projectPicker")
        self.picker.itemChanged.connect(lambda _item: self._count_checked())
        self.checked_label = QLabel()
        self.checked_label.setObjectName("pickerCount")
        self._fill_picker()

        form = QFormLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.name_error)
        form.addRow(self.tr("活动名称(&N)"), name_row)
        form.addRow(self.tr("日期(&D)"), self.date)
        form.addRow("", self.date_error.slot())
        form.addRow(self.tr("地点(&P)"), self.place)
        form.addRow(self.tr("单位(&U)"), self.unit)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        search_label = QLabel(self.tr("签约项目(勾选在本次活动上签约的项目)(&S)"))
        search_label.setBuddy(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.checked_label)
        layout.addWidget(buttons)
        self.resize(560, 560)
        enter_moves_on(self, self.name, self.accept)

    def _fill_picker(self) -> None:
        linked = set(linked_project_uuids(self.edited_event.uuid)) if self.edited_event else set()
        self.picker.blockSignals(True)
        for project in linkable_projects():
            text = f"{project.name} — {project.unit} · {_amount_text(project)}"
            if project.event_uuid and project.uuid not in linked:
                text += self.tr("(已关联:{name})").format(name=project.event_name)
            item = QListWidgetItem(text)
            item.setData(UUID_ROLE, project.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = project.uuid in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.picker.addItem(item)
        self.picker.blockSignals(False)
        self._count_checked()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.picker.count()):
            item = self.picker.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _count_checked(self) -> None:
        self.checked_label.setText(self.tr("已勾选 {n} 个项目").format(n=len(self.checked_uuids())))

    def set_checked(self, project_uuid: str, checked: bool = True) -> None:
        for row in range(self.picker.count()):
            item = self.picker.item(row)
            if item.data(UUID_ROLE) == project_uuid:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def checked_uuids(self) -> list[str]:
        items = (self.picker.item(row) for row in range(self.picker.count()))
        return [i.data(UUID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def signing_date(self) -> date:
        """The date typed; raises DateError (its message names the field)."""
        return date_of(self.date)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.name_error.setText(self.tr("请填写活动名称"))
            self.name_error.show()
            self.name.setFocus()
            return
        try:
            when = self.signing_date()
        except DateError as problem:
            self.date_error.show_message(str(problem))
            self.date.setFocus()
            return
        self.values = SigningEventValues(
            self.name.text().strip(),
            when,
            self.place.text().strip() or None,
            self.unit.currentData(),
            self.note.toPlainText().strip() or None,
        )
        super().accept()


class SigningEventsView(QWidget):
    """The list of signing events, the selected one's sentence and projects."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingEventsView")
        self.session = session
        self.dialog: SigningEventDialog | None = None
        self.model = SigningEventModel(self)

        self.table = QTableView()
        self.table.setObjectName("signingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SigningEventModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_event())

        self.summary = QLabel()
        self.summary.setObjectName("signingSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel()
        self.notice.setObjectName("signingNotice")
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.projects = QListWidget()
        self.projects.setObjectName("signingProjects")

        self.new_button = QPushButton(self.tr("新建活动(&N)…"))
        self.new_button.setObjectName("newSigningButton")
        self.new_button.clicked.connect(self.new_event)
        self.edit_button = QPushButton(self.tr("编辑/关联项目(&E)…"))
        self.edit_button.setObjectName("editSigningButton")
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button = QPushButton(self.tr("删除活动"))
        self.delete_button.setObjectName("deleteSigningButton")
        self.delete_button.clicked.connect(self.delete_event)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.projects, 1)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        # Read when first shown, like the follow-ups: not the tab a file opens on.
        RefreshGuard(self, self.session, SIGNING_TABLES, self.reload).stale = True

    # -- showing --------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected()
        uuid = selected.uuid if selected else None
        self.model.set_rows(signing_events())
        self.select(uuid)
        self._show_selected()

    def select(self, uuid: str | None) -> None:
        for row, event in enumerate(self.model.rows):
            if event.uuid == uuid:
                self.table.selectRow(row)
                return

    def selected(self) -> SigningEventSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        event = self.selected()
        self.edit_button.setEnabled(event is not None)
        self.delete_button.setEnabled(event is not None)
        self.projects.clear()
        if event is None:
            self.summary.setText(
                self.tr("共 {n} 场签约活动。选择一场查看签约项目。").format(n=len(self.model.rows))
                if self.model.rows
                else self.tr("尚无签约活动。点“新建活动”录入活动日期、地点及在会上签约的项目。")
            )
            return
        self.summary.setText(f"{event.name}:{summary_sentence(event)}")
        linked = set(linked_project_uuids(event.uuid))
        for project in linkable_projects():
            if project.uuid in linked:
                self.projects.addItem(f"{project.name} — {project.unit} · {_amount_text(project)}")

    # -- editing --------------------------------------------------------------------

    def new_event(self) -> None:
        self._open_dialog(None)

    def edit_event(self) -> None:
        event = self.selected()
        if event is not None:
            self._open_dialog(event)

    def _open_dialog(self, event: SigningEventSummary | None) -> None:
        self.dialog = SigningEventDialog(self.session, event, self)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()

    def _dialog_accepted(self) -> None:
        dialog = self.dialog
        assert dialog is not None and dialog.values is not None
        self.save(dialog.edited_event, dialog.values, dialog.checked_uuids())

    def ask_record_signing(self, names: list[str], when: date) -> bool:
        """Whether to record 签约 on the ceremony date for projects that have none."""
        answer = QMessageBox.question(
            self,
            self.tr("记录签约日期"),
            self.tr(
                "以下 {n} 个项目尚无签约记录,是否将其阶段记为“签约”,"
                "日期为活动日期 {when}?\n\n{names}"
            ).format(n=len(names), when=when.isoformat(), names="\n".join(names)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(
        self, event: SigningEventSummary | None, values: SigningEventValues, checked: list[str]
    ) -> None:
        """Write the event and its links as one undoable step."""
        linked = set(linked_project_uuids(event.uuid)) if event else set()
        added = [uuid for uuid in checked if uuid not in linked]
        missing = without_signing(added) if added else []
        record = bool(missing) and self.ask_record_signing(missing, values.date)
        title = (
            self.tr("新建签约活动“{name}”") if event is None else self.tr("修改签约活动“{name}”")
        )
        try:
            saved = self.session.run(
                title.format(name=values.name),
                save_signing_event(values, event.uuid if event else None, checked, record),
            )
        except ValidationError as error:
            self.notice.setText(either(error.zh, error.en))
            self.notice.show()
            return
        self.select(saved.uuid)
        self._show_selected()
        if saved.refused:
            self.notice.setText(
                self.tr("以下项目未记录签约日期:{reasons}").format(reasons=";".join(saved.refused))
            )
            self.notice.show()
        else:
            self.notice.hide()

    def delete_event(self) -> None:
        """Delete the selected event (undoable): its projects stay, unlinked."""
        event = self.selected()
        if event is None:
            return
        self.session.run(
            self.tr("删除签约活动“{name}”").format(name=event.name),
            delete_signing_event(event.uuid),
        )
