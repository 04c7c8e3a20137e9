"""Progress over time: stage changes as dated events, milestones, the follow-up log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from db.rules.vocabulary import Stage
from db.store.models import FollowUp, Milestone, Project, StageEvent
from tests.factories import make_project
from tests.ui.helpers import Answers, answer_message_boxes, child, choose, commit_text
from ui.follow_up_dialog import FollowUpDialog
from ui.milestone_dialog import MilestoneDialog
from ui.project_form import ProjectForm
from ui.session import Session
from ui.stage_dialog import StageDialog

DAYA = "大亚新能源材料建设项目"
CHUANGLI = "江苏创力电梯垂直电梯部件及储能生产建设项目"


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer_message_boxes(monkeypatch)


def shown(qtbot, dialog: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def set_date(dialog: QWidget, name: str, when: date) -> None:
    child(dialog, name).setDate(QDate(when.year, when.month, when.day))  # type: ignore[attr-defined]


def error_of(dialog: QWidget, name: str) -> str | None:
    label = child(dialog, f"{name}Error")
    assert isinstance(label, QLabel)
    return None if label.isHidden() else label.text()


def events_of(project: Project) -> list[tuple[str, date, str | None]]:
    query = StageEvent.live().where(StageEvent.project == project).order_by(StageEvent.date)
    return [(e.stage, e.date, e.reason) for e in query]


def stage_of(project: Project) -> str:
    return Project.get_by_id(project.id).stage


def test_daya_signs_on_a_past_date_and_undo_takes_it_back(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(DAYA, 300000, events=[(Stage.TALKS, date(2023, 3, 1))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    # The next stage on the path is offered first.
    assert child(dialog, "stageChoice").currentText() == "签约"  # type: ignore[attr-defined]
    assert child(dialog, "stageDate").date().toPython() == date.today()  # type: ignore[attr-defined]
    assert not child(dialog, "stageReason").isEnabled()
    set_date(dialog, "stageDate", date(2023, 5, 12))
    commit_text(child(dialog, "stageNote"), "政银企对接活动现场签约")
    dialog.accept()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert events_of(project)[-1] == ("signed", date(2023, 5, 12), None)
    assert StageEvent.get(StageEvent.stage == "signed").note == "政银企对接活动现场签约"
    assert stage_of(project) == "signed"

    session.undo_stack.undo()
    assert events_of(project) == [("talks", date(2023, 3, 1), None)]
    assert stage_of(project) == "talks"
    session.undo_stack.redo()
    assert stage_of(project) == "signed"


def test_signing_after_construction_is_named_beside_the_date(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.STARTED, date(2023, 3, 29))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    choose(dialog, "stageChoice", "签约")
    set_date(dialog, "stageDate", date(2023, 5, 1))
    dialog.accept()

    assert dialog.isVisible()
    assert error_of(dialog, "stageDate") == "签约日期 2023-05-01 晚于开工日期 2023-03-29,请核对日期"
    assert len(events_of(project)) == 1
    assert session.undo_stack.count() == 0

    set_date(dialog, "stageDate", date(2023, 3, 20))
    assert error_of(dialog, "stageDate") is None
    dialog.accept()
    assert [e[0] for e in events_of(project)] == ["signed", "started"]
    # The latest event is still 开工: an earlier 签约 does not move the stage back.
    assert stage_of(project) == "started"


def test_dropping_a_project_needs_a_reason(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(events=[(Stage.TALKS, date(2023, 3, 1))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    choose(dialog, "stageChoice", "中止")
    assert child(dialog, "stageReason").isEnabled()
    set_date(dialog, "stageDate", date(2023, 6, 30))
    dialog.accept()
    assert error_of(dialog, "stageReason") == "中止项目须填写中止原因"
    assert stage_of(project) == "talks"

    commit_text(child(dialog, "stageReason"), "企业选址外地")
    dialog.accept()
    assert events_of(project)[-1] == ("dropped", date(2023, 6, 30), "企业选址外地")
    assert stage_of(project) == "dropped"

    session.undo_stack.undo()
    assert stage_of(project) == "talks"


def test_a_date_in_the_future_asks_first(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    tomorrow = date.today() + timedelta(days=1)
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    set_date(dialog, "stageDate", tomorrow)
    answers.question = QMessageBox.StandardButton.No
    dialog.accept()
    assert len(answers.asked) == 1 and tomorrow.isoformat() in answers.asked[0]
    assert events_of(project) == []

    answers.question = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert events_of(project) == [("talks", tomorrow, None)]


def test_milestones_are_added_edited_and_undone(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000)
    dialog = shown(qtbot, MilestoneDialog(session, project.uuid))
    choose(dialog, "milestoneKind", "拿地")
    set_date(dialog, "milestoneDate", date(2023, 3, 22))
    dialog.accept()
    land = Milestone.get(Milestone.kind == "拿地")
    assert (land.project_id, land.date, land.note) == (project.id, date(2023, 3, 22), None)

    edit = shown(qtbot, MilestoneDialog(session, project.uuid, land.uuid))
    assert child(edit, "milestoneKind").currentText() == "拿地"  # type: ignore[attr-defined]
    assert child(edit, "milestoneDate").date().toPython() == date(2023, 3, 22)  # type: ignore[attr-defined]
    commit_text(child(edit, "milestoneNote"), "摘牌")
    edit.accept()
    assert Milestone.get_by_id(land.id).note == "摘牌"

    session.undo_stack.undo()
    assert Milestone.get_by_id(land.id).note is None
    session.undo_stack.undo()
    assert Milestone.live().count() == 0


def test_a_milestone_needs_a_kind(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, MilestoneDialog(session, project.uuid))
    child(dialog, "milestoneKind").setEditText("")  # type: ignore[attr-defined]
    dialog.accept()
    assert error_of(dialog, "milestoneKind") == "请选择或填写节点名称,如 拿地、证照办结"
    assert Milestone.select().count() == 0


def test_follow_ups_are_logged_and_marked_done(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(DAYA, 300000)
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid))
    assert child(dialog, "followUpDate").date().toPython() == date.today()  # type: ignore[attr-defined]
    set_date(dialog, "followUpDate", date(2023, 7, 10))
    choose(dialog, "followUpKind", "来访")
    dialog.accept()
    assert error_of(dialog, "followUpSummary") == "请填写内容摘要"

    commit_text(child(dialog, "followUpPeople"), "眭敏副总裁")
    commit_text(child(dialog, "followUpSummary"), "考察二期用地")
    commit_text(child(dialog, "followUpNextStep"), "报送二期用地方案")
    child(dialog, "followUpDueSet").setChecked(True)  # type: ignore[attr-defined]
    set_date(dialog, "followUpDueDate", date(2023, 7, 1))
    dialog.accept()
    assert error_of(dialog, "followUpDue") == "期限早于走访日期,请核对"
    set_date(dialog, "followUpDueDate", date(2023, 7, 31))
    dialog.accept()

    row = FollowUp.get()
    assert (row.project_id, row.date, row.kind, row.people) == (
        project.id,
        date(2023, 7, 10),
        "来访",
        "眭敏副总裁",
    )
    assert (row.summary, row.next_step, row.due_date, row.done) == (
        "考察二期用地",
        "报送二期用地方案",
        date(2023, 7, 31),
        False,
    )

    edit = shown(qtbot, FollowUpDialog(session, project.uuid, row.uuid))
    assert child(edit, "followUpDueDate").date().toPython() == date(2023, 7, 31)  # type: ignore[attr-defined]
    child(edit, "followUpDone").setChecked(True)  # type: ignore[attr-defined]
    edit.accept()
    assert FollowUp.get_by_id(row.id).done is True

    session.undo_stack.undo()
    assert FollowUp.get_by_id(row.id).done is False
    session.undo_stack.undo()
    assert FollowUp.live().count() == 0


def test_a_follow_up_without_a_due_date(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid))
    assert not child(dialog, "followUpDueDate").isEnabled()
    commit_text(child(dialog, "followUpSummary"), "电话了解进度")
    dialog.accept()
    assert FollowUp.get().due_date is None


def test_the_form_shows_progress_and_opens_the_dialogs(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.SIGNED, date(2023, 2, 10))])
    form = ProjectForm(session, project.uuid)
    qtbot.addWidget(form)
    form.show()

    child(form, "addMilestoneButton").click()  # type: ignore[attr-defined]
    milestone = form._child
    assert isinstance(milestone, MilestoneDialog) and milestone.isVisible()
    choose(milestone, "milestoneKind", "拿地")
    set_date(milestone, "milestoneDate", date(2023, 3, 22))
    milestone.accept()

    child(form, "changeStageButton").click()  # type: ignore[attr-defined]
    stage = form._child
    assert isinstance(stage, StageDialog)
    choose(stage, "stageChoice", "开工")
    set_date(stage, "stageDate", date(2023, 3, 29))
    stage.accept()

    child(form, "addFollowUpButton").click()  # type: ignore[attr-defined]
    follow_up = form._child
    assert isinstance(follow_up, FollowUpDialog)
    set_date(follow_up, "followUpDate", date(2023, 4, 3))
    commit_text(child(follow_up, "followUpSummary"), "协调施工用电")
    follow_up.accept()

    assert child(form, "currentStage").text() == "开工"  # type: ignore[attr-defined]
    timeline = [
        [form.timeline.item(r, c).text() for c in range(3)] for r in range(form.timeline.rowCount())
    ]
    assert timeline == [
        ["2023-02-10", "签约", ""],
        ["2023-03-22", "拿地", "40"],
        ["2023-03-29", "开工", "7"],
    ]
    assert form.follow_ups.rowCount() == 1
    assert form.follow_ups.item(0, 3).text() == "协调施工用电"

    # Undo of the stage change shows at once in the open form.
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert child(form, "currentStage").text() == "签约"  # type: ignore[attr-defined]
    assert form.timeline.rowCount() == 2


def timeline_rows(form: ProjectForm) -> list[tuple[str, str]]:
    table = form.timeline
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def select_row(table, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the row whose 事项 (or 内容) column reads ``text``."""
    for row in range(table.rowCount()):
        if text in (table.item(row, 1).text(), table.item(row, 3).text()):
            table.setFocus()
            table.selectRow(row)
            return
    raise AssertionError(text)


