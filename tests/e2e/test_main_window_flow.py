"""Whole flows through the main window, as a cadre works: create the file, enter a
project, delete it by mistake and undo, print the briefing and all project briefs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget

from db.rules.vocabulary import Stage
from db.store.models import Project
from tests.factories import make_project
from tests.ui.helpers import commit_text
from ui import i18n
from ui.main_window import MainWindow
from ui.new_file_dialog import NewFileDialog
from ui.project_form import ProjectForm
from ui.report_dialogs import BriefingDialog


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path, settings)
    win.open_url = lambda _url: True  # no viewer is started
    qtbot.addWidget(win)
    win.show()  # the views refresh while on screen, as for a user
    yield win
    win.close()


def type_chinese(edit: QWidget, text: str) -> None:
    assert isinstance(edit, QLineEdit)
    edit.clear()
    commit_text(edit, text)


def create_unit_file(window: MainWindow, tmp_path: Path) -> Path:
    window.create_file(False)
    dialog = window._dialog
    assert isinstance(dialog, NewFileDialog)
    type_chinese(dialog.name, "上海驻点招商办")
    type_chinese(dialog.city, "上海")
    path = tmp_path / "上海驻点招商办.zsdb"
    dialog.path.setText(str(path))
    dialog.accept()
    return path


def test_create_a_unit_file_and_enter_a_project(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path = create_unit_file(window, tmp_path)
    assert window.session is not None and path.exists()
    assert "上海驻点招商办" in window.windowTitle()
    assert window.tabs.count() == 4
    assert Path(f"{path}.lock").exists()  # a second opener would be told

    window.new_project_action.trigger()
    form = window._dialog
    assert isinstance(form, ProjectForm)
    type_chinese(form.findChild(QWidget, "name"), "大亚新能源材料建设项目")
    type_chinese(form.findChild(QWidget, "investor_name"), "大亚科技集团有限公司")
    total = form.findChild(QLineEdit, "total_investment")
    qtbot.keyClicks(total, "300000")
    assert form.save()
    window.tabs.setCurrentWidget(window.ledger)
    qtbot.waitUntil(lambda: "共 1 个项目" in window.summary.text())

    search = window.ledger.findChild(QLineEdit, "ledgerSearch")
    window.find_action.trigger()
    type_chinese(search, "大亚")
    qtbot.waitUntil(lambda: window.ledger.table.model().rowCount() == 1)


def test_delete_by_mistake_then_undo_and_redo(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_unit_file(window, tmp_path)
    make_project("创力电梯项目", 36000, events=((Stage.SIGNED, date(2023, 3, 1)),))
    window.session.notify()
    window.tabs.setCurrentWidget(window.ledger)
    qtbot.waitUntil(lambda: window.ledger.table.model().rowCount() == 1)
    window.ledger.table.selectRow(0)
    window.tabs.setCurrentWidget(window.dashboard)
    window.delete_action.trigger()  # the ledger is not in view: nothing happens
    assert Project.live().count() == 1
    window.tabs.setCurrentWidget(window.ledger)
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: window.ledger.table.model().rowCount() == 0)
    assert Project.live().count() == 0 and Project.select().count() == 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.ledger.table.model().rowCount() == 1)
    assert Project.live().get().stage == Stage.SIGNED
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.ledger.table.model().rowCount() == 0)


def test_print_the_briefing_from_the_reports_menu(window: MainWindow, tmp_path: Path) -> None:
    create_unit_file(window, tmp_path)
    make_project("电池箔项目", 20000, events=((Stage.SIGNED, date(2023, 3, 1)),))
    window.briefing_action.trigger()
    dialog = window._dialog
    assert isinstance(dialog, BriefingDialog)
    dialog.date_from.setDate(QDate(2023, 1, 1))
    dialog.date_to.setDate(QDate(2023, 7, 31))
    dialog.issue.setValue(5)
    out = tmp_path / "简报第5期.pdf"
    dialog.out.setText(str(out))
    dialog.accept()
    assert out.exists()
    assert "已生成" in window.statusBar().currentMessage()
    from tests.reports.pdf_tools import pdf_text

    sentence = "2023年1~7月，上海驻点招商办新签约总投资亿元以上产业项目1个，总投资2亿元。"
    assert sentence in pdf_text(out)
    # the next briefing is offered the next number
    window.briefing_action.trigger()
    assert window._dialog.issue.value() == 6  # type: ignore[attr-defined]


def test_briefing_dialog_refuses_a_backwards_period(window: MainWindow, tmp_path: Path) -> None:
    create_unit_file(window, tmp_path)
    window.briefing_action.trigger()
    dialog = window._dialog
    dialog.date_from.setDate(QDate(2023, 8, 1))  # type: ignore[attr-defined]
    dialog.date_to.setDate(QDate(2023, 7, 31))  # type: ignore[attr-defined]
    dialog.accept()  # type: ignore[attr-defined]
    assert dialog.error.text() == "起始日期晚于截止日期"  # type: ignore[attr-defined]
    assert dialog.isVisible() or dialog.result() == 0  # type: ignore[attr-defined]


def test_all_project_briefs_in_the_background(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_unit_file(window, tmp_path)
    for i in range(6):
        make_project(f"项目{i}/第{i}期", 20000 + i, events=((Stage.TALKS, date(2023, 3, 1)),))
    folder = tmp_path / "briefs"
    folder.mkdir()
    window.start_brief_batch(folder)
    qtbot.waitUntil(lambda: not window.batch_thread.isRunning(), timeout=30000)
    written = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(written) == 6
    assert "项目0_第0期-项目简报.pdf" in written  # a "/" cannot be in a file name
    assert "已生成 6 份项目简报" in window.statusBar().currentMessage()


def test_the_batch_can_be_cancelled(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    create_unit_file(window, tmp_path)
    for i in range(40):
        make_project(f"项目{i}", 20000, events=((Stage.TALKS, date(2023, 3, 1)),))
    folder = tmp_path / "briefs"
    folder.mkdir()
    window.start_brief_batch(folder)
    cancel = window.batch_progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    qtbot.waitUntil(lambda: not window.batch_thread.isRunning(), timeout=30000)
    assert len(list(folder.glob("*.pdf"))) < 40


LEDGER = Path(__file__).resolve().parents[1] / "data" / "article-ledger.xlsx"


def hq_window(window: MainWindow, tmp_path: Path) -> None:
    window.create_file(True)
    dialog = window._dialog
    type_chinese(dialog.name, "市招商中心")  # type: ignore[attr-defined]
    dialog.path.setText(str(tmp_path / "hq.zsdb"))  # type: ignore[attr-defined]
    dialog.accept()  # type: ignore[attr-defined]


def test_import_the_article_ledger_in_the_background(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    hq_window(window, tmp_path)
    window.import_ledger_from(LEDGER)
    qtbot.waitUntil(lambda: not window.import_thread.isRunning(), timeout=30000)
    qtbot.waitUntil(lambda: "新建项目 174 个" in window.statusBar().currentMessage())
    window.tabs.setCurrentWidget(window.ledger)
    qtbot.waitUntil(lambda: "共 174 个项目" in window.summary.text())


def test_a_bad_ledger_lists_its_problems_and_changes_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    create_unit_file(window, tmp_path)
    bad = tmp_path / "台账.csv"
    bad.write_text(
        "项目名称,投资方,内外资,总投资(万元),项目阶段\n甲项目,某公司,内资,-5,在谈\n",
        encoding="utf-8-sig",
    )
    window.import_ledger_from(bad)
    qtbot.waitUntil(lambda: not window.import_thread.isRunning(), timeout=30000)
    qtbot.waitUntil(lambda: getattr(window._dialog, "objectName", lambda: "")() == "importProblems")
    box = window._dialog
    assert "未导入任何数据" in box.text()  # type: ignore[attr-defined]
    assert "第2行" in box.detailedText()  # type: ignore[attr-defined]
    assert Project.select().count() == 0


def test_cancelling_an_import_keeps_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hq_window(window, tmp_path)
    window.import_ledger_from(LEDGER)
    window.import_job.cancel()  # as the progress dialog's 取消 does, directly
    qtbot.waitUntil(lambda: not window.import_thread.isRunning(), timeout=30000)
    qtbot.waitUntil(lambda: "已取消导入" in window.statusBar().currentMessage())
    assert Project.select().count() == 0


def test_headquarters_prints_the_briefs_of_one_unit(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    hq_window(window, tmp_path)
    make_project("开发区项目", 20000, unit="开发区")
    make_project("吕城镇项目", 20000, unit="吕城镇")
    folder = tmp_path / "briefs"
    folder.mkdir()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("吕城镇", True))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    window.batch_action.trigger()
    qtbot.waitUntil(lambda: not window.batch_thread.isRunning(), timeout=30000)
    assert [p.name for p in folder.glob("*.pdf")] == ["吕城镇项目-项目简报.pdf"]
