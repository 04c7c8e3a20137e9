"""The 待跟进 view: overdue in red, 标记完成 undoable, rows open their records."""

from __future__ import annotations

import sys
import types
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from db.store.models import FollowUp
from tests.factories import make_project
from ui.follow_up_view import OVERDUE_COLOUR, FollowUpModel, FollowUpView
from ui.session import Session

TODAY = date(2025, 8, 1)


def add_follow_up(project, due: date, step: str) -> FollowUp:  # type: ignore[no-untyped-def]
    return FollowUp.create(
        project=project,
        date=date(2025, 7, 1),
        kind="拜访",
        summary="洽谈",
        next_step=step,
        due_date=due,
    )


def make_view(qtbot, session: Session) -> FollowUpView:  # type: ignore[no-untyped-def]
    view = FollowUpView(session, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()  # views refresh while on screen
    return view


def test_overdue_rows_are_red_and_mark_done_removes_them(
    qtbot, qtmodeltester, session: Session
) -> None:  # type: ignore[no-untyped-def]
    project = make_project("大亚新能源材料")
    overdue = add_follow_up(project, date(2025, 7, 28), "报送用地方案")
    add_follow_up(project, date(2025, 8, 5), "回访")
    view = make_view(qtbot, session)
    model = view.table.model()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    first = model.index(0, FollowUpModel.NEXT_STEP)
    assert first.data() == "报送用地方案"
    assert QColor(first.data(Qt.ItemDataRole.ForegroundRole)) == OVERDUE_COLOUR
    assert model.index(0, FollowUpModel.STATUS).data() == "已逾期 4 天"
    assert model.index(1, FollowUpModel.STATUS).data() == "4 天后到期"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.summary.text() == "已逾期 1 条,7天内到期 1 条"

    view.filter.setCurrentIndex(0)  # 已逾期
    assert model.rowCount() == 1
    assert not view.done_button.isEnabled()
    view.table.selectRow(0)
    assert view.done_button.isEnabled()
    view.done_button.click()
    assert model.rowCount() == 0
    assert FollowUp.get_by_id(overdue.id).done

    session.undo_stack.undo()
    assert model.rowCount() == 1
    assert not FollowUp.get_by_id(overdue.id).done


def test_all_open_shows_later_ones(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    add_follow_up(project, date(2025, 12, 1), "年底回访")
    view = make_view(qtbot, session)
    assert view.table.model().rowCount() == 0
    view.filter.setCurrentIndex(2)  # 全部未完成
    assert view.table.model().rowCount() == 1


def test_rows_open_the_follow_up_and_the_project(qtbot, session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = make_project("创力电梯")
    record = add_follow_up(project, date(2025, 7, 30), "协调证照")
    opened: list[tuple[str, str | None]] = []

    class FakeDialog(QWidget):
        def __init__(self, session, project_uuid, follow_up_uuid=None, parent=None):  # type: ignore[no-untyped-def]
            super().__init__(parent)
            opened.append((project_uuid, follow_up_uuid))

        def open(self) -> None:
            pass

    module = types.ModuleType("ui.follow_up_dialog")
    module.FollowUpDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.follow_up_dialog", module)
    view = make_view(qtbot, session)
    view.table.activated.emit(view.table.model().index(0, 2))
    assert opened == [(project.uuid, record.uuid)]

    view.table.selectRow(0)
    with qtbot.waitSignal(view.project_activated) as blocker:
        view.project_button.click()
    assert blocker.args == [project.uuid]


def test_the_list_is_read_when_first_shown(qtbot, session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.follow_up_view

    reads: list[date] = []
    real = ui.follow_up_view.due_follow_ups
    monkeypatch.setattr(
        ui.follow_up_view,
        "due_follow_ups",
        lambda as_of, days: reads.append(as_of) or real(as_of, days),
    )
    add_follow_up(make_project(), date(2025, 7, 28), "报送用地方案")
    view = FollowUpView(session, today=lambda: TODAY)
    qtbot.addWidget(view)
    assert reads == []  # built with the window, not read yet
    view.show()
    assert len(reads) == 1 and view.model.rowCount() == 1


def _save_through_the_dialog(qtbot, session: Session, project, due: date, step: str) -> None:  # type: ignore[no-untyped-def]
    from ui.follow_up_dialog import FollowUpDialog

    dialog = FollowUpDialog(session, project.uuid)
    qtbot.addWidget(dialog)
    dialog.summary.setPlainText("电话沟通用地方案")
    dialog.next_step.setPlainText(step)
    dialog.due.set_value(due)
    dialog.accept()
    assert dialog.result() == FollowUpDialog.DialogCode.Accepted


def test_a_new_follow_up_shows_by_default_when_due_within_a_week(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    project = make_project("大亚新能源材料")
    view = FollowUpView(session)  # today's date, as the dialog dates the visit today
    qtbot.addWidget(view)
    view.show()
    assert view.filter.currentText() == "7天内到期(含逾期)"

    _save_through_the_dialog(qtbot, session, project, today + timedelta(days=14), "两周后回访")
    model = view.table.model()
    assert model.rowCount() == 0
    assert view.summary.text() == (
        "已逾期 0 条,7天内到期 0 条;另有 1 条 7 天后到期,选“全部未完成”查看"
    )

    _save_through_the_dialog(qtbot, session, project, today + timedelta(days=5), "报送用地方案")
    assert model.rowCount() == 1  # at once, without touching the filter
    assert model.index(0, FollowUpModel.NEXT_STEP).data() == "报送用地方案"
    assert model.index(0, FollowUpModel.STATUS).data() == "5 天后到期"
    assert view.summary.text().startswith("已逾期 0 条,7天内到期 1 条;另有 1 条")

    view.filter.setCurrentIndex(2)  # 全部未完成
    steps = [model.index(r, FollowUpModel.NEXT_STEP).data() for r in range(model.rowCount())]
    assert steps == ["报送用地方案", "两周后回访"]
    assert view.summary.text() == "已逾期 0 条,7天内到期 1 条"
