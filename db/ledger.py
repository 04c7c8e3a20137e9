"""The ledger spreadsheet (台账): its columns, reading .xlsx/.csv, all-or-nothing import,
and the rows for export.

Reading finds the header row among the first ten rows (a title row such as
“XX驻点招商办项目台账” may sit above it) and tolerates stray spaces, full-width
parentheses and a trailing ``*`` in the headers; unknown columns are ignored and
empty rows skipped.  Row numbers are the spreadsheet's own, as Excel shows them.

Import checks every row first and reports every problem (row, column, reason);
only a ledger without problems is written, in one transaction.

Dates become stage events (进展): 首次对接日期 → 在谈 (线索 when the row's stage
is 线索), 签约日期 → 签约, 开工日期 → 开工, 投产日期 → 投产.  The template has no
date for 中止 nor for the optional 注册/竣工/达产, so a row at one of those stages
gets that event dated the row's latest date (the day of the import when the row
has no date): a project dropped after its last recorded step then leaves the
pipeline from that step on, as an office's own ledger counts it, instead of
staying in every past pipeline up to the import.  A 中止 event takes the 备注 as
its reason, else “台账导入时为中止状态”.

A row whose 项目编号 matches a live project of the same unit updates that
project: the columns present in the file replace its values (an empty cell
clears one), and the row's dated events are added unless the project already
has them (same stage and date); events are never removed.  A row without
项目编号 creates a project with the next free code ZS-<year>-<number>.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from peewee import fn

from db import credit_code, records, settings
from db.errors import UserError, ValidationError
from db.industry import is_valid_code
from db.models import Investor, Project, StageEvent, Unit, database
from db.money import AmountError, parse_amount
from db.stages import Capital, Stage

# The template's headers, in order (DOMAIN.md "The ledger spreadsheet").
COLUMNS: tuple[str, ...] = (
    "项目编号",
    "项目名称",
    "投资方",
    "统一社会信用代码",
    "来源地",
    "内外资",
    "总投资(万元)",
    "总投资(万美元)",
    "行业代码",
    "产业类别",
    "产业链",
    "建设性质",
    "项目阶段",
    "首次对接日期",
    "签约日期",
    "开工日期",
    "投产日期",
    "用地(亩)",
    "建筑面积(平方米)",
    "预计年销售(万元)",
    "预计年税收(万元)",
    "新增就业(人)",
    "建设内容及规模",
    "责任单位",
    "责任人",
    "信息来源",
    "需协调问题",
    "备注",
)
REQUIRED: frozenset[str] = frozenset({"项目名称", "投资方", "内外资", "项目阶段"})

HEADER_SEARCH_ROWS = 10
FIRST_CONTACT = "首次对接日期"
# The dated columns in path order, with the stage each one records.
STAGE_DATES: tuple[tuple[str, Stage], ...] = (
    (FIRST_CONTACT, Stage.TALKS),
    ("签约日期", Stage.SIGNED),
    ("开工日期", Stage.STARTED),
    ("投产日期", Stage.PRODUCING),
)
# Stages the template has no date column for: their event is dated the import day.
UNDATED_STAGES: frozenset[Stage] = frozenset(
    {Stage.REGISTERED, Stage.COMPLETED, Stage.AT_CAPACITY, Stage.DROPPED}
)
DROPPED_REASON = "台账导入时为中止状态"
AUTO_CODE_PREFIX = "ZS"

TEXT_FIELDS: dict[str, str] = {
    "产业类别": "local_industry",
    "产业链": "chain",
    "建设性质": "construction_kind",
    "建设内容及规模": "content",
    "责任人": "person_in_charge",
    "信息来源": "info_source",
    "需协调问题": "issues",
    "备注": "remarks",
}
DECIMAL_FIELDS: dict[str, str] = {
    "用地(亩)": "land_mu",
    "建筑面积(平方米)": "floor_area_m2",
    "预计年销售(万元)": "expected_sales",
    "预计年税收(万元)": "expected_tax",
}
AMOUNT_COLUMNS: dict[Capital, str] = {
    Capital.DOMESTIC: "总投资(万元)",
    Capital.FOREIGN: "总投资(万美元)",
}
_STAGE_CHOICES = "线索/在谈/签约/开工/投产/中止(也可填 注册/竣工/达产)"
_DATE_TEXT = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)


@dataclass(frozen=True)
class LedgerProblem:
    row: int  # 1-based row number as the user sees it in Excel
    column: str | None  # header name, None for the whole row
    reason: str  # Chinese, says what to fix

    def __str__(self) -> str:
        if self.column is None:
            return f"第{self.row}行:{self.reason}"
        return f"第{self.row}行“{self.column}”:{self.reason}"


class LedgerImportError(UserError):
    """The ledger was refused; ``problems`` lists every one; nothing was written."""

    problems: list[LedgerProblem]

    SHOWN = 3  # problems quoted in the message; the rest are in ``problems``

    def __init__(self, problems: list[LedgerProblem]) -> None:
        shown = ";".join(str(p) for p in problems[: self.SHOWN])
        more = "……" if len(problems) > self.SHOWN else ""
        super().__init__(
            f"台账有{len(problems)}处问题,未导入任何数据:{shown}{more}",
            f"the ledger has {len(problems)} problem(s), the first in row {problems[0].row}; "
            "nothing was imported",
        )
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    """Projects created and updated (rows that matched by 项目编号, changed or not),
    and the units the import added (headquarters files only)."""

    created: int
    updated: int
    units_created: tuple[str, ...]


# -- reading ------------------------------------------------------------------------


def header_key(text: object) -> str:
    """A header as the template spells it: 总投资（万元）* → 总投资(万元)."""
    # NFKC turns full-width parentheses, asterisks and spaces into ASCII ones.
    folded = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", folded).strip("*")


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


# -- checking one row -----------------------------------------------------------------


def _text(value: object) -> str | None:
    """A cell as text: numbers without a spurious .0, dates as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _scale_of(attr: str) -> int:
    places: int = Project._meta.fields[attr].places
    return places


