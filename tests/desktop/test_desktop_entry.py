"""`make install-desktop`: the applications-menu entry, the icon and the file type of
*.zsdb, installed for one user (here into a temporary XDG_DATA_HOME), as a desktop
would read them: the entry is valid, a data file is recognised, even renamed, and a
double click opens it in 招商台账."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.records.files import create_unit_file

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("desktop-file-validate", "update-mime-database", "update-desktop-database", "xdg-mime")

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="scripts/ensure-system-deps.sh installs desktop-file-utils, shared-mime-info, xdg-utils",
)


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION")
    }
    env.update(
        XDG_DATA_HOME=str(tmp_path / "share"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ZHAOSHANG_EXEC="/opt/招商 台账/bin/zhaoshang",
    )
    return env


def _install(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(ROOT / "scripts/install-desktop.sh"), *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _filetype(tmp_path: Path, path: Path) -> str:
    found = subprocess.run(
        ["xdg-mime", "query", "filetype", str(path)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return found.stdout.strip()


def test_the_desktop_entry_and_the_file_type_are_installed_for_the_user(
    tmp_path: Path,
) -> None:
    installed = _install(tmp_path)
    assert installed.returncode == 0, installed.stderr
    share = tmp_path / "share"
    entry = share / "applications/zhaoshang.desktop"
    valid = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60
    )
    assert valid.returncode == 0 and valid.stdout == "", valid.stdout
    text = entry.read_text(encoding="utf-8")
    assert "Name=招商台账\n" in text
    assert 'Exec="/opt/招商 台账/bin/zhaoshang" %f\n' in text  # the file clicked is passed
    assert "MimeType=application/x-zhaoshang-ledger;\n" in text
    assert (share / "icons/hicolor/scalable/apps/zhaoshang.svg").is_file()
    assert (share / "icons/hicolor/scalable/mimetypes/application-x-zhaoshang-ledger.svg").is_file()

    unit = tmp_path / "开发区.zsdb"
    create_unit_file(unit, "开发区", kind="开发区").close()
    renamed = tmp_path / "开发区-邮件附件"
    shutil.copyfile(unit, renamed)
    other = tmp_path / "别的程序.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert _filetype(tmp_path, unit) == "application/x-zhaoshang-ledger"
    assert _filetype(tmp_path, renamed) == "application/x-zhaoshang-ledger"  # by its header
    assert _filetype(tmp_path, other) != "application/x-zhaoshang-ledger"

    default = subprocess.run(
        ["xdg-mime", "query", "default", "application/x-zhaoshang-ledger"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert default.stdout.strip() == "zhaoshang.desktop"

    removed = _install(tmp_path, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists()
    assert _filetype(tmp_path, unit) != "application/x-zhaoshang-ledger"
