"""What an installed copy holds: every package of the four top folders, with their data."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_namespace_packages, find_packages

ROOT = Path(__file__).resolve().parents[2]


def test_every_subpackage_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    installed = set(find_packages(str(ROOT), include=include))
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("desktop", "ui", "db", "reports")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= installed, sorted(on_disk - installed)
    assert "ui.project_form" in installed and "db.store" in installed
    assert not {p for p in installed if p.startswith(("tests", "bench"))}
    # Folders of code without an __init__.py would be left out of a wheel.
    loose = set(find_namespace_packages(str(ROOT), include=include)) - installed
    assert not {p for p in loose if any((ROOT / p.replace(".", "/")).glob("*.py"))}, loose
