"""Small builders of records for tests."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from db.records.investors import find_or_create_investor
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.vocabulary import Stage
from db.store.models import Project, Unit
from db.store.settings import own_unit
from db.store.unit_file import Store, open_store


def make_project(
    name: str = "测试项目",
    total: Decimal | int | str = 10000,
    *,
    capital: str = "domestic",
    industry_code: str | None = "36",
    chain: str | None = None,
    local_industry: str | None = None,
    unit: Unit | str | None = None,
    events: list[tuple[Stage, date]] | tuple[tuple[Stage, date], ...] = (),
) -> Project:
    if isinstance(unit, str):
        unit = get_or_create_unit(unit)
    unit = unit or own_unit() or get_or_create_unit("开发区")
    project = Project.create(
        name=name,
        investor=find_or_create_investor(f"{name}投资方"),
        capital=capital,
        total_investment=Decimal(total),
        industry_code=industry_code,
        chain=chain,
        local_industry=local_industry,
        unit=unit,
    )
    for stage, when in events:
        record_stage(project, stage, when, reason="测试" if stage is Stage.DROPPED else None)
    return project


def fail_after_the_first_chunk(monkeypatch: Any) -> list[int]:
    """Have the ledger import's project writer write its first chunk, then fail with
    "disk full" (as a full disk would, mid-import); returns the sizes written."""
    from db.io.ledger import write as ledger_write

    real_write = ledger_write.ProjectWriter.write
    written: list[int] = []

    def failing_on_the_second_chunk(writer: Any, items: Any) -> None:
        if written:
            raise RuntimeError("disk full")
        real_write(writer, items)
        written.append(len(items))

    monkeypatch.setattr(ledger_write.ProjectWriter, "write", failing_on_the_second_chunk)
    return written


def open_copy(template: Path, folder: Path, *, write: bool = True) -> Iterator[Store]:
    """A fixture's file: a copy of ``template`` in ``folder`` (same name), open as the
    default file while the test runs, closed after it (``yield from`` it)."""
    path = folder / template.name
    shutil.copyfile(template, path)
    store = open_store(path, write=write).make_default()
    yield store
    store.close()


def version_8_undone() -> list[str]:
    """The statements that undo schema version 8: its triggers and indexes dropped, the
    index it replaced made again, its column dropped."""
    from db.store.migrations import V6_SCHEMA, V8_SCHEMA

    def name(statement: str) -> str:
        return statement.split('"')[1]

    replaced = {name(s) for s in V8_SCHEMA if s.startswith("DROP INDEX")}
    return [
        *(f'DROP {s.split()[1]} "{name(s)}"' for s in V8_SCHEMA if s.startswith("CREATE")),
        *(s for s in V6_SCHEMA if s.startswith("CREATE INDEX") and name(s) in replaced),
        *(
            'ALTER TABLE "{}" DROP COLUMN "{}"'.format(*s.split('"')[1::2][:2])
            for s in V8_SCHEMA
            if s.startswith("ALTER TABLE")
        ),
    ]


def back_to_version_7(path: Path) -> None:
    """Undo schema version 8 in a closed file: the file as the release before it wrote it."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for statement in version_8_undone():
                conn.execute(statement)
            conn.execute("PRAGMA user_version = 7")
    finally:
        conn.close()
