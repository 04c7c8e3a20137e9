"""The peewee models describe exactly the tables the frozen migrations create."""

from __future__ import annotations

import sqlite3

from peewee import SqliteDatabase

from db.store.migrations import migrate
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
