"""Small bar charts drawn with reportlab graphics (so they are vectors in the PDF)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

BAR = colors.HexColor("#C0504D")


def bar_chart(
    title: str, items: Sequence[tuple[str, int]], font_name: str, width: float = 230
) -> Drawing:
    """Horizontal bars, one per (label, count), the count written at the bar's end."""
    rows = list(items) or [("—", 0)]
    bar_height = 16
    height = 40 + bar_height * len(rows) * 1.4
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 70
    chart.y = 10
    chart.width = width - 100
    chart.height = height - 36
    # reportlab draws the first category at the bottom; list the first on top.
    chart.data = [[count for _, count in reversed(rows)]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = font_name
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([count for _, count in rows] + [1]) * 1.2
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font_name
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(
        String(width / 2, height - 12, title, fontName=font_name, fontSize=9.5, textAnchor="middle")
    )
    return drawing
