"""The settings dialog: fields checked beside themselves, one save, one undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate

from db.records.units import load_cadres
from db.store import settings
from ui.session import Session
from ui.settings_dialog import SettingsDialog


def open_dialog(qtbot, session: Session) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_rate_is_stored_with_its_date(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session)
    dialog.rate.setText("7.1026")
    dialog.rate_date.setDate(QDate(2025, 7, 31))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.exchange_rate() == settings.ExchangeRate(Decimal("7.1026"), date(2025, 7, 31))


def test_an_implausible_rate_is_named_beside_the_field_and_nothing_is_saved(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    before = settings.exchange_rate()
    dialog = open_dialog(qtbot, session)
    dialog.briefing_title.setText("招商工作简报(内部)")
    for text in ("71", "0", "七点一", "7.12345678"):
        dialog.rate.setText(text)
        dialog.save()
        assert dialog.result() != SettingsDialog.DialogCode.Accepted
        error = dialog.errors["exchangeRate"]
        assert error.isVisibleTo(dialog), text
        assert dialog.tabs.currentWidget().isAncestorOf(dialog.rate)
    assert "6 位小数" in error.text()
    dialog.rate.setText("71")
    dialog.save()
    assert "1 至 20 之间" in error.text()
    assert settings.exchange_rate() == before
    assert settings.briefing().title == "招商工作简报"
    assert session.undo_stack.count() == 0


def test_a_cadre_is_added_and_the_unit_renamed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session)
    dialog.add_cadre("王明", "主任", "13800000000")
    dialog.add_cadre("", "", "")  # an empty row left behind is ignored
    dialog.unit_city.setText("上海市")
    dialog.save()
    unit = session.unit
    assert unit.city == "上海市"
    assert [(c.name, c.title, c.phone) for c in load_cadres(unit.uuid)] == [
        ("王明", "主任", "13800000000")
    ]

    dialog = open_dialog(qtbot, session)
    assert dialog.cadre_table.item(0, 0).text() == "王明"
    dialog.cadre_table.item(0, 1).setText("副主任")
    dialog.unit_name.setText("  ")
    dialog.save()
    assert dialog.errors["unitName"].text() == "请填写单位名称"
    dialog.unit_name.setText("上海驻点招商办")
    dialog.save()
    assert [c.title for c in load_cadres(unit.uuid)] == ["副主任"]


def test_choosing_english_emits_language_changed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.language_changed) as blocker:
        dialog.save()
    assert blocker.args == ["en"]
    assert settings.get("language") == "en"


def test_one_save_is_one_undo(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    unit_uuid = session.unit.uuid
    old_rate = settings.exchange_rate()
    dialog = open_dialog(qtbot, session)
    dialog.rate.setText("6.95")
    dialog.size_bands.setText("50, 10,1")
    assert dialog.band_preview.text() == "50亿元以上 · 10亿元以上 · 10亿元以下"
    dialog.priority_name.setText("5+2")
    dialog.issue_no.setValue(8)
    dialog.add_cadre("李华")
    dialog.save()
    assert session.undo_stack.count() == 1
    assert settings.size_bands() == (Decimal(50), Decimal(10), Decimal(1))
    assert settings.priority_system().name == "5+2"
    assert settings.briefing().issue_no == 8

    with qtbot.waitSignal(session.changed):
        session.undo_stack.undo()
    assert settings.exchange_rate() == old_rate
    assert settings.size_bands() == (Decimal(30), Decimal(10), Decimal(5), Decimal(1))
    assert settings.priority_system().name == "4+3+1"
    assert settings.briefing().issue_no == 1
    assert load_cadres(unit_uuid) == []

    session.undo_stack.redo()
    assert settings.exchange_rate().usd_cny == Decimal("6.95")
    assert [c.name for c in load_cadres(unit_uuid)] == ["李华"]


def test_saving_without_changes_leaves_nothing_to_undo(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session)
    dialog.save()
    assert session.undo_stack.count() == 0


def test_headquarters_edits_its_name(qtbot, hq_session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, hq_session)
    assert dialog.findChild(type(dialog.hq_name), "unitName") is None
    dialog.hq_name.setText("市投资促进中心")
    dialog.save()
    assert hq_session.title == "市投资促进中心"
    hq_session.undo_stack.undo()
    assert hq_session.title == "市招商中心"
