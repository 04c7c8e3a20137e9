"""The largest ledger accepted, stated once: refused before any work, each refusal
with its row and column.

The limits keep what an import accepts printable and exportable later: a name
fits a line of the PDFs' tables, a text holds no character the .xlsx format or
a PDF cannot carry, a number fits the file's exact integers and the project
form's ranges.  README "Reliability" lists them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from db.rules.text_limits import FIELD_LENGTH, SHORT_TEXT, UNIT_NAME_LENGTH

MIB = 1024 * 1024

# The file itself, before it is opened.
MAX_FILE_BYTES = 100 * MIB  # a .csv or .xlsx on disk (100,000 rows: 25 MB / 12 MB)
MAX_ROWS = 200_000  # rows below the header: twice a city's whole history
MAX_COLUMNS = 256  # cells in a row (the template has 28; Excel 2003 stopped at 256)

# An .xlsx is a ZIP archive: its directory is read first, and each member is
# inflated by us, bounded by the size the directory states, before the reader
# sees it.
MAX_XLSX_MEMBERS = 1_000
MAX_SHEET_BYTES = 400 * MIB  # one worksheet's XML (100,000 rows: 93 MB)
MAX_SHARED_STRINGS_BYTES = 128 * MIB  # the workbook's table of texts
MAX_XLSX_UNCOMPRESSED = 1024 * MIB  # every member together
# A worksheet's highest row number: the rows above the header and empty rows
# between projects leave room above MAX_ROWS.
MAX_SHEET_ROW = MAX_ROWS + 10_000

# Characters per cell, by column; a column not named here takes SHORT_TEXT.  The
# numbers are the project form's (db/rules/text_limits.py), tried at full length in
# every kind of text (Chinese, a word without spaces, digits, a run of 、 that no
# line may start with) through `zhaoshang brief`, `listing` and `project-brief`
# (tests/db/test_ledger_limits.py).
CELL_LENGTH: dict[str, int] = {
    "项目名称": FIELD_LENGTH["name"],
    "投资方": FIELD_LENGTH["investor_name"],
    "产业类别": FIELD_LENGTH["local_industry"],
    "产业链": FIELD_LENGTH["chain"],
    "责任人": FIELD_LENGTH["person_in_charge"],
    "责任单位": UNIT_NAME_LENGTH,
    "建设内容及规模": FIELD_LENGTH["content"],
    "需协调问题": FIELD_LENGTH["issues"],
    "备注": FIELD_LENGTH["remarks"],
}
# The long texts may hold line breaks and tabs (Alt+Enter in Excel); no cell may
# hold another control character: NUL and its kin cannot be written to an .xlsx,
# and neither they nor U+FFFE/U+FFFF can be printed.
MULTILINE = frozenset({"建设内容及规模", "需协调问题", "备注"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

# Amounts in 万 (总投资, 预计年销售, 预计年税收): as the project form's, above 1万亿元
# a figure is almost certainly typed in 元 (db/records/projects.py, _MAX_WAN).
MAX_WAN = Decimal(100_000_000)
# Figures the form leaves open, bounded here so that they fit the file's exact
# integers and say something a briefing can print.
MAX_RANGE: dict[str, Decimal] = {
    "总投资(万元)": MAX_WAN,
    "总投资(万美元)": MAX_WAN,
    "预计年销售(万元)": MAX_WAN,
    "预计年税收(万元)": MAX_WAN,
    "用地(亩)": Decimal(1_000_000),  # 667 km², more than a county's built land
    "建筑面积(平方米)": Decimal(100_000_000),  # 100 km² of floors
    "新增就业(人)": Decimal(1_000_000),
}


def cell_length(column: str) -> int:
    return CELL_LENGTH.get(column, SHORT_TEXT)


def may_break_limits(column: str, text: str) -> bool:
    """A quick look, true for every text ``text_problem`` refuses (and a few it takes:
    spaces and line breaks around the text, which are stripped)."""
    return (
        len(text) > CELL_LENGTH.get(column, SHORT_TEXT)
        or _CONTROL_OR_BREAK.search(text) is not None
    )


def column_within_limits(column: str, texts: list[str]) -> bool:
    """A quick look over a whole column's texts at once: true only when
    ``text_problem`` refuses none of them (every one within the column's length,
    no character the column may not hold), false when one may be refused."""
    if not texts:
        return True
    if max(map(len, texts)) > cell_length(column):
        return False
    control = _CONTROL if column in MULTILINE else _CONTROL_OR_BREAK
    return control.search("".join(texts)) is None


def text_problem(column: str, text: str) -> str | None:
    """Why a cell's text cannot be taken (too long, a control character), or None;
    ``text`` without the spaces and line breaks around it."""
    limit = cell_length(column)
    if len(text) > limit:
        return f"最多{limit}个字符,此格有{len(text)}个字符,请删减"
    control = (_CONTROL if column in MULTILINE else _CONTROL_OR_BREAK).search(text)
    if control is not None:
        char = control.group()
        what = "换行或制表符" if char in "\t\n\r" else f"控制字符 U+{ord(char):04X}"
        return f"含有{what}(第{control.start() + 1}个字符),请删去后重新导入"
    return None


def range_problem(column: str, value: Decimal, shown: str) -> str | None:
    """Why a figure is out of its column's range, or None (negatives are checked apart);
    ``shown`` is the cell as the user typed it."""
    limit = MAX_RANGE.get(column)
    if limit is None or value <= limit:
        return None
    if limit == MAX_WAN:
        unit = "万美元" if "美元" in column else "万元"
        return f"过大(最多1亿{unit}),请确认单位是{unit}而不是{unit[1:]},收到 {shown}"
    return f"过大(最多{limit:,}),收到 {shown}"
