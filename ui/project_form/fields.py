"""The rows of the project form: an input named after its ProjectData field, with
its error below it; the registers the pages enter their rows in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.records.projects import ProjectData
from db.rules.qualifier import Qualifier
from db.rules.text_limits import field_length
from db.rules.vocabulary import Capital
from ui.date_field import DateField
from ui.labels import choice_value, fill_choices
from ui.session import Session
from ui.widgets import AmountEdit, ErrorLabel, OptionalDateEdit

UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class FormFields(QDialog):
    """What every page of the project form builds its rows with, and the registers the
    rows are entered in: each input under its ProjectData field name, its error label,
    its page, its amount edit and its qualifier."""

    session: Session
    project_uuid: str | None
    loaded: ProjectData | None
    inputs: dict[str, QWidget]
    errors: dict[str, ErrorLabel]
    page_of: dict[str, int]
    amounts: dict[str, AmountEdit]
    qualifiers: dict[str, QComboBox]  # field → its 约/超/达/以上
    _page: int  # the page being built
    _child: QDialog | None
    _file_closed: bool
    # Built by the pages.
    tabs: QTabWidget
    phases: QTableWidget
    capacity: QTableWidget
    land_m2: QLabel
    intensity: QLabel
    initial_stage: QComboBox
    initial_stage_date: DateField
    current_stage_label: QLabel
    timeline: QTableWidget
    follow_ups: QTableWidget

    # The form's parts answer these; each is defined once, in the module named.

    def _check_field(self, field: str) -> None:  # form.py
        raise NotImplementedError

    def _recheck_field(self, field: str) -> None:  # form.py
        raise NotImplementedError

    def capital(self) -> Capital:  # basics.py
        raise NotImplementedError

    def _capital_changed(self) -> None:  # money.py
        raise NotImplementedError

    def _phase_names(self) -> list[str]:  # money.py
        raise NotImplementedError

    def _phase_names_changed(self) -> None:  # money.py
        raise NotImplementedError

    def _update_derived(self) -> None:  # content.py
        raise NotImplementedError

    def _fill_phase_choice(self, combo: QComboBox, chosen: str | None) -> None:  # content.py
        raise NotImplementedError

    def _add(
        self,
        form: QFormLayout,
        label: str,
        field: str,
        widget: QWidget,
        *extra: QWidget,
        before: QWidget | None = None,
    ) -> None:
        """A row: the input (named after its field), anything before and beside it, its
        error below."""
        widget.setObjectName(field)
        self.inputs[field] = widget
        self.page_of[field] = self._page
        # The error of a one-line field keeps its line while none shows, so that the rows
        # below do not move when one does; a text box or a table grows its error below.
        one_line = isinstance(widget, QLineEdit | QComboBox | OptionalDateEdit)
        error = ErrorLabel(f"{field}Error", reserve_lines=1 if one_line else 0)
        self.errors[field] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        if before is not None:
            row.addWidget(before)
        row.addWidget(widget, 1)
        for item in extra:
            row.addWidget(item)
        column.addLayout(row)
        column.addWidget(error.slot() if one_line else error)
        box.setFocusProxy(widget)
        form.addRow(label, box)
        line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if isinstance(line, QLineEdit):
            if field != "credit_code":  # 18 characters and a few spaces, set below
                line.setMaxLength(field_length(field))
            line.editingFinished.connect(lambda: self._check_field(field))
            line.textChanged.connect(lambda _text: self._recheck_field(field))
        elif isinstance(widget, QPlainTextEdit):
            # A text too long says so as it grows, not only when saving.
            widget.textChanged.connect(lambda: self._check_field(field))
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: self._recheck_field(field))

    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, items: tuple[str, ...], editable: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        fill_choices(combo, items, blank=True)
        return combo

    def _text(self, height: int, placeholder: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        # Fixed, not expanding: the extra height of a page goes to the tables.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setPlaceholderText(placeholder)
        return box

    def _amount(
        self, form: QFormLayout, label: str, field: str, qualified: bool = False
    ) -> AmountEdit:
        edit = AmountEdit(field)
        self.amounts[field] = edit
        before = self._qualifier(field) if qualified else None
        self._add(form, label, field, edit, edit.unit_box, before=before)
        edit.unit_box.currentIndexChanged.connect(lambda _index: self._check_field(field))
        return edit

    def qualifier_combo(self) -> QComboBox:
        """约 / 超 / 达 / 以上 before a planned figure, as officials write it (or none)."""
        combo = QComboBox()
        combo.addItem("", "")
        for qualifier, text in (
            (Qualifier.ABOUT, self.tr("约")),
            (Qualifier.OVER, self.tr("超")),
            (Qualifier.REACHING, self.tr("达")),
            (Qualifier.AT_LEAST, self.tr("以上")),
        ):
            combo.addItem(text, qualifier.value)  # Qt keeps the code, not the enum
        combo.setToolTip(self.tr("数字的限定词,简报中写作:约20亿元、超5亿元、达4万吨、500人以上"))
        return combo

    def _qualifier(self, field: str) -> QComboBox:
        combo = self.qualifier_combo()
        combo.setObjectName(f"{field}_qualifier")
        self.qualifiers[field] = combo
        return combo

    def _stacked(self, *buttons: QPushButton) -> tuple[QWidget]:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        return (box,)

    def _table(self, object_name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(object_name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(140)
        return table

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._phase_names_changed()

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _text_of(self, field: str) -> str:
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return choice_value(widget)
        raise TypeError(field)

    @staticmethod
    def set_qualifier(combo: QComboBox, qualifier: Qualifier | None) -> None:
        combo.setCurrentIndex(max(combo.findData(qualifier.value if qualifier else ""), 0))

    @staticmethod
    def qualifier_in(combo: QWidget | None) -> Qualifier | None:
        chosen = combo.currentData() if isinstance(combo, QComboBox) else None
        return Qualifier(chosen) if chosen else None

    def _qualifier_of(self, field: str) -> Qualifier | None:
        return self.qualifier_in(self.qualifiers[field])

    def _cell_qualifier(self, table: QTableWidget, row: int, column: int) -> Qualifier | None:
        return self.qualifier_in(table.cellWidget(row, column))


def _button(text: str, object_name: str) -> QPushButton:
    """A button inside the form; never the default, so Enter always means 保存."""
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _on_delete_key(table: QTableWidget, action: Callable[[], None]) -> None:
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(action)
