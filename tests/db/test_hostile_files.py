"""A file altered by another program is refused before any statement of ours runs:
nothing it smuggled in (a trigger, a view, an index, an internal-looking name, a
change hidden in the write-ahead log) gets to fire, and the file is left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from db.errors import UnitFileError
from db.store.unit_file import open_store

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TRIGGER = "AFTER UPDATE ON project BEGIN DELETE FROM stage_event; END"


@pytest.fixture
def demo_copy(demo_master: Path, tmp_path: Path) -> Path:
    path = tmp_path / "unit.zsdb"
    path.write_bytes(demo_master.read_bytes())
    return path


def _digest(path: Path) -> str:
    parts = [path, Path(f"{path}-wal")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


def _alter(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _writable_schema(path: Path, row: tuple[str, str, str, str]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_schema VALUES (?, ?, ?, 0, ?)", row)
    conn.commit()
    conn.close()


def _stage_events(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM stage_event").fetchone()[0])
    finally:
        conn.close()


ALTERATIONS: dict[str, Callable[[Path], None]] = {
    # `_` in LIKE 'sqlite_%' matches any character: these once slipped past the check.
    "trigger named sqlite1": lambda p: _alter(p, f"CREATE TRIGGER sqlite1 {HOSTILE_TRIGGER}"),
    "trigger named sqliteX": lambda p: _alter(p, f"CREATE TRIGGER sqliteX {HOSTILE_TRIGGER}"),
    "plain extra trigger": lambda p: _alter(p, f"CREATE TRIGGER wipe {HOSTILE_TRIGGER}"),
    "sqlite_evil via writable_schema": lambda p: _writable_schema(
        p, ("trigger", "sqlite_evil", "project", f"CREATE TRIGGER sqlite_evil {HOSTILE_TRIGGER}")
    ),
    "extra table": lambda p: _alter(p, "CREATE TABLE notes (x TEXT)"),
    "extra index": lambda p: _alter(p, "CREATE INDEX project_remarks ON project (remarks)"),
    "extra view": lambda p: _alter(p, "CREATE VIEW everything AS SELECT * FROM project"),
    "a view in place of a table": lambda p: _alter(
        p,
        "DROP TABLE milestone",
        "CREATE VIEW milestone AS SELECT id, uuid, revision, updated_at, deleted, id AS "
        "project_id, name AS kind, updated_at AS date, NULL AS note FROM project",
    ),
    "a trigger rewritten": lambda p: _alter(
        p,
        "DROP TRIGGER project_search_ad",
        "CREATE TRIGGER project_search_ad AFTER DELETE ON project BEGIN DELETE FROM unit; END",
    ),
    "a dropped index": lambda p: _alter(p, "DROP INDEX project_stage"),
}


@pytest.mark.parametrize("how", list(ALTERATIONS))
def test_an_altered_file_is_refused_and_left_as_it_was(demo_copy: Path, how: str) -> None:
    ALTERATIONS[how](demo_copy)
    events, before = _stage_events(demo_copy), _digest(demo_copy)
    with pytest.raises(UnitFileError, match="结构与招商台账格式不符"):
        open_store(demo_copy)
    with pytest.raises(UnitFileError, match="结构"):
        open_store(demo_copy, write=False)
    assert _digest(demo_copy) == before
    assert _stage_events(demo_copy) == events
    assert not Path(f"{demo_copy}.lock").exists()


def test_the_command_line_refuses_it_too(demo_copy: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    subprocess.run(
        [sys.executable, "-m", "desktop.cli", "export-ledger", str(demo_copy), str(ledger)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ALTERATIONS["trigger named sqlite1"](demo_copy)
    events = _stage_events(demo_copy)
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "import-ledger", str(demo_copy), str(ledger)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "trigger “sqlite1”" in result.stderr
    assert _stage_events(demo_copy) == events


HIDE_IN_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("CREATE TRIGGER sqlite1 AFTER UPDATE ON project BEGIN DELETE FROM stage_event; END")
conn.commit()
os._exit(0)  # gone without a checkpoint: the trigger is only in the -wal
"""


def test_a_trigger_only_in_the_write_ahead_log_is_found(demo_copy: Path) -> None:
    subprocess.run([sys.executable, "-c", HIDE_IN_WAL, str(demo_copy)], check=True)
    wal = Path(f"{demo_copy}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    with pytest.raises(UnitFileError, match="sqlite1"):
        open_store(demo_copy)


def test_statistics_of_analyze_are_accepted(demo_copy: Path) -> None:
    _alter(demo_copy, "ANALYZE")
    store = open_store(demo_copy)
    store.close()


def test_another_internal_table_is_not(demo_copy: Path) -> None:
    _writable_schema(
        demo_copy, ("table", "sqlite_stat9", "sqlite_stat9", "CREATE TABLE sqlite_stat9(x)")
    )
    with pytest.raises(UnitFileError, match="sqlite_stat9"):
        open_store(demo_copy)
