"""Checking a ledger's rows: each cell read as a typed value, each problem named
with its row and column, before anything is written.

Dates become stage events (进展): 首次对接日期 → 在谈 (线索 when the row's stage
is 线索), 签约日期 → 签约, 开工日期 → 开工, 投产日期 → 投产; they must follow the
path and agree with the row's 项目阶段.

Every cell is first held to db.io.ledger.limits (length, control characters,
the range of a figure).  A text the export wrote with a leading apostrophe so
that a spreadsheet shows it as text ('=…, '+…, '-…, '@…) is read without it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from db.io.ledger.limits import may_break_limits, range_problem, text_problem
from db.io.ledger.template import (
    AMOUNT_COLUMNS,
    DECIMAL_FIELDS,
    FIRST_CONTACT,
    FORMULA_GUARD,
    QUALIFIED_COLUMNS,
    STAGE_DATES,
    TEXT_FIELDS,
    LedgerProblem,
)
from db.rules import credit_code
from db.rules.industry import is_valid_code
from db.rules.money import AmountError, parse_amount
from db.rules.qualifier import Qualifier, split_qualifier
from db.rules.vocabulary import Capital, Stage
from db.store.models import Project, Unit

_STAGE_CHOICES = "线索/在谈/签约/开工/投产/中止(也可填 注册/竣工/达产)"
_DATE_TEXT = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str | None:
    """A cell as text: numbers without a spurious .0, dates as YYYY-MM-DD, a text
    guarded against formulas (FORMULA_GUARD) without its apostrophe."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text[:1] == "'" and FORMULA_GUARD.match(text):
            text = text[1:]
        return text or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip() or None


# Decimal places each figure is stored with (db.store.fields).
_PLACES: dict[str, int] = {
    attr: Project._meta.fields[attr].places
    for attr in ("total_investment", *DECIMAL_FIELDS.values())
}


class _Cells:
    """One row's cells read as typed values; each unreadable cell adds a problem."""

    def __init__(self, row: int, values: dict[str, Any]) -> None:
        self.row = row
        self.values = dict(values)  # qualifier() takes a figure's qualifier off its copy
        self.problems: list[LedgerProblem] = []
        self.bad: set[str] = set()  # columns already reported
        for column, value in values.items():
            if isinstance(value, str) and may_break_limits(column, value):
                why = text_problem(column, value.strip())
                if why is not None:
                    self.problem(column, why)
                    self.values[column] = None  # reported: not read again

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
        if text is None and column not in self.bad:
            self.problem(column, f"请填写{column}")
        return text

    def qualifier(self, column: str) -> Qualifier | None:
        """The qualifier a text cell puts before or after its figure (“约200000”)."""
        raw = self.values.get(column)
        if not isinstance(raw, str):
            return None
        qualifier, rest = split_qualifier(raw)
        if qualifier is not None and rest:
            self.values[column] = rest  # the figure alone, read by amount() / whole()
        return qualifier

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
            self.problem(column, f"不能为负数,收到 {_text(raw)}")
            return None
        out_of_range = range_problem(column, value, _text(raw) or "")
        if out_of_range is not None:
            self.problem(column, out_of_range)
            return None
        exponent = value.as_tuple().exponent
        if (
            places is not None
            and isinstance(exponent, int)
            and exponent < -places
            and value != value.quantize(Decimal(1).scaleb(-places))
        ):
            self.problem(column, f"最多{places}位小数,收到 {_text(raw)}")
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
        text = _text(raw) or ""
        when = _date_of_text(text)
        if isinstance(when, str):
            self.problem(column, when)
            return None
        return when


@lru_cache(maxsize=8192)
def _date_of_text(text: str) -> date | str:
    """A date typed as text (2023-07-31, 2023/7/31, 2023年7月31日), or why it is none.
    Cached: a ledger's dates repeat (a few thousand days over 100,000 rows)."""
    match = _DATE_TEXT.fullmatch(text)
    if match is None:
        return f"日期应写作 YYYY-MM-DD(如 2023-07-31),收到“{text}”"
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return f"不是有效日期:“{text}”"


@dataclass
class Checked:
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


def _industry_code(cells: _Cells) -> str | None:
    raw = cells.values.get("行业代码")
    text = _text(raw)
    if text is None:
        return None
    # Full-width digits (３６) as ASCII ones; a numeric cell or CSV drops the leading
    # zero: 5 → 05.  Only ASCII digits make a code (not ² or ٣, which are digits too).
    code = unicodedata.normalize("NFKC", text)
    code = code.zfill(2) if code.isdigit() and len(code) == 1 else code
    if not (code.isascii() and is_valid_code(code)):
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


def check_row(
    row: int, values: dict[str, Any], own: Unit | None
) -> tuple[Checked | None, list[LedgerProblem]]:
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

    money_places = _PLACES["total_investment"]
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
    for column, qualifier_attr in QUALIFIED_COLUMNS.items():
        if cells.has(column):
            qualifier = cells.qualifier(column)
            fields[qualifier_attr] = qualifier.value if qualifier is not None else None
    for column, attr in DECIMAL_FIELDS.items():
        if cells.has(column):
            fields[attr] = cells.amount(column, _PLACES[attr])
    if cells.has("新增就业(人)"):
        fields["new_jobs"] = cells.whole("新增就业(人)")
    for qualifier_attr in QUALIFIED_COLUMNS.values():
        attr = qualifier_attr.removesuffix("_qualifier")
        if fields.get(attr) is None and qualifier_attr in fields:
            fields[qualifier_attr] = None  # a qualifier says something only beside a figure
    code = _credit_code(cells)
    events = _stage_events(cells, stage)

    if cells.problems:
        return None, cells.problems
    assert name and investor and capital and stage and unit_name  # checked above
    fields["name"] = name
    fields["capital"] = capital.value
    fields["total_investment"] = total
    return (
        Checked(
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


def duplicate_codes(
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
