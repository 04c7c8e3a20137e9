"""Between the project form's widgets and the project's data (ProjectData)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from db.records.projects import CapacityData, FieldProblem, PhaseData, ProjectData, validate
from db.rules.money import AmountError, plain
from db.rules.vocabulary import Capital
from ui.date_field import DateError
from ui.project_form.basics import BasicsPage
from ui.project_form.content import (
    CAPACITY_PHASE,
    CAPACITY_PRODUCT,
    CAPACITY_QUALIFIER,
    CAPACITY_QUANTITY,
    CAPACITY_UNIT,
    ContentPage,
)
from ui.project_form.duties import DutiesPage
from ui.project_form.fields import UUID_ROLE
from ui.project_form.industry import IndustryPage
from ui.project_form.investor import InvestorPage
from ui.project_form.money import (
    _IN_PROJECT_CURRENCY,
    PHASE_AREA,
    PHASE_AREA_QUALIFIER,
    PHASE_CONTENT,
    PHASE_INVESTMENT,
    PHASE_NAME,
    PHASE_SALES,
    PHASE_SALES_QUALIFIER,
    MoneyPage,
)
from ui.project_form.progress import ProgressPage
from ui.widgets import OptionalDateEdit, parse_decimal, parse_wan, wan_text


class Binder(
    BasicsPage, InvestorPage, MoneyPage, IndustryPage, ProgressPage, ContentPage, DutiesPage
):
    """The pages bound to the project's data: the values entered read into a ProjectData
    (with what could not be read), and a ProjectData shown in the widgets.  The mapping
    of field to widget lives here, once."""

    def _fill(self, data: ProjectData | None) -> None:
        data = data or ProjectData(unit_id=self._default_unit_id())
        for field, widget in self.inputs.items():
            if field in self.amounts or field in ("phases", "capacity"):
                continue
            value = getattr(data, field)
            if isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, OptionalDateEdit):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                index = widget.findData(value) if value is not None else -1
                if index < 0 and value is not None:
                    index = widget.findText(str(value))
                if index >= 0:
                    widget.setCurrentIndex(index)
                elif widget.isEditable():
                    widget.setEditText(str(value or ""))
        foreign = data.capital is Capital.FOREIGN
        for field, edit in self.amounts.items():
            edit.set_foreign(foreign and field in _IN_PROJECT_CURRENCY)
            edit.set_value(getattr(data, field))
        factor = self.amounts["total_investment"].factor
        for field, combo in self.qualifiers.items():
            self.set_qualifier(combo, getattr(data, f"{field}_qualifier"))
        for phase in data.phases:
            investment = wan_text(phase.investment, factor)
            self.add_phase(
                phase.name,
                investment,
                phase.content or "",
                phase.uuid,
                area=plain(phase.floor_area_m2) if phase.floor_area_m2 is not None else "",
                area_qualifier=phase.floor_area_m2_qualifier,
                sales=wan_text(phase.expected_sales, 1),
                sales_qualifier=phase.expected_sales_qualifier,
            )
        for line in data.capacity:
            quantity = plain(line.quantity) if line.quantity is not None else ""
            self.add_capacity(
                line.product,
                quantity,
                line.unit,
                line.phase_name,
                line.uuid,
                line.quantity_qualifier,
            )

    def read(self) -> tuple[ProjectData, list[FieldProblem]]:
        """The values entered, and the ones that could not be read (not yet validated)."""
        problems: list[FieldProblem] = []

        def text(field: str) -> str | None:
            return self._text_of(field).strip() or None

        def amount(field: str) -> Decimal | None:
            try:
                return self.amounts[field].value()
            except AmountError as error:
                problems.append(FieldProblem(field, str(error)))
                return None

        def number(field: str, places: int) -> Decimal | None:
            try:
                return parse_decimal(self._text_of(field), places)
            except AmountError as error:
                problems.append(FieldProblem(field, str(error)))
                return None

        jobs_text = self._text_of("new_jobs").strip().replace(",", "")
        new_jobs: int | None = None
        if jobs_text:
            try:
                new_jobs = int(jobs_text)
            except ValueError:
                problems.append(FieldProblem("new_jobs", self.tr("请填写整数人数")))
        credit = text("credit_code")
        planned = self.inputs["planned_production"]
        assert isinstance(planned, OptionalDateEdit)
        try:
            planned_production = planned.value()
        except DateError as error:
            problems.append(FieldProblem("planned_production", str(error)))
            planned_production = None
        if self.loaded is None and (why := self.initial_stage_date.problem()):
            problems.append(FieldProblem("initialStageDate", why))
        unit = self.inputs["unit_id"]
        assert isinstance(unit, QComboBox)
        data = ProjectData(
            name=text("name") or "",
            investor_name=text("investor_name") or "",
            unit_id=unit.currentData(),
            capital=self.capital(),
            uuid=self.project_uuid,
            code=text("code"),
            credit_code=credit.upper().replace(" ", "") if credit else None,
            origin=text("origin"),
            investor_nature=text("investor_nature"),
            investor_category=text("investor_category"),
            contact_person=text("contact_person"),
            contact_phone=text("contact_phone"),
            total_investment=amount("total_investment"),
            fixed_asset_investment=amount("fixed_asset_investment"),
            registered_capital=amount("registered_capital"),
            construction_kind=text("construction_kind"),
            industry_code=self._industry_code(),
            local_industry=text("local_industry"),
            chain=text("chain"),
            content=text("content"),
            land_mu=number("land_mu", 4),
            floor_area_m2=number("floor_area_m2", 2),
            expected_sales=amount("expected_sales"),
            expected_output=amount("expected_output"),
            expected_tax=amount("expected_tax"),
            new_jobs=new_jobs,
            carrier=text("carrier"),
            info_source=text("info_source"),
            person_in_charge=text("person_in_charge"),
            issues=text("issues"),
            remarks=text("remarks"),
            designation=text("designation"),
            planned_production=planned_production,
            land_mu_qualifier=self._qualifier_of("land_mu"),
            floor_area_m2_qualifier=self._qualifier_of("floor_area_m2"),
            expected_sales_qualifier=self._qualifier_of("expected_sales"),
            expected_output_qualifier=self._qualifier_of("expected_output"),
            expected_tax_qualifier=self._qualifier_of("expected_tax"),
            new_jobs_qualifier=self._qualifier_of("new_jobs"),
            phases=self._read_phases(problems),
            capacity=self._read_capacity(problems),
        )
        return data, problems

    def _read_phases(self, problems: list[FieldProblem]) -> list[PhaseData]:
        factor = self.amounts["total_investment"].factor
        phases: list[PhaseData] = []
        for row in range(self.phases.rowCount()):
            name = self._cell(self.phases, row, PHASE_NAME)
            cells = [
                self._cell(self.phases, row, c) for c in (PHASE_INVESTMENT, PHASE_AREA, PHASE_SALES)
            ]
            numbers: list[Decimal | None] = []
            for text, read in zip(
                cells,
                (
                    lambda t: parse_wan(t, factor),
                    lambda t: parse_decimal(t, 2),
                    lambda t: parse_wan(t, 1),
                ),
                strict=True,
            ):
                try:
                    numbers.append(read(text))
                except AmountError as error:
                    where = self.tr("第%1行(%2)").replace("%1", str(row + 1)).replace("%2", name)
                    problems.append(FieldProblem("phases", f"{where}:{error}", row=row))
                    numbers.append(None)
            item = self.phases.item(row, PHASE_NAME)
            phases.append(
                PhaseData(
                    name,
                    numbers[0],
                    self._cell(self.phases, row, PHASE_CONTENT) or None,
                    item.data(UUID_ROLE) if item is not None else None,
                    numbers[1],
                    self._cell_qualifier(self.phases, row, PHASE_AREA_QUALIFIER),
                    numbers[2],
                    self._cell_qualifier(self.phases, row, PHASE_SALES_QUALIFIER),
                )
            )
        return phases

    def _read_capacity(self, problems: list[FieldProblem]) -> list[CapacityData]:
        lines: list[CapacityData] = []
        for row in range(self.capacity.rowCount()):
            product = self._cell(self.capacity, row, CAPACITY_PRODUCT)
            try:
                quantity = parse_decimal(self._cell(self.capacity, row, CAPACITY_QUANTITY), 4)
            except AmountError as error:
                where = self.tr("第%1行(%2)").replace("%1", str(row + 1)).replace("%2", product)
                problems.append(FieldProblem("capacity", f"{where}:{error}", row=row))
                quantity = None
            combo = self.capacity.cellWidget(row, CAPACITY_PHASE)
            assert isinstance(combo, QComboBox)
            item = self.capacity.item(row, CAPACITY_PRODUCT)
            lines.append(
                CapacityData(
                    product,
                    quantity,
                    self._cell(self.capacity, row, CAPACITY_UNIT),
                    combo.currentData(),
                    item.data(UUID_ROLE) if item is not None else None,
                    self._cell_qualifier(self.capacity, row, CAPACITY_QUALIFIER),
                )
            )
        return lines

    def problems(self) -> tuple[ProjectData, list[FieldProblem]]:
        """The values entered and every problem: unreadable entries first, then the rules."""
        data, problems = self.read()
        unreadable = {p.field for p in problems}
        return data, problems + [p for p in validate(data) if p.field not in unreadable]
