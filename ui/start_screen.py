"""The start screen: create a unit or headquarters file, open one, or look at the example."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartScreen(QWidget):
    """``recent``: the files opened last; ``failed``: files that failed to open, each with
    its reason, listed first so that the user sees why the last file did not open."""

    create_unit_requested = Signal()
    create_hq_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(
        self,
        recent: list[str],
        failed: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        title = QLabel(self.tr("招商台账"))
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 28px; font-weight: bold; color: #b71c1c;")
        subtitle = QLabel(
            self.tr("招商项目台账、统计与简报 —— 离线使用,数据保存在本机的一个文件中")
        )
        subtitle.setStyleSheet("color: #555;")

        buttons = QVBoxLayout()
        for name, text, hint, signal in (
            (
                "createUnitButton",
                self.tr("新建单位数据文件"),
                self.tr("驻点招商办、开发区、镇区、园区使用"),
                self.create_unit_requested,
            ),
            (
                "createHqButton",
                self.tr("新建总部数据文件"),
                self.tr("市招商中心汇总各单位数据使用"),
                self.create_hq_requested,
            ),
            (
                "openButton",
                self.tr("打开数据文件…"),
                self.tr("打开已有的 .zsdb 文件"),
                self.open_requested,
            ),
            (
                "demoButton",
                self.tr("打开示例数据"),
                self.tr("文章中全市1~7月的招商数据,供熟悉软件"),
                self.demo_requested,
            ),
        ):
            button = QPushButton(f"{text}\n{hint}")
            button.setObjectName(name)
            button.setMinimumHeight(56)
            button.setStyleSheet("text-align: left; padding: 8px 16px;")
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        buttons.addStretch(1)

        recent_box = QVBoxLayout()
        recent_label = QLabel(self.tr("最近打开的文件"))
        recent_label.setStyleSheet("font-weight: bold;")
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentFiles")
        self.recent_list.setWordWrap(True)
        self.recent_list.itemActivated.connect(self._activated)
        self._recent = recent
        self.show_failed(failed or {})
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent_list)

        columns = QHBoxLayout()
        left = QFrame()
        left.setLayout(buttons)
        left.setMinimumWidth(320)
        right = QFrame()
        right.setLayout(recent_box)
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(columns, 1)

    def show_failed(self, failed: dict[str, str]) -> None:
        """List the recent files again, those that failed first, each with its reason."""
        self.recent_list.clear()
        self.recent_list.setEnabled(True)
        shown = [path for path in failed] + [p for p in self._recent if p not in failed]
        for path in shown:
            reason = failed.get(path)
            if reason is None:
                item = QListWidgetItem(Path(path).name)
                item.setToolTip(path)
            else:
                item = QListWidgetItem(
                    self.tr("⚠ %1 —— 未能打开:%2")
                    .replace("%1", Path(path).name)
                    .replace("%2", reason)
                )
                item.setToolTip(f"{path}\n{reason}")
                item.setForeground(QColor("#b71c1c"))
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        if not shown:
            self.recent_list.addItem(self.tr("(暂无)"))
            self.recent_list.setEnabled(False)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recent_chosen.emit(str(path))
