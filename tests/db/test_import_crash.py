"""kill -9 in the middle of a ledger import: the import is one transaction, so the file
holds every row of it or none, intact, with its search index and sort keys, and it
opens and imports again.

The child imports a generated ledger a few hundred rows a chunk and says each chunk
it has written; the parent kills it just after one of them, inside the write
transaction, then once more at a random moment, and lets a last import finish.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.generator import generate, write_ledger
from db.records.files import create_unit_file
from db.store.unit_file import open_store

ROOT = Path(__file__).resolve().parents[2]
ROWS = 3000

IMPORTER = """
import sys
import db.io.ledger.importing as importing
import db.io.ledger.write as write
from db.io.ledger.importing import import_ledger
from db.store.unit_file import open_store

write.CHUNK = importing.CHUNK = 300
store = open_store(sys.argv[1]).make_default()
print("ready", flush=True)

def progress(done, total):
    print(f"written {done}", flush=True)
    return True

result = import_ledger(sys.argv[2], progress)
print(f"done {result.value.created}", flush=True)
"""


def _state(path: Path) -> tuple[int, int, int, int]:
    """Live projects, their investors, stage events and rows of the search index."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        counts = tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("project", "investor", "stage_event", "project_search")
        )
        unkeyed = conn.execute(
            "SELECT count(*) FROM project WHERE name_sort_key IS NULL"
        ).fetchone()[0]
        assert unkeyed == 0
        return counts  # type: ignore[return-value]
    finally:
        conn.close()


def _import(path: Path, ledger: Path, kill_after: int | None, rng: random.Random) -> bool:
    """Run the child; kill it once it has written ``kill_after`` rows (None: let it
    finish).  Whether it finished."""
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), str(ledger)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
    if kill_after is None:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        assert f"done {ROWS}" in out
        return True
    for line in child.stdout:
        if line.startswith("written ") and int(line.split()[1]) >= kill_after:
            break
    time.sleep(rng.uniform(0, 0.05))
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    return child.returncode == 0


def test_kill_9_during_an_import_keeps_all_of_it_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "unit.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    ledger = write_ledger(tmp_path / "台账.csv", generate(ROWS, 1, seed=3))
    empty = _state(path)
    rng = random.Random(3)
    for kill_after in (300, rng.choice(range(300, ROWS, 300)), 0):
        _import(path, ledger, kill_after, rng)
        state = _state(path)
        store = open_store(path)  # the killed writer's lock does not keep the file
        store.close()
        assert _state(path) == state
        if state != empty:  # the kill came after the commit: every row, once
            break
    if _state(path) == empty:
        assert _import(path, ledger, None, rng)
    projects, investors, events, indexed = _state(path)
    assert projects == indexed == ROWS  # all of it, or (above) nothing
    assert investors == ROWS and events > ROWS
