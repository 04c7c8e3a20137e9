"""The ledger page as a user drives it: search, filters, sorting, totals, columns."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

import ui.ledger_query
import ui.ledger_view
from db.reads import ledger_table
from db.records.projects import delete_projects
from db.records.settings import set_exchange_rate
from db.records.units import get_or_create_unit
from db.rules.vocabulary import Stage
from db.store.models import Project
from tests.factories import make_project
from tests.ui.helpers import TYPED_DATES, type_date
from ui import project_table
from ui.ledger_view import LedgerView
from ui.project_table import Col
from ui.session import Session

MakeView = Callable[[], LedgerView]


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    """A settings file of the test's own: the user's real settings stay untouched."""
    return QSettings(str(tmp_path / "ledger.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_view(qtbot, session: Session, store: QSettings) -> MakeView:  # type: ignore[no-untyped-def]
    def make() -> LedgerView:
        view = LedgerView(session, settings_store=store)
        qtbot.addWidget(view)
        view.resize(1400, 700)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


@pytest.fixture
def article(session: Session) -> dict[str, Project]:
    return {
        "大亚": make_project(
            "大亚新能源材料建设项目",
            300000,
            chain="新材料",
            local_industry="新材料",
            events=[(Stage.SIGNED, date(2025, 3, 1))],
        ),
        "创力": make_project(
            "江苏创力电梯垂直电梯部件及储能生产建设项目",
            36000,
            local_industry="装备制造",
            events=[(Stage.SIGNED, date(2025, 1, 20)), (Stage.STARTED, date(2025, 3, 29))],
        ),
        "美锦": make_project(
            "光学纳米分子材料项目",
            20000,
            industry_code="39",
            events=[(Stage.TALKS, date(2025, 2, 1))],
        ),
        "外资": make_project(
            "外资精密部件项目", 1500, capital="foreign", events=[(Stage.SIGNED, date(2025, 8, 2))]
        ),
        "商住": make_project("城南商住地块", 500000, industry_code="70"),
    }


def shown(view: LedgerView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, Col.NAME)) for row in range(model.rowCount())]


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as an input method does: QTest's key clicks only know ASCII characters."""
    for character in text:
        event = QInputMethodEvent()
        event.setCommitString(character)
        QApplication.sendEvent(widget, event)


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, f"{text} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_the_table_is_painted_on_the_base_colour_like_any_table(
    make_view: MakeView, article
) -> None:  # type: ignore[no-untyped-def]
    """The ledger makes its table's viewport itself (for a faster start): it must look
    as Qt's own, its rows and the space below them on the palette's base colour."""
    view = make_view()
    table = view.table
    image = table.viewport().grab().toImage()
    base = table.palette().color(QPalette.ColorRole.Base)
    below = table.rowViewportPosition(table.model().rowCount() - 1) + 2 * table.rowHeight(0)
    assert below < image.height()
    assert image.pixelColor(image.width() - 5, below) == base
    first_row = table.rowViewportPosition(0) + 2
    assert image.pixelColor(table.columnViewportPosition(0) + 2, first_row) == base


