"""Opening a file that cannot be opened as it is: the app says what and where, never
crashes, never opens it again by itself, and opens files in read-only places
read-only with a banner saying why."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from db.records.files import create_unit_file
from db.records.settings import set_exchange_rate
from db.store.lock import FileLock
from db.store.unit_file import open_store
from tests.factories import make_project
from tests.unprivileged import run_child
from ui import i18n
from ui.controllers.files import FAILED_KEY, OPENING_KEY
from ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    win = MainWindow(tmp_path / "data", settings)
    qtbot.addWidget(win)
    yield win
    win.close()


@pytest.fixture
def shown(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the window shows (instead of message boxes)."""
    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda error: messages.append(str(error)))
    return messages


def _unit(path: Path, projects: int = 0) -> Path:
    store = create_unit_file(path, "开发区", kind="开发区")
    with store.bound():
        for number in range(projects):
            make_project(name=f"项目{number}")
    store.close()
    return path


def _alter(path: Path, statement: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement, params)
    conn.commit()
    conn.close()


def _recent_texts(window: MainWindow) -> list[str]:
    listing = window.start_screen.recent_list
    return [listing.item(row).text() for row in range(listing.count())]


def test_a_setting_that_is_not_json_is_named_and_not_opened_again(
    window: MainWindow, shown: list[str], settings: QSettings, tmp_path: Path
) -> None:
    path = _unit(tmp_path / "u.zsdb")
    assert window.open_file(path)
    window.close_file()  # it is now the last file
    assert settings.value("last_file") == str(path)
    _alter(path, "UPDATE setting SET value = '{not json' WHERE key = 'briefing'")

    assert window.open_file(path) is False
    assert window.session is None
    assert shown and "设置“briefing”无法读取" in shown[0] and str(path) in shown[0]
    # Not the last file any more, and the start screen says why it did not open.
    assert settings.value("last_file") is None
    assert str(path) in window.failed_files()
    assert any("未能打开" in text and "briefing" in text for text in _recent_texts(window))
    assert settings.value(OPENING_KEY) is None


def test_an_amount_stored_as_text_is_named_by_project_and_field(
    window: MainWindow, shown: list[str], tmp_path: Path
) -> None:
    path = _unit(tmp_path / "u.zsdb", projects=3)
    _alter(path, "UPDATE project SET total_investment = 'abc' WHERE name = '项目1'")

    assert window.open_file(path) is False
    assert window.session is None
    assert window.stack.currentWidget() is window.start_screen
    assert "项目“项目1”" in shown[0] and "'abc'" in shown[0], shown
    assert not FileLock(path).path.exists()  # the lock was given back


def test_a_huge_amount_is_named_too(window: MainWindow, shown: list[str], tmp_path: Path) -> None:
    path = _unit(tmp_path / "u.zsdb", projects=1)
    _alter(path, "UPDATE project SET total_investment = 1e300")
    assert window.open_file(path) is False
    assert "1e+300" in shown[0] and "项目0" in shown[0], shown


def test_an_exchange_rate_that_is_nan_is_named(
    window: MainWindow, shown: list[str], tmp_path: Path
) -> None:
    path = _unit(tmp_path / "u.zsdb")
    store = open_store(path)
    with store.bound():
        set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    store.close()
    _alter(
        path,
        "UPDATE setting SET value = json_set(value, '$.usd_cny', 'NaN') "
        "WHERE key = 'exchange_rate'",
    )
    assert window.open_file(path) is False
    assert "设置“exchange_rate”无法读取" in shown[0] and "NaN" in shown[0], shown


