"""The project form's page of industry and chain (行业与产业链)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout

from db.rules.industry import describe
from db.store import settings
from ui.keyboard import pass_clicks_through
from ui.project_form.fields import FormFields


class IndustryPage(FormFields):
    """行业与产业链: the GB/T 4754 industry, the local industry and the chain."""

    def _industry_page(self, form: QFormLayout) -> None:
        industry = QComboBox()
        industry.setEditable(True)
        industry.addItem("", None)
        for number in range(1, 98):
            code = f"{number:02d}"
            industry.addItem(f"{code} {describe(code)}", code)
        # Typing 汽车 finds "36 汽车制造业": names match anywhere, not only at the start.
        completer = QCompleter(industry.model(), industry)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        industry.setCompleter(completer)
        pass_clicks_through(completer)
        line = industry.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("输入代码或名称,如 36 或 汽车"))
        self._add(form, self.tr("行业(GB/T 4754)(&H)"), "industry_code", industry)
        self._add(
            form, self.tr("产业类别"), "local_industry", self._combo(settings.local_industries())
        )
        priority = settings.priority_system()
        self._add(
            form,
            self.tr("产业链(%1)").replace("%1", priority.name),
            "chain",
            self._combo(priority.chains),
        )

    def _industry_code(self) -> str | None:
        """The two-digit code of what was picked or typed ("36", "36 汽车制造业", "汽车制造业")."""
        combo = self.inputs["industry_code"]
        assert isinstance(combo, QComboBox)
        typed = combo.currentText().strip()
        if not typed:
            return None
        head = typed.split()[0]
        if head.isdigit() and len(head) <= 2:
            return head.zfill(2)
        matches = [i for i in range(1, combo.count()) if typed in combo.itemText(i)]
        return combo.itemData(matches[0]) if len(matches) == 1 else typed
