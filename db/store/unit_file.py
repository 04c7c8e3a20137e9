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

import contextlib
import getpass
import os
import socket
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from peewee import OperationalError, SqliteDatabase

from db.errors import UnitFileError, UserError
from db.store import connection, settings
from db.store.faults import from_database_error, from_os_error
from db.store.lock import CannotLock, FileLock, real_path
from db.store.migrations import LATEST_VERSION, migrate
from db.store.schema import (
    APPLICATION_ID,
    THOROUGH_BELOW,
    check_file,
    check_header,
)
from db.store.schema import check_data as schema_check_data
from db.store.values import check_settings, find_bad_value

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
    read_only_reason: UnitFileError | None = None  # why a file the app opened is read-only
    # A large file opened with its data check deferred (schema.check_file): no write
    # until check_data has passed and the opener sets this to False.
    data_unchecked: bool = False
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
        if self.data_unchecked:
            raise UnitFileError(
                f"正在检查文件中的数据,检查完成后才能修改(大文件需要几秒钟):{self.path}",
                f"the file's data is still being checked; it can be changed once the check "
                f"is done (a few seconds for a large file): {self.path}",
            )
        try:
            with self.bound(), self.db.atomic():
                yield
        except Exception as exc:
            fault = from_database_error(exc, self.real_path)
            if fault is not None:
                raise fault from exc
            raise

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
                    # A full disk may refuse the checkpoint: the log stays beside
                    # the file, with every committed record, for the next open.
                    with contextlib.suppress(OperationalError, sqlite3.Error):
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
    """A copy of the file beside it, before its migration; a copy that could not be
    finished (a full disk) is removed, so that it does not hold the space the user is
    told to free."""
    target = backup_path(path, version)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    except BaseException:
        for part in (target, target.with_name(f"{target.name}-journal")):
            with contextlib.suppress(OSError):
                part.unlink()
        raise
    finally:
        source.close()
    return target


def _uri(path: Path, immutable: bool) -> str:
    # A file on a read-only disk or in a read-only folder is opened "immutable":
    # SQLite then needs no shared-memory file beside it (which it could not make).
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def readable_text(raw: bytes) -> str:
    """Text as SQLite hands it over: a damaged byte (a file altered or decayed) shows
    as U+FFFD rather than failing every read of the record."""
    return raw.decode("utf-8", "replace")


class UnitDatabase(SqliteDatabase):
    """peewee's SQLite database whose connections read damaged text (readable_text)."""

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection = super()._connect()  # type: ignore[misc]
        conn.text_factory = readable_text
        return conn


def _connect(
    path: Path, writable: bool, immutable: bool = False, in_place: bool = False
) -> SqliteDatabase:
    """``writable``: the writer's connection.  A reader's is ``in_place`` when the
    file and its folder may be written: SQLite's own connection then, made read-only
    by ``query_only``, so that the last one to close removes the -wal and -shm files
    as a writer would (a "mode=ro" one leaves them beside the file)."""
    # trusted_schema stays on: the search-index triggers use an FTS5 table, and
    # check_file has verified that the schema is exactly ours.
    if writable:
        return UnitDatabase(str(path), pragmas=WRITE_PRAGMAS, lock_type="IMMEDIATE")
    if in_place:
        return UnitDatabase(str(path), pragmas=READ_PRAGMAS)
    return UnitDatabase(_uri(path, immutable), uri=True, pragmas=READ_PRAGMAS)


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


class ReadOnlyPlace(UnitFileError):
    """The file may be read but not written here: a read-only file, folder or disk."""


def _folder_writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _file_writable(path: Path) -> bool:
    try:
        with path.open("r+b"):
            return True
    except OSError:
        return False


def _read_only_reason(real: Path) -> ReadOnlyPlace | None:
    if not _folder_writable(real.parent):
        return ReadOnlyPlace(
            f"文件所在的文件夹或磁盘是只读的,只能查看、不能修改:{real.parent}",
            f"the folder or disk is read-only; the file can be read, not changed: {real.parent}",
        )
    if not _file_writable(real):
        return ReadOnlyPlace(
            f"文件是只读的,只能查看、不能修改:{real}",
            f"the file is read-only; it can be read, not changed: {real}",
        )
    return None


