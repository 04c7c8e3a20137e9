"""The project form's page of construction content, capacity and benefits
(建设内容与效益), with the derived ㎡ and 投资强度."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from db.rules.money import AmountError, plain
from db.rules.qualifier import Qualifier
from db.rules.vocabulary import Capital
from db.store import settings
from ui.amounts import english_amount
from ui.i18n import language
from ui.project_form.fields import UUID_ROLE, FormFields, _button
from ui.widgets import parse_decimal, square_metres_text

# The 所属分期 choice of a capacity line that belongs to no single phase.
FULL_CAPACITY = None

# The capacity table's columns.
CAPACITY_PRODUCT, CAPACITY_QUALIFIER, CAPACITY_QUANTITY, CAPACITY_UNIT, CAPACITY_PHASE = range(5)


class ContentPage(FormFields):
    """建设内容与效益: content, land and floor area, expected benefits, capacity."""

    def _benefit_page(self, form: QFormLayout) -> None:
        self._add(
            form,
            self.tr("建设内容及规模"),
            "content",
            self._text(80, self.tr("如:新建厂房约30000平方米,建设电池箔专用生产线")),
        )
        self.land_m2 = QLabel()
        self.land_m2.setObjectName("land_m2")
        self.land_m2.setMinimumWidth(120)
        land = self._line()
        land.textChanged.connect(lambda _text: self._update_derived())
        self._add(
            form,
            self.tr("用地(亩)(&L)"),
            "land_mu",
            land,
            self.land_m2,
            before=self._qualifier("land_mu"),
        )
        self._add(
            form,
            self.tr("建筑面积(㎡)"),
            "floor_area_m2",
            self._line(),
            before=self._qualifier("floor_area_m2"),
        )
        self.intensity = QLabel()
        self.intensity.setObjectName("intensity")
        self.intensity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("投资强度"), self.intensity)
        self._amount(form, self.tr("预计年销售"), "expected_sales", qualified=True)
        self._amount(form, self.tr("预计年产值"), "expected_output", qualified=True)
        self._amount(form, self.tr("预计年税收"), "expected_tax", qualified=True)
        self._add(
            form,
            self.tr("新增就业(人)"),
            "new_jobs",
            self._line(),
            before=self._qualifier("new_jobs"),
        )
        self.capacity = QTableWidget(0, 5)
        self.capacity.setHorizontalHeaderLabels(
            [
                self.tr("产品"),
                self.tr("限定"),
                self.tr("数量"),
                self.tr("单位"),
                self.tr("所属分期"),
            ]
        )
        self.capacity.horizontalHeader().setSectionResizeMode(
            CAPACITY_PRODUCT, QHeaderView.ResizeMode.Stretch
        )
        self.capacity.horizontalHeader().setSectionResizeMode(
            CAPACITY_QUALIFIER, QHeaderView.ResizeMode.ResizeToContents
        )
        self.capacity.setTabKeyNavigation(False)
        self.capacity.itemChanged.connect(lambda _item: self._recheck_field("capacity"))
        self.capacity.setMinimumHeight(130)
        add = _button(self.tr("添加产能"), "addCapacity")
        add.clicked.connect(lambda: self.add_capacity())
        remove = _button(self.tr("删除产能"), "removeCapacity")
        remove.clicked.connect(lambda: self._remove_row(self.capacity))
        self._add(form, self.tr("产能"), "capacity", self.capacity, *self._stacked(add, remove))

    def add_capacity(
        self,
        product: str = "",
        quantity: str = "",
        unit: str = "",
        phase: str | None = None,
        uuid: str | None = None,
        qualifier: Qualifier | None = None,
    ) -> None:
        """A capacity line; ``phase`` None means at full capacity (全部达产)."""
        row = self.capacity.rowCount()
        self.capacity.insertRow(row)
        items = {
            CAPACITY_PRODUCT: QTableWidgetItem(product),
            CAPACITY_QUANTITY: QTableWidgetItem(quantity),
            CAPACITY_UNIT: QTableWidgetItem(unit),
        }
        items[CAPACITY_PRODUCT].setData(UUID_ROLE, uuid)
        for column, item in items.items():
            self.capacity.setItem(row, column, item)
        chosen = self.qualifier_combo()
        chosen.setObjectName("capacityQualifier")
        self.set_qualifier(chosen, qualifier)
        self.capacity.setCellWidget(row, CAPACITY_QUALIFIER, chosen)
        combo = QComboBox()
        combo.setObjectName("capacityPhase")
        self.capacity.setCellWidget(row, CAPACITY_PHASE, combo)
        self._fill_phase_choice(combo, phase)
        if not product:
            self.capacity.setCurrentCell(row, CAPACITY_PRODUCT)
            self.capacity.editItem(items[CAPACITY_PRODUCT])

    def _fill_phase_choice(self, combo: QComboBox, chosen: str | None) -> None:
        combo.clear()
        combo.addItem(self.tr("全部达产"), FULL_CAPACITY)
        for name in self._phase_names():
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _update_derived(self) -> None:
        """㎡ beside 亩, and 投资强度 (万元/亩) from 总投资 and 用地."""
        try:
            mu = parse_decimal(self._text_of("land_mu"), 4)
        except AmountError:
            mu = None
        self.land_m2.setText(square_metres_text(mu))
        try:
            total = self.amounts["total_investment"].value()
        except AmountError:
            total = None
        if not mu or mu <= 0 or total is None:
            self.intensity.setText(self.tr("(填写总投资和用地后自动计算)"))
            return
        note = ""
        if self.capital() is Capital.FOREIGN:
            rate = settings.exchange_rate()
            if rate is None:
                self.intensity.setText(self.tr("(外资项目需先在 设置 中填写汇率)"))
                return
            total = total * rate.usd_cny
            note = self.tr("(按1美元=%1元人民币折算)").replace("%1", plain(rate.usd_cny))
        per_mu = (total / mu).quantize(Decimal("0.01"), ROUND_HALF_UP)
        per_mu_text = english_amount(per_mu) if language() == "en" else f"{per_mu:,} 万元"
        self.intensity.setText(self.tr("%1/亩").replace("%1", per_mu_text) + note)
