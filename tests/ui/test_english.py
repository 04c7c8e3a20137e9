"""In English the interface shows the ledger's fixed words and the data layer's messages
in English, and the file still stores the Chinese words the briefings and the ledger
template read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QProxyStyle, QStyle

from db.records.projects import load_project
from db.rules.vocabulary import Stage
from db.store.models import FollowUp, Milestone
from tests.factories import make_project
from tests.ui.helpers import Answers, answer_message_boxes, child, choose, commit_text
from ui import i18n
from ui.follow_up_dialog import FollowUpDialog
from ui.milestone_dialog import MilestoneDialog
from ui.project_form import ProjectForm
from ui.session import Session
from ui.stage_dialog import StageDialog

CHUANGLI = "江苏创力电梯垂直电梯部件及储能生产建设项目"


@pytest.fixture(autouse=True)
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("en")
    yield
    i18n.install("zh_CN")


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer_message_boxes(monkeypatch)


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_stages_and_milestones_read_in_english_and_are_stored_in_chinese(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.SIGNED, date(2023, 2, 10))])
    milestone = MilestoneDialog(session, project.uuid)
    qtbot.addWidget(milestone)
    kind = child(milestone, "milestoneKind")
    assert isinstance(kind, QComboBox)
    assert items(kind)[:3] == ["Land acquired", "Permits applied for", "Permits granted"]
    choose(milestone, "milestoneKind", "Land acquired")
    milestone.date.setDate(date(2023, 3, 22))
    milestone.accept()
    assert Milestone.get().kind == "拿地"

    # A milestone of the user's own is kept as typed.
    own = MilestoneDialog(session, project.uuid)
    qtbot.addWidget(own)
    own.kind.setEditText("环评批复")
    own.accept()
    assert [m.kind for m in Milestone.select().order_by(Milestone.id)] == ["拿地", "环评批复"]

    stage = StageDialog(session, project.uuid)
    qtbot.addWidget(stage)
    assert stage.stage.currentText() == "Construction started"
    assert stage.current_label.text() == "Current stage: Signed"

    form = ProjectForm(session, project.uuid)
    qtbot.addWidget(form)
    current = child(form, "currentStage")
    assert isinstance(current, QLabel) and current.text() == "Signed"
    labels = [form.timeline.item(r, 1).text() for r in range(form.timeline.rowCount())]
    assert labels == ["Signed", "Land acquired", "环评批复"]

    # Editing keeps the stored word: the English label maps back to 拿地.
    edit = MilestoneDialog(session, project.uuid, Milestone.get(Milestone.kind == "拿地").uuid)
    qtbot.addWidget(edit)
    assert edit.kind.currentText() == "Land acquired"
    commit_text(edit.note, "Title deed")
    edit.accept()
    assert Milestone.get(Milestone.note == "Title deed").kind == "拿地"


def test_follow_up_kinds_and_form_lists_in_english(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.TALKS, date(2023, 2, 10))])
    dialog = FollowUpDialog(session, project.uuid)
    qtbot.addWidget(dialog)
    choose(dialog, "followUpKind", "Phone call")
    commit_text(dialog.summary, "progress check")
    dialog.accept()
    assert FollowUp.get().kind == "电话"

    form = ProjectForm(session, project.uuid)
    qtbot.addWidget(form)
    assert form.follow_ups.item(0, 1).text() == "Phone call"
    construction = form.inputs["construction_kind"]
    assert isinstance(construction, QComboBox)
    assert items(construction) == ["", "New build", "Expansion", "Technical upgrade"]
    choose(form, "construction_kind", "Expansion")
    assert form.save()
    assert load_project(project.uuid).construction_kind == "扩建"


def test_validation_messages_come_in_english(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = ProjectForm(session)
    qtbot.addWidget(form)
    form.show()
    credit = form.inputs["credit_code"]
    commit_text(credit, "91320000MA1234567X")
    assert not form.save()
    shown = {
        name: child(form, f"{name}Error").text()  # type: ignore[attr-defined]
        for name in ("name", "investor_name", "total_investment", "credit_code")
    }
    assert shown["name"] == "Enter the project name"
    assert shown["investor_name"] == "Enter the investor"
    assert shown["total_investment"] == (
        "Enter the total investment (an estimate will do for a lead)"
    )
    assert shown["credit_code"].startswith("The credit code has a wrong check character")


def test_stage_dates_out_of_order_are_explained_in_english(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(CHUANGLI, 36000, events=[(Stage.STARTED, date(2023, 3, 29))])
    dialog = StageDialog(session, project.uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "stageChoice", "Signed")
    dialog.date.setDate(date(2023, 5, 1))
    dialog.accept()
    assert child(dialog, "stageDateError").text() == (  # type: ignore[attr-defined]
        "The Signed date 2023-05-01 is after the Construction started date 2023-03-29."
        " Please check the dates."
    )


def test_the_look_alike_warning_gives_its_reason_in_english(
    qtbot, session: Session, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    make_project("大亚新能源材料建设项目", 300000)  # its investor: 大亚新能源材料建设项目投资方
    form = ProjectForm(session)
    qtbot.addWidget(form)
    form.show()
    commit_text(form.inputs["name"], "大亚新能源材料建设项目")
    commit_text(form.inputs["investor_name"], "江苏大亚新能源材料建设项目投资方")
    form.inputs["total_investment"].setText("300000")  # type: ignore[attr-defined]
    assert not form.save()  # the user answers 返回修改 (Cancel)
    (shown,) = answers.asked
    assert (
        "· Project “大亚新能源材料建设项目” (same investor, same project name,"
        " similar total investment)" in shown
    )
    assert (
        "· Investor “大亚新能源材料建设项目投资方” (similar name;"
        " the investor already has 1 project)" in shown
    )


class _Eliding(QProxyStyle):
    """A style that cuts tab titles, as some platforms' styles do."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_TabBar_ElideMode:
            return int(Qt.TextElideMode.ElideRight.value)
        return super().styleHint(hint, option, widget, data)


def test_every_tab_of_the_project_form_reads_whole(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = ProjectForm(session)
    qtbot.addWidget(form)
    bar = form.tabs.tabBar()
    style = _Eliding("fusion")
    bar.setStyle(style)  # whatever the platform's style, no title is cut
    form.show()
    qtbot.waitExposed(form)
    form.resize(640, 600)  # narrower than the titles, as with a larger font or screen scale
    qtbot.waitUntil(lambda: form.width() < 700)
    qtbot.wait(20)
    titles = [bar.tabText(i) for i in range(bar.count())]
    assert "Responsibility and issues" in titles
    for i, title in enumerate(titles):
        needed = bar.fontMetrics().horizontalAdvance(title)
        assert bar.tabRect(i).width() >= needed, title  # not cut to “Responsibil…”
    assert bar.usesScrollButtons()  # the tabs that do not fit are scrolled to
    form.close()
    bar.setStyle(None)  # type: ignore[arg-type]
