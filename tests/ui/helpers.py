"""What the UI tests do as a user: answer message boxes, type Chinese, pick choices."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget


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
