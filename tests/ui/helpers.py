"""What the UI tests do as a user: answer message boxes, type Chinese, pick choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget


@dataclass
class Answers:
    """Message boxes shown during a test, and what the user answers to them."""

    question: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    box: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel
    asked: list[str] = field(default_factory=list)


def answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """No message box ever blocks a test: each is recorded and answered."""
    given = Answers()

    def question(_parent: QWidget, _title: str, text: str, *_args: object) -> object:
        given.asked.append(text)
        return given.question

    def run(box: QMessageBox) -> int:
        given.asked.append(box.text())
        return int(given.box.value)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "exec", run)
    return given


def child(parent: QWidget, name: str) -> QWidget:
    found = parent.findChild(QWidget, name)
    assert found is not None, name
    return found


def commit_text(widget: QWidget, text: str) -> None:
    """Chinese as an input method delivers it (key clicks can only type ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(parent: QWidget, name: str, text: str) -> None:
    combo = child(parent, name)
    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


# The writings of a date the users asked for, each with the date it means: typed or
# pasted whole, or month and day alone for a date of this year.
TYPED_DATES = [
    ("2023-05-20", date(2023, 5, 20)),
    ("20230520", date(2023, 5, 20)),
    ("2023/5/20", date(2023, 5, 20)),
    ("2023年5月20日", date(2023, 5, 20)),
    ("5.20", date(date.today().year, 5, 20)),
]


def type_date(qtbot, edit: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Tab into a date field (or Ctrl+A in it, when the cursor is there already) and
    type over the date it shows, selected on entering: digits and signs key by key, a
    Chinese character as an input method gives it."""
    assert isinstance(edit, QLineEdit)
    assert edit.window().isActiveWindow(), "keys reach only the active window"
    if edit.hasFocus():
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert edit.hasFocus()
    assert edit.selectedText() == edit.text()  # typing replaces the whole date
    type_keys(qtbot, edit, text)


def type_keys(qtbot, edit: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type where the cursor is: digits and signs key by key, a Chinese character as an
    input method gives it (QTest's key clicks know only ASCII)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(edit, character)
        else:
            commit_text(edit, character)
