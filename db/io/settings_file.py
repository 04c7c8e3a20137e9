"""The settings file (``*.zsset``) headquarters hands to the units: industry labels,
priority chains, size bands and the exchange rate, so that every unit counts by the
same rules.  UTF-8 JSON; a unit imports it as one undoable change of its settings.
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.records.ops import OpResult
from db.records.settings import SettingsChange, save_settings
from db.store import settings
from db.store.faults import from_os_error

FORMAT = "zhaoshang-settings"
FORMAT_VERSION = 1
SUFFIX = ".zsset"
MAX_BYTES = 256 * 1024


def settings_values() -> dict[str, Any]:
    """The settings a settings file carries, as the open file has them."""
    rate = settings.exchange_rate()
    priority = settings.priority_system()
    return {
        "local_industries": list(settings.local_industries()),
        "priority": {"name": priority.name, "chains": list(priority.chains)},
        "size_bands": [str(b) for b in settings.size_bands()],
        "exchange_rate": (
            {"usd_cny": str(rate.usd_cny), "date": rate.date.isoformat() if rate.date else None}
            if rate is not None
            else None
        ),
    }


def export_settings(out: str | Path) -> Path:
    """Write the open file's shared settings to ``out`` (through a temporary file)."""
    out = Path(out)
    if out.suffix.lower() != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if not out.parent.is_dir():
        raise UserError(f"文件夹不存在:{out.parent}", f"no such folder: {out.parent}")
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "from": str(settings.get("file.hq_name") or settings.briefing().editor or ""),
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        **settings_values(),
    }
    temp = out.with_name(f".{out.stem}-{secrets.token_hex(4)}{SUFFIX}")
    try:
        temp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temp, out)
    except OSError as exc:
        raise from_os_error(exc, out) from exc
    finally:
        temp.unlink(missing_ok=True)
    return out


def _bad(path: Path, what: str) -> UserError:
    return UserError(f"设置文件无效({what}):{path.name}", f"invalid settings file ({what}): {path}")


def _texts(value: Any, path: Path, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, what)
    return value


def read_settings(path: str | Path) -> SettingsChange:
    """The change a settings file makes, every value checked for its type."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取文件:{path}", f"cannot read {path}: {exc.strerror}") from exc
    if len(raw) > MAX_BYTES:
        raise _bad(path, "文件过大")
    try:
        document: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _bad(path, "不是 JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _bad(path, "不是招商台账设置文件")
    if document.get("format_version") != FORMAT_VERSION:
        raise UserError(
            f"设置文件由更新版本的招商台账导出,请先升级软件:{path.name}",
            f"the settings file is from a newer version of the app; please update: {path}",
        )
    priority = document.get("priority")
    rate = document.get("exchange_rate")
    # null: headquarters has no rate either, and the unit keeps its own.
    if not isinstance(priority, dict) or not (rate is None or isinstance(rate, dict)):
        raise _bad(path, "缺少重点产业链或汇率")
    try:
        bands = [Decimal(str(b)) for b in _texts(document.get("size_bands"), path, "规模档次")]
        usd_cny = Decimal(str(rate.get("usd_cny"))) if rate is not None else None
        rate_date = date.fromisoformat(str(rate["date"])) if rate and rate.get("date") else None
    except (InvalidOperation, ValueError):
        raise _bad(path, "规模档次或汇率不是数字、日期") from None
    name = priority.get("name")
    if not isinstance(name, str):
        raise _bad(path, "重点产业链名称")
    return SettingsChange(
        rate=usd_cny,
        rate_date=rate_date,
        local_industries=_texts(document.get("local_industries"), path, "产业类别"),
        priority_name=name,
        priority_chains=_texts(priority.get("chains"), path, "重点产业链"),
        size_bands=bands,
    )


def import_settings(path: str | Path) -> OpResult[None]:
    """导入设置: take headquarters' shared settings, as one undoable change."""
    return save_settings(read_settings(path))
