"""The ledger (台账) written out in the import template: .xlsx or .csv.

``ledger_rows`` reads the projects as template rows; ``export_ledger`` writes them.

What is exported reads back exactly: amounts stay numbers where Excel keeps
them exact (up to 15 significant digits) and become text otherwise, dates are
date cells (yyyy-mm-dd) or YYYY-MM-DD text, and codes stay text.  The file is
written beside the target and then moved over it, so a crash never leaves half
a file behind.

A text that a spreadsheet would take for a formula (=, +, -, @, tab or carriage
return first: OWASP's CSV injection) is written so that Excel and WPS show it
as text: in CSV behind an apostrophe (template.guard_formula, which the import
takes off again), in .xlsx as a text cell marked as typed with an apostrophe
(quotePrefix), so that editing it keeps it text.  Numbers stay numbers.
"""

from __future__ import annotations

import csv
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from peewee import fn

from db.errors import UserError
from db.io.ledger.template import (
    COLUMNS,
    DECIMAL_FIELDS,
    FIRST_CONTACT,
    QUALIFIED_COLUMNS,
    TEXT_FIELDS,
    guard_apostrophe,
    guard_formula,
    looks_like_formula,
)
from db.rules.money import plain
from db.rules.qualifier import qualified, qualifier_of
from db.rules.vocabulary import Capital, Stage
from db.store.faults import DiskFull, from_os_error
from db.store.models import Investor, Project, StageEvent, Unit

SHEET_TITLE = "项目台账"
DATE_FORMAT = "yyyy-mm-dd"
EXCEL_DIGITS = 15  # Excel keeps a number to 15 significant digits
MIN_WIDTH, MAX_WIDTH = 8, 50