def test_a_mistaken_stage_event_is_deleted_from_the_timeline(
    qtbot, session: Session, answers
) -> None:  # type: ignore[no-untyped-def]
    project = make_project(
        CHUANGLI,
        36000,
        events=[(Stage.SIGNED, date(2023, 2, 10)), (Stage.STARTED, date(2023, 3, 29))],
    )
    form = ProjectForm(session, project.uuid)
    qtbot.addWidget(form)
    form.show()
    form.tabs.setCurrentIndex(ProjectForm.PAGES.index("进展"))
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert child(form, "currentStage").text() == "开工"  # type: ignore[attr-defined]

    # The user selects the wrong 开工 and presses Delete, then thinks better of it.
    select_row(form.timeline, "开工")
    answers.question = QMessageBox.StandardButton.No
    qtbot.keyClick(form.timeline, Qt.Key.Key_Delete)
    assert answers.asked[-1].startswith(
        "删除阶段记录“开工 2023-03-29”?当前阶段将按其余记录重新确定。"
    )
    assert stage_of(project) == "started"

    answers.question = QMessageBox.StandardButton.Yes
    qtbot.keyClick(form.timeline, Qt.Key.Key_Delete)
    assert events_of(project) == [("signed", date(2023, 2, 10), None)]
    assert stage_of(project) == "signed"
    assert child(form, "currentStage").text() == "签约"  # type: ignore[attr-defined]
    assert timeline_rows(form) == [("2023-02-10", "签约")]
    # A tombstone, not a hole: the row is kept for the merge at headquarters.
    assert StageEvent.select().where(StageEvent.deleted == True).count() == 1  # noqa: E712

    # The last stage record stays: the project would otherwise have no stage at all.
    select_row(form.timeline, "签约")
    child(form, "deleteTimelineEntryButton").click()  # type: ignore[attr-defined]
    assert answers.asked[-1] == (
        "“签约”是该项目唯一的阶段记录,不能删除;如项目不再推进,请变更阶段为“中止”"
    )
    assert events_of(project) == [("signed", date(2023, 2, 10), None)]

    session.undo_stack.undo()
    assert stage_of(project) == "started"
    assert timeline_rows(form) == [("2023-02-10", "签约"), ("2023-03-29", "开工")]
    session.undo_stack.redo()
    assert stage_of(project) == "signed"


