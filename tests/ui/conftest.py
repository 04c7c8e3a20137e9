"""UI fixtures: a session over a fresh unit file (or headquarters file)."""

from __future__ import annotations

import os
import sys
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


@pytest.fixture(autouse=True)
def exceptions_in_slots_fail_the_test() -> None:
    """An exception raised in a slot or a virtual method reaches sys.excepthook, which
    pytest-qt replaces while a test runs and turns into a failure of that test
    (tests/ui/test_lifetime.py proves it).  Nothing may switch that off unnoticed."""
    assert sys.excepthook is not sys.__excepthook__, (
        "pytest-qt's exception capture is off: an exception in a Qt slot would only be printed"
    )


@pytest.fixture(autouse=True)
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """文档/招商台账 of the test: PDFs and exports never land in the real home."""
    folder = tmp_path / "文档" / "招商台账"
    monkeypatch.setattr("ui.output.default_output_folder", lambda: folder)
    return folder
