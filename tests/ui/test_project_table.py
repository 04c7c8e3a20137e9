"""The ledger table model: Qt's model checks, cell texts, SQL sorting, paging."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from db.reads import ledger_table
from db.reads.ledger_table import COLUMNS, ProjectFilter
from db.records.projects import delete_projects
from db.rules.vocabulary import Stage
from tests.factories import make_project
from ui import project_table
from ui.project_table import Col, ProjectTableModel, SortValueRole, UuidRole
from ui.session import Session


def texts(model: ProjectTableModel, col: Col) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def make_fifty() -> None:
    for n in range(50):
        make_project(
            f"项目{n:02d}",
            Decimal(n * 1000) + Decimal("0.5"),
            capital="foreign" if n % 7 == 0 else "domestic",
            industry_code="70" if n % 11 == 0 else "36",
            local_industry="新材料" if n % 2 else None,
            events=[(Stage.SIGNED, date(2025, 1 + n % 12, 1))] if n % 3 else (),
        )


def test_model_passes_qt_model_tester(qtmodeltester, session: Session) -> None:  # type: ignore[no-untyped-def]
    make_fifty()
    model = ProjectTableModel()
    assert model.rowCount() == 50
    qtmodeltester.check(model)
    model.set_filter(ProjectFilter(search="项目1"))
    assert model.rowCount() == 10
    model.sort(Col.TOTAL, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)  # pytest-qt's own checks too


def test_columns_follow_the_query_definitions() -> None:
    assert [col.key for col in Col] == [column.key for column in COLUMNS]


def test_cells_show_amounts_with_units_dates_and_labels(session: Session) -> None:
    make_project("大亚新能源材料", 300000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    make_project("外资精密", Decimal("1500.25"), capital="foreign")
    model = ProjectTableModel(sort_column=Col.NAME, descending=False)
    assert texts(model, Col.NAME) == ["大亚新能源材料", "外资精密"]  # by pinyin: da, wai
    assert texts(model, Col.TOTAL) == ["300,000 万元", "1,500.25 万美元"]
    assert texts(model, Col.CAPITAL) == ["内资", "外资"]
    assert texts(model, Col.STAGE) == ["签约", "线索"]
    assert texts(model, Col.SIGNED_ON) == ["2025-03-01", ""]
    assert texts(model, Col.UNIT) == ["上海驻点招商办", "上海驻点招商办"]
    total = model.index(1, Col.TOTAL)
    assert model.data(total, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(total, SortValueRole) == 1500.25
    assert model.headerData(Col.TOTAL, Qt.Orientation.Horizontal) == "总投资"
    assert model.data(model.index(1, Col.NAME), UuidRole) == model.uuids_at([1])[0]


class _Delegate(QStyledItemDelegate):
    """The table's delegate, with what it takes from a cell open to a test."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        super().initStyleOption(option, index)


def test_rows_outside_the_counting_rules_are_muted_with_a_reason(session: Session) -> None:
    make_project("商住地块", 500000, industry_code="70")
    make_project("亿元项目", 10000)
    model = ProjectTableModel(sort_column=Col.NAME, descending=False)
    muted, counted = model.index(0, Col.NAME), model.index(1, Col.NAME)  # shang, yi
    assert model.data(muted, Qt.ItemDataRole.DisplayRole) == "商住地块"
    # The delegate paints the muted row's text in the placeholder colour.
    option = QStyleOptionViewItem()
    _Delegate().initStyleOption(option, muted)
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert option.palette.color(QPalette.ColorRole.Text) == grey
    assert model.data(muted, Qt.ItemDataRole.ToolTipRole) == "未纳入统计(亿元以下或房地产项目)"
    assert model.data(counted, Qt.ItemDataRole.ForegroundRole) is None
    option = QStyleOptionViewItem()
    _Delegate().initStyleOption(option, counted)
    assert option.palette.color(QPalette.ColorRole.Text) != grey
    assert model.data(counted, Qt.ItemDataRole.ToolTipRole) is None


def test_sort_by_total_is_numeric(session: Session) -> None:
    for name, total in (("九千万", 9000), ("十亿", 100000), ("三亿", 30000)):
        make_project(name, total)
    model = ProjectTableModel()
    model.sort(Col.TOTAL, Qt.SortOrder.DescendingOrder)
    assert texts(model, Col.NAME) == ["十亿", "三亿", "九千万"]
    model.sort(Col.TOTAL, Qt.SortOrder.AscendingOrder)
    assert texts(model, Col.NAME) == ["九千万", "三亿", "十亿"]


def test_rows_are_read_a_page_at_a_time_into_a_bounded_cache(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_fifty()
    monkeypatch.setattr(project_table, "PAGE_SIZE", 5)
    monkeypatch.setattr(project_table, "MAX_CACHED_PAGES", 3)
    pages: list[list[int]] = []
    real_fetch = ledger_table.fetch_rows

    def counting_fetch(ids: list[int], keys: list[str]) -> dict[int, ledger_table.Row]:
        pages.append(ids)
        return real_fetch(ids, keys)

    monkeypatch.setattr(ledger_table, "fetch_rows", counting_fetch)
    model = ProjectTableModel(sort_column=Col.NAME, descending=False)
    assert pages == []  # opening reads ids only
    assert texts(model, Col.NAME) == [f"项目{n:02d}" for n in range(50)]
    assert len(pages) == 10 and all(len(ids) == 5 for ids in pages)
    assert len(model._pages) == 3
    model.data(model.index(49, Col.NAME))  # still cached: no query
    assert len(pages) == 10
    model.data(model.index(0, Col.NAME))  # evicted long ago: read again
    assert len(pages) == 11


def test_hidden_columns_are_not_read(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project("大亚新能源材料", 300000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    asked: list[list[str]] = []
    real_fetch = ledger_table.fetch_rows

    def recording_fetch(ids: list[int], keys: list[str]) -> dict[int, ledger_table.Row]:
        asked.append(list(keys))
        return real_fetch(ids, keys)

    monkeypatch.setattr(ledger_table, "fetch_rows", recording_fetch)
    model = ProjectTableModel()
    model.set_visible_columns({Col.NAME, Col.TOTAL})
    assert model.data(model.index(0, Col.TOTAL)) == "300,000 万元"
    assert model.data(model.index(0, Col.SIGNED_ON)) == ""
    assert asked == [["name", "total"]]
    model.set_visible_columns(set(Col))
    assert model.data(model.index(0, Col.SIGNED_ON)) == "2025-03-01"


def test_reload_and_filter_reset_the_rows(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    first = make_project("大亚新能源材料", 300000)
    model = ProjectTableModel()
    make_project("创力电梯", 36000)
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert model.rowCount() == 2
    delete_projects([first.uuid])
    model.reload()
    assert texts(model, Col.NAME) == ["创力电梯"]
    model.set_filter(ProjectFilter(search="没有"))
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.flags(QModelIndex())
