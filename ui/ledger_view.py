"""The ledger page (项目台账): search, filters, the project table and its totals.

Every filter change re-queries ids in SQL (db.reads.ledger_table) and the model reads
only the rows on screen; the count and totals of the filtered rows go to the
status bar through ``summary_changed``.  After an edit the rows on screen are read
again at once, and the order, totals and filter choices of a whole city's ledger
are read off the UI thread (``ui.ledger_query.LedgerQuery``), so that saving never
stalls the window.

A large file opens the same way: the view is built with no rows, its remembered
filters and sort are set, and the ledger is read off the UI thread, its rows first;
the 产业类别 and 产业链 found only in the projects (not configured) join the filters'
choices with the totals, and a remembered choice of one of them is kept meanwhile.
"""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.reads import ledger_table
from db.reads.ledger_table import COLUMNS, FilterTotals, Kind, ProjectFilter, Row
from db.records.ops import Changes
from db.rules.money import plain
from db.rules.vocabulary import PATH, PIPELINE_STAGES, Capital, Stage
from ui import i18n
from ui.amounts import band_label, yi_amount
from ui.background import AfterPaint
from ui.date_field import DateError, DateField
from ui.ledger_query import Choices, LedgerQuery, LedgerState, read_choices
from ui.project_table import (
    DEFAULT_SORT,
    PAGE_SIZE,
    Col,
    ProjectTableModel,
    UuidRole,
    fixed_labels,
)
from ui.refresh import RefreshGuard
from ui.session import Session
from ui.widgets import ErrorLabel

# What the ledger shows: projects with their investor, unit, stage dates, and the
# settings behind the filters (bands, chains, rate).
LEDGER_TABLES = frozenset({"project", "investor", "unit", "stage_event", "setting"})
# Tables whose changes show in the rows of the projects they concern only.
ROW_TABLES = frozenset(
    {"project", "stage_event", "phase", "capacity_line", "milestone", "follow_up"}
)

SEARCH_DELAY_MS = 200
LAYOUT_SAVE_DELAY_MS = 300
HEADER_KEY = "ledger/header"
COLUMNS_KEY = "ledger/columns"
PRIORITY = "priority"  # the chain filter's entry for every priority chain

DEFAULT_COLUMNS: frozenset[Col] = frozenset(
    {
        Col.CODE,
        Col.NAME,
        Col.INVESTOR,
        Col.CAPITAL,
        Col.TOTAL,
        Col.LOCAL_INDUSTRY,
        Col.STAGE,
        Col.SIGNED_ON,
        Col.UNIT,
        Col.PERSON_IN_CHARGE,
        Col.UPDATED_AT,
    }
)
_WIDTHS = {Col.NAME: 260, Col.INVESTOR: 200, Col.CREDIT_CODE: 170, Col.TOTAL: 130}
_KIND_WIDTHS = {Kind.LONG_TEXT: 240, Kind.DATE: 96, Kind.DATETIME: 130, Kind.STAGE: 70}


# A ledger of this many projects or more is read off the UI thread as its file opens
# (a city's: 100,000 take a few tenths of a second); a smaller one, at once.
READ_IN_BACKGROUND_FROM = 5000


