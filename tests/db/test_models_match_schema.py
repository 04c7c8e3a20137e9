"""The peewee models describe exactly the tables the frozen migrations create."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from db.store.migrations import LATEST_VERSION, migrate
from db.store.models import BOOKS, MODELS


def test_every_model_matches_its_table() -> None:
    scratch = SqliteDatabase(":memory:")
    scratch.connect()
    migrate(scratch, 0)
    conn: sqlite3.Connection = scratch.connection()
    tables = {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        if not name.startswith("project_search")
    }
    assert tables == {model._meta.table_name for model in (*MODELS, *BOOKS)}
    for model in (*MODELS, *BOOKS):
        columns = {
            name: not notnull
            for _, name, _, notnull, _, _ in conn.execute(
                f'PRAGMA table_info("{model._meta.table_name}")'
            )
        }
        fields = {
            field.column_name: field.null or field.primary_key
            for field in model._meta.sorted_fields
        }
        assert fields == {name: nullable or name == "id" for name, nullable in columns.items()}, (
            model.__name__
        )
    scratch.close()


def _counting_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The versions the expected schema is built for from now on (by migrations)."""
    from db.store import schema

    built: list[int] = []

    def counting(db: SqliteDatabase, from_version: int, to_version: int) -> None:
        built.append(to_version)
        migrate(db, from_version, to_version)

    monkeypatch.setattr(schema, "migrate", counting)
    return built


def test_the_schema_files_are_checked_against_is_built_once_even_when_prepared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Built in the background as the app starts (prepare_expected_schema): a file
    opened meanwhile waits for that build rather than making its own."""
    from db.store import schema

    monkeypatch.setattr(schema, "_expected", {})
    built = _counting_builds(monkeypatch)
    schema.prepare_expected_schema()
    found = schema.expected_schema(LATEST_VERSION)
    schema.prepare_expected_schema()  # built: nothing more
    assert schema.expected_schema(LATEST_VERSION) is found
    assert built == [LATEST_VERSION]
    scratch = SqliteDatabase(":memory:")
    scratch.connect()
    migrate(scratch, 0, LATEST_VERSION)
    assert found == frozenset(schema.schema_rows(scratch.connection()))


def test_the_schema_kept_from_an_earlier_start_is_read_not_built(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The app keeps the schema it built in its data folder: the next start reads it
    (no migration runs), and it is the very schema the migrations build.  A damaged
    cache is built again; migrations that change give the cache another name."""
    from db.store import schema

    built = _counting_builds(monkeypatch)
    monkeypatch.setattr(schema, "_expected", {})
    schema.prepare_expected_schema(tmp_path)  # the first start: built, then kept
    first = schema.expected_schema(LATEST_VERSION)
    for thread in threading.enumerate():
        if thread.name == "expected-schema":
            thread.join()
    kept = list(tmp_path.glob(f"expected-schema-v{LATEST_VERSION}-*.json"))
    assert len(kept) == 1 and built == [LATEST_VERSION]

    monkeypatch.setattr(schema, "_expected", {})  # the next start
    schema.prepare_expected_schema(tmp_path)
    assert schema.expected_schema(LATEST_VERSION) == first
    assert built == [LATEST_VERSION]  # read, not built

    kept[0].write_text('[["table", "project"', encoding="utf-8")  # damaged
    monkeypatch.setattr(schema, "_expected", {})
    schema.prepare_expected_schema(tmp_path)
    assert schema.expected_schema(LATEST_VERSION) == first
    assert built == [LATEST_VERSION, LATEST_VERSION]  # built again

    # Another SQLite (or other migrations) keeps a cache of its own.
    monkeypatch.setattr(schema.sqlite3, "sqlite_version", "0.0.0-other")
    assert schema._cache_file(tmp_path) != kept[0]
