"""Handing over a city: 20 unit files of 5,000 projects each, exported and merged at
headquarters, against a plain ATTACH + upsert of the same rows.

    python bench/bench_merge.py [--units 20] [--projects 5000]

The merge (db/io/handover/merge.py) is timed as headquarters runs it — checking
each file (signature, hash, schema, quick_check), then the three-way merge with
its bookkeeping, duplicates and the import log.  The baseline extracts the same
data and upserts every row by UUID, foreign keys mapped the same way, with no
check and no bookkeeping.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generator import generate, write_unit_files  # noqa: E402
from bench.measure import Measurement, table  # noqa: E402
from db.io.handover.export import export_handover  # noqa: E402
from db.io.handover.merge import _columns, merge_files  # noqa: E402
from db.records.files import create_hq_file  # noqa: E402
from db.store.models import RECORDS  # noqa: E402
from db.store.sort_keys import SQL_FUNCTION, sort_key  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402


def timed(label: str, action):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - began
    print(f"{label:<58} {seconds:8.2f} s")
    return seconds, result


def baseline(hq: Path, handovers: list[Path], work: Path) -> None:
    """Extract each handover and upsert every row by UUID: no checks, no bookkeeping."""
    conn = sqlite3.connect(hq)
    # The file's triggers write the pinyin sort keys: the baseline pays them too.
    conn.create_function(SQL_FUNCTION, 1, sort_key, deterministic=True)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")
    for index, path in enumerate(handovers):
        copy = work / f"plain{index}.zsdb"
        with zipfile.ZipFile(path) as archive:
            copy.write_bytes(archive.read("data.zsdb"))
        conn.execute("ATTACH DATABASE ? AS h", [str(copy)])
        conn.execute("BEGIN IMMEDIATE")
        for model in RECORDS:
            table = model._meta.table_name
            columns = _columns(model)
            names = ", ".join(f'"{c}"' for c, _ in columns)
            values = []
            for column, target in columns:
                if target is None:
                    values.append(f's."{column}"')
                else:
                    ref = target._meta.table_name
                    values.append(
                        f'(SELECT m.id FROM main."{ref}" m WHERE m.uuid = '
                        f'(SELECT r.uuid FROM h."{ref}" r WHERE r.id = s."{column}"))'
                    )
            updates = ", ".join(f'"{c}" = excluded."{c}"' for c, _ in columns)
            conn.execute(
                f'INSERT INTO main."{table}" (uuid, revision, updated_at, {names}) '
                f"SELECT s.uuid, s.revision, s.updated_at, {', '.join(values)} "
                f'FROM h."{table}" s WHERE true '
                f"ON CONFLICT (uuid) DO UPDATE SET revision = excluded.revision, {updates}"
            )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE h")
    conn.close()


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    units, per_unit = (4, 1000) if quick else (20, 5000)
    return run(units, per_unit)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--projects", type=int, default=5000, help="projects per unit")
    args = parser.parse_args()
    print(table(run(args.units, args.projects)))


def run(units: int, per_unit: int) -> list[Measurement]:
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-merge-"))
    total = units * per_unit
    print(f"{units} units × {per_unit:,} projects = {total:,} projects")
    projects = generate(total, units, seed=3)
    timed("write the unit files (generator, bulk SQL)", lambda: write_unit_files(work, projects))
    out = work / "out"
    out.mkdir()

    def export_all() -> list[Path]:
        paths = []
        for unit_file in sorted(work.glob("*.zsdb")):
            store = open_store(unit_file)
            paths.append(export_handover(store, out).path)
            store.close()
        return paths

    exported, handovers = timed(f"export {units} handover files", export_all)
    hq_path = work / "hq.zsdb"
    hq = create_hq_file(hq_path, "市招商中心")

    def merge_all(expected: str) -> None:
        for outcome in merge_files(hq, handovers):
            assert outcome.status == expected, outcome.reason_zh

    ours, _ = timed(f"merge {units} files (checks + three-way merge)", lambda: merge_all("merged"))
    again, _ = timed(
        "merge the same files again (recognised, nothing changed)", lambda: merge_all("already")
    )
    hq.close()
    plain_path = work / "plain.zsdb"
    create_hq_file(plain_path, "市招商中心").close()
    raw, _ = timed(
        "baseline: plain ATTACH + upsert of the same rows",
        lambda: baseline(plain_path, handovers, work),
    )
    print(f"{'ratio merge / baseline':<58} {ours / raw:8.2f}")
    size = f"{units} files × {per_unit:,} projects"
    return [
        Measurement(
            f"handover: merge {size} (checks included)",
            ours,
            "ATTACH + upsert of the same rows",
            raw,
        ),
        Measurement(f"handover: merge the same {units} files again", again),
        Measurement(f"handover: export {units} unit files of {per_unit:,} projects", exported),
    ]


if __name__ == "__main__":
    main()