def test_milestones_and_follow_ups_are_deleted_from_the_form(
    qtbot, session: Session, answers
) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.SIGNED, date(2023, 2, 10))])
    Milestone.create(project=project, kind="拿地", date=date(2023, 3, 22))
    FollowUp.create(project=project, date=date(2023, 4, 3), kind="拜访", summary="协调施工用电")
    form = ProjectForm(session, project.uuid)
    qtbot.addWidget(form)
    form.show()

    # Nothing selected: the user is told what to do, nothing is deleted.
    form.timeline.clearSelection()
    child(form, "deleteTimelineEntryButton").click()  # type: ignore[attr-defined]
    assert answers.asked[-1] == "请先在时间线中选中要删除的一行"
    assert Milestone.live().count() == 1

    select_row(form.timeline, "拿地")
    child(form, "deleteTimelineEntryButton").click()  # type: ignore[attr-defined]
    assert answers.asked[-1].startswith("删除节点“拿地 2023-03-22”?")
    assert Milestone.live().count() == 0
    assert timeline_rows(form) == [("2023-02-10", "签约")]

    select_row(form.follow_ups, "协调施工用电")
    child(form, "deleteFollowUpButton").click()  # type: ignore[attr-defined]
    assert answers.asked[-1].startswith("删除走访记录“2023-04-03 协调施工用电”?")
    assert FollowUp.live().count() == 0
    assert form.follow_ups.rowCount() == 0

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert Milestone.live().count() == 1 and FollowUp.live().count() == 1
    assert form.follow_ups.rowCount() == 1
    assert timeline_rows(form) == [("2023-02-10", "签约"), ("2023-03-22", "拿地")]


