"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
ROW_GAP = 8
MARGIN = 8


class BarChart(QWidget):
    """Horizontal bars, one a row: the label on the left, the count after the bar."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._data: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def data(self) -> list[tuple[str, int]]:
        return list(self._data)

    def set_data(self, data: list[tuple[str, int]]) -> None:
        self._data = list(data)
        # Screen readers and tooltips get the numbers the bars show.
        self.setToolTip("\n".join(f"{label}: {count}" for label, count in self._data))
        self.updateGeometry()
        self.update()

    def _title_height(self) -> int:
        return self.fontMetrics().height() + ROW_GAP if self._title else 0

    def sizeHint(self) -> QSize:
        rows = max(len(self._data), 1)
        height = 2 * MARGIN + self._title_height() + rows * (BAR_HEIGHT + ROW_GAP)
        return QSize(320, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        # Imported when first drawn: the class's first use builds its enums.
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        y = MARGIN
        if self._title:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(text_colour)
            painter.drawText(MARGIN, y + metrics.ascent(), self._title)
            font.setBold(False)
            painter.setFont(font)
            y += self._title_height()
        if not self._data:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(MARGIN, y + metrics.ascent(), self.tr("暂无数据"))
            painter.end()
            return
        label_width = max(metrics.horizontalAdvance(label) for label, _ in self._data) + MARGIN
        count_width = max(metrics.horizontalAdvance(str(n)) for _, n in self._data) + MARGIN
        bar_space = max(self.width() - 2 * MARGIN - label_width - count_width, 10)
        largest = max((n for _, n in self._data), default=0) or 1
        bar_colour = QColor("#c62828")  # the red of the briefing's 报头
        for label, count in self._data:
            painter.setPen(text_colour)
            text_y = y + (BAR_HEIGHT + metrics.ascent() - metrics.descent()) / 2
            painter.drawText(
                QRectF(MARGIN, y, label_width - MARGIN, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            width = bar_space * count / largest
            painter.fillRect(QRectF(MARGIN + label_width, y, width, BAR_HEIGHT), bar_colour)
            painter.drawText(int(MARGIN + label_width + width + 4), int(text_y), str(count))
            y += BAR_HEIGHT + ROW_GAP
        painter.end()
