"""What the window showed for each file — the tab, the overview's period, the
ledger's filters and sort, the window's size — kept in the user's settings under a
key of the file's real path, so that reopening a file (or restarting the program)
shows it as it was left."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

GROUP = "views"


def file_key(path: Path) -> str:
    """The same key for every way of naming one file (a link, a ``..`` path)."""
    try:
        real = path.resolve()
    except OSError:
        real = path.absolute()
    return hashlib.sha256(str(real).encode("utf-8")).hexdigest()[:24]


def load(settings: QSettings, path: Path) -> dict[str, Any] | None:
    raw = settings.value(f"{GROUP}/{file_key(path)}", "")
    try:
        state = json.loads(str(raw)) if raw else None
    except ValueError:
        return None
    return state if isinstance(state, dict) else None


def save(settings: QSettings, path: Path, state: dict[str, Any]) -> None:
    settings.setValue(f"{GROUP}/{file_key(path)}", json.dumps(state, ensure_ascii=False))


def load_geometry(settings: QSettings, path: Path) -> QByteArray | None:
    value = settings.value(f"{GROUP}/{file_key(path)}-geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(settings: QSettings, path: Path, geometry: QByteArray) -> None:
    settings.setValue(f"{GROUP}/{file_key(path)}-geometry", geometry)
