"""Windows that are closed are gone: a day of opening forms leaves nothing behind that
still follows the file, and opening another file never reaches a closed one's form."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from db.records.files import create_unit_file
from tests.factories import make_project
from ui import i18n
from ui.main_window import MainWindow
from ui.project_form import ProjectForm

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    path = tmp_path / "unit.zsdb"
    create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海").close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path, settings)
    win.open_url = lambda _url: True  # no viewer is started
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(tmp_path / "unit.zsdb")
    yield win
    win.close()


def deleted_later() -> None:
    """What the event loop does next: delete the widgets closed since."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_forms() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, ProjectForm) and shiboken6.isValid(o))


def test_fifty_project_forms_opened_and_closed_leave_nothing_behind(
    window: MainWindow,
) -> None:
    uuids = [make_project(f"项目{i}").uuid for i in range(5)]
    window.session.notify()  # type: ignore[union-attr]

    def open_and_close(times: int) -> None:
        for i in range(times):
            window.edit_project(uuids[i % len(uuids)])
            form = window._dialog
            assert isinstance(form, ProjectForm) and form.isVisible()
            form.reject()
            deleted_later()

    open_and_close(5)
    widgets_after_five = len(QApplication.allWidgets())
    open_and_close(45)
    assert len(QApplication.allWidgets()) == widgets_after_five
    assert live_forms() == 0
    assert not window.findChildren(QDialog)


def test_editing_a_project_then_opening_the_example_data_raises_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
) -> None:
    """The cadre's morning: a project corrected, then the example data looked at.
    The closed form must not refresh itself from the example file (where its project
    does not exist); pytest-qt fails the test on any exception in a slot."""
    project = make_project("大亚新能源材料建设项目")
    window.edit_project(project.uuid)
    form = window._dialog
    assert isinstance(form, ProjectForm) and form.isVisible()
    assert form.save()
    form.accept()

    window.open_demo()
    qtbot.wait(50)
    assert window.session is not None and window.session.path.name.startswith("示例数据")
    assert not shiboken6.isValid(form)
    # A change in the example file reaches none of the first file's windows.
    window.session.notify()
    qtbot.wait(50)


def test_the_progress_and_report_dialogs_are_deleted_when_closed(window: MainWindow) -> None:
    project = make_project("创力新材料项目")
    opened: list[QDialog] = []
    for open_one in (window.print_briefing, window.open_settings):
        open_one()
        dialog = window._dialog
        assert isinstance(dialog, QDialog) and dialog.isVisible()
        dialog.reject()
        opened.append(dialog)
    window.edit_project(project.uuid)
    form = window._dialog
    assert isinstance(form, ProjectForm)
    for button in ("changeStageButton", "addMilestoneButton", "addFollowUpButton"):
        found = form.findChild(QPushButton, button)
        assert found is not None, button
        found.click()
        child = form._child
        assert child.isVisible()
        child.reject()
        opened.append(child)
    form.reject()
    opened.append(form)
    deleted_later()
    assert [shiboken6.isValid(d) for d in opened] == [False] * len(opened)


def test_an_exception_in_a_slot_or_a_qt_warning_fails_a_ui_test(tmp_path: Path) -> None:
    """The guard the other tests rely on: run with this project's pytest settings, a
    test whose slot raises, or that makes Qt warn, fails."""
    test_file = tmp_path / "test_guard.py"
    test_file.write_text(
        "from PySide6.QtCore import QObject, QTimer, Signal, qWarning\n"
        "class Source(QObject):\n"
        "    fired = Signal()\n"
        "def test_slot_raises(qapp):\n"
        "    source = Source()\n"
        "    source.fired.connect(lambda: 1 / 0)\n"
        "    source.fired.emit()\n"
        "def test_timer_raises(qtbot):\n"
        "    QTimer.singleShot(0, lambda: {}['missing'])\n"
        "    qtbot.wait(20)\n"
        "def test_qt_warns(qapp):\n"
        "    qWarning('something is wrong')\n"
        "def test_quiet(qapp):\n"
        "    assert True\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            str(test_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "3 failed, 1 passed" in run.stdout, run.stdout[-2000:]
    assert "ZeroDivisionError" in run.stdout and "KeyError" in run.stdout
    assert "something is wrong" in run.stdout
