"""Province scale: a headquarters file of 10,000, 100,000 and 1,000,000 projects across
100 units, and what grows with N.

    python bench/bench_province.py [--sizes 10000,100000,1000000] [--quick]

For each size (the generator's data, cached between runs): opening the file as the
app does (the header, the exact schema and ``quick_check``), the figures of 1~7月 2023
and of a year to date after the last event, the ledger opened (ids in order and the
first page), sorted by 项目名称 (pinyin), searched for 新能源 (the trigram index),
and the file's size.  Medians of three runs.  Besides the table of ``make bench``
it prints N → time with the factor from one size to the next: ×10 is linear.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

from bench.generator import cached_hq_file  # noqa: E402
from bench.measure import Measurement, format_seconds, table, timed  # noqa: E402
from db.reads.figures import Period, figures  # noqa: E402
from db.reads.ledger_table import ProjectFilter  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402
from ui.project_table import Col, ProjectTableModel  # noqa: E402

UNITS = 100
SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 10_000)
HISTORY = Period(date(2023, 1, 1), date(2023, 7, 31))
AFTER = Period(date(2026, 1, 1), date(2026, 6, 30))


def measure(projects: int, repeat: int = 3) -> dict[str, float]:
    path = cached_hq_file(projects, UNITS, seed=11)
    seconds: dict[str, float] = {}
    seconds["open the file (checks included)"], _ = timed(
        lambda: open_store(path, write=False).close(), repeat
    )
    store = open_store(path, write=False).make_default()
    try:
        figures(HISTORY)  # the file into the page cache
        seconds["figures, 1~7月 2023"], _ = timed(lambda: figures(HISTORY), repeat)
        seconds["figures, a year to date after the last event"], _ = timed(
            lambda: figures(AFTER), repeat
        )

        def open_ledger() -> ProjectTableModel:
            model = ProjectTableModel()
            model.data(model.index(0, Col.NAME))
            return model

        seconds["ledger: ids in order + first page"], model = timed(open_ledger, repeat)

        def sort_by_name() -> None:
            model.sort(Col.NAME, Qt.SortOrder.AscendingOrder)
            model.data(model.index(0, Col.NAME))
            model.sort(Col.UPDATED_AT, Qt.SortOrder.DescendingOrder)

        seconds["ledger: sort by 项目名称 (and back)"], _ = timed(sort_by_name, repeat)

        def search() -> None:
            model.set_filter(ProjectFilter(search="新能源"))
            model.data(model.index(0, Col.NAME))
            model.set_filter(ProjectFilter())

        seconds["ledger: search 新能源 (and clear)"], _ = timed(search, repeat)
    finally:
        store.close()
    seconds["file size (MiB)"] = path.stat().st_size / 2**20
    return seconds


def run(sizes: tuple[int, ...]) -> list[Measurement]:
    QCoreApplication.instance() or QCoreApplication([])
    results = {n: measure(n) for n in sizes}
    operations = list(results[sizes[0]])
    header = "| N | " + " | ".join(operations) + " |"
    print("\nProvince scale (100 units): N → time; ×N/N' the growth from the size before")
    print(header)
    print("|---" * (len(operations) + 1) + "|")
    for i, n in enumerate(sizes):
        cells = []
        for operation in operations:
            value = results[n][operation]
            text = f"{value:.0f}" if operation.startswith("file size") else format_seconds(value)
            if i:
                before = results[sizes[i - 1]][operation]
                text += f" (×{value / before:.1f})" if before else ""
            cells.append(text)
        print(f"| {n:,} | " + " | ".join(cells) + " |")
    measurements = []
    largest = sizes[-1]
    for operation in operations:
        if operation.startswith("file size"):
            continue
        growth = [f"{n:,}: {format_seconds(results[n][operation])}" for n in sizes if n != largest]
        measurements.append(
            Measurement(
                f"province, {largest:,} projects / {UNITS} units: {operation}",
                results[largest][operation],
                note="; ".join(growth) + f"; file {results[largest]['file size (MiB)']:.0f} MiB",
            )
        )
    return measurements


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(QUICK_SIZES if quick else SIZES)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(str(n) for n in SIZES))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else tuple(int(n) for n in args.sizes.split(","))
    print(table(run(sizes)))


if __name__ == "__main__":
    main()