def test_the_edit_dialogs_delete_their_record(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    project = make_project(DAYA, 300000)
    land = Milestone.create(project=project, kind="拿地", date=date(2023, 3, 22))
    visit = FollowUp.create(project=project, date=date(2023, 7, 10), kind="来访", summary="考察")
    # A new record has nothing to delete.
    assert (
        shown(qtbot, MilestoneDialog(session, project.uuid)).findChild(
            QWidget, "deleteMilestoneButton"
        )
        is None
    )

    dialog = shown(qtbot, MilestoneDialog(session, project.uuid, land.uuid))
    answers.question = QMessageBox.StandardButton.No
    child(dialog, "deleteMilestoneButton").click()  # type: ignore[attr-defined]
    assert dialog.isVisible() and Milestone.live().count() == 1
    answers.question = QMessageBox.StandardButton.Yes
    child(dialog, "deleteMilestoneButton").click()  # type: ignore[attr-defined]
    assert not dialog.isVisible() and Milestone.live().count() == 0

    dialog = shown(qtbot, FollowUpDialog(session, project.uuid, visit.uuid))
    child(dialog, "deleteFollowUpButton").click()  # type: ignore[attr-defined]
    assert answers.asked[-1].startswith("删除走访记录“2023-07-10 考察”?")
    assert FollowUp.live().count() == 0

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert Milestone.live().count() == 1 and FollowUp.live().count() == 1
