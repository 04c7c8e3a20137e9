"""How the ledger table behaves on a file of 100,000 projects (db.reads.ledger_table and
ui.project_table), each operation next to a bare sqlite3 query of the same order.

    QT_QPA_PLATFORM=offscreen python bench/bench_ledger_table.py [--projects N] [--quick]

The file is the seeded generator's city (bench/generator.py, 20 units), cached between
runs; the model reads it as the app does, the view is shown offscreen and painted.
Opening the whole app is bench/bench_app.py's.  Not a test.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.generator import cached_hq_file  # noqa: E402
from bench.measure import Measurement, command_line, timed  # noqa: E402
from db.reads import ledger_table  # noqa: E402
from db.reads.ledger_table import ProjectFilter  # noqa: E402
from db.rules.vocabulary import Capital, Stage  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402
from ui.ledger_view import LedgerView  # noqa: E402
from ui.project_table import PAGE_SIZE, Col, ProjectTableModel  # noqa: E402
from ui.session import Session  # noqa: E402

LIVE = "SELECT id FROM project WHERE deleted = 0"
SIGNED_ON = (
    "(SELECT MIN(e.date) FROM stage_event e WHERE e.project_id = project.id "
    "AND e.deleted = 0 AND e.stage = 'signed')"
)


def raw(path: Path, sql: str, repeat: int) -> float:
    """Seconds for a bare sqlite3 query returning ids, the floor under the table."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        seconds, _ = timed(lambda: connection.execute(sql).fetchall(), repeat)
        return seconds
    finally:
        connection.close()


def first_page(model: ProjectTableModel) -> None:
    model.data(model.index(0, Col.NAME))


def run(projects: int, repeat: int = 3) -> list[Measurement]:
    app = QApplication.instance() or QApplication(sys.argv)
    path = cached_hq_file(projects, 20, seed=11)
    size = f"{projects:,} projects"
    out: list[Measurement] = []

    def add(what: str, action: Callable[[], Any], baseline: str | None = None) -> Any:
        seconds, result = timed(action, repeat)
        base = raw(path, baseline, repeat) if baseline else None
        out.append(
            Measurement(f"ledger, {size}: {what}", seconds, baseline and "raw sqlite3", base)
        )
        return result

    store = open_store(path, write=False).make_default()
    try:

        def open_model() -> ProjectTableModel:
            model = ProjectTableModel()
            first_page(model)
            return model

        model = add(
            "open (ids by 更新时间 + first page)", open_model, LIVE + " ORDER BY updated_at"
        )

        def sort(col: Col, order: Qt.SortOrder) -> Callable[[], None]:
            def action() -> None:
                model.sort(col, order)
                first_page(model)
                model.sort(Col.UPDATED_AT, Qt.SortOrder.DescendingOrder)

            return action

        descending, ascending = Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder
        add(
            "sort by 总投资 (and back)",
            sort(Col.TOTAL, descending),
            LIVE + " ORDER BY total_investment DESC",
        )
        add(
            "sort by 项目名称, pinyin (and back)",
            sort(Col.NAME, ascending),
            LIVE + " ORDER BY name",
        )
        add(
            "sort by 签约日期 (and back)",
            sort(Col.SIGNED_ON, descending),
            LIVE + f" ORDER BY {SIGNED_ON} DESC",
        )

        def apply(criteria: ProjectFilter) -> Callable[[], None]:
            def action() -> None:
                model.set_filter(criteria)
                first_page(model)

            return action

        add(
            "filter 项目阶段 = 签约",
            apply(ProjectFilter(stages=frozenset({Stage.SIGNED}))),
            LIVE + " AND stage = 'signed' ORDER BY updated_at DESC",
        )
        add(
            "filter 签约日期 in 2022",
            apply(ProjectFilter(signed_from=date(2022, 1, 1), signed_to=date(2022, 12, 31))),
        )
        add("search 2 characters 华恒 (LIKE)", apply(ProjectFilter(search="华恒")))
        add("search 3+ characters 新能源材料 (FTS5)", apply(ProjectFilter(search="新能源材料")))
        model.set_filter(ProjectFilter())
        add(
            "totals, no filter",
            lambda: ledger_table.totals(ProjectFilter()),
            "SELECT capital, sum(total_investment) FROM project WHERE deleted = 0 GROUP BY capital",
        )
        add(
            "totals, 纳入统计 外资",
            lambda: ledger_table.totals(ProjectFilter(counted=True, capital=Capital.FOREIGN)),
        )
        rng = random.Random(3)
        pages = [rng.randrange(max(model.rowCount() // PAGE_SIZE, 1)) for _ in range(50)]
        seconds, _ = timed(
            lambda: [model.data(model.index(p * PAGE_SIZE, Col.NAME)) for p in pages]
        )
        out.append(
            Measurement(f"ledger, {size}: scroll, one page of {PAGE_SIZE} rows read", seconds / 50)
        )
    finally:
        store.close()

    folder = Path(tempfile.mkdtemp(prefix="zhaoshang-ledger-"))
    try:
        copy = folder / "city.zsdb"
        shutil.copyfile(path, copy)
        session = Session(open_store(copy))
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        views: list[LedgerView] = []

        def open_view() -> None:
            view = LedgerView(session, settings_store=settings)
            view.resize(1400, 800)
            view.show()
            app.processEvents()
            views.append(view)

        add("the ledger page opened and painted", open_view)
        view = views[-1]
        bar = view.table.verticalScrollBar()
        positions = [rng.randrange(max(bar.maximum(), 1)) for _ in range(50)]

        def jumps() -> None:
            for position in positions:
                bar.setValue(position)
                view.table.viewport().repaint()

        seconds, _ = timed(jumps)
        out.append(Measurement(f"ledger, {size}: a scroll jump repainted", seconds / 50))
        header = view.table.horizontalHeader()

        def header_sort() -> None:
            header.setSortIndicator(Col.TOTAL, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            header.setSortIndicator(Col.UPDATED_AT, Qt.SortOrder.DescendingOrder)
            app.processEvents()

        add("sort by the 总投资 header and back, painted", header_sort)

        def type_search() -> None:
            view.search.setText("华恒")
            view.search.returnPressed.emit()
            app.processEvents()
            view.clear_button.click()
            app.processEvents()

        add("search 华恒 + summary + paint, then cleared", type_search)
        session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(10_000, repeat=1) if quick else run(100_000)


def main() -> None:
    command_line(run, bench)


if __name__ == "__main__":
    main()
