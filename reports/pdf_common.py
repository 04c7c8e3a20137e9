"""Shared PDF machinery: styles on the CJK font, escaping, page numbers, tables."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from db.rules.money import plain
from reports.fonts import PdfFont

RED = colors.HexColor("#C00000")
GRID = colors.HexColor("#808080")
HEAD_BG = colors.HexColor("#F2F2F2")

if TYPE_CHECKING:
    # reportlab ships no type information, and mypy --strict refuses a class built on
    # an untyped base; this states the part of Canvas that NumberedCanvas relies on.
    class _CanvasBase:
        _pagesize: tuple[float, float]
        _pageNumber: int

        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
        def _startPage(self) -> None: ...
        def showPage(self) -> None: ...
        def save(self) -> None: ...
        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None: ...
        def setFillColor(self, aColor: colors.Color, alpha: float | None = None) -> None: ...
        def drawCentredString(self, x: float, y: float, text: str) -> None: ...
else:
    _CanvasBase = Canvas


def text(value: object) -> str:
    """User text made safe for a Paragraph: escaped, empty shown as a dash."""
    if value is None or value == "":
        return "—"
    return escape(str(value))


def date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def iso(day: date | None) -> str:
    return day.isoformat() if day else "—"


def wan(value: Decimal | None) -> str:
    """An amount in 万 with thousands separators: 300,000 or 4.3."""
    if value is None:
        return "—"
    integral, _, fraction = plain(value).partition(".")
    grouped = f"{int(integral):,}"
    return f"{grouped}.{fraction}" if fraction else grouped


class Styles:
    """Paragraph styles of the documents, all on the CJK font."""

    def __init__(self, font: PdfFont, base: float = 11) -> None:
        name = font.name

        def style(key: str, **kw: Any) -> ParagraphStyle:
            kw.setdefault("fontName", name)
            kw.setdefault("fontSize", base)
            kw.setdefault("leading", kw["fontSize"] * 1.6)
            kw.setdefault("wordWrap", "CJK")
            return ParagraphStyle(key, **kw)

        self.title = style("title", fontSize=34, leading=44, textColor=RED, alignment=TA_CENTER)
        self.issue = style("issue", fontSize=13, alignment=TA_CENTER)
        self.meta_left = style("metaLeft", fontSize=11, alignment=TA_LEFT)
        self.meta_right = style("metaRight", fontSize=11, alignment=TA_RIGHT)
        self.heading = style("heading", fontSize=14, leading=24, spaceBefore=10, spaceAfter=4)
        self.subheading = style("subheading", fontSize=12, leading=20, spaceBefore=4)
        self.body = style(
            "body", fontSize=base + 1, firstLineIndent=(base + 1) * 2, alignment=TA_JUSTIFY
        )
        self.plain = style("plain", fontSize=base)
        self.small = style("small", fontSize=base - 2, leading=(base - 2) * 1.5)
        self.caption = style("caption", fontSize=base - 1, alignment=TA_CENTER)
        cell = base - 2.5
        self.cell = style("cell", fontSize=cell, leading=cell * 1.3)
        self.cell_right = style("cellRight", fontSize=cell, leading=cell * 1.3, alignment=TA_RIGHT)
        self.cell_head = style("cellHead", fontSize=cell, leading=cell * 1.3, alignment=TA_CENTER)
        self.footer = style("footer", fontSize=10.5, leading=17)


def data_table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    right_columns: Sequence[int] = (),
    total_row: Sequence[object] | None = None,
) -> Table:
    """A bordered table whose header repeats on every page and whose cells wrap."""
    body: list[list[Paragraph]] = [[Paragraph(text(h), styles.cell_head) for h in header]]
    for row in list(rows) + ([total_row] if total_row is not None else []):
        body.append(
            [
                Paragraph(text(value), styles.cell_right if i in right_columns else styles.cell)
                for i, value in enumerate(row)
            ]
        )
    table = Table(body, colWidths=list(widths), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total_row is not None:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEAD_BG))
    table.setStyle(TableStyle(commands))
    return table


def numbered_canvas(font_name: str, footer: str = "第 {page} 页 共 {total} 页") -> type[Canvas]:
    """A canvas that writes "第 x 页 共 y 页" once the number of pages is known."""

    class NumberedCanvas(_CanvasBase):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(font_name, 9)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawCentredString(
                    width / 2, 10 * mm, footer.format(page=self._pageNumber, total=total)
                )
                super().showPage()
            super().save()

    return NumberedCanvas


LANDSCAPE = "landscape"  # the page template a wide table turns to (NextPageTemplate)


def write_pdf(
    story: list[Any],
    out: Path,
    font: PdfFont,
    title: str,
    author: str,
    pagesize: tuple[float, float] = A4,
) -> Path:
    """Lay out ``story`` into ``out`` through a temporary file, so a failure or a
    crash never leaves half a PDF where the user expects the document.

    Pages are ``pagesize``; a ``NextPageTemplate(LANDSCAPE)`` in the story turns the
    following pages to landscape A4 (a wide appendix table)."""
    out = Path(out)
    handle, temp_name = tempfile.mkstemp(suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        doc = BaseDocTemplate(
            temp_name,
            pagesize=pagesize,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=20 * mm,
            title=title,
            author=author,
        )
        doc.addPageTemplates(
            [
                _page_template("main", pagesize),
                _page_template(LANDSCAPE, landscape(A4)),
            ]
        )
        doc.build(story, canvasmaker=numbered_canvas(font.name))
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out


def _page_template(name: str, pagesize: tuple[float, float]) -> PageTemplate:
    width, height = pagesize
    frame = Frame(
        20 * mm,
        20 * mm,
        width - 40 * mm,
        height - 38 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=f"{name}-frame",
    )
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize)
