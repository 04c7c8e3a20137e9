"""The article's city split into one file per unit, each with its first handover, and a
reference headquarters file holding every row (the handover tests share it)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from db.io.demo import ARTICLE_ROWS, EXCHANGE_RATE, EXCHANGE_RATE_DATE
from db.io.handover.export import export_handover
from db.io.ledger.importing import import_rows
from db.records.files import create_hq_file, create_unit_file
from db.records.settings import put_exchange_rate
from db.records.units import guess_unit_kind
from db.store.unit_file import Store


def rows_by_unit() -> dict[str, list[dict[str, object]]]:
    units: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in ARTICLE_ROWS:
        units[str(row["责任单位"])].append(row)
    return units


def unit_file(path: Path, name: str, rows: list[dict[str, object]]) -> Store:
    store = create_unit_file(path, name, kind=guess_unit_kind(name))
    with store.writing():
        put_exchange_rate(EXCHANGE_RATE, EXCHANGE_RATE_DATE)
        import_rows(list(enumerate(rows, start=2)), "台账.xlsx")
    return store


def hq_file(path: Path) -> Store:
    store = create_hq_file(path, "市招商中心")
    with store.writing():
        put_exchange_rate(EXCHANGE_RATE, EXCHANGE_RATE_DATE)
    return store


def hq_digest(path: Path) -> str:
    """A hash of every row of every table of headquarters' file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


@dataclass
class City:
    folder: Path
    handovers: dict[str, Path]  # unit name → its first handover
    units: dict[str, Path]  # unit name → its file
    reference: Path  # one headquarters file that imported every row


def build_city(folder: Path) -> City:
    """Every unit of the article in a file of its own, with its first handover."""
    (folder / "out").mkdir()
    handovers, units = {}, {}
    for name, rows in rows_by_unit().items():
        path = folder / f"{name}.zsdb"
        store = unit_file(path, name, rows)
        handovers[name] = export_handover(store, folder / "out").path
        store.close()
        units[name] = path
    reference = hq_file(folder / "reference.zsdb")
    with reference.writing():
        import_rows(list(enumerate(ARTICLE_ROWS, start=2)), "全市台账.xlsx")
    reference.close()
    return City(folder, handovers, units, folder / "reference.zsdb")
