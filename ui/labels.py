"""The ledger's fixed words (stages, and the lists of docs/DOMAIN.md: 建设性质, 企业性质,
信息来源, 节点, 走访方式, 单位类别) as the interface shows them.

The file always stores the Chinese word: the ledger template, the briefings and
the merge at headquarters read it.  Only what is shown follows the language:
each word is translated in the "Labels" context (scripts/update_translations.sh
lists them for lupdate), and a choice list keeps the stored word as item data.
Words a user typed (a milestone of their own, a local industry) show as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from db.rules.vocabulary import Stage

CONTEXT = "Labels"


def label(word: str) -> str:
    """``word`` in the interface's language (itself when it is not a fixed word)."""
    return QCoreApplication.translate(CONTEXT, word) if word else word


def stage_label(stage: Stage | str) -> str:
    return label(Stage(stage).label)


def fill_choices(combo: QComboBox, words: Iterable[str], blank: bool = False) -> None:
    """Offer ``words`` shown translated; the item data is the stored word."""
    if blank:
        combo.addItem("", "")
    for word in words:
        combo.addItem(label(word), word)


def set_choice(combo: QComboBox, word: str | None) -> None:
    """Select the stored ``word``; an editable list shows a word of the user's own as typed."""
    index = combo.findData(word or "")
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(word or "")


def choice_value(combo: QComboBox) -> str:
    """The word to store: a listed word as stored (never its translation), or what was typed."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    if index >= 0 and isinstance(combo.itemData(index), str):
        return str(combo.itemData(index))
    return text
