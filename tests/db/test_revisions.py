"""``revision`` counts the changes a user can see, and nothing else: the merge at
headquarters trusts it (db.store.models.SyncedModel)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.io.ledger.importing import import_rows
from db.records.projects import ProjectData, delete_projects, load_project, save_project
from db.records.stages import change_stage
from db.rules.vocabulary import Stage
from db.store.models import Investor, Project, StageEvent
from db.store.settings import own_unit
from db.store.unit_file import Store
from tests.factories import make_project

FOUR_DATES = {
    "项目名称": "创力电梯项目",
    "投资方": "江苏同力日升机械股份有限公司",
    "内外资": "内资",
    "总投资(万元)": 36000,
    "行业代码": "34",
    "项目阶段": "投产",
    "首次对接日期": date(2022, 11, 2),
    "签约日期": date(2023, 1, 10),
    "开工日期": date(2023, 3, 29),
    "投产日期": date(2023, 10, 31),
}


def test_an_imported_row_with_four_dates_is_at_revision_one(unit_file: Store) -> None:
    import_rows([(2, FOUR_DATES)], "台账.xlsx")
    project = Project.get()
    assert project.stage == Stage.PRODUCING.value
    assert project.revision == 1
    assert [e.revision for e in StageEvent.select()] == [1, 1, 1, 1]
    assert Investor.get().revision == 1


def test_importing_the_same_row_again_changes_no_revision(unit_file: Store) -> None:
    row = dict(FOUR_DATES, 项目编号="ZS-1")
    import_rows([(2, row)], "台账.xlsx")
    stamp = Project.get().updated_at
    import_rows([(2, row)], "台账.xlsx")
    assert (Project.get().revision, Project.get().updated_at) == (1, stamp)
    import_rows([(2, dict(row, 备注="已投产"))], "台账.xlsx")
    assert Project.get().revision == 2


def test_a_save_that_changes_nothing_writes_nothing(unit_file: Store) -> None:
    project = make_project("大亚新能源材料", 300000)
    stamp = project.updated_at
    project.save()
    project.name = "大亚新能源材料"  # the same value again
    project.save()
    stored = Project.get_by_id(project.id)
    assert (stored.revision, stored.updated_at) == (1, stamp)


def test_the_cached_stage_is_not_a_change_of_the_project(unit_file: Store) -> None:
    project = make_project("大亚新能源材料", 300000)
    change_stage(project.uuid, Stage.TALKS, date(2023, 2, 1))
    change_stage(project.uuid, Stage.SIGNED, date(2023, 3, 1))
    stored = Project.get_by_id(project.id)
    assert stored.stage == Stage.SIGNED.value
    assert stored.revision == 1


def test_each_visible_change_counts_once(unit_file: Store) -> None:
    data = ProjectData(
        name="大亚新能源材料建设项目",
        investor_name="大亚科技集团有限公司",
        unit_id=own_unit().id,
        total_investment=Decimal(300000),
    )
    uuid = save_project(data, (Stage.TALKS, date(2023, 1, 5))).value
    assert Project.get(Project.uuid == uuid).revision == 1
    edited = load_project(uuid)
    edited.remarks = "一期在建"
    edited.contact_person = "眭敏"
    save_project(edited)
    project = Project.get(Project.uuid == uuid)
    assert project.revision == 2
    assert project.investor.revision == 2
    save_project(load_project(uuid))  # saved again unchanged
    assert Project.get(Project.uuid == uuid).revision == 2
    deleted = delete_projects([uuid])
    assert Project.get(Project.uuid == uuid).revision == 3  # a tombstone is a change
    deleted.undo()
    assert Project.get(Project.uuid == uuid).revision == 4  # and so is bringing it back
