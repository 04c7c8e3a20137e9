"""Checking a file before anything of ours reads or writes it.

A unit file is SQLite with our ``application_id``; ``user_version`` is the
schema version.  SQLite runs whatever the file's schema holds (a trigger fires
on our next write, a view answers in place of a table), so the schema must be
exactly the one our migrations produce: every row of ``sqlite_schema`` is
compared, type, name, table and SQL, including SQLite's internal objects, which
are allowed only by their exact known names.  The check reads through a
read-only connection that sees the write-ahead log beside the file too, with
``trusted_schema`` off, so a trigger hidden in the ``-wal`` is found as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from peewee import SqliteDatabase

from db.errors import UnitFileError, UserError
from db.store import migrations
from db.store.faults import from_database_error
from db.store.migrations import LATEST_VERSION, migrate

APPLICATION_ID = 0x5A53_4C47  # "ZSLG": 招商台账 ledger
SQLITE_HEADER = b"SQLite format 3\x00"

SchemaRow = tuple[str, str, str, str]  # type, name, tbl_name, sql
# Files up to this size (some 15,000 projects: every unit's file) get the full
# integrity_check and a read of every stored value at every open, about a second
# at the limit; larger ones when they were not closed cleanly.
THOROUGH_BELOW = 32 * 1024 * 1024

# Internal objects SQLite may add by itself to a file of ours: ANALYZE (run by
# PRAGMA optimize) keeps its statistics in sqlite_stat1.
OPTIONAL_INTERNAL: frozenset[SchemaRow] = frozenset(
    {("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)")}
)


def schema_rows(conn: sqlite3.Connection) -> set[SchemaRow]:
    """Every row of the file's schema, SQLite's own objects included."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
    ).fetchall()
    return {(str(t), str(n), str(tb), str(s)) for t, n, tb, s in rows}


_expected: dict[int, frozenset[SchemaRow]] = {}
_expected_lock = threading.Lock()


def expected_schema(version: int) -> frozenset[SchemaRow]:
    """The schema our migrations produce at ``version``, built in memory once (some
    tens of milliseconds: every ALTER TABLE re-reads the schema); a caller meanwhile
    waits for the build under way rather than making another."""
    with _expected_lock:
        found = _expected.get(version)
        if found is None:
            scratch = SqliteDatabase(":memory:")
            scratch.connect()
            try:
                migrate(scratch, 0, version)
                found = _expected[version] = frozenset(schema_rows(scratch.connection()))
            finally:
                scratch.close()
        return found


def prepare_expected_schema(cache_folder: Path | None = None) -> None:
    """Have the schema files are checked against ready for the first file opened; a
    program about to open a file calls this as it starts.

    With ``cache_folder`` (the app's own data folder), the schema built at an earlier
    start is read from there, which takes a millisecond, when it was built by these
    very migrations on this very SQLite (its name holds a digest of both); otherwise it
    is built in a thread of its own (SQLite's work: the caller goes on meanwhile) and
    kept there for the next start.  The cache only saves time: a file is still
    compared with every row of it, and a cache that cannot be read or written is
    simply built again."""
    if LATEST_VERSION in _expected:
        return
    cache = _cache_file(cache_folder) if cache_folder is not None else None
    if cache is not None and _read_cache(cache):
        return
    threading.Thread(
        target=_build_and_keep, args=(cache,), name="expected-schema", daemon=True
    ).start()


def _cache_file(folder: Path) -> Path | None:
    try:
        source = Path(migrations.__file__).read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(source + sqlite3.sqlite_version.encode()).hexdigest()[:20]
    return folder / f"expected-schema-v{LATEST_VERSION}-{digest}.json"


def _read_cache(cache: Path) -> bool:
    try:
        rows = json.loads(cache.read_text(encoding="utf-8"))
        found = frozenset((str(t), str(n), str(tb), str(s)) for t, n, tb, s in rows)
    except (OSError, ValueError, TypeError):
        return False
    if not found:
        return False
    with _expected_lock:
        _expected.setdefault(LATEST_VERSION, found)
    return True


def _build_and_keep(cache: Path | None) -> None:
    found = expected_schema(LATEST_VERSION)
    if cache is None:
        return
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.part")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(sorted(found), ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cache)
    except OSError:  # a read-only or full disk: built at every start
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def schema_difference(found: set[SchemaRow], version: int) -> str | None:
    """What is extra or missing in ``found``, in words; None when it is ours."""
    expected = expected_schema(version)
    extra = sorted(found - expected - OPTIONAL_INTERNAL)
    missing = sorted(expected - found)
    if not extra and not missing:
        return None
    if extra:
        kind, name = extra[0][0], extra[0][1]
        same_name = [row for row in missing if row[1] == name]
        if same_name:
            return f"{kind} “{name}” 与本软件的定义不同 / {kind} {name} differs from ours"
        return f"多出 {kind} “{name}” / an extra {kind} {name}"
    kind, name = missing[0][0], missing[0][1]
    return f"缺少 {kind} “{name}” / {kind} {name} is missing"


