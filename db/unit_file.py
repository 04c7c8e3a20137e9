"""Opening, creating and checking the unit file (an application file format).

The file is SQLite with our ``application_id``; ``user_version`` is the schema
version.  Opening checks the header, the integrity and that the schema is
exactly ours (a hostile file cannot smuggle in triggers or views), backs the file
up before migrating, and refuses files from a newer version of the app.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from functools import cache
from pathlib import Path

from peewee import SqliteDatabase

from db.errors import UnitFileError
from db.migrations import LATEST_VERSION, migrate
from db.models import database

APPLICATION_ID = 0x5A53_4C47  # "ZSLG": 招商台账 ledger
SQLITE_HEADER = b"SQLite format 3\x00"

PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", 2),  # FULL: a committed record survives a power cut
    ("foreign_keys", 1),
    ("busy_timeout", 10000),
    ("cell_size_check", 1),
)


def _connect(path: Path) -> SqliteDatabase:
    # trusted_schema stays on here: the search-index triggers use an FTS5 table,
    # and _check_contents has verified that the schema is exactly ours.
    # Every write transaction starts with BEGIN IMMEDIATE: one writer at a time,
    # and no "database is locked" half-way through a transaction.
    return SqliteDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise UnitFileError(f"无法读取文件:{path}({exc.strerror})", f"cannot read {path}") from exc
    if len(head) == 0:
        return  # an empty file is fine to initialise only when creating
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise UnitFileError(
            f"不是招商台账数据文件:{path}",
            f"not a Zhaoshang ledger file: {path}",
        )
    application_id = int.from_bytes(head[68:72], "big")
    if application_id != APPLICATION_ID:
        raise UnitFileError(
            f"这是其他程序的数据库,不是招商台账数据文件:{path}",
            f"this SQLite file belongs to another program: {path}",
        )


def schema_signature(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(t, n, s) for t, n, s in rows}


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """The schema our migrations produce at ``version``, built in memory."""
    scratch = SqliteDatabase(":memory:")
    scratch.connect()
    try:
        migrate(scratch, 0, version)
        return frozenset(schema_signature(scratch.connection()))
    finally:
        scratch.close()


def _check_contents(path: Path) -> int:
    """Integrity, version and schema of an existing file; returns its version."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UnitFileError(f"无法打开文件:{path}", f"cannot open {path}: {exc}") from exc
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise UnitFileError(
                f"此文件由更新版本的招商台账创建(格式版本 {version}),请先升级软件再打开:{path}",
                f"written by a newer version of the app (format {version}, this app reads up "
                f"to {LATEST_VERSION}); please upgrade: {path}",
            )
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise UnitFileError(
                f"文件已损坏,无法打开:{path}。请使用最近的备份。",
                f"the file is damaged ({problems[0]}); please use a recent backup: {path}",
            )
        if schema_signature(conn) != set(expected_schema(version)):
            raise UnitFileError(
                f"文件结构与招商台账格式不符,可能被其他程序修改过,为安全起见不予打开:{path}",
                f"the file's structure is not the ledger's (altered by another program?); "
                f"refused for safety: {path}",
            )
        return int(version)
    except sqlite3.DatabaseError as exc:
        raise UnitFileError(
            f"文件已损坏或不是招商台账数据文件:{path}",
            f"damaged or not a ledger file ({exc}): {path}",
        ) from exc
    finally:
        conn.close()


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.v{version}-{stamp}.bak")


def _backup(path: Path, version: int) -> Path:
    target = backup_path(path, version)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_unit_file(path: str | Path, *, create: bool = False) -> SqliteDatabase:
    """Open (or with ``create``, make) a unit file, migrate it, and bind the models to it."""
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise UnitFileError(f"文件不存在:{path}", f"file not found: {path}")
    if exists and create:
        raise UnitFileError(
            f"文件已存在,不会覆盖:{path}", f"file exists, will not overwrite: {path}"
        )
    if path.is_dir():
        raise UnitFileError(f"这是一个文件夹,不是数据文件:{path}", f"is a folder: {path}")
    version = 0
    if exists:
        _check_header(path)
        version = _check_contents(path)
        if version < LATEST_VERSION:
            _backup(path, version)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UnitFileError(
                f"无法创建文件夹:{path.parent}", f"cannot create folder {path.parent}"
            ) from exc
    db = _connect(path)
    try:
        db.connect()
    except Exception as exc:
        raise UnitFileError(f"无法打开文件:{path}", f"cannot open {path}: {exc}") from exc
    try:
        if not exists:
            db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(db, version)
    except Exception:
        db.close()
        if not exists:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        raise
    database.initialize(db)
    return db


def close_unit_file(db: SqliteDatabase) -> None:
    if not db.is_closed():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
