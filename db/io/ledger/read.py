"""Reading a ledger (.xlsx or .csv) into rows of cells, before any checking.

Reading finds the header row among the first ten rows (a title row such as
“XX驻点招商办项目台账” may sit above it) and tolerates stray spaces, full-width
parentheses and a trailing ``*`` in the headers; unknown columns are ignored and
empty rows skipped.  Row numbers are the spreadsheet's own, as Excel shows them.

The file's size, its rows and the cells of a row are held to db.io.ledger.limits
before the next row is read (an .xlsx archive even before its first cell:
db.io.ledger.xlsx); a refusal names the row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.io.ledger.limits import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MIB
from db.io.ledger.template import (
    COLUMNS,
    HEADER_SEARCH_ROWS,
    REQUIRED,
    LedgerImportError,
    LedgerProblem,
    header_key,
)
from db.io.ledger.xlsx import worksheets

Rows = list[tuple[int, dict[str, Any]]]  # (row number, {template column: cell value})


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _locate_header(
    grid: Iterable[Sequence[object]],
) -> tuple[int, dict[int, str], Iterator[tuple[int, Sequence[object]]]] | None:
    """The header row's number, its template columns by position, and the rows below
    it; None when none of the first rows looks like the template's header."""
    known = {header_key(c): c for c in COLUMNS}
    rows = enumerate(grid, start=1)
    first: list[tuple[int, Sequence[object]]] = []
    best: tuple[int, dict[int, str]] | None = None
    for number, cells in rows:
        first.append((number, cells))
        found = {
            i: known[header_key(c)]
            for i, c in enumerate(cells[:MAX_COLUMNS])
            if not _blank(c) and header_key(c) in known
        }
        if set(found.values()) >= REQUIRED:
            best = (number, found)
            break
        if best is None or len(found) > len(best[1]):
            best = (number, found)
        if number == HEADER_SEARCH_ROWS:
            break
    # One matching cell may be a coincidence (a title that says 备注); two are a header.
    if best is None or len(best[1]) < 2:
        return None
    number, found = best

    def below() -> Iterator[tuple[int, Sequence[object]]]:
        yield from first[number:]
        yield from rows

    return number, found, below()


def _no_header(path: Path) -> LedgerImportError:
    return LedgerImportError(
        [
            LedgerProblem(
                1,
                None,
                f"前{HEADER_SEARCH_ROWS}行中找不到表头(应有“项目名称”“投资方”“内外资”"
                f"“项目阶段”等列),请使用台账模板:{path.name}",
            )
        ]
    )


def _body(
    header_row: int, columns: dict[int, str], body: Iterator[tuple[int, Sequence[object]]]
) -> Rows:
    problems: list[LedgerProblem] = []
    position: dict[str, int] = {}
    for index, name in sorted(columns.items()):
        if name in position:
            problems.append(
                LedgerProblem(
                    header_row,
                    name,
                    f"表头重复(第{position[name] + 1}列和第{index + 1}列),请删去一列",
                )
            )
        position.setdefault(name, index)
    missing = [c for c in COLUMNS if c in REQUIRED and c not in position]
    if missing:
        problems.append(
            LedgerProblem(header_row, None, f"缺少必填列:{'、'.join(missing)}(请对照台账模板)")
        )
    if problems:
        raise LedgerImportError(problems)
    names = list(position)
    places = list(position.values())
    width = max(places) + 1
    pick = itemgetter(*places) if len(places) > 1 else lambda cells: (cells[places[0]],)
    result: Rows = []
    for number, cells in body:
        if len(cells) > MAX_COLUMNS and any(not _blank(c) for c in cells[MAX_COLUMNS:]):
            raise LedgerImportError(
                [LedgerProblem(number, None, f"超过{MAX_COLUMNS}列,请删去表格右侧多余的列")]
            )
        if len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        picked = pick(cells)
        if "" in picked:
            # An empty cell reads as None whichever reader read it ("" from CSV and calamine).
            picked = [None if cell == "" else cell for cell in picked]
        for cell in picked:
            if cell is not None and (cell.__class__ is not str or cell.strip()):
                break  # (the usual row: its first cell)
        else:
            continue  # an empty row
        values = dict(zip(names, picked, strict=True))
        if len(result) == MAX_ROWS:
            raise LedgerImportError(
                [
                    LedgerProblem(
                        number,
                        None,
                        f"台账最多{MAX_ROWS}行项目,请分成几个文件导入(此行及以下未读取)",
                    )
                ]
            )
        result.append((number, values))
    return result


def _read_xlsx(path: Path) -> Rows:
    # The ledger is the first sheet with the template's header; a sheet of
    # notes (填表说明) before it is passed over.
    for grid in worksheets(path):
        located = _locate_header(grid)
        if located is not None:
            return _body(*located)
    raise _no_header(path)


def _decode_csv(raw: bytes, path: Path) -> str:
    # UTF-8 (with or without BOM) first; Excel on Chinese Windows saves GB18030.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(
        f"无法识别 CSV 文件的编码(应为 UTF-8 或 GBK/GB18030):{path}",
        f"unknown CSV encoding (expected UTF-8 or GB18030): {path}",
    )


def _csv_rows(path: Path, text: str) -> Iterator[Sequence[object]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error as exc:
        raise LedgerImportError(
            [LedgerProblem(reader.line_num, None, f"CSV 格式有误({exc}),请在 Excel/WPS 中另存")]
        ) from exc


def _read_csv(path: Path) -> Rows:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取文件:{path}", f"cannot read {path}: {exc}") from exc
    text = _decode_csv(raw, path)
    # The csv module refuses a cell over 131,072 characters without saying where;
    # a cell's length is checked with its row and column (db.io.ledger.limits).
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    located = _locate_header(_csv_rows(path, text))
    if located is None:
        raise _no_header(path)
    return _body(*located)


def read_ledger(path: str | Path) -> Rows:
    """Rows of a .xlsx or .csv ledger as (row number, {header: cell value})."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(
            f"只能导入 .xlsx 或 .csv 格式的台账(.xls 请先在 Excel/WPS 中另存为 .xlsx):{path.name}",
            f"only .xlsx and .csv ledgers can be imported: {path.name}",
        )
    if not path.is_file():
        raise UserError(f"文件不存在:{path}", f"file not found: {path}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"台账文件有{size // MIB}MB,超过上限{MAX_FILE_BYTES // MIB}MB,"
            f"请分成几个文件导入:{path.name}",
            f"the ledger is {size // MIB} MB, more than {MAX_FILE_BYTES // MIB} MB; "
            f"split it: {path.name}",
        )
    return _read_xlsx(path) if suffix == ".xlsx" else _read_csv(path)
