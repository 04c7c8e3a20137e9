"""The rows of the project form: an input named after its ProjectData field, with
its error below it; the registers the pages enter their rows in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
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
from ui.widgets import AmountEdit, ErrorLabel

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
        # An error never moves the rows below it: a field's error keeps its line while
        # none shows (its messages take one line); a table's takes its lines from the
        # bottom of the table's own space (its messages, one a problem row, are many).
        table = isinstance(widget, QTableWidget)
        error = ErrorLabel(f"{field}Error", reserve_lines=0 if table else 1)
        self.errors[field] = error
        inputs = QWidget()
        row = QHBoxLayout(inputs)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        if before is not None:
            row.addWidget(before)
        row.addWidget(widget, 1)
        for item in extra:
            row.addWidget(item)
        box: QWidget
        if table:
            box = ErrorBelow(inputs, error)
        else:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(inputs)
            column.addWidget(error.slot())
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


class ErrorBelow(QWidget):
    """A table (with its buttons) and its error under it, in a space whose size never
    depends on the error: two lines are kept free under the table for it, as a one-line
    field keeps one, and a longer error takes the lines it needs from the bottom of the
    table.  No row of the form moves when an error shows or goes."""

    RESERVED_LINES = 2  # most table errors are one or two rows' problems
    SPACING = 2

    def __init__(self, content: QWidget, error: ErrorLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.error = error
        content.setParent(self)
        error.setParent(self)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        error.installEventFilter(self)  # shown, hidden or worded anew: placed anew
        # As a table: what height the page has to spare goes to it.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _reserved(self) -> int:
        return self.error.fontMetrics().lineSpacing() * self.RESERVED_LINES + self.SPACING

    def sizeHint(self) -> QSize:
        return self.content.sizeHint() + QSize(0, self._reserved())

    def minimumSizeHint(self) -> QSize:
        return self.content.minimumSizeHint() + QSize(0, self._reserved())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.error and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        ):
            self._place()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the error's text changed
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        width, height = self.width(), self.height()
        shown = not self.error.isHidden()
        needed = self.error.heightForWidth(width) + self.SPACING if shown else 0
        # The lines kept for the error, and more if it needs them and the table has
        # height to spare above its smallest.
        spare = max(height - self.content.minimumSizeHint().height(), 0)
        below = min(max(self._reserved(), min(needed, spare)), height)
        self.content.setGeometry(0, 0, width, height - below)
        if shown:
            self.error.setGeometry(0, height - below + self.SPACING, width, below - self.SPACING)
            # Cut short in a small window: the whole message in the tooltip.
            self.error.setToolTip(self.error.text() if needed > below else "")


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
