"""Checking a handover file before a row of it is read.

In order, each step refusing with a one-line reason: the archive holds exactly
its three members within size limits; the manifest is well formed; its
signature is valid for the public key it names, and that key is the one
headquarters pinned for the unit (if any); ``data.zsdb`` is extracted into a
private folder and its SHA-256 matches the manifest; the copy is a file of ours
(header, ``application_id``, the exact schema, ``quick_check``, all through a
read-only connection that trusts nothing in it); an older schema is migrated in
the copy, a newer one is refused; and the copy is the unit's file the manifest
names, with the rows it counts.  Nothing is written to headquarters' file here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import UnitFileError
from db.io.handover.manifest import (
    DATA,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MEMBERS,
    SIGNATURE,
    HandoverRefused,
    Manifest,
    parse_manifest,
)
from db.store import keys
from db.store.migrations import LATEST_VERSION
from db.store.models import RECORDS
from db.store.schema import check_file, check_header, read_only_connection
from db.store.settings import ROLE_UNIT
from db.store.unit_file import open_store

MAX_DATA_BYTES = 4 * 1024**3  # 4 GiB: a province's worth of projects
MAX_SIGNATURE_BYTES = 1024


@dataclass(frozen=True)
class Package:
    """What the archive says, before its data is trusted."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: str


