"""The window remembers, for each file, what the cadre was looking at: reopened — also
after a restart or a change of language — the file shows the same tab, period,
filters and sort; 文件 → 最近打开 lists the last files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from db.records.files import create_unit_file
from db.rules.vocabulary import Stage
from tests.factories import make_project
from ui import i18n
from ui.controllers.files import DEMO_FILE_NAME
from ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "上海驻点招商办.zsdb", tmp_path / "开发区.zsdb"
    store = create_unit_file(first, "上海驻点招商办", kind="驻点招商办", city="上海")
    store.make_default()
    make_project("大亚新能源材料建设项目", 300000, events=[(Stage.TALKS, date(2023, 3, 1))])
    make_project("创力电梯部件项目", 36000, events=[(Stage.SIGNED, date(2023, 2, 10))])
    make_project("大丰光伏项目", 50000, events=[(Stage.TALKS, date(2023, 4, 1))])
    store.close()
    create_unit_file(second, "开发区", kind="开发区").close()
    return first, second


@pytest.fixture
def start(qtbot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Start the program (again): a new window over the same settings."""
    i18n.install("zh_CN")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    windows: list[MainWindow] = []

    def started() -> MainWindow:
        window = MainWindow(tmp_path, settings)
        window.open_url = lambda _url: True  # no viewer is started
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield started
    for window in windows:
        window.close()
    i18n.install("zh_CN")


def ledger_names(window: MainWindow) -> list[str]:
    model = window.ledger.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def set_up_the_ledger(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """On the ledger: 在谈 projects whose name holds 大, sorted by name ascending; the
    overview on 2023-01-01…2023-06-30."""
    window.dashboard.show_period(date(2023, 1, 1), date(2023, 6, 30))
    window.tabs.setCurrentWidget(window.ledger)
    ledger = window.ledger
    ledger.stage_filter.setCurrentIndex(ledger.stage_filter.findText("在谈"))
    ledger.search.setText("大")
    ledger.search.returnPressed.emit()
    ledger.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not ledger.busy)


def shows_the_set_up(window: MainWindow) -> None:
    assert window.tabs.currentWidget() is window.ledger
    assert window.ledger.stage_filter.currentText() == "在谈"
    assert window.ledger.search.text() == "大"
    assert ledger_names(window) == ["大丰光伏项目", "大亚新能源材料建设项目"]
    assert window.ledger.model.descending is False
    assert window.dashboard.period_from.date() == QDate(2023, 1, 1)
    assert window.dashboard.period_to.date() == QDate(2023, 6, 30)


def test_a_file_reopens_on_its_tab_period_filters_and_sort_after_a_restart(
    qtbot,  # type: ignore[no-untyped-def]
    start,  # type: ignore[no-untyped-def]
    files: tuple[Path, Path],
) -> None:
    first, second = files
    window = start()
    assert window.open_file(first)
    set_up_the_ledger(qtbot, window)
    default_height = window.height()
    window.resize(window.width(), default_height - 60)
    shows_the_set_up(window)

    # Another file has its own view: the defaults.
    assert window.open_file(second)
    assert window.tabs.currentWidget() is window.dashboard
    assert window.ledger.search.text() == ""
    window.close()

    again = start()
    assert again.open_file(first)
    shows_the_set_up(again)
    # (Only the height: restoreGeometry fits the width to the offscreen screen's 800.)
    assert again.height() == default_height - 60


def test_switching_the_language_keeps_the_tab_period_and_filters(
    qtbot,  # type: ignore[no-untyped-def]
    start,  # type: ignore[no-untyped-def]
    files: tuple[Path, Path],
) -> None:
    window = start()
    assert window.open_file(files[0])
    set_up_the_ledger(qtbot, window)
    talks = window.ledger.stage_filter.currentIndex()
    i18n.install("en")
    window.retranslate()
    assert window.tabs.currentWidget() is window.ledger
    assert window.tabs.tabText(window.tabs.currentIndex()) != "项目台账"  # in English now
    assert window.ledger.stage_filter.currentIndex() == talks
    assert window.ledger.search.text() == "大"
    qtbot.waitUntil(lambda: not window.ledger.busy)
    assert ledger_names(window) == ["大丰光伏项目", "大亚新能源材料建设项目"]
    assert window.dashboard.period_from.date() == QDate(2023, 1, 1)
    assert window.dashboard.period_to.date() == QDate(2023, 6, 30)
    assert window.dashboard.period_combo.currentText() == "Custom"


