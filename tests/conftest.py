"""Shared fixtures: a fresh unit file or headquarters file in tmp_path for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.records.files import create_hq_file, create_unit_file
from db.store.unit_file import Store
from tests.handover_city import City, build_city


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data (zhaoshang demo), built once: tests copy it before they write."""
    from db.io.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    build_demo(path).close()
    return path


@pytest.fixture
def unit_file(tmp_path: Path) -> Iterator[Store]:
    store = create_unit_file(
        tmp_path / "unit.zsdb", "上海驻点招商办", kind="驻点招商办", city="上海"
    )
    store.make_default()
    yield store
    store.close()


@pytest.fixture
def hq_file(tmp_path: Path) -> Iterator[Store]:
    store = create_hq_file(tmp_path / "hq.zsdb", "市招商中心")
    store.make_default()
    yield store
    store.close()


@pytest.fixture(scope="session")
def city(tmp_path_factory: pytest.TempPathFactory) -> City:
    """The article's city split into one file per unit, each with its first handover."""
    return build_city(tmp_path_factory.mktemp("city"))
