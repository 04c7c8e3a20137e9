"""Small bar charts drawn with reportlab graphics (so they are vectors in the PDF)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

BAR = colors.HexColor("#C0504D")
LABEL_SIZE = 10.5  # 五号


def chart_items(
    counts: Sequence[tuple[str, int]], total: int, limit: int = 8
) -> list[tuple[str, int]]:
    """Bars that add up to ``total``: the largest ``limit - 1`` categories as they are,
    the rest together as 其他, and the projects without a category as 未分类 — no
    category is dropped silently."""
    items = list(counts)
    unlabelled = total - sum(n for _, n in items)
    if unlabelled > 0:
        items.append(("未分类", unlabelled))
    if len(items) <= limit:
        return items
    head, rest = items[: limit - 1], items[limit - 1 :]
    return [*head, ("其他", sum(n for _, n in rest))]


def bar_chart(
    title: str, items: Sequence[tuple[str, int]], font_name: str, width: float = 230
) -> Drawing:
    """Horizontal bars, one per (label, count), the count written at the bar's end."""
    rows = list(items) or [("—", 0)]
    bar_height = 17
    height = 44 + bar_height * len(rows) * 1.4
    label_room = max(stringWidth(label, font_name, LABEL_SIZE) for label, _ in rows) + 8
    drawing = Drawing(width, height)
    # The drawing's initial state names our font, so the PDF lists no unused Helvetica.
    drawing.initialFontName = font_name
    drawing.initialFontSize = LABEL_SIZE
    chart = HorizontalBarChart()
    chart.x = label_room
    chart.y = 6
    chart.width = width - label_room - 30
    chart.height = height - 40
    # reportlab draws the first category at the bottom; list the first on top.
    chart.data = [[count for _, count in reversed(rows)]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = font_name
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([count for _, count in rows] + [1]) * 1.2
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font_name
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(
        String(width / 2, height - 14, title, fontName=font_name, fontSize=12, textAnchor="middle")
    )
    return drawing
