"""The project form's page of the amounts and phases (投资额与分期)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHeaderView, QTableWidget, QTableWidgetItem

from db.rules.qualifier import Qualifier
from db.rules.vocabulary import Capital
from ui.project_form.content import CAPACITY_PHASE
from ui.project_form.fields import UUID_ROLE, FormFields, _button

# Investment amounts are in the project's currency; sales, output and tax in 万元.
_IN_PROJECT_CURRENCY = ("total_investment", "fixed_asset_investment", "registered_capital")

# The phase table's columns.
PHASE_NAME, PHASE_INVESTMENT, PHASE_CONTENT = 0, 1, 2
PHASE_AREA_QUALIFIER, PHASE_AREA, PHASE_SALES_QUALIFIER, PHASE_SALES = 3, 4, 5, 6


class MoneyPage(FormFields):
    """投资额与分期: total, fixed-asset and registered amounts, and the phases table."""

    def _investment_page(self, form: QFormLayout) -> None:
        total = self._amount(form, self.tr("总投资(&T)"), "total_investment")
        total.changed.connect(self._update_derived)
        total.unit_box.currentIndexChanged.connect(lambda _index: self._phase_header())
        self._amount(form, self.tr("固定资产投资"), "fixed_asset_investment")
        self._amount(form, self.tr("注册资本"), "registered_capital")
        self.phases = QTableWidget(0, 7)
        header = self.phases.horizontalHeader()
        header.setSectionResizeMode(PHASE_CONTENT, QHeaderView.ResizeMode.Stretch)
        for column in (PHASE_AREA_QUALIFIER, PHASE_SALES_QUALIFIER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.phases.setTabKeyNavigation(False)
        self.phases.setMinimumHeight(130)
        self.phases.itemChanged.connect(lambda _item: self._phase_names_changed())
        self.phases.itemChanged.connect(lambda _item: self._recheck_field("phases"))
        add = _button(self.tr("添加分期"), "addPhase")
        add.clicked.connect(lambda: self.add_phase())
        remove = _button(self.tr("删除分期"), "removePhase")
        remove.clicked.connect(lambda: self._remove_row(self.phases))
        self._add(form, self.tr("分期"), "phases", self.phases, *self._stacked(add, remove))
        self._phase_header()

    def add_phase(
        self,
        name: str = "",
        investment: str = "",
        content: str = "",
        uuid: str | None = None,
        *,
        area: str = "",
        area_qualifier: Qualifier | None = None,
        sales: str = "",
        sales_qualifier: Qualifier | None = None,
    ) -> None:
        """A phase row; ``investment`` is typed in the unit of 总投资 (or with 亿/万), its
        floor area in ㎡ and its sales in 万元, each with its qualifier."""
        row = self.phases.rowCount()
        self.phases.insertRow(row)
        texts = {
            PHASE_NAME: name or self.tr("新一期"),
            PHASE_INVESTMENT: investment,
            PHASE_CONTENT: content,
            PHASE_AREA: area,
            PHASE_SALES: sales,
        }
        items = {column: QTableWidgetItem(text) for column, text in texts.items()}
        items[PHASE_NAME].setData(UUID_ROLE, uuid)
        for column, item in items.items():
            self.phases.setItem(row, column, item)
        for column, chosen, name_of in (
            (PHASE_AREA_QUALIFIER, area_qualifier, "phaseAreaQualifier"),
            (PHASE_SALES_QUALIFIER, sales_qualifier, "phaseSalesQualifier"),
        ):
            combo = self.qualifier_combo()
            combo.setObjectName(name_of)
            self.set_qualifier(combo, chosen)
            self.phases.setCellWidget(row, column, combo)
        if not name:
            self.phases.setCurrentCell(row, PHASE_NAME)
            self.phases.editItem(items[PHASE_NAME])

    def _phase_names(self) -> list[str]:
        names = (self._cell(self.phases, row, 0) for row in range(self.phases.rowCount()))
        return [name for name in names if name]

    def _phase_names_changed(self) -> None:
        if not hasattr(self, "capacity"):
            return  # the capacity table is built after the phases
        for row in range(self.capacity.rowCount()):
            combo = self.capacity.cellWidget(row, CAPACITY_PHASE)
            assert isinstance(combo, QComboBox)
            self._fill_phase_choice(combo, combo.currentData())

    def _phase_header(self) -> None:
        unit = self.amounts["total_investment"].unit_text
        self.phases.setHorizontalHeaderLabels(
            [
                self.tr("名称"),
                self.tr("投资(%1)").replace("%1", unit),
                self.tr("建设内容"),
                self.tr("限定"),
                self.tr("建筑面积(㎡)"),
                self.tr("限定"),
                self.tr("预计年销售(万元)"),
            ]
        )

    def _capital_changed(self) -> None:
        foreign = self.capital() is Capital.FOREIGN
        for field in _IN_PROJECT_CURRENCY:
            self.amounts[field].set_foreign(foreign)
        self._phase_header()
        self._update_derived()