def ledger_rows(project_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Every live project (or the given ones) as a template row: typed values
    (str, Decimal, int, datetime.date or None) keyed by the COLUMNS headers."""
    query = (
        Project.live()
        .select(Project, Investor, Unit)
        .join_from(Project, Investor)
        .join_from(Project, Unit)
        .order_by(Unit.name, Project.code, Project.id)
    )
    if project_ids is not None:
        query = query.where(Project.id.in_(project_ids))
    events = (
        StageEvent.live(StageEvent.project, StageEvent.stage, fn.MIN(StageEvent.date))
        .join(Project)
        .where(Project.deleted == False)  # noqa: E712 - peewee expression
        .group_by(StageEvent.project, StageEvent.stage)
        .tuples()
    )
    if project_ids is not None:
        events = events.where(Project.id.in_(project_ids))
    # Every row is read before any is turned into a template row, so that a value
    # that cannot be exported ends the read with no statement left open.
    try:
        stored_events = list(cast(Iterable[tuple[int, str, date]], events))
        projects = list(cast(Iterable[Project], query))
    except (ValueError, TypeError, OverflowError) as exc:
        raise UserError(
            f"文件中有无法读取的数据,无法导出台账({exc});请使用最近的备份或交接文件",
            f"the file holds a value that cannot be read, the ledger cannot be exported: {exc}",
        ) from exc
    by_value = {stage.value: stage for stage in Stage}
    firsts = {
        (project_id, by_value[stage]): day
        for project_id, stage, day in stored_events
        if stage in by_value  # an unknown stage is named with its project below
    }
    return [_row_of(p, firsts) for p in projects]


def _unreadable(project: Project, label: str, value: object) -> UserError:
    return UserError(
        f"项目“{project.name}”(编号 {project.code or '无'})的“{label}”为“{value}”,"
        "不是本软件写入的值,无法导出台账;请在项目表单中改正,或使用最近的备份",
        f"project {project.name} ({project.code}) has {label} = {value!r}, which this "
        "program never writes; the ledger cannot be exported",
    )


def _row_of(project: Project, firsts: dict[tuple[int, Stage], date]) -> dict[str, Any]:
    try:
        capital = Capital(project.capital)
    except ValueError:
        raise _unreadable(project, "内外资", project.capital) from None
    try:
        stage = Stage(project.stage)
    except ValueError:
        raise _unreadable(project, "项目阶段", project.stage) from None
    investor: Investor = project.investor

    def first(*stages: Stage) -> date | None:
        days = [firsts[(project.id, s)] for s in stages if (project.id, s) in firsts]
        return min(days, default=None)

    row: dict[str, Any] = {
        "项目编号": project.code,
        "项目名称": project.name,
        "投资方": investor.name,
        "统一社会信用代码": investor.credit_code,
        "来源地": investor.origin,
        "内外资": capital.label,
        "总投资(万元)": project.total_investment if capital is Capital.DOMESTIC else None,
        "总投资(万美元)": project.total_investment if capital is Capital.FOREIGN else None,
        "行业代码": project.industry_code,
        "项目阶段": stage.label,
        FIRST_CONTACT: first(Stage.LEAD, Stage.TALKS),
        "签约日期": first(Stage.SIGNED),
        "开工日期": first(Stage.STARTED),
        "投产日期": first(Stage.PRODUCING),
        "新增就业(人)": project.new_jobs,
        "责任单位": project.unit.name,
    }
    for column, attr in (*TEXT_FIELDS.items(), *DECIMAL_FIELDS.items()):
        row[column] = getattr(project, attr)
    # A qualified figure is written as officials write it, “约200000”, and read back so.
    for column, qualifier_attr in QUALIFIED_COLUMNS.items():
        qualifier = qualifier_of(getattr(project, qualifier_attr))
        value = row[column]
        if qualifier is not None and value is not None:
            number = plain(value) if isinstance(value, Decimal) else str(value)
            row[column] = qualified(number, qualifier)
    return {column: row[column] for column in COLUMNS}


def export_ledger(rows: list[dict[str, Any]], out: Path) -> None:
    """Write ``rows`` (``ledger_rows``) to ``out``, .xlsx or .csv by its extension."""
    out = Path(out)
    writers: dict[str, Callable[[list[dict[str, Any]], Path], None]] = {
        ".xlsx": _write_xlsx,
        ".csv": _write_csv,
    }
    writer = writers.get(out.suffix.lower())
    if writer is None:
        raise UserError(
            f"台账只能导出为 .xlsx 或 .csv 文件,请更改文件名:{out.name}",
            f"the ledger can only be exported as .xlsx or .csv: {out.name}",
        )
    if not out.parent.is_dir():
        raise UserError(f"文件夹不存在:{out.parent}", f"no such folder: {out.parent}")
    # A name of our own rather than mkstemp, so the file gets the usual permissions.
    temp = out.with_name(f".{out.stem}-{secrets.token_hex(4)}{out.suffix}")
    try:
        writer(rows, temp)
        os.replace(temp, out)
    except OSError as exc:
        fault = from_os_error(exc, out)
        if isinstance(fault, DiskFull):
            raise fault from exc
        raise UserError(
            f"无法写入文件:{out}(如已在 Excel/WPS 中打开,请先关闭)",
            f"cannot write {out} (close it in Excel/WPS if it is open): {exc}",
        ) from exc
    finally:
        temp.unlink(missing_ok=True)


def excel_number(value: Decimal) -> int | float | str:
    """An amount as a cell value that reads back as exactly ``value``.

    openpyxl writes numbers with 16 significant digits and Excel keeps 15, so a
    longer amount is written as text (which the import reads exactly too)."""
    digits = len(value.normalize().as_tuple().digits)
    as_float = float(value)
    if digits > EXCEL_DIGITS or Decimal(f"{as_float:.16g}") != value:
        return plain(value)
    return int(value) if value == value.to_integral_value() else as_float


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return excel_number(value)
    return value


def _display_width(value: Any) -> int:
    """Columns an Excel cell needs: CJK characters take two."""
    if isinstance(value, date):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_xlsx(rows: list[dict[str, Any]], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        _check_writable(row)
        sheet.append([_cell(row.get(column)) for column in COLUMNS])
    widths = {column: _display_width(column) for column in COLUMNS}
    for excel_row in sheet.iter_rows(min_row=2):
        for column, cell in zip(COLUMNS, excel_row, strict=True):
            value = cell.value
            if value is None:
                continue
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, str) and looks_like_formula(value):
                cell.value = guard_apostrophe(value)
                cell.data_type = "s"  # text a person typed, not a formula to run
                cell.quotePrefix = True
            widths[column] = max(widths[column], _display_width(value))
    for index, column in enumerate(COLUMNS, start=1):
        width = min(max(widths[column] + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    workbook.save(path)


def _check_writable(row: dict[str, Any]) -> None:
    """Refuse, naming the project, a text the .xlsx format cannot hold (NUL and its kin)."""
    column = next(
        (c for c, v in row.items() if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v)),
        None,
    )
    if column is None:
        return
    name = row.get("项目名称")
    raise UserError(
        f"项目“{name}”的“{column}”含有控制字符,无法写入 Excel 文件;"
        "请在项目表单中删去该字符,或导出为 .csv",
        f"the {column} of project {name} holds a control character that an .xlsx "
        "cannot hold; remove it in the project form, or export as .csv",
    )


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return guard_formula(value)
    return str(value)


def _write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    # The BOM tells Excel the file is UTF-8; without it Chinese Excel reads GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_csv_text(row.get(column)) for column in COLUMNS])
