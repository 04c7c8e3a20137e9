"""A date typed as a whole: 2023-05-20, 20230520, 2023/5/20, 2023年5月20日, or 5.20 in the
current year; pasted dates too.  A QDateEdit takes digits section by section, so a
cadre retyping a date lost it; this is a line edit that reads what was typed when
it is needed, with a calendar beside it for the mouse."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

# Year, month and day with any one separator (- / . 年月日 or spaces), or eight digits.
_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Month and day only: the current year.
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


class DateError(ValueError):
    """A date that cannot be read; the message is for the user."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateField", text)


def parse_typed_date(text: str, today: date | None = None) -> date | None:
    """The date a person typed or pasted; None when the text is empty.

    Raises DateError when the text is no date (2023-13-01, 2023-02-30, 明天)."""
    typed = unicodedata.normalize("NFKC", text).strip()  # full-width digits as ASCII
    if not typed:
        return None
    today = today or date.today()
    parts: tuple[int, int, int] | None = None
    if match := _FULL.fullmatch(typed) or _DIGITS.fullmatch(typed):
        year, month, day = (int(part) for part in match.groups())
        parts = (year, month, day)
    elif match := _MONTH_DAY.fullmatch(typed):
        month, day = (int(part) for part in match.groups())
        parts = (today.year, month, day)
    if parts is not None:
        try:
            return date(*parts)
        except ValueError:
            pass
    raise DateError(typed)


_ICONS: dict[tuple[int, float], QIcon] = {}  # by colour and device pixel ratio


def _calendar_icon(field: QLineEdit) -> QIcon:
    """The arrow that opens the calendar, a triangle in the field's text colour (drawn
    once per colour and screen resolution).  Drawn rather than taken from QStyle: the
    first use of QStyle in Python builds its few hundred enums, about 10 ms of every
    start with a date filter."""
    colour = field.palette().text().color()
    ratio = max(1.0, field.devicePixelRatioF())
    icon = _ICONS.get((colour.rgba(), ratio))
    if icon is None:
        pixmap = QPixmap(round(16 * ratio), round(16 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(2.5, 5), QPointF(13.5, 5), QPointF(8, 11)]))
        painter.end()
        icon = _ICONS[colour.rgba(), ratio] = QIcon(pixmap)
    return icon


class DateField(QLineEdit):
    """A date field: written yyyy-MM-dd, read from whatever date was typed.

    ``label`` names the field in its error (“日期:2023-13-01 不是有效日期…”);
    ``required`` fields refuse to be empty.  ``setDate`` and ``date`` keep the
    QDateEdit calls working."""

    dateChanged = Signal()

    def __init__(
        self,
        object_name: str,
        label: str,
        value: date | None = None,
        *,
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.label = label
        self.required = required
        self.setPlaceholderText(_tr("如 2023-05-20"))
        self.setToolTip(
            _tr(
                "可输入 2023-05-20、20230520、2023/5/20、2023年5月20日,或 5.20(今年);Alt+↓ 打开日历"
            )
        )
        self.setMaxLength(20)
        self._select_on_click = False
        self._calendar: QCalendarWidget | None = None
        pick = QAction(_calendar_icon(self), "", self)
        pick.setToolTip(_tr("从日历中选择"))
        pick.triggered.connect(self.show_calendar)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(lambda _text: self.dateChanged.emit())
        self.set_value(value)

    # -- values ---------------------------------------------------------------------

    def value(self) -> date | None:
        """The date typed; None when empty.  Raises DateError with the message to show."""
        try:
            when = parse_typed_date(self.text())
        except DateError:
            raise DateError(
                _tr("%1:“%2”不是有效日期,请按 2023-05-20 的格式填写")
                .replace("%1", self.label)
                .replace("%2", self.text().strip())
            ) from None
        if when is None and self.required:
            raise DateError(_tr("请填写%1,如 2023-05-20").replace("%1", self.label))
        return when

    def problem(self) -> str | None:
        """Why the text is not a date (naming the field), or None."""
        try:
            self.value()
        except DateError as error:
            return str(error)
        return None

    def set_value(self, value: date | None) -> None:
        self.setText("" if value is None else value.isoformat())

    def setDate(self, value: date | QDate) -> None:
        self.set_value(value.toPython() if isinstance(value, QDate) else value)  # type: ignore[arg-type]

    def date(self) -> QDate:
        """The date typed as a QDate (an invalid one when there is none)."""
        try:
            when = self.value()
        except DateError:
            return QDate()
        return QDate() if when is None else QDate(when.year, when.month, when.day)

    def tidy(self) -> None:
        """Write a readable date the one way dates are shown: 2023/5/20 → 2023-05-20."""
        try:
            when = parse_typed_date(self.text())
        except DateError:
            return
        if when is not None and self.text() != when.isoformat():
            self.setText(when.isoformat())

    # -- typing ---------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # The whole date is selected, so typing replaces it: after Tab at once, after a
        # click once the button is released (the press itself places the cursor).
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            self._select_on_click = True
        else:
            self.selectAll()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_click and not self.hasSelectedText():
            self.selectAll()
        self._select_on_click = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._select_on_click = False
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.tidy()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    # -- the calendar ---------------------------------------------------------------

    def show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setObjectName(f"{self.objectName()}Calendar")
            self._calendar.setWindowFlag(Qt.WindowType.Popup)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        shown = self.date()
        self._calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.setDate(picked)
        assert self._calendar is not None
        self._calendar.hide()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        # A date picked is entered, as one typed is on Enter: what reads the field when
        # editing ends (the overview's period, the ledger's range) reads it now.
        self.editingFinished.emit()
