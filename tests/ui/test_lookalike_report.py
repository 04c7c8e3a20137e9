"""Look-alikes as a cadre meets them in the example data: 大亚新能源材料项目 typed
again is warned of before saving, and 报表 → 疑似重复项目 lists the pair."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from db.io.demo import build_demo
from db.records.units import get_or_create_unit
from db.store.models import Project
from tests.ui.helpers import Answers, answer_message_boxes, choose, commit_text
from ui import i18n
from ui.lookalike_report import LookalikeReport
from ui.main_window import MainWindow
from ui.project_form import ProjectForm


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "示例数据.zsdb"
    build_demo(path).close()
    return path


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return answer_message_boxes(monkeypatch)


@pytest.fixture
def window(qtbot, qapp, demo_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    path = tmp_path / demo_template.name
    shutil.copyfile(demo_template, path)
    main = MainWindow(tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    assert main.open_file(path)
    yield main
    main.close()


def enter_daya_again(qtbot, window: MainWindow) -> ProjectForm:  # type: ignore[no-untyped-def]
    assert window.session is not None
    form = ProjectForm(window.session, None, window)
    qtbot.addWidget(form)
    form.show()
    commit_text(form.inputs["name"], "大亚新能源材料项目")
    form.inputs["investor_name"].setText("大亚科技集团有限公司")  # type: ignore[attr-defined]
    form.inputs["total_investment"].setText("300000")  # type: ignore[attr-defined]
    choose(form, "unit_id", "上海驻点招商办")
    return form


def test_the_form_warns_of_daya_before_saving(qtbot, window: MainWindow, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    before = Project.live().count()
    form = enter_daya_again(qtbot, window)
    answers.box = QMessageBox.StandardButton.Cancel  # 返回修改
    form.accept()
    (shown,) = answers.asked
    assert shown == (
        "发现相似的记录:\n"
        "· 项目“大亚新能源材料建设项目”(投资方相同、项目名称相同、总投资相近)\n"
        "· 投资方“大亚科技集团有限公司”(该投资方已有 1 个项目)\n\n"
        "是否仍要保存?"
    )
    assert form.isVisible()
    assert Project.live().count() == before
    form.hide()  # while the file is open: hiding ends the editing of a field


def test_the_report_from_the_menu_lists_the_pair(
    qtbot, window: MainWindow, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    form = enter_daya_again(qtbot, window)
    answers.box = QMessageBox.StandardButton.Save  # 仍然保存
    form.accept()
    assert not form.isVisible()

    (action,) = [a for a in window.reports_menu.actions() if a.text() == "疑似重复项目…"]
    action.trigger()
    report = window.findChild(LookalikeReport)
    assert report is not None
    qtbot.waitUntil(lambda: not report.searching, timeout=30000)
    assert report.summary.text() == (
        "共 1 组疑似重复的项目,请逐组核对是否为同一项目;双击项目可打开。"
    )
    group = report.tree.topLevelItem(0)
    assert group.text(0) == "第1组(2个项目):投资方相同、项目名称相同、总投资相近"
    rows = [[group.child(i).text(c) for c in range(4)] for i in range(group.childCount())]
    assert rows == [
        ["大亚新能源材料建设项目", "开发区", "大亚科技集团有限公司", "30亿元"],
        ["大亚新能源材料项目", "上海驻点招商办", "大亚科技集团有限公司", "30亿元"],
    ]

    choose(report, "lookalikeUnit", "丹北镇")
    qtbot.waitUntil(lambda: not report.searching, timeout=30000)
    assert report.summary.text() == "未发现疑似重复的项目。"
    assert report.tree.topLevelItemCount() == 0
    report.close()


def test_a_unit_file_shows_no_unit_choice(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    get_or_create_unit("上海驻点招商办")
    report = LookalikeReport(session)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitUntil(lambda: not report.searching, timeout=30000)
    assert not report.unit.isVisible()
    assert report.summary.text() == "未发现疑似重复的项目。"


def test_the_report_reads_in_english(qtbot, window: MainWindow, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    form = enter_daya_again(qtbot, window)
    answers.box = QMessageBox.StandardButton.Save
    form.accept()
    assert window.session is not None
    i18n.install("en")
    try:
        report = LookalikeReport(window.session)
        qtbot.addWidget(report)
        qtbot.waitUntil(lambda: not report.searching, timeout=30000)
        group = report.tree.topLevelItem(0)
        assert group.text(0) == (
            "Group 1 (2 projects): same investor, same project name, similar total investment"
        )
        assert group.child(0).text(3) == "30 × 100M CNY"
    finally:
        i18n.install("zh_CN")