class LedgerView(QWidget):
    """The filterable, sortable table of every live project in the open file."""

    project_activated = Signal(str)  # project uuid: double-click or Enter
    summary_changed = Signal(str)  # count and totals of the rows shown
    settled = Signal()  # a read off the UI thread has ended, nothing more to read

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        settings_store: QSettings | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        """``state``: the filters and sort to show first (``view_state``'s), set before
        anything is read."""
        super().__init__(parent)
        self.setObjectName("ledgerView")
        self.session = session
        self.store = settings_store or QSettings()
        self.summary = ""
        self._query: LedgerQuery | None = None
        self._query_thread: QThread | None = None
        self._again = False  # changed again while the file was being read
        # The date range filtered by: the dates last read whole and right (None for an
        # end left empty), so that a date being typed, or a wrong one, filters nothing.
        self._span: tuple[date | None, date | None] = (None, None)
        # A large ledger: its rows, totals and the choices found only in its projects
        # come from a LedgerQuery; until they do, the labels in use are not offered.
        background = ledger_table.projects_entered() >= READ_IN_BACKGROUND_FROM
        self._choices_in_use = not background
        self._build()
        self._fill_choices(read_choices(in_use=not background))
        self.model = ProjectTableModel(
            self._filter_from_widgets(), DEFAULT_SORT, parent=self, read=False
        )
        if background:
            self.model.read_order = self._read_order
        self.table.setModel(self.model)
        self._set_up_header()
        self._connect()
        if state is not None:
            self.restore_view_state(state)
        if background:
            if self._query is None:  # restoring the state may have started it
                self._read_in_background()
        else:
            self.model.reload()
        RefreshGuard(self, self.session, LEDGER_TABLES, self.reload, self.reload_changed)

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("ledgerSearch")
        self.search.setPlaceholderText(self.tr("搜索项目名称、投资方、备注… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.date_check = QCheckBox(self.tr("日期范围"))
        self.date_check.setObjectName("ledgerDateFilter")
        self.date_field = self._combo("ledgerDateField")
        # Item data keeps plain str and bool: Qt turns str subclasses (StrEnum) into str.
        self.date_field.addItem(self.tr("签约日期"), "signed")
        self.date_field.addItem(self.tr("首次对接日期"), "first_contact")
        # Typed dates (ui.date_field), read on Enter or Tab; an end left empty is open.
        today = date.today()
        self.date_from = self._date_edit(
            "ledgerDateFrom", self.tr("起始日期"), date(today.year, 1, 1)
        )
        self.date_to = self._date_edit("ledgerDateTo", self.tr("截止日期"), today)
        self._span = (self.date_from.value(), self.date_to.value())
        self.date_error = ErrorLabel("ledgerDateError")
        self.date_error.setWordWrap(False)
        self._enable_dates(False)
        for widget in (self.date_check, self.date_field, self.date_from):
            top.addWidget(widget)
        top.addWidget(QLabel(self.tr("至")))
        top.addWidget(self.date_to)
        self.columns_button = QToolButton()
        self.columns_button.setObjectName("ledgerColumnsButton")
        self.columns_button.setText(self.tr("显示列"))
        self.columns_button.setToolTip(self.tr("选择表格中显示的列(也可在表头上点右键)"))
        self.columns_menu = QMenu(self)
        self.columns_menu.setObjectName("ledgerColumnsMenu")
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top.addWidget(self.columns_button)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setObjectName("ledgerClearFilters")
        top.addWidget(self.clear_button)
        outer.addLayout(top)

        filters = QHBoxLayout()
        self.stage_filter = self._combo("ledgerStageFilter")
        self.stage_filter.addItem(self.tr("全部阶段"), None)
        self.stage_filter.addItem(self.tr("在手在谈(在谈、已签约未开工)"), PIPELINE_STAGES)
        for stage in (*PATH, Stage.DROPPED):
            self.stage_filter.addItem(self.tr(stage.label), frozenset({stage}))
        self.unit_filter = self._combo("ledgerUnitFilter")
        self.industry_filter = self._combo("ledgerIndustryFilter")
        self.chain_filter = self._combo("ledgerChainFilter")
        self.band_filter = self._combo("ledgerBandFilter")
        self.capital_filter = self._combo("ledgerCapitalFilter")
        self.capital_filter.addItem(self.tr("内资和外资"), None)
        self.capital_filter.addItem(self.tr("内资"), Capital.DOMESTIC.value)
        self.capital_filter.addItem(self.tr("外资"), Capital.FOREIGN.value)
        self.counted_filter = self._combo("ledgerCountedFilter")
        self.counted_filter.setToolTip(self.tr("纳入统计:亿元以上产业项目(不含房地产)"))
        self.counted_filter.addItem(self.tr("全部口径"), None)
        self.counted_filter.addItem(self.tr("纳入统计"), True)
        self.counted_filter.addItem(self.tr("未纳入统计"), False)
        for combo in (
            self.stage_filter,
            self.unit_filter,
            self.industry_filter,
            self.chain_filter,
            self.band_filter,
            self.capital_filter,
            self.counted_filter,
        ):
            filters.addWidget(combo)
        # Beside the filters, where the space is free: nothing moves when it shows.
        filters.addWidget(self.date_error)
        filters.addStretch(1)
        outer.addLayout(filters)

        self.table = QTableView()
        # The table's viewport is made here, as Qt makes its own: the first widget Qt
        # made that Python asks for costs 13-20 ms at start-up, as PySide6 readies
        # every widget class (with their enums) to find which one it is.
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.table.setViewport(viewport)
        self._after_paint = AfterPaint(viewport)
        self.table.setObjectName("ledgerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Every row the same height: the view never measures 100,000 rows.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        outer.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(LAYOUT_SAVE_DELAY_MS)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str, label: str, value: date) -> DateField:
        edit = DateField(name, label, value, required=False)
        edit.setPlaceholderText(self.tr("不限"))
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2023-05-20") * 2)
        return edit

    def _set_up_header(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for col in Col:
            width = _WIDTHS.get(col) or _KIND_WIDTHS.get(COLUMNS[col].kind, 100)
            header.resizeSection(col, max(width, self._header_width(col)))
            header.setSectionHidden(col, col not in DEFAULT_COLUMNS)
        header.setSortIndicator(DEFAULT_SORT, Qt.SortOrder.DescendingOrder)
        self._restore_layout()
        for col in Col:  # fixed words stay whole, even in a layout saved in another language
            needed = self._fixed_words_width(col)
            if header.sectionSize(col) < needed:
                header.resizeSection(col, needed)
        self.model.set_visible_columns(self._visible_columns())
        # The rows are read once, in the restored indicator's order: enabling sorting
        # asks the model for the order it already expects.
        if 0 <= (section := header.sortIndicatorSection()) < len(Col):
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self.model.expect(self.model.criteria, Col(section), descending)
        self.table.setSortingEnabled(True)

    def _connect(self) -> None:
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_filter)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self._activate)
        for combo in (
            self.stage_filter,
            self.unit_filter,
            self.industry_filter,
            self.chain_filter,
            self.band_filter,
            self.capital_filter,
            self.counted_filter,
            self.date_field,
        ):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.date_check.toggled.connect(self._dates_toggled)
        self.date_from.editingFinished.connect(self._dates_edited)
        self.date_to.editingFinished.connect(self._dates_edited)
        self.clear_button.clicked.connect(self.clear_filters)
        header = self.table.horizontalHeader()
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(lambda *_args: self._layout_timer.start())
        header.sectionMoved.connect(lambda *_args: self._layout_timer.start())
        header.sortIndicatorChanged.connect(lambda *_args: self._layout_timer.start())
        self._layout_timer.timeout.connect(self._save_layout)
        self.model.modelReset.connect(self._update_summary)
        # A search typed just before the file is closed must not query it afterwards.
        self.session.closed.connect(self._search_timer.stop)
        self.session.closed.connect(self._forget_query)

    # -- filter choices -------------------------------------------------------------

    def _fill_choices(self, offered: Choices) -> None:
        """The values offered by the filters, keeping the current choice where it remains
        (a choice no longer offered falls back to all, and the ledger follows)."""
        units = offered.units
        kept = self._refill(
            self.unit_filter, self.tr("全部单位"), [(unit.name, unit.id) for unit in units]
        )
        self.unit_filter.setVisible(self.session.is_headquarters or len(units) > 1)
        kept &= self._refill(
            self.industry_filter,
            self.tr("全部产业类别"),
            [(label, label) for label in offered.industries],
        )
        chains = [(self.tr("“{name}”重点产业链").format(name=offered.priority_name), PRIORITY)]
        chains += [(label, label) for label in offered.chains]
        kept &= self._refill(self.chain_filter, self.tr("全部产业链"), chains)
        bands = self._band_choices(offered.bands)
        kept &= self._refill(self.band_filter, self.tr("全部规模"), bands)
        if not kept:
            self._apply_filter()

    def _band_choices(self, bounds: tuple[Decimal, ...]) -> list[tuple[str, Decimal]]:
        if i18n.language() == "en":
            english = [(band_label(bound), bound) for bound in bounds[:-1]]
            last = band_label(bounds[-1], bounds[-2] if len(bounds) > 1 else None)
            return [*english, (last, bounds[-1])]
        choices = [
            (self.tr("{bound}亿元以上").format(bound=plain(bound)), bound) for bound in bounds[:-1]
        ]
        if len(bounds) > 1:
            lowest = self.tr("{low}~{high}亿元").format(
                low=plain(bounds[-1]), high=plain(bounds[-2])
            )
        else:
            lowest = self.tr("{bound}亿元以上").format(bound=plain(bounds[-1]))
        return [*choices, (lowest, bounds[-1])]

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> bool:
        """Offer these items; False when the current choice is no longer among them."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        return found >= 0

    # -- filtering ------------------------------------------------------------------

    def _filter_from_widgets(self) -> ProjectFilter:
        unit_id = None if self.unit_filter.isHidden() else self.unit_filter.currentData()
        industry = self.industry_filter.currentData()
        chain = self.chain_filter.currentData()
        capital = self.capital_filter.currentData()
        no_span: tuple[date | None, date | None] = (None, None)
        span = no_span
        if self.date_check.isChecked():
            span = self._span
        by_signing = self.date_field.currentData() == "signed"
        signed, first_contact = (span, no_span) if by_signing else (no_span, span)
        return ProjectFilter(
            stages=self.stage_filter.currentData(),
            unit_ids=frozenset({unit_id}) if unit_id is not None else None,
            local_industries=frozenset({industry}) if industry is not None else None,
            chains=frozenset({chain}) if chain not in (None, PRIORITY) else None,
            priority_only=chain == PRIORITY,
            size_band=self.band_filter.currentData(),
            capital=Capital(capital) if capital is not None else None,
            counted=self.counted_filter.currentData(),
            signed_from=signed[0],
            signed_to=signed[1],
            first_contact_from=first_contact[0],
            first_contact_to=first_contact[1],
            search=self.search.text().strip(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        criteria = self._filter_from_widgets()
        if criteria != self.model.criteria:
            if self.model.pending:  # the first rows are being read: these instead
                self.model.expect(criteria, self.model.sort_column, self.model.descending)
                self._read_in_background()
            else:
                self.model.set_filter(criteria)
        self.clear_button.setEnabled(not criteria.is_empty)

    def current_filter(self) -> ProjectFilter:
        """The filter of the rows shown (for listings of exactly these projects)."""
        return self.model.criteria

    def view_state(self) -> dict[str, Any]:
        """The filters, the search and the sort as plain values (remembered per file)."""
        band = self.band_filter.currentData()
        return {
            "stage": self.stage_filter.currentIndex(),
            "unit": self.unit_filter.currentData(),
            "industry": self.industry_filter.currentData(),
            "chain": self.chain_filter.currentData(),
            "band": None if band is None else str(band),
            "capital": self.capital_filter.currentIndex(),
            "counted": self.counted_filter.currentIndex(),
            "dates": self.date_check.isChecked(),
            "date_field": self.date_field.currentIndex(),
            "date_from": self._span[0].isoformat() if self._span[0] else "",
            "date_to": self._span[1].isoformat() if self._span[1] else "",
            "search": self.search.text(),
            "sort": self.model.sort_column.key,
            "descending": self.model.descending,
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        """Filters and sort as ``view_state`` gave them; a unit, 产业类别 or 产业链 that
        is no longer offered falls back to all, and the ledger is read once."""

        def by_index(combo: QComboBox, index: object) -> None:
            if isinstance(index, int) and 0 <= index < combo.count():
                combo.setCurrentIndex(index)

        def by_data(combo: QComboBox, value: object) -> None:
            found = [i for i in range(combo.count()) if str(combo.itemData(i)) == str(value)]
            labels = (self.industry_filter, self.chain_filter)
            if value is not None and not found and not self._choices_in_use and combo in labels:
                # Perhaps a label found only in the projects, not offered yet: kept until
                # the choices are read (dropped then if no project has it).
                combo.addItem(str(value), str(value))
                found = [combo.count() - 1]
            combo.setCurrentIndex(found[0] if value is not None and found else 0)

        widgets = (*self._filter_widgets(), self.date_field, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        by_index(self.stage_filter, state.get("stage"))
        by_data(self.unit_filter, state.get("unit"))
        by_data(self.industry_filter, state.get("industry"))
        by_data(self.chain_filter, state.get("chain"))
        by_data(self.band_filter, state.get("band"))
        by_index(self.capital_filter, state.get("capital"))
        by_index(self.counted_filter, state.get("counted"))
        by_index(self.date_field, state.get("date_field"))
        for edit, key in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            if state.get(key) == "":  # an end left open
                edit.set_value(None)
            with contextlib.suppress(ValueError):
                edit.set_value(date.fromisoformat(str(state.get(key))))
        self._take_dates()
        self.date_check.setChecked(bool(state.get("dates")))
        self._enable_dates(self.date_check.isChecked())
        self.search.setText(str(state.get("search") or ""))
        for widget in widgets:
            widget.blockSignals(False)
        column = next((col for col in Col if col.key == state.get("sort")), None)
        model = self.model
        if model.pending:
            # The rows are still to be read: with these filters, in this order (set
            # first, so that the indicator below asks for the order the model expects).
            wanted = (
                self._filter_from_widgets(),
                column if column is not None else model.sort_column,
                bool(state.get("descending")) if column is not None else model.descending,
            )
            if wanted != (model.criteria, model.sort_column, model.descending):
                model.expect(*wanted)
                if self._query is not None:
                    self._read_in_background()
            self.clear_button.setEnabled(not wanted[0].is_empty)
        else:
            self._apply_filter()
        if column is not None:
            order = (
                Qt.SortOrder.DescendingOrder
                if state.get("descending")
                else (Qt.SortOrder.AscendingOrder)
            )
            self.table.horizontalHeader().setSortIndicator(column, order)

    def _filter_widgets(self) -> tuple[QWidget, ...]:
        """The widgets whose values make the filter (the date range's own fields aside)."""
        return (
            self.stage_filter,
            self.unit_filter,
            self.industry_filter,
            self.chain_filter,
            self.band_filter,
            self.capital_filter,
            self.counted_filter,
            self.date_check,
            self.search,
        )

    def clear_filters(self) -> None:
        widgets = self._filter_widgets()
        for widget in widgets:
            widget.blockSignals(True)
        for combo in widgets[:7]:
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(0)
        self.date_check.setChecked(False)
        self._enable_dates(False)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._apply_filter()

    def _enable_dates(self, enabled: bool) -> None:
        for widget in (self.date_field, self.date_from, self.date_to):
            widget.setEnabled(enabled)
        if not enabled:
            self.date_error.show_message(None)  # the dates filter nothing now

    def _dates_toggled(self, checked: bool) -> None:
        self._enable_dates(checked)
        if checked:
            self._take_dates()
        self._apply_filter()

    def _take_dates(self) -> bool:
        """Filter by the dates typed; False, with the reason shown beside the filters and
        the rows left as they were, when they are no date or a range backwards."""
        try:
            start, end = self.date_from.value(), self.date_to.value()
        except DateError as problem:
            self.date_error.show_message(str(problem))
            return False
        if start is not None and end is not None and start > end:
            self.date_error.show_message(self.tr("起始日期晚于截止日期,请调整日期范围"))
            return False
        self.date_error.show_message(None)
        self.date_from.tidy()
        self.date_to.tidy()
        self._span = (start, end)
        return True

    def _dates_edited(self) -> None:
        if self._take_dates():
            self._apply_filter()

    def _update_summary(self) -> None:
        if not self.model.pending:  # else the totals come with the rows
            self._show_summary(ledger_table.totals(self.model.criteria))

    def _show_summary(self, sums: FilterTotals) -> None:
        self.summary = self.tr("共 {count} 个项目 · 内资 {d} 个 {dt} · 外资 {f} 个 {ft}").format(
            count=sums.count,
            d=sums.domestic_count,
            dt=yi_amount(sums.domestic_total_wan_cny),
            f=sums.foreign_count,
            ft=yi_amount(sums.foreign_total_wan_usd, foreign=True),
        )
        self.summary_changed.emit(self.summary)

    # -- reading and acting ---------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether the ledger is being read (its rows, order and totals will follow)."""
        return self._query_thread is not None

    def reload(self) -> None:
        """Read again after records changed, keeping the filter, sort and current project:
        the rows on screen at once, the order, totals and choices in the background."""
        self.model.refresh_rows()
        self._read_in_background()

    def reload_changed(self, changes: Changes) -> None:
        """After an edit of some projects: their rows on screen are read again (the
        others are as they were), then the order, totals and choices as ``reload``.
        A change that may show in every row (an exchange rate, a unit's name, an
        investor) reloads them all."""
        if not changes.project_uuids or not changes.tables <= ROW_TABLES:
            self.reload()
            return
        self.model.refresh_projects(changes.project_uuids)
        self._read_in_background()

    def _read_order(self) -> None:
        """A new sort of a large ledger: its first page is shown, the whole order is read
        off the UI thread (the model's ``read_order``)."""
        self._read_in_background(order_only=True)

    def _read_in_background(self, order_only: bool = False) -> None:
        """Read the ledger off the UI thread for the model's filter and order; a read
        still running stops at its next step, and a whole read follows it."""
        if self._query_thread is not None:
            self._again = True
            if self._query is not None:
                self._query.cancel()
            return
        model = self.model
        # Nothing shown yet: the first page first, which is all a first paint reads.
        first = PAGE_SIZE if model.pending else None
        query = LedgerQuery(
            model.criteria,
            model.sort_column.key,
            model.descending,
            first,
            order_only,
            columns=model.row_columns() if first is not None else None,
        )
        query.rows_read.connect(self._rows)
        query.finished.connect(self._read)
        query.failed.connect(self._not_read)
        self._query = query
        self._query_thread = query.start()
        if first is None:
            # The rows just changed on screen (a sort's first page, an edited row) are
            # painted before the query reads on (LedgerQuery.painted).
            self._after_paint.then(query.painted)

    def _forget_query(self) -> None:
        if self._query is not None:
            self._query.painted()  # no longer held back, if it still is
            self._query.rows_read.disconnect(self._rows)
            self._query.finished.disconnect(self._read)
            self._query.failed.disconnect(self._not_read)
        if self._query_thread is not None:
            self._query_thread.quit()
            self._query_thread.wait()
        self._query = self._query_thread = None

    def _done(self, query: LedgerQuery) -> bool:
        """Forget the finished query; False when it is not the latest or is outdated."""
        if query is not self._query:
            return False
        self._forget_query()
        if self._again:
            self._again = False
            self.reload()
            return False
        return True

    def _rows(self, query: LedgerQuery, ids: list[int], rows: dict[int, Row] | None = None) -> None:
        """A query's rows, shown as soon as they are read (its totals follow, once these
        rows are painted)."""
        self._after_paint.then(query.painted)
        model = self.model
        if query is not self._query or self._again:
            return  # outdated: another read follows
        if (query.criteria, query.sort_key, query.descending) != (
            model.criteria,
            model.sort_column.key,
            model.descending,
        ):
            return  # the filter or the sort changed meanwhile: the model read the file anew
        current = model.project_id(self.table.currentIndex().row())
        model.show_ids(ids, rows, query.columns)
        row = model.row_of(current) if current is not None else None
        if row is not None:
            self.table.scrollTo(model.index(row, self.table.horizontalHeader().logicalIndex(0)))

    def _read(self, query: LedgerQuery, state: LedgerState) -> None:
        if not self._done(query):
            return
        if state.totals is not None and state.criteria == self.model.criteria:
            self._show_summary(state.totals)  # a sort meanwhile changes no total
        if state.choices is not None:
            self._choices_in_use = True
            self._fill_choices(state.choices)
        self.settled.emit()

    def _not_read(self, query: LedgerQuery, reason: str) -> None:
        if self._done(query):
            self.summary_changed.emit(self.tr("无法读取项目台账:{reason}").format(reason=reason))
            self.settled.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_project_uuids(self) -> list[str]:
        """The selected projects' uuids, in the order of the rows."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return self.model.uuids_at(rows)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            uuid = self.model.data(index, UuidRole)
            if uuid:
                self.project_activated.emit(uuid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.table.currentIndex())
                return True
            # The main window binds Ctrl+F itself (a second shortcut would be
            # ambiguous); this serves the view when no window shortcut takes it.
            if watched is self.table and event.matches(QKeySequence.StandardKey.Find):
                self.focus_search()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self._apply_filter()
                return True
        return super().eventFilter(watched, event)

    # -- columns and their layout ---------------------------------------------------

    def _visible_columns(self) -> set[Col]:
        header = self.table.horizontalHeader()
        return {col for col in Col if not header.isSectionHidden(col)}

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        visible = self._visible_columns()
        for col in Col:
            action = self.columns_menu.addAction(
                self.model.headerData(col, Qt.Orientation.Horizontal)
            )
            action.setCheckable(True)
            action.setChecked(col in visible)
            # The last visible column cannot be hidden: a table without columns looks broken.
            action.setEnabled(not (col in visible and len(visible) == 1))
            action.toggled.connect(lambda checked, col=col: self.set_column_visible(col, checked))
        self.columns_menu.addSeparator()
        self.columns_menu.addAction(self.tr("恢复默认列"), self.restore_default_columns)

    def _header_menu(self, position: QPoint) -> None:
        self._fill_columns_menu()
        header = self.table.horizontalHeader()
        self.columns_menu.popup(header.mapToGlobal(position))

    def set_column_visible(self, col: Col, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(col, not visible)
        self.model.set_visible_columns(self._visible_columns())
        self._save_layout()

    def restore_default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for col in Col:
            header.setSectionHidden(col, col not in DEFAULT_COLUMNS)
        self.model.set_visible_columns(self._visible_columns())
        self._save_layout()

    def hideEvent(self, event: QHideEvent) -> None:
        # A resize made just before the window closes is still waiting for its timer.
        if self._layout_timer.isActive():
            self._save_layout()
        super().hideEvent(event)

    def _save_layout(self) -> None:
        self._layout_timer.stop()
        self.store.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        self.store.setValue(COLUMNS_KEY, [col.key for col in sorted(self._visible_columns())])
        self.store.sync()

    def _header_width(self, col: Col) -> int:
        """The width of a column's header text, with room for the sort arrow."""
        text = str(self.model.headerData(col, Qt.Orientation.Horizontal))
        return self.table.horizontalHeader().fontMetrics().horizontalAdvance(text) + 28

    def _fixed_words_width(self, col: Col) -> int:
        """The width the longest stage (or 内资/外资) label needs in its cell."""
        labels = fixed_labels(COLUMNS[col].kind)
        metrics = self.table.fontMetrics()
        return max((metrics.horizontalAdvance(text) for text in labels), default=0) + 16

    def _restore_layout(self) -> None:
        """Widths, order and sort from the saved header; then the visible columns by
        key, which still apply when a newer version has added columns."""
        header = self.table.horizontalHeader()
        state = self.store.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        keys = self.store.value(COLUMNS_KEY)
        if isinstance(keys, str):  # an INI file gives a one-item list back as text
            keys = [keys]
        if isinstance(keys, list) and any(col.key in keys for col in Col):
            for col in Col:
                header.setSectionHidden(col, col.key not in keys)