def test_the_example_data_opens_on_the_articles_period_after_a_restart(
    qtbot,  # type: ignore[no-untyped-def]
    start,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    settings: QSettings,
) -> None:
    window = start()
    window.open_demo()
    qtbot.waitUntil(lambda: "42" in window.dashboard.signed_count.text(), timeout=20000)
    window.close()
    assert settings.value("last_file") == str(tmp_path / DEMO_FILE_NAME)

    again = start()  # desktop/app.py opens the last file
    assert again.open_file(tmp_path / DEMO_FILE_NAME)
    assert again.dashboard.period_from.date() == QDate(2023, 1, 1)
    assert again.dashboard.period_to.date() == QDate(2023, 7, 31)
    qtbot.waitUntil(lambda: "42" in again.dashboard.signed_count.text(), timeout=20000)


def test_the_file_menu_lists_recent_files_and_clears_the_list(
    start,  # type: ignore[no-untyped-def]
    files: tuple[Path, Path],
) -> None:
    first, second = files
    window = start()
    assert window.open_file(first) and window.open_file(second)
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(second), str(first)]
    assert entries[0].text().startswith("&1 开发区")
    entries[1].trigger()  # opens 上海驻点招商办
    assert window.session is not None and window.session.path == first

    window.close_file()
    clear = next(a for a in window.recent_menu.actions() if a.objectName() == "clearRecent")
    assert clear.isEnabled()
    clear.trigger()
    window.recent_menu.aboutToShow.emit()
    assert not [a for a in window.recent_menu.actions() if a.data()]
    assert window.recent_files() == []


def test_a_large_ledger_reopens_read_once_with_its_filters_and_sort(
    qtbot,  # type: ignore[no-untyped-def]
    start,  # type: ignore[no-untyped-def]
    files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A city's ledger is read off the UI thread as the file opens: with the filters
    and sort it was left with, not first with the defaults."""
    import ui.ledger_view
    from db.reads import ledger_table

    monkeypatch.setattr(ui.ledger_view, "READ_IN_BACKGROUND_FROM", 1)
    window = start()
    assert window.open_file(files[0])
    set_up_the_ledger(qtbot, window)
    window.close()

    reads: list[str] = []
    real = ledger_table.matching_ids

    def noting(criteria, key="updated_at", descending=False, limit=None):  # type: ignore[no-untyped-def]
        reads.append(f"{criteria.search} {key} {descending}")
        return real(criteria, key, descending, limit)

    monkeypatch.setattr(ledger_table, "matching_ids", noting)
    again = start()
    assert again.open_file(files[0])
    assert again.tabs.currentWidget() is again.ledger
    qtbot.waitUntil(lambda: not again.ledger.busy)
    shows_the_set_up(again)
    assert reads == ["大 name False"]


def test_tabs_behind_the_ledger_are_built_when_first_shown_and_keep_their_state(
    qtbot,  # type: ignore[no-untyped-def]
    start,  # type: ignore[no-untyped-def]
    files: tuple[Path, Path],
) -> None:
    """A file left on the ledger opens without building the overview, 待跟进 or 签约活动
    (ui.lazy_page); a tab clicked shows its view; the overview's remembered period
    survives a session in which it was never shown."""
    first, _ = files
    window = start()
    assert window.open_file(first)
    set_up_the_ledger(qtbot, window)  # the overview on 2023-01-01…2023-06-30
    window.close()

    again = start()
    assert again.open_file(first)
    qtbot.wait(50)  # what the window had left to do once shown
    assert again.tabs.currentWidget() is again.ledger
    pages = [again.tabs.widget(index) for index in (0, 2, 3)]
    assert [page.built for page in pages] == [False, False, False]
    again.tabs.setCurrentIndex(2)  # 待跟进, clicked
    qtbot.waitUntil(lambda: pages[1].built)
    assert again.tabs.currentWidget() is again.follow_ups
    assert again.follow_ups.isVisible()
    again.tabs.setCurrentWidget(again.ledger)
    again.close()  # the overview never shown: its state is the one it was restored with

    last = start()
    assert last.open_file(first)
    last.tabs.setCurrentWidget(last.dashboard)
    assert last.tabs.currentIndex() == 0
    assert last.dashboard.period_from.date() == QDate(2023, 1, 1)
    assert last.dashboard.period_to.date() == QDate(2023, 6, 30)
