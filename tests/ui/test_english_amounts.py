"""English mode reads naturally: amounts as CNY 3.0 bn and USD 15 m (never "× 10k CNY"),
stage names whole in the ledger, and a window title without a Chinese tail; the
Chinese interface keeps 亿元 and 万元."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from db.records.settings import set_exchange_rate
from db.records.units import get_or_create_unit
from db.rules.vocabulary import Stage
from db.store.unit_file import Store
from tests.factories import make_project
from tests.ui.helpers import answer_message_boxes
from ui import i18n
from ui.amounts import english_amount
from ui.dashboard import Dashboard
from ui.ledger_view import LedgerView
from ui.main_window import MainWindow
from ui.project_form import ProjectForm
from ui.project_table import Col
from ui.session import Session

TODAY = date(2025, 8, 15)


@pytest.fixture(autouse=True)
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def _projects() -> None:
    make_project("大亚新能源材料", 300000, events=[(Stage.STARTED, date(2025, 3, 1))])
    make_project("外资精密", 1500, capital="foreign", events=[(Stage.SIGNED, date(2025, 5, 2))])


def test_english_amounts_are_exact_and_read_as_english_writes_them() -> None:
    assert english_amount(Decimal(300000)) == "CNY 3.0 bn"
    assert english_amount(Decimal(2606900)) == "CNY 26.069 bn"
    assert english_amount(Decimal(1500), foreign=True) == "USD 15 m"
    assert english_amount(Decimal("300000.5")) == "CNY 3.000005 bn"
    assert english_amount(Decimal(50)) == "CNY 500,000"
    assert english_amount(Decimal(0)) == "CNY 0"


def test_the_overview_states_totals_in_cny_and_usd(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    make_project("创力电梯", 36000, events=[(Stage.SIGNED, date(2025, 3, 29))])
    _projects()
    make_project("美锦光学", 20000, events=[(Stage.TALKS, date(2025, 1, 5))])
    dashboard = Dashboard(session, today=lambda: TODAY)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitUntil(lambda: not dashboard.busy)
    # 3.6亿元 + 1500万美元 × 7.1 = 4.665亿元, to 0.01亿 as the Chinese 4.67 亿元
    assert dashboard.signed_total.text() == "Total investment: CNY 467 m"
    assert dashboard.signed_split.text() == "Domestic: 1, CNY 360 m; foreign: 1, USD 15 m"
    assert dashboard.pipeline_domestic.text() == "Domestic: 2, CNY 560 m"
    assert dashboard.pipeline_foreign.text() == "Foreign: 1, USD 15 m"
    for label in (dashboard.signed_total, dashboard.pipeline_domestic):
        assert "×" not in label.text() and "10k" not in label.text()


def test_the_ledger_shows_amounts_and_whole_stage_names(
    qtbot, session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _projects()
    store = QSettings(str(tmp_path / "ledger.ini"), QSettings.Format.IniFormat)
    view = LedgerView(session, settings_store=store)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    model = view.table.model()
    cells = {
        model.index(r, Col.NAME).data(): model.index(r, Col.TOTAL).data()
        for r in range(model.rowCount())
    }
    assert cells == {"大亚新能源材料": "CNY 3.0 bn", "外资精密": "USD 15 m"}
    assert view.summary == "2 projects · domestic 1, CNY 3.0 bn · foreign 1, USD 15 m"

    stages = [model.index(r, Col.STAGE).data() for r in range(model.rowCount())]
    assert "Construction started" in stages
    width = view.table.horizontalHeader().sectionSize(Col.STAGE)
    assert width > view.table.fontMetrics().horizontalAdvance("Construction started")
    for col in (Col.UNIT, Col.PERSON_IN_CHARGE, Col.TOTAL):
        header = str(model.headerData(col, view.table.horizontalHeader().orientation()))
        needed = view.table.horizontalHeader().fontMetrics().horizontalAdvance(header)
        assert view.table.horizontalHeader().sectionSize(col) > needed, header


def test_a_layout_saved_in_chinese_still_shows_whole_stage_names(
    qtbot, session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "ledger.ini"), QSettings.Format.IniFormat)
    i18n.install("zh_CN")
    chinese = LedgerView(session, settings_store=store)
    qtbot.addWidget(chinese)
    chinese.table.horizontalHeader().resizeSection(Col.STAGE, 60)
    chinese.close()  # the layout is saved as it is closed
    i18n.install("en")
    view = LedgerView(session, settings_store=store)
    qtbot.addWidget(view)
    width = view.table.horizontalHeader().sectionSize(Col.STAGE)
    assert width > view.table.fontMetrics().horizontalAdvance("Construction started")


def test_the_project_form_states_investment_intensity_in_english(
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    answer_message_boxes(monkeypatch)  # closing the unsaved form asks
    form = ProjectForm(session)
    qtbot.addWidget(form)
    form.show()
    for name, text in (("total_investment", "36000"), ("land_mu", "85")):
        edit = form.findChild(QLineEdit, name)
        assert edit is not None, name
        qtbot.keyClicks(edit, text)
    assert form.intensity.text() == "CNY 4.2353 m per mu"  # 36000 万元 / 85 亩


def test_the_window_title_has_no_chinese_tail(qtbot, unit_file: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    get_or_create_unit("上海驻点招商办")
    window = MainWindow(tmp_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.windowTitle() == "Investment Ledger"
    assert QGuiApplication.applicationDisplayName() == "Investment Ledger"
    unit_file.close()
    assert window.open_file(unit_file.path)
    assert window.windowTitle().endswith(" — Investment Ledger")
    assert "招商台账" not in window.windowTitle()
    window.close()


def test_a_signing_event_reads_in_english_and_chinese() -> None:
    from db.reads.signing import SigningEventSummary
    from ui.signing_events import summary_sentence

    event = SigningEventSummary(
        uuid="e",
        name="政银企对接活动",
        date=date(2023, 6, 18),
        place=None,
        unit_uuid=None,
        unit=None,
        note=None,
        project_count=22,
        domestic_total_wan_cny=Decimal(752000),
        foreign_total_wan_usd=Decimal(0),
        total_wan_cny=Decimal(752000),
        exchange_rate=None,
    )
    assert summary_sentence(event) == "22 project(s) signed on site, CNY 7.52 bn in total"
    i18n.install("zh_CN")
    assert summary_sentence(event) == "现场集中签约项目22个,累计金额75.2亿元"
