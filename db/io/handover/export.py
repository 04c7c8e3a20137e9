"""Exporting a unit's handover file (导出交接文件).

The unit's file gets the next sequence number of its handovers; a consistent
snapshot of it is taken with ``VACUUM INTO`` (never a raw copy of a live WAL
file), turned into a rollback-journal file without the unit's private key, and
packed with its signed manifest.  The archive is written under a temporary name
in the target folder, flushed to disk, checked as headquarters will check it,
and only then renamed: an interrupted export leaves nothing under the final name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db.errors import UserError
from db.io.handover.manifest import DATA, MANIFEST, SIGNATURE, SUFFIX, Manifest
from db.io.handover.verify import read_package
from db.store import keys, settings
from db.store.connection import database
from db.store.faults import DiskFull, NotPermitted, from_database_error, from_os_error
from db.store.models import RECORDS, Unit, new_uuid
from db.store.unit_file import Store
from db.version import app_version

SEQUENCE = "handover.sequence"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class Exported:
    path: Path
    manifest: Manifest


def handover_name(unit_name: str, when: datetime, sequence: int) -> str:
    """上海驻点招商办-交接-20261201-003.zshd: the unit, the day, the number."""
    safe = _UNSAFE.sub("_", unit_name).strip("._") or "unit"
    return f"{safe}-交接-{when:%Y%m%d}-{sequence:03d}{SUFFIX}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _next_sequence(store: Store) -> tuple[Unit, int, str]:
    """The unit, the number of this handover and the file's public key.  The number
    is kept in the file only once the handover file is written (``_keep_sequence``):
    an export that fails changes nothing (but the key pair an old file lacked)."""
    with store.writing():
        if settings.is_headquarters():
            raise UserError(
                "总部文件不需要导出交接文件;请在各单位的文件中导出",
                "a headquarters file is not handed over; export from a unit's file",
            )
        unit = settings.own_unit()
        if unit is None:
            raise UserError("此文件没有所属单位,无法导出", "this file has no unit to export")
        public = keys.ensure_key_pair()
        sequence = int(settings.get(SEQUENCE) or 0) + 1
    return unit, sequence, public


def _keep_sequence(store: Store, sequence: int) -> None:
    with store.writing():
        settings.put(SEQUENCE, sequence)


def _snapshot(store: Store, target: Path, sequence: int) -> dict[str, int]:
    """A consistent copy of the file at ``target``: rollback journal, no private key,
    the number of this handover as the file will keep it."""
    with store.bound():
        database.execute_sql("VACUUM INTO ?", [str(target)])
    conn = sqlite3.connect(target)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("DELETE FROM setting WHERE key = ?", [keys.PRIVATE_KEY])
        number = json.dumps(sequence)
        kept = conn.execute(
            "UPDATE setting SET value = ?, revision = revision + 1 WHERE key = ?",
            [number, SEQUENCE],
        )
        if kept.rowcount == 0:
            conn.execute(
                "INSERT INTO setting (uuid, revision, updated_at, deleted, key, value) "
                "VALUES (?, 1, ?, 0, ?, ?)",
                [new_uuid(), datetime.now().isoformat(sep=" "), SEQUENCE, number],
            )
        conn.commit()
        conn.execute("VACUUM")  # no free page keeps what was deleted
        counts = {
            model._meta.table_name: int(
                conn.execute(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]
            )
            for model in RECORDS
        }
    finally:
        conn.close()
    return counts


def export_handover(store: Store, folder: str | Path, now: datetime | None = None) -> Exported:
    """Write this unit's handover file into ``folder``; ``store`` is open for writing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"文件夹不存在:{folder}", f"no such folder: {folder}")
    unit, sequence, public = _next_sequence(store)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-export-"))
    final = folder / handover_name(unit.name, when.astimezone(), sequence)
    partial = folder / f".{final.stem}-{secrets.token_hex(4)}.part"
    try:
        data = work / DATA
        counts = _snapshot(store, data, sequence)
        manifest = Manifest(
            unit_uuid=unit.uuid,
            unit_name=unit.name,
            export_uuid=new_uuid(),
            sequence=sequence,
            app_version=app_version(),
            schema_version=store.version,
            exported_at=when.replace(microsecond=0).isoformat(),
            row_counts=counts,
            data_sha256=_sha256(data),
            public_key=public,
        )
        raw = manifest.to_bytes()
        with store.bound():
            signature = keys.sign(raw)
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, raw)
            archive.writestr(SIGNATURE, signature)
            archive.write(data, DATA)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        read_package(partial)  # what headquarters will check first
        os.replace(partial, final)
        _fsync_folder(folder)
        try:
            _keep_sequence(store, sequence)
        except BaseException:
            final.unlink(missing_ok=True)  # not kept: the next export is this number again
            raise
    except UserError:
        raise
    except OSError as exc:
        fault = from_os_error(exc, final)
        if isinstance(fault, DiskFull | NotPermitted):
            raise fault from exc
        raise UserError(
            f"无法写入交接文件:{final}({exc.strerror})",
            f"cannot write the handover file {final}: {exc.strerror}",
        ) from exc
    except Exception as exc:  # the snapshot, in the temporary folder: a database error
        mapped = from_database_error(exc, Path(tempfile.gettempdir()) / DATA)
        if mapped is not None:
            raise mapped from exc
        raise
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return Exported(final, manifest)
