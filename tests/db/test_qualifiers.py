"""Qualified figures (约/超/达/以上): stored beside the number, edited in ProjectData, read
from and written to the ledger as officials write them, kept by a round trip."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from db.io.ledger.export import export_ledger, ledger_rows
from db.io.ledger.importing import import_ledger, import_rows
from db.io.ledger.template import COLUMNS, LedgerImportError
from db.records.files import create_hq_file
from db.records.projects import (
    CapacityData,
    PhaseData,
    ProjectData,
    load_project,
    save_project,
)
from db.records.units import get_or_create_unit
from db.rules.qualifier import Qualifier, qualified, split_qualifier
from db.store.models import CapacityLine, Phase, Project
from db.store.unit_file import Store, open_store


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("约200000", (Qualifier.ABOUT, "200000")),
        ("超 50000", (Qualifier.OVER, "50000")),
        ("达4", (Qualifier.REACHING, "4")),
        ("500以上", (Qualifier.AT_LEAST, "500")),
        ("30000", (None, "30000")),
    ],
)
def test_a_typed_figure_is_split_into_qualifier_and_number(
    typed: str, expected: tuple[Qualifier | None, str]
) -> None:
    assert split_qualifier(typed) == expected


def test_a_qualifier_reads_before_or_after_its_figure() -> None:
    assert qualified("20亿元", Qualifier.ABOUT) == "约20亿元"
    assert qualified("5亿元", Qualifier.OVER) == "超5亿元"
    assert qualified("500人", Qualifier.AT_LEAST) == "500人以上"
    assert qualified("4万吨", None) == "4万吨"


def test_project_data_keeps_every_qualifier(hq_file: Store) -> None:
    data = ProjectData(
        name="电池箔项目",
        investor_name="大亚科技集团有限公司",
        unit_id=get_or_create_unit("开发区").id,
        total_investment=Decimal(300000),
        expected_sales=Decimal(200000),
        expected_sales_qualifier=Qualifier.ABOUT,
        expected_tax=Decimal(50000),
        expected_tax_qualifier=Qualifier.OVER,
        expected_output=Decimal(500000),
        expected_output_qualifier=Qualifier.REACHING,
        new_jobs=500,
        new_jobs_qualifier=Qualifier.AT_LEAST,
        # A qualifier without its figure says nothing and is not kept.
        land_mu_qualifier=Qualifier.ABOUT,
        phases=[
            PhaseData(
                "一期",
                Decimal(116000),
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
    uuid = save_project(data).value
    project = Project.get(Project.uuid == uuid)
    assert (project.expected_tax, project.expected_tax_qualifier) == (Decimal(50000), "over")
    assert project.land_mu_qualifier is None
    assert Phase.get(Phase.project == project).floor_area_m2_qualifier == "about"
    assert CapacityLine.get(CapacityLine.project == project).quantity_qualifier == "reaching"
    loaded = load_project(uuid)
    assert loaded.expected_sales_qualifier is Qualifier.ABOUT
    assert loaded.expected_output_qualifier is Qualifier.REACHING
    assert loaded.new_jobs_qualifier is Qualifier.AT_LEAST
    assert loaded.land_mu_qualifier is None
    assert loaded.phases[0].floor_area_m2_qualifier is Qualifier.ABOUT
    assert loaded.phases[0].expected_sales == Decimal(200000)
    assert loaded.capacity[0].quantity_qualifier is Qualifier.REACHING
    # Saving what was loaded changes nothing.
    revision = project.revision
    save_project(loaded)
    assert Project.get(Project.uuid == uuid).revision == revision


def _row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        {
            "项目编号": "KFQ2023001",
            "项目名称": "大亚新能源材料建设项目",
            "投资方": "大亚科技集团有限公司",
            "内外资": "内资",
            "总投资(万元)": 300000,
            "项目阶段": "签约",
            "首次对接日期": date(2022, 10, 12),
            "签约日期": date(2023, 2, 16),
            "责任单位": "开发区",
        }
    )
    row.update(values)
    return row


QUALIFIED_CELLS = {
    "用地(亩)": "约120",
    "建筑面积(平方米)": "约30000",
    "预计年销售(万元)": "约200000",
    "预计年税收(万元)": "超50000",
    "新增就业(人)": "600以上",
}


def test_the_ledger_reads_a_qualified_cell_as_number_and_qualifier(hq_file: Store) -> None:
    import_rows([(2, _row(**QUALIFIED_CELLS))], "台账.xlsx")
    project = Project.get(Project.code == "KFQ2023001")
    assert (project.land_mu, project.land_mu_qualifier) == (Decimal(120), "about")
    assert (project.floor_area_m2, project.floor_area_m2_qualifier) == (Decimal(30000), "about")
    assert (project.expected_sales, project.expected_sales_qualifier) == (Decimal(200000), "about")
    assert (project.expected_tax, project.expected_tax_qualifier) == (Decimal(50000), "over")
    assert (project.new_jobs, project.new_jobs_qualifier) == (600, "at_least")
    (row,) = ledger_rows()
    assert {column: row[column] for column in QUALIFIED_CELLS} == QUALIFIED_CELLS


def test_a_qualifier_alone_or_with_a_word_is_a_problem(hq_file: Store) -> None:
    with pytest.raises(LedgerImportError) as raised:
        import_rows([(2, _row(**{"预计年税收(万元)": "超五亿", "用地(亩)": "约"}))], "台账.xlsx")
    problems = [str(p) for p in raised.value.problems]
    assert problems == [
        "第2行“用地(亩)”:应为数字,收到“约”",
        "第2行“预计年税收(万元)”:应为数字,收到“五亿”",
    ]


def test_clearing_a_qualified_cell_clears_its_qualifier(hq_file: Store) -> None:
    import_rows([(2, _row(**QUALIFIED_CELLS))], "台账.xlsx")
    import_rows([(2, _row(**{"预计年税收(万元)": 60000}))], "台账.xlsx")
    project = Project.get(Project.code == "KFQ2023001")
    assert (project.expected_tax, project.expected_tax_qualifier) == (Decimal(60000), None)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_import_export_import_keeps_the_qualifiers(tmp_path: Path, suffix: str) -> None:
    rows = [(2, _row(**QUALIFIED_CELLS)), (3, _row(项目编号="KFQ2023002", 项目名称="乙项目"))]
    first = create_hq_file(tmp_path / "first.zsdb", "市招商中心").make_default()
    try:
        import_rows(rows, "台账.xlsx")
        exported = ledger_rows()
        out = tmp_path / f"导出{suffix}"
        export_ledger(exported, out)
    finally:
        first.close()
    second = create_hq_file(tmp_path / "second.zsdb", "市招商中心").make_default()
    try:
        import_ledger(out)
        assert ledger_rows() == exported
        assert exported[0]["预计年税收(万元)"] == "超50000"
        assert exported[1]["预计年税收(万元)"] is None
    finally:
        second.close()


def test_a_version_3_file_gains_the_qualifier_columns(tmp_path: Path) -> None:
    """A file of the previous version is migrated: its projects keep their figures and
    every figure starts without a qualifier."""
    from peewee import SqliteDatabase

    from db.store.migrations import LATEST_VERSION, migrate
    from db.store.schema import APPLICATION_ID

    path = tmp_path / "old.zsdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    raw = SqliteDatabase(str(path))
    raw.connect()
    migrate(raw, 0, 3)
    raw.execute_sql(
        "INSERT INTO unit (uuid, revision, updated_at, deleted, name, kind) "
        "VALUES ('u-1', 1, '2023-01-01 00:00:00', 0, '开发区', '开发区')"
    )
    raw.execute_sql(
        "INSERT INTO investor (uuid, revision, updated_at, deleted, name) "
        "VALUES ('i-1', 1, '2023-01-01 00:00:00', 0, '大亚科技集团有限公司')"
    )
    raw.execute_sql(
        "INSERT INTO project (uuid, revision, updated_at, deleted, name, investor_id, capital, "
        "total_investment, expected_tax, unit_id, stage) VALUES ('p-1', 1, "
        "'2023-01-01 00:00:00', 0, '大亚新能源材料建设项目', 1, 'domestic', 300000000000, "
        "50000000000, 1, 'signed')"
    )
    raw.close()
    store = open_store(path).make_default()
    try:
        project = Project.get(Project.uuid == "p-1")
        assert (project.expected_tax, project.expected_tax_qualifier) == (Decimal(50000), None)
        assert load_project("p-1").expected_tax_qualifier is None
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    conn.close()
