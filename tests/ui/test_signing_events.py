"""签约活动: an event entered once, its projects linked, every edit undoable."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from db.reads.figures import project_stage_on
from db.reads.signing import signing_events
from db.records.settings import set_exchange_rate
from db.rules.vocabulary import Stage
from db.store.models import Project
from tests.factories import make_project
from tests.ui.helpers import TYPED_DATES, commit_text, type_date, type_keys
from ui.session import Session
from ui.signing_events import SigningEventDialog, SigningEventsView


@pytest.fixture(autouse=True)
def unshown_dialogs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Dialogs are driven without being shown: the offscreen platform warns on showing."""
    monkeypatch.setattr(SigningEventDialog, "open", lambda self: None)


def make_view(qtbot, session: Session) -> SigningEventsView:  # type: ignore[no-untyped-def]
    view = SigningEventsView(session)
    qtbot.addWidget(view)
    view.show()  # views refresh while on screen
    return view


def fill_new_event(view: SigningEventsView, name: str, projects: list[Project]) -> None:
    view.new_button.click()
    dialog = view.dialog
    assert dialog is not None
    dialog.name.setText(name)
    dialog.date.setDate(QDate(2025, 6, 18))
    dialog.place.setText("市民中心")
    for project in projects:
        dialog.set_checked(project.uuid)
    dialog.ok_button.click()


