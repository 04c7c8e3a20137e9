"""A demo file (the article's data) built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from db.unit_file import close_unit_file, open_unit_file


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    close_unit_file(build_demo(path))
    return path


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Iterator[SqliteDatabase]:
    path = tmp_path / "demo.zsdb"
    shutil.copyfile(demo_master, path)
    db = open_unit_file(path)
    yield db
    close_unit_file(db)
