"""Mutated ledgers (hypothesis): whatever a ledger holds — another encoding, merged
cells, formulas, huge cells, dates as text and as numbers, duplicated or missing
headers, bytes flipped in the archive — the import ends with a message or an
import, never a traceback or a hang; a refused ledger leaves the unit file byte
for byte as it was, and an accepted one exports again.

The runs here are short; ``make soak`` (``pytest -m soak``) runs the same
properties on SOAK_EXAMPLES ledgers each (2,000 unless the environment says).
"""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from db.errors import UserError
from db.io.ledger.export import export_ledger, ledger_rows
from db.io.ledger.importing import import_ledger
from db.io.ledger.template import COLUMNS, LedgerImportError
from db.store.unit_file import Store
from tests.db.test_ledger_import import ledger_row
from tests.db.test_ledger_limits import file_bytes

SLOWEST = 20.0  # seconds: an import of these small ledgers that takes longer hangs

# Cell values as offices' spreadsheets hold them, and as an attacker would.
texts = st.text(max_size=30) | st.text(st.characters(codec="utf-8"), max_size=300)
formulas = st.sampled_from(
    ["=1+1", '=HYPERLINK("http://x","点此")', "=cmd|' /C calc'!A0", "@SUM(A1)", "+1", "-1", "'=1"]
)
huge = st.sampled_from([50, 101, 301, 501, 131_073, 300_000]).map(lambda n: "长" * n)
numbers = (
    st.integers(min_value=-(10**25), max_value=10**25)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=False, allow_infinity=False).map(str)
)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
dates_as_text = days.flatmap(
    lambda d: st.sampled_from(
        [
            d.isoformat(),
            f"{d.year}/{d.month}/{d.day}",
            f"{d.year}年{d.month}月{d.day}日",
            "2023-02-30",
        ]
    )
)
excel_serials = st.integers(min_value=-10, max_value=3_000_000)  # a date cell without its format
labels = st.sampled_from(
    [
        "内资",
        "外资",
        "合资",
        "线索",
        "在谈",
        "签约",
        "开工",
        "投产",
        "中止",
        "竣工",
        "36",
        "05",
        "98",
    ]
)
cells = st.one_of(
    st.none(), texts, formulas, huge, numbers, days, dates_as_text, excel_serials, labels
)
headers = st.sampled_from(list(COLUMNS)) | st.sampled_from(
    ["项目名称 ", "项目名称*", "总投资（万元）", "", "序号", "项目 阶段＊", "=A1"]
)


@st.composite
def ledgers(draw: st.DrawFn) -> list[list[Any]]:
    """A grid: a header (sometimes duplicated, shuffled or cut), rows of a valid
    ledger, then cells and rows replaced by anything."""
    header: list[Any] = list(COLUMNS)
    for _ in range(draw(st.integers(0, 3))):
        header[draw(st.integers(0, len(header) - 1))] = draw(headers)
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    base = ledger_row()
    grid: list[list[Any]] = [header]
    if draw(st.booleans()):
        grid.insert(0, [draw(texts)])  # a title row
    for i in range(draw(st.integers(0, 4))):
        grid.append([f"项目{i}" if h == "项目名称" else base.get(str(h)) for h in header])
    for _ in range(draw(st.integers(0, 8))):
        if len(grid) > 1:
            row = grid[draw(st.integers(0, len(grid) - 1))]
            row[draw(st.integers(0, len(row) - 1))] = draw(cells)
    if draw(st.booleans()):
        grid.append(draw(st.lists(cells, max_size=40)))
    return grid


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def as_csv(grid: list[list[Any]], encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for row in grid:
        writer.writerow([_csv_text(v) for v in row])
    return out.getvalue().encode(encoding, errors="replace")


def as_xlsx(grid: list[list[Any]], merges: list[tuple[int, int]]) -> bytes:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in grid:
        values = []
        for value in row:
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]  # what Excel can hold
            elif isinstance(value, float) and value != value:
                value = None  # openpyxl writes NaN as a cell Excel cannot open
            elif isinstance(value, int) and abs(value) > 10**15:
                value = str(value)
            values.append(value)
        sheet.append(values)
    for row, column in merges:
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=row + 1, end_column=column + 2
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_once(store: Store, path: Path) -> None:
    """Import ``path``: a message, or an import that exports again (then undone, so
    that every example meets the same file)."""
    before = file_bytes(store)
    began = time.monotonic()
    try:
        result = import_ledger(path)
    except UserError as error:
        assert error.zh and error.en
        assert file_bytes(store) == before
        return
    finally:
        assert time.monotonic() - began < SLOWEST
    rows = ledger_rows()
    for suffix in (".xlsx", ".csv"):
        export_ledger(rows, path.with_name(f"导出{suffix}"))
    result.undo()