def test_typing_two_characters_finds_the_project(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    assert len(shown(view)) == 5
    type_chinese(view.search, "大亚")
    qtbot.waitUntil(lambda: shown(view) == ["大亚新能源材料建设项目"])
    assert view.summary == "共 1 个项目 · 内资 1 个 30 亿元 · 外资 0 个 0 亿美元"
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert len(shown(view)) == 5


def test_longer_search_is_instant_on_enter(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.search.setText("储能生产")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert shown(view) == ["江苏创力电梯垂直电梯部件及储能生产建设项目"]
    view.search.setText("项目 材料")  # every word must match
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert sorted(shown(view)) == ["光学纳米分子材料项目", "大亚新能源材料建设项目"]


def test_search_for_syntax_characters_matches_nothing(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    for text in ('"', "%", "_", '"大亚" OR "x', "*"):
        view.search.setText(text)
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
        assert shown(view) == [], text


def test_each_filter_narrows_the_rows(make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    assert view.unit_filter.isHidden()  # one unit in a unit file: nothing to choose
    choose(view.stage_filter, "签约")
    assert sorted(shown(view)) == ["外资精密部件项目", "大亚新能源材料建设项目"]
    choose(view.capital_filter, "外资")
    assert shown(view) == ["外资精密部件项目"]
    assert view.summary == "共 1 个项目 · 内资 0 个 0 亿元 · 外资 1 个 0.15 亿美元"
    view.clear_button.click()
    assert len(shown(view)) == 5
    assert view.current_filter().is_empty
    assert not view.clear_button.isEnabled()

    choose(view.stage_filter, "在手在谈(在谈、已签约未开工)")
    assert len(shown(view)) == 3
    view.clear_button.click()
    choose(view.counted_filter, "未纳入统计")
    assert shown(view) == ["城南商住地块"]
    choose(view.counted_filter, "纳入统计")
    assert len(shown(view)) == 4
    view.clear_button.click()
    choose(view.band_filter, "30亿元以上")
    assert sorted(shown(view)) == ["城南商住地块", "大亚新能源材料建设项目"]
    choose(view.band_filter, "1~5亿元")
    # No exchange rate is entered in this file: the 外资 project stands in no band.
    assert sorted(shown(view)) == [
        "光学纳米分子材料项目",
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
    ]
    view.clear_button.click()
    choose(view.industry_filter, "装备制造")
    assert shown(view) == ["江苏创力电梯垂直电梯部件及储能生产建设项目"]
    view.clear_button.click()
    choose(view.chain_filter, "“4+3+1”重点产业链")
    assert shown(view) == ["大亚新能源材料建设项目"]


def typed_range(qtbot, view: LedgerView, start: str, end: str) -> None:  # type: ignore[no-untyped-def]
    """Both ends of the date range typed over what they show, Tab between, Enter."""
    if not view.isActiveWindow():
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
    type_date(qtbot, view.date_from, start)
    qtbot.keyClick(view.date_from, Qt.Key.Key_Tab)
    assert view.focusWidget() is view.date_to  # Tab leaves the date, no sections in it
    type_date(qtbot, view.date_to, end)
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)


def test_signed_date_range_filter(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    assert not view.date_from.isEnabled()  # not applied until ticked
    assert len(shown(view)) == 5
    view.date_check.setChecked(True)
    typed_range(qtbot, view, "2025-01-20", "2025-03-01")
    assert sorted(shown(view)) == [
        "大亚新能源材料建设项目",
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
    ]
    type_date(qtbot, view.date_to, "2025/8/2")
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)
    assert len(shown(view)) == 3
    assert view.date_to.text() == "2025-08-02"
    choose(view.date_field, "首次对接日期")
    typed_range(qtbot, view, "20250201", "20250201")
    assert shown(view) == ["光学纳米分子材料项目"]
    # An end left empty is open: first contact on 2025-02-01 or later.
    type_date(qtbot, view.date_to, "")
    qtbot.keyClick(view.date_to, Qt.Key.Key_Delete)
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)
    assert sorted(shown(view)) == [
        "光学纳米分子材料项目",
        "外资精密部件项目",
        "大亚新能源材料建设项目",
    ]
    assert not view.date_error.isVisibleTo(view)

    # Remembered for the file and shown again as it was left, the open end too.
    state = view.view_state()
    assert (state["date_from"], state["date_to"]) == ("2025-02-01", "")
    again = make_view()
    again.restore_view_state(state)
    assert (again.date_from.text(), again.date_to.text()) == ("2025-02-01", "")
    assert again.date_check.isChecked() and again.date_to.isEnabled()
    assert sorted(shown(again)) == sorted(shown(view))


@pytest.mark.parametrize(("typed", "meant"), TYPED_DATES)
def test_a_date_range_typed_in_any_usual_writing(  # type: ignore[no-untyped-def]
    qtbot, make_view: MakeView, typed: str, meant: date
) -> None:
    for name, day in (("前一天签约", -1), ("当天签约", 0), ("后一天签约", 1)):
        signed = date.fromordinal(meant.toordinal() + day)
        make_project(name, 20000, events=[(Stage.SIGNED, signed)])
    view = make_view()
    view.date_check.setChecked(True)
    typed_range(qtbot, view, typed, typed)
    assert not view.date_error.isVisibleTo(view)
    assert (view.date_from.text(), view.date_to.text()) == (meant.isoformat(), meant.isoformat())
    assert shown(view) == ["当天签约"]


def test_a_wrong_date_range_is_named_and_the_rows_stay(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.date_check.setChecked(True)
    typed_range(qtbot, view, "2025-01-01", "2025-03-01")
    before = shown(view)
    assert sorted(before) == [
        "大亚新能源材料建设项目",
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
    ]
    table_at = view.table.geometry()

    type_date(qtbot, view.date_to, "2025-02-30")
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)
    assert view.date_error.isVisibleTo(view)
    assert view.date_error.text() == "截止日期:“2025-02-30”不是有效日期,请按 2023-05-20 的格式填写"
    assert shown(view) == before
    assert view.view_state()["date_to"] == "2025-03-01"  # remembered: what filters
    assert view.table.geometry() == table_at  # the message moves no row

    type_date(qtbot, view.date_to, "2024-12-31")  # before the start
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)
    assert view.date_error.text() == "起始日期晚于截止日期,请调整日期范围"
    assert shown(view) == before

    type_date(qtbot, view.date_to, "2025-01-31")
    qtbot.keyClick(view.date_to, Qt.Key.Key_Tab)
    assert not view.date_error.isVisibleTo(view)
    assert shown(view) == ["江苏创力电梯垂直电梯部件及储能生产建设项目"]

    type_date(qtbot, view.date_from, "2025-13-01")
    qtbot.keyClick(view.date_from, Qt.Key.Key_Return)
    assert view.date_error.text().startswith("起始日期:“2025-13-01”不是有效日期")
    view.date_check.setChecked(False)  # the dates filter nothing now: nothing to fix
    assert not view.date_error.isVisibleTo(view)
    assert len(shown(view)) == 5


def test_unit_filter_at_headquarters(qtbot, hq_session: Session, store: QSettings) -> None:  # type: ignore[no-untyped-def]
    zone = get_or_create_unit("开发区")
    office = get_or_create_unit("上海驻点招商办")
    make_project("开发区新材料项目", 20000, unit=zone)
    make_project("上海驻点项目", 30000, unit=office)
    view = LedgerView(hq_session, settings_store=store)
    qtbot.addWidget(view)
    assert not view.unit_filter.isHidden()
    choose(view.unit_filter, "开发区")
    assert shown(view) == ["开发区新材料项目"]
    assert view.summary == "共 1 个项目 · 内资 1 个 2 亿元 · 外资 0 个 0 亿美元"


def test_clicking_the_total_header_sorts_by_amount(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    make_project("九千万项目", 9000)
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    view = make_view()
    view.set_column_visible(Col.TOTAL, True)
    header = view.table.horizontalHeader()
    center = QPoint(header.sectionViewportPosition(Col.TOTAL) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=center)
    if header.sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert header.sortIndicatorSection() == Col.TOTAL
    assert shown(view)[:3] == [
        "城南商住地块",
        "大亚新能源材料建设项目",
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
    ]
    # 1500万美元 (1.07亿元) ranks above 9000万元: amounts, not text, and converted.
    assert shown(view)[-2:] == ["外资精密部件项目", "九千万项目"]


def test_summary_counts_and_totals_in_yi(make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    make_project("一分钱项目", Decimal("0.01"))
    view = make_view()
    summaries: list[str] = []
    view.summary_changed.connect(summaries.append)
    assert view.summary == "共 6 个项目 · 内资 5 个 85.6 亿元 · 外资 1 个 0.15 亿美元"
    choose(view.counted_filter, "纳入统计")
    assert summaries == ["共 4 个项目 · 内资 3 个 35.6 亿元 · 外资 1 个 0.15 亿美元"]


def test_column_layout_is_remembered(qtbot, make_view: MakeView, article, store: QSettings) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    header = view.table.horizontalHeader()
    assert not header.isSectionHidden(Col.INVESTOR)
    assert header.isSectionHidden(Col.REMARKS)
    view.columns_menu.aboutToShow.emit()  # as when the 显示列 button opens it
    actions = {action.text(): action for action in view.columns_menu.actions()}
    assert len([a for a in actions.values() if a.isCheckable()]) == len(Col)
    actions["投资方"].trigger()
    actions["备注"].trigger()
    header.resizeSection(Col.NAME, 333)
    view.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    view.close()
    view.deleteLater()

    again = make_view()
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(Col.INVESTOR)
    assert not header.isSectionHidden(Col.REMARKS)
    assert header.sectionSize(Col.NAME) == 333
    assert header.sortIndicatorSection() == Col.NAME
    assert shown(again) == [  # by pinyin, as WPS and Excel sort: cheng, da, guang, jiang, wai
        "城南商住地块",
        "大亚新能源材料建设项目",
        "光学纳米分子材料项目",
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
        "外资精密部件项目",
    ]
    again.restore_default_columns()
    assert not header.isSectionHidden(Col.INVESTOR)


def test_enter_and_double_click_open_the_project(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    type_chinese(view.search, "大亚")
    qtbot.waitUntil(lambda: len(shown(view)) == 1)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, Col.NAME))
    with qtbot.waitSignal(view.project_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [article["大亚"].uuid]
    cell = view.table.visualRect(view.model.index(0, Col.NAME)).center()
    with qtbot.waitSignal(view.project_activated) as opened:
        # QTest's double click lacks the press a real one starts with.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [article["大亚"].uuid]


def test_ctrl_f_in_the_table_goes_to_the_search(qtbot, make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus)


def test_selected_projects_in_row_order(make_view: MakeView, article) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (3, 0):
        view.table.selectionModel().select(view.model.index(row, 0), flags)
    names = shown(view)
    by_name = {project.name: project.uuid for project in article.values()}
    assert view.selected_project_uuids() == [by_name[names[0]], by_name[names[3]]]


def test_rows_follow_changes_to_the_file(
    qtbot, make_view: MakeView, article, session: Session
) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    view.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    row = shown(view).index("城南商住地块")
    view.table.setCurrentIndex(view.model.index(row, Col.NAME))

    session.run("删除项目", delete_projects([article["大亚"].uuid]))
    qtbot.waitUntil(lambda: not view.busy)  # the order and totals are read off the UI thread
    assert "大亚新能源材料建设项目" not in shown(view)
    assert view.summary.startswith("共 4 个项目")
    current = view.table.currentIndex()
    assert view.model.data(current.siblingAtColumn(Col.NAME)) == "城南商住地块"

    make_project("新落户项目", 12000, local_industry="生物医药")
    session.notify()
    qtbot.waitUntil(lambda: not view.busy)
    assert "新落户项目" in shown(view)
    assert view.industry_filter.findText("生物医药") >= 0
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.busy)
    assert "大亚新能源材料建设项目" in shown(view)


# -- a large ledger: read off the UI thread as the view is built ----------------------


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str, bool, int | None]]:
    """As if the file held a city's ledger; the reads of ids in order, as (filter,
    sort, descending, limit), wherever they run."""
    monkeypatch.setattr(ui.ledger_view, "READ_IN_BACKGROUND_FROM", 1)
    reads: list[tuple[object, str, bool, int | None]] = []
    real = ledger_table.matching_ids

    def counting(criteria, sort_key="updated_at", descending=False, limit=None):  # type: ignore[no-untyped-def]
        reads.append((criteria, sort_key, descending, limit))
        return real(criteria, sort_key, descending, limit)

    monkeypatch.setattr(ledger_table, "matching_ids", counting)
    return reads


