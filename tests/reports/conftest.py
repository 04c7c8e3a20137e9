"""A demo file (the article's data) built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store.unit_file import Store, open_store


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.io.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.zsdb"
    shutil.copyfile(demo_master, path)
    db = open_store(path).make_default()
    yield db
    db.close()
