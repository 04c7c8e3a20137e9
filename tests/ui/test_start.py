"""Starting the app: the start screen, creating files, the headless message, languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from db.store.lock import FileLock
from ui import i18n
from ui.fonts import ensure_cjk_font
from ui.main_window import MainWindow
from ui.new_file_dialog import NewFileDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings: QSettings):  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    win = MainWindow(tmp_path / "data", settings)
    qtbot.addWidget(win)
    yield win
    win.close()
    i18n.install("zh_CN")


def test_start_screen_offers_the_four_ways_in(window: MainWindow) -> None:
    screen = window.start_screen
    texts = [
        screen.findChild(QPushButton, n).text()
        for n in ("createUnitButton", "createHqButton", "openButton", "demoButton")
    ]
    assert texts[0].startswith("新建单位数据文件")
    assert texts[1].startswith("新建总部数据文件")
    assert texts[2].startswith("打开数据文件")
    assert texts[3].startswith("打开示例数据")
    assert window.windowTitle() == "招商台账"
    assert not window.new_project_action.isEnabled()


def test_new_file_dialog_refuses_an_empty_name_and_an_existing_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = NewFileDialog(False, tmp_path)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text() == "请填写名称"
    dialog.name.setText("上海驻点招商办")
    assert dialog.path.text().endswith("上海驻点招商办-招商台账.zsdb")
    Path(dialog.path.text()).write_text("x")
    dialog.accept()
    assert "已存在" in dialog.error.text()


def test_file_open_elsewhere_is_reported_not_opened(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.records.files import create_unit_file

    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    Path(f"{path}.lock").write_text(
        '{"user": "王五", "host": "hq-laptop", "pid": 1, "since": "2026-11-25 09:00"}',
        encoding="utf-8",
    )
    shown: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda e: shown.append(str(e)))
    monkeypatch.setattr(window, "ask_take_over", lambda e: asked.append(str(e)) or False)
    assert window.open_file(path) is False
    assert asked and "王五" in asked[0] and "hq-laptop" in asked[0]  # offered, declined
    assert shown and "王五" in shown[0] and "hq-laptop" in shown[0]
    assert window.session is None
    assert FileLock(path).read_owner() is not None  # the other user's lock is untouched


def test_english_switch_translates_the_menus(window: MainWindow) -> None:
    assert [a.text() for a in window.menuBar().actions()][:2] == ["文件(&F)", "编辑(&E)"]
    i18n.install("en")
    window.retranslate()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    assert (
        window.start_screen.findChild(QPushButton, "createUnitButton")
        .text()
        .startswith("New unit file")
    )


def test_a_chinese_font_is_found(qapp) -> None:  # type: ignore[no-untyped-def]
    status = ensure_cjk_font()
    assert status.ok, "install fonts-wqy-microhei (make test does this as root)"


def test_without_a_display_the_app_names_the_headless_commands() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "没有可用的图形显示" in result.stderr
    assert "zhaoshang figures" in result.stderr


def test_the_example_data_opens_on_the_articles_period(window: MainWindow, qtbot: QtBot) -> None:
    window.open_demo()
    assert window.session is not None and window.session.is_headquarters
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: not dashboard.busy)  # the figures are computed off the UI thread
    assert dashboard.caption.text() == "2023-01-01 至 2023-07-31 全市"
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 42 个"
    assert dashboard.signed_total.text() == "总投资 260.69 亿元"
    assert dashboard.period_combo.currentText() == "自定义"


def test_the_menus_are_built_once_per_language(window: MainWindow, qtbot: QtBot) -> None:
    """Opening and closing a file change which actions are enabled, not the menus."""
    open_action, merge_action = window.open_action, window.merge_action
    assert not window.export_action.isEnabled()
    window.open_demo()  # a headquarters file: it merges handovers
    assert window.open_action is open_action and window.merge_action is merge_action
    assert window.export_action.isEnabled() and merge_action.isEnabled()
    window.close_file()
    assert window.open_action is open_action and not window.export_action.isEnabled()
    i18n.install("en")
    window.retranslate()
    assert window.open_action is not open_action and window.open_action.text() == "Open…"