def test_an_event_with_three_projects_states_count_and_total(
    qtbot, session: Session, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    signed = [(Stage.SIGNED, date(2025, 6, 18))]
    first = make_project("大亚新能源材料", 300000, events=signed)
    second = make_project("美锦光学纳米", 20000, events=signed)
    third = make_project("外资精密", 1000, capital="foreign", events=signed)
    make_project("未关联项目", 50000)
    asked: list[list[str]] = []
    monkeypatch.setattr(SigningEventsView, "ask_record_signing", lambda s, n, w: asked.append(n))
    view = make_view(qtbot, session)

    fill_new_event(view, "政银企对接活动", [first, second, third])
    assert asked == []  # all three already have their 签约 date
    assert view.summary.text().startswith(
        "政银企对接活动:现场集中签约项目3个,累计金额32.71亿元"
    )  # 30 + 2 + 1000万美元 × 7.1
    assert "按1美元=7.1元人民币折算" in view.summary.text()
    assert view.model.rowCount() == 1
    assert view.projects.count() == 3
    assert session.undo_stack.count() == 1

    session.undo_stack.undo()
    assert view.model.rowCount() == 0
    assert Project.get_by_id(first.id).signing_event is None
    session.undo_stack.redo()
    assert signing_events()[0].project_count == 3


def test_the_picker_filters_and_signing_dates_are_recorded_when_asked(
    qtbot, session: Session, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    talks = make_project("创力电梯", 36000, events=[(Stage.TALKS, date(2025, 3, 1))])
    started = make_project("早开工", 20000, events=[(Stage.STARTED, date(2025, 5, 1))])
    monkeypatch.setattr(SigningEventsView, "ask_record_signing", lambda s, n, w: True)
    view = make_view(qtbot, session)
    view.new_button.click()
    dialog = view.dialog
    dialog.search.setText("电梯")
    visible = [dialog.picker.item(i) for i in range(dialog.picker.count())]
    assert [i.text().split(" — ")[0] for i in visible if not i.isHidden()] == ["创力电梯"]
    dialog.name.setText("")
    dialog.set_checked(talks.uuid)
    dialog.set_checked(started.uuid)
    assert dialog.checked_label.text() == "已勾选 2 个项目"
    dialog.ok_button.click()
    assert dialog.name_error.text() == "请填写活动名称"
    assert signing_events() == []

    dialog.name.setText("长三角招商推介会")
    dialog.date.setDate(QDate(2025, 6, 1))
    dialog.ok_button.click()
    assert project_stage_on(Project.get_by_id(talks.id), date(2025, 6, 1)) is Stage.SIGNED
    # Signing after it started breaks the stage order: linked, but not recorded, and said so.
    assert "早开工" in view.notice.text()
    assert project_stage_on(Project.get_by_id(started.id), date(2025, 6, 1)) is Stage.STARTED
    assert signing_events()[0].project_count == 2

    session.undo_stack.undo()
    assert project_stage_on(Project.get_by_id(talks.id), date(2025, 6, 1)) is Stage.TALKS
    assert Project.get_by_id(talks.id).stage == "talks"
    session.undo_stack.redo()
    assert Project.get_by_id(talks.id).stage == "signed"


def test_editing_unlinks_and_deleting_keeps_the_projects(
    qtbot, session: Session, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    signed = [(Stage.SIGNED, date(2025, 6, 18))]
    first = make_project("甲项目", 20000, events=signed)
    second = make_project("乙项目", 30000, events=signed)
    monkeypatch.setattr(SigningEventsView, "ask_record_signing", lambda s, n, w: False)
    view = make_view(qtbot, session)
    fill_new_event(view, "签约仪式", [first, second])

    view.edit_button.click()
    dialog = view.dialog
    assert dialog.name.text() == "签约仪式"
    assert dialog.checked_label.text() == "已勾选 2 个项目"
    dialog.set_checked(second.uuid, False)
    dialog.place.setText("会展中心")
    dialog.ok_button.click()
    event = signing_events()[0]
    assert (event.place, event.project_count) == ("会展中心", 1)
    assert "现场集中签约项目1个,累计金额2亿元" in view.summary.text()

    view.delete_button.click()
    assert signing_events() == []
    assert Project.get_by_id(first.id).signing_event_id is None  # unlinked, kept
    assert not Project.get_by_id(first.id).deleted
    session.undo_stack.undo()
    assert signing_events()[0].project_count == 1
    assert Project.get_by_id(first.id).signing_event_id is not None
    assert session.undo_stack.count() == 3


def open_new_event(qtbot, view: SigningEventsView) -> SigningEventDialog:  # type: ignore[no-untyped-def]
    """新建活动, shown to be typed in: the cursor in the name."""
    view.new_button.click()
    dialog = view.dialog
    assert dialog is not None
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.name
    return dialog


@pytest.mark.parametrize(("typed", "meant"), TYPED_DATES)
def test_an_event_date_typed_in_any_usual_writing(  # type: ignore[no-untyped-def]
    qtbot, session: Session, typed: str, meant: date
) -> None:
    view = make_view(qtbot, session)
    dialog = open_new_event(qtbot, view)
    commit_text(dialog.name, "政银企对接活动")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.date
    assert dialog.date.selectedText() == date.today().isoformat()  # typing replaces it
    type_keys(qtbot, dialog.date, typed)
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.place  # Tab leaves the date whole
    assert dialog.date.text() == meant.isoformat()
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert [(e.name, e.date) for e in signing_events()] == [("政银企对接活动", meant)]


def test_a_wrong_event_date_is_named_and_nothing_saved(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, session)
    dialog = open_new_event(qtbot, view)
    commit_text(dialog.name, "签约仪式")
    below = (dialog.place, dialog.note, dialog.search, dialog.ok_button)
    places = [widget.mapTo(dialog, QPoint(0, 0)) for widget in below]
    type_date(qtbot, dialog.date, "2025-02-30")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and signing_events() == []
    assert dialog.date_error.isVisible()
    assert dialog.date_error.text() == "日期:“2025-02-30”不是有效日期,请按 2023-05-20 的格式填写"
    assert dialog.focusWidget() is dialog.date
    assert [widget.mapTo(dialog, QPoint(0, 0)) for widget in below] == places  # nothing moved

    type_date(qtbot, dialog.date, "2025-06-18")
    assert not dialog.date_error.isVisible()  # gone as the date is typed again
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert [(e.name, e.date) for e in signing_events()] == [("签约仪式", date(2025, 6, 18))]


def test_the_events_are_read_when_first_shown(qtbot, session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.signing_events

    reads: list[int] = []
    real = ui.signing_events.signing_events
    monkeypatch.setattr(ui.signing_events, "signing_events", lambda: reads.append(1) or real())
    view = SigningEventsView(session)
    qtbot.addWidget(view)
    assert reads == []  # built with the window, not read yet
    view.show()
    assert len(reads) == 1