SIDECARS = ("-wal", "-shm")


def _sidecars(real: Path) -> tuple[dict[str, bool], bool]:
    """Which companions the file has, and whether its log holds anything (a file not
    closed cleanly, or one a writer has open).  Each is looked at once: another
    process closing the file removes them at any moment."""
    sizes: dict[str, int | None] = {}
    for suffix in SIDECARS:
        try:
            sizes[suffix] = Path(f"{real}{suffix}").stat().st_size
        except FileNotFoundError:
            sizes[suffix] = None
    wal = sizes["-wal"]
    return {suffix: size is not None for suffix, size in sizes.items()}, bool(wal)


def _leftovers(real: Path, before: dict[str, bool]) -> None:
    """Remove the empty companions a refused file got from our check, never the file's own."""
    for suffix, existed in before.items():
        companion = Path(f"{real}{suffix}")
        if not existed and companion.exists():
            with contextlib.suppress(OSError):
                companion.unlink()


def _note_takeover(db: SqliteDatabase, lock: FileLock) -> None:
    """A lock taken over from another computer is logged in the file itself."""
    owner = lock.took_over_from
    if owner is None or owner.host == socket.gethostname():
        return
    with connection.bound(db), db.atomic():
        log = list(settings.get("file.lock_takeovers") or [])
        log.append(
            {
                "at": datetime.now().isoformat(timespec="seconds"),
                "by": f"{getpass.getuser()}@{socket.gethostname()}",
                "from": f"{owner.user}@{owner.host}",
                "since": owner.since,
            }
        )
        settings.put("file.lock_takeovers", log[-50:])


def _existing_file(given: Path) -> tuple[Path, os.stat_result]:
    """The real path of a file to open and its status; a missing or empty file is
    refused with a message naming it."""
    real = real_path(given)
    status = _regular_file(real)
    if status is None:
        raise UnitFileError(f"文件不存在:{given}", f"file not found: {given}")
    if status.st_size == 0:
        raise UnitFileError(
            f"文件是空的(0 字节),不是招商台账数据文件:{given}",
            f"the file is empty (0 bytes), not a ledger file: {given}",
        )
    return real, status


def open_store(
    path: str | Path,
    *,
    write: bool = True,
    take_over: bool = False,
    immutable: bool = False,
    defer_data_check: bool = False,
) -> Store:
    """Open an existing unit file for writing (the lock is taken) or for reading.

    ``take_over`` takes a lock another computer left (the user said it is stale);
    ``immutable`` reads a file on a read-only disk.  ``defer_data_check``: a large
    file closed cleanly opens after its header and schema checks, with
    ``data_unchecked`` set (its pages and values for check_data, while it shows).
    Whatever goes wrong becomes a UserError naming the file; nothing is left beside a
    file that was refused."""
    given = Path(path)
    real, status = _existing_file(given)
    if write:
        reason = _read_only_reason(real)
        if reason is not None:
            raise reason
    before, unclean = _sidecars(real)
    in_place = False
    if not write and not immutable:
        if not _folder_writable(real.parent):
            if unclean:
                raise ReadOnlyPlace(
                    f"文件上次未正常关闭,且所在位置只读,无法读到最后保存的记录;"
                    f"请把文件连同同名的 -wal 文件复制到可写的位置后打开:{given}",
                    f"the file was not closed cleanly and its place is read-only, so its "
                    f"last records cannot be read; copy it with its -wal file to a writable "
                    f"place: {given}",
                )
            immutable = True  # a read-only folder or disk: nothing can change the file
        elif not _file_writable(real):
            # A read-only file, taken as unchanging while it is read (no writer of
            # ours can have it open), so nothing is made beside it; its log, if
            # one was left, must be read, which needs a -shm file.
            immutable = not unclean
        else:
            in_place = True
    lock = FileLock(real) if write else None
    try:
        if lock is not None:
            try:
                lock.acquire(take_over=take_over)
            except CannotLock as exc:
                if exc.read_only:
                    raise ReadOnlyPlace(exc.zh, exc.en) from exc
                raise
            # What the companions say is read again under the lock: a writer that
            # held the file until now has just checkpointed and removed its log.
            before, unclean = _sidecars(real)
            unclean = unclean or lock.took_over_from is not None
        check_header(real)
        defer = defer_data_check and not unclean and status.st_size > THOROUGH_BELOW
        version = check_file(real, thorough=unclean, immutable=immutable, defer_data=defer)
        defer = defer and version == LATEST_VERSION
        if version < LATEST_VERSION:
            if lock is None:
                # Reading an older file: it is upgraded once, under the lock.
                if immutable:
                    raise ReadOnlyPlace(
                        f"此文件来自旧版本,需要升级格式,但所在位置只读;请复制到可写的位置后打开:"
                        f"{given}",
                        f"the file must be upgraded, but its place is read-only; copy it to a "
                        f"writable place first: {given}",
                    )
                open_store(real, write=True).close()
                return open_store(given, write=False)
            _backup(real, version)
        db = _connect(real, write, immutable, in_place)
        try:
            db.connect()
            if write:
                migrate(db, version)
                if version < LATEST_VERSION:  # checked by check_file once upgraded
                    bad = find_bad_value(db.connection())
                    if bad is not None:
                        raise bad.error(given)
            with connection.bound(db):
                check_settings(db.connection(), given)
            if lock is not None:
                _note_takeover(db, lock)
        except BaseException:
            db.close()
            raise
    except BaseException as exc:
        if lock is not None:
            lock.release()
        _leftovers(real, before)
        mapped = from_database_error(exc, real)
        if mapped is not None:
            raise mapped from exc
        if isinstance(exc, OSError):
            raise from_os_error(exc, real) from exc
        raise
    store = Store(given, real, db, lock, write, LATEST_VERSION)
    store.data_unchecked = defer
    return store


