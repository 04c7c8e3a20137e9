"""项目清单: the filtered ledger rows in a landscape table, header on every page,
totals at the end (内资 and 外资 apart)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from db.reads.listing import ListingData
from db.rules.money import yi_text
from db.rules.vocabulary import Capital, Stage
from reports.fonts import PdfFont, pdf_font
from reports.pdf_common import Styles, data_table, date_cn, iso, wan, write_pdf

_WIDTHS = {
    "code": 19,
    "name": 37,
    "investor": 32,
    "unit": 20,
    "capital": 10,
    "total": 24,
    "local_industry": 15,
    "stage": 11,
    "signed_on": 20,
    "started_on": 20,
    "person_in_charge": 13,
    "issues": 26,
}


def _cell(key: str, value: Any, capital: Capital) -> str:
    if value is None:
        return ""
    if key == "total":
        return f"{wan(value)}{capital.currency_unit}"
    if isinstance(value, Stage | Capital):
        return value.label
    if isinstance(value, date):
        return iso(value)
    if isinstance(value, Decimal):
        return wan(value)
    return str(value)


def build_listing(data: ListingData, out: Path, font: PdfFont | None = None) -> Path:
    font = font or pdf_font()
    styles = Styles(font, base=10)  # a wide table: one size smaller
    rows = [
        (i, *(_cell(k, v, row.capital) for k, v in zip(data.column_keys, row.values, strict=True)))
        for i, row in enumerate(data.rows, start=1)
    ]
    t = data.totals
    total_cells = ["合计", f"{t.count}个"] + [""] * len(data.column_keys)
    total_column = 1 + data.column_keys.index("total")
    total_cells[total_column] = (
        f"内资{t.domestic_count}个 {yi_text(t.domestic_total_wan_cny)}亿元;"
        f"外资{t.foreign_count}个 {yi_text(t.foreign_total_wan_usd)}亿美元"
    )
    widths = [10 * mm] + [_WIDTHS[k] * mm for k in data.column_keys]
    story: list[object] = [
        Paragraph(data.title, styles.title.clone("listingTitle", fontSize=20, leading=28)),
        Paragraph(
            f"{data.editor} {date_cn(data.printed_on)} · {data.filter_words} · 共{t.count}个项目",
            styles.caption,
        ),
        Spacer(1, 4 * mm),
        data_table(
            styles,
            ("序号", *data.headers),
            rows,
            widths,
            right_columns=(total_column,),
            total_row=total_cells,
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            f"合计{t.count}个项目:内资项目{t.domestic_count}个,总投资"
            f"{yi_text(t.domestic_total_wan_cny)}亿元;外资项目{t.foreign_count}个,"
            f"总投资{yi_text(t.foreign_total_wan_usd)}亿美元(内外资分列,不相加)。",
            styles.plain,
        ),
    ]
    return write_pdf(story, out, font, title="项目清单", author=data.editor, pagesize=landscape(A4))
