"""Keyboard entry that loses nothing: a form opens with the cursor in its first field,
Enter moves to the next field, Ctrl+Enter saves, and a completer's list never
swallows the click or the keystrokes meant for another field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QWidget,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _FormKeys(QObject):
    def __init__(self, form: QWidget, first: QWidget, save: Callable[[], object]) -> None:
        super().__init__(form)
        self.form = form
        self.first = first
        self.save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.form:
            self.first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(self.first, QLineEdit):
                self.first.selectAll()  # typing replaces a date or name already shown
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER:
            return False
        # A key the focused field did not take (a multi-line text keeps its Enter).
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        focused = self.form.focusWidget()
        if isinstance(focused, QAbstractButton):
            return False  # Enter on a button presses it
        if _inside_table(focused):
            return True  # Enter ends a cell's editing, and saves nothing
        self.form.focusNextChild()
        return True


def _inside_table(widget: QWidget | None) -> bool:
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            return True
        widget = widget.parentWidget()
    return False


def enter_moves_on(form: QWidget, first: QWidget, save: Callable[[], object]) -> None:
    """``form`` opens with the cursor in ``first``; Enter moves to the next field and
    Ctrl+Enter calls ``save`` (Enter in a multi-line text stays a new line)."""
    keys = _FormKeys(form, first, save)
    form.installEventFilter(keys)
    # An editable list takes Enter for itself: the list (which has the focus and hands
    # its keys straight to its text field, past any filter there) and its text field
    # are watched too.
    for combo in form.findChildren(QComboBox):
        line = combo.lineEdit() if combo.isEditable() else None
        if line is not None:
            combo.installEventFilter(keys)
            line.installEventFilter(keys)


class _PassClicks(QObject):
    """A click outside a completer's list closes the list and still reaches what was
    clicked (Qt's popups keep that click for themselves on Linux)."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonPress:
            return False
        popup = self.completer.popup()
        assert popup is not None and isinstance(event, QMouseEvent)
        where = event.globalPosition().toPoint()
        if popup.rect().contains(popup.mapFromGlobal(where)):
            return False
        popup.hide()
        target = QApplication.widgetAt(where)
        if target is None:
            return True
        if target.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            target.setFocus(Qt.FocusReason.MouseFocusReason)
        local = target.mapFromGlobal(where)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(target, _click(kind, local, where, event))
        return True


def _click(kind: QEvent.Type, local: QPoint, where: QPoint, like: QMouseEvent) -> QMouseEvent:
    buttons = like.buttons() if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    return QMouseEvent(kind, local, where, like.button(), buttons, like.modifiers())


def pass_clicks_through(completer: QCompleter) -> None:
    """Let a click outside ``completer``'s list act at once on what was clicked."""
    popup = completer.popup()
    assert popup is not None
    popup.installEventFilter(_PassClicks(completer))