def open_for_app(path: str | Path, take_over: bool = False) -> Store:
    """The file as the desktop app opens it: for writing, or read-only when it lives in
    a read-only place, with ``read_only_reason`` saying why edits are off.  A large
    file shows before its data is checked (``data_unchecked``; check_data)."""
    try:
        return open_store(path, write=True, take_over=take_over, defer_data_check=True)
    except ReadOnlyPlace as reason:
        store = open_store(path, write=False, defer_data_check=True)
        store.read_only_reason = reason
        return store


def diagnose(store: Store) -> UnitFileError | None:
    """When a read failed: the stored value that cannot be read, named, or None."""
    try:
        bad = find_bad_value(store.db.connection())
    except Exception:  # the file is beyond naming a value: say nothing more precise
        return None
    return bad.error(store.path) if bad is not None else None


def check_data(store: Store) -> UserError | None:
    """The check a large file's opening left for later (open_store's
    ``defer_data_check``): every page (quick_check) and every stored value, on a
    connection of its own (so from any thread); the first fault, named, or None."""
    immutable = not store.writable and not _folder_writable(store.real_path.parent)
    return schema_check_data(store.real_path, immutable)


def check_thoroughly(path: str | Path) -> int:
    """The whole check, whatever the file's size: header, exact schema,
    integrity_check and every stored value (an older file's values once it is
    upgraded).  Returns the format version; nothing is written."""
    given = Path(path)
    real, _ = _existing_file(given)
    check_header(real)
    immutable = not _folder_writable(real.parent)
    if immutable:
        return check_file(real, thorough=True, immutable=True)
    # Held for the check, the lock makes the -wal and -shm files SQLite adds ours to
    # remove; while a writer has the file, they are its own and stay.
    lock = FileLock(real)
    try:
        lock.acquire()
    except UserError:
        return check_file(real, thorough=True)
    before, _ = _sidecars(real)
    try:
        return check_file(real, thorough=True)
    finally:
        _leftovers(real, before)
        lock.release()


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
    try:
        lock.acquire()
    except CannotLock as exc:
        raise UnitFileError(exc.zh, exc.en) from exc
    db = _connect(real, True)
    try:
        db.connect()
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(db, 0)
    except BaseException as exc:
        db.close()
        for leftover in (real, Path(f"{real}-wal"), Path(f"{real}-shm")):
            leftover.unlink(missing_ok=True)
        lock.release()
        mapped = from_database_error(exc, real)
        if mapped is not None:
            raise mapped from exc
        if isinstance(exc, OSError):
            raise from_os_error(exc, real) from exc
        raise
    return Store(given, real, db, lock, True, LATEST_VERSION)
