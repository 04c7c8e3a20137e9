"""The project form (项目信息): every field of a project in seven groups, checked beside
each field, saved as one undoable step; for a stored project also its progress
over time (stage events, milestones, follow-ups)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.reads.lookalikes import SimilarRecord, similar_records
from db.reads.timeline import current_stage, follow_ups_of, investor_names, project_timeline
from db.reads.units import live_units
from db.records.ops import Changes
from db.records.projects import (
    CapacityData,
    FieldProblem,
    PhaseData,
    ProjectData,
    load_project,
    save_project,
    validate,
)
from db.records.stages import delete_stage_event, stage_event_removal_problem
from db.rules.industry import describe
from db.rules.money import AmountError, plain
from db.rules.qualifier import Qualifier
from db.rules.text_limits import field_length
from db.rules.vocabulary import (
    CONSTRUCTION_KINDS,
    INFO_SOURCES,
    INVESTOR_CATEGORIES,
    INVESTOR_NATURES,
    PATH,
    Capital,
    Stage,
)
from db.store import settings
from ui.amounts import english_amount
from ui.date_field import DateError
from ui.follow_up_dialog import FollowUpDialog, ask_and_delete_follow_up
from ui.i18n import either, language
from ui.keyboard import enter_moves_on, pass_clicks_through
from ui.labels import choice_value, fill_choices, label, stage_label
from ui.milestone_dialog import MilestoneDialog, ask_and_delete_milestone
from ui.session import Session
from ui.stage_dialog import StageDialog, stage_combo
from ui.widgets import (
    AmountEdit,
    ErrorLabel,
    OptionalDateEdit,
    confirm_delete,
    date_edit,
    date_of,
    parse_decimal,
    parse_wan,
    square_metres_text,
    tell,
    wan_text,
)

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # timeline: "stage" or "milestone"
ERROR_COLOUR = QColor("#c62828")

# The 所属分期 choice of a capacity line that belongs to no single phase.
FULL_CAPACITY = None

# Investment amounts are in the project's currency; sales, output and tax in 万元.
_IN_PROJECT_CURRENCY = ("total_investment", "fixed_asset_investment", "registered_capital")

# The phase table's columns, and the capacity table's.
PHASE_NAME, PHASE_INVESTMENT, PHASE_CONTENT = 0, 1, 2
PHASE_AREA_QUALIFIER, PHASE_AREA, PHASE_SALES_QUALIFIER, PHASE_SALES = 3, 4, 5, 6
CAPACITY_PRODUCT, CAPACITY_QUALIFIER, CAPACITY_QUANTITY, CAPACITY_UNIT, CAPACITY_PHASE = range(5)


@dataclass(frozen=True)
class _FormState:
    """What the user has entered, to tell whether closing would lose anything."""

    data: ProjectData
    problems: tuple[FieldProblem, ...]
    initial_stage: tuple[Stage, str] | None  # the stage, and its date as typed


class ProjectForm(QDialog):
    """New or existing project.  Inputs carry their ProjectData field name as objectName."""

    PAGES = (
        "基本信息",
        "投资方",
        "投资额与分期",
        "行业与产业链",
        "进展",
        "建设内容与效益",
        "责任与问题",
    )

    def __init__(
        self, session: Session, project_uuid: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("projectForm")
        self.session = session
        self.project_uuid = project_uuid
        self.loaded = load_project(project_uuid) if project_uuid else None
        self.saved_uuid: str | None = None
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.page_of: dict[str, int] = {}
        self.amounts: dict[str, AmountEdit] = {}
        self.qualifiers: dict[str, QComboBox] = {}  # field → its 约/超/达/以上
        self._child: QDialog | None = None
        self.setWindowTitle(
            self.tr("新建项目")
            if self.loaded is None
            else self.tr("项目 — %1").replace("%1", self.loaded.name)
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("formTabs")
        # Every title whole (some styles cut “Responsibility and issues” to “Responsibil…”):
        # the tabs that do not fit are reached by the scroll buttons.
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setUsesScrollButtons(True)
        builders: tuple[Callable[[QFormLayout], None], ...] = (
            self._basic_page,
            self._investor_page,
            self._investment_page,
            self._industry_page,
            self._progress_page,
            self._benefit_page,
            self._responsibility_page,
        )
        for index, (title, build) in enumerate(zip(self.PAGES, builders, strict=True)):
            self._page = index
            page = QWidget()
            form = QFormLayout(page)
            build(form)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, self.tr(title))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存(Ctrl+S)"))
        self.ok_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.accept)
        if session.read_only_reason is not None:  # shown, not saved
            self.ok_button.setEnabled(False)
            save.setEnabled(False)
            self.setWindowTitle(self.windowTitle() + self.tr("(只读)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self._fill(self.loaded)
        self._capital_changed()
        self._refresh_progress()
        self.session.changed.connect(self._session_changed)
        self._following = True
        self._file_closed = False
        self.session.closed.connect(self._mark_file_closed)
        self.initial = self._state()
        enter_moves_on(self, self.inputs["name"], self.accept)
        self.resize(820, 640)

    # -- building -------------------------------------------------------------------

    def _add(
        self,
        form: QFormLayout,
        label: str,
        field: str,
        widget: QWidget,
        *extra: QWidget,
        before: QWidget | None = None,
    ) -> None:
        """A row: the input (named after its field), anything before and beside it, its
        error below."""
        widget.setObjectName(field)
        self.inputs[field] = widget
        self.page_of[field] = self._page
        error = ErrorLabel(f"{field}Error")
        self.errors[field] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        if before is not None:
            row.addWidget(before)
        row.addWidget(widget, 1)
        for item in extra:
            row.addWidget(item)
        column.addLayout(row)
        column.addWidget(error)
        box.setFocusProxy(widget)
        form.addRow(label, box)
        line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if isinstance(line, QLineEdit):
            if field != "credit_code":  # 18 characters and a few spaces, set below
                line.setMaxLength(field_length(field))
            line.editingFinished.connect(lambda: self._check_field(field))
            line.textChanged.connect(lambda _text: self._recheck_field(field))
        elif isinstance(widget, QPlainTextEdit):
            # A text too long says so as it grows, not only when saving.
            widget.textChanged.connect(lambda: self._check_field(field))
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: self._recheck_field(field))

    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, items: tuple[str, ...], editable: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        fill_choices(combo, items, blank=True)
        return combo

    def _text(self, height: int, placeholder: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        # Fixed, not expanding: the extra height of a page goes to the tables.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setPlaceholderText(placeholder)
        return box

    def _amount(
        self, form: QFormLayout, label: str, field: str, qualified: bool = False
    ) -> AmountEdit:
        edit = AmountEdit(field)
        self.amounts[field] = edit
        before = self._qualifier(field) if qualified else None
        self._add(form, label, field, edit, edit.unit_box, before=before)
        edit.unit_box.currentIndexChanged.connect(lambda _index: self._check_field(field))
        return edit

    def qualifier_combo(self) -> QComboBox:
        """约 / 超 / 达 / 以上 before a planned figure, as officials write it (or none)."""
        combo = QComboBox()
        combo.addItem("", "")
        for qualifier, text in (
            (Qualifier.ABOUT, self.tr("约")),
            (Qualifier.OVER, self.tr("超")),
            (Qualifier.REACHING, self.tr("达")),
            (Qualifier.AT_LEAST, self.tr("以上")),
        ):
            combo.addItem(text, qualifier.value)  # Qt keeps the code, not the enum
        combo.setToolTip(self.tr("数字的限定词,简报中写作:约20亿元、超5亿元、达4万吨、500人以上"))
        return combo

    def _qualifier(self, field: str) -> QComboBox:
        combo = self.qualifier_combo()
        combo.setObjectName(f"{field}_qualifier")
        self.qualifiers[field] = combo
        return combo

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

    def _progress_page(self, form: QFormLayout) -> None:
        if self.loaded is None:
            self.initial_stage = stage_combo("initialStage", PATH)
            self.initial_stage_date = date_edit("initialStageDate", self.tr("进入该阶段的日期"))
            form.addRow(self.tr("当前阶段"), self.initial_stage)
            error = ErrorLabel("initialStageDateError")
            self.errors["initialStageDate"] = error
            self.page_of["initialStageDate"] = self._page
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.initial_stage_date)
            column.addWidget(error)
            form.addRow(self.tr("进入该阶段的日期"), column)
            self.initial_stage_date.dateChanged.connect(
                lambda: self._recheck_field("initialStageDate")
            )
        else:
            self.current_stage_label = QLabel()
            self.current_stage_label.setObjectName("currentStage")
            change = _button(self.tr("变更阶段(&G)…"), "changeStageButton")
            change.clicked.connect(self.change_stage)
            row = QHBoxLayout()
            row.addWidget(self.current_stage_label, 1)
            row.addWidget(change)
            form.addRow(self.tr("当前阶段"), row)
            self.timeline = self._table(
                "timeline", (self.tr("日期"), self.tr("事项"), self.tr("间隔(天)"), self.tr("说明"))
            )
            self.timeline.itemActivated.connect(self._timeline_activated)
            add_milestone = _button(self.tr("添加节点(&M)…"), "addMilestoneButton")
            add_milestone.clicked.connect(lambda: self.edit_milestone(None))
            delete_entry = _button(self.tr("删除所选(&D)"), "deleteTimelineEntryButton")
            delete_entry.setToolTip(self.tr("删除时间线中选中的阶段记录或节点(Delete)"))
            delete_entry.clicked.connect(self.delete_timeline_entry)
            _on_delete_key(self.timeline, self.delete_timeline_entry)
            form.addRow(self.tr("时间线"), self.timeline)
            form.addRow("", _button_row(add_milestone, delete_entry))
            self.follow_ups = self._table(
                "followUps",
                (
                    self.tr("日期"),
                    self.tr("方式"),
                    self.tr("人员"),
                    self.tr("内容"),
                    self.tr("下一步"),
                    self.tr("期限"),
                    self.tr("完成"),
                ),
            )
            self.follow_ups.itemActivated.connect(
                lambda item: self.edit_follow_up(item.data(UUID_ROLE))
            )
            add_follow_up = _button(self.tr("添加走访记录(&F)…"), "addFollowUpButton")
            add_follow_up.clicked.connect(lambda: self.edit_follow_up(None))
            delete_follow_up = _button(self.tr("删除所选记录(&K)"), "deleteFollowUpButton")
            delete_follow_up.setToolTip(self.tr("删除选中的走访记录(Delete)"))
            delete_follow_up.clicked.connect(self.delete_follow_up)
            _on_delete_key(self.follow_ups, self.delete_follow_up)
            form.addRow(self.tr("走访记录"), self.follow_ups)
            form.addRow("", _button_row(add_follow_up, delete_follow_up))
        planned = OptionalDateEdit("planned_production", self.tr("已定"))
        planned.set_label(self.tr("预计竣工投产"))
        planned.edit.dateChanged.connect(lambda: self._recheck_field("planned_production"))
        planned.check.toggled.connect(lambda _on: self._recheck_field("planned_production"))
        self._add(form, self.tr("预计竣工投产"), "planned_production", planned)

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

    def _stacked(self, *buttons: QPushButton) -> tuple[QWidget]:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        return (box,)

    def _table(self, object_name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(object_name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(140)
        return table

    # -- the tables -----------------------------------------------------------------

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

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._phase_names_changed()

    def _phase_names(self) -> list[str]:
        names = (self._cell(self.phases, row, 0) for row in range(self.phases.rowCount()))
        return [name for name in names if name]

    def _fill_phase_choice(self, combo: QComboBox, chosen: str | None) -> None:
        combo.clear()
        combo.addItem(self.tr("全部达产"), FULL_CAPACITY)
        for name in self._phase_names():
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

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

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    # -- showing values -------------------------------------------------------------

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

    def _default_unit_id(self) -> int | None:
        own = self.session.unit
        return own.id if own is not None else None

    def _capital_changed(self) -> None:
        foreign = self.capital() is Capital.FOREIGN
        for field in _IN_PROJECT_CURRENCY:
            self.amounts[field].set_foreign(foreign)
        self._phase_header()
        self._update_derived()

    def capital(self) -> Capital:
        combo = self.inputs["capital"]
        assert isinstance(combo, QComboBox)
        return Capital(combo.currentData())

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

    def _text_of(self, field: str) -> str:
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return choice_value(widget)
        raise TypeError(field)

    # -- reading values -------------------------------------------------------------

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

    @staticmethod
    def set_qualifier(combo: QComboBox, qualifier: Qualifier | None) -> None:
        combo.setCurrentIndex(max(combo.findData(qualifier.value if qualifier else ""), 0))

    @staticmethod
    def qualifier_in(combo: QWidget | None) -> Qualifier | None:
        chosen = combo.currentData() if isinstance(combo, QComboBox) else None
        return Qualifier(chosen) if chosen else None

    def _qualifier_of(self, field: str) -> Qualifier | None:
        return self.qualifier_in(self.qualifiers[field])

    def _cell_qualifier(self, table: QTableWidget, row: int, column: int) -> Qualifier | None:
        return self.qualifier_in(table.cellWidget(row, column))

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

    # -- problems beside the fields -------------------------------------------------

    def _check_field(self, field: str) -> None:
        """Check one field as the user leaves it."""
        if not shiboken6.isValid(self) or not self.isVisible() or self._file_closed:
            return  # the field lost its focus as the form or its file was being closed
        _data, problems = self.problems()
        self.errors[field].show_message(_message(problems, field))
        if field in ("phases", "capacity"):
            self._mark_rows(problems)

    def _mark_file_closed(self) -> None:
        self._file_closed = True

    def _recheck_field(self, field: str) -> None:
        """An error beside a field goes as soon as the field is put right."""
        if field in self.errors and not self.errors[field].isHidden():
            self._check_field(field)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        flagged = {self.page_of[p.field] for p in problems if p.field in self.page_of}
        for field, error_label in self.errors.items():
            error_label.show_message(_message(problems, field))
        for page in range(self.tabs.count()):
            self.tabs.tabBar().setTabTextColor(
                page, ERROR_COLOUR if page in flagged else self.palette().windowText().color()
            )
        self._mark_rows(problems)
        first = next((f for f in self.inputs if _message(problems, f)), None)
        if first is None and _message(problems, "initialStageDate"):
            self.tabs.setCurrentIndex(self.page_of["initialStageDate"])
            self.initial_stage_date.setFocus()
        elif first is not None:
            self.tabs.setCurrentIndex(self.page_of[first])
            self.inputs[first].setFocus()
            table = self.inputs[first]
            row = next((p.row for p in problems if p.field == first and p.row is not None), None)
            if isinstance(table, QTableWidget) and row is not None:
                table.setCurrentCell(row, 0)

    def _mark_rows(self, problems: list[FieldProblem]) -> None:
        """The rows of the phase and capacity tables that have a problem, in red, each
        with its problem as the tooltip of its cells."""
        for field, table in (("phases", self.phases), ("capacity", self.capacity)):
            by_row: dict[int, list[str]] = {}
            for problem in problems:
                if problem.field == field and problem.row is not None:
                    by_row.setdefault(problem.row, []).append(either(problem.message, problem.en))
            for row in range(table.rowCount()):
                why = "\n".join(by_row.get(row, []))
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is None:
                        continue
                    table.blockSignals(True)
                    item.setForeground(ERROR_COLOUR if why else self.palette().text().color())
                    item.setToolTip(why)
                    table.blockSignals(False)

    # -- saving and closing ---------------------------------------------------------

    def _state(self) -> _FormState:
        data, problems = self.read()
        initial = None
        if self.loaded is None:
            initial = (Stage(self.initial_stage.currentData()), self.initial_stage_date.text())
        return _FormState(data, tuple(problems), initial)

    def _needs_similar_check(self, data: ProjectData) -> bool:
        if self.loaded is None:
            return True
        return (data.name, data.investor_name, data.credit_code) != (
            self.loaded.name,
            self.loaded.investor_name,
            self.loaded.credit_code,
        )

    def _confirm_similar(self, found: list[SimilarRecord]) -> bool:
        kinds = {"investor": self.tr("投资方"), "project": self.tr("项目")}
        reasons = {
            "统一社会信用代码相同": self.tr("统一社会信用代码相同"),
            "名称相近": self.tr("名称相近"),
            "项目名称相同": self.tr("项目名称相同"),
        }
        lines = [
            self.tr("· %1“%2”(%3)")
            .replace("%1", kinds.get(r.kind, r.kind))
            .replace("%2", r.name)
            .replace("%3", reasons.get(r.why) or either(r.why, r.why_en))
            for r in found
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("可能重复录入"))
        box.setText(self.tr("发现相似的记录:\n%1\n\n是否仍要保存?").replace("%1", "\n".join(lines)))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("仍然保存"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("返回修改"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Save

    def save(self) -> bool:
        """Check, warn of look-alikes, and push the save as one undoable step."""
        data, problems = self.problems()
        self.show_problems(problems)
        if problems:
            return False
        if self._needs_similar_check(data):
            found = similar_records(
                data.name,
                data.investor_name,
                data.credit_code,
                data.uuid,
                capital=data.capital,
                total=data.total_investment,
            )
            if found and not self._confirm_similar(found):
                self.tabs.setCurrentIndex(self.page_of["investor_name"])
                self.inputs["investor_name"].setFocus()
                return False
        try:
            if self.loaded is None:
                stage = Stage(self.initial_stage.currentData())
                when = date_of(self.initial_stage_date)
                data.uuid = self.session.run(
                    self.tr("新建项目“%1”").replace("%1", data.name),
                    save_project(data, (stage, when)),
                )
            else:
                assert self.project_uuid is not None
                self.session.run(
                    self.tr("修改项目“%1”").replace("%1", data.name), save_project(data)
                )
        except ValidationError as error:
            tell(self, self.tr("未保存"), either(error.zh, error.en))
            return False
        self.saved_uuid = data.uuid
        self.initial = self._state()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self._state() != self.initial:
            answer = QMessageBox.question(
                self,
                self.tr("放弃修改"),
                self.tr("放弃未保存的修改?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        # Closed, the form no longer follows the file (it is deleted on close, and
        # another file may be bound before that happens).
        if self._following:
            self._following = False
            self.session.changed.disconnect(self._session_changed)
        super().done(result)

    # -- progress over time ---------------------------------------------------------

    def _session_changed(self, changes: Changes) -> None:
        if self.project_uuid is not None and changes.concerns(self.project_uuid):
            self._refresh_progress()

    def _refresh_progress(self) -> None:
        if self.project_uuid is None:
            return
        self.current_stage_label.setText(stage_label(current_stage(self.project_uuid)))
        entries = project_timeline(self.project_uuid)
        self.timeline.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            gap = "" if entry.days_since_previous is None else str(entry.days_since_previous)
            for column, text in enumerate(
                (entry.date.isoformat(), label(entry.label), gap, entry.note or "")
            ):
                item = QTableWidgetItem(text)
                item.setData(UUID_ROLE, entry.uuid)
                item.setData(KIND_ROLE, entry.kind)
                self.timeline.setItem(row, column, item)
        log = follow_ups_of(self.project_uuid)
        self.follow_ups.setRowCount(len(log))
        for row, follow_up in enumerate(log):
            cells = (
                follow_up.date.isoformat(),
                label(follow_up.kind),
                follow_up.people or "",
                follow_up.summary,
                follow_up.next_step or "",
                follow_up.due_date.isoformat() if follow_up.due_date else "",
                self.tr("是") if follow_up.done else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(UUID_ROLE, follow_up.uuid)
                self.follow_ups.setItem(row, column, item)

    def _open_child(self, dialog: QDialog) -> None:
        self._child = dialog
        dialog.open()

    def change_stage(self) -> None:
        assert self.project_uuid is not None
        self._open_child(StageDialog(self.session, self.project_uuid, self))

    def edit_milestone(self, milestone_uuid: str | None) -> None:
        assert self.project_uuid is not None
        self._open_child(MilestoneDialog(self.session, self.project_uuid, milestone_uuid, self))

    def edit_follow_up(self, follow_up_uuid: str | None) -> None:
        assert self.project_uuid is not None
        self._open_child(FollowUpDialog(self.session, self.project_uuid, follow_up_uuid, self))

    def _timeline_activated(self, item: QTableWidgetItem) -> None:
        if item.data(KIND_ROLE) == "milestone":
            self.edit_milestone(item.data(UUID_ROLE))

    def _selected_row(self, table: QTableWidget, hint: str) -> list[QTableWidgetItem] | None:
        """The cells of the selected row, or None after telling the user to select one."""
        row = table.currentRow()
        first = table.item(row, 0) if row >= 0 else None
        if first is None or not first.isSelected():
            tell(self, self.tr("删除"), hint)
            return None
        cells = []
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            assert cell is not None  # the timeline and follow-up rows have every cell filled
            cells.append(cell)
        return cells

    def delete_timeline_entry(self) -> None:
        """Remove the selected stage event or milestone (entered by mistake); undoable."""
        cells = self._selected_row(self.timeline, self.tr("请先在时间线中选中要删除的一行"))
        if cells is None:
            return
        uuid = cells[0].data(UUID_ROLE)
        if cells[0].data(KIND_ROLE) == "milestone":
            ask_and_delete_milestone(self, self.session, uuid)
            return
        problem = stage_event_removal_problem(uuid)
        if problem:
            tell(self, self.tr("不能删除"), either(problem.zh, problem.en))
            return
        when, what = date.fromisoformat(cells[0].text()), cells[1].text()
        question = self.tr("删除阶段记录“%1”?当前阶段将按其余记录重新确定。").replace(
            "%1", f"{what} {when.isoformat()}"
        )
        if confirm_delete(self, self.tr("删除"), question):
            self.session.run(
                self.tr("删除阶段记录“%1 %2”").replace("%1", what).replace("%2", when.isoformat()),
                delete_stage_event(uuid),
            )

    def delete_follow_up(self) -> None:
        """Remove the selected follow-up; undoable."""
        cells = self._selected_row(self.follow_ups, self.tr("请先选中要删除的走访记录"))
        if cells is not None:
            ask_and_delete_follow_up(self, self.session, cells[0].data(UUID_ROLE))


def _button(text: str, object_name: str) -> QPushButton:
    """A button inside the form; never the default, so Enter always means 保存."""
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _on_delete_key(table: QTableWidget, action: Callable[[], None]) -> None:
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(action)


def _message(problems: list[FieldProblem], field: str) -> str | None:
    messages = list(dict.fromkeys(either(p.message, p.en) for p in problems if p.field == field))
    return "\n".join(messages) or None