def check_header(path: Path) -> bool:
    """Whether the file is empty (False) or a file of ours (True); refuses anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise UnitFileError(
            f"无法读取文件:{path}({exc.strerror})", f"cannot read {path}: {exc.strerror}"
        ) from exc
    if not head:
        return False
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise UnitFileError(f"不是招商台账数据文件:{path}", f"not a Zhaoshang ledger file: {path}")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise UnitFileError(
            f"这是其他程序的数据库,不是招商台账数据文件:{path}",
            f"this SQLite file belongs to another program: {path}",
        )
    return True


def read_only_connection(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write and trusts nothing in the file's schema;
    ``immutable`` for a file on a read-only disk (no shared memory beside it)."""
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage is found, not raised
    for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def check_file(
    path: Path, thorough: bool = False, immutable: bool = False, defer_data: bool = False
) -> int:
    """Integrity, version and exact schema of an existing file; returns its version.

    Nothing is written: the check runs before any statement of ours could fire a
    trigger of the file's.  ``thorough`` (a file not closed cleanly, or a small one)
    runs ``integrity_check``, which also compares every index with its table,
    instead of ``quick_check``, and reads every stored value (db.store.values).
    ``defer_data``: a large file of the current format, closed cleanly, gets only the
    header, version and schema checks here; its pages and values are checked by
    check_data while it is shown (the desktop app holds edits until then)."""
    thorough = thorough or path.stat().st_size <= THOROUGH_BELOW
    try:
        conn = read_only_connection(path, immutable)
    except sqlite3.Error as exc:
        fault = from_database_error(exc, path)
        if fault is not None:
            raise fault from exc
        raise UnitFileError(f"无法打开文件:{path}", f"cannot open {path}: {exc}") from exc
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise UnitFileError(
                f"这是其他程序的数据库,不是招商台账数据文件:{path}",
                f"this SQLite file belongs to another program: {path}",
            )
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > LATEST_VERSION:
            raise UnitFileError(
                f"此文件由更新版本的招商台账创建(格式版本 {version}),请先升级软件再打开:{path}",
                f"written by a newer version of the app (format {version}, this app reads up "
                f"to {LATEST_VERSION}); please upgrade: {path}",
            )
        if version < 0:
            raise UnitFileError(
                f"文件的格式版本无效({version}),不是招商台账写出的文件:{path}",
                f"invalid format version {version}; not written by this app: {path}",
            )
        found = schema_rows(conn)
        difference = schema_difference(found, version)
        if difference is not None:
            raise UnitFileError(
                f"文件结构与招商台账格式不符,可能被其他程序修改过,为安全起见不予打开"
                f"({difference.split(' / ')[0]}):{path}",
                f"the file's structure is not the ledger's ({difference.split(' / ')[-1]}); "
                f"refused for safety: {path}",
            )
        if defer_data and not thorough and version == LATEST_VERSION:
            return version
        _check_pages(conn, path, thorough)
        if thorough and version == LATEST_VERSION:
            # Every stored value its field can read (an older file: once upgraded).
            from db.store.values import find_bad_value

            bad = find_bad_value(conn)
            if bad is not None:
                raise bad.error(path)
        return version
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # (SQLite's message about a damaged schema may itself hold damaged text.)
        fault = from_database_error(exc, path)  # a full disk is no damaged file
        if fault is not None:
            raise fault from exc
        raise UnitFileError(
            f"文件已损坏或不是招商台账数据文件:{path}",
            f"damaged or not a ledger file ({exc}): {path}",
        ) from exc
    finally:
        conn.close()


def _check_pages(conn: sqlite3.Connection, path: Path, thorough: bool) -> None:
    check = "integrity_check" if thorough else "quick_check"
    problems = [str(row[0]) for row in conn.execute(f"PRAGMA {check}").fetchall()]
    if problems != ["ok"]:
        raise UnitFileError(
            f"文件已损坏,无法打开:{path}。请使用最近的备份。",
            f"the file is damaged ({problems[0]}); please use a recent backup: {path}",
        )


def check_data(path: Path, immutable: bool = False) -> UserError | None:
    """What check_file left for later (``defer_data``): quick_check of every page, then
    every stored value; the first fault found, or None.  On a connection of its own,
    read-only, so from any thread while the file is open."""
    from db.store.values import find_bad_value

    try:
        conn = read_only_connection(path, immutable)
    except sqlite3.Error as exc:
        return UnitFileError(f"无法打开文件:{path}", f"cannot open {path}: {exc}")
    try:
        _check_pages(conn, path, thorough=False)
        bad = find_bad_value(conn)
        return bad.error(path) if bad is not None else None
    except UserError as fault:
        return fault
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return from_database_error(exc, path) or UnitFileError(
            f"文件已损坏:{path}。请使用最近的备份。",
            f"the file is damaged ({exc}); please use a recent backup: {path}",
        )
    finally:
        conn.close()
