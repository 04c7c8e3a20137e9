"""Creating a file: a unit's own file, or a headquarters file (市招商中心)."""

from __future__ import annotations

from pathlib import Path

from db.errors import ValidationError
from db.rules.vocabulary import UNIT_KINDS
from db.store import settings
from db.store.models import Unit
from db.store.unit_file import Store, create_store


def _start_settings(role: str, editor: str) -> None:
    settings.put("file.role", role)
    # No exchange rate: a new file has none until a user enters one with its date.
    briefing = dict(settings.get("briefing"))
    briefing["editor"] = editor
    settings.put("briefing", briefing)


def create_unit_file(
    path: str | Path, unit_name: str, kind: str = "驻点招商办", city: str | None = None
) -> Store:
    """A new file for one reporting unit (驻点招商办, 开发区, 镇区, 园区), open for writing."""
    unit_name = unit_name.strip()
    if not unit_name:
        raise ValidationError("单位名称不能为空", "the unit name is required")
    if kind not in UNIT_KINDS or kind == "招商中心":
        raise ValidationError(
            f"单位类别应为 驻点招商办/开发区/镇区/园区 之一,收到:{kind}",
            f"unknown unit kind: {kind}",
        )
    store = create_store(path)
    try:
        with store.writing():
            unit = Unit.create(name=unit_name, kind=kind, city=(city or None))
            _start_settings(settings.ROLE_UNIT, unit_name)
            settings.put("file.unit_uuid", unit.uuid)
            # Signing (cryptography) is imported when a file is made, not as the app starts.
            from db.store.keys import ensure_key_pair

            ensure_key_pair()
    except BaseException:
        store.close()
        raise
    return store


def create_hq_file(path: str | Path, name: str) -> Store:
    """A new headquarters file (市招商中心), open for writing: it holds the units merged into it."""
    name = name.strip()
    if not name:
        raise ValidationError("总部名称不能为空", "the headquarters name is required")
    store = create_store(path)
    try:
        with store.writing():
            _start_settings(settings.ROLE_HQ, name)
            settings.put("file.hq_name", name)
    except BaseException:
        store.close()
        raise
    return store
