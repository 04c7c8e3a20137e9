"""Starting the application for real (in a child process, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.records.files import create_unit_file

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
app.setOrganizationName("zhaoshang"); app.setApplicationName("zhaoshang")
if len(sys.argv) > 1:
    QSettings().setValue("last_file", sys.argv[1])
def report():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    print("TITLE:" + window.windowTitle())
    print("FONT:" + app.font().family())
    window.close()
    app.quit()
QTimer.singleShot(300, report)
from desktop.app import main
sys.exit(main([]))
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ZHAOSHANG_DATA_DIR=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_first_start_shows_the_start_screen_in_chinese(tmp_path: Path) -> None:
    result = _run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "TITLE:招商台账\n" in result.stdout
    assert (tmp_path / "data").is_dir()


def test_the_last_file_is_opened_again(tmp_path: Path) -> None:
    path = tmp_path / "开发区.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    result = _run(tmp_path, str(path))
    assert result.returncode == 0, result.stderr
    assert f"TITLE:开发区 — {path} — 招商台账" in result.stdout
    assert not Path(f"{path}.lock").exists()  # released on exit
