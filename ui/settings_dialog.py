"""设置: the file's unit and cadres, labels, priority chains, size bands, rate, briefing, language.

Saving is one operation (db.records.settings.save_settings), so one undoable
step: undo puts back the settings, the unit's identity and its cadres as they were.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.reads.briefing import unit_sort_key
from db.reads.units import cadre_count, live_units, name_taken
from db.records.settings import RATE_MAX, RATE_MIN, SettingsChange, save_settings
from db.records.units import CadreRow, UnitIdentity, load_cadres, load_identity
from db.rules.money import WAN_PER_YI, AmountError, parse_amount, plain
from db.rules.vocabulary import UNIT_KINDS
from db.store import settings
from ui.date_field import DateError, DateField
from ui.i18n import LANGUAGES, either
from ui.labels import choice_value, fill_choices, set_choice
from ui.session import Session
from ui.widgets import date_of

RATE_PLACES = 6
ERROR_STYLE = "color: #c62828;"
HQ_NAME_KEY = "file.hq_name"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class _EditableList(QWidget):
    """A list of short labels with 添加/删除/上移/下移; items are edited in place (F2)."""

    def __init__(self, name: str, items: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        for text in items:
            self._add_item(text)
        buttons = QVBoxLayout()
        for key, text, slot in (
            ("Add", self.tr("添加"), self.add),
            ("Remove", self.tr("删除"), self.remove),
            ("Up", self.tr("上移"), lambda: self.move_current(-1)),
            ("Down", self.tr("下移"), lambda: self.move_current(1)),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{name}{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _add_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add(self) -> None:
        item = self._add_item("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_current(self, step: int) -> None:
        """Move the current item ``step`` rows (QWidget.move, which places the widget, stays)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def values(self) -> list[str]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [text for text in texts if text]


