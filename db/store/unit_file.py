"""Opening, creating and closing a unit file: the ``Store``.

``open_store`` is the one way in.  For writing it first takes the file's lock
(on the real path), then checks the file (db.store.schema) before any statement
of ours runs, backs the file up and migrates it when it is older, and opens it
in WAL mode with ``synchronous=FULL``, foreign keys on, and ``BEGIN IMMEDIATE``
for every write transaction.  For reading it takes no lock and opens the file
``query_only``; ``Store.reading`` gives one consistent snapshot while another
program writes.

A ``Store`` is one open file.  Several can be open at once; the models use the
one bound in the current context (``Store.bound``) or the process's default
(``Store.make_default``), see db.store.connection.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from peewee import SqliteDatabase

from db.errors import UnitFileError
from db.store import connection
from db.store.lock import FileLock, real_path
from db.store.migrations import LATEST_VERSION, migrate
from db.store.schema import APPLICATION_ID, check_file, check_header

WRITE_PRAGMAS: tuple[tuple[str, Any], ...] = (
    ("journal_mode", "wal"),
    ("synchronous", 2),  # FULL: a committed record survives a power cut
    ("foreign_keys", 1),
    ("busy_timeout", 10000),
    ("cell_size_check", 1),
)
READ_PRAGMAS: tuple[tuple[str, Any], ...] = (
    ("foreign_keys", 1),
    ("busy_timeout", 10000),
    ("cell_size_check", 1),
    ("query_only", 1),
)


@dataclass(eq=False)
class Store:
    """One open unit file: its path, its database, and its lock when open for writing."""

    path: Path  # as the user named it
    real_path: Path  # symbolic links and .. resolved: the file itself
    db: SqliteDatabase
    lock: FileLock | None
    writable: bool
    version: int = LATEST_VERSION
    _closed: bool = field(default=False, repr=False)

    @contextmanager
    def bound(self) -> Iterator[Store]:
        """Within the block, in this thread, the models and queries use this file."""
        with connection.bound(self.db):
            yield self

    def make_default(self) -> Store:
        """This file is the process's file (the app's open file, a command's file)."""
        connection.set_default(self.db)
        return self

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE), bound to this file."""
        if not self.writable:
            raise UnitFileError(
                f"文件以只读方式打开,不能修改:{self.path}", f"{self.path} is open read-only"
            )
        with self.bound(), self.db.atomic():
            yield

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: every query inside sees the same state of the file."""
        with self.bound(), self.db.atomic("DEFERRED"):
            yield

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close the file: checkpoint the log into it (writers only), then let go of the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self.db.is_closed():
                if self.writable:
                    self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                self.db.close()
        finally:
            if connection.default() is self.db:
                connection.set_default(None)
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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


def _connect(path: Path, writable: bool) -> SqliteDatabase:
    # trusted_schema stays on: the search-index triggers use an FTS5 table, and
    # check_file has verified that the schema is exactly ours.
    return SqliteDatabase(
        str(path),
        pragmas=WRITE_PRAGMAS if writable else READ_PRAGMAS,
        lock_type="IMMEDIATE",
    )


def _regular_file(path: Path) -> os.stat_result | None:
    """The file's status, None when it does not exist; refuses folders and devices."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnitFileError(
            f"无法读取文件:{path}({exc.strerror})", f"cannot read {path}: {exc.strerror}"
        ) from exc
    if stat.S_ISDIR(status.st_mode):
        raise UnitFileError(f"这是一个文件夹,不是数据文件:{path}", f"is a folder: {path}")
    if not stat.S_ISREG(status.st_mode):
        raise UnitFileError(
            f"这不是普通文件(设备或管道),不是招商台账数据文件:{path}",
            f"not a regular file (a device or a pipe): {path}",
        )
    return status


def open_store(path: str | Path, *, write: bool = True) -> Store:
    """Open an existing unit file for writing (the lock is taken) or for reading."""
    given = Path(path)
    real = real_path(given)
    status = _regular_file(real)
    if status is None or status.st_size == 0:
        raise UnitFileError(f"文件不存在:{given}", f"file not found: {given}")
    lock = FileLock(real) if write else None
    if lock is not None:
        lock.acquire()
    try:
        check_header(real)
        version = check_file(real)
        if version < LATEST_VERSION:
            if lock is None:
                # Reading an older file: it is upgraded once, under the lock.
                upgrade = open_store(real, write=True)
                upgrade.close()
                return open_store(given, write=False)
            _backup(real, version)
        db = _connect(real, write)
        try:
            db.connect()
            if write:
                migrate(db, version)
        except Exception:
            db.close()
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Store(given, real, db, lock, write, LATEST_VERSION)


def create_store(path: str | Path) -> Store:
    """A new, empty unit file at the latest version, open for writing."""
    given = Path(path)
    real = real_path(given)
    status = _regular_file(real)
    if status is not None and status.st_size > 0:
        raise UnitFileError(
            f"文件已存在,不会覆盖:{given}", f"file exists, will not overwrite: {given}"
        )
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnitFileError(
            f"无法创建文件夹:{real.parent}", f"cannot create folder {real.parent}"
        ) from exc
    lock = FileLock(real)
    lock.acquire()
    db = _connect(real, True)
    try:
        db.connect()
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(db, 0)
    except BaseException:
        db.close()
        for leftover in (real, Path(f"{real}-wal"), Path(f"{real}-shm")):
            leftover.unlink(missing_ok=True)
        lock.release()
        raise
    return Store(given, real, db, lock, True, LATEST_VERSION)
