"""A large import holds the file's indexes and insert triggers (db.io.ledger.bulk): the
schema afterwards is the file's own, row for row; the sort keys are the triggers'; a
cancel or an error at any point after the drop leaves the schema and the data as
they were; a small import into a large file touches no schema at all."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.generator import generate, write_ledger
from db.io.ledger import bulk
from db.io.ledger import write as ledger_write
from db.io.ledger.importing import ImportCancelled, import_ledger
from db.records.files import create_unit_file
from db.store.connection import database
from db.store.unit_file import Store, open_store
from tests.factories import fail_after_the_first_chunk

UNIT = "开发区"


@pytest.fixture
def zone(tmp_path: Path) -> Iterator[Store]:
    store = create_unit_file(tmp_path / "unit.zsdb", UNIT, kind="开发区").make_default()
    yield store
    store.close()


def _schema(path: Path) -> list[tuple[Any, ...]]:
    """Every row of sqlite_schema, rowid and root page included, in its order."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT rowid, * FROM sqlite_schema ORDER BY rowid").fetchall()
    finally:
        conn.close()


def _texts(path: Path) -> set[tuple[str, str, str, str]]:
    """The schema as db.store.schema compares it: type, name, table and SQL."""
    return {(row[1], row[2], row[3], row[5]) for row in _schema(path)}


def _state(path: Path) -> tuple[Any, ...]:
    """Integrity, and every row of the tables an import writes and of the search index."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return tuple(
            conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
            for table in ("investor", "project", "stage_event", "project_search")
        )
    finally:
        conn.close()


def _ledger(tmp_path: Path, rows: int, seed: int = 3) -> Path:
    return write_ledger(tmp_path / f"台账{seed}.csv", generate(rows, 1, seed=seed))


def _held(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The import's decisions, recorded."""
    decisions: list[bool] = []
    rule = bulk.worth_holding

    def recorded(inserts: Any) -> bool:
        decisions.append(rule(inserts))
        return decisions[-1]

    monkeypatch.setattr("db.io.ledger.importing.worth_holding", recorded)
    return decisions