class _OrderList(QWidget):
    """Names in an order the user sets with 上移/下移 (the units of a briefing)."""

    def __init__(self, name: str, items: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.addItems(items)
        buttons = QVBoxLayout()
        for key, text, step in (("Up", self.tr("上移"), -1), ("Down", self.tr("下移"), 1)):
            button = QPushButton(text)
            button.setObjectName(f"{name}{key}")
            button.clicked.connect(lambda _checked=False, step=step: self.move_current(step))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


class SettingsDialog(QDialog):
    """设置 of the open file; ``language_changed`` tells the window to retranslate."""

    language_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.session = session
        self.at_hq = session.is_headquarters
        unit = session.unit
        self.unit_uuid = unit.uuid if unit is not None and not self.at_hq else None
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._unit_tab(), self.tr("单位信息"))
        self.tabs.addTab(self._industries_tab(), self.tr("产业类别"))
        self.tabs.addTab(self._priority_tab(), self.tr("重点产业链"))
        self.tabs.addTab(self._bands_tab(), self.tr("统计口径"))
        self.tabs.addTab(self._rate_tab(), self.tr("汇率"))
        self.tabs.addTab(self._briefing_tab(), self.tr("简报"))
        self.tabs.addTab(self._language_tab(), self.tr("语言"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_error = self._error_label("save")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    # -- tabs -----------------------------------------------------------------------

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}Error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.errors[key] = label
        return label

    def _with_error(self, field_widget: QWidget, key: str) -> QWidget:
        """The field with its error message beside it."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field_widget)
        row.addWidget(self._error_label(key), 1)
        return box

    def _unit_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        layout.addLayout(form)
        if self.at_hq:
            self.hq_name = QLineEdit(str(settings.get(HQ_NAME_KEY) or ""))
            self.hq_name.setObjectName("hqName")
            form.addRow(self.tr("总部名称(&N)"), self._with_error(self.hq_name, "hqName"))
            summary = QLabel(
                self.tr("已汇总 {units} 个单位,共 {cadres} 名招商人员。").format(
                    units=len(live_units()), cadres=cadre_count()
                )
            )
            summary.setObjectName("hqSummary")
            form.addRow(summary)
            self.overdue_days = QSpinBox()
            self.overdue_days.setObjectName("overdueDays")
            self.overdue_days.setRange(1, 3650)
            self.overdue_days.setSuffix(self.tr(" 天"))
            self.initial_overdue_days = settings.overdue_days()
            self.overdue_days.setValue(self.initial_overdue_days)
            self.overdue_days.setToolTip(self.tr("单位上次交接超过此天数即标为逾期"))
            form.addRow(self.tr("交接逾期天数(&O)"), self.overdue_days)
            layout.addStretch(1)
            return page
        assert self.unit_uuid is not None
        current = load_identity(self.unit_uuid)
        self.unit_name = QLineEdit(current.name)
        self.unit_name.setObjectName("unitName")
        self.unit_kind = QComboBox()
        self.unit_kind.setObjectName("unitKind")
        fill_choices(self.unit_kind, [k for k in UNIT_KINDS if k != "招商中心"])
        set_choice(self.unit_kind, current.kind)
        self.unit_city = QLineEdit(current.city or "")
        self.unit_city.setObjectName("unitCity")
        self.unit_city.setPlaceholderText(self.tr("驻点招商办填写,如:上海"))
        form.addRow(self.tr("单位名称(&N)"), self._with_error(self.unit_name, "unitName"))
        form.addRow(self.tr("单位类别(&K)"), self.unit_kind)
        form.addRow(self.tr("驻点城市(&C)"), self.unit_city)

        layout.addWidget(QLabel(self.tr("招商人员")))
        self.cadre_table = QTableWidget(0, 3)
        self.cadre_table.setObjectName("cadreTable")
        self.cadre_table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("职务"), self.tr("电话")]
        )
        self.cadre_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.cadre_table.verticalHeader().hide()
        for cadre in load_cadres(self.unit_uuid):
            self._append_cadre(cadre)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("添加人员(&A)"))
        add.setObjectName("addCadreButton")
        add.clicked.connect(self.add_cadre)
        remove = QPushButton(self.tr("删除人员(&D)"))
        remove.setObjectName("removeCadreButton")
        remove.clicked.connect(self.remove_cadres)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self._error_label("cadres"), 1)
        layout.addWidget(self.cadre_table, 1)
        layout.addLayout(buttons)
        return page

    def _append_cadre(self, cadre: CadreRow) -> int:
        row = self.cadre_table.rowCount()
        self.cadre_table.insertRow(row)
        for column, text in enumerate((cadre.name, cadre.title or "", cadre.phone or "")):
            item = QTableWidgetItem(text)
            if column == 0:
                # The uuid rides on the name cell so an edit updates the same record.
                item.setData(Qt.ItemDataRole.UserRole, cadre.uuid)
            self.cadre_table.setItem(row, column, item)
        return row

    def add_cadre(self, name: str = "", title: str = "", phone: str = "") -> None:
        """A new row in the cadres table, ready to type the name into."""
        row = self._append_cadre(CadreRow(name, title or None, phone or None))
        self.cadre_table.setCurrentCell(row, 0)
        name_item = self.cadre_table.item(row, 0)
        if not name and name_item is not None:
            self.cadre_table.editItem(name_item)

    def remove_cadres(self) -> None:
        rows = sorted({index.row() for index in self.cadre_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.cadre_table.removeRow(row)

    def _cadres(self) -> list[CadreRow]:
        rows = []
        for row in range(self.cadre_table.rowCount()):
            items = [self.cadre_table.item(row, c) for c in range(3)]
            texts = [item.text() if item else "" for item in items]
            if not any(t.strip() for t in texts):
                continue  # a row added and left empty is not a cadre
            name_item = items[0]
            assert name_item is not None  # _append_cadre fills every cell of a row
            uuid = name_item.data(Qt.ItemDataRole.UserRole)
            rows.append(CadreRow(texts[0].strip(), texts[1] or None, texts[2] or None, uuid))
        return rows

    def _industries_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("项目表单中“产业类别”可选的本地标签:")))
        self.industries = _EditableList("localIndustries", list(settings.local_industries()))
        layout.addWidget(self.industries, 1)
        layout.addWidget(self._error_label("localIndustries"))
        return page

    def _priority_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        system = settings.priority_system()
        form = QFormLayout()
        self.priority_name = QLineEdit(system.name)
        self.priority_name.setObjectName("prioritySystemName")
        self.priority_name.setPlaceholderText(self.tr("如:4+3+1"))
        form.addRow(self.tr("体系名称(&N)"), self._with_error(self.priority_name, "priorityName"))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("重点产业链(项目属于其中之一即计入占比):")))
        self.chains = _EditableList("priorityChains", list(system.chains))
        layout.addWidget(self.chains, 1)
        layout.addWidget(self._error_label("priorityChains"))
        return page

    def _bands_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.size_bands = QLineEdit(", ".join(plain(b) for b in settings.size_bands()))
        self.size_bands.setObjectName("sizeBands")
        self.size_bands.setToolTip(self.tr("各档下限(亿元),用逗号分隔,如:30, 10, 5, 1"))
        self.size_bands.textChanged.connect(self._show_band_preview)
        form.addRow(
            self.tr("规模档次下限(亿元)(&B)"), self._with_error(self.size_bands, "sizeBands")
        )
        self.band_preview = QLabel()
        self.band_preview.setObjectName("bandPreview")
        form.addRow(self.tr("分档"), self.band_preview)
        limits = settings.thresholds()
        thresholds = QLabel(
            self.tr(
                "计入口径(亿元以上产业项目):内资总投资不低于 {d} 万元,外资不低于 {f} 万美元;"
                "房地产业项目不计入。外资项目按“汇率”页的汇率折算后分档。"
            ).format(d=plain(limits.domestic_wan_cny), f=plain(limits.foreign_wan_usd))
        )
        thresholds.setObjectName("thresholds")
        thresholds.setWordWrap(True)
        form.addRow(self.tr("口径"), thresholds)
        self._show_band_preview()
        return page

    def _parse_bands(self) -> list[Decimal]:
        text = self.size_bands.text().replace(",", ",").replace("、", ",")
        bounds = [parse_amount(part) for part in text.split(",") if part.strip()]
        return sorted((b for b in bounds if b is not None), reverse=True)

    def _show_band_preview(self) -> None:
        try:
            bounds = self._parse_bands()
        except AmountError:
            self.band_preview.setText("")
            return
        labels = [self.tr("{b}亿元以上").format(b=plain(b)) for b in bounds[:-1]]
        if len(bounds) > 1:
            labels.append(self.tr("{b}亿元以下").format(b=plain(bounds[-2])))
        self.band_preview.setText(" · ".join(labels))

    def _rate_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        rate = settings.exchange_rate()
        self.had_rate = rate is not None
        self.rate = QLineEdit(plain(rate.usd_cny) if rate is not None else "")
        self.rate.setObjectName("exchangeRate")
        self.rate.setPlaceholderText(self.tr("如:7.1026"))
        self.rate.setToolTip(self.tr("1 美元兑人民币元,最多 6 位小数"))
        # A typed date (ui.date_field), read only with a rate: none entered, none needed.
        when = (rate.date if rate is not None else None) or date.today()
        self.rate_date = DateField("exchangeRateDate", self.tr("汇率日期"), when)
        form.addRow(self.tr("1 美元 = 人民币(元)(&R)"), self._with_error(self.rate, "exchangeRate"))
        form.addRow(self.tr("汇率日期(&D)"), self._with_error(self.rate_date, "exchangeRateDate"))
        text = self.tr("外资项目计入总投资、划分规模档次时按此汇率折算,报表中同时注明汇率及日期。")
        if rate is None:
            text += self.tr("尚未填写汇率:填写之前,外资项目以美元单列,不折算人民币。")
        note = QLabel(text)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _briefing_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        current = settings.briefing()
        self.initial_briefing = current
        self.briefing_title = QLineEdit(current.title)
        self.briefing_title.setObjectName("briefingTitle")
        self.briefing_editor = QLineEdit(current.editor)
        self.briefing_editor.setObjectName("briefingEditor")
        self.issue_no = QSpinBox()
        self.issue_no.setObjectName("briefingIssueNo")
        self.issue_no.setRange(1, 9999)
        self.issue_no.setValue(max(current.next_issue_no(date.today().year), 1))
        self.initial_issue_no = self.issue_no.value()
        self.issue_no.setPrefix(self.tr("第 "))
        self.issue_no.setSuffix(self.tr(" 期"))
        self.to_report = QLineEdit(current.to_report)
        self.to_report.setObjectName("briefingToReport")
        self.to_send = QLineEdit(current.to_send)
        self.to_send.setObjectName("briefingToSend")
        self.to_issue = QLineEdit(current.to_issue)
        self.to_issue.setObjectName("briefingToIssue")
        self.copies = QSpinBox()
        self.copies.setObjectName("briefingCopies")
        self.copies.setRange(0, 100000)
        self.copies.setSpecialValueText(self.tr("不注明"))
        self.copies.setSuffix(self.tr(" 份"))
        self.copies.setValue(current.copies or 0)
        self.major_project = QLineEdit(plain(settings.major_project_wan_cny() / WAN_PER_YI))
        self.major_project.setObjectName("majorProject")
        self.major_project.setToolTip(
            self.tr("今年新签约、总投资不低于此数的项目,项目简报称为“今年新签约的重大项目之一”")
        )
        form.addRow(self.tr("简报标题(&T)"), self._with_error(self.briefing_title, "briefingTitle"))
        form.addRow(self.tr("编印单位(&E)"), self.briefing_editor)
        form.addRow(self.tr("下一期期数(&I)"), self.issue_no)
        hint = QLabel(self.tr("期数按年度编号:新一年的第一期简报为第 1 期。"))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("报:"), self.to_report)
        form.addRow(self.tr("送:"), self.to_send)
        form.addRow(self.tr("发:"), self.to_issue)
        form.addRow(self.tr("印数(&P)"), self.copies)
        form.addRow(
            self.tr("重大项目总投资不低于(亿元)(&M)"),
            self._with_error(self.major_project, "majorProject"),
        )
        self.unit_order: _OrderList | None = None
        units = live_units()
        if self.at_hq and len(units) > 1:
            ordered = sorted(units, key=lambda u: unit_sort_key(u.name, u.kind))
            self.initial_unit_order = [u.name for u in ordered]
            self.unit_order = _OrderList("unitOrder", self.initial_unit_order)
            form.addRow(self.tr("单位排列顺序"), self.unit_order)
        return page

    def _language_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.initial_language = str(settings.get("language") or "zh_CN")
        self.language.setCurrentIndex(max(self.language.findData(self.initial_language), 0))
        form.addRow(self.tr("界面语言(&L)"), self.language)
        return page

    # -- saving ---------------------------------------------------------------------

    def _check_rate(self, problems: list[tuple[str, str]]) -> Decimal | None:
        if not self.had_rate and not self.rate.text().strip():
            return None  # still no rate: nothing to save, nothing wrong
        try:
            rate = parse_amount(self.rate.text())
        except AmountError:
            rate = None
        if rate is None or not RATE_MIN <= rate <= RATE_MAX:
            problems.append(
                (
                    "exchangeRate",
                    self.tr("请填写 1 美元兑人民币的汇率,应在 1 至 20 之间,如 7.1026"),
                )
            )
            return None
        exponent = rate.as_tuple().exponent  # an int: the rate is finite, between the bounds
        if isinstance(exponent, int) and -exponent > RATE_PLACES:
            problems.append(("exchangeRate", self.tr("汇率最多保留 6 位小数")))
            return None
        return rate

    def _check_major(self, problems: list[tuple[str, str]]) -> Decimal | None:
        """The size of a major project, in 万元, from the 亿元 typed."""
        try:
            yi = parse_amount(self.major_project.text())
        except AmountError:
            yi = None
        if yi is None or yi <= 0:
            problems.append(("majorProject", self.tr("请填写正数(亿元),如 10")))
            return None
        return yi * WAN_PER_YI

    def _collect(self) -> tuple[SettingsChange | None, list[tuple[str, str]]]:
        """The change to save, or the problems found, each keyed by its field."""
        problems: list[tuple[str, str]] = []
        rate = self._check_rate(problems)
        rate_date: date | None = None
        if rate is not None or self.had_rate:  # still no rate: its date is not read
            try:
                rate_date = date_of(self.rate_date)
            except DateError as problem:
                problems.append(("exchangeRateDate", str(problem)))
            else:
                if rate_date > date.today():
                    problems.append(("exchangeRateDate", self.tr("汇率日期不能晚于今天")))
        try:
            bands = self._parse_bands()
        except AmountError:
            bands = []
        if not bands or any(b <= 0 for b in bands) or len(set(bands)) != len(bands):
            problems.append(
                ("sizeBands", self.tr("请填写互不相同的正数下限(亿元),用逗号分隔,如:30, 10, 5, 1"))
            )
        industries = self.industries.values()
        if len(set(industries)) != len(industries):
            problems.append(("localIndustries", self.tr("产业类别有重复,请删除重复的一项")))
        chains = self.chains.values()
        if not self.priority_name.text().strip():
            problems.append(("priorityName", self.tr("请填写重点产业链体系名称,如 4+3+1")))
        if len(set(chains)) != len(chains):
            problems.append(("priorityChains", self.tr("产业链有重复,请删除重复的一项")))
        if not self.briefing_title.text().strip():
            problems.append(("briefingTitle", self.tr("请填写简报标题")))
        major = self._check_major(problems)
        hq_name = None
        unit = None
        cadres: list[CadreRow] = []
        if self.at_hq:
            hq_name = self.hq_name.text().strip()
            if not hq_name:
                problems.append(("hqName", self.tr("请填写总部名称")))
        else:
            name = self.unit_name.text().strip()
            if not name:
                problems.append(("unitName", self.tr("请填写单位名称")))
            elif name_taken(name, self.unit_uuid):
                problems.append(("unitName", self.tr("已有同名单位,请换一个名称")))
            unit = UnitIdentity(name, choice_value(self.unit_kind), self.unit_city.text())
            cadres = self._cadres()
            if any(not c.name for c in cadres):
                problems.append(("cadres", self.tr("每位招商人员都须填写姓名")))
        if problems or (rate is None and self.had_rate) or major is None:
            return None, problems
        initial = self.initial_briefing
        issue_no, issue_year = initial.issue_no, initial.issue_year
        if self.issue_no.value() != self.initial_issue_no:
            # The number typed is that of this year's next issue.
            issue_no, issue_year = self.issue_no.value(), date.today().year
        unit_order = None
        if self.unit_order is not None and self.unit_order.values() != self.initial_unit_order:
            unit_order = self.unit_order.values()
        overdue = None
        if self.at_hq and self.overdue_days.value() != self.initial_overdue_days:
            overdue = self.overdue_days.value()
        change = SettingsChange(
            rate=rate,
            rate_date=rate_date,
            local_industries=industries,
            priority_name=self.priority_name.text().strip(),
            priority_chains=chains,
            size_bands=bands,
            briefing=settings.Briefing(
                self.briefing_title.text().strip(),
                self.briefing_editor.text().strip(),
                issue_no,
                self.to_report.text().strip(),
                self.to_send.text().strip(),
                self.to_issue.text().strip(),
                issue_year,
                self.copies.value() or None,
            ),
            unit_order=unit_order,
            major_project_wan_cny=major,
            overdue_days=overdue,
            language=str(self.language.currentData()),
            hq_name=hq_name,
            unit_uuid=self.unit_uuid,
            unit=unit,
            cadres=cadres,
        )
        return change, problems

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        for label in self.errors.values():
            label.hide()
        for key, message in problems:
            label = self.errors[key]
            label.setText(message)
            label.show()
        if problems:
            # Take the user to the first problem: its tab, and its field if it has one.
            label = self.errors[problems[0][0]]
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                if page is not None and page.isAncestorOf(label):
                    self.tabs.setCurrentIndex(index)
                    break

    def save(self) -> None:
        """Check every field; save all in one undoable step, or nothing with the reasons shown."""
        change, problems = self._collect()
        self._show_problems(problems)
        if change is None:
            return
        try:
            self.session.run(self.tr("修改设置"), save_settings(change))
        except ValidationError as error:
            self.save_error.setText(either(error.zh, error.en))
            self.save_error.show()
            return
        if change.language != self.initial_language:
            self.language_changed.emit(change.language)
        self.accept()
