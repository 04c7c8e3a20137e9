"""The ledger import stores, for the generator's ledgers, exactly what it stored before
it was made set-based: every table it writes, the search index, the sort keys, the
revisions, what undo and redo put back (tests/db/ledger_reference.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.db.ledger_reference import REFERENCE, as_json, scenarios


def _first_difference(expected: Any, found: Any) -> str:
    for name, scenario in expected.items():
        if name not in found:
            return f"{name}: missing"
        for key, value in scenario.items():
            if key != "tables" and found[name].get(key) != value:
                return f"{name} {key}: expected {value}, found {found[name].get(key)}"
        for table, rows in scenario["tables"].items():
            got = found[name]["tables"][table]
            header = rows[0]
            if got[0] != header:
                return f"{name} {table}: columns {got[0]} instead of {header}"
            for row, (want, have) in enumerate(zip(rows[1:], got[1:], strict=False), start=1):
                if want != have:
                    columns = [
                        f"{c}: {w!r} → {h!r}"
                        for c, w, h in zip(header, want, have, strict=True)
                        if w != h
                    ]
                    return f"{name} {table} row {row} (id {want[0]}): {'; '.join(columns)}"
            if len(rows) != len(got):
                return f"{name} {table}: {len(got) - 1} rows instead of {len(rows) - 1}"
    return "no difference found"


@pytest.mark.parametrize("held", [None, True, False], ids=["rule", "held", "kept"])
def test_the_import_stores_what_it_stored_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: bool | None
) -> None:
    """As the import decides, and with the file's indexes and triggers held for every
    import or for none (db.io.ledger.bulk), a few rows a chunk (some chunks then only
    update): the same rows, search index and keys."""
    if held is not None:
        monkeypatch.setattr("db.io.ledger.importing.worth_holding", lambda inserts: held)
        monkeypatch.setattr("db.io.ledger.importing.CHUNK", 7)
        monkeypatch.setattr("db.io.ledger.write.CHUNK", 7)
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    found = as_json(scenarios(tmp_path))
    assert found == expected, _first_difference(expected, found)
