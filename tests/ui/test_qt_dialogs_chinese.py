"""Qt's own dialogs speak the interface's language: a file dialog in Chinese mode reads
查找范围 and 文件类型, not "Look in" and "Files of type"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from ui import i18n


@pytest.fixture(autouse=True)
def chinese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


def _dialog(qtbot, accept: QFileDialog.AcceptMode) -> QFileDialog:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "保存简报", "", "PDF 文件 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(accept)
    qtbot.addWidget(dialog)
    return dialog


def _label(dialog: QFileDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_a_file_dialog_reads_in_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, QFileDialog.AcceptMode.AcceptSave)
    assert _label(dialog, "lookInLabel") == "查找范围(&L)："
    assert _label(dialog, "fileTypeLabel") == "文件类型(&T)："
    assert _label(dialog, "fileNameLabel") == "文件名称(&N)："
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["保存(&S)", "取消"])


def test_the_open_dialog_too_and_english_mode_reads_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, QFileDialog.AcceptMode.AcceptOpen)
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "打开(&O)"
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围(&L)："

    i18n.install("en")
    english = _dialog(qtbot, QFileDialog.AcceptMode.AcceptOpen)
    assert english.labelText(QFileDialog.DialogLabel.LookIn) == "&Look in:"
    assert english.labelText(QFileDialog.DialogLabel.FileType) == "Files of &type:"
