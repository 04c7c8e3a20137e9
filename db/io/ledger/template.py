"""The ledger spreadsheet (台账) template: its columns in order, what each holds,
and the problems an import reports (row, column, reason).

The headers and their order are those of docs/DOMAIN.md ("The ledger spreadsheet");
``header_key`` folds the spellings people use (full-width parentheses, spaces,
a trailing ``*``) to the template's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from db.errors import UserError
from db.rules.vocabulary import Capital, Stage

# The template's headers, in order (docs/DOMAIN.md "The ledger spreadsheet").
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
# Planned figures a cell may qualify as officials write them: “约200000”, “超50000”,
# “500以上” (db.rules.qualifier); the column → the Project attribute of its qualifier.
QUALIFIED_COLUMNS: dict[str, str] = {
    "用地(亩)": "land_mu_qualifier",
    "建筑面积(平方米)": "floor_area_m2_qualifier",
    "预计年销售(万元)": "expected_sales_qualifier",
    "预计年税收(万元)": "expected_tax_qualifier",
    "新增就业(人)": "new_jobs_qualifier",
}
AMOUNT_COLUMNS: dict[Capital, str] = {
    Capital.DOMESTIC: "总投资(万元)",
    Capital.FOREIGN: "总投资(万美元)",
}


# Text a spreadsheet would take for a formula when it opens the file (OWASP's CSV
# injection: = + - @ tab and carriage return first).  The export puts an apostrophe
# before it in CSV, and marks the cell as text in .xlsx; the import takes one
# apostrophe off a text that begins with apostrophes and then such a character,
# so the export adds one before a text the user already began with one.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
FORMULA_GUARD = re.compile(r"'+[=+\-@\t\r]")


def looks_like_formula(text: str) -> bool:
    return _FORMULA_START.match(text) is not None


def guard_formula(text: str) -> str:
    """``text`` as a CSV cell: '=HYPERLINK(…) for =HYPERLINK(…)."""
    return "'" + text if looks_like_formula(text) else text


def guard_apostrophe(text: str) -> str:
    """``text`` as an .xlsx text cell, which needs no apostrophe of its own: ''=1 for '=1."""
    return "'" + text if FORMULA_GUARD.match(text) else text


def header_key(text: object) -> str:
    """A header as the template spells it: 总投资（万元）* → 总投资(万元)."""
    # NFKC turns full-width parentheses, asterisks and spaces into ASCII ones.
    folded = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", folded).strip("*")


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
