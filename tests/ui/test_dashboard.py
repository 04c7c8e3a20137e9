"""The dashboard (概览) shows exactly the figures of the counting rules."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

import ui.dashboard
from db.reads.figures import Figures, Period, figures
from db.reads.units import UnitInfo
from db.records.settings import set_exchange_rate
from db.records.units import get_or_create_unit
from db.rules.money import yi_text
from db.rules.vocabulary import Stage
from tests.factories import make_project
from tests.ui.helpers import TYPED_DATES, type_date
from ui.dashboard import Dashboard
from ui.session import Session

TODAY = date(2025, 8, 15)


def make_dashboard(qtbot, session: Session) -> Dashboard:  # type: ignore[no-untyped-def]
    dashboard = Dashboard(session, today=lambda: TODAY)
    qtbot.addWidget(dashboard)
    dashboard.show()  # views refresh while on screen
    dashboard.activateWindow()  # to be typed in
    qtbot.waitUntil(dashboard.isActiveWindow)
    settle(qtbot, dashboard)
    return dashboard


def settle(qtbot, dashboard: Dashboard) -> None:  # type: ignore[no-untyped-def]
    """The figures are computed off the UI thread: wait until the latest are shown."""
    qtbot.waitUntil(lambda: not dashboard.busy)


def test_cards_show_the_figures_and_follow_changes(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    make_project(
        "大亚新能源材料",
        300000,
        chain="新材料",
        local_industry="新材料",
        events=[(Stage.SIGNED, date(2025, 3, 1))],
    )
    make_project(
        "美锦光学纳米",
        20000,
        industry_code="39",
        local_industry="电子信息",
        events=[(Stage.TALKS, date(2025, 1, 5))],
    )
    make_project("外资精密", 1500, capital="foreign", events=[(Stage.SIGNED, date(2025, 5, 2))])
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    dashboard = make_dashboard(qtbot, session)

    expected = figures(Period(date(2025, 1, 1), TODAY), session.unit)
    assert dashboard.signed_count.text() == f"新签约亿元以上产业项目 {expected.signed.count} 个"
    assert dashboard.signed_total.text() == f"总投资 {yi_text(expected.signed.total_wan_cny)} 亿元"
    assert expected.signed.count == 2
    assert dashboard.signed_total.text() == "总投资 31.07 亿元"  # 30亿元 + 1500万美元 × 7.1
    assert dashboard.pipeline_count.text() == "截至 2025-08-15 在手在谈 3 个"
    assert dashboard.pipeline_domestic.text() == "内资 2 个 32 亿元"
    assert dashboard.pipeline_foreign.text() == "外资 1 个 0.15 亿美元"
    assert dashboard.priority_share.text() == "“4+3+1”产业项目 1 个,占比 50.0%"
    assert dashboard.sector_line.text() == "制造业 2 个 · 服务业 0 个"
    assert "1 美元 = 7.1 元人民币" in dashboard.rate_note.text()
    assert not dashboard.unit_table.isVisibleTo(dashboard)

    make_project("创力电梯", 36000, events=[(Stage.SIGNED, date(2025, 3, 29))])
    session.notify()
    settle(qtbot, dashboard)
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 3 个"
    assert dashboard.signed_total.text() == "总投资 34.67 亿元"


def test_changing_the_period_recomputes(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    make_project("一月项目", 50000, events=[(Stage.SIGNED, date(2025, 1, 20))])
    make_project("七月项目", 20000, events=[(Stage.SIGNED, date(2025, 7, 10))])
    dashboard = make_dashboard(qtbot, session)
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 2 个"

    dashboard.select_preset("2025年上半年")
    settle(qtbot, dashboard)
    assert dashboard.period_to.date().toString("yyyy-MM-dd") == "2025-06-30"
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    assert dashboard.signed_total.text() == "总投资 5 亿元"

    type_date(qtbot, dashboard.period_to, "2025-12-31")
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Return)
    type_date(qtbot, dashboard.period_from, "2025-07-01")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Return)
    settle(qtbot, dashboard)
    assert dashboard.period_combo.currentText() == "自定义"
    assert not dashboard.period_error.isVisibleTo(dashboard)
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    assert dashboard.signed_total.text() == "总投资 2 亿元"

    type_date(qtbot, dashboard.period_to, "2025-06-30")
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Return)
    assert dashboard.period_error.isVisibleTo(dashboard)
    assert "起始日期晚于结束日期" in dashboard.period_error.text()
    assert not dashboard.busy  # no figures asked for
    assert dashboard.caption.text().startswith("2025-07-01 至 2025-12-31")
    assert dashboard.period() == Period(date(2025, 7, 1), date(2025, 12, 31))


def test_charts_receive_the_band_and_industry_counts(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    signed = [(Stage.SIGNED, date(2025, 2, 1))]
    make_project("甲", 350000, local_industry="新能源", events=signed)
    make_project("乙", 120000, local_industry="新能源", events=signed)
    make_project("丙", 60000, local_industry="大健康", events=signed)
    make_project("丁", 10000, local_industry="新材料", events=signed)
    make_project("戊", 20000, events=signed)
    dashboard = make_dashboard(qtbot, session)
    assert dashboard.band_chart.data() == [
        ("30亿元以上", 1),
        ("10亿元以上", 1),
        ("5亿元以上", 1),
        ("5亿元以下", 2),
    ]
    assert dashboard.industry_chart.data() == [("新能源", 2), ("大健康", 1), ("新材料", 1)]
    dashboard.band_chart.resize(400, 200)
    dashboard.band_chart.grab()  # paints without warnings


def test_headquarters_shows_each_unit_and_can_narrow_to_one(qtbot, hq_session: Session) -> None:  # type: ignore[no-untyped-def]
    zone = get_or_create_unit("开发区")
    shanghai = get_or_create_unit("上海驻点招商办")
    make_project("开发区项目", 411000, unit=zone, events=[(Stage.SIGNED, date(2025, 4, 1))])
    make_project(
        "上海项目", Decimal("20000.5"), unit=shanghai, events=[(Stage.TALKS, date(2025, 4, 1))]
    )
    dashboard = make_dashboard(qtbot, hq_session)
    table = dashboard.unit_table
    assert table.isVisibleTo(dashboard)
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [["上海驻点招商办", "0", "0", "1", "2"], ["开发区", "1", "41.1", "1", "41.1"]]
    assert dashboard.caption.text().endswith("全市")

    dashboard.unit_combo.setCurrentIndex(dashboard.unit_combo.findText("上海驻点招商办"))
    settle(qtbot, dashboard)
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 0 个"
    assert dashboard.pipeline_count.text() == "截至 2025-08-15 在手在谈 1 个"
    assert table.rowCount() == 2  # the table keeps showing the whole city

    get_or_create_unit("镇区甲")
    hq_session.notify()
    settle(qtbot, dashboard)
    assert dashboard.unit_combo.findText("镇区甲") > 0
    assert dashboard.unit_combo.currentText() == "上海驻点招商办"


def test_figures_are_computed_off_the_ui_thread_and_only_the_latest_shown(
    qtbot,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    make_project("一月项目", 50000, events=[(Stage.SIGNED, date(2025, 1, 20))])
    make_project("七月项目", 20000, events=[(Stage.SIGNED, date(2025, 7, 10))])
    dashboard = make_dashboard(qtbot, session)
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow(period: Period, unit: UnitInfo | None = None) -> Figures:
        threads.append(threading.current_thread())
        release.wait(10)
        return figures(period, unit)

    monkeypatch.setattr(ui.dashboard, "figures", slow)
    dashboard.select_preset("2025年上半年")  # returns while the figures are computed
    qtbot.waitUntil(lambda: len(threads) == 1)
    assert dashboard.busy and threads[0] is not threading.main_thread()
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 2 个"  # the old ones meanwhile
    dashboard.select_preset("本年至今")  # asked for while the first runs
    dashboard.select_preset("2025年1~6月")
    release.set()
    settle(qtbot, dashboard)
    assert dashboard.period_to.date().toString("yyyy-MM-dd") == "2025-06-30"
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    assert len(threads) == 2  # the first request, then only the latest


def test_a_new_file_says_no_rate_is_set_and_where_to_set_it(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    make_project("大亚新能源材料", 300000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    make_project("外资精密", 1500, capital="foreign", events=[(Stage.SIGNED, date(2025, 5, 2))])
    dashboard = make_dashboard(qtbot, session)
    assert dashboard.signed_total.text() == "内资总投资 30 亿元(外资未折算)"
    assert dashboard.signed_split.text() == "其中内资 1 个 30 亿元,外资 1 个 0.15 亿美元"
    assert dashboard.rate_note.text().startswith("尚未设定汇率:外资项目以美元单列,不折算人民币")
    assert "请在 设置 中填写 1 美元兑人民币的汇率及其日期" in dashboard.rate_note.text()
    assert "7.1" not in dashboard.rate_note.text()


def counting_figures(monkeypatch: pytest.MonkeyPatch) -> list[Period]:
    """The periods whose figures are computed from now on."""
    asked: list[Period] = []

    def counted(period: Period, unit: UnitInfo | None = None) -> Figures:
        asked.append(period)
        return figures(period, unit)

    monkeypatch.setattr(ui.dashboard, "figures", counted)
    return asked


@pytest.mark.parametrize(("typed", "meant"), TYPED_DATES)
def test_a_period_typed_in_any_usual_writing(  # type: ignore[no-untyped-def]
    qtbot, session: Session, typed: str, meant: date
) -> None:
    """Both ends typed over the preset's dates, Tab from one to the other, Enter: the
    figures of that one day, the period written the one way dates are shown."""
    for name, day in (("前一天", -1), ("当天", 0), ("后一天", 1)):
        signed = date.fromordinal(meant.toordinal() + day)
        make_project(name, 20000, events=[(Stage.SIGNED, signed)])
    dashboard = make_dashboard(qtbot, session)
    assert dashboard.period_combo.currentText() == "本年至今"
    type_date(qtbot, dashboard.period_from, typed)
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Tab)
    assert dashboard.focusWidget() is dashboard.period_to  # Tab leaves the date whole
    assert dashboard.period_from.text() == meant.isoformat()
    type_date(qtbot, dashboard.period_to, typed)
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Return)
    settle(qtbot, dashboard)
    assert not dashboard.period_error.isVisibleTo(dashboard)
    assert dashboard.period_to.text() == meant.isoformat()
    assert dashboard.caption.text().startswith(f"{meant.isoformat()} 至 {meant.isoformat()}")
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    assert dashboard.period_combo.currentText() == "自定义"
    assert dashboard.period() == Period(meant, meant)  # what the briefing dialog starts on


def test_a_date_being_typed_asks_for_no_figures(  # type: ignore[no-untyped-def]
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    dashboard = make_dashboard(qtbot, session)
    asked = counting_figures(monkeypatch)
    type_date(qtbot, dashboard.period_from, "2025-03-0")  # on the way to 2025-03-01
    assert not dashboard.busy and asked == []
    assert dashboard.period_combo.currentText() == "本年至今"
    qtbot.keyClicks(dashboard.period_from, "1")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Tab)  # done with it
    settle(qtbot, dashboard)
    assert asked == [Period(date(2025, 3, 1), TODAY)]
    assert dashboard.period_combo.currentText() == "自定义"
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Return)  # the end left as it was
    assert not dashboard.busy and len(asked) == 1


def test_a_wrong_date_is_named_and_the_figures_stay(  # type: ignore[no-untyped-def]
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project("三月项目", 20000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    dashboard = make_dashboard(qtbot, session)
    caption = dashboard.caption.text()
    asked = counting_figures(monkeypatch)
    type_date(qtbot, dashboard.period_from, "2025-13-01")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Return)
    assert dashboard.period_error.isVisibleTo(dashboard)
    assert dashboard.period_error.text() == (
        "起始日期:“2025-13-01”不是有效日期,请按 2023-05-20 的格式填写。"
        "仍显示 2025-01-01 至 2025-08-15 的数字。"
    )
    assert not dashboard.busy and asked == []
    assert dashboard.caption.text() == caption
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 1 个"
    assert dashboard.period_combo.currentText() == "本年至今"
    assert dashboard.period() == Period(date(2025, 1, 1), TODAY)
    assert dashboard.view_state()["from"] == "2025-01-01"  # remembered: what is shown

    session.notify()  # the file changed meanwhile: the figures shown are computed again
    settle(qtbot, dashboard)
    assert asked == [Period(date(2025, 1, 1), TODAY)]

    type_date(qtbot, dashboard.period_to, "")  # emptied
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Delete)
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Tab)
    assert "起始日期:“2025-13-01”不是有效日期" in dashboard.period_error.text()
    type_date(qtbot, dashboard.period_from, "2025-04-01")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Return)
    assert dashboard.period_error.text().startswith("请填写结束日期,如 2023-05-20。")
    assert len(asked) == 1

    type_date(qtbot, dashboard.period_to, "2025-06-30")
    qtbot.keyClick(dashboard.period_to, Qt.Key.Key_Return)
    settle(qtbot, dashboard)
    assert not dashboard.period_error.isVisibleTo(dashboard)
    assert asked[-1] == Period(date(2025, 4, 1), date(2025, 6, 30))
    assert dashboard.caption.text().startswith("2025-04-01 至 2025-06-30")
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 0 个"


def test_the_period_message_moves_no_figure(  # type: ignore[no-untyped-def]
    qtbot, session: Session
) -> None:
    dashboard = make_dashboard(qtbot, session)
    dashboard.resize(1100, 700)
    dashboard.show()
    qtbot.waitExposed(dashboard)

    def caption_top() -> int:
        QApplication.processEvents()
        return dashboard.caption.mapTo(dashboard, QPoint(0, 0)).y()

    before = caption_top()
    type_date(qtbot, dashboard.period_from, "2025-13-01")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Return)
    assert dashboard.period_error.isVisible()
    assert caption_top() == before
    type_date(qtbot, dashboard.period_from, "2025-02-01")
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Return)
    settle(qtbot, dashboard)
    assert not dashboard.period_error.isVisible()
    assert caption_top() == before


@pytest.mark.qt_log_ignore(
    # The offscreen platform shows the calendar without raising it or grabbing keys.
    "This plugin does not support (raise|grabbing the keyboard)",
)
def test_the_arrow_beside_a_date_opens_its_calendar(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dashboard = make_dashboard(qtbot, session)
    field = dashboard.period_to
    (arrow,) = [action for action in field.actions() if not action.icon().isNull()]
    # The arrow is drawn (not taken from the style): it has ink, in the text's colour.
    image = arrow.icon().pixmap(16, 16).toImage()
    inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    ink = max(inked, key=lambda colour: colour.alpha())
    assert ink.alpha() == 255 and ink.rgb() == field.palette().text().color().rgb()
    assert any(colour.alpha() == 0 for colour in inked)
    arrow.trigger()
    calendar = dashboard.findChild(QCalendarWidget, "periodToCalendar")
    assert calendar is not None and calendar.isVisible()


@pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard)",
)
def test_a_date_picked_from_the_calendar_is_taken_at_once(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    make_project("三月项目", 20000, events=[(Stage.SIGNED, date(2025, 3, 1))])
    dashboard = make_dashboard(qtbot, session)
    dashboard.period_from.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dashboard.period_from, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = dashboard.findChild(QCalendarWidget, "periodFromCalendar")
    assert calendar is not None and calendar.isVisible()
    calendar.setSelectedDate(QDate(2025, 3, 2))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    settle(qtbot, dashboard)
    assert dashboard.period_from.text() == "2025-03-02"
    assert dashboard.caption.text().startswith("2025-03-02 至 2025-08-15")
    assert dashboard.signed_count.text() == "新签约亿元以上产业项目 0 个"
