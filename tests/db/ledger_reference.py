"""What the ledger import stores, as a dump of every table it writes, for a fixed set
of imports of the seeded generator's ledgers (bench/generator.py).

The dump holds every column a user or a later merge reads, with the values that
cannot repeat from one run to the next written as classes: a UUID is left out (its
uniqueness is checked apart), a time (updated_at, recorded_at) becomes the step of
the scenario it was written in, the import day becomes TODAY and the year of an
automatic code YEAR, a sort key its digest.  tests/data/ledger_import_reference.json is the dump the
import wrote before it was made set-based (issue 11); test_ledger_reference.py
compares with it.

    python -m tests.db.ledger_reference   # rewrites the reference (only on purpose)
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.generator import generate, ledger_row, write_ledger, write_ledger_rows
from db.io.ledger.importing import import_ledger
from db.records.files import create_hq_file, create_unit_file
from db.records.ops import OpResult
from db.store.connection import database
from db.store.models import utc_now

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "ledger_import_reference.json"
TABLES = ("unit", "investor", "project", "stage_event")
LEFT_OUT = {"uuid", "merged_unit", "merged_export", "merged_at", "merged_revision"}
LEFT_OUT |= {"merged_hq_revision"}
TIMES = {"updated_at", "recorded_at"}

Dump = dict[str, list[list[Any]]]


class Steps:
    """The moments between the steps of a scenario, to name each stored time by its step."""

    def __init__(self) -> None:
        self.marks: list[str] = []

    def mark(self) -> None:
        self.marks.append(utc_now().isoformat(" "))

    def of(self, stamp: str) -> str:
        return f"step{bisect.bisect_right(self.marks, str(stamp))}"


def _plain(value: Any, column: str, steps: Steps) -> Any:
    if value is None:
        return None
    if column in TIMES:
        return steps.of(value)
    if column.endswith("_sort_key"):
        # long and many: their digest says as much
        return hashlib.sha1(str(value).encode()).hexdigest()[:12]
    if isinstance(value, str):
        today = date.today()
        return value.replace(today.isoformat(), "TODAY").replace(f"ZS-{today.year}-", "ZS-YEAR-")
    return value


def dump(steps: Steps) -> Dump:
    """Every table the import writes, by id, and the search index by rowid."""
    out: Dump = {}
    for table in TABLES:
        cursor = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY id')
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        uuids = [r[names.index("uuid")] for r in rows]
        assert all(uuids) and len(set(uuids)) == len(uuids), table
        kept = [i for i, n in enumerate(names) if n not in LEFT_OUT]
        out[table] = [[names[i] for i in kept]] + [
            [_plain(r[i], names[i], steps) for i in kept] for r in rows
        ]
    search = database.execute_sql(
        'SELECT rowid, name, investor, notes FROM "project_search" ORDER BY rowid'
    ).fetchall()
    out["project_search"] = [["rowid", "name", "investor", "notes"]] + [
        [_plain(v, "", steps) for v in r] for r in search
    ]
    return out


def _changes(result: OpResult[Any]) -> list[Any]:
    return [sorted(result.changes.tables), len(result.changes.project_uuids)]


def second_ledger(first: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first ledger again, changed as an office changes its ledger in a month: figures
    and texts edited, rows moved on a stage or dropped, rows left out, new rows without
    a code (some naming investors the file has, by credit code or by name), qualifiers."""
    rows: list[dict[str, Any]] = []
    for i, original in enumerate(first):
        row = dict(original)
        if i % 9 == 8:
            continue  # left out: the project stays as it is
        if i % 3 == 0:
            column = "总投资(万美元)" if row["内外资"] == "外资" else "总投资(万元)"
            row[column] = Decimal(row[column]) + 1
        if i % 5 == 1 and row["项目阶段"] not in ("中止",):
            row["项目阶段"] = "中止"
            if i % 10 == 1:
                row["备注"] = "资金未到位"
        if i % 7 == 2:
            row["责任人"] = "张三"
            row["信息来源"] = "以商引商"
            row["预计年销售(万元)"] = "约20000"
            row["预计年税收(万元)"] = "1500以上"
            row["新增就业(人)"] = 120
            row["用地(亩)"] = "约" + str(row["用地(亩)"] or 35)
        if i % 11 == 3 and row["项目阶段"] == "签约":
            row["项目阶段"] = "开工"
            row["开工日期"] = date(2024, 3, 4)
        if i % 13 == 4 and row["项目阶段"] == "签约":
            row["项目阶段"] = "注册"  # only the derived stage changes
        if i % 17 == 5:
            row["建设性质"] = "扩建"
            row["需协调问题"] = "用地指标"
        if i % 4 == 2:
            row["来源地"] = None  # an empty cell clears it (an investor keeps its origin)
        rows.append(row)
    for i, original in enumerate(first[:12]):
        row = dict(original)
        row["项目编号"] = None
        row["项目名称"] = f"二期{original['项目名称']}"
        if i % 3 == 1:
            row["投资方"] = f"{original['投资方']}(新名)"  # found by its credit code
        if i % 3 == 2:
            row["统一社会信用代码"] = None  # found by name
        if i % 4 == 3:
            row["投资方"] = f"新设{i}科技有限公司"
            row["统一社会信用代码"] = None
            row["来源地"] = "南京"
        rows.append(row)
    return rows