@dataclass
class Verified:
    """A handover that passed every check: its manifest and the private checked copy."""

    manifest: Manifest
    copy: Path
    migrated_from: int | None = None
    _folder: Path | None = field(default=None, repr=False)

    def cleanup(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def _refused(path: Path, zh: str, en: str) -> HandoverRefused:
    return HandoverRefused(f"{zh}:{path.name}", f"{en}: {path.name}")


def read_package(path: Path) -> Package:
    """The manifest and signature of a handover archive, its layout checked."""
    try:
        status = path.stat()
    except OSError as exc:
        raise _refused(path, "无法读取文件", f"cannot read the file ({exc.strerror})") from exc
    if not stat.S_ISREG(status.st_mode):
        raise _refused(path, "这不是普通文件", "not a regular file")
    if not zipfile.is_zipfile(path):
        raise _refused(path, "不是招商台账交接文件(文件损坏或格式不对)", "not a handover file")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if len(names) != len(MEMBERS) or set(names) != MEMBERS:
                raise _refused(path, "交接文件内容不完整或多出文件", "unexpected members")
            by_name = {info.filename: info for info in infos}
            if by_name[MANIFEST].file_size > MAX_MANIFEST_BYTES:
                raise _refused(path, "交接文件清单过大", "the manifest is too large")
            if by_name[SIGNATURE].file_size > MAX_SIGNATURE_BYTES:
                raise _refused(path, "签名过大", "the signature is too large")
            if by_name[DATA].file_size > MAX_DATA_BYTES:
                raise _refused(path, "数据过大", "the data is too large")
            raw = archive.read(MANIFEST)
            signature = archive.read(SIGNATURE).decode("ascii", errors="replace").strip()
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise _refused(path, "交接文件已损坏", f"the handover file is damaged ({exc})") from exc
    manifest = parse_manifest(raw)
    if not keys.verify(manifest.public_key, raw, signature):
        raise _refused(
            path,
            "签名无效:交接文件在导出后被改动过,或不是该单位导出的",
            "the signature does not match: altered after export, or not exported by the unit",
        )
    return Package(manifest, raw, signature)


def _extract(path: Path, target: Path) -> str:
    """Write ``data.zsdb`` to ``target``, returning its SHA-256 (read once, in blocks)."""
    digest = hashlib.sha256()
    written = 0
    with (
        zipfile.ZipFile(path) as archive,
        archive.open(DATA) as source,
        target.open("wb") as out,
    ):
        for block in iter(lambda: source.read(1 << 20), b""):
            written += len(block)
            if written > MAX_DATA_BYTES:
                raise _refused(path, "数据过大", "the data is too large")
            digest.update(block)
            out.write(block)
    return digest.hexdigest()


def _check_copy(path: Path, copy: Path, manifest: Manifest) -> None:
    conn = read_only_connection(copy)
    try:
        rows = dict(conn.execute("SELECT key, value FROM setting WHERE deleted = 0").fetchall())
        try:
            role = json.loads(rows.get("file.role", json.dumps(ROLE_UNIT)))
            unit_uuid = json.loads(rows.get("file.unit_uuid", "null"))
        except ValueError:
            raise _refused(path, "数据中的设置无效", "the data's settings are not valid") from None
        if role != ROLE_UNIT:
            raise _refused(path, "这不是单位的数据文件", "the data is not a unit's file")
        if unit_uuid != manifest.unit_uuid:
            raise _refused(path, "数据与交接清单中的单位不符", "the data is not the named unit's")
        unit = conn.execute(
            "SELECT name FROM unit WHERE uuid = ? AND deleted = 0", [manifest.unit_uuid]
        ).fetchone()
        if unit is None:
            raise _refused(
                path, "数据中没有交接清单所列的单位", "the named unit is not in the data"
            )
        for model in RECORDS:
            table = model._meta.table_name
            count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if manifest.row_counts.get(table) != count:
                raise _refused(path, "数据行数与交接清单不符", f"row count of {table} differs")
    finally:
        conn.close()


def check_data(path: str | Path) -> Verified:
    """The checks of a handover that need nothing of headquarters' file: the archive,
    the signature, the data's hash, and the private copy's header, exact schema,
    integrity_check, every stored value and version.  They may run in a thread of
    their own (their own connections to the private copy, no other), so that the next
    file is checked while one is merged (db.io.handover.merge).  The copy of an older
    version is not migrated yet: ``verify_handover`` does that."""
    path = Path(path)
    manifest = read_package(path).manifest
    _refuse_newer(path, manifest)
    folder = Path(tempfile.mkdtemp(prefix="zhaoshang-handover-"))
    os.chmod(folder, 0o700)
    verified = Verified(manifest, folder / DATA, _folder=folder)
    try:
        if _extract(path, verified.copy) != manifest.data_sha256:
            raise _refused(path, "数据校验值与交接清单不符,文件已被改动或损坏", "data hash differs")
        with _as_refusal(path):
            check_header(verified.copy)
            # Whatever its size: integrity_check and every stored value.
            version = check_file(verified.copy, thorough=True)
        if version != manifest.schema_version:
            raise _refused(path, "数据的格式版本与交接清单不符", "schema version differs")
    except BaseException:
        verified.cleanup()
        raise
    return verified


def verify_handover(
    path: str | Path, pinned_key: str | None, checked: Callable[[], Verified] | None = None
) -> Verified:
    """Every check of a handover file; ``pinned_key`` is the unit's key at headquarters.

    ``checked``: what ``check_data`` found for this file beforehand (in another
    thread; its refusal is raised when called), taken after the checks of the key and
    the version, as if the data were checked now, and used when the file's manifest is
    still the one it checked; otherwise the data is checked now."""
    path = Path(path)
    manifest = read_package(path).manifest
    try:
        if pinned_key is not None and pinned_key != manifest.public_key:
            raise _refused(
                path,
                f"“{manifest.unit_name}”的交接文件须由总部已登记的密钥签名,此文件的签名密钥不同"
                "(可能是复制的文件,或该单位换了电脑);如确认无误,请在总部重新登记该单位",
                f"signed by another key than the one registered for {manifest.unit_name}; "
                "re-register the unit at headquarters if this is expected",
            )
        _refuse_newer(path, manifest)
    except HandoverRefused:
        discard_check(checked)
        raise
    verified = checked() if checked is not None else check_data(path)
    if verified.manifest != manifest:  # the file was replaced since it was checked
        verified.cleanup()
        verified = check_data(path)
    try:
        if manifest.schema_version < LATEST_VERSION:
            with _as_refusal(path):
                open_store(verified.copy).close()  # migrated in the private copy only
            verified.migrated_from = manifest.schema_version
        _check_copy(path, verified.copy, manifest)
    except BaseException:
        verified.cleanup()
        raise
    return verified


def discard_check(checked: Callable[[], Verified] | None) -> None:
    """A check made beforehand for nothing (the file is refused before its data is
    looked at, known already, or not merged): its private copy is removed once it is
    done; its own refusal or failure says nothing to anyone."""
    if checked is not None:
        with contextlib.suppress(Exception):
            checked().cleanup()


def _refuse_newer(path: Path, manifest: Manifest) -> None:
    if manifest.schema_version > LATEST_VERSION:
        raise _refused(
            path,
            "交接文件由更新版本的招商台账导出,请先升级软件",
            "written by a newer version of the app; please update the app",
        )


@contextlib.contextmanager
def _as_refusal(path: Path) -> Iterator[None]:
    """A check of the copy that fails as a unit file: the handover is refused with it."""
    try:
        yield
    except UnitFileError as exc:
        raise HandoverRefused(
            f"交接数据未通过检查:{exc.zh.rsplit(':', 1)[0]}:{path.name}",
            f"the data failed its check: {exc.en.rsplit(': ', 1)[0]}: {path.name}",
        ) from exc
