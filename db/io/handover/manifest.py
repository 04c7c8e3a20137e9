"""The handover file (交接文件) and its manifest.

A handover file (``*.zshd``) is a ZIP archive of exactly three members, stored
uncompressed:

- ``data.zsdb``: a consistent snapshot of the unit's file (SQLite, rollback
  journal, the unit's private key left out);
- ``manifest.json``: who sent it and what it holds (``Manifest``), UTF-8 JSON;
- ``manifest.sig``: the Ed25519 signature of the exact bytes of ``manifest.json``
  by the unit file's own key, base64.

The manifest names the unit (UUID and name), the export (a UUID and the unit's
sequence number, one more at each export), the app and schema version, the time
of export, the rows of each table, the SHA-256 of ``data.zsdb`` and the unit's
public key.  Any byte changed after signing breaks either the signature or the
hash.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from db.errors import UserError

FORMAT = "zhaoshang-handover"
FORMAT_VERSION = 1
SUFFIX = ".zshd"
DATA = "data.zsdb"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MEMBERS = frozenset({DATA, MANIFEST, SIGNATURE})
MAX_MANIFEST_BYTES = 64 * 1024

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class HandoverRefused(UserError):
    """A handover file that headquarters will not merge; ``str()`` says why in one line."""


@dataclass(frozen=True)
class Manifest:
    unit_uuid: str
    unit_name: str
    export_uuid: str
    sequence: int
    app_version: str
    schema_version: int
    exported_at: str  # UTC, ISO 8601
    row_counts: dict[str, int]
    data_sha256: str
    public_key: str
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, indent=1).encode(
            "utf-8"
        )

    @property
    def exported(self) -> datetime:
        """The time of export in UTC, without a zone (as the file stores times)."""
        when = datetime.fromisoformat(self.exported_at)
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when


def _refuse(zh: str, en: str) -> HandoverRefused:
    return HandoverRefused(f"交接文件清单无效:{zh}", f"invalid handover manifest: {en}")


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest of these bytes, every field checked; HandoverRefused otherwise."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise _refuse("清单过大", "the manifest is too large")
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _refuse("不是有效的 JSON", "not valid JSON") from None
    if not isinstance(data, dict):
        raise _refuse("不是 JSON 对象", "not a JSON object")
    if data.get("format") != FORMAT:
        raise _refuse("不是招商台账交接文件", "not a Zhaoshang handover")
    if data.get("format_version") != FORMAT_VERSION:
        raise HandoverRefused(
            "交接文件由更新版本的招商台账导出,请先升级软件",
            "the handover was written by a newer version of the app; please update the app",
        )
    expected = {field for field in Manifest.__dataclass_fields__}
    if set(data) != expected:
        raise _refuse("字段不符", f"fields {sorted(set(data) ^ expected)}")
    texts = (
        "unit_uuid",
        "unit_name",
        "export_uuid",
        "app_version",
        "exported_at",
        "data_sha256",
        "public_key",
    )
    if not all(isinstance(data[key], str) and data[key] for key in texts):
        raise _refuse("字段类型不符", "a text field is empty or not text")
    numbers = ("sequence", "schema_version")
    if not all(type(data[key]) is int and data[key] >= 0 for key in numbers):
        raise _refuse("序号或格式版本无效", "sequence or schema version is not a number")
    for key in ("unit_uuid", "export_uuid"):
        if not _UUID.fullmatch(data[key]):
            raise _refuse(f"{key} 不是 UUID", f"{key} is not a UUID")
    if not _SHA256.fullmatch(data["data_sha256"]):
        raise _refuse("数据校验值无效", "data_sha256 is not a SHA-256")
    counts = data["row_counts"]
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items()
    ):
        raise _refuse("行数无效", "row_counts are not counts")
    try:
        datetime.fromisoformat(data["exported_at"])
    except ValueError:
        raise _refuse("导出时间无效", "exported_at is not a time") from None
    return Manifest(**data)