def test_a_large_import_leaves_the_files_own_schema(
    zone: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _texts(zone.path)
    decisions = _held(monkeypatch)
    assert import_ledger(_ledger(tmp_path, 300)).value.created == 300
    assert decisions == [True]
    assert _texts(zone.path) == before
    zone.close()
    open_store(zone.path).close()  # the schema check of every open passes
    _state(zone.path)


def test_the_sort_keys_are_the_ones_the_triggers_write(zone: Store, tmp_path: Path) -> None:
    import_ledger(_ledger(tmp_path, 300))
    keyed = ledger_write.SORTED_TEXTS.items()
    wrong = " OR ".join(f'"{key}" IS NOT pinyin_sort_key("{text}")' for text, key in keyed)
    assert database.execute_sql(f'SELECT count(*) FROM "project" WHERE {wrong}').fetchone() == (0,)
    wrong = " OR ".join(f'"{c}_sort_key" IS NOT pinyin_sort_key("{c}")' for c in ("name", "origin"))
    assert database.execute_sql(f'SELECT count(*) FROM "investor" WHERE {wrong}').fetchone() == (0,)
    unkeyed = database.execute_sql('SELECT count(*) FROM "project" WHERE name_sort_key IS NULL')
    assert unkeyed.fetchone() == (0,)


def test_a_small_import_into_a_large_file_changes_no_schema(
    zone: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decisions = _held(monkeypatch)
    import_ledger(_ledger(tmp_path, 200))
    version = database.execute_sql("PRAGMA schema_version").fetchone()
    schema = _schema(zone.path)
    import_ledger(_ledger(tmp_path, 20, seed=4))
    assert decisions == [True, False]
    assert database.execute_sql("PRAGMA schema_version").fetchone() == version
    assert _schema(zone.path) == schema


@pytest.mark.parametrize("unknown", ["keys", "search"])
def test_triggers_other_than_the_known_ones_are_not_held(
    zone: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unknown: str
) -> None:
    """A sort-key trigger keying a text the import does not key, or a search trigger
    of another shape, and nothing is held: the triggers do their work."""
    if unknown == "keys":
        monkeypatch.setitem(bulk._KEYS_WRITTEN, "investor_sort_key_ai", {"name"})
    else:
        monkeypatch.setattr(bulk, "_SEARCH_BODY", re.compile("CREATE TRIGGER nothing"))
    version = database.execute_sql("PRAGMA schema_version").fetchone()
    decisions = _held(monkeypatch)
    assert import_ledger(_ledger(tmp_path, 300)).value.created == 300
    assert decisions == [True]  # the rule would hold them
    assert database.execute_sql("PRAGMA schema_version").fetchone() == version


def test_the_statistics_of_the_held_indexes_are_kept(zone: Store, tmp_path: Path) -> None:
    import_ledger(_ledger(tmp_path, 50))
    database.execute_sql("ANALYZE")
    query = "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx"
    stats = database.execute_sql(query).fetchall()
    assert any(idx == "project_name" for _, idx, _ in stats)
    import_ledger(_ledger(tmp_path, 300, seed=4))  # held: more rows than the file has
    assert database.execute_sql(query).fetchall() == stats


# Stopped after the first, second or third chunk, or after the search index and the
# first few indexes are made again.
@pytest.mark.parametrize("stop_after", [1, 2, 3, 4, 8])
def test_a_cancel_after_the_drop_leaves_schema_and_data_as_they_were(
    zone: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int
) -> None:
    monkeypatch.setattr(ledger_write, "CHUNK", 100)
    monkeypatch.setattr("db.io.ledger.importing.CHUNK", 100)
    import_ledger(_ledger(tmp_path, 30, seed=5))
    schema, state = _schema(zone.path), _state(zone.path)
    decisions = _held(monkeypatch)
    written: list[int] = []

    def progress(done: int, total: int) -> bool:
        if done:
            written.append(done)
        return len(written) < stop_after

    with pytest.raises(ImportCancelled):
        import_ledger(_ledger(tmp_path, 300), progress)
    assert written == [100, 200, 300, 300, 300, 300, 300, 300][:stop_after]
    assert decisions == [True]
    assert _schema(zone.path) == schema
    assert _state(zone.path) == state
    again = import_ledger(_ledger(tmp_path, 300)).value
    assert (again.created, again.updated) == (270, 30)  # 30 rows name the first projects


class _Failing:
    """db.io.ledger.bulk's view of the file, failing at the first statement that
    starts with ``prefix``, once ``skip`` such statements have run."""

    def __init__(self, prefix: str, skip: int = 0) -> None:
        self.prefix, self.skip = prefix, skip

    def _check(self, sql: str) -> None:
        if sql.startswith(self.prefix):
            if not self.skip:
                raise RuntimeError("disk full")
            self.skip -= 1

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        self._check(sql)
        return database.execute_sql(sql, params)

    def cursor(self) -> Any:
        return self

    def executemany(self, sql: str, rows: Any) -> Any:
        self._check(sql)
        return database.cursor().executemany(sql, rows)


@pytest.mark.parametrize(
    "failing",
    [
        ("DROP INDEX", 5),
        ("DROP TRIGGER", 0),
        ('INSERT INTO "project_search"', 0),
        ("CREATE INDEX", 10),
        ("CREATE TRIGGER", 1),
        ("INSERT INTO main.sqlite_stat1", 0),
        None,  # the writer's second chunk
    ],
    ids=["drop index", "drop trigger", "search", "index", "trigger", "stats", "chunk"],
)
def test_an_error_at_any_point_leaves_schema_and_data_as_they_were(
    zone: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: tuple[str, int] | None
) -> None:
    import_ledger(_ledger(tmp_path, 30, seed=5))
    database.execute_sql("ANALYZE")  # statistics to put back, to fail at too
    schema, state = _schema(zone.path), _state(zone.path)
    if failing is None:
        monkeypatch.setattr(ledger_write, "CHUNK", 100)
        monkeypatch.setattr("db.io.ledger.importing.CHUNK", 100)
        fail_after_the_first_chunk(monkeypatch)
    else:
        monkeypatch.setattr(bulk, "database", _Failing(*failing))
    decisions = _held(monkeypatch)
    with pytest.raises(RuntimeError, match="disk full"):
        import_ledger(_ledger(tmp_path, 300))
    assert decisions == [True]
    monkeypatch.undo()
    assert _schema(zone.path) == schema
    assert _state(zone.path) == state
    again = import_ledger(_ledger(tmp_path, 300)).value
    assert (again.created, again.updated) == (270, 30)  # 30 rows name the first projects
