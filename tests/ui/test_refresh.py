"""Views refresh when something they show has changed, and only while on screen: an
edit made in the ledger does not recompute the overview hidden behind its tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget

import ui.dashboard
from db.records.files import create_unit_file
from db.records.follow_ups import FollowUpValues, save_follow_up
from db.records.projects import load_project, save_project
from db.rules.vocabulary import Stage
from tests.factories import make_project
from ui.dashboard import Dashboard
from ui.follow_up_view import FollowUpView
from ui.main_window import MainWindow
from ui.session import Session

TODAY = date(2025, 8, 15)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the overview computed its figures."""
    calls: list[int] = []
    real = ui.dashboard.figures

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.dashboard, "figures", counting)
    return calls


def test_a_hidden_overview_waits_until_it_is_shown(
    qtbot, session: Session, counted: list[int]
) -> None:  # type: ignore[no-untyped-def]
    project = make_project("大亚新能源材料", 300000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    dashboard = Dashboard(session, today=lambda: TODAY)
    follow_ups = FollowUpView(session, today=lambda: TODAY)
    tabs.addTab(dashboard, "概览")
    tabs.addTab(follow_ups, "待跟进")
    tabs.show()
    qtbot.waitUntil(lambda: not dashboard.busy)  # the figures are computed off the UI thread
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    tabs.setCurrentWidget(follow_ups)
    computed = len(counted)

    for remark in ("一期在建", "二期规划", "已拿地"):
        data = load_project(project.uuid)
        data.remarks = remark
        session.run("修改项目", save_project(data))
    assert len(counted) == computed  # hidden: nothing recomputed

    tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: not dashboard.busy)
    assert len(counted) == computed + 1  # shown: once, for all three edits
    session.run(
        "走访",
        save_follow_up(project.uuid, FollowUpValues(date(2025, 8, 1), "拜访", "看厂房")),
    )
    assert len(counted) == computed + 1  # a follow-up is not in the overview's figures


def test_a_visible_view_follows_at_once(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    project = make_project("创力电梯", 36000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    view = FollowUpView(session, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 0
    values = FollowUpValues(date(2025, 8, 1), "拜访", "供电增容", due_date=date(2025, 8, 10))
    session.run("走访", save_follow_up(project.uuid, values))
    assert view.model.rowCount() == 1
    session.undo_stack.undo()
    assert view.model.rowCount() == 0


def test_a_file_left_on_the_ledger_opens_without_computing_the_overview(
    qtbot, tmp_path: Path, counted: list[int]
) -> None:  # type: ignore[no-untyped-def]
    """As a file opens, the overview is the first tab for a moment (until the tab the
    file was left on is chosen): behind the ledger, it is not even built, and it
    computes once shown."""
    path = tmp_path / "unit.zsdb"
    store = create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海")
    store.make_default()
    # Signed this year: in the overview's first period, 本年至今.
    make_project("大亚新能源材料", 300000, events=[(Stage.SIGNED, date.today())])
    store.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    for _ in range(2):  # without a remembered tab, then on the tab it was left on
        window = MainWindow(tmp_path, settings)
        qtbot.addWidget(window)
        window.show()
        assert window.open_file(path)
        window.tabs.setCurrentWidget(window.ledger)
        qtbot.waitUntil(lambda window=window: not window.ledger.busy)
        qtbot.wait(50)  # what the window had left to do once shown
        assert counted == [] and not window.dashboard_page.built
        window.close()
    window = MainWindow(tmp_path, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(path)
    assert window.tabs.currentWidget() is window.ledger
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.busy
    qtbot.waitUntil(lambda: not window.dashboard.busy)
    assert len(counted) == 1
    assert window.dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    window.close()
