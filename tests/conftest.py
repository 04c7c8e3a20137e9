"""Shared fixtures: a fresh unit file or headquarters file in tmp_path for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from db.records import create_hq_file, create_unit_file
from db.unit_file import close_unit_file


@pytest.fixture
def unit_file(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = create_unit_file(tmp_path / "unit.zsdb", "上海驻点招商办", kind="驻点招商办", city="上海")
    yield db
    close_unit_file(db)


@pytest.fixture
def hq_file(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = create_hq_file(tmp_path / "hq.zsdb", "市招商中心")
    yield db
    close_unit_file(db)
