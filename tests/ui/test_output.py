"""Output a cadre can find: PDFs and exports go to 文档/招商台账 (or the folder last
chosen), readable like any file of theirs, and a message opens the file or its
folder — or says that nothing could open it and where it is."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.records.files import create_unit_file
from db.rules.vocabulary import Stage
from tests.factories import make_project
from ui import i18n
from ui.main_window import MainWindow
from ui.output import OutputNotice
from ui.report_dialogs import BriefingDialog


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def window(qtbot, tmp_path: Path, opened: list[str]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    path = tmp_path / "上海驻点招商办.zsdb"
    store = create_unit_file(path, "上海驻点招商办", kind="驻点招商办", city="上海")
    store.make_default()
    make_project("电池箔项目", 20000, events=[(Stage.SIGNED, date(2023, 3, 1))])
    store.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(tmp_path, settings)

    def opener(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    win.open_url = opener
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(path)
    yield win
    win.close()


def usual_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def test_the_briefing_goes_to_documents_on_the_overviews_period(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    documents: Path,
    opened: list[str],
) -> None:
    window.dashboard.show_period(date(2023, 1, 1), date(2023, 7, 31))
    window.briefing_action.trigger()
    dialog = window._dialog
    assert isinstance(dialog, BriefingDialog)
    assert (dialog.date_from.date(), dialog.date_to.date()) == (
        QDate(2023, 1, 1),
        QDate(2023, 7, 31),
    )
    out = Path(dialog.out.text())
    assert out.parent == documents and documents.is_dir()
    assert dialog.out.toolTip() == str(out)  # the whole path, however narrow the screen
    wanted = dialog.out.fontMetrics().horizontalAdvance(str(out))
    screen = dialog.out.screen().availableGeometry().width()
    assert dialog.out.width() >= min(wanted, int(screen * 0.8) - 24)

    dialog.accept()
    assert out.is_file()
    assert stat.S_IMODE(out.stat().st_mode) == usual_mode()  # not 0600
    notice = window.output_notice
    assert isinstance(notice, OutputNotice) and notice.isVisible()
    assert out.name in notice.text() and str(documents) in notice.text()
    assert notice.open_button is not None and notice.open_button.text() == "打开"
    assert notice.folder_button.text() == "打开所在文件夹"
    notice.open_button.click()
    assert opened == [str(out)]

    window.reports.pdf_written(out)
    again = window.output_notice
    assert again is not None and again is not notice
    again.folder_button.click()
    assert opened[-1] == str(documents)


def test_when_nothing_can_open_the_pdf_the_user_is_told_where_it_is(
    window: MainWindow, tmp_path: Path
) -> None:
    window.open_url = lambda _url: False
    out = tmp_path / "项目清单.pdf"
    window.write_listing(out)
    assert out.is_file()
    notice = window.output_notice
    assert notice is not None and notice.open_button is not None
    notice.open_button.click()
    told = window.findChild(QMessageBox, "cannotOpenOutput")
    assert told is not None and told.isVisible()
    assert "没有找到可以打开此文件的程序" in told.text()
    assert str(out) in told.text()


def test_the_folder_chosen_is_offered_next_time_and_can_be_set_in_the_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "U盘"
    elsewhere.mkdir()
    window.briefing_action.trigger()
    dialog = window._dialog
    assert isinstance(dialog, BriefingDialog)
    dialog.out.setText(str(elsewhere / "简报.pdf"))
    dialog.accept()
    assert (elsewhere / "简报.pdf").is_file()
    window.briefing_action.trigger()
    assert Path(window._dialog.out.text()).parent == elsewhere  # type: ignore[attr-defined]
    window._dialog.reject()

    chosen = tmp_path / "报表"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(chosen))
    window.output_folder_action.trigger()
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, path: str, _filter: str) -> tuple[str, str]:
        suggested.append(path)
        return path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.export_action.trigger()
    assert Path(suggested[0]).parent == chosen
    assert Path(suggested[0]).is_file()  # the ledger, where it was offered
    assert window.output_notice is not None
    assert Path(suggested[0]).name in window.output_notice.text()
