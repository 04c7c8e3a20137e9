"""Keyboard entry as a cadre does it all day: nothing typed is lost.

Every form opens with the cursor in its first field; Enter moves on and Ctrl+Enter
saves; a date is typed or pasted whole; a completer's list never keeps the click
meant for another field; errors keep their place and go as soon as fixed."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget

from db.records.files import create_unit_file
from db.rules.vocabulary import Stage
from db.store.models import FollowUp, Investor, Milestone, Project, StageEvent
from tests.factories import make_project
from tests.ui.helpers import Answers, answer_message_boxes, child, choose, commit_text
from ui import i18n
from ui.date_field import DateError, parse_typed_date
from ui.follow_up_dialog import FollowUpDialog
from ui.main_window import MainWindow
from ui.milestone_dialog import MilestoneDialog
from ui.project_form import ProjectForm
from ui.session import Session
from ui.stage_dialog import StageDialog

THIS_YEAR = date.today().year
REAL_QUESTION = QMessageBox.question  # before any test answers the questions itself


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer_message_boxes(monkeypatch)


def shown(qtbot, dialog: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def error_of(dialog: QWidget, name: str) -> str | None:
    label = child(dialog, f"{name}Error")
    assert isinstance(label, QLabel)
    return None if label.isHidden() else label.text()


def ctrl_enter(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def click_into(qtbot, field: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A click in a field, as the user's mouse gives it focus."""
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(5, field.height() // 2))


@pytest.mark.parametrize(
    "typed",
    [
        "2023-05-20",
        "20230520",
        "2023/5/20",
        "2023.5.20",
        "2023-5-20",
        "２０２３-０５-２０",  # full-width digits, as a Chinese input method types them
        "2023年5月20日",
        " 2023 年 5 月 20 日 ",
    ],
)
def test_a_whole_date_in_any_usual_writing(typed: str) -> None:
    assert parse_typed_date(typed) == date(2023, 5, 20)


def test_month_and_day_mean_this_year() -> None:
    assert parse_typed_date("5.20") == date(THIS_YEAR, 5, 20)
    assert parse_typed_date("5月20日") == date(THIS_YEAR, 5, 20)
    assert parse_typed_date("") is None


@pytest.mark.parametrize("typed", ["2023-13-01", "2023-02-30", "明天", "2023", "202305201"])
def test_what_is_no_date_is_refused(typed: str) -> None:
    with pytest.raises(DateError):
        parse_typed_date(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2023-05-20", date(2023, 5, 20)),
        ("20230520", date(2023, 5, 20)),
        ("2023/5/20", date(2023, 5, 20)),
        ("5.20", date(THIS_YEAR, 5, 20)),
    ],
)
def test_a_follow_up_date_typed_over_the_shown_one(qtbot, session: Session, typed, stored) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid))
    field = child(dialog, "followUpDate")
    assert dialog.focusWidget() is field  # the first field has the cursor, date selected
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is child(dialog, "followUpKind")  # Tab leaves the date
    assert field.text() == stored.isoformat()  # type: ignore[attr-defined]
    commit_text(child(dialog, "followUpSummary"), "电话了解进度")
    ctrl_enter(qtbot, child(dialog, "followUpSummary"))
    assert not dialog.isVisible()
    assert FollowUp.get().date == stored


def test_a_click_into_a_date_selects_it_to_be_typed_over(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid, None))
    child(dialog, "followUpPeople").setFocus()
    field = child(dialog, "followUpDate")
    click_into(qtbot, field)
    qtbot.keyClicks(field, "2023/5/20")
    commit_text(child(dialog, "followUpSummary"), "来访")
    dialog.accept()
    assert FollowUp.get().date == date(2023, 5, 20)


def test_a_date_pasted_in_chinese_writing(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid))
    field = child(dialog, "followUpDate")
    QApplication.clipboard().setText("2023年5月20日")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    commit_text(child(dialog, "followUpSummary"), "拜访")
    dialog.accept()
    assert FollowUp.get().date == date(2023, 5, 20)


def test_ctrl_a_then_a_date_replaces_the_whole_date(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, MilestoneDialog(session, project.uuid))
    assert dialog.focusWidget() is child(dialog, "milestoneKind")
    field = child(dialog, "milestoneDate")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2022-12-10")
    dialog.accept()
    assert Milestone.get().date == date(2022, 12, 10)


