"""UI fixtures: a session over a fresh unit file (or headquarters file)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.records.files import create_hq_file, create_unit_file
from ui.session import Session


@pytest.fixture
def session(qapp, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    path = tmp_path / "unit.zsdb"
    current = Session(create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海"))
    yield current
    current.close()


@pytest.fixture
def hq_session(qapp, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    path = tmp_path / "hq.zsdb"
    current = Session(create_hq_file(path, "市招商中心"))
    yield current
    current.close()