def scenarios(folder: Path) -> dict[str, Any]:
    """The dumps after each step of each scenario, and what each operation said."""
    out: dict[str, Any] = {}

    steps = Steps()
    steps.mark()
    store = create_unit_file(folder / "unit.zsdb", "开发区", kind="开发区").make_default()
    try:
        projects = generate(60, 1, seed=11)
        steps.mark()
        first = import_ledger(write_ledger(folder / "台账.csv", projects))
        out["unit.first"] = {"changes": _changes(first), "tables": dump(steps)}
        rows = second_ledger([ledger_row(p) for p in projects])
        steps.mark()
        second = import_ledger(write_ledger_rows(folder / "台账二.xlsx", rows))
        out["unit.second"] = {
            "changes": _changes(second),
            "result": _counts(second.value),
            "tables": dump(steps),
        }
        steps.mark()
        undone = second.undo()
        out["unit.undo"] = {"changes": _changes(undone), "tables": dump(steps)}
        steps.mark()
        redone = undone.undo()
        out["unit.redo"] = {"changes": _changes(redone), "tables": dump(steps)}
    finally:
        store.close()

    steps = Steps()
    steps.mark()
    store = create_hq_file(folder / "hq.zsdb", "市招商中心").make_default()
    try:
        projects = generate(40, 3, seed=5)
        steps.mark()
        result = import_ledger(write_ledger(folder / "全市台账.xlsx", projects))
        out["hq.first"] = {
            "changes": _changes(result),
            "result": _counts(result.value),
            "unknown_chains": [list(c) for c in result.value.unknown_chains],
            "tables": dump(steps),
        }
    finally:
        store.close()
    return out


def _counts(value: Any) -> list[Any]:
    """What an import says it did: projects created and updated, units created."""
    return [value.created, value.updated, list(value.units_created)]


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime | Decimal):
        return str(value)
    raise TypeError(type(value))


def as_json(found: dict[str, Any]) -> Any:
    """``found`` as it reads back from the reference file (tuples as lists…)."""
    return json.loads(json.dumps(found, ensure_ascii=False, default=_json_default))


def as_text(found: dict[str, Any]) -> str:
    """The reference file: one table row a line, so that a difference reads as a diff."""
    lines = ["{"]
    for s, (name, scenario) in enumerate(found.items()):
        lines.append(f"{json.dumps(name)}: {{")
        for key, value in scenario.items():
            if key != "tables":
                lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
        lines.append('  "tables": {')
        for t, (table, rows) in enumerate(scenario["tables"].items()):
            lines.append(f"    {json.dumps(table)}: [")
            body = [
                "      " + json.dumps(row, ensure_ascii=False, default=_json_default)
                for row in rows
            ]
            lines.append(",\n".join(body))
            lines.append("    ]" + ("," if t < len(scenario["tables"]) - 1 else ""))
        lines.append("  }")
        lines.append("}" + ("," if s < len(found) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        found = scenarios(Path(folder))
    REFERENCE.write_text(as_text(found), encoding="utf-8")
    print(f"wrote {REFERENCE} ({REFERENCE.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
