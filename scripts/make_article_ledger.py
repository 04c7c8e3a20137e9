"""Write tests/data/article-ledger.xlsx: the article's ledger (db.demo.ARTICLE_ROWS).

The file is the acceptance fixture of the counting rules, laid out as the import
template: one header row with db.ledger.COLUMNS, then one project a row, dates as
date cells (yyyy-mm-dd) and amounts as numbers.  Run it again whenever
ARTICLE_ROWS changes, and commit the result:

    .venv/bin/python scripts/make_article_ledger.py
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from db.demo import ARTICLE_ROWS
from db.ledger import COLUMNS

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "data" / "article-ledger.xlsx"
SHEET_TITLE = "项目台账"
DATE_FORMAT = "yyyy-mm-dd"
# Columns a person writes long text into get a wider cell.
WIDE_COLUMNS = {"项目名称": 44, "投资方": 30, "建设内容及规模": 60, "备注": 30, "需协调问题": 20}


def write_ledger(rows: list[dict[str, object]], path: Path) -> None:
    """Write ``rows`` (keyed by the COLUMNS headers) as a template spreadsheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(header) for header in COLUMNS])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date | datetime):
                cell.number_format = DATE_FORMAT
    for index, header in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDE_COLUMNS.get(header, 14)
    sheet.freeze_panes = "C2"
    # A fixed creation time keeps the file's properties the same from run to run.
    workbook.properties.creator = "招商台账"
    workbook.properties.created = datetime(2023, 8, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def main() -> int:
    write_ledger(ARTICLE_ROWS, FIXTURE)
    print(f"{FIXTURE}: {len(ARTICLE_ROWS)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