class _Cells:
    """One row's cells read as typed values; each unreadable cell adds a problem."""

    def __init__(self, row: int, values: dict[str, Any]) -> None:
        self.row = row
        self.values = values
        self.problems: list[LedgerProblem] = []
        self.bad: set[str] = set()  # columns already reported

    def has(self, column: str) -> bool:
        return column in self.values

    def problem(self, column: str | None, reason: str) -> None:
        self.problems.append(LedgerProblem(self.row, column, reason))
        if column is not None:
            self.bad.add(column)

    def text(self, column: str) -> str | None:
        return _text(self.values.get(column))

    def required(self, column: str) -> str | None:
        text = self.text(column)
        if text is None:
            self.problem(column, f"请填写{column}")
        return text

    def amount(self, column: str, places: int | None) -> Decimal | None:
        raw = self.values.get(column)
        try:
            value = parse_amount(raw, allow_negative=True)
        except AmountError:
            self.problem(column, f"应为数字,收到“{_text(raw)}”")
            return None
        if value is None:
            return None
        if value < 0:
            self.problem(column, f"不能为负数,收到 {value}")
            return None
        exponent = value.normalize().as_tuple().exponent
        if places is not None and isinstance(exponent, int) and -exponent > places:
            self.problem(column, f"最多{places}位小数,收到 {value}")
            return None
        return value

    def whole(self, column: str) -> int | None:
        value = self.amount(column, None)
        if value is None:
            return None
        if value != value.to_integral_value():
            self.problem(column, f"应为整数,收到 {value}")
            return None
        return int(value)

    def day(self, column: str) -> date | None:
        raw = self.values.get(column)
        if _blank(raw):
            return None
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        match = _DATE_TEXT.fullmatch(text)
        if match is None:
            self.problem(column, f"日期应写作 YYYY-MM-DD(如 2023-07-31),收到“{text}”")
            return None
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            self.problem(column, f"不是有效日期:“{text}”")
            return None


@dataclass
class _Row:
    """A row that passed its own checks, ready to be written."""

    row: int
    unit_name: str
    code: str | None
    investor: str
    credit_code: str | None
    origin: str | None
    stage: Stage
    events: list[tuple[Stage, date]]  # dated events, in path order
    fields: dict[str, Any] = field(default_factory=dict)  # Project attribute → value
    existing: Project | None = None


