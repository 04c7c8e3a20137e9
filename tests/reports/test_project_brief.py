"""The project brief on small files: qualified figures, 落户 by stage, the year's major
signings, each fact once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from db.reads.project_brief import find_project, project_brief_data
from db.records.projects import CapacityData, PhaseData, ProjectData, save_project
from db.records.settings import SettingsChange, save_settings
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.qualifier import Qualifier
from db.rules.vocabulary import Stage
from db.store.unit_file import Store
from reports.project_brief import build_project_brief
from tests.reports.pdf_tools import pdf_text


def _project(**values: object) -> str:
    data = ProjectData(
        name="储能电池项目",
        investor_name="苏州恒储新能源科技有限公司",
        unit_id=get_or_create_unit("吕城镇").id,
        total_investment=Decimal(150000),
        carrier="吕城工业园",
        content="建设储能电池生产线，新建厂房约20000平方米",
        floor_area_m2=Decimal(20000),
        floor_area_m2_qualifier=Qualifier.ABOUT,
        expected_sales=Decimal(300000),
        expected_sales_qualifier=Qualifier.OVER,
        expected_tax=Decimal(15000),
        expected_tax_qualifier=Qualifier.ABOUT,
        new_jobs=500,
        new_jobs_qualifier=Qualifier.AT_LEAST,
        phases=[PhaseData("一期", Decimal(60000)), PhaseData("二期", Decimal(90000))],
        capacity=[
            CapacityData(
                "储能电池", Decimal(8), "GWh", "一期", quantity_qualifier=Qualifier.REACHING
            )
        ],
    )
    for key, value in values.items():
        setattr(data, key, value)
    return save_project(data, (Stage.SIGNED, date(2023, 4, 10))).value


def _text(tmp_path: Path, printed_on: date = date(2023, 8, 5)) -> str:
    data = project_brief_data(find_project("储能电池项目"), printed_on)
    return pdf_text(build_project_brief(data, tmp_path / "brief.pdf"))


def test_qualified_figures_read_as_officials_write_them(hq_file: Store, tmp_path: Path) -> None:
    _project()
    text = _text(tmp_path)
    assert "项目拟落户吕城工业园，新建厂房约20000平方米。" in text
    assert "一期投产后储能电池总产能达8GWh。" in text
    assert "年销售收入超30亿元，年纳税约1.5亿元，新增就业500人以上。" in text
    # The construction content does not repeat the floor area it already gave.
    assert text.count("20000平方米") == 1
    assert "建设储能电池生产线。" in text


def test_on_site_once_construction_has_started(hq_file: Store, tmp_path: Path) -> None:
    _project()
    record_stage(find_project("储能电池项目"), Stage.STARTED, date(2023, 6, 1))
    text = _text(tmp_path)
    assert "项目落户吕城工业园" in text and "拟落户" not in text


def test_a_major_signing_of_the_year(hq_file: Store, tmp_path: Path) -> None:
    _project()
    assert "是吕城镇今年新签约的重大项目之一" in _text(tmp_path)
    # Printed a year later, the year is named.
    assert "是吕城镇2023年新签约的重大项目之一" in _text(tmp_path, date(2024, 3, 1))
    # Below the configured size it is not called one.
    save_settings(SettingsChange(major_project_wan_cny=Decimal(200000)))
    assert "重大项目" not in _text(tmp_path)


def test_a_foreign_project_in_dollars(hq_file: Store, tmp_path: Path) -> None:
    _project(total_investment=Decimal(5000), phases=[], capacity=[])
    project = find_project("储能电池项目")
    project.capital = "foreign"
    project.save()
    text = _text(tmp_path)
    assert "项目总投资5000万美元。" in text
    assert "重大项目" not in text  # 5000万美元 is about 3.6亿元