def test_a_crash_while_opening_is_not_repeated_at_the_next_start(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    path = _unit(tmp_path / "u.zsdb")
    # What a run that died in the middle of opening leaves behind.
    settings.setValue("last_file", str(path))
    settings.setValue(OPENING_KEY, str(path))
    window = MainWindow(tmp_path / "data", settings)
    qtbot.addWidget(window)
    assert window.note_crash_while_opening() == path
    assert settings.value("last_file") is None
    assert "意外退出" in json.loads(str(settings.value(FAILED_KEY)))[str(path)]
    assert any("意外退出" in text for text in _recent_texts(window))
    # Chosen again by the user, it opens, and is no longer marked.
    assert window.open_file(path)
    assert str(path) not in window.failed_files()
    window.close()


def test_files_that_are_no_unit_file_are_said_to_be_so(
    window: MainWindow, shown: list[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.zsdb"
    empty.write_bytes(b"")
    fifo = tmp_path / "pipe.zsdb"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.zsdb"
    folder.mkdir()
    text = tmp_path / "notes.zsdb"
    text.write_text("这不是数据文件", encoding="utf-8")
    for path in (empty, fifo, folder, text, tmp_path / "missing.zsdb"):
        assert window.open_file(path) is False
    assert "0 字节" in shown[0]
    assert "管道" in shown[1]
    assert "文件夹" in shown[2]
    assert "不是招商台账" in shown[3] or "已损坏" in shown[3], shown[3]
    assert "不存在" in shown[4]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("empty")) == [
        "empty.zsdb"
    ]


# Run where file permissions hold (tests/unprivileged.py): root would write anything.
READ_ONLY_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
app = QApplication([])
path, folder = Path(sys.argv[1]), Path(sys.argv[2])
window = MainWindow(folder, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
shown = []
window.show_error = lambda error: shown.append(str(error))
opened = window.open_file(path)
report = {"opened": opened, "shown": shown}
if opened:
    report.update(
        banner=banner.text() if (banner := window.read_only_banner).isVisibleTo(window) else "",
        new=window.new_project_action.isEnabled(),
        delete=window.delete_action.isEnabled(),
        import_=window.import_action.isEnabled(),
        briefing=window.briefing_action.isEnabled(),
        rows=window.ledger.model.rowCount(),
    )
    window.close_file()
print(json.dumps(report, ensure_ascii=False))
"""


@pytest.mark.parametrize("place", ["file", "folder"])
def test_a_file_in_a_read_only_place_opens_read_only_with_a_banner(
    tmp_path: Path, place: str
) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    path = _unit(folder / "u.zsdb", projects=2)
    before = path.read_bytes()
    settings_folder = tmp_path / "settings"
    settings_folder.mkdir()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    if place == "folder":
        folder.chmod(0o555)
    try:
        result = run_child(
            ["-c", READ_ONLY_SCRIPT, str(path), str(settings_folder)], tmp_path, unprivileged=True
        )
    finally:
        folder.chmod(0o755)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["opened"], report
    expected = "文件是只读的" if place == "file" else "文件夹或磁盘是只读的"
    assert expected in report["banner"] and "编辑功能已关闭" in report["banner"], report
    assert not report["new"] and not report["delete"] and not report["import_"]
    assert report["briefing"]  # it can still be printed
    assert report["rows"] == 2
    assert not report["shown"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["u.zsdb"]  # no lock, -wal, .bak


def test_a_lock_left_by_another_computer_can_be_taken_over(
    window: MainWindow, shown: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _unit(tmp_path / "u.zsdb")
    Path(f"{path}.lock").write_text(
        '{"user": "王五", "host": "hq-laptop", "pid": 1, "since": "2026-11-25 09:00"}',
        encoding="utf-8",
    )
    monkeypatch.setattr(window, "ask_take_over", lambda _error: True)
    assert window.open_file(path)
    assert window.session is not None
    assert "已接管 王五" in window.statusBar().currentMessage()
    window.close_file()
    conn = sqlite3.connect(path)
    logged = conn.execute("SELECT value FROM setting WHERE key = 'file.lock_takeovers'").fetchone()
    conn.close()
    entry = json.loads(logged[0])[-1]
    assert entry["from"] == "王五@hq-laptop" and entry["since"] == "2026-11-25 09:00"
    assert not shown


def test_a_large_file_is_checked_in_full_once_it_shows(
    window: MainWindow, shown: list[str], tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import db.store.schema
    import db.store.unit_file

    path = _unit(tmp_path / "u.zsdb", projects=3)
    _alter(path, "UPDATE project SET total_investment = 'abc' WHERE name = '项目2'")
    # As if the file were above the size checked in full at every open.
    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    assert window.open_file(path), shown
    assert not window.new_project_action.isEnabled()  # shown at once, edits wait for the check
    qtbot.waitUntil(lambda: window.damage_banner.isVisibleTo(window), timeout=10000)
    text = window.damage_banner.text()
    assert "统计数字可能不准确" in text and "项目“项目2”" in text and "'abc'" in text
    assert not window.new_project_action.isEnabled()  # and stay off: the file is not sound
    window.close_file()


def test_a_large_sound_file_can_be_edited_once_checked(
    window: MainWindow, shown: list[str], tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import db.store.schema
    import db.store.unit_file

    path = _unit(tmp_path / "u.zsdb", projects=3)
    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    assert window.open_file(path), shown
    assert window.ledger.model.rowCount() == 3  # the ledger shows while the check runs
    assert "正在检查文件中的数据" in window.statusBar().currentMessage()
    qtbot.waitUntil(window.new_project_action.isEnabled, timeout=10000)
    assert window.session is not None and not window.session.store.data_unchecked
    assert not window.damage_banner.isVisibleTo(window)
    window.close_file()


def test_a_large_file_shows_its_ledger_before_its_check_starts(
    window: MainWindow, shown: list[str], tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The check reads every page of the file: the ledger, read off the UI thread as
    a city's is, comes first, and the check starts once it has its rows and totals."""
    import db.store.schema
    import db.store.unit_file
    import ui.file_check
    import ui.ledger_view

    path = _unit(tmp_path / "u.zsdb", projects=3)
    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(ui.ledger_view, "READ_IN_BACKGROUND_FROM", 1)
    ledger_busy: list[bool] = []
    real = ui.file_check.DataCheck.__init__

    def noting(job, store):  # type: ignore[no-untyped-def]
        ledger_busy.append(window.ledger.busy)
        real(job, store)

    monkeypatch.setattr(ui.file_check.DataCheck, "__init__", noting)
    assert window.open_file(path), shown
    assert window.ledger.busy and ledger_busy == []  # the ledger is read first
    assert "正在检查文件中的数据" in window.statusBar().currentMessage()
    qtbot.waitUntil(window.new_project_action.isEnabled, timeout=10000)
    assert ledger_busy == [False]
    assert window.ledger.model.rowCount() == 3
    window.close_file()