def _industry_code(cells: _Cells) -> str | None:
    raw = cells.values.get("行业代码")
    text = _text(raw)
    if text is None:
        return None
    # A numeric cell or CSV drops the leading zero: 5 → 05.
    code = text.zfill(2) if text.isdigit() and len(text) == 1 else text
    if not is_valid_code(code):
        cells.problem("行业代码", f"应为 GB/T 4754-2017 的两位大类代码(01–97,如 36),收到“{text}”")
        return None
    return code


def _credit_code(cells: _Cells) -> str | None:
    raw = cells.values.get("统一社会信用代码")
    text = _text(raw)
    if text is None:
        return None
    code = credit_code.normalise(text)
    why = credit_code.problem(code)
    if why is None:
        return code
    reason = f"{why},收到“{text}”"
    if isinstance(raw, int | float):
        reason += ";该列是数字格式,Excel 会丢掉位数,请把该列设为文本后重新填写"
    cells.problem("统一社会信用代码", reason)
    return None


def _stage_events(cells: _Cells, stage: Stage | None) -> list[tuple[Stage, date]]:
    """The row's dated events, after checking them against its stage and each other."""
    dates = [(column, step, cells.day(column)) for column, step in STAGE_DATES]
    if stage is None:
        return []
    if stage is not Stage.DROPPED:
        for column, step, when in dates:
            if column in cells.bad:
                continue
            if column == FIRST_CONTACT:
                if when is None and stage is Stage.TALKS:
                    cells.problem(column, "项目阶段为“在谈”,须填写首次对接日期")
            elif when is None and stage.rank >= step.rank:
                cells.problem(column, f"项目阶段为“{stage.label}”,须填写{column}")
            elif when is not None and step.rank > stage.rank:
                cells.problem(
                    column, f"项目阶段为“{stage.label}”,不应有{column}(请改项目阶段或删去此日期)"
                )
    known = [(column, when) for column, _, when in dates if when is not None]
    for i, (column, when) in enumerate(known):
        later = next(((c, d) for c, d in known[i + 1 :] if d < when), None)
        if later is not None:
            cells.problem(
                column, f"{column} {when.isoformat()} 晚于{later[0]} {later[1].isoformat()}"
            )
            break
    first_step = Stage.LEAD if stage is Stage.LEAD else Stage.TALKS
    return [
        (first_step if column == FIRST_CONTACT else step, when)
        for column, step, when in dates
        if when is not None
    ]


def _check_row(
    row: int, values: dict[str, Any], own: Unit | None
) -> tuple[_Row | None, list[LedgerProblem]]:
    """Check one row; ``own`` is the unit of a unit file, None in a headquarters file."""
    cells = _Cells(row, values)
    name = cells.required("项目名称")
    investor = cells.required("投资方")
    capital_text = cells.required("内外资")
    capital: Capital | None = None
    if capital_text is not None:
        try:
            capital = Capital.from_label(capital_text)
        except ValueError:
            cells.problem("内外资", f"应为“内资”或“外资”,收到“{capital_text}”")
    stage_text = cells.required("项目阶段")
    stage: Stage | None = None
    if stage_text is not None:
        try:
            stage = Stage.from_label(stage_text)
        except ValueError:
            cells.problem("项目阶段", f"应为 {_STAGE_CHOICES} 之一,收到“{stage_text}”")

    money_places = _scale_of("total_investment")
    amounts = {c: cells.amount(col, money_places) for c, col in AMOUNT_COLUMNS.items()}
    total: Decimal | None = None
    if capital is not None:
        own_column, other_column = AMOUNT_COLUMNS[capital], AMOUNT_COLUMNS[_other(capital)]
        total = amounts[capital]
        if total is None and own_column not in cells.bad:
            cells.problem(own_column, f"{capital.label}项目须填写“{own_column}”")
        if amounts[_other(capital)] is not None:
            cells.problem(
                other_column,
                f"{capital.label}项目只填“{own_column}”,“{other_column}”应留空",
            )

    unit_name = cells.text("责任单位")
    if own is None:
        if unit_name is None:
            cells.problem("责任单位", "总部文件中每个项目都须填写责任单位")
    else:
        if unit_name is not None and unit_name != own.name:
            cells.problem(
                "责任单位",
                f"本文件属于“{own.name}”,不能导入其他单位(“{unit_name}”)的项目;"
                f"请删去此行,或在总部文件中导入",
            )
        unit_name = own.name

    fields: dict[str, Any] = {}
    if cells.has("行业代码"):
        fields["industry_code"] = _industry_code(cells)
    for column, attr in TEXT_FIELDS.items():
        if cells.has(column):
            fields[attr] = cells.text(column)
    for column, attr in DECIMAL_FIELDS.items():
        if cells.has(column):
            fields[attr] = cells.amount(column, _scale_of(attr))
    if cells.has("新增就业(人)"):
        fields["new_jobs"] = cells.whole("新增就业(人)")
    code = _credit_code(cells)
    events = _stage_events(cells, stage)

    if cells.problems:
        return None, cells.problems
    assert name and investor and capital and stage and unit_name  # checked above
    fields["name"] = name
    fields["capital"] = capital.value
    fields["total_investment"] = total
    return (
        _Row(
            row=row,
            unit_name=unit_name,
            code=cells.text("项目编号"),
            investor=investor,
            credit_code=code,
            origin=cells.text("来源地"),
            stage=stage,
            events=events,
            fields=fields,
        ),
        [],
    )


