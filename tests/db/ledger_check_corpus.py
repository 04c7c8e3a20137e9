"""A seeded corpus of ledger rows for the checks of db.io.ledger.check: each cell drawn
from what offices type and what readers hand over (valid values and every kind of
wrong one), and what the checks make of each row, as text (the Checked row, or every
problem with its row and column), to compare with what they made before
(test_ledger_check_corpus.py).

    python -m tests.db.ledger_check_corpus   # prints the digests (only on purpose)
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from db.io.ledger.template import COLUMNS
from db.rules.credit_code import check_character

OWN = "上海驻点招商办"
BLOCK = 100  # rows a digest


def _credit(serial: int) -> str:
    first17 = f"91321100MA{serial:07d}"
    return first17 + check_character(first17)


TEXTS: list[Any] = [
    None,
    "",
    "  ",
    "电池箔项目",
    " 电池箔项目 ",
    "'=1+1",
    "''=1",
    "'abc",
    "=SUM(A1)",
    "a\tb",
    "第一行\n第二行",
    "含\x00控制",
    "含\x1f控制",
    "\ufffe",
    "长" * 50,
    "长" * 101,
    "长" * 256,
    "长" * 501,
    "Ｚ型钢",
    "ABC",
    12,
    12.0,
    12.5,
    Decimal("7.06"),
    True,
    date(2023, 5, 20),
    datetime(2023, 5, 20, 14, 30),
]
AMOUNTS: list[Any] = [
    None,
    "",
    " ",
    "30000",
    "30,000",
    "30，000.5",
    " 1 250.5 ",
    "30000.1234567",
    "0.000001",
    "0.0000001",
    "-5",
    "-0",
    "abc",
    "1e3",
    "NaN",
    "inf",
    "100000001",
    "100000000",
    "约200000",
    "约",
    "约-5",
    "超50000",
    "50000以上",
    "达 300",
    "约abc",
    "以上",
    30000,
    30000.0,
    7.06,
    -1.5,
    0.1234567,
    10**12,
    Decimal("12.3456"),
    Decimal("12.34567"),
    True,
    False,
    float("nan"),
    float("inf"),
    date(2023, 1, 1),
    "1000001",
    "999999.99",
    "12.5",
    12.5,
    120,
    "120",
    "120.0",
    "长" * 300,
    "\x01",
]
DATES: list[Any] = [
    None,
    "",
    date(2023, 3, 1),
    date(2023, 5, 20),
    date(2024, 1, 2),
    date(2022, 12, 31),
    datetime(2023, 5, 20, 14, 30),
    "2023-05-20",
    "2023/5/20",
    "2023.5.20",
    "2023年5月20日",
    "2023 年 5 月 20 日",
    "2023-05-20 14:30",
    "2023-05-20 14:30:15",
    "2023-02-30",
    "2023-13-01",
    "20230520",
    "昨天",
    45066,
    45066.5,
    "  ",
    "长" * 60,
]
LABELS = {
    "内外资": [None, "", "内资", "外资", " 内资 ", "合资", "domestic", 1],
    "项目阶段": [
        None,
        "",
        "线索",
        "在谈",
        "签约",
        "注册",
        "开工",
        "竣工",
        "投产",
        "达产",
        "中止",
        " 签约 ",
        "已签约",
        3,
    ],
    "行业代码": [
        None,
        "",
        "36",
        "05",
        "5",
        5,
        36,
        36.0,
        "３６",
        "98",
        "00",
        "3a",
        "²",
        "٣٦",
        "036",
    ],
    "统一社会信用代码": [
        None,
        "",
        _credit(1),
        _credit(2),
        _credit(1).lower(),
        f" {_credit(3)[:9]} {_credit(3)[9:]} ",
        _credit(4)[:17] + ("0" if _credit(4)[17] != "0" else "1"),
        _credit(5)[:17],
        "91321100MA0000001I",
        "913211OOMA0000001X",
        913211001234567890,
        9.13211e17,
        "长" * 18,
    ],
    "责任单位": [None, "", OWN, f" {OWN} ", "开发区", "丹北镇", "长" * 60],
}
COLUMN_POOL: dict[str, list[Any]] = {
    "项目编号": [None, "", "SH1", "SH2", "SH1 ", "G0000001", 17, 17.0, "'=1", "长" * 60],
    "项目名称": TEXTS,
    "投资方": TEXTS,
    "来源地": TEXTS,
    "产业类别": TEXTS,
    "产业链": TEXTS,
    "建设性质": [None, "新建", "扩建", "技改", "其他", "长" * 60],
    "建设内容及规模": TEXTS,
    "责任人": TEXTS,
    "信息来源": TEXTS,
    "需协调问题": TEXTS,
    "备注": TEXTS,
    "总投资(万元)": AMOUNTS,
    "总投资(万美元)": AMOUNTS,
    "用地(亩)": AMOUNTS,
    "建筑面积(平方米)": AMOUNTS,
    "预计年销售(万元)": AMOUNTS,
    "预计年税收(万元)": AMOUNTS,
    "新增就业(人)": AMOUNTS,
    "首次对接日期": DATES,
    "签约日期": DATES,
    "开工日期": DATES,
    "投产日期": DATES,
    **LABELS,
}
assert set(COLUMN_POOL) == set(COLUMNS)

STAGES_IN_ORDER = ("线索", "在谈", "签约", "开工", "投产")


def _good_row(rng: random.Random, serial: int) -> dict[str, Any]:
    """A row that passes, of a random stage with its dates in order."""
    foreign = rng.random() < 0.2
    reached = rng.randrange(len(STAGES_IN_ORDER))
    row: dict[str, Any] = {
        "项目名称": f"项目{serial}",
        "投资方": f"投资方{serial % 37}",
        "统一社会信用代码": _credit(serial % 41) if rng.random() < 0.7 else None,
        "来源地": rng.choice(["上海", "江苏镇江", None]),
        "内外资": "外资" if foreign else "内资",
        "总投资(万元)": None if foreign else rng.choice(["30000", 30000, 7.06, "1,250.5"]),
        "总投资(万美元)": rng.choice(["3000", 3000.5]) if foreign else None,
        "行业代码": rng.choice(["36", 5, "05", None]),
        "项目阶段": STAGES_IN_ORDER[reached],
        "责任单位": rng.choice([None, OWN, OWN, OWN, "开发区"]),
    }
    day = date(2021, 1, 4)
    for column in ("首次对接日期", "签约日期", "开工日期", "投产日期")[: max(reached, 1)]:
        row[column] = rng.choice([day, day.isoformat(), f"{day.year}/{day.month}/{day.day}"])
        day = date(day.year + 1, day.month, day.day)
    if reached == 0 and rng.random() < 0.5:
        row["首次对接日期"] = None
    return row


def corpus(seed: int = 11, count: int = 3000) -> list[tuple[int, dict[str, Any]]]:
    """``count`` rows as read_ledger hands them over (row number, {column: cell}): a
    good row with a few cells drawn from the pools, or a row drawn whole; some leave
    columns out, as a ledger without them does."""
    rng = random.Random(seed)
    rows: list[tuple[int, dict[str, Any]]] = []
    for n in range(count):
        if rng.random() < 0.15:
            values = {c: rng.choice(pool) for c, pool in COLUMN_POOL.items()}
        else:
            values = dict.fromkeys(COLUMNS)
            values.update(_good_row(rng, n))
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                column = rng.choice(COLUMNS)
                values[column] = rng.choice(COLUMN_POOL[column])
        if rng.random() < 0.1:
            for column in rng.sample(COLUMNS, 3):
                values.pop(column, None)
        rows.append((n + 2, values))
    return rows


def outcome(item: Any, problems: list[Any]) -> str:
    """What the checks made of one row, as text: its problems as the import lists them
    (by column as the template orders them, whole-row problems first)."""
    if item is None:
        ordered = sorted(
            problems, key=lambda p: COLUMNS.index(p.column) if p.column in COLUMNS else -1
        )
        return "\n".join(str(p) for p in ordered)
    fields = ", ".join(f"{k}={v!r}" for k, v in sorted(item.fields.items()))
    return (
        f"row {item.row} unit={item.unit_name!r} code={item.code!r} investor={item.investor!r} "
        f"credit={item.credit_code!r} origin={item.origin!r} stage={item.stage!r} "
        f"events={item.events!r} fields: {fields}"
    )


def digests(outcomes: list[str]) -> list[str]:
    """One digest a block of BLOCK rows."""
    return [
        hashlib.sha256("\n\n".join(outcomes[i : i + BLOCK]).encode()).hexdigest()[:16]
        for i in range(0, len(outcomes), BLOCK)
    ]


def outcomes(own_name: str | None) -> tuple[list[str], list[str]]:
    """The corpus checked by one RowChecks (its reads kept from row to row), and the
    项目编号 the corpus repeats, in a unit file (``own_name``) or at headquarters."""
    from db.io.ledger.check import duplicate_codes
    from db.store.models import Unit

    own = Unit(name=own_name) if own_name is not None else None
    rows = corpus()
    return by_row(rows, own), [str(p) for p in duplicate_codes(rows, own)]


def by_row(rows: list[tuple[int, dict[str, Any]]], own: Any) -> list[str]:
    """What check_rows made of each row (row numbers are unique), as text."""
    from db.io.ledger.check import check_rows

    checked, problems = check_rows(rows, own)
    items = {item.row: item for item in checked}
    said: dict[int, list[Any]] = {}
    for found in problems:
        said.setdefault(found.row, []).append(found)
    return [outcome(items.get(row), said.get(row, [])) for row, _ in rows]


def digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


if __name__ == "__main__":
    for own_name in (OWN, None):
        rows_found, duplicates = outcomes(own_name)
        print(own_name, digests(rows_found), len(duplicates), digest(duplicates))
