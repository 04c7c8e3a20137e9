"""What waits for a widget's paint (ui.background.AfterPaint) runs after it, once; at
once when the widget is hidden; after its fallback when no paint comes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from ui.background import AfterPaint


class Paints(QObject):
    """Counts a widget's paints and notes, at each, what had run before it."""

    def __init__(self, widget: QLabel, ran: list[str]) -> None:
        super().__init__(widget)
        self.ran_before: list[list[str]] = []
        self._ran = ran
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.ran_before.append(list(self._ran))
        return False


def shown_label(qtbot, text: str) -> QLabel:  # type: ignore[no-untyped-def]
    label = QLabel(text)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    qtbot.wait(20)  # its first paints are over
    return label


def test_an_action_waits_for_the_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = shown_label(qtbot, "大亚新能源材料建设项目")
    ran: list[str] = []
    paints = Paints(label, ran)
    AfterPaint(label, fallback_ms=60_000).then(lambda: ran.append("read on"))
    assert ran == []  # not while it is asked
    label.setText("创力电梯扩建项目")  # the paint it waits for
    qtbot.waitUntil(lambda: ran == ["read on"])
    assert paints.ran_before[0] == []  # the paint came first


def test_an_action_runs_once_though_its_fallback_comes_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = shown_label(qtbot, "台账")
    ran: list[str] = []
    after = AfterPaint(label, fallback_ms=50)
    after.then(lambda: ran.append("first"))
    after.then(lambda: ran.append("second"))
    label.setText("项目台账")
    qtbot.wait(200)  # the paint, then both fallbacks
    assert ran == ["first", "second"]


def test_with_no_paint_coming_the_fallback_runs_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = shown_label(qtbot, "台账")
    ran: list[str] = []
    AfterPaint(label, fallback_ms=30).then(lambda: ran.append("read on"))
    qtbot.waitUntil(lambda: ran == ["read on"])


def test_a_hidden_widget_paints_nothing_so_nothing_waits(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("台账")
    qtbot.addWidget(label)
    ran: list[str] = []
    AfterPaint(label, fallback_ms=10_000).then(lambda: ran.append("read on"))
    assert ran == ["read on"]