def test_a_large_ledger_is_read_off_the_ui_thread_rows_first(
    qtbot, session: Session, store: QSettings, article, large, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    make_project("生物医药项目", 1000, local_industry="生物医药")  # a label only in use
    monkeypatch.setattr(ui.ledger_view, "PAGE_SIZE", 2)  # what the first paint reads
    view = LedgerView(session, settings_store=store)
    qtbot.addWidget(view)
    counts: list[int] = []
    view.model.layoutChanged.connect(lambda: counts.append(view.model.rowCount()))
    assert view.busy and view.model.pending and view.model.rowCount() == 0
    assert view.industry_filter.findText("新材料") >= 0  # configured: offered at once
    assert view.industry_filter.findText("生物医药") < 0  # in use: read with the totals
    qtbot.waitUntil(lambda: not view.busy)
    assert counts == [2, 6]  # the first page, then every row
    assert not view.model.pending and len(shown(view)) == 6
    assert shown(view)[0] == "生物医药项目"  # the latest updated first
    assert view.summary == "共 6 个项目 · 内资 5 个 85.7 亿元 · 外资 1 个 0.15 亿美元"
    assert view.industry_filter.findText("生物医药") >= 0
    assert [limit for *_order, limit in large] == [2, None]  # in the background only


class PaintsWithRows(QObject):
    """Notes in ``events`` each paint of the table that shows rows."""

    def __init__(self, view: LedgerView, events: list[str]) -> None:
        super().__init__(view)
        self.view, self.events = view, events
        view.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.view.model.rowCount():
            self.events.append("painted")
        return False


def on_screen(qtbot, session: Session, store: QSettings, events: list[str]) -> QWidget:  # type: ignore[no-untyped-def]
    """A window on screen holding the ledger (its ``view``; the test keeps the window,
    which owns it), the ledger's paints with rows noted in ``events``."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1000, 500)
    window.show()
    qtbot.waitExposed(window)
    view = LedgerView(session, parent=window, settings_store=store)
    PaintsWithRows(view, events)
    view.resize(1000, 500)
    view.show()
    window.view = view  # type: ignore[attr-defined]
    return window


def test_on_screen_the_rest_of_a_large_ledger_is_read_after_its_first_page_is_painted(
    qtbot, session: Session, store: QSettings, article, large, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # Reading the rest holds Python's lock for long stretches, and the paint asks Python
    # for every cell: the first page is painted first.
    monkeypatch.setattr(ui.ledger_query, "HOLD_SECONDS", 60)  # only the paint releases it
    monkeypatch.setattr(ui.ledger_view, "PAGE_SIZE", 2)  # a first page, and more rows
    monkeypatch.setattr(project_table, "PAGE_SIZE", 2)
    events: list[str] = []
    whole = ledger_table.matching_ids

    def noted(criteria, sort_key="updated_at", descending=False, limit=None):  # type: ignore[no-untyped-def]
        if limit is None:  # a first page is read with a limit
            events.append("whole order read")
        return whole(criteria, sort_key, descending, limit)

    monkeypatch.setattr(ledger_table, "matching_ids", noted)
    window = on_screen(qtbot, session, store, events)
    view = window.view
    qtbot.waitUntil(lambda: not view.busy)
    assert events[0] == "painted" and "whole order read" in events
    assert len(shown(view)) == 5
    # Sorting: the new first page is painted before the whole order is read.
    events.clear()
    view.table.horizontalHeader().setSortIndicator(Col.TOTAL, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not view.busy)
    assert events[0] == "painted" and "whole order read" in events


def test_the_first_page_comes_with_its_rows_so_its_paint_reads_nothing(
    qtbot, session: Session, store: QSettings, article, large, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    events: list[str] = []
    fetch = ledger_table.fetch_rows

    def noted(ids, columns):  # type: ignore[no-untyped-def]
        on_ui = threading.current_thread() is threading.main_thread()
        events.append(f"{len(ids)} rows read {'on the UI thread' if on_ui else 'off it'}")
        return fetch(ids, columns)

    monkeypatch.setattr(ledger_table, "fetch_rows", noted)
    window = on_screen(qtbot, session, store, events)
    view = window.view
    qtbot.waitUntil(lambda: "painted" in events)
    assert events[: events.index("painted")] == ["5 rows read off it"]
    qtbot.waitUntil(lambda: not view.busy)
    # What the first page shows, read off the UI thread, is what a read on it shows.
    first = [view.model.data(view.model.index(0, col)) for col in Col]
    assert first[Col.NAME] == "城南商住地块"  # the latest updated first
    view.model.reload()
    assert [view.model.data(view.model.index(0, col)) for col in Col] == first


def test_closing_the_file_does_not_wait_for_a_read_held_back(
    qtbot, session: Session, store: QSettings, article, large, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ui.ledger_query, "HOLD_SECONDS", 60)
    window = on_screen(qtbot, session, store, [])
    view = window.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)  # the first page is in, the rest held
    began = time.monotonic()
    session.close()
    assert time.monotonic() - began < 10  # not the minute the read could wait


def test_a_large_ledger_is_read_once_with_the_filters_and_sort_it_was_left_with(
    qtbot, session: Session, store: QSettings, article, large
) -> None:  # type: ignore[no-untyped-def]
    make_project("生物医药二期项目", 1000, local_industry="生物医药")
    make_project("艾迪生物医药项目", 2000, local_industry="生物医药")
    left = {"industry": "生物医药", "search": "项目", "sort": "name", "descending": False}
    view = LedgerView(session, settings_store=store, state=left)
    qtbot.addWidget(view)
    # A label only in use, not read yet, is kept as the file was left.
    assert view.industry_filter.currentText() == "生物医药"
    assert view.search.text() == "项目" and view.clear_button.isEnabled()
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Col.NAME
    qtbot.waitUntil(lambda: not view.busy)
    assert shown(view) == ["艾迪生物医药项目", "生物医药二期项目"]  # ai, sheng: by pinyin
    assert view.summary.startswith("共 2 个项目")
    assert view.industry_filter.currentText() == "生物医药"
    (criteria, sort_key, descending, _limit), *more = large
    assert not more and (sort_key, descending) == ("name", False)  # no read of the defaults
    assert criteria == view.model.criteria and criteria.local_industries == {"生物医药"}


def test_a_remembered_label_no_project_has_any_more_falls_back_to_all(
    qtbot, session: Session, store: QSettings, article, large
) -> None:  # type: ignore[no-untyped-def]
    view = LedgerView(session, settings_store=store, state={"chain": "已撤销的产业链"})
    qtbot.addWidget(view)
    assert view.chain_filter.currentText() == "已撤销的产业链"
    qtbot.waitUntil(lambda: not view.busy)
    assert view.chain_filter.currentIndex() == 0  # 全部产业链, and the rows follow
    assert view.chain_filter.findText("已撤销的产业链") < 0
    assert view.model.criteria.chains is None and len(shown(view)) == 5
    assert view.summary.startswith("共 5 个项目")


def test_a_search_typed_while_a_large_ledger_is_read_is_read_instead(
    qtbot, session: Session, store: QSettings, article, large
) -> None:  # type: ignore[no-untyped-def]
    view = LedgerView(session, settings_store=store)
    qtbot.addWidget(view)
    view.search.setText("大亚")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.model.pending  # nothing read on the UI thread meanwhile
    qtbot.waitUntil(lambda: not view.busy)
    assert shown(view) == ["大亚新能源材料建设项目"]
    assert view.summary.startswith("共 1 个项目")
    assert large[-1][0] == view.model.criteria


def test_a_large_ledger_sorts_its_first_page_at_once_and_the_rest_off_the_ui_thread(
    qtbot, session: Session, store: QSettings, article, large, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import ui.project_table

    monkeypatch.setattr(ui.project_table, "PAGE_SIZE", 2)
    view = LedgerView(session, settings_store=store)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.busy)
    summary = view.summary
    by_total = [
        Project.get_by_id(pid).name
        for pid in ledger_table.matching_ids(view.model.criteria, "total", False)
    ]
    # The project in the fifth row is the one the cadre works on.
    picked = shown(view)[4]
    view.table.selectRow(4)
    large.clear()
    totals: list[object] = []
    monkeypatch.setattr(ledger_table, "totals", lambda criteria: totals.append(criteria))
    orders: list[list[str]] = []
    view.model.layoutChanged.connect(lambda: orders.append(shown(view)))

    view.table.horizontalHeader().setSortIndicator(Col.TOTAL, Qt.SortOrder.AscendingOrder)
    # At once: the first page in the new order, every other project still in a row.
    first = orders[0]
    assert first[:2] == by_total[:2] and sorted(first) == sorted(by_total)
    assert large[0][1:] == ("total", False, 2)  # SQLite's top-N sort on the UI thread
    assert view.busy  # the whole order is being read
    qtbot.waitUntil(lambda: not view.busy)
    assert shown(view) == by_total
    assert [limit for *_order, limit in large] == [2, None]
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.data(view.model.index(i.row(), Col.NAME)) for i in selected] == [picked]
    assert totals == [] and view.summary == summary  # a sort changes no total


def test_an_edit_repaints_its_own_row_at_once_and_an_exchange_rate_every_row(
    qtbot, make_view: MakeView, article, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """After an edit the ledger reads again only the rows of the projects it changed
    (shown before the order is read again, off the UI thread); a change that may show
    in every row, a new exchange rate, reads the rows on screen again."""
    from db.records.projects import load_project, save_project

    view = make_view()
    view.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not view.busy)
    read: list[list[int]] = []
    real = ledger_table.fetch_rows

    def noting(ids, column_keys):  # type: ignore[no-untyped-def]
        read.append(list(ids))
        return real(ids, column_keys)

    row = shown(view).index("大亚新能源材料建设项目")  # the rows on screen, read
    monkeypatch.setattr(ledger_table, "fetch_rows", noting)
    edited = load_project(article["大亚"].uuid)
    edited.person_in_charge = "王明"
    session.run("修改项目", save_project(edited))
    assert read == [[article["大亚"].id]]  # that row only, at once
    assert view.model.index(row, Col.PERSON_IN_CHARGE).data() == "王明"
    qtbot.waitUntil(lambda: not view.busy)

    read.clear()
    session.run("设置汇率", set_exchange_rate(Decimal("7.2"), date(2025, 6, 30)))
    view.model.index(0, Col.NAME).data()  # the rows on screen, read again as painted
    assert read and len(read[0]) == len(shown(view))
    qtbot.waitUntil(lambda: not view.busy)
