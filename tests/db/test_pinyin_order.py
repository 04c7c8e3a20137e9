"""Chinese text columns sort by pinyin, as WPS and Excel sort them (博, 东, 华, 中), not
by code point (东, 中, 华, 博); the sort keys the file keeps for it follow every way a
row is written, and never count as a change a user made."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

from peewee import SqliteDatabase

from db.io.ledger.importing import import_ledger
from db.reads.ledger_table import ProjectFilter, fetch_rows, matching_ids
from db.records.files import create_hq_file
from db.records.ops import operation
from db.records.projects import load_project, save_project
from db.rules.vocabulary import Stage
from db.store.connection import database
from db.store.migrations import LATEST_VERSION, migrate
from db.store.models import Investor, Project, Unit
from db.store.schema import APPLICATION_ID
from db.store.sort_keys import sort_key
from db.store.unit_file import Store, open_store
from tests.factories import make_project


def column(key: str, descending: bool = False) -> list[str]:
    ids = matching_ids(ProjectFilter(), key, descending)
    rows = fetch_rows(ids, [key])
    return [rows[pid].values[0] for pid in ids]


def test_the_issues_example_sorts_by_pinyin(unit_file: Store) -> None:
    for name in ("东方电梯项目", "中科新材料项目", "华恒储能项目", "博瑞精密项目"):
        make_project(name, 20000)
    assert column("name") == ["博瑞精密项目", "东方电梯项目", "华恒储能项目", "中科新材料项目"]
    assert column("name", descending=True)[0] == "中科新材料项目"


def test_every_chinese_text_column_sorts_by_pinyin(hq_file: Store) -> None:
    rows = [
        ("中", "中国铝业", "上海", "装备制造", "新能源", "新建", "驻点招商", "张伟", "中山镇"),
        ("东", "东方集团", "北京", "大健康", "高端装备", "扩建", "以商招商", "白云", "东湖镇"),
        ("华", "华为技术", "杭州", "新材料", "新材料", "技改", "展会", "陈静", "华阳镇"),
    ]
    for name, investor, origin, industry, chain, kind, source, person, unit in rows:
        project = make_project(name, 20000, chain=chain, local_industry=industry, unit=unit)
        project.investor.origin = origin
        project.investor.name = investor
        project.investor.save()
        project.construction_kind = kind
        project.info_source = source
        project.person_in_charge = person
        project.save()
    assert column("investor") == ["东方集团", "华为技术", "中国铝业"]
    assert column("origin") == ["北京", "杭州", "上海"]
    assert column("local_industry") == ["大健康", "新材料", "装备制造"]
    assert column("chain") == ["高端装备", "新材料", "新能源"]
    assert column("construction_kind") == ["技改", "扩建", "新建"]
    assert column("info_source") == ["以商招商", "展会", "驻点招商"]
    assert column("person_in_charge") == ["白云", "陈静", "张伟"]
    assert column("unit") == ["东湖镇", "华阳镇", "中山镇"]


def test_letters_and_digits_come_before_chinese_and_empty_values_last(unit_file: Store) -> None:
    for name in ("阿里项目", "3号厂房项目", "ABB电气项目", "abc项目", "Ｚ型钢项目"):
        make_project(name, 20000)
    make_project("无人", 20000)
    assert column("name") == [
        "3号厂房项目",
        "ABB电气项目",
        "abc项目",
        "Ｚ型钢项目",
        "阿里项目",
        "无人",
    ]
    projects = {p.name: p for p in Project.select()}
    annotate = projects["阿里项目"]
    annotate.person_in_charge = "王"
    annotate.save()
    assert column("person_in_charge")[0] == "王"  # the rest have none, after it


def test_the_keys_follow_edits_and_undo_and_leave_revisions_alone(unit_file: Store) -> None:
    project = make_project("东方电梯项目", 20000, events=[(Stage.TALKS, date(2025, 1, 1))])
    make_project("博瑞精密项目", 20000)
    stored = Project.get_by_id(project.id)
    assert stored.name_sort_key == sort_key("东方电梯项目")
    revision = stored.revision

    data = load_project(project.uuid)
    data.name = "中科电梯项目"
    result = save_project(data)
    assert column("name") == ["博瑞精密项目", "中科电梯项目"]
    edited = Project.get_by_id(project.id)
    assert edited.name_sort_key == sort_key("中科电梯项目")
    assert edited.revision == revision + 1  # the name changed; its key is not a change

    result.undo()
    assert Project.get_by_id(project.id).name_sort_key == sort_key("东方电梯项目")
    assert column("name") == ["博瑞精密项目", "东方电梯项目"]

    unchanged = load_project(project.uuid)
    assert save_project(unchanged).changes.empty  # a save that changes nothing writes nothing


def test_a_key_written_by_anything_else_is_computed_again(hq_file: Store) -> None:
    """What a unit's file says its key is counts for nothing: the merge copies columns
    into headquarters' file, whose triggers compute every key again."""
    unit = Unit.create(name="开发区", kind="开发区")
    investor = Investor.create(name="大亚科技集团有限公司")
    database.execute_sql(
        "INSERT INTO project (uuid, revision, updated_at, deleted, name, investor_id, "
        "capital, unit_id, stage, name_sort_key) VALUES ('p-1', 1, '2023-01-01', 0, "
        "'大亚新能源材料建设项目', ?, 'domestic', ?, 'lead', 'zzz')",
        [investor.id, unit.id],
    )
    assert Project.get(Project.uuid == "p-1").name_sort_key == sort_key("大亚新能源材料建设项目")
    database.execute_sql(
        "UPDATE project SET name = '东方电梯项目', name_sort_key = 'zzz' WHERE uuid = 'p-1'"
    )
    assert Project.get(Project.uuid == "p-1").name_sort_key == sort_key("东方电梯项目")
    assert Unit.get_by_id(unit.id).name_sort_key == sort_key("开发区")
    assert Investor.get_by_id(investor.id).name_sort_key == sort_key("大亚科技集团有限公司")


