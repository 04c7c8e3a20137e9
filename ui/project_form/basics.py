"""The project form's first page (基本信息): name, code, 内外资, kind, designation,
carrier and source."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout

from db.rules.vocabulary import CONSTRUCTION_KINDS, INFO_SOURCES, Capital
from ui.project_form.fields import FormFields


class BasicsPage(FormFields):
    """基本信息: the project's name and code, 内外资, kind, designation, carrier and source."""

    def _basic_page(self, form: QFormLayout) -> None:
        self._add(form, self.tr("项目名称(&N)*"), "name", self._line())
        self._add(form, self.tr("项目编号"), "code", self._line(self.tr("可不填")))
        capital = QComboBox()
        for option in Capital:
            capital.addItem(self.tr(option.label), option)
        self._add(form, self.tr("内外资(&C)"), "capital", capital)
        capital.currentIndexChanged.connect(lambda _index: self._capital_changed())
        self._add(form, self.tr("建设性质"), "construction_kind", self._combo(CONSTRUCTION_KINDS))
        self._add(
            form,
            self.tr("项目定位"),
            "designation",
            self._line(self.tr("如:镇江市重点产业类项目")),
        )
        self._add(form, self.tr("拟落户载体"), "carrier", self._line(self.tr("园区或镇区")))
        self._add(form, self.tr("信息来源"), "info_source", self._combo(INFO_SOURCES))

    def capital(self) -> Capital:
        combo = self.inputs["capital"]
        assert isinstance(combo, QComboBox)
        return Capital(combo.currentData())
