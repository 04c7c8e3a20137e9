"""The controls issue 12 added: a qualifier beside each planned figure of the project form
(and of its phases and capacity lines), the briefing's 签发日期 and per-year issue
number, and the settings of the briefing (印数, the order of units, the size of a
major project) and of headquarters (交接逾期天数)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox

from db.records.projects import CapacityData, PhaseData, ProjectData, load_project, save_project
from db.records.settings import SettingsChange, save_settings
from db.records.units import get_or_create_unit
from db.rules.qualifier import Qualifier
from db.store import settings
from db.store.models import Project
from tests.ui.helpers import answer_message_boxes, choose
from ui.project_form import CAPACITY_QUALIFIER, PHASE_AREA_QUALIFIER, ProjectForm
from ui.report_dialogs import BriefingDialog
from ui.session import Session
from ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_message_boxes(monkeypatch)


def _combo(widget: object) -> QComboBox:
    assert isinstance(widget, QComboBox)
    return widget


def _daya(session: Session) -> str:
    unit = session.unit
    assert unit is not None
    data = ProjectData(
        name="大亚新能源材料建设项目",
        investor_name="大亚科技集团有限公司",
        unit_id=unit.id,
        total_investment=Decimal(300000),
        expected_tax=Decimal(50000),
        expected_tax_qualifier=Qualifier.OVER,
        phases=[
            PhaseData(
                "一期",
                Decimal(116000),
                "一条电池箔专用生产线",
                floor_area_m2=Decimal(30000),
                floor_area_m2_qualifier=Qualifier.ABOUT,
                expected_sales=Decimal(200000),
                expected_sales_qualifier=Qualifier.ABOUT,
            )
        ],
        capacity=[
            CapacityData(
                "电池箔", Decimal(4), "万吨", "一期", quantity_qualifier=Qualifier.REACHING
            )
        ],
    )
    return save_project(data).value


def test_the_form_shows_and_keeps_every_qualifier(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    uuid = _daya(session)
    form = ProjectForm(session, uuid)
    qtbot.addWidget(form)
    tax = _combo(form.findChild(QComboBox, "expected_tax_qualifier"))
    assert form.qualifier_in(tax) is Qualifier.OVER and tax.currentText() == "超"
    area = _combo(form.phases.cellWidget(0, PHASE_AREA_QUALIFIER))
    assert form.qualifier_in(area) is Qualifier.ABOUT
    capacity = _combo(form.capacity.cellWidget(0, CAPACITY_QUALIFIER))
    assert form.qualifier_in(capacity) is Qualifier.REACHING
    # Saving without a change changes nothing: the phase's area and sales come back too.
    revision = Project.get(Project.uuid == uuid).revision
    assert form.save()
    assert Project.get(Project.uuid == uuid).revision == revision
    loaded = load_project(uuid)
    assert (loaded.phases[0].floor_area_m2, loaded.phases[0].expected_sales) == (
        Decimal(30000),
        Decimal(200000),
    )


def test_a_qualifier_chosen_in_the_form_is_saved(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    uuid = _daya(session)
    form = ProjectForm(session, uuid)
    qtbot.addWidget(form)
    form.show()
    form.amounts["expected_output"].setText("500000")
    choose(form, "expected_output_qualifier", "达")
    form.findChild(QComboBox, "expected_tax_qualifier").setCurrentIndex(0)  # type: ignore[union-attr]
    assert form.save()
    loaded = load_project(uuid)
    assert (loaded.expected_output, loaded.expected_output_qualifier) == (
        Decimal(500000),
        Qualifier.REACHING,
    )
    assert loaded.expected_tax_qualifier is None
    session.undo_stack.undo()
    assert load_project(uuid).expected_tax_qualifier is Qualifier.OVER


def test_the_briefing_dialog_numbers_issues_by_the_year_of_its_date(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    current = settings.briefing()
    save_settings(
        SettingsChange(
            briefing=settings.Briefing(**{**vars(current), "issue_no": 9, "issue_year": 2023})
        )  # type: ignore[arg-type]
    )
    dialog = BriefingDialog(session, today=date(2023, 12, 20))
    qtbot.addWidget(dialog)
    assert dialog.issue.value() == 9
    dialog.signed_on.setDate(QDate(2024, 1, 5))
    assert dialog.issue.value() == 1
    dialog.date_from.setDate(QDate(2023, 1, 1))
    dialog.date_to.setDate(QDate(2023, 12, 31))
    out = session.path.parent / "简报.pdf"
    dialog.out.setText(str(out))
    assert dialog.generate() == out
    from tests.reports.pdf_tools import pdf_text

    text = pdf_text(out)
    assert "第1期" in text and "2024年1月5日" in text and "2023年全年" in text
    assert settings.briefing().next_issue_no(2024) == 2


def test_the_settings_of_the_briefing(qtbot, hq_session: Session) -> None:  # type: ignore[no-untyped-def]
    for name in ("上海驻点招商办", "开发区", "丹北镇"):
        get_or_create_unit(name)
    dialog = SettingsDialog(hq_session)
    qtbot.addWidget(dialog)
    assert dialog.unit_order is not None
    assert dialog.unit_order.values() == ["开发区", "丹北镇", "上海驻点招商办"]
    assert dialog.copies.text() == "不注明"
    assert dialog.major_project.text() == "10"
    # Saving what is shown changes nothing.
    dialog.save()
    assert hq_session.undo_stack.count() == 0

    dialog = SettingsDialog(hq_session)
    qtbot.addWidget(dialog)
    dialog.unit_order.list.setCurrentRow(2)  # type: ignore[union-attr]
    dialog.unit_order.move_current(-1)  # type: ignore[union-attr]
    dialog.copies.setValue(50)
    dialog.major_project.setText("5")
    dialog.overdue_days.setValue(14)
    dialog.save()
    assert settings.unit_order() == ("开发区", "上海驻点招商办", "丹北镇")
    assert settings.briefing().copies == 50
    assert settings.major_project_wan_cny() == Decimal(50000)
    assert settings.overdue_days() == 14
    assert hq_session.undo_stack.count() == 1

    dialog = SettingsDialog(hq_session)
    qtbot.addWidget(dialog)
    dialog.major_project.setText("十亿")
    dialog.save()
    assert dialog.errors["majorProject"].text() == "请填写正数(亿元),如 10"
    assert hq_session.undo_stack.count() == 1


def test_a_unit_file_has_no_unit_order_nor_overdue_days(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.unit_order is None
    assert not hasattr(dialog, "overdue_days")
