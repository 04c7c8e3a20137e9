"""The handover as a user does it: a unit exports its file from the 文件 menu;
headquarters merges the files in the wizard, sees each unit's line, and reviews the
conflicts and suspected duplicates in their dialogs (undoable)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

import ui.handover_view
from db.io.demo import ARTICLE_ROWS
from db.io.handover.export import export_handover
from db.records.projects import load_project, save_project
from db.store.models import Project
from db.store.unit_file import Store, open_store
from tests.handover_city import City, unit_file
from ui import i18n
from ui.handover_view import ConflictDialog, DuplicateDialog, HandoverView, UnitHandoverModel
from ui.handover_wizard import MergeWizard
from ui.main_window import MainWindow
from ui.session import Session

ZONE = "开发区"
DAYA = "大亚新能源材料建设项目"


def test_a_unit_exports_its_handover_from_the_file_menu(
    qtbot, tmp_path: Path, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    i18n.install("zh_CN")
    path = tmp_path / "开发区.zsdb"
    path.write_bytes(city.units[ZONE].read_bytes())
    window = MainWindow(tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_file(path)
    assert window.handover_action.isEnabled() and not window.merge_action.isEnabled()
    out = tmp_path / "U盘"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    window.handover_action.trigger()
    (handover,) = out.glob("*.zshd")
    assert handover.name.startswith("开发区-交接-")
    assert "第 2 次" in window._dialog.text()  # type: ignore[attr-defined]
    window.close()


def _wizard_merge(qtbot, view: HandoverView, files: list[Path]) -> MergeWizard:  # type: ignore[no-untyped-def]
    wizard = view.merge(files)
    wizard.start()
    qtbot.waitUntil(lambda: not wizard.running, timeout=60000)
    return wizard


def test_headquarters_merges_in_the_wizard_and_sees_each_unit(
    qtbot, hq_session: Session, city: City, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = HandoverView(hq_session, today=lambda: date.today())
    qtbot.addWidget(view)
    view.show()
    bad = tmp_path / "坏文件.zshd"
    bad.write_bytes(b"not a handover")
    files = [*city.handovers.values(), bad]
    wizard = _wizard_merge(qtbot, view, files)
    results = {
        wizard.results.item(row, 0).text(): wizard.results.item(row, 2).text()
        for row in range(wizard.results.rowCount())
    }
    assert results[bad.name] == "拒收"
    assert sum(1 for word in results.values() if word == "已合并") == len(city.handovers)
    refused_row = next(r for r in range(len(files)) if wizard.results.item(r, 0).text() == bad.name)
    assert "不是招商台账交接文件" in wizard.results.item(refused_row, 8).text()
    assert "拒收 1 个" in wizard.status.text()
    wizard.close()
    model = view.model
    assert model.rowCount() == len(city.handovers)
    zone = next(r for r in range(model.rowCount()) if model.rows[r].unit_name == ZONE)
    assert model.data(model.index(zone, UnitHandoverModel.SEQUENCE)) == "1"
    assert model.data(model.index(zone, UnitHandoverModel.STATE)) == "正常"
    assert "待处理冲突 0 条" in view.summary.text()


def _edit(store: Store, name: str, **values: object) -> None:
    with store.bound():
        data = load_project(Project.get(Project.name == name).uuid)
        for key, value in values.items():
            setattr(data, key, value)
        save_project(data)


def test_a_conflict_is_resolved_in_its_dialog_and_undone(
    qtbot, hq_session: Session, city: City, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = HandoverView(hq_session)
    qtbot.addWidget(view)
    view.show()
    unit_path = tmp_path / "开发区.zsdb"
    unit_path.write_bytes(city.units[ZONE].read_bytes())
    unit = open_store(unit_path)
    _wizard_merge(qtbot, view, [export_handover(unit, tmp_path).path]).close()
    _edit(hq_session.store, DAYA, remarks="总部备注")
    _edit(unit, DAYA, remarks="单位备注")
    _wizard_merge(qtbot, view, [export_handover(unit, tmp_path).path]).close()
    unit.close()
    assert view.conflicts_button.text() == "处理冲突(1)…"
    dialog = ConflictDialog(hq_session, view)
    qtbot.addWidget(dialog)
    cells = [
        [dialog.fields.item(r, c).text() for c in range(3)] for r in range(dialog.fields.rowCount())
    ]
    assert ["备注", "总部备注", "单位备注"] in cells
    dialog.take_button.click()
    assert Project.get(Project.name == DAYA).remarks == "单位备注"
    assert dialog.list.count() == 0
    assert view.conflicts_button.text() == "处理冲突(0)…"
    hq_session.undo_stack.undo()
    assert Project.get(Project.name == DAYA).remarks == "总部备注"
    assert view.conflicts_button.text() == "处理冲突(1)…"


def test_a_suspected_duplicate_is_decided_in_its_dialog(
    qtbot, hq_session: Session, city: City, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = HandoverView(hq_session)
    qtbot.addWidget(view)
    view.show()
    row = next(r for r in ARTICLE_ROWS if r["项目名称"] == DAYA)
    office = unit_file(
        tmp_path / "office.zsdb", "上海驻点招商办", [dict(row, 责任单位="上海驻点招商办")]
    )
    files = [city.handovers[ZONE], export_handover(office, tmp_path).path]
    office.close()
    _wizard_merge(qtbot, view, files).close()
    assert view.duplicates_button.text() == "疑似重复(1)…"
    dialog = DuplicateDialog(hq_session, view)
    qtbot.addWidget(dialog)
    assert DAYA in dialog.first.text() and DAYA in dialog.second.text()
    assert "首报" in dialog.credit.currentText()
    dialog.different_button.click()
    assert dialog.list.count() == 0
    assert view.duplicates_button.text() == "疑似重复(0)…"
    assert QMessageBox  # the dialogs ask nothing more


def test_the_handover_tab_reads_the_units_once_it_is_shown(
    qtbot, hq_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Not the tab a file opens on: a city's handovers are summed up when it is shown."""
    reads: list[date] = []
    real = ui.handover_view.unit_handovers

    def counting(today: date):  # type: ignore[no-untyped-def]
        reads.append(today)
        return real(today)

    monkeypatch.setattr(ui.handover_view, "unit_handovers", counting)
    view = HandoverView(hq_session)
    qtbot.addWidget(view)
    assert reads == [] and view.summary.text() == ""
    view.show()
    assert len(reads) == 1
    assert view.summary.text().startswith("共 0 个单位")
