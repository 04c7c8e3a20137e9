"""Importing a city's whole ledger: 100,000 rows as CSV and as .xlsx, against the raw
baselines measured in the same run.

    python bench/bench_import.py [--rows 100000] [--quick]

The import is timed as the app runs it (db.io.ledger.importing.import_ledger: read,
check every row, look up what exists, write in bulk with the search index and the
stage events, note every row for undo, commit) into a new, empty unit file made
before the clock starts: an import that large holds the file's indexes and insert
triggers and makes them again before its commit (db.io.ledger.bulk); what a fresh
process would still have to build for its first import (the pinyin table, the caches
of db's modules) is emptied first, so the import pays for it.  The baselines do the
least that reads the same rows and stores them, into a table made before the clock
starts too:

- CSV: Python's csv module over the same file, then ``sqlite3.executemany`` of its
  rows into one table, in one transaction (the issue's baseline);
- .xlsx: the faster of openpyxl's read-only reader and python-calamine over the
  same workbook, then the same ``executemany``.

A third row is informative: the CSV import against storing its own final records
again (the investors, projects and stage events it stored, read back, by
``executemany``) into another new unit file, whose indexes, search index and triggers
then do their work row by row, as they did in the import before it held them: the
import may now take less than this row, though it reads, checks and plans too.
A fourth stores the same records as the import does (its indexes and insert triggers
held, then the search index filled and the indexes made again, once each), against
the CSV baseline: what no import that keeps the file's indexes and search index can
go below.

Rows come from the seeded generator (bench/generator.py), one unit.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generator import generate, write_ledger  # noqa: E402
from bench.measure import Measurement, table  # noqa: E402
from db.io.ledger import write as ledger_write  # noqa: E402
from db.io.ledger.bulk import upkeep_held  # noqa: E402
from db.io.ledger.importing import import_ledger  # noqa: E402
from db.io.ledger.template import COLUMNS  # noqa: E402
from db.records.files import create_unit_file  # noqa: E402
from db.store.connection import database  # noqa: E402

UNIT = "开发区"
RECORD_TABLES = ("investor", "project", "stage_event")


def cold_caches() -> None:
    """Empty every cache of db's modules (the pinyin table, the sort keys, the dates
    read), as a fresh process starts without them: the import pays for them."""
    for name, module in list(sys.modules.items()):
        if name == "db" or name.startswith("db."):
            for value in list(vars(module).values()):
                if isinstance(value, type):
                    continue
                try:
                    clear = getattr(value, "cache_clear", None)
                except RuntimeError:  # db.store.connection.database with no file open
                    continue
                if callable(clear):
                    clear()


class RawTable:
    """One plain table of ``width`` columns in a new file opened as the unit file is
    (WAL, synchronous=FULL), made before the clock starts, as the unit file is."""

    def __init__(self, path: Path, width: int) -> None:
        self.width = width
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = wal")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute(f"CREATE TABLE ledger ({', '.join(f'c{i}' for i in range(width))})")

    def store(self, rows: list[list[object]]) -> None:
        """``executemany`` of the rows below the header, one transaction."""
        width = self.width
        marks = ", ".join("?" for _ in range(width))
        # A reader may leave out the empty cells at a row's end.
        padding = [None] * width
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany(
            f"INSERT INTO ledger VALUES ({marks})", ((r + padding)[:width] for r in rows[1:])
        )
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def read_csv(ledger: Path) -> list[list[object]]:
    text = ledger.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def read_openpyxl(ledger: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(ledger, read_only=True, data_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return rows


def read_calamine(ledger: Path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(ledger))
    rows: list[list[object]] = workbook.get_sheet_by_index(0).to_python()
    workbook.close()
    return rows


def raw(read: Callable[[Path], list[list[object]]], ledger: Path, db: Path) -> float:
    """Seconds to read the ledger and store its rows, the table made beforehand."""
    table = RawTable(db, len(COLUMNS))
    try:
        began = time.perf_counter()
        table.store(read(ledger))
        return time.perf_counter() - began
    finally:
        table.close()


def ours(ledger: Path, db: Path) -> tuple[float, int]:
    """Seconds of the app's import into a new unit file made beforehand, and the
    projects it created."""
    store = create_unit_file(db, UNIT, kind="开发区").make_default()
    try:
        cold_caches()
        began = time.perf_counter()
        created = import_ledger(ledger).value.created
        return time.perf_counter() - began, created
    finally:
        store.close()


Records = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def stored_records(db: Path) -> Records:
    """Every row an import stored in the tables it writes, with their column names."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for name in RECORD_TABLES:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY id')
            out[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        conn.close()


def records_again(records: Records, db: Path, *, held: bool = False) -> float:
    """Seconds to store the import's own final records again into a new unit file's
    tables, one transaction, their indexes, the search index and the sort keys'
    triggers (given the right keys, they only compare them) at work: no reading, no
    checking, no planning, no undo.  ``executemany`` for the investors and the stage
    events; the projects through a temporary table and one INSERT … SELECT, as the
    search index's trigger makes FTS5 flush what it holds at the end of every
    statement (an ``executemany`` of the projects themselves takes several times as
    long); with the page caches the import sets.  ``held``: as the import stores its
    rows (db.io.ledger.bulk): the indexes and insert triggers held, the rows stored,
    then the search index filled and the indexes made again, once each."""
    store = create_unit_file(db, UNIT, kind="开发区").make_default()
    try:
        # The page caches the import sets while it writes (db.io.ledger.write).
        database.execute_sql(f"PRAGMA main.cache_size = {-ledger_write._CACHE_KIB}")
        database.execute_sql(f"PRAGMA temp.cache_size = {-ledger_write._TEMP_CACHE_KIB}")
        cold_caches()
        began = time.perf_counter()
        with store.writing(), upkeep_held(held, 1, lambda: None):
            cursor = database.cursor()
            for name, (columns, rows) in records.items():
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                if name != "project":
                    cursor.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', rows)
                    continue
                cursor.execute(f"CREATE TEMP TABLE again ({names})")
                cursor.executemany(f"INSERT INTO temp.again VALUES ({marks})", rows)
                cursor.execute(f'INSERT INTO "project" ({names}) SELECT {names} FROM temp.again')
                cursor.execute("DROP TABLE temp.again")
        return time.perf_counter() - began
    finally:
        store.close()


def run(rows: int, repeat: int) -> list[Measurement]:
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-import-"))
    projects = generate(rows, 1, seed=11)
    ledgers = {s: write_ledger(work / f"台账{s}", projects) for s in (".csv", ".xlsx")}
    counter = iter(range(1_000_000))

    def fresh(name: str) -> Path:
        return work / f"{name}-{next(counter)}.zsdb"

    def median(measure: Callable[[], float], times: int = repeat) -> float:
        return statistics.median(measure() for _ in range(times))

    last: list[Path] = []

    def timed_ours(ledger: Path) -> float:
        def once() -> float:
            last[:] = [fresh("unit")]
            seconds, created = ours(ledger, last[0])
            assert created == rows, created
            return seconds

        return median(once)

    size = f"{rows:,} rows"
    csv_raw = median(lambda: raw(read_csv, ledgers[".csv"], fresh("raw")))
    csv_ours = timed_ours(ledgers[".csv"])
    records = stored_records(last[0])
    again = median(lambda: records_again(records, fresh("records")))
    again_held = median(lambda: records_again(records, fresh("records"), held=True))
    stored = ", ".join(f"{len(r):,} {name}" for name, (_, r) in records.items())
    readers = {
        "openpyxl read-only": raw(read_openpyxl, ledgers[".xlsx"], fresh("raw")),
        "python-calamine": median(lambda: raw(read_calamine, ledgers[".xlsx"], fresh("raw"))),
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
        Measurement(
            f"import-ledger, CSV of {size}, against its own records stored again",
            csv_ours,
            "the import's final records stored again into the unit file's tables "
            "(executemany; their indexes, search index and triggers), one transaction",
            again,
            f"{stored}; informative: the time of the file's indexes and triggers",
        ),
        Measurement(
            f"import-ledger, CSV of {size}: its own records stored again as it stores them",
            again_held,
            "csv module + executemany into one table, one transaction",
            csv_raw,
            "the final records by executemany, the indexes and the search index made once "
            "after them (db.io.ledger.bulk); informative: what no import that keeps them "
            "can go below",
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