FUZZ = settings(
    max_examples=40,
    deadline=None,  # timed by import_once, against SLOWEST
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# make soak sets how many (SOAK_EXAMPLES); each test may take half a second a ledger.
SOAK_EXAMPLES = int(os.environ.get("SOAK_EXAMPLES", "2000"))
SOAK = settings(FUZZ, max_examples=SOAK_EXAMPLES)
SOAK_TIMEOUT = pytest.mark.timeout(300 + SOAK_EXAMPLES // 2)

encodings = st.sampled_from(["utf-8-sig", "utf-8", "gb18030", "utf-16", "latin-1", "cp1252"])


def csv_property(unit_file: Store, tmp_path: Path, grid: list[list[Any]], encoding: str) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(as_csv(grid, encoding))
    import_once(unit_file, path)


def xlsx_property(
    unit_file: Store, tmp_path: Path, grid: list[list[Any]], merges: list[tuple[int, int]]
) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(as_xlsx(grid, merges))
    import_once(unit_file, path)


def bytes_property(unit_file: Store, tmp_path: Path, flips: list[tuple[float, int]]) -> None:
    """A valid workbook with bytes flipped or cut: damaged zips, deflate streams, XML."""
    raw = bytearray(as_xlsx([list(COLUMNS), [ledger_row()[c] for c in COLUMNS]], []))
    for where, mask in flips:
        raw[int(where * (len(raw) - 1))] ^= mask
    path = tmp_path / "台账.xlsx"
    path.write_bytes(bytes(raw[: len(raw) - flips[0][1] % 3 * 100] if flips else raw))
    import_once(unit_file, path)


merges = st.lists(st.tuples(st.integers(1, 6), st.integers(1, 26)), max_size=3)
flips = st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), min_size=1, max_size=6)


def _both(
    prop: Callable[..., None], **strategies: st.SearchStrategy[Any]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The property as a short test and as a soak test (``pytest -m soak``)."""

    def short(unit_file: Store, tmp_path: Path, **values: Any) -> None:
        prop(unit_file, tmp_path, **values)

    def soak(unit_file: Store, tmp_path: Path, **values: Any) -> None:
        prop(unit_file, tmp_path, **values)

    return (
        FUZZ(given(**strategies)(short)),
        pytest.mark.soak(SOAK_TIMEOUT(SOAK(given(**strategies)(soak)))),
    )


test_mutated_csv_ledgers, test_mutated_csv_ledgers_soak = _both(
    csv_property, grid=ledgers(), encoding=encodings
)
test_mutated_xlsx_ledgers, test_mutated_xlsx_ledgers_soak = _both(
    xlsx_property, grid=ledgers(), merges=merges
)
test_damaged_xlsx_bytes, test_damaged_xlsx_bytes_soak = _both(bytes_property, flips=flips)


def test_dates_as_numbers_and_as_text_are_read_or_named(unit_file: Store, tmp_path: Path) -> None:
    """A date typed as text in every way, and one whose cell lost its date format."""
    rows = [
        ledger_row(签约日期=datetime(2023, 5, 20, 14, 30)),
        ledger_row(签约日期="2023年5月20日"),
        ledger_row(签约日期=45066),  # the serial number of 2023-05-20, shown as a number
    ]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)
    with pytest.raises(LedgerImportError) as refused:
        import_ledger(path)
    assert [str(p) for p in refused.value.problems] == [
        "第4行“签约日期”:日期应写作 YYYY-MM-DD(如 2023-07-31),收到“45066”"
    ]
