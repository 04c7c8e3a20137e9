"""Small input widgets shared by the forms: amounts in 万/亿, optional dates, error labels."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.rules.money import AmountError, parse_amount, plain
from ui.date_field import DateField

ERROR_STYLE = "color: #c62828;"
MONEY_PLACES = 6  # 万 to the cent, as db.models.MoneyField stores them
SQUARE_METRES_PER_MU = Decimal(10000) / Decimal(15)  # 1亩 = 10000/15 ㎡ ≈ 666.67 ㎡

# A unit typed after the number wins over the unit chosen beside the field.
_SUFFIX = re.compile(r"(亿美元|亿元|亿|万美元|万元|万)$")
_SUFFIX_FACTOR = {"亿美元": 10000, "亿元": 10000, "亿": 10000, "万美元": 1, "万元": 1, "万": 1}


def _tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


def parse_decimal(text: str, places: int) -> Decimal | None:
    """A number typed by a person (thousands separators allowed); empty is None.

    Negative numbers pass, so that validation can say which field may not be
    negative; more decimals than the file keeps are refused rather than rounded.
    """
    try:
        value = parse_amount(text, allow_negative=True)
    except AmountError:
        raise AmountError(_tr("请填写数字,如 30 或 11.6")) from None
    if value is not None and value != value.quantize(Decimal(1).scaleb(-places)):
        raise AmountError(_tr("最多保留 %1 位小数").replace("%1", str(places)))
    return value


def parse_wan(text: str, factor: int) -> Decimal | None:
    """An amount in 万, typed in units of ``factor`` 万 (1 = 万, 10000 = 亿) or with a
    unit of its own ("11.6亿", "5000万")."""
    text = text.strip()
    match = _SUFFIX.search(text)
    if match:
        factor = _SUFFIX_FACTOR[match.group(1)]
        text = text[: match.start()]
    value = parse_decimal(text, MONEY_PLACES + 4)
    if value is None:
        return None
    wan = value * factor
    if wan != wan.quantize(Decimal(1).scaleb(-MONEY_PLACES)):
        raise AmountError(_tr("金额最多精确到分"))
    return Decimal(plain(wan))


def wan_text(wan: Decimal | None, factor: int) -> str:
    """An amount in 万 written in units of ``factor`` 万, exactly."""
    return "" if wan is None else plain(wan / factor)


def square_metres_text(mu: Decimal | None) -> str:
    """亩 shown in ㎡, rounded to a whole square metre: 85亩 → "≈ 56,667 ㎡"."""
    if mu is None:
        return ""
    m2 = (mu * SQUARE_METRES_PER_MU).quantize(Decimal(1), ROUND_HALF_UP)
    return f"≈ {m2:,} ㎡"


def date_edit(object_name: str, label: str, value: date | None = None) -> DateField:
    """A date the user must give (``label`` names it in errors), today unless given."""
    return DateField(object_name, label, value or date.today())


def date_of(edit: DateField) -> date:
    """The date of a required field; raises DateError (its message names the field)."""
    value = edit.value()
    assert value is not None  # a required field refuses to be empty
    return value


class ErrorLabel(QLabel):
    """A small red message beside a field; hidden while the field is fine."""

    def __init__(
        self, object_name: str, parent: QWidget | None = None, *, reserve_lines: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self._slot: QWidget | None = None
        if reserve_lines:
            # The space stays while no error shows, so nothing below moves when one does:
            # the label sits in a slot of its height that is always shown (a form layout
            # drops a hidden row, whatever its size policy says).
            height = self.fontMetrics().lineSpacing() * reserve_lines + 2
            self.setFixedHeight(height)
            self._slot = QWidget()
            self._slot.setObjectName(f"{object_name}Slot")
            self._slot.setFixedHeight(height)
            holder = QVBoxLayout(self._slot)
            holder.setContentsMargins(0, 0, 0, 0)
            holder.addWidget(self)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        if self._slot is not None:  # a message longer than its lines is read whole on hover
            self.setToolTip(text)

    def slot(self) -> QWidget:
        """What a layout holds for a label that keeps its space (``reserve_lines``)."""
        assert self._slot is not None, "only a label that reserves its lines has a slot"
        return self._slot

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class AmountEdit(QLineEdit):
    """An amount typed in 万元 or 亿元 (内资) or in 万美元 (外资); ``value()`` is in 万.

    The unit box sits beside the field (``unit_box``, objectName "<name>Unit");
    the number means whatever unit is chosen, so typing 30 and picking 亿元
    gives 300000 万元.
    """

    changed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.unit_box = QComboBox()
        self.unit_box.setObjectName(f"{object_name}Unit")
        self.foreign = False
        self.set_foreign(False)
        self.textChanged.connect(lambda _text: self.changed.emit())
        self.unit_box.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def set_foreign(self, foreign: bool) -> None:
        """外资 amounts are in 万美元 only; 内资 in 万元 or 亿元."""
        if self.unit_box.count() and foreign == self.foreign:
            return
        self.foreign = foreign
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        if foreign:
            self.unit_box.addItem(_tr("万美元"), 1)
        else:
            self.unit_box.addItem(_tr("万元"), 1)
            self.unit_box.addItem(_tr("亿元"), 10000)
        self.unit_box.setEnabled(not foreign)
        self.unit_box.blockSignals(False)
        self.changed.emit()

    @property
    def factor(self) -> int:
        return int(self.unit_box.currentData() or 1)

    def set_factor(self, factor: int) -> None:
        index = self.unit_box.findData(factor)
        if index >= 0:
            self.unit_box.setCurrentIndex(index)

    @property
    def unit_text(self) -> str:
        return self.unit_box.currentText()

    def value(self) -> Decimal | None:
        """The amount in 万; raises AmountError with a message for the user."""
        return parse_wan(self.text(), self.factor)

    def set_value(self, wan: Decimal | None) -> None:
        """Show an amount, in 亿元 when it is at least 1亿元 (the way it is spoken)."""
        if not self.foreign:
            self.set_factor(10000 if wan is not None and wan >= 10000 else 1)
        self.setText(wan_text(wan, self.factor))


class OptionalDateEdit(QWidget):
    """A date that may be left out: a checkbox switches the date field on."""

    def __init__(self, object_name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.check = QCheckBox(label)
        self.check.setObjectName(f"{object_name}Set")
        self.edit = DateField(f"{object_name}Date", label, date.today())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def set_label(self, label: str) -> None:
        """The field's name in its errors (the checkbox says only 已定 or 设定期限)."""
        self.edit.label = label

    def _toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        if checked and self.check.hasFocus():
            self.edit.setFocus(Qt.FocusReason.TabFocusReason)  # type the date at once

    def value(self) -> date | None:
        """The date, or None when left out; raises DateError for a date that is none."""
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.set_value(value)


def confirm_delete(parent: QWidget, title: str, question: str) -> bool:
    """Ask before a deletion; 否 is the default, so a stray Enter deletes nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        question + "\n" + _tr("删除后可用 Ctrl+Z 撤销。"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, title: str, text: str) -> None:
    """A plain notice with one OK button (a refused action, and why)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.exec()
