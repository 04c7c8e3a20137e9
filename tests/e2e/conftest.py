"""Whole flows write their PDFs and exports into the test's own 文档/招商台账."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "文档" / "招商台账"
    monkeypatch.setattr("ui.output.default_output_folder", lambda: folder)
    return folder
