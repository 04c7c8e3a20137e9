"""The project form: the article's projects typed in, checks beside fields, look-alikes, undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from db.records.projects import ProjectData, load_project, save_project
from db.records.settings import set_exchange_rate
from db.records.units import get_or_create_unit
from db.rules.credit_code import check_character
from db.rules.text_limits import field_length
from db.rules.vocabulary import Stage
from db.store.models import CapacityLine, Milestone, Phase, Project, StageEvent
from db.store.settings import own_unit
from tests.factories import make_project
from tests.ui.helpers import Answers, answer_message_boxes, choose, commit_text
from ui.project_form import CAPACITY_QUANTITY, ProjectForm
from ui.session import Session

CODE17 = "91321100MA1XY012A"
VALID_CODE = CODE17 + check_character(CODE17)
WRONG_CODE = CODE17 + ("0" if VALID_CODE[17] != "0" else "1")


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer_message_boxes(monkeypatch)


def open_form(qtbot, session: Session, uuid: str | None = None) -> ProjectForm:  # type: ignore[no-untyped-def]
    form = ProjectForm(session, uuid)
    qtbot.addWidget(form)
    form.show()
    return form


def widget(form: ProjectForm, name: str) -> QWidget:
    found = form.findChild(QWidget, name)
    assert found is not None, name
    return found


def type_into(qtbot, form: ProjectForm, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = widget(form, name)
    if isinstance(edit, QComboBox):
        # Typing would open the completer's popup, which the offscreen platform cannot raise.
        edit.setEditText(text)
        return
    assert isinstance(edit, QLineEdit)
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        commit_text(edit, text)


def error_of(form: ProjectForm, name: str) -> str | None:
    label = widget(form, f"{name}Error")
    assert isinstance(label, QLabel)
    # Labels on other pages are not visible, only not hidden.
    return None if label.isHidden() else label.text()


def enter_daya(qtbot, form: ProjectForm, investor: str = "大亚科技集团有限公司") -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, form, "name", "大亚新能源材料建设项目")
    type_into(qtbot, form, "investor_name", investor)
    type_into(qtbot, form, "total_investment", "30")
    choose(form, "total_investmentUnit", "亿元")
    type_into(qtbot, form, "industry_code", "32")
    choose(form, "local_industry", "新材料")
    form.add_phase("一期", "11.6", "电池箔专用生产线")
    form.add_phase("二期", "18.4")
    form.add_capacity("电池箔", "5", "万吨/年")
    form.add_capacity("铝箔正极集流体", "4.3", "万吨/年")
    form.add_capacity("电池及储能托盘", "100", "万件/年")
    form.add_capacity("电池箔", "4", "万吨/年", "一期")


def test_daya_typed_in_yi_is_stored_in_wan(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    type_into(qtbot, form, "credit_code", VALID_CODE.lower())
    form.accept()

    assert form.result() == form.DialogCode.Accepted
    project = Project.get(Project.name == "大亚新能源材料建设项目")
    assert project.total_investment == Decimal(300000)
    assert project.industry_code == "32"
    assert project.local_industry == "新材料"
    assert project.investor.name == "大亚科技集团有限公司"
    assert project.investor.credit_code == VALID_CODE
    phases = list(Phase.live().where(Phase.project == project).order_by(Phase.seq))
    assert [(p.name, p.investment, p.content) for p in phases] == [
        ("一期", Decimal(116000), "电池箔专用生产线"),
        ("二期", Decimal(184000), None),
    ]
    lines = CapacityLine.live().where(CapacityLine.project == project).order_by(CapacityLine.seq)
    assert [(c.product, c.quantity, c.unit, c.phase_id) for c in lines] == [
        ("电池箔", Decimal(5), "万吨/年", None),
        ("铝箔正极集流体", Decimal("4.3"), "万吨/年", None),
        ("电池及储能托盘", Decimal(100), "万件/年", None),
        ("电池箔", Decimal(4), "万吨/年", phases[0].id),
    ]
    # The new project starts at the chosen stage, on the chosen date (线索, today).
    (event,) = StageEvent.live().where(StageEvent.project == project)
    assert (event.stage, event.date) == (Stage.LEAD.value, date.today())
    assert form.saved_uuid == project.uuid


def test_undo_of_a_new_project_removes_it_and_redo_brings_it_back(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    choose(form, "initialStage", "签约")
    widget(form, "initialStageDate").setDate(date(2023, 5, 12))  # type: ignore[attr-defined]
    form.accept()
    # Saving and the first stage are one step.
    assert session.undo_stack.count() == 1

    session.undo_stack.undo()
    assert not Project.live().where(Project.name == "大亚新能源材料建设项目").exists()

    session.undo_stack.redo()
    project = Project.live().where(Project.name == "大亚新能源材料建设项目").get()
    assert project.total_investment == Decimal(300000)
    assert project.stage == Stage.SIGNED.value
    assert Phase.live().where(Phase.project == project).count() == 2


def test_an_amount_means_the_unit_picked_beside_it(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    type_into(qtbot, form, "total_investment", "36000")
    assert form.read()[0].total_investment == Decimal(36000)
    choose(form, "total_investmentUnit", "亿元")
    assert form.read()[0].total_investment == Decimal(360000000)
    type_into(qtbot, form, "total_investment", "3.6")
    assert form.read()[0].total_investment == Decimal(36000)
    # 外资 amounts are in 万美元 only.
    choose(form, "capital", "外资")
    unit = widget(form, "total_investmentUnit")
    assert isinstance(unit, QComboBox)
    assert (unit.currentText(), unit.isEnabled()) == ("万美元", False)
    assert form.read()[0].total_investment == Decimal("3.6")
    # Sales stay in 万元 whatever the capital.
    assert widget(form, "expected_salesUnit").isEnabled()


def test_chuangli_land_in_square_metres_and_investment_intensity(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    type_into(qtbot, form, "total_investment", "3.6")
    choose(form, "total_investmentUnit", "亿元")
    type_into(qtbot, form, "land_mu", "85")
    assert widget(form, "land_m2").text() == "≈ 56,667 ㎡"  # type: ignore[attr-defined]
    # 36000 万元 / 85 亩
    assert widget(form, "intensity").text() == "423.53 万元/亩"  # type: ignore[attr-defined]

    choose(form, "capital", "外资")
    type_into(qtbot, form, "total_investment", "5000")
    # A new file has no rate: nothing is converted, and the form says where to enter one.
    assert widget(form, "intensity").text() == "(外资项目需先在 设置 中填写汇率)"  # type: ignore[attr-defined]
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    type_into(qtbot, form, "total_investment", "5000")
    # 5000 万美元 × 7.1 / 85 亩, with the rate said.
    assert widget(form, "intensity").text() == "417.65 万元/亩(按1美元=7.1元人民币折算)"  # type: ignore[attr-defined]


def test_problems_are_shown_beside_their_fields(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    type_into(qtbot, form, "investor_name", "大亚科技集团有限公司")
    type_into(qtbot, form, "credit_code", WRONG_CODE)
    type_into(qtbot, form, "total_investment", "-5")
    type_into(qtbot, form, "land_mu", "八十五")
    form.accept()

    assert form.isVisible()
    assert error_of(form, "name") == "请填写项目名称"
    assert "校验位错误" in (error_of(form, "credit_code") or "")
    assert error_of(form, "total_investment") == "总投资不能为负数"
    assert error_of(form, "land_mu") == "请填写数字,如 30 或 11.6"
    assert error_of(form, "investor_name") is None
    # The first invalid field is shown: 项目名称 on the first page.
    assert form.tabs.currentIndex() == 0
    assert Project.select().count() == 0
    assert session.undo_stack.count() == 0


def test_a_field_is_checked_as_it_is_left(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    type_into(qtbot, form, "credit_code", WRONG_CODE)
    widget(form, "credit_code").editingFinished.emit()  # type: ignore[attr-defined]
    assert "校验位错误" in (error_of(form, "credit_code") or "")
    # Only the field left is checked: the empty name is not flagged yet.
    assert error_of(form, "name") is None
    type_into(qtbot, form, "credit_code", VALID_CODE)
    widget(form, "credit_code").editingFinished.emit()  # type: ignore[attr-defined]
    assert error_of(form, "credit_code") is None


def test_an_error_beside_a_one_line_field_moves_no_row_below_it(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    qtbot.waitExposed(form)

    def where(name: str) -> QPoint:
        QApplication.processEvents()  # the layouts settle
        return widget(form, name).mapTo(form, QPoint(0, 0))

    before = {name: where(name) for name in ("name", "code", "capital")}
    widget(form, "name").editingFinished.emit()  # type: ignore[attr-defined]
    assert error_of(form, "name") == "请填写项目名称"
    assert widget(form, "nameError").isVisible()
    assert {name: where(name) for name in before} == before
    type_into(qtbot, form, "name", "大亚新能源材料建设项目")
    assert error_of(form, "name") is None
    assert {name: where(name) for name in before} == before


def test_phase_and_capacity_problems(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    form.add_phase("三期", "5")  # 11.6 + 18.4 + 5 亿 > 30 亿
    form.add_capacity("托盘", "多", "万件")
    form.accept()
    assert error_of(form, "phases") == "各期投资之和超过了总投资"
    # The error names the row, and the row's cells say it too.
    assert error_of(form, "capacity") == "第5行(托盘):请填写数字,如 30 或 11.6"
    row = form.capacity.rowCount() - 1
    assert form.capacity.item(row, 0).toolTip() == "第5行(托盘):请填写数字,如 30 或 11.6"
    assert form.capacity.item(0, 0).toolTip() == ""
    assert form.tabs.currentIndex() == form.PAGES.index("投资额与分期")


def test_a_negative_phase_amount_is_flagged_on_its_row(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    form.add_phase("三期", "-1")
    form.accept()
    assert error_of(form, "phases") == "第3行(三期):投资、建筑面积、销售额不能为负数"
    assert form.phases.item(2, 0).toolTip() == "第3行(三期):投资、建筑面积、销售额不能为负数"
    assert [form.phases.item(r, 0).toolTip() for r in (0, 1)] == ["", ""]
    assert form.phases.currentRow() == 2
    # Put right, the error goes at once.
    form.phases.item(2, 1).setText("")
    assert error_of(form, "phases") is None
    assert form.phases.item(2, 0).toolTip() == ""


def test_a_similar_investor_is_shown_before_saving(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    first = open_form(qtbot, session)
    enter_daya(qtbot, first)
    first.accept()
    assert answers.asked == []

    second = open_form(qtbot, session)
    type_into(qtbot, second, "name", "大亚铝箔二期扩建项目")
    type_into(qtbot, second, "investor_name", "江苏大亚科技集团股份有限公司")
    type_into(qtbot, second, "total_investment", "50000")
    answers.box = QMessageBox.StandardButton.Cancel  # 返回修改
    second.accept()
    (shown,) = answers.asked
    assert shown.startswith("发现相似的记录")
    assert "投资方“大亚科技集团有限公司”(名称相近;该投资方已有 1 个项目)" in shown
    assert "项目“大亚新能源材料建设项目”(投资方相同)" in shown
    assert second.isVisible()
    assert Project.live().count() == 1

    answers.box = QMessageBox.StandardButton.Save  # 仍然保存
    second.accept()
    assert not second.isVisible()
    assert Project.live().count() == 2


def test_the_same_project_name_is_shown_too(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    make_project("大亚新能源材料建设项目")
    form = open_form(qtbot, session)
    type_into(qtbot, form, "name", "大亚新能源材料建设项目")
    type_into(qtbot, form, "investor_name", "另一家公司")
    type_into(qtbot, form, "total_investment", "50000")
    form.accept()
    assert "项目“大亚新能源材料建设项目”(项目名称相同)" in answers.asked[0]


def test_editing_a_project_is_one_undo_step(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    project = make_project("江苏创力电梯垂直电梯部件及储能生产建设项目", 36000)
    form = open_form(qtbot, session, project.uuid)
    total = widget(form, "total_investment")
    assert (total.text(), widget(form, "total_investmentUnit").currentText()) == ("3.6", "亿元")  # type: ignore[attr-defined]
    type_into(qtbot, form, "land_mu", "85")
    type_into(qtbot, form, "designation", "镇江市重点产业类项目")
    form.accept()
    assert answers.asked == []  # name and investor unchanged: no look-alike check
    assert load_project(project.uuid).land_mu == Decimal(85)

    session.undo_stack.undo()
    assert load_project(project.uuid).land_mu is None
    assert load_project(project.uuid).designation is None
    session.undo_stack.redo()
    assert load_project(project.uuid).designation == "镇江市重点产业类项目"


def test_saving_unchanged_values_adds_no_undo_step(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    form.accept()
    again = open_form(qtbot, session, form.saved_uuid)
    again.accept()
    assert not again.isVisible()
    assert session.undo_stack.count() == 1


def test_a_stored_project_reads_back_into_the_fields(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    form.accept()
    shown = open_form(qtbot, session, form.saved_uuid)
    assert shown.read()[0] == load_project(form.saved_uuid)
    assert widget(shown, "industry_code").currentText() == "32 有色金属冶炼和压延加工业"  # type: ignore[attr-defined]
    assert shown.phases.horizontalHeaderItem(1).text() == "投资(亿元)"
    assert shown.phases.item(0, 1).text() == "11.6"


def test_escape_asks_before_losing_changes(qtbot, session: Session, answers) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert answers.asked == []

    form = open_form(qtbot, session)
    type_into(qtbot, form, "name", "眼镜产业园项目")
    answers.question = QMessageBox.StandardButton.No
    form.reject()
    assert answers.asked == ["放弃未保存的修改?"]
    assert form.isVisible()
    answers.question = QMessageBox.StandardButton.Yes
    form.reject()
    assert not form.isVisible()
    assert Project.select().count() == 0


def test_industry_is_picked_by_code_or_name(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    combo = widget(form, "industry_code")
    assert isinstance(combo, QComboBox)
    assert combo.count() == 98  # a blank and 01–97
    assert combo.findText("36 汽车制造业") >= 0
    assert combo.findText("70 房地产业") >= 0
    for typed, code in (("36", "36"), ("7", "07"), ("汽车制造业", "36"), ("36 汽车制造业", "36")):
        type_into(qtbot, form, "industry_code", typed)
        assert form.read()[0].industry_code == code
    type_into(qtbot, form, "industry_code", "99")
    widget(form, "industry_code").lineEdit().editingFinished.emit()  # type: ignore[attr-defined]
    assert "两位大类代码" in (error_of(form, "industry_code") or "")


def test_local_industries_and_chains_come_from_the_settings(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    chains = widget(form, "chain")
    assert isinstance(chains, QComboBox)
    assert chains.findText("新能源汽车及零部件") >= 0
    assert widget(form, "local_industry").findText("大健康") >= 0  # type: ignore[attr-defined]


def test_a_unit_file_reports_for_its_own_unit(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    get_or_create_unit("开发区")
    form = open_form(qtbot, session)
    unit = widget(form, "unit_id")
    assert isinstance(unit, QComboBox)
    assert [unit.itemText(i) for i in range(unit.count())] == ["上海驻点招商办"]
    assert not unit.isEnabled()
    assert form.read()[0].unit_id == own_unit().id


def test_headquarters_chooses_the_unit(qtbot, hq_session: Session) -> None:  # type: ignore[no-untyped-def]
    zone = get_or_create_unit("开发区")
    get_or_create_unit("上海驻点招商办")
    form = open_form(qtbot, hq_session)
    enter_daya(qtbot, form)
    form.accept()
    assert error_of(form, "unit_id") == "请选择责任单位"
    choose(form, "unit_id", "开发区")
    form.accept()
    assert Project.get(Project.name == "大亚新能源材料建设项目").unit_id == zone.id


def test_investor_names_autocomplete(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    save_project(
        ProjectData(
            name="眼底影像辅助产品及胸部CT产品生产线项目",
            investor_name="苏州体素信息科技有限公司",
            unit_id=own_unit().id,
            total_investment=Decimal(20000),
        )
    )
    form = open_form(qtbot, session)
    completer = widget(form, "investor_name").completer()  # type: ignore[attr-defined]
    completer.setCompletionPrefix("体素")
    assert completer.currentCompletion() == "苏州体素信息科技有限公司"


def test_progress_page_of_a_stored_project(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project(
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
        36000,
        events=[(Stage.SIGNED, date(2023, 2, 10))],
    )
    form = open_form(qtbot, session, project.uuid)
    assert widget(form, "currentStage").text() == "签约"  # type: ignore[attr-defined]
    assert form.timeline.rowCount() == 1

    # A change made elsewhere (another dialog, undo) shows at once.
    Milestone.create(project=project, kind="拿地", date=date(2023, 3, 22))
    session.notify()
    rows = [
        [form.timeline.item(r, c).text() for c in range(3)] for r in range(form.timeline.rowCount())
    ]
    assert rows == [["2023-02-10", "签约", ""], ["2023-03-22", "拿地", "40"]]


def test_enter_and_ctrl_s_save(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    enter_daya(qtbot, form)
    # The table buttons never take Enter from the OK button.
    widget(form, "addPhase").setFocus()
    qtbot.keyClick(widget(form, "name"), Qt.Key.Key_Return)
    assert not form.isVisible()
    assert Project.live().count() == 1

    form = open_form(qtbot, session, form.saved_uuid)
    ctrl_s = QKeySequence(QKeySequence.StandardKey.Save)
    (save,) = [s for s in form.findChildren(QShortcut) if s.key() == ctrl_s]
    type_into(qtbot, form, "person_in_charge", "张三")
    # The offscreen platform has no active window to route shortcuts to: trigger it directly.
    save.activated.emit()
    assert not form.isVisible()
    assert load_project(form.saved_uuid).person_in_charge == "张三"


def page_places(form: ProjectForm, page: str, names: tuple[str, ...]) -> dict[str, QRect]:
    """Where each named widget of a page sits on it, the page shown and laid out."""
    form.tabs.setCurrentIndex(form.PAGES.index(page))
    QApplication.processEvents()  # the layouts settle
    scroll = form.tabs.currentWidget()
    assert isinstance(scroll, QScrollArea)
    shown = scroll.widget()
    assert shown is not None
    places = {
        name: QRect(widget(form, name).mapTo(shown, QPoint(0, 0)), widget(form, name).size())
        for name in names
    }
    places["page"] = shown.rect()
    return places


@pytest.mark.parametrize("height", [640, 460])  # a tall window and a short one
def test_an_error_under_a_text_moves_no_row_below_it(qtbot, session: Session, height: int) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    form.resize(820, height)
    qtbot.waitExposed(form)
    names = ("person_in_charge", "issues", "remarks")
    before = page_places(form, "责任与问题", names)
    issues = widget(form, "issues")
    commit_text(issues, "问" * (field_length("issues") + 1))  # one character too many
    message = f"最多{field_length('issues')}个字符,现有{field_length('issues') + 1}个字符,请删减"
    assert error_of(form, "issues") == message
    label = widget(form, "issuesError")
    assert label.isVisible() and label.height() >= label.fontMetrics().lineSpacing()
    assert page_places(form, "责任与问题", names) == before
    shown_at = QRect(label.mapTo(form, QPoint(0, 0)), label.size())
    for name in names:
        assert not shown_at.intersects(
            QRect(widget(form, name).mapTo(form, QPoint(0, 0)), widget(form, name).size())
        ), name
    qtbot.keyClick(issues, Qt.Key.Key_Backspace)  # put right: the error goes at once
    assert error_of(form, "issues") is None
    assert page_places(form, "责任与问题", names) == before


@pytest.mark.parametrize("height", [640, 460])
@pytest.mark.parametrize(
    ("table", "page", "others"),
    [
        ("phases", "投资额与分期", ("total_investment", "registered_capital", "addPhase")),
        ("capacity", "建设内容与效益", ("content", "land_mu", "new_jobs", "addCapacity")),
    ],
)
def test_an_error_under_a_table_moves_nothing(  # type: ignore[no-untyped-def]
    qtbot, session: Session, height: int, table: str, page: str, others: tuple[str, ...]
) -> None:
    form = open_form(qtbot, session)
    form.resize(820, height)
    qtbot.waitExposed(form)
    enter_daya(qtbot, form)
    if table == "phases":  # two problems, on two lines: a repeated name, a negative amount
        form.add_phase("一期", "-1")
    else:
        form.add_capacity("托盘", "多", "万件")
    names = (table, *others)
    before = page_places(form, page, names)
    form.accept()
    assert form.isVisible() and Project.select().count() == 0
    message = error_of(form, table)
    assert message and message.count("\n") == (1 if table == "phases" else 0)
    label = widget(form, f"{table}Error")
    assert label.isVisible()
    assert label.height() >= (message.count("\n") + 1) * label.fontMetrics().lineSpacing()
    assert label.toolTip() == ""  # every line shown
    assert page_places(form, page, names) == before  # the table too: the lines were kept
    shown_at = QRect(label.mapTo(form, QPoint(0, 0)), label.size())
    for name in names:
        at = QRect(widget(form, name).mapTo(form, QPoint(0, 0)), widget(form, name).size())
        assert not shown_at.intersects(at), name

    # Put right, the error goes and nothing moves either.
    grid = widget(form, table)
    assert isinstance(grid, QTableWidget)
    row = grid.rowCount() - 1
    if table == "phases":
        grid.item(row, 0).setText("三期")
        grid.item(row, 1).setText("")
    else:
        grid.item(row, CAPACITY_QUANTITY).setText("5")
    assert error_of(form, table) is None
    assert page_places(form, page, names) == before


def test_many_table_problems_in_a_small_window_move_nothing_either(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, session)
    form.resize(820, 420)
    qtbot.waitExposed(form)
    enter_daya(qtbot, form)
    for name, amount in (("", "1"), ("二期", "-1"), ("四期", "-2"), ("五期", "-3")):
        form.add_phase(name, amount)
    names = ("total_investment", "registered_capital", "addPhase")
    before = page_places(form, "投资额与分期", (*names, "phases"))
    form.accept()
    message = error_of(form, "phases")
    assert message and message.count("\n") >= 3
    label = widget(form, "phasesError")
    with_error = page_places(form, "投资额与分期", (*names, "phases"))
    for name in (*names, "page"):
        assert with_error[name] == before[name], name
    # The table gives what it has above its smallest, from its bottom; its rows stay.
    assert with_error["phases"].topLeft() == before["phases"].topLeft()
    assert with_error["phases"].width() == before["phases"].width()
    assert form.phases.minimumHeight() <= form.phases.height() <= before["phases"].height()
    assert label.toolTip() == message  # what it still cannot show
