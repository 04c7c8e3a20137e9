"""Creating a unit file or a headquarters file: who it belongs to and where it lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.rules.vocabulary import UNIT_KINDS
from ui.keyboard import enter_moves_on
from ui.labels import choice_value, fill_choices


class NewFileDialog(QDialog):
    """Asks the unit (or headquarters) name, kind, city and the file's place."""

    def __init__(self, headquarters: bool, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.headquarters = headquarters
        self.folder = folder
        self.setWindowTitle(
            self.tr("新建总部数据文件") if headquarters else self.tr("新建单位数据文件")
        )
        self.name = QLineEdit()
        self.name.setObjectName("unitName")
        self.name.setPlaceholderText(
            self.tr("如 市招商中心") if headquarters else self.tr("如 上海驻点招商办")
        )
        self.kind = QComboBox()
        self.kind.setObjectName("unitKind")
        fill_choices(self.kind, [k for k in UNIT_KINDS if k != "招商中心"])
        self.city = QLineEdit()
        self.city.setObjectName("unitCity")
        self.city.setPlaceholderText(self.tr("驻点招商办所在城市,如 上海"))
        self.path = QLineEdit()
        self.path.setObjectName("filePath")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("newFileError")
        self.error.setStyleSheet("color: #c62828;")
        self.name.textChanged.connect(self._suggest_path)

        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        if not headquarters:
            form.addRow(self.tr("类别"), self.kind)
            form.addRow(self.tr("驻点城市"), self.city)
        form.addRow(self.tr("保存位置"), path_row)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._suggest_path("")
        self.resize(520, 0)
        enter_moves_on(self, self.name, self.accept)

    def _suggest_path(self, name: str) -> None:
        stem = name.strip() or (self.tr("总部") if self.headquarters else self.tr("本单位"))
        self.path.setText(str(self.folder / f"{stem}-招商台账.zsdb"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存数据文件"), self.path.text(), self.tr("招商台账数据文件 (*.zsdb)")
        )
        if chosen:
            if not chosen.endswith(".zsdb"):
                chosen += ".zsdb"
            self.path.setText(chosen)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("请填写名称"))
            self.name.setFocus()
            return
        target = Path(self.path.text().strip())
        if not self.path.text().strip():
            self.error.setText(self.tr("请选择保存位置"))
            return
        if target.exists():
            self.error.setText(self.tr("该文件已存在,请换一个文件名"))
            self.path.setFocus()
            return
        super().accept()

    def values(self) -> tuple[Path, str, str, str | None]:
        return (
            Path(self.path.text().strip()),
            self.name.text().strip(),
            choice_value(self.kind),
            self.city.text().strip() or None,
        )
