"""The settings dialog: fields checked beside themselves, one save, one undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt

from db.records.units import load_cadres
from db.store import settings
from tests.ui.helpers import TYPED_DATES, type_date, type_keys
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


def shown_on_the_rate_tab(qtbot, session: Session) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tabs.setCurrentIndex(
        next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "汇率")
    )
    return dialog


def type_a_rate(qtbot, dialog: SettingsDialog, rate: str) -> None:  # type: ignore[no-untyped-def]
    """The rate typed, then Tab to its date (selected, to be typed over)."""
    dialog.rate.setFocus(Qt.FocusReason.TabFocusReason)
    type_keys(qtbot, dialog.rate, rate)
    qtbot.keyClick(dialog.rate, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.rate_date
    assert dialog.rate_date.selectedText() == dialog.rate_date.text()


@pytest.mark.parametrize(("typed", "meant"), TYPED_DATES)
def test_a_rate_date_typed_in_any_usual_writing(  # type: ignore[no-untyped-def]
    qtbot, session: Session, typed: str, meant: date
) -> None:
    dialog = shown_on_the_rate_tab(qtbot, session)
    type_a_rate(qtbot, dialog, "7.1026")
    type_keys(qtbot, dialog.rate_date, typed)
    qtbot.keyClick(dialog.rate_date, Qt.Key.Key_Return)  # 保存, the dialog's default button
    if meant > date.today():  # 5.20 of this year, typed before 20 May
        assert dialog.errors["exchangeRateDate"].text() == "汇率日期不能晚于今天"
        assert settings.exchange_rate() is None
        return
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.exchange_rate() == settings.ExchangeRate(Decimal("7.1026"), meant)


def test_a_wrong_rate_date_is_named_and_nothing_saved(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_on_the_rate_tab(qtbot, session)
    type_a_rate(qtbot, dialog, "7.1")
    type_keys(qtbot, dialog.rate_date, "2025-13-01")
    qtbot.keyClick(dialog.rate_date, Qt.Key.Key_Return)
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    error = dialog.errors["exchangeRateDate"]
    assert error.isVisibleTo(dialog)
    assert error.text() == "汇率日期:“2025-13-01”不是有效日期,请按 2023-05-20 的格式填写"
    dialog.tabs.setCurrentIndex(0)
    dialog.save()  # 保存 from another tab: taken to the date
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.rate_date)
    assert settings.exchange_rate() is None
    assert session.undo_stack.count() == 0

    type_date(qtbot, dialog.rate_date, "")
    qtbot.keyClick(dialog.rate_date, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.rate_date, Qt.Key.Key_Return)
    assert error.text() == "请填写汇率日期,如 2023-05-20"  # a rate needs its date
    assert settings.exchange_rate() is None

    dialog.rate.clear()  # no rate after all: its date is not asked for
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.exchange_rate() is None