def _other(capital: Capital) -> Capital:
    return Capital.FOREIGN if capital is Capital.DOMESTIC else Capital.DOMESTIC


def _duplicate_codes(
    rows: list[tuple[int, dict[str, Any]]], own: Unit | None
) -> list[LedgerProblem]:
    """项目编号 used twice for one unit within the ledger: the later row is the problem."""
    first_row: dict[tuple[str | None, str], int] = {}
    problems: list[LedgerProblem] = []
    for row, values in rows:
        code = _text(values.get("项目编号"))
        if code is None:
            continue
        key = (own.name if own is not None else _text(values.get("责任单位")), code)
        if key in first_row:
            problems.append(
                LedgerProblem(row, "项目编号", f"项目编号“{code}”与第{first_row[key]}行重复")
            )
        first_row.setdefault(key, row)
    return problems


def _match_existing(item: _Row) -> list[LedgerProblem]:
    """Find the live project the row updates, and check its dates against that one's."""
    if item.code is None:
        return []
    matches = cast(
        list[Project],
        list(
            Project.live()
            .join(Unit)
            .where((Project.code == item.code) & (Unit.name == item.unit_name))
        ),
    )
    if len(matches) > 1:
        return [
            LedgerProblem(
                item.row,
                "项目编号",
                f"文件中已有{len(matches)}个编号为“{item.code}”的项目,无法确定更新哪一个;"
                f"请先在软件中改正编号",
            )
        ]
    if not matches:
        return []
    item.existing = matches[0]
    firsts = records.first_dates(records.live_events(item.existing))
    for step, when in item.events:
        if step not in firsts or when < firsts[step]:
            firsts[step] = when
    why = records.order_problem(firsts)
    if why:
        return [LedgerProblem(item.row, None, f"与已有项目“{item.code}”的进展日期冲突:{why}")]
    return []


# -- writing ------------------------------------------------------------------------


def _next_code_number(year: int, rows: list[_Row]) -> int:
    """One past the highest ZS-<year>-NNNN in the file (tombstones too) and the ledger."""
    prefix = f"{AUTO_CODE_PREFIX}-{year}-"
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    query = Project.select(Project.code).where(Project.code.startswith(prefix))
    taken = [str(p.code) for p in query] + [r.code for r in rows if r.code]
    numbers = [int(m.group(1)) for c in taken if (m := pattern.fullmatch(c))]
    return max(numbers, default=0) + 1


def _write_row(item: _Row, unit: Unit, code: str | None, today: date, note: str) -> None:
    investor: Investor = records.find_or_create_investor(item.investor, item.credit_code)
    if item.origin and not investor.origin:
        investor.origin = item.origin
        investor.save()
    project = item.existing
    if project is None:
        project = Project(unit=unit, code=code, investor=investor, **item.fields)
        project.save()
    else:
        if project.investor != investor:
            project.investor = investor
        for attr, value in item.fields.items():
            if getattr(project, attr) != value:
                setattr(project, attr, value)
        if project.is_dirty():
            project.save()
    present = {(Stage(e.stage), e.date) for e in records.live_events(project)}
    for step, when in item.events:
        if (step, when) not in present:
            records.record_stage(project, step, when, note=note)
    if item.stage in UNDATED_STAGES and not _has_reached(project, item.stage):
        reason = None
        if item.stage is Stage.DROPPED:
            reason = item.fields.get("remarks") or DROPPED_REASON
        day = max((when for _, when in item.events), default=today)
        records.record_stage(project, item.stage, day, reason=reason, note=note)


