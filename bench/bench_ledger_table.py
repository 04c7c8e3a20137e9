"""How the ledger table behaves on a unit file of 100,000 projects.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ledger_table.py [--projects N]

Builds the file in a temporary folder (bulk inserts in one transaction), then
times what a user does: open the ledger, sort, filter, search, read the totals
and scroll, each next to a raw sqlite3 query of the same order so the
overhead of the table over SQLite itself is visible.  Not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from db.reads import ledger_table
from db.reads.ledger_table import ProjectFilter
from db.records.files import create_unit_file
from db.rules.vocabulary import Capital, Stage
from db.store.connection import database
from db.store.models import Investor, Project, StageEvent, new_uuid, utc_now
from db.store.unit_file import open_store
from ui.ledger_view import LedgerView
from ui.project_table import PAGE_SIZE, Col, ProjectTableModel
from ui.session import Session

PLACES = ("苏州", "无锡", "常州", "上海", "深圳", "东莞", "宁波", "合肥", "杭州", "南京")
THEMES = ("新能源材料", "电池箔", "汽车零部件", "光学镜片", "精密模具", "储能电站", "医疗器械")
SUFFIXES = ("建设项目", "生产线项目", "扩建项目", "技改项目")
INDUSTRIES = ("新材料", "新能源", "大健康", "装备制造", "汽车零部件", "电子信息")
CHAINS = ("新材料", "新能源", "高端装备", "眼镜光学", None, None)
BATCH = 5000
SIGNED_ON = (
    "(SELECT MIN(e.date) FROM stage_event e WHERE e.project_id = project.id "
    "AND e.deleted = 0 AND e.stage = 'signed')"
)


def build_file(path: Path, count: int) -> None:
    """A unit file of ``count`` projects with one to three stage events each."""
    store = create_unit_file(path, "开发区", kind="开发区").make_default()
    rng = random.Random(7)
    unit_id = database.execute_sql("SELECT id FROM unit").fetchone()[0]
    start = date(2023, 1, 1)
    with database.atomic():
        investors = [
            {"uuid": new_uuid(), "name": f"{rng.choice(PLACES)}{n}号实业有限公司"}
            for n in range(count // 4)
        ]
        for offset in range(0, len(investors), BATCH):
            Investor.insert_many(investors[offset : offset + BATCH]).execute()
        projects: list[dict[str, Any]] = []
        for n in range(count):
            foreign = n % 9 == 0
            projects.append(
                {
                    "uuid": new_uuid(),
                    "updated_at": utc_now(),
                    "code": f"KF{n:06d}",
                    "name": f"{rng.choice(PLACES)}{rng.choice(THEMES)}{n}{rng.choice(SUFFIXES)}",
                    "investor": rng.randint(1, len(investors)),
                    "capital": "foreign" if foreign else "domestic",
                    "total_investment": (
                        Decimal(rng.randint(500, 500000)) / (7 if foreign else 1)
                    ).quantize(Decimal("0.01")),
                    "industry_code": "70" if n % 50 == 0 else str(rng.randint(13, 42)),
                    "local_industry": rng.choice(INDUSTRIES),
                    "chain": rng.choice(CHAINS),
                    "remarks": "需协调用地指标" if n % 13 == 0 else None,
                    "unit": unit_id,
                    "stage": "lead",
                }
            )
        projects[count // 2]["name"] = "大亚新能源材料建设项目"
        for offset in range(0, count, BATCH):
            Project.insert_many(projects[offset : offset + BATCH]).execute()
        events: list[dict[str, Any]] = []
        stages: dict[str, list[int]] = {}
        for pid in range(1, count + 1):
            reached = rng.choice((Stage.TALKS, Stage.SIGNED, Stage.SIGNED, Stage.STARTED))
            when = start + timedelta(days=rng.randint(0, 700))
            for stage in (Stage.TALKS, Stage.SIGNED, Stage.STARTED):
                events.append(
                    {"uuid": new_uuid(), "project": pid, "stage": stage.value, "date": when}
                )
                if stage is reached:
                    break
                when += timedelta(days=rng.randint(1, 120))
            stages.setdefault(reached.value, []).append(pid)
        for offset in range(0, len(events), BATCH):
            StageEvent.insert_many(events[offset : offset + BATCH]).execute()
        for stage, ids in stages.items():
            for offset in range(0, len(ids), BATCH):
                chunk = ids[offset : offset + BATCH]
                Project.update(stage=stage).where(Project.id.in_(chunk)).execute()
    database.execute_sql("ANALYZE")
    store.close()


def timed(label: str, action: Callable[[], Any], baseline: float | None = None) -> float:
    began = time.perf_counter()
    action()
    seconds = time.perf_counter() - began
    ratio = f"   ×{seconds / baseline:.1f} of raw SQLite" if baseline else ""
    print(f"  {label:<44} {seconds * 1000:8.1f} ms{ratio}")
    return seconds


def raw(path: Path, sql: str, params: tuple[Any, ...] = ()) -> float:
    """Seconds for a bare sqlite3 query returning ids, the floor under the table."""
    connection = sqlite3.connect(path)
    try:
        began = time.perf_counter()
        connection.execute(sql, params).fetchall()
        return time.perf_counter() - began
    finally:
        connection.close()


def first_page(model: ProjectTableModel) -> None:
    model.data(model.index(0, Col.NAME))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    path = folder / "bench.zsdb"
    began = time.perf_counter()
    # Built in a child process, so that the peak memory below is the table's own.
    builder = multiprocessing.get_context("fork").Process(
        target=build_file, args=(path, args.projects)
    )
    builder.start()
    builder.join()
    print(f"Built {args.projects:,} projects in {time.perf_counter() - began:.1f} s")
    app = QApplication(sys.argv)
    file = open_store(path).make_default()
    start_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    live = "SELECT id FROM project WHERE deleted = 0"

    print("Model (db.project_query + ProjectTableModel):")
    model: ProjectTableModel | None = None

    def open_model() -> None:
        nonlocal model
        model = ProjectTableModel()
        first_page(model)

    timed(
        "open: ids by 更新时间 + first page", open_model, raw(path, live + " ORDER BY updated_at")
    )
    assert model is not None
    loaded = model

    def sort(col: Col, order: Qt.SortOrder) -> Callable[[], None]:
        return lambda: (loaded.sort(col, order), first_page(loaded))

    timed(
        "sort 总投资 descending + first page",
        sort(Col.TOTAL, Qt.SortOrder.DescendingOrder),
        raw(path, live + " ORDER BY total_investment DESC"),
    )
    timed(
        "sort 项目名称 ascending + first page",
        sort(Col.NAME, Qt.SortOrder.AscendingOrder),
        raw(path, live + " ORDER BY name"),
    )

    def apply(criteria: ProjectFilter) -> Callable[[], None]:
        return lambda: (loaded.set_filter(criteria), first_page(loaded))

    timed(
        "filter 项目阶段 = 签约",
        apply(ProjectFilter(stages=frozenset({Stage.SIGNED}))),
        raw(path, live + " AND stage = 'signed' ORDER BY name"),  # still sorted by name
    )
    timed(
        "filter 签约日期 in 2024",
        apply(ProjectFilter(signed_from=date(2024, 1, 1), signed_to=date(2024, 12, 31))),
    )
    timed("search 2 characters “大亚” (LIKE)", apply(ProjectFilter(search="大亚")))
    print(f"    → {loaded.rowCount()} row(s)")
    timed("search 3+ characters “新能源材料” (FTS5)", apply(ProjectFilter(search="新能源材料")))
    print(f"    → {loaded.rowCount():,} row(s)")
    timed("search “大亚新能源” (FTS5)", apply(ProjectFilter(search="大亚新能源")))
    print(f"    → {loaded.rowCount()} row(s)")
    loaded.set_filter(ProjectFilter())
    timed(
        "sort 签约日期 descending + first page",
        sort(Col.SIGNED_ON, Qt.SortOrder.DescendingOrder),
        raw(path, live + f" ORDER BY {SIGNED_ON} DESC"),
    )
    timed(
        "totals, no filter",
        lambda: ledger_table.totals(ProjectFilter()),
        raw(path, "SELECT capital, sum(total_investment) FROM project GROUP BY capital"),
    )
    timed(
        "totals, 纳入统计 外资",
        lambda: ledger_table.totals(ProjectFilter(counted=True, capital=Capital.FOREIGN)),
    )

    rng = random.Random(3)
    pages = [rng.randrange(loaded.rowCount() // PAGE_SIZE) for _ in range(50)]
    scroll = timed(
        "scroll: 50 random pages read",
        lambda: [loaded.data(loaded.index(page * PAGE_SIZE, Col.NAME)) for page in pages],
    )
    print(f"    → {scroll / 50 * 1000:.1f} ms a page of {PAGE_SIZE} rows")

    print("Ledger view (offscreen widgets, painting included):")
    file.close()
    session = Session(open_store(path))
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    view: LedgerView | None = None

    def open_view() -> None:
        nonlocal view
        view = LedgerView(session, settings_store=store)
        view.resize(1400, 800)
        view.show()
        app.processEvents()

    timed("open the ledger page, shown", open_view)
    assert view is not None
    shown = view
    bar = shown.table.verticalScrollBar()
    positions = [rng.randrange(bar.maximum()) for _ in range(50)]

    def scroll_view() -> None:
        for position in positions:
            bar.setValue(position)
            shown.table.viewport().repaint()

    seconds = timed("scroll: 50 jumps, each repainted", scroll_view)
    print(f"    → {seconds / 50 * 1000:.1f} ms a jump")
    header = shown.table.horizontalHeader()
    timed(
        "sort by 总投资 header + paint",
        lambda: (
            header.setSortIndicator(Col.TOTAL, Qt.SortOrder.DescendingOrder),
            app.processEvents(),
        ),
    )

    def type_search() -> None:
        shown.search.setText("大亚")
        shown.search.returnPressed.emit()
        app.processEvents()

    timed("search “大亚” + summary + paint", type_search)
    print(f"    status bar: {shown.summary}")
    timed(
        "clear filters + summary + paint", lambda: (shown.clear_button.click(), app.processEvents())
    )

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"Peak memory (ru_maxrss): {peak_kib / 1024:.0f} MiB for the whole process, "
        f"{(peak_kib - start_kib) / 1024:.0f} MiB above Qt and the open file"
    )
    session.close()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
