"""Starting the application for real (in a child process, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
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


def _run(tmp_path: Path, *args: str, script: str = SCRIPT) -> subprocess.CompletedProcess[str]:
    """The app (or the command line, ``script``) in a child process with its own settings."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ZHAOSHANG_DATA_DIR=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-c", script, *args],
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


CLI_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def report():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    print("TITLE:" + window.windowTitle())
    window.close()
    app.quit()
QTimer.singleShot(300, report)
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(tmp_path, *args, script=CLI_SCRIPT)


def test_zhaoshang_file_opens_that_file_in_the_app(tmp_path: Path) -> None:
    """What a double click in the file manager runs: ``zhaoshang FILE``."""
    path = tmp_path / "上海驻点招商办.zsdb"
    create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海").close()
    result = _run_cli(tmp_path, str(path))
    assert result.returncode == 0, result.stderr
    assert f"TITLE:上海驻点招商办 — {path} — 招商台账" in result.stdout


def test_version_and_a_mistyped_command(tmp_path: Path) -> None:
    version = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.returncode == 0
    with (ROOT / "pyproject.toml").open("rb") as source:
        expected = tomllib.load(source)["project"]["version"]
    assert version.stdout.strip() == f"zhaoshang {expected}"
    typo = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "figure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert typo.returncode == 2 and "invalid choice: 'figure'" in typo.stderr


def test_an_unexpected_error_is_logged_and_told_not_printed(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from desktop.app import report_unexpected_errors

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, _t, text: told.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    window = QWidget()
    qtbot.addWidget(window)
    log = tmp_path / "errors.log"
    report_unexpected_errors(window, log)
    try:
        raise LookupError("项目不存在")
    except LookupError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert "LookupError: 项目不存在" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert len(told) == 1 and "程序遇到意外错误" in told[0] and str(log) in told[0]