def test_the_ledger_import_writes_the_keys(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "项目名称,投资方,内外资,总投资(万元),项目阶段,签约日期,责任单位,产业类别\n"
        "中科新材料项目,中科集团,内资,20000,签约,2023-03-01,开发区,新材料\n"
        "东方电梯项目,东方集团,内资,30000,签约,2023-04-01,开发区,装备制造\n"
        "博瑞精密项目,博瑞科技,内资,40000,签约,2023-05-01,开发区,大健康\n",
        encoding="utf-8-sig",
    )
    store = create_hq_file(tmp_path / "hq.zsdb", "市招商中心").make_default()
    try:
        import_ledger(ledger)
        assert column("name") == ["博瑞精密项目", "东方电梯项目", "中科新材料项目"]
        assert column("investor") == ["博瑞科技", "东方集团", "中科集团"]
        assert column("local_industry") == ["大健康", "新材料", "装备制造"]
    finally:
        store.close()


def test_an_older_file_gets_the_keys_of_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v4.zsdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    raw = SqliteDatabase(str(path))
    raw.connect()
    migrate(raw, 0, 4)
    raw.execute_sql(
        "INSERT INTO unit (uuid, revision, updated_at, deleted, name, kind) "
        "VALUES ('u-1', 1, '2023-01-01', 0, '开发区', '开发区')"
    )
    raw.execute_sql(
        "INSERT INTO investor (uuid, revision, updated_at, deleted, name, origin) "
        "VALUES ('i-1', 1, '2023-01-01', 0, '东方集团', '上海')"
    )
    for n, name in enumerate(("中科新材料项目", "东方电梯项目", "博瑞精密项目")):
        raw.execute_sql(
            "INSERT INTO project (uuid, revision, updated_at, deleted, name, investor_id, "
            "capital, unit_id, stage, local_industry) "
            f"VALUES ('p-{n}', 1, '2023-01-01', 0, ?, 1, 'domestic', 1, 'lead', '新材料')",
            [name],
        )
    raw.close()
    store = open_store(path).make_default()
    try:
        assert column("name") == ["博瑞精密项目", "东方电梯项目", "中科新材料项目"]
        assert {p.revision for p in Project.select()} == {1}  # derived: nobody changed them
        assert Investor.get().origin_sort_key == sort_key("上海")
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    conn.close()


def test_a_save_through_an_operation_never_writes_a_key(unit_file: Store) -> None:
    project = make_project("东方电梯项目", 20000)

    @operation
    def rename_with_a_stale_key() -> None:
        row = Project.get_by_id(project.id)
        row.name_sort_key = "zzz"  # a stale value held by a model instance
        row.remarks = "一期在建"
        row.save()

    rename_with_a_stale_key()
    assert Project.get_by_id(project.id).name_sort_key == sort_key("东方电梯项目")


def test_the_key_of_every_character_stays_as_it_was() -> None:
    """Each character's segment is made the first time a text holds it: the keys of
    every character pypinyin knows, and of the ASCII and full-width ranges, are those
    the table built whole made (their digest, taken before)."""
    from db.store import sort_keys

    table = json.loads(sort_keys._table_path().read_text("utf-8"))
    chars = sorted(chr(int(code)) for code in table)
    others = [chr(c) for c in range(0x20, 0x3000)] + [chr(c) for c in range(0xFF00, 0xFFEF)]
    sort_keys.sort_key.cache_clear()
    sort_keys._segments.cache_clear()
    digest = hashlib.sha256()
    for ch in chars + others:
        digest.update(repr(sort_key(ch)).encode())
    digest.update(repr(sort_key("Ｚ型钢 ABC 3号厂房 重庆长安行 ǖ")).encode())
    assert (len(chars), len(others)) == (41923, 12495)
    assert digest.hexdigest() == "3a9cb6666588490cf9c82ae61bd5728fa23b4e4ee09fbed3337a8d7b6df56596"
