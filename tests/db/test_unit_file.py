"""The unit file as an application file format: creating, checking, migrating."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import UnitFileError
from db.records.files import create_unit_file
from db.store import migrations
from db.store.connection import database
from db.store.migrations import LATEST_VERSION, migrate
from db.store.models import Investor, Project, Unit
from db.store.schema import APPLICATION_ID
from db.store.unit_file import open_store


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_new_file_is_marked_as_ours_and_durable(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    db = create_unit_file(path, "上海驻点招商办", city="上海").make_default()
    assert db.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == LATEST_VERSION


def test_reopen_keeps_records(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    db = open_store(path).make_default()
    assert [u.name for u in Unit.live()] == ["开发区"]
    db.close()


def test_existing_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    with pytest.raises(UnitFileError, match="已存在"):
        create_unit_file(path, "别的单位")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UnitFileError, match="文件不存在") as info:
        open_store(tmp_path / "nope.zsdb")
    assert "nope.zsdb" in str(info.value)


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.zsdb"
    path.write_text("这不是数据库" * 50, encoding="utf-8")
    with pytest.raises(UnitFileError, match="不是招商台账数据文件"):
        open_store(path)


def test_other_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UnitFileError, match="其他程序"):
        open_store(path)
    assert path.read_bytes() == before


def test_file_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(UnitFileError, match="更新版本") as info:
        open_store(path)
    assert "upgrade" in str(info.value)


def test_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    db = create_unit_file(path, "开发区", kind="开发区").make_default()
    investor = Investor.create(name="某公司")
    unit = Unit.get()
    for i in range(300):
        Project.create(name=f"项目{i}" * 5, investor=investor, unit=unit)
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(UnitFileError, match="损坏"):
        open_store(path)


def test_hostile_trigger_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON project BEGIN DELETE FROM unit; END")
    conn.commit()
    conn.close()
    with pytest.raises(UnitFileError, match="结构"):
        open_store(path)


def _first_version_file(path: Path) -> None:
    """A unit file as the first release wrote it, with one project in it."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    from peewee import SqliteDatabase

    raw = SqliteDatabase(str(path))
    raw.connect()
    migrate(raw, 0, 1)
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
        "total_investment, unit_id, stage) VALUES ('p-1', 1, '2023-01-01 00:00:00', 0, "
        "'大亚新能源材料建设项目', 1, 'domestic', 300000000000, 1, 'signed')"
    )
    raw.close()


def test_migration_from_first_version(tmp_path: Path) -> None:
    path = tmp_path / "old.zsdb"
    _first_version_file(path)
    assert _pragma(path, "user_version") == 1
    db = open_store(path).make_default()
    assert db.db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    project = Project.get(Project.uuid == "p-1")
    assert project.total_investment == 300000
    hits = database.execute_sql(
        "SELECT rowid FROM project_search WHERE project_search MATCH ?", ['"新能源"']
    ).fetchall()
    assert hits == [(project.id,)]
    db.close()
    backups = list(tmp_path.glob("old.zsdb.v1-*.bak"))
    assert len(backups) == 1
    assert _pragma(backups[0], "user_version") == 1


def test_failed_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.zsdb"
    _first_version_file(path)

    def broken_step(db: object) -> None:
        migrations._v2_search_index(db)  # type: ignore[arg-type]
        raise RuntimeError("power cut half-way")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken_step))
    with pytest.raises(RuntimeError):
        open_store(path)
    assert _pragma(path, "user_version") == 1
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    conn.close()
    assert "project_search" not in names


CRASH_SCRIPT = """
import os, sys
from db.store.unit_file import open_store
from db.store.connection import database
from db.store.models import Investor, Project, Unit
open_store(sys.argv[1]).make_default()
with database.atomic():
    Project.create(name="崩溃前已保存的项目", investor=Investor.create(name="甲公司"),
                   unit=Unit.get())
os._exit(9)  # the process dies without closing the file
"""


def test_committed_record_survives_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "u.zsdb"
    create_unit_file(path, "开发区", kind="开发区").close()
    result = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 9, result.stderr
    db = open_store(path).make_default()
    assert [p.name for p in Project.live()] == ["崩溃前已保存的项目"]
    db.close()
