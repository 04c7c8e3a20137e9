"""Reading a ledger (.xlsx or .csv) into rows of cells, before any checking.

Reading finds the header row among the first ten rows (a title row such as
“XX驻点招商办项目台账” may sit above it) and tolerates stray spaces, full-width
parentheses and a trailing ``*`` in the headers; unknown columns are ignored and
empty rows skipped.  Row numbers are the spreadsheet's own, as Excel shows them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.io.ledger.template import (
    COLUMNS,
    HEADER_SEARCH_ROWS,
    REQUIRED,
    LedgerImportError,
    LedgerProblem,
    header_key,
)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _locate_header(
    grid: Iterable[Sequence[object]],
) -> tuple[int, dict[int, str], list[tuple[int, Sequence[object]]]] | None:
    """The header row's number, its template columns by position, and the rows below
    it; None when none of the first rows looks like the template's header."""
    known = {header_key(c): c for c in COLUMNS}
    rows = list(enumerate(grid, start=1))
    best: tuple[int, dict[int, str]] | None = None
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        found = {
            i: known[header_key(c)]
            for i, c in enumerate(cells)
            if not _blank(c) and header_key(c) in known
        }
        if set(found.values()) >= REQUIRED:
            best = (number, found)
            break
        if best is None or len(found) > len(best[1]):
            best = (number, found)
    # One matching cell may be a coincidence (a title that says 备注); two are a header.
    if best is None or len(best[1]) < 2:
        return None
    number, found = best
    return number, found, rows[number:]


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
    header_row: int, columns: dict[int, str], body: list[tuple[int, Sequence[object]]]
) -> list[tuple[int, dict[str, Any]]]:
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
    result: list[tuple[int, dict[str, Any]]] = []
    for number, cells in body:
        values = {name: (cells[i] if i < len(cells) else None) for name, i in position.items()}
        if all(_blank(v) for v in values.values()):
            continue
        result.append((number, values))
    return result


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise UserError(
            f"无法读取 Excel 文件(文件损坏或不是 .xlsx 格式):{path}",
            f"cannot read the Excel file: {path} ({exc})",
        ) from exc
    try:
        # The ledger is the first sheet with the template's header; a sheet of
        # notes (填表说明) before it is passed over.
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # some writers store a wrong size; read every row
            located = _locate_header(sheet.iter_rows(values_only=True))
            if located is not None:
                return _body(*located)
        raise _no_header(path)
    finally:
        workbook.close()


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


def _read_csv(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取文件:{path}", f"cannot read {path}: {exc}") from exc
    reader = csv.reader(io.StringIO(_decode_csv(raw, path), newline=""))
    located = _locate_header([c or None for c in row] for row in reader)
    if located is None:
        raise _no_header(path)
    return _body(*located)


def read_ledger(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
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
    return _read_xlsx(path) if suffix == ".xlsx" else _read_csv(path)
