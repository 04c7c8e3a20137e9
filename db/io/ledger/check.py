"""Checking a ledger's rows: each cell read as a typed value, each problem named
with its row and column, before anything is written.

Dates become stage events (进展): 首次对接日期 → 在谈 (线索 when the row's stage
is 线索), 签约日期 → 签约, 开工日期 → 开工, 投产日期 → 投产; they must follow the
path and agree with the row's 项目阶段.

Every cell is first held to db.io.ledger.limits (length, control characters,
the range of a figure).  A text the export wrote with a leading apostrophe so
that a spreadsheet shows it as text ('=…, '+…, '-…, '@…) is read without it.

What a cell reads as depends on its column and its value only, so the rows are
read a column at a time (``check_rows``): a column of plain texts or plain
figures, as nearly every column of a ledger is, in a few passes over the whole
column (its longest text, a search for a character it may not hold, one pattern
for its figures); any other column a distinct value at a time (a ledger's 内外资,
stages, dates and industries repeat over 100,000 rows).  Only what ties a row's
cells together (the amount its 内外资 needs, its dates against its stage, the
unit) is then checked row by row.  Every problem is the one reading the cells one
by one finds, with the same row, column and words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache, partial
from operator import is_not, itemgetter
from typing import Any

from db.io.ledger.limits import (
    MAX_RANGE,
    column_within_limits,
    may_break_limits,
    range_problem,
    text_problem,
)
from db.io.ledger.template import (
    AMOUNT_COLUMNS,
    COLUMNS,
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
from db.rules.qualifier import split_qualifier
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
_MONEY_PLACES = _PLACES["total_investment"]


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


# -- one cell: what it reads as, by its column and value ---------------------------------
#
# Each reader takes the column and the cell as the file's reader gave it and returns
# the cell's problems (the refusal of its text by the limits first: the cell then
# counts as empty) and what it reads as.

Reasons = tuple[str, ...]
_NONE: Reasons = ()


def _limited(column: str, raw: object) -> tuple[Reasons, Any]:
    """The limits' refusal of the cell's text (then it reads as empty), and the cell."""
    if isinstance(raw, str) and may_break_limits(column, raw):
        why = text_problem(column, raw.strip())
        if why is not None:
            return (why,), None
    return _NONE, raw


def _read_text(column: str, raw: object) -> tuple[Reasons, str | None]:
    limits, value = _limited(column, raw)
    return limits, _text(value)


def _amount(column: str, value: object, places: int | None) -> tuple[Reasons, Decimal | None]:
    """A figure: (why it is refused, None) or (no reason, the figure or None when empty)."""
    try:
        number = parse_amount(value, allow_negative=True)
    except AmountError:
        return (f"应为数字,收到“{_text(value)}”",), None
    if number is None:
        return _NONE, None
    if number < 0:
        return (f"不能为负数,收到 {_text(value)}",), None
    out_of_range = range_problem(column, number, _text(value) or "")
    if out_of_range is not None:
        return (out_of_range,), None
    exponent = number.as_tuple().exponent
    if (
        places is not None
        and isinstance(exponent, int)
        and exponent < -places
        and number != number.quantize(Decimal(1).scaleb(-places))
    ):
        return (f"最多{places}位小数,收到 {_text(value)}",), None
    return _NONE, number


def _read_total(column: str, raw: object) -> tuple[Reasons, Decimal | None]:
    limits, value = _limited(column, raw)
    why, number = _amount(column, value, _MONEY_PLACES)
    return limits + why, number


def _read_qualified(
    places: int | None,
) -> Callable[[str, object], tuple[Reasons, Decimal | int | None, str | None]]:
    """A planned figure with the qualifier a text cell may put before or after it
    (“约200000”): (problems, the figure, the qualifier's code, None without a figure);
    a whole number (新增就业) for ``places`` None."""

    def read(column: str, raw: object) -> tuple[Reasons, Decimal | int | None, str | None]:
        limits, value = _limited(column, raw)
        qualifier = None
        if isinstance(value, str):
            qualifier, rest = split_qualifier(value)
            if qualifier is not None and rest:
                value = rest  # the figure alone
        why, number = _amount(column, value, places)
        figure: Decimal | int | None = number
        if places is None and number is not None:
            if number != number.to_integral_value():
                why, figure = (f"应为整数,收到 {number}",), None
            else:
                figure = int(number)
        # a qualifier says something only beside a figure
        code = qualifier.value if qualifier is not None and figure is not None else None
        return limits + why, figure, code

    return read


def _read_industry(column: str, raw: object) -> tuple[Reasons, str | None]:
    limits, value = _limited(column, raw)
    text = _text(value)
    if text is None:
        return limits, None
    # Full-width digits (３６) as ASCII ones; a numeric cell or CSV drops the leading
    # zero: 5 → 05.  Only ASCII digits make a code (not ² or ٣, which are digits too).
    code = unicodedata.normalize("NFKC", text)
    code = code.zfill(2) if code.isdigit() and len(code) == 1 else code
    if not (code.isascii() and is_valid_code(code)):
        return (f"应为 GB/T 4754-2017 的两位大类代码(01–97,如 36),收到“{text}”",), None
    return limits, code


# A code as the register writes it: 18 characters of its alphabet, nothing to take off.
_PLAIN_CODE = re.compile(f"[{re.escape(credit_code.ALPHABET)}]{{18}}")


def _read_credit_code(column: str, raw: object) -> tuple[Reasons, str | None]:
    if (
        type(raw) is str
        and _PLAIN_CODE.fullmatch(raw)
        and credit_code.check_character(raw[:17]) == raw[17]
    ):
        return _NONE, raw  # the usual code, nothing to fold
    limits, value = _limited(column, raw)
    text = _text(value)
    if text is None:
        return limits, None
    code = credit_code.normalise(text)
    why = credit_code.problem(code)
    if why is None:
        return limits, code
    reason = f"{why},收到“{text}”"
    if isinstance(value, int | float):
        reason += ";该列是数字格式,Excel 会丢掉位数,请把该列设为文本后重新填写"
    return (reason,), None


def _read_day(column: str, raw: object) -> tuple[Reasons, date | None]:
    limits, value = _limited(column, raw)
    if _blank(value):
        return limits, None
    if isinstance(value, datetime):
        return limits, value.date()
    if isinstance(value, date):
        return limits, value
    when = _date_of_text(_text(value) or "")
    if isinstance(when, str):
        return (when,), None
    return limits, when


def _read_choice(
    parse: Callable[[str], Any],
) -> Callable[[str, object], tuple[Reasons, str | None, Any]]:
    """A required cell of a fixed vocabulary: (limits, its text, the value or None)."""

    def read(column: str, raw: object) -> tuple[Reasons, str | None, Any]:
        limits, text = _read_text(column, raw)
        if text is None:
            return limits, None, None
        try:
            return limits, text, parse(text)
        except ValueError:
            return limits, text, None

    return read


# -- a whole column ---------------------------------------------------------------------

_NOT_NONE = partial(is_not, None)
# Cells of these kinds are equal only when they are the same cell (unlike 1, 1.0,
# True and Decimal(1)), so a column of them is read a distinct value at a time by
# the values themselves.
_PLAIN_KINDS = frozenset({str, type(None), date, datetime})
_TEXT_KINDS = frozenset({str, type(None)})
_NUMBER_KINDS = frozenset({float, int, type(None)})


def _plain_figures(places: int | None) -> re.Pattern[str]:
    """Figures as they are stored, nothing to take off: ASCII digits (few enough for
    any range), a point and at most ``places`` decimals (none for a whole number);
    one a line, to look at a whole column at once."""
    figure = "[0-9]{1,18}" + (rf"(?:\.[0-9]{{0,{places}}})?" if places is not None else "")
    return re.compile(rf"{figure}(?:\n{figure})*")


_PLAIN_FIGURES = {places: _plain_figures(places) for places in (*_PLACES.values(), None)}


class _Column:
    """What the cells of one column read as, row by row, and their problems."""

    __slots__ = ("parts", "problems")

    def __init__(self, parts: list[list[Any]], problems: dict[int, Reasons]) -> None:
        self.parts = parts  # each part of the reading (a figure, its qualifier…), by row
        self.problems = problems  # row index → the cell's problems, in order


def _by_value(
    column: str,
    cells: list[Any],
    read: Callable[[str, object], tuple[Any, ...]],
    width: int,
) -> _Column:
    """Read each distinct value of the column once (``read`` → problems, then
    ``width`` parts)."""
    kinds = set(map(type, cells))
    keys: Sequence[Any] = (
        cells if kinds <= _PLAIN_KINDS else list(zip(map(type, cells), cells, strict=True))
    )
    try:
        distinct = set(keys)
    except TypeError:  # a value no file's reader gives (a list): every cell on its own
        results = [read(column, cell) for cell in cells]
    else:
        if keys is cells:
            seen = {cell: read(column, cell) for cell in distinct}
        else:
            seen = {key: read(column, key[1]) for key in distinct}
        results = list(map(seen.__getitem__, keys))
        if not any(reasons for reasons, *_ in seen.values()):
            return _Column([list(map(itemgetter(i), results)) for i in range(1, width + 1)], {})
    problems = {i: r[0] for i, r in enumerate(results) if r[0]}
    return _Column([list(map(itemgetter(i), results)) for i in range(1, width + 1)], problems)


def _texts(column: str, cells: list[Any]) -> _Column:
    """A column of texts: plain ones (no character to refuse, none too long, no
    apostrophe to take off) in a few passes over the column, any other by value."""
    if set(map(type, cells)) <= _TEXT_KINDS:
        texts = list(filter(None, cells))
        if column_within_limits(column, texts) and "'" not in "".join(texts):
            return _Column([[t.strip() or None if t else None for t in cells]], {})
    return _by_value(column, cells, _read_text, 1)


def _figures(
    column: str,
    cells: list[Any],
    places: int | None,
    read: Callable[[str, object], tuple[Any, ...]],
    width: int,
) -> _Column:
    """A column of figures: when every one is written plainly (digits and at most
    ``places`` decimals, as the column stores it, none out of its range: one pattern
    over the whole column), each becomes its Decimal (its int for ``places`` None)
    at once; any other column is read by value.  (The plain figures have no
    qualifier: a second part, for a qualified column, is None throughout.)"""
    kinds = set(map(type, cells))
    if kinds <= _TEXT_KINDS:
        shown = list(filter(None, cells))  # "" is empty too
    elif kinds <= _NUMBER_KINDS:
        # A number cell reads as the figure its shortest form writes (parse_amount).
        shown = list(map(repr, filter(_NOT_NONE, cells)))
    else:
        return _by_value(column, cells, read, width)
    nothing = [None] * len(cells)
    if not shown:
        return _Column([nothing, nothing][:width], {})
    joined = "\n".join(shown)
    if joined.count("\n") == len(shown) - 1 and _PLAIN_FIGURES[places].fullmatch(joined):
        make: Callable[[str], Any] = Decimal if places is not None else int
        figures = dict(zip(shown, map(make, shown), strict=True))
        limit = MAX_RANGE.get(column)
        if limit is None or max(figures.values()) <= limit:
            if kinds <= _TEXT_KINDS:
                values = [figures[c] if c else None for c in cells]
            else:
                values = [None if c is None else figures[repr(c)] for c in cells]
            return _Column([values, nothing][:width], {})
    return _by_value(column, cells, read, width)


@dataclass(slots=True)
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


_RANK = {stage: stage.rank for stage in Stage}
# The planned figures are the qualified columns: each read with its qualifier.
assert set(QUALIFIED_COLUMNS) == {*DECIMAL_FIELDS, "新增就业(人)"}
_OTHER = {Capital.DOMESTIC: Capital.FOREIGN, Capital.FOREIGN: Capital.DOMESTIC}
_CAPITAL_VALUE = {capital: capital.value for capital in Capital}
_DATE_COLUMNS = tuple(column for column, _ in STAGE_DATES)
_CHECKED_COLUMNS = frozenset(COLUMNS)


class _Absent:
    """The cell of a column a row does not have (the ledger has no such column)."""

    def __repr__(self) -> str:
        return "absent"


ABSENT: Any = _Absent()


def _stage_dates_fit(stage: Stage) -> frozenset[tuple[bool, ...]]:
    """Which of the four dates (首次对接, 签约, 开工, 投产: there or not) a row at
    ``stage`` may have without a problem."""
    fits = set()
    for pattern in range(16):
        there = tuple(bool(pattern >> (3 - i) & 1) for i in range(4))
        fine = True
        if stage is not Stage.DROPPED:
            for (column, step), has in zip(STAGE_DATES, there, strict=True):
                if column == FIRST_CONTACT:
                    fine &= has or stage is not Stage.TALKS
                elif not has:
                    fine &= not _RANK[stage] >= _RANK[step]
                else:
                    fine &= not _RANK[step] > _RANK[stage]
        if fine:
            fits.add(there)
    return frozenset(fits)


_DATES_FIT = {stage: _stage_dates_fit(stage) for stage in Stage}


# The stage each date records, for a row at each stage: 首次对接 is 线索's at 线索.
_STEPS = {
    stage: tuple(
        (Stage.LEAD if stage is Stage.LEAD else Stage.TALKS) if column == FIRST_CONTACT else step
        for column, step in STAGE_DATES
    )
    for stage in Stage
}


def _stage_events(
    stage: Stage | None,
    dates: tuple[date | None, ...],
    bad: set[str] | frozenset[str],
    said: list[tuple[str, str]],
) -> list[tuple[Stage, date]]:
    """The row's dated events, after checking them against its stage and each other
    (dates already refused are in ``bad``; the problems go to ``said``)."""
    if stage is None:
        return []
    first, signed, started, producing = dates
    pattern = (first is not None, signed is not None, started is not None, producing is not None)
    known = [when for when in dates if when is not None]
    if bad or pattern not in _DATES_FIT[stage] or known != sorted(known):
        _date_problems(stage, dates, bad, said)
    return [(step, when) for step, when in zip(_STEPS[stage], dates, strict=True) if when]


def _date_problems(
    stage: Stage,
    dates: tuple[date | None, ...],
    bad: set[str] | frozenset[str],
    said: list[tuple[str, str]],
) -> None:
    """What is wrong with a row's dates, against its stage and each other."""

    def problem(column: str, reason: str) -> None:
        said.append((column, reason))

    rank = _RANK[stage]
    if stage is not Stage.DROPPED:
        for (column, step), when in zip(STAGE_DATES, dates, strict=True):
            if column in bad:
                continue
            if column == FIRST_CONTACT:
                if when is None and stage is Stage.TALKS:
                    problem(column, "项目阶段为“在谈”,须填写首次对接日期")
            elif when is None and rank >= _RANK[step]:
                problem(column, f"项目阶段为“{stage.label}”,须填写{column}")
            elif when is not None and _RANK[step] > rank:
                problem(
                    column,
                    f"项目阶段为“{stage.label}”,不应有{column}(请改项目阶段或删去此日期)",
                )
    dated = [(c, when) for c, when in zip(_DATE_COLUMNS, dates, strict=True) if when]
    for i, (column, when) in enumerate(dated):
        later = next(((c, d) for c, d in dated[i + 1 :] if d < when), None)
        if later is not None:
            after = f"{later[0]} {later[1].isoformat()}"
            problem(column, f"{column} {when.isoformat()} 晚于{after}")
            break


class _Fields:
    """The Project attributes a column gives, read for every row at once."""

    def __init__(self) -> None:
        self.attrs: list[str] = []
        self.values: list[list[Any]] = []

    def add(self, attr: str, values: list[Any]) -> None:
        self.attrs.append(attr)
        self.values.append(values)


def check_rows(
    rows: list[tuple[int, dict[str, Any]]],
    own: Unit | None,
    step: Callable[[], None] = lambda: None,
    chunk: int = 10_000,
) -> tuple[list[Checked], list[LedgerProblem]]:
    """Check every row: the rows ready to be written, and every problem of the others
    (a row's problems in the order of its columns' checks).  ``own`` is the unit of a
    unit file, None in a headquarters file; ``step`` is called between columns and
    every ``chunk`` rows (it may raise to stop)."""
    count = len(rows)
    dicts = [values for _, values in rows]
    # Each column's cells by row (ABSENT where a row has no such column).
    present = {c for values in dicts for c in values} if dicts else set()
    uniform = all(len(values) == len(dicts[0]) for values in dicts) and all(
        len(present) == len(values) for values in dicts[:1]
    )
    columns: dict[str, _Column] = {}
    cell_problems: dict[int, list[tuple[str, str]]] = {}

    def cells(column: str) -> list[Any]:
        if column not in present:
            return [None] * count
        if uniform:
            return list(map(itemgetter(column), dicts))
        return [values.get(column, ABSENT) for values in dicts]

    def read(column: str, reading: Callable[[str, list[Any]], _Column]) -> _Column:
        found = reading(column, cells(column))
        for index, reasons in found.problems.items():
            cell_problems.setdefault(index, []).extend((column, r) for r in reasons)
        columns[column] = found
        step()
        return found

    def has(column: str) -> list[bool] | bool:
        """Whether each row has the column (True or False for every row at once)."""
        if column not in present:
            return False
        if uniform:
            return True
        return [column in values for values in dicts]

    # Read cells of a column a row does not have as empty, as a missing key reads.
    def absent_as_none(reading: Callable[[str, list[Any]], _Column]) -> Any:
        def read_column(column: str, values: list[Any]) -> _Column:
            if not uniform and column in present:
                values = [None if v is ABSENT else v for v in values]
            return reading(column, values)

        return read_column

    for extra in sorted(present - _CHECKED_COLUMNS):
        # A column outside the template (rows handed over by a caller): its limits only.
        read(extra, absent_as_none(lambda c, v: _by_value(c, v, _read_text, 1)))

    texts = absent_as_none(_texts)
    for column in ("项目名称", "投资方", "项目编号", "来源地", "责任单位", *TEXT_FIELDS):
        read(column, texts)
    for column in ("内外资", "项目阶段"):
        parse = Capital.from_label if column == "内外资" else Stage.from_label
        read(column, absent_as_none(partial(_by_value, read=_read_choice(parse), width=2)))
    for column in AMOUNT_COLUMNS.values():
        read(
            column,
            absent_as_none(
                partial(_figures, places=_MONEY_PLACES, read=_read_total, width=1),
            ),
        )
    for column in QUALIFIED_COLUMNS:
        places = _PLACES[DECIMAL_FIELDS[column]] if column in DECIMAL_FIELDS else None
        reader = _read_qualified(places)
        read(column, absent_as_none(partial(_figures, places=places, read=reader, width=2)))
    read("行业代码", absent_as_none(partial(_by_value, read=_read_industry, width=1)))
    read("统一社会信用代码", absent_as_none(partial(_by_value, read=_read_credit_code, width=1)))
    for column in _DATE_COLUMNS:
        read(column, absent_as_none(partial(_by_value, read=_read_day, width=1)))

    fields = _Fields()
    optional: list[tuple[str, list[bool]]] = []  # attributes some rows do not have

    def add(attr: str, column: str, values: list[Any]) -> None:
        there = has(column)
        if there is False:
            return
        fields.add(attr, values)
        if there is not True:
            optional.append((attr, there))

    if "行业代码" in present:
        add("industry_code", "行业代码", columns["行业代码"].parts[0])
    for column, attr in TEXT_FIELDS.items():
        add(attr, column, columns[column].parts[0])
    for column, qualifier_attr in QUALIFIED_COLUMNS.items():
        figures, qualifiers = columns[column].parts
        add(qualifier_attr, column, qualifiers)
        add(qualifier_attr.removesuffix("_qualifier"), column, figures)

    own_name = own.name if own is not None else None
    names = columns["项目名称"].parts[0]
    investors = columns["投资方"].parts[0]
    capital_texts, capitals = columns["内外资"].parts
    stage_texts, stages = columns["项目阶段"].parts
    totals = {c: columns[col].parts[0] for c, col in AMOUNT_COLUMNS.items()}
    domestic, foreign = totals[Capital.DOMESTIC], totals[Capital.FOREIGN]
    unit_names = columns["责任单位"].parts[0]
    codes = columns["统一社会信用代码"].parts[0]
    project_codes = columns["项目编号"].parts[0]
    origins = columns["来源地"].parts[0]
    dates = list(zip(*(columns[c].parts[0] for c in _DATE_COLUMNS), strict=True))
    attrs = fields.attrs
    row_fields: Iterable[tuple[Any, ...]] = (
        zip(*fields.values, strict=True) if attrs else (() for _ in range(count))
    )
    optional_index = [(attrs.index(attr), there) for attr, there in optional]

    checked: list[Checked] = []
    problems: list[LedgerProblem] = []
    empty: frozenset[str] = frozenset()
    for index, (row, _), name, investor, capital_text, capital, stage_text, stage, values in zip(
        range(count),
        rows,
        names,
        investors,
        capital_texts,
        capitals,
        stage_texts,
        stages,
        row_fields,
        strict=True,
    ):
        if index % chunk == chunk - 1:
            step()
        found = cell_problems.get(index)
        said: list[tuple[str, str]] = list(found) if found else []
        bad = {c for c, _ in said} if found else empty
        problem = said.append

        if name is None and "项目名称" not in bad:
            problem(("项目名称", "请填写项目名称"))
        if investor is None and "投资方" not in bad:
            problem(("投资方", "请填写投资方"))
        if capital_text is None:
            if "内外资" not in bad:
                problem(("内外资", "请填写内外资"))
        elif capital is None:
            problem(("内外资", f"应为“内资”或“外资”,收到“{capital_text}”"))
        if stage_text is None:
            if "项目阶段" not in bad:
                problem(("项目阶段", "请填写项目阶段"))
        elif stage is None:
            problem(("项目阶段", f"应为 {_STAGE_CHOICES} 之一,收到“{stage_text}”"))

        total: Decimal | None = None
        if capital is not None:
            mine, others = (
                (domestic, foreign) if capital is Capital.DOMESTIC else (foreign, domestic)
            )
            own_column, other_column = AMOUNT_COLUMNS[capital], AMOUNT_COLUMNS[_OTHER[capital]]
            total = mine[index]
            if total is None and own_column not in bad:
                problem((own_column, f"{capital.label}项目须填写“{own_column}”"))
            if others[index] is not None:
                problem(
                    (other_column, f"{capital.label}项目只填“{own_column}”,“{other_column}”应留空")
                )

        unit_name = unit_names[index]
        if own_name is None:
            if unit_name is None:
                problem(("责任单位", "总部文件中每个项目都须填写责任单位"))
        else:
            if unit_name is not None and unit_name != own_name:
                problem(
                    (
                        "责任单位",
                        f"本文件属于“{own_name}”,不能导入其他单位(“{unit_name}”)的项目;"
                        f"请删去此行,或在总部文件中导入",
                    )
                )
            unit_name = own_name

        events = _stage_events(stage, dates[index], bad, said)
        if said:
            problems += [LedgerProblem(row, column, reason) for column, reason in said]
            continue
        assert name and investor and capital and stage and unit_name  # checked above
        row_values = dict(zip(attrs, values, strict=False))  # (one value an attribute)
        for position, there in optional_index:
            if not there[index]:
                del row_values[attrs[position]]
        row_values["name"] = name
        row_values["capital"] = _CAPITAL_VALUE[capital]
        row_values["total_investment"] = total
        checked.append(
            Checked(
                row,
                unit_name,
                project_codes[index],
                investor,
                codes[index],
                origins[index],
                stage,
                events,
                row_values,
            )
        )
    step()
    return checked, problems


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
