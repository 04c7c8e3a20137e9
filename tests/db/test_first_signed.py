"""A project's first signing date (``first_signed``, read by the figures' 新签约) is its
earliest live 签约 event, whoever writes the file: the app's operations, an undo, a
raw statement of another program, an older file migrated."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from db.records.files import create_unit_file
from db.records.stages import change_stage, delete_stage_event
from db.rules.vocabulary import Stage
from db.store.connection import database
from db.store.models import Project, StageEvent
from db.store.sort_keys import SQL_FUNCTION, sort_key
from db.store.unit_file import Store, open_store
from tests.factories import back_to_version_7, make_project


def first_signed(name: str) -> str | None:
    row = database.execute_sql("SELECT first_signed FROM project WHERE name = ?", [name])
    value: str | None = row.fetchone()[0]
    return value


def test_it_follows_the_signings_the_app_records_and_removes(unit_file: Store) -> None:
    make_project("甲项目", events=[(Stage.TALKS, date(2023, 1, 5))])
    assert first_signed("甲项目") is None
    uuid = Project.get(Project.name == "甲项目").uuid
    later = change_stage(uuid, Stage.SIGNED, date(2023, 5, 9))
    assert first_signed("甲项目") == "2023-05-09"
    earlier = change_stage(uuid, Stage.SIGNED, date(2023, 3, 1))
    assert first_signed("甲项目") == "2023-03-01"
    delete_stage_event(earlier.value)
    assert first_signed("甲项目") == "2023-05-09"
    removed = delete_stage_event(later.value)
    assert first_signed("甲项目") is None
    removed.undo()
    assert first_signed("甲项目") == "2023-05-09"
    later.undo()  # the signing itself undone
    assert first_signed("甲项目") is None


def test_a_wrong_value_written_into_the_row_is_put_right(unit_file: Store) -> None:
    make_project(
        "乙项目", events=[(Stage.TALKS, date(2023, 1, 5)), (Stage.SIGNED, date(2023, 4, 2))]
    )
    database.execute_sql("UPDATE project SET first_signed = '1999-01-01'")
    assert first_signed("乙项目") == "2023-04-02"
    database.execute_sql("UPDATE project SET first_signed = NULL")
    assert first_signed("乙项目") == "2023-04-02"
    # A project saved from a copy read before its signing (as the form saves it).
    stale = Project.get(Project.name == "乙项目")
    stale.first_signed = None
    stale.save()
    assert first_signed("乙项目") == "2023-04-02"


def test_raw_statements_on_the_events_keep_it(unit_file: Store) -> None:
    make_project(
        "丙项目", events=[(Stage.SIGNED, date(2023, 6, 1)), (Stage.STARTED, date(2023, 8, 1))]
    )
    make_project("丁项目", events=[(Stage.TALKS, date(2023, 2, 1))])
    signing = StageEvent.get(StageEvent.stage == "signed")
    database.execute_sql("UPDATE stage_event SET date = '2023-05-20' WHERE id = ?", [signing.id])
    assert first_signed("丙项目") == "2023-05-20"
    other = Project.get(Project.name == "丁项目").id
    database.execute_sql("UPDATE stage_event SET project_id = ? WHERE id = ?", [other, signing.id])
    assert (first_signed("丙项目"), first_signed("丁项目")) == (None, "2023-05-20")
    database.execute_sql("UPDATE stage_event SET stage = 'talks' WHERE id = ?", [signing.id])
    assert first_signed("丁项目") is None
    database.execute_sql("UPDATE stage_event SET stage = 'signed' WHERE id = ?", [signing.id])
    assert first_signed("丁项目") == "2023-05-20"
    database.execute_sql("DELETE FROM stage_event WHERE id = ?", [signing.id])
    assert first_signed("丁项目") is None


def test_another_program_inserting_a_wrong_row_is_put_right(tmp_path: Path) -> None:
    path = tmp_path / "单位.zsdb"
    store = create_unit_file(path, "开发区", kind="开发区").make_default()
    try:
        make_project("戊项目", events=[(Stage.SIGNED, date(2023, 7, 7))])
    finally:
        store.close()
    conn = sqlite3.connect(path)
    conn.create_function(SQL_FUNCTION, 1, sort_key, deterministic=True)  # the keys' triggers
    with conn:
        row = conn.execute("SELECT * FROM project").fetchone()
        names = [d[0] for d in conn.execute("SELECT * FROM project").description]
        values = dict(zip(names, row, strict=True))
        values.update(id=None, uuid="0" * 36, name="己项目", first_signed="2001-01-01")
        marks = ", ".join("?" for _ in names)
        conn.execute(
            f"INSERT INTO project ({', '.join(names)}) VALUES ({marks})", list(values.values())
        )
    first = conn.execute("SELECT first_signed FROM project WHERE name = '己项目'").fetchone()
    conn.close()
    assert first == (None,)  # it has no events of its own


def test_an_older_file_gets_it_from_its_events(tmp_path: Path) -> None:
    path = tmp_path / "旧.zsdb"
    store = create_unit_file(path, "开发区", kind="开发区").make_default()
    try:
        make_project(
            "庚项目", events=[(Stage.SIGNED, date(2022, 9, 9)), (Stage.SIGNED, date(2023, 1, 3))]
        )
        make_project("辛项目", events=[(Stage.TALKS, date(2022, 9, 9))])
    finally:
        store.close()
    back_to_version_7(path)
    store = open_store(path).make_default()
    try:
        assert (first_signed("庚项目"), first_signed("辛项目")) == ("2022-09-09", None)
    finally:
        store.close()
