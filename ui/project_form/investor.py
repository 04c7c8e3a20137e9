"""The project form's page of the investor (投资方)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QFormLayout

from db.reads.timeline import investor_names
from db.rules.vocabulary import INVESTOR_CATEGORIES, INVESTOR_NATURES
from ui.keyboard import pass_clicks_through
from ui.project_form.fields import FormFields


class InvestorPage(FormFields):
    """投资方: who invests, with a completer over the investors already entered."""

    def _investor_page(self, form: QFormLayout) -> None:
        name = self._line(self.tr("公司全称,如:大亚科技集团有限公司"))
        completer = QCompleter(investor_names(), name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        name.setCompleter(completer)
        pass_clicks_through(completer)
        self._add(form, self.tr("投资方(&I)*"), "investor_name", name)
        code = self._line(self.tr("18位,可不填"))
        code.setMaxLength(20)
        self._add(form, self.tr("统一社会信用代码"), "credit_code", code)
        self._add(form, self.tr("来源地"), "origin", self._line(self.tr("省市,外资填国家或地区")))
        self._add(form, self.tr("企业性质"), "investor_nature", self._combo(INVESTOR_NATURES))
        self._add(form, self.tr("企业类别"), "investor_category", self._combo(INVESTOR_CATEGORIES))
        self._add(form, self.tr("联系人"), "contact_person", self._line())
        self._add(form, self.tr("联系电话"), "contact_phone", self._line())
