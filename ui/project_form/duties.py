"""The project form's page of responsibility and issues (责任与问题)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout

from db.reads.units import live_units
from ui.project_form.fields import FormFields


class DutiesPage(FormFields):
    """责任与问题: the responsible unit and person, issues and remarks."""

    def _responsibility_page(self, form: QFormLayout) -> None:
        unit = QComboBox()
        own = self.session.unit
        current = self.loaded.unit_id if self.loaded else None
        if own is None:
            unit.addItem(self.tr("(请选择)"), None)
        for row in live_units():
            # A unit file reports for its own unit only; headquarters assigns any unit.
            if own is None or row.id in (own.id, current):
                unit.addItem(row.name, row.id)
        unit.setEnabled(unit.count() > 1)
        self._add(form, self.tr("责任单位(&U)*"), "unit_id", unit)
        self._add(form, self.tr("责任人"), "person_in_charge", self._line())
        self._add(form, self.tr("需协调解决问题"), "issues", self._text(70))
        self._add(form, self.tr("备注"), "remarks", self._text(70))

    def _default_unit_id(self) -> int | None:
        own = self.session.unit
        return own.id if own is not None else None
