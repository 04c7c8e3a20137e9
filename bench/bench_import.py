"""Importing a city's whole ledger: 100,000 rows as CSV and as .xlsx, against the raw
baselines measured in the same run.

    python bench/bench_import.py [--rows 100000] [--quick]

The import is timed as the app runs it (db.io.ledger.importing.import_ledger: read,
check every row, look up what exists, write in bulk with the search index and the
stage events, note every row for undo, commit) into a fresh unit file.  The
baselines do the least that reads the same rows and stores them:

- CSV: Python's csv module over the same file, then ``sqlite3.executemany`` of its
  rows into one table, in one transaction (the issue's baseline);
- .xlsx: the faster of openpyxl's read-only reader and python-calamine over the
  same workbook, then the same ``executemany``.

Rows come from the seeded generator (bench/generator.py), one unit.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generator import generate, write_ledger  # noqa: E402
from bench.measure import Measurement, table, timed  # noqa: E402
from db.io.ledger.importing import import_ledger  # noqa: E402
from db.records.files import create_unit_file  # noqa: E402

UNIT = "开发区"


def _store_raw(rows: list[list[object]], path: Path) -> None:
    """``executemany`` of the rows into one plain table, one transaction, as the unit
    file is opened (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = FULL")
        width = len(rows[0])
        conn.execute(f"CREATE TABLE ledger ({', '.join(f'c{i}' for i in range(width))})")
        conn.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" for _ in range(width))
        # A reader may leave out the empty cells at a row's end.
        padding = [None] * width
        conn.executemany(
            f"INSERT INTO ledger VALUES ({marks})", ((r + padding)[:width] for r in rows[1:])
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def raw_csv(ledger: Path, db: Path) -> None:
    text = ledger.read_bytes().decode("utf-8-sig")
    _store_raw(list(csv.reader(io.StringIO(text, newline=""))), db)


def raw_openpyxl(ledger: Path, db: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(ledger, read_only=True, data_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    _store_raw(rows, db)


def raw_calamine(ledger: Path, db: Path) -> None:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(ledger))
    rows = workbook.get_sheet_by_index(0).to_python()
    workbook.close()
    _store_raw(rows, db)


def ours(ledger: Path, db: Path) -> int:
    store = create_unit_file(db, UNIT, kind="开发区").make_default()
    try:
        return import_ledger(ledger).value.created
    finally:
        store.close()


def run(rows: int, repeat: int) -> list[Measurement]:
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-import-"))
    projects = generate(rows, 1, seed=11)
    ledgers = {s: write_ledger(work / f"台账{s}", projects) for s in (".csv", ".xlsx")}
    counter = iter(range(1_000_000))

    def fresh(name: str) -> Path:
        return work / f"{name}-{next(counter)}.zsdb"

    def timed_ours(ledger: Path) -> float:
        seconds, created = timed(lambda: ours(ledger, fresh("unit")), repeat)
        assert created == rows, created
        return seconds

    size = f"{rows:,} rows"
    csv_raw, _ = timed(lambda: raw_csv(ledgers[".csv"], fresh("raw")), repeat)
    csv_ours = timed_ours(ledgers[".csv"])
    readers = {
        "openpyxl read-only": timed(lambda: raw_openpyxl(ledgers[".xlsx"], fresh("raw")), 1)[0],
        "python-calamine": timed(lambda: raw_calamine(ledgers[".xlsx"], fresh("raw")), repeat)[0],
    }
    fastest = min(readers, key=lambda name: readers[name])
    xlsx_ours = timed_ours(ledgers[".xlsx"])
    compared = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in readers.items())
    return [
        Measurement(
            f"import-ledger, CSV of {size}",
            csv_ours,
            "csv module + executemany into one table, one transaction",
            csv_raw,
        ),
        Measurement(
            f"import-ledger, .xlsx of {size}",
            xlsx_ours,
            f"{fastest} + executemany into one table, one transaction",
            readers[fastest],
            f"readers with executemany: {compared}",
        ),
    ]


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(5_000, 3) if quick else run(100_000, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="5,000 rows, 3 runs each")
    args = parser.parse_args()
    measurements = bench(True) if args.quick else run(args.rows, args.repeat)
    print(table(measurements))


if __name__ == "__main__":
    main()