def _has_reached(project: Project, stage: Stage) -> bool:
    """Whether an undated stage needs no new event: 中止 when the project is 中止 now
    (re-importing the same ledger adds nothing), the others when any event has it."""
    if stage is Stage.DROPPED:
        return bool(project.stage == Stage.DROPPED.value)
    return any(e.stage == stage.value for e in records.live_events(project))


def _problem_order(problem: LedgerProblem) -> tuple[int, int]:
    """By row, then as the columns stand in the template; whole-row problems first."""
    column = COLUMNS.index(problem.column) if problem.column in COLUMNS else -1
    return problem.row, column


class ImportCancelled(UserError):
    """The user stopped an import half-way; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("已取消导入,未导入任何数据", "import cancelled; nothing was imported")


Progress = Callable[[int, int], bool]  # (rows written, rows in all) → go on?


def import_rows(
    rows: list[tuple[int, dict[str, Any]]], source: str, progress: Progress | None = None
) -> ImportResult:
    """Validate every row, then write all of them in one transaction, or none.

    ``progress`` is told after each written row; when it answers False the
    import stops and the transaction is rolled back (ImportCancelled)."""
    headquarters = settings.is_headquarters()
    own = None if headquarters else settings.own_unit()
    if own is None and not headquarters:
        raise UserError(
            "此文件没有所属单位,无法导入台账", "this file has no unit; cannot import a ledger"
        )
    problems: list[LedgerProblem] = []
    checked: list[_Row] = []
    for row, values in rows:
        item, row_problems = _check_row(row, values, own)
        problems += row_problems
        if item is not None:
            checked.append(item)
    problems += _duplicate_codes(rows, own)
    for item in checked:
        problems += _match_existing(item)
    if problems:
        raise LedgerImportError(sorted(problems, key=_problem_order))

    today = date.today()
    note = f"台账导入:{Path(source).name}"
    units: dict[str, Unit] = {}
    units_created: list[str] = []
    created = updated = 0
    with database.atomic():
        number = _next_code_number(today.year, checked)
        for item in checked:
            unit = units.get(item.unit_name)
            if unit is None:
                if records.unit_named(item.unit_name) is None:
                    units_created.append(item.unit_name)
                unit = units[item.unit_name] = records.get_or_create_unit(item.unit_name)
            code = item.code
            if item.existing is None and code is None:
                code = f"{AUTO_CODE_PREFIX}-{today.year}-{number:04d}"
                number += 1
            try:
                _write_row(item, unit, code, today, note)
            except ValidationError as exc:
                raise LedgerImportError([LedgerProblem(item.row, None, exc.zh)]) from exc
            if item.existing is None:
                created += 1
            else:
                updated += 1
            if progress is not None and not progress(created + updated, len(checked)):
                raise ImportCancelled()
    return ImportResult(created, updated, tuple(units_created))


def import_ledger(path: str | Path, progress: Progress | None = None) -> ImportResult:
    return import_rows(read_ledger(path), str(path), progress)


# -- export rows ----------------------------------------------------------------------


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
    firsts = {
        (project_id, Stage(stage)): day
        for project_id, stage, day in cast(Iterable[tuple[int, str, date]], events)
    }
    return [_row_of(p, firsts) for p in cast(Iterable[Project], query)]


def _row_of(project: Project, firsts: dict[tuple[int, Stage], date]) -> dict[str, Any]:
    capital = Capital(project.capital)
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
        "项目阶段": Stage(project.stage).label,
        FIRST_CONTACT: first(Stage.LEAD, Stage.TALKS),
        "签约日期": first(Stage.SIGNED),
        "开工日期": first(Stage.STARTED),
        "投产日期": first(Stage.PRODUCING),
        "新增就业(人)": project.new_jobs,
        "责任单位": project.unit.name,
    }
    for column, attr in (*TEXT_FIELDS.items(), *DECIMAL_FIELDS.items()):
        row[column] = getattr(project, attr)
    return {column: row[column] for column in COLUMNS}