def test_an_empty_date_is_asked_for(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(events=[(Stage.TALKS, date(2023, 3, 1))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    child(dialog, "stageDate").clear()  # type: ignore[attr-defined]
    dialog.accept()
    assert error_of(dialog, "stageDate") == "请填写日期,如 2023-05-20"
    assert StageEvent.select().count() == 1


def test_the_project_form_opens_in_its_name_and_ctrl_enter_saves(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = shown(qtbot, ProjectForm(session))
    name = child(form, "name")
    assert form.focusWidget() is name
    qtbot.keyClicks(form.focusWidget(), "Daya battery foil")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert form.focusWidget() is child(form, "code")
    assert form.isVisible()
    form.tabs.setCurrentIndex(form.PAGES.index("投资方"))
    commit_text(child(form, "investor_name"), "大亚科技集团有限公司")
    form.tabs.setCurrentIndex(form.PAGES.index("投资额与分期"))
    qtbot.keyClicks(child(form, "total_investment"), "300000")
    form.tabs.setCurrentIndex(form.PAGES.index("进展"))
    started = child(form, "initialStageDate")
    started.setFocus(Qt.FocusReason.TabFocusReason)  # Tab into it: the date is selected
    qtbot.keyClicks(started, "20230520")
    ctrl_enter(qtbot, started)
    assert not form.isVisible()
    project = Project.get()
    assert project.name == "Daya battery foil"
    assert [(e.stage, e.date) for e in StageEvent.select()] == [("lead", date(2023, 5, 20))]


def test_every_new_project_gets_a_code(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    codes = []
    for name in ("大亚新能源材料建设项目", "江苏创力电梯部件项目"):
        form = shown(qtbot, ProjectForm(session))
        commit_text(child(form, "name"), name)
        commit_text(child(form, "investor_name"), f"{name}投资方")
        qtbot.keyClicks(child(form, "total_investment"), "30000")
        form.accept()
        assert not form.isVisible()
        codes.append(Project.get(Project.name == name).code)
    assert codes == [f"ZS-{THIS_YEAR}-0001", f"ZS-{THIS_YEAR}-0002"]


def test_texts_are_held_to_the_ledgers_limits(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = shown(qtbot, ProjectForm(session))
    name = child(form, "name")
    commit_text(name, "项" * 120)
    assert name.text() == "项" * 100  # type: ignore[attr-defined]
    assert child(form, "chain").lineEdit().maxLength() == 16  # type: ignore[attr-defined]
    form.tabs.setCurrentIndex(form.PAGES.index("责任与问题"))
    remarks = child(form, "remarks")
    remarks.setPlainText("备" * 301)  # type: ignore[attr-defined]
    assert error_of(form, "remarks") == "最多300个字符,现有301个字符,请删减"
    remarks.setPlainText("备" * 300)  # type: ignore[attr-defined]
    assert error_of(form, "remarks") is None


# -- verified by driving the widgets as a user does ----------------------------------


def test_the_name_error_goes_as_soon_as_a_name_is_typed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = shown(qtbot, ProjectForm(session))
    form.accept()  # saving an empty form shows what is missing
    assert form.isVisible()
    assert error_of(form, "name") == "请填写项目名称"
    name = child(form, "name")
    assert form.focusWidget() is name
    qtbot.keyClicks(name, "D")
    assert error_of(form, "name") is None
    assert Project.select().count() == 0


def test_enter_moves_through_a_follow_up_and_ctrl_enter_saves(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, FollowUpDialog(session, project.uuid))
    order = ["followUpDate", "followUpKind", "followUpPeople", "followUpSummary"]
    qtbot.keyClicks(child(dialog, "followUpDate"), "2023-05-20")
    for here, there in pairwise(order):
        assert dialog.focusWidget() is child(dialog, here), here
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        assert dialog.focusWidget() is child(dialog, there), there
        assert dialog.isVisible()  # Enter moves on, it does not save
    summary = child(dialog, "followUpSummary")
    qtbot.keyClicks(summary, "call")
    qtbot.keyClick(summary, Qt.Key.Key_Return)  # a new line, not the next field
    qtbot.keyClicks(summary, "visit")
    assert dialog.focusWidget() is summary
    assert summary.toPlainText() == "call\nvisit"  # type: ignore[attr-defined]
    qtbot.keyClick(summary, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is child(dialog, "followUpNextStep")
    assert FollowUp.select().count() == 0
    ctrl_enter(qtbot, dialog.focusWidget())
    assert not dialog.isVisible()
    saved = FollowUp.get()
    assert (saved.date, saved.summary) == (date(2023, 5, 20), "call\nvisit")


def test_an_invalid_date_is_named_nothing_saved_then_fixed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project()
    dialog = shown(qtbot, MilestoneDialog(session, project.uuid))
    field = child(dialog, "milestoneDate")
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "2023-13-01")
    ctrl_enter(qtbot, field)
    assert dialog.isVisible()
    assert error_of(dialog, "milestoneDate") == (
        "日期:“2023-13-01”不是有效日期,请按 2023-05-20 的格式填写"
    )
    assert Milestone.select().count() == 0
    assert dialog.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2023-12-01")
    assert error_of(dialog, "milestoneDate") is None
    ctrl_enter(qtbot, field)
    assert not dialog.isVisible()
    assert Milestone.get().date == date(2023, 12, 1)


def test_enter_on_the_delete_question_deletes_nothing(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    i18n.install("zh_CN")
    path = tmp_path / "unit.zsdb"
    store = create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海")
    store.make_default()
    make_project("大亚新能源材料建设项目")
    store.close()
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)  # the real question, asked
    window = MainWindow(tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(path)
    window.tabs.setCurrentWidget(window.ledger)
    qtbot.waitUntil(lambda: window.ledger.model.rowCount() == 1)
    window.ledger.table.selectRow(0)
    asked: list[str] = []

    tries = iter(range(100))

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(50, press_enter)  # not shown yet
            return
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    window.delete_action.trigger()
    assert asked and asked[0].startswith("确定删除 1 个项目(大亚新能源材料建设项目)吗?")
    assert [p.name for p in Project.live()] == ["大亚新能源材料建设项目"]
    window.close()


def places(dialog: QWidget, names: tuple[str, ...]) -> dict[str, QRect]:
    """Where each named widget and the button box sit, in the dialog's coordinates."""
    qapp = QApplication.instance()
    assert qapp is not None
    qapp.processEvents()  # the layout has done its work
    found = {name: child(dialog, name) for name in names}
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    found["buttons"] = box
    return {
        name: QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
        for name, widget in found.items()
    }


@pytest.mark.parametrize("problem", ["reason", "date"])
def test_a_stage_error_moves_nothing_and_covers_nothing(qtbot, session: Session, problem) -> None:  # type: ignore[no-untyped-def]
    project = make_project(events=[(Stage.TALKS, date(2023, 3, 1))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    names = ("stageChoice", "stageDate", "stageReason", "stageNote")
    before = places(dialog, names)
    assert not before["buttons"].intersects(before["stageNote"])
    choose(dialog, "stageChoice", "中止")
    date_field = child(dialog, "stageDate")
    if problem == "date":
        date_field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClicks(date_field, "2023-13-01")
    dialog.accept()  # 保存: the dialog checks and shows what is wrong
    assert dialog.isVisible()
    error = "stageReason" if problem == "reason" else "stageDate"
    assert error_of(dialog, error)
    label = child(dialog, f"{error}Error")
    assert label.isVisible() and label.height() >= label.fontMetrics().lineSpacing()
    with_error = places(dialog, names)
    assert with_error == before
    shown_at = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
    for name in ("stageNote", "buttons", "stageReason"):
        assert not shown_at.intersects(with_error[name]), name
    if problem == "reason":
        commit_text(child(dialog, "stageReason"), "企业战略调整")
    else:
        qtbot.keyClick(date_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(date_field, "2023-05-20")
    assert error_of(dialog, error) is None
    assert places(dialog, names) == before


@pytest.mark.qt_log_ignore(
    # The offscreen platform shows the list without raising it or grabbing keys, and
    # QTest warns of a click outside the window it is sent to: here that is the point.
    "This plugin does not support (raise|grabbing the keyboard)",
    "Mouse event at .* occurs outside target window",
)
def test_the_investor_list_keeps_no_click_and_no_keystroke(  # type: ignore[no-untyped-def]
    qtbot, session: Session, answers: Answers
) -> None:
    make_project("大亚新能源材料建设项目")
    Investor.update(name="大亚科技集团有限公司").execute()
    form = shown(qtbot, ProjectForm(session))
    commit_text(child(form, "name"), "大亚铝箔项目")
    qtbot.keyClicks(child(form, "total_investment"), "30000")
    form.tabs.setCurrentIndex(form.PAGES.index("投资方"))
    investor, origin = child(form, "investor_name"), child(form, "origin")
    investor.setFocus(Qt.FocusReason.TabFocusReason)
    commit_text(investor, "大亚科技集团")
    popup = investor.completer().popup()  # type: ignore[attr-defined]
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1  # 大亚科技集团有限公司 is offered
    # While its list is open the mouse belongs to the list's window (the list grabs
    # it), so the click on 来源地 arrives there, as the window system delivers it.
    where = origin.mapToGlobal(QPoint(5, origin.height() // 2))
    assert not popup.geometry().contains(where)  # 来源地 is not under the list
    window = popup.windowHandle()
    QTest.mouseClick(
        window,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        window.mapFromGlobal(where),
    )
    assert not popup.isVisible()
    focused = QApplication.focusWidget()
    assert focused is origin
    commit_text(focused, "江苏")  # typed where the cursor is, as an input method does
    assert (investor.text(), origin.text()) == ("大亚科技集团", "江苏")  # type: ignore[attr-defined]
    answers.box = QMessageBox.StandardButton.Save  # 仍然保存: a look-alike of 大亚科技集团有限公司
    form.accept()
    assert not form.isVisible()
    saved = Project.get(Project.name == "大亚铝箔项目")
    assert (saved.investor.name, saved.investor.origin) == ("大亚科技集团", "江苏")


def test_an_invalid_stage_date_is_named_nothing_saved_then_fixed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(events=[(Stage.TALKS, date(2023, 3, 1))])
    dialog = shown(qtbot, StageDialog(session, project.uuid))
    field = child(dialog, "stageDate")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # from 新阶段 to 日期
    assert dialog.focusWidget() is field
    qtbot.keyClicks(field, "2023-02-30")
    ctrl_enter(qtbot, field)
    assert dialog.isVisible()
    assert error_of(dialog, "stageDate") == (
        "日期:“2023-02-30”不是有效日期,请按 2023-05-20 的格式填写"
    )
    assert StageEvent.select().count() == 1
    assert dialog.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2023.6.1")
    ctrl_enter(qtbot, field)
    assert not dialog.isVisible()
    assert [(e.stage, e.date) for e in StageEvent.select().order_by(StageEvent.date)] == [
        ("talks", date(2023, 3, 1)),
        ("signed", date(2023, 6, 1)),
    ]


def test_the_other_dialogs_open_in_their_first_field_and_enter_moves_on(
    qtbot, session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.new_file_dialog import NewFileDialog
    from ui.report_dialogs import BriefingDialog
    from ui.signing_events import SigningEventDialog

    new_file = shown(qtbot, NewFileDialog(False, tmp_path))
    assert QApplication.focusWidget() is new_file.name
    qtbot.keyClicks(new_file.name, "kfq")  # typed at once lands in the name
    assert new_file.name.text() == "kfq"
    qtbot.keyClick(new_file.name, Qt.Key.Key_Return)
    assert new_file.isVisible() and QApplication.focusWidget() is not new_file.name
    new_file.reject()

    briefing = shown(qtbot, BriefingDialog(session, folder=tmp_path))
    assert QApplication.focusWidget() is briefing.date_from
    qtbot.keyClick(briefing.date_from, Qt.Key.Key_Return)
    assert briefing.isVisible() and QApplication.focusWidget() is briefing.date_to
    briefing.reject()

    event = shown(qtbot, SigningEventDialog(session))
    assert QApplication.focusWidget() is event.name
    qtbot.keyClicks(event.name, "qianyue")
    qtbot.keyClick(event.name, Qt.Key.Key_Return)
    assert event.isVisible() and event.name.text() == "qianyue"
    assert QApplication.focusWidget() is not event.name
    event.reject()


def test_the_briefing_dialog_takes_its_dates_typed_whole(
    qtbot, session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.report_dialogs import BriefingDialog

    dialog = shown(qtbot, BriefingDialog(session, folder=tmp_path))
    qtbot.keyClicks(dialog.date_from, "20230101")  # selected on opening: typing replaces it
    qtbot.keyClick(dialog.date_from, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.date_to  # Tab leaves the field, no sections
    dialog.date_to.selectAll()
    commit_text(dialog.date_to, "2023年7月31日")  # as an input method gives it
    qtbot.keyClick(dialog.date_to, Qt.Key.Key_Tab)
    assert (dialog.date_from.text(), dialog.date_to.text()) == ("2023-01-01", "2023-07-31")
    dialog.signed_on.setText("2023-13-01")
    assert dialog.generate() is None  # nothing written
    assert "签发日期" in dialog.error.text() and "不是有效日期" in dialog.error.text()
    assert not list(tmp_path.glob("*.pdf"))
    dialog.reject()
