"""概览: the period's figures from the counting rules, as cards, charts and a unit table.

Every number here comes from ``db.figures.figures``, the same function behind the
briefing and ``zhaoshang figures``; this module only words and draws them.  They are
computed off the UI thread (a city's whole history takes a moment), so typing in the
period or the ledger never waits for them: a change asked for while one computation
runs is computed once it ends, and only the latest request is shown.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.reads.figures import Figures, Period, figures
from db.reads.units import UnitInfo, live_units, unit_by_uuid
from db.rules.industry import Sector
from db.rules.money import plain
from db.store import connection
from ui import i18n
from ui.amounts import band_label, yi_amount, yi_figure
from ui.background import BackgroundJob
from ui.charts import BarChart
from ui.date_field import DateError, DateField
from ui.refresh import RefreshGuard
from ui.session import Session
from ui.widgets import ErrorLabel, date_of

# What the figures read: projects, their stage events, units and the settings.
FIGURE_TABLES = frozenset({"project", "stage_event", "unit", "setting", "cadre", "signing_event"})

CUSTOM = "custom"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class FiguresJob(BackgroundJob):
    """The figures of one request, computed in their own thread with its own connection
    to the open file; at headquarters with the city's, for the table of units."""

    finished = Signal(object, object, object)  # the job, the scope's Figures, the city's or None
    failed = Signal(object, str)  # the job, why

    def __init__(self, period: Period, scope: UnitInfo | None, with_city: bool) -> None:
        super().__init__()
        self.file = connection.current()
        self.period = period
        self.scope = scope
        self.with_city = with_city

    def run(self) -> None:
        try:
            with connection.bound(self.file):
                try:
                    shown = figures(self.period, self.scope)
                    city = None
                    if self.with_city:
                        city = shown if self.scope is None else figures(self.period, None)
                finally:
                    connection.close_thread_connection()
        except Exception as error:  # reported on the UI thread, never raised in this one
            self.failed.emit(self, str(error))
            return
        self.finished.emit(self, shown, city)


class Dashboard(QWidget):
    """The figures of a period for the unit (or, at headquarters, the city or one unit)."""

    figures_shown = Signal()  # the latest request's figures are on screen

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.today = today
        self.figures: Figures | None = None
        self._presets: list[tuple[str, Period | None]] = []
        # The period whose figures are asked for: what the date fields said when last
        # read whole and right (a date being typed, or a wrong one, changes nothing).
        self._period = Period(date(today().year, 1, 1), today())
        self._job: FiguresJob | None = None
        self._thread: QThread | None = None
        self._again = False  # asked for while a computation ran
        # Not yet computed for what is chosen: computed once the overview is the page
        # its window shows, not while it waits behind another tab (the ledger's, as a
        # file opens): what the window shows first is not slowed by figures unseen.
        self._due = True
        self._when_shown = QTimer(self)
        self._when_shown.setSingleShot(True)
        self._when_shown.setInterval(0)
        self._when_shown.timeout.connect(self._refresh_if_due)
        self._build()
        self._fill_presets()
        self._fill_units()
        RefreshGuard(self, self.session, FIGURE_TABLES, self.refresh)
        # A computation still running when the file closes finishes on that file.
        self.session.closed.connect(self._wait_for_job)
        self.session.closed.connect(self._when_shown.stop)
        # Once the window is built: a page shown only while the tabs are set up (the
        # first tab, before the one the file was left on) computes nothing.
        self._when_shown.start()

    # -- building -----------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodPreset")
        # Typed dates (ui.date_field), read when the user is done with one: Enter, Tab or
        # a click elsewhere.  A date half typed asks for no figures.
        self.period_from = DateField("periodFrom", self.tr("起始日期"))
        self.period_to = DateField("periodTo", self.tr("结束日期"))
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unitSelector")
        period_label = QLabel(self.tr("统计期间(&P)"))
        period_label.setBuddy(self.period_combo)
        self.unit_label = QLabel(self.tr("单位(&U)"))
        self.unit_label.setBuddy(self.unit_combo)
        controls.addWidget(period_label)
        controls.addWidget(self.period_combo)
        controls.addWidget(QLabel(self.tr("从")))
        controls.addWidget(self.period_from)
        controls.addWidget(QLabel(self.tr("至")))
        controls.addWidget(self.period_to)
        controls.addSpacing(16)
        controls.addWidget(self.unit_label)
        controls.addWidget(self.unit_combo)
        controls.addStretch(1)
        outer.addLayout(controls)
        # The message keeps its line while there is none, so the figures never move.
        self.period_error = ErrorLabel("periodError", reserve_lines=1)
        outer.addWidget(self.period_error.slot())

        body = QWidget()
        layout = QVBoxLayout(body)
        self.caption = self._label("periodCaption")
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.caption.setFont(font)
        layout.addWidget(self.caption)

        cards = QGridLayout()
        signed_box = QGroupBox(self.tr("新签约"))
        signed_layout = QVBoxLayout(signed_box)
        self.signed_count = self._label("signedCount", big=True)
        self.signed_total = self._label("signedTotal", big=True)
        self.signed_split = self._label("signedSplit")
        self.priority_share = self._label("priorityShare")
        self.sector_line = self._label("sectorLine")
        for label in (
            self.signed_count,
            self.signed_total,
            self.signed_split,
            self.priority_share,
            self.sector_line,
        ):
            signed_layout.addWidget(label)
        pipeline_box = QGroupBox(self.tr("在手在谈"))
        pipeline_layout = QVBoxLayout(pipeline_box)
        self.pipeline_count = self._label("pipelineCount", big=True)
        self.pipeline_stages = self._label("pipelineStages")
        self.pipeline_domestic = self._label("pipelineDomestic")
        self.pipeline_foreign = self._label("pipelineForeign")
        for label in (
            self.pipeline_count,
            self.pipeline_stages,
            self.pipeline_domestic,
            self.pipeline_foreign,
        ):
            pipeline_layout.addWidget(label)
        cards.addWidget(signed_box, 0, 0)
        cards.addWidget(pipeline_box, 0, 1)
        layout.addLayout(cards)
        self.rate_note = self._label("exchangeRateNote")
        self.rate_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.rate_note)

        charts = QHBoxLayout()
        self.band_chart = BarChart(self.tr("新签约项目 · 按投资规模"))
        self.band_chart.setObjectName("bandChart")
        self.industry_chart = BarChart(self.tr("新签约项目 · 按产业类别"))
        self.industry_chart.setObjectName("industryChart")
        charts.addWidget(self.band_chart, 1, Qt.AlignmentFlag.AlignTop)
        charts.addWidget(self.industry_chart, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(charts)

        self.unit_table_title = QLabel(self.tr("各单位情况"))
        layout.addWidget(self.unit_table_title)
        self.unit_table = QTableWidget(0, 5)
        self.unit_table.setObjectName("unitTable")
        self.unit_table.setHorizontalHeaderLabels(
            [
                self.tr("单位"),
                self.tr("签约个数"),
                self.tr("签约总投资(亿元)"),
                self.tr("在手在谈个数"),
                self.tr("总投资(亿元)"),
            ]
        )
        self.unit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table.verticalHeader().hide()
        header = self.unit_table.horizontalHeader()
        # Figures and their headers always show whole; the unit name takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unit_table.setToolTip(self.tr("双击或按回车查看该单位的数字"))
        self.unit_table.itemActivated.connect(self._unit_row_activated)
        layout.addWidget(self.unit_table)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.period_combo.currentIndexChanged.connect(self._preset_chosen)
        self.period_from.editingFinished.connect(self._dates_edited)
        self.period_to.editingFinished.connect(self._dates_edited)
        self.unit_combo.currentIndexChanged.connect(lambda _index: self.refresh())

    def _label(self, name: str, big: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        if big:
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            label.setFont(font)
        return label

    def _fill_presets(self) -> None:
        today = self.today()
        year = today.year
        presets: list[tuple[str, Period | None]] = [
            (self.tr("本年至今"), Period(date(year, 1, 1), today))
        ]
        for month in range(today.month - 1, 0, -1):
            presets.append(
                (
                    self.tr("{year}年1~{month}月").format(year=year, month=month),
                    Period(date(year, 1, 1), _month_end(year, month)),
                )
            )
        half_year = year if today.month > 6 else year - 1
        presets.append(
            (
                self.tr("{year}年上半年").format(year=half_year),
                Period(date(half_year, 1, 1), date(half_year, 6, 30)),
            )
        )
        last_month_end = today.replace(day=1) - timedelta(days=1)
        presets.append((self.tr("上月"), Period(last_month_end.replace(day=1), last_month_end)))
        presets.append(
            (
                self.tr("{year}年全年").format(year=year - 1),
                Period(date(year - 1, 1, 1), date(year - 1, 12, 31)),
            )
        )
        presets.append((self.tr("自定义"), None))
        self._presets = presets
        self.period_combo.blockSignals(True)
        for text, _period in presets:
            self.period_combo.addItem(text)
        self.period_combo.setCurrentIndex(0)
        self.period_combo.blockSignals(False)
        self._show_dates(presets[0][1])

    def _fill_units(self) -> None:
        at_hq = self.session.is_headquarters
        for widget in (self.unit_label, self.unit_combo, self.unit_table_title, self.unit_table):
            widget.setVisible(at_hq)
        if not at_hq:
            return
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全市"), None)
        for unit in live_units():
            self.unit_combo.addItem(unit.name, unit.uuid)
        index = self.unit_combo.findData(current) if current else 0
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    # -- the period ---------------------------------------------------------------

    def _show_dates(self, period: Period | None) -> None:
        if period is None:
            return
        self._period = period
        self.period_from.set_value(period.start)
        self.period_to.set_value(period.end)
        self.period_error.hide()

    def _preset_chosen(self, index: int) -> None:
        self._show_dates(self._presets[index][1])
        self.refresh()

    def _dates_edited(self) -> None:
        """A date typed and left (Enter, Tab): the figures of the period it makes, or,
        for a date that is none or a period backwards, the reason and no new figures."""
        try:
            start, end = date_of(self.period_from), date_of(self.period_to)
        except DateError as problem:
            self._refuse(str(problem))
            return
        if start > end:
            self._refuse(self.tr("起始日期晚于结束日期,请调整统计期间。"))
            return
        self.period_error.hide()
        self.period_from.tidy()
        self.period_to.tidy()
        period = Period(start, end)
        if period == self._period:
            return  # left as it was (Tab through the fields)
        self._period = period
        # Typing a date makes the period a custom one, so the preset's name never lies.
        custom = len(self._presets) - 1
        if self.period_combo.currentIndex() != custom:
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(custom)
            self.period_combo.blockSignals(False)
        self.refresh()

    def _refuse(self, reason: str) -> None:
        """Say why the dates typed make no period; the figures shown stay (their caption
        names the period they are of)."""
        self.period_error.setText(
            self.tr("{reason}。仍显示 {start} 至 {end} 的数字。").format(
                reason=reason.rstrip("。."),
                start=self._period.start.isoformat(),
                end=self._period.end.isoformat(),
            )
        )
        self.period_error.show()

    def period(self) -> Period:
        """The period whose figures are shown (or being computed): the dates last typed
        whole and right, or the preset chosen."""
        return self._period

    def show_period(self, start: date, end: date) -> None:
        """Show the figures of ``start``…``end`` (a custom period)."""
        self._show_dates(Period(start, end))
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(len(self._presets) - 1)
        self.period_combo.blockSignals(False)
        self.refresh()

    def view_state(self) -> dict[str, object]:
        """The period (a preset or custom dates) and, at headquarters, the unit shown."""
        custom = self.period_combo.currentIndex() == len(self._presets) - 1
        return {
            "preset": self.period_combo.currentIndex(),
            "custom": custom,
            "from": self._period.start.isoformat(),
            "to": self._period.end.isoformat(),
            "unit": self.unit_combo.currentData(),
        }

    def restore_view_state(self, state: dict[str, object]) -> None:
        """The period ``view_state`` gave: 本年至今 stays this year to date; another
        preset or custom dates keep their dates (a preset of the same dates if one is
        offered, else custom), so that 2023年1~7月 is still 2023年1~7月 next month."""
        try:
            period = Period(
                date.fromisoformat(str(state.get("from"))), date.fromisoformat(str(state.get("to")))
            )
        except ValueError:
            return
        index = -1
        if not state.get("custom"):
            index = (
                0
                if state.get("preset") == 0
                else next((i for i, (_t, p) in enumerate(self._presets) if p == period), -1)
            )
        unit = state.get("unit")
        if self.session.is_headquarters and unit is not None:
            found = self.unit_combo.findData(unit)
            if found >= 0:
                self.unit_combo.blockSignals(True)
                self.unit_combo.setCurrentIndex(found)
                self.unit_combo.blockSignals(False)
        if index >= 0:
            self._show_dates(self._presets[index][1])
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(index)
            self.period_combo.blockSignals(False)
            self.refresh()
        else:
            self.show_period(period.start, period.end)

    def select_preset(self, text: str) -> None:
        index = self.period_combo.findText(text)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def _scope(self) -> UnitInfo | None:
        if not self.session.is_headquarters:
            return self.session.unit
        uuid = self.unit_combo.currentData()
        return unit_by_uuid(uuid) if uuid else None

    def _unit_row_activated(self, item: QTableWidgetItem) -> None:
        name_item = self.unit_table.item(item.row(), 0)
        assert name_item is not None  # every row of the unit table has its name cell
        name = name_item.text()
        index = self.unit_combo.findText(name)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)

    # -- the figures --------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether figures are being computed (and others will be shown), or are about
        to be: the overview is shown and has not computed what is chosen yet."""
        return self._thread is not None or (self._due and self._when_shown.isActive())

    def _shown_in_window(self) -> bool:
        """Whether this is the page its window shows (or will, once the window shows)."""
        return self.isVisibleTo(self.window())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._due:
            self._when_shown.start()

    def _refresh_if_due(self) -> None:
        if self._due and self._shown_in_window():
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures in the background and show them when they are ready;
        while the overview is behind another tab, once it is shown."""
        if not self._shown_in_window():
            self._due = True
            return
        self._due = False
        if self._thread is not None:
            self._again = True
            return
        if self.session.is_headquarters:
            self._fill_units()
        job = FiguresJob(self.period(), self._scope(), self.session.is_headquarters)
        job.finished.connect(self._computed)
        job.failed.connect(self._failed)
        self._job = job
        self._thread = job.start()

    def _forget_job(self) -> None:
        """Let the finished (or abandoned) job's thread end, and drop both."""
        if self._job is not None:
            self._job.finished.disconnect(self._computed)
            self._job.failed.disconnect(self._failed)
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._job = self._thread = None

    def _done(self) -> bool:
        """Forget the finished job; True when a newer request must be computed instead."""
        self._forget_job()
        again, self._again = self._again, False
        if again:
            self.refresh()
        return again

    def _computed(self, job: FiguresJob, shown: Figures, city: Figures | None) -> None:
        if job is not self._job or self._done():
            return
        self.figures = shown
        self._show(shown)
        if city is not None:
            self._show_units(city)
        self.figures_shown.emit()

    def _failed(self, job: FiguresJob, reason: str) -> None:
        if job is not self._job or self._done():
            return
        self.period_error.setText(self.tr("无法计算统计数字:{reason}").format(reason=reason))
        self.period_error.show()

    def _wait_for_job(self) -> None:
        self._forget_job()
        self._again = False

    def _show(self, fig: Figures) -> None:
        signed, pipeline, rate = fig.signed, fig.pipeline, fig.exchange_rate
        scope = fig.unit or (self.tr("全市") if self.session.is_headquarters else "")
        self.caption.setText(
            self.tr("{start} 至 {end} {scope}").format(
                start=fig.period.start.isoformat(), end=fig.period.end.isoformat(), scope=scope
            )
        )
        self.signed_count.setText(
            self.tr("新签约亿元以上产业项目 {count} 个").format(count=signed.count)
        )
        if rate is None and signed.foreign_count:
            self.signed_total.setText(
                self.tr("内资总投资 {total}(外资未折算)").format(
                    total=yi_amount(signed.total_wan_cny)
                )
            )
        else:
            self.signed_total.setText(
                self.tr("总投资 {total}").format(total=yi_amount(signed.total_wan_cny))
            )
        self.signed_split.setText(
            self.tr("其中内资 {d} 个 {dt},外资 {f} 个 {ft}").format(
                d=signed.domestic_count,
                dt=yi_amount(signed.domestic_total_wan_cny),
                f=signed.foreign_count,
                ft=yi_amount(signed.foreign_total_wan_usd, foreign=True),
            )
        )
        self.priority_share.setText(
            self.tr("“{name}”产业项目 {count} 个,占比 {pct}%").format(
                name=fig.priority_name, count=signed.priority_count, pct=signed.priority_share_pct
            )
        )
        sectors = [
            self.tr("制造业 {n} 个").format(n=signed.sectors[Sector.MANUFACTURING]),
            self.tr("服务业 {n} 个").format(n=signed.sectors[Sector.SERVICES]),
        ]
        if signed.sectors[Sector.OTHER]:
            sectors.append(self.tr("其他 {n} 个").format(n=signed.sectors[Sector.OTHER]))
        self.sector_line.setText(" · ".join(sectors))

        self.pipeline_count.setText(
            self.tr("截至 {when} 在手在谈 {count} 个").format(
                when=pipeline.as_of.isoformat(), count=pipeline.count
            )
        )
        self.pipeline_stages.setText(
            self.tr("其中在谈 {talks} 个,已签约未开工 {signed} 个").format(
                talks=pipeline.negotiating, signed=pipeline.signed_not_started
            )
        )
        self.pipeline_domestic.setText(
            self.tr("内资 {count} 个 {total}").format(
                count=pipeline.domestic_count, total=yi_amount(pipeline.domestic_total_wan_cny)
            )
        )
        self.pipeline_foreign.setText(
            self.tr("外资 {count} 个 {total}").format(
                count=pipeline.foreign_count,
                total=yi_amount(pipeline.foreign_total_wan_usd, foreign=True),
            )
        )
        if rate is None:
            self.rate_note.setText(
                self.tr(
                    "尚未设定汇率:外资项目以美元单列,不折算人民币,不计入总投资和规模档次。"
                    "请在 设置 中填写 1 美元兑人民币的汇率及其日期。"
                )
            )
        else:
            when = rate.date.isoformat() if rate.date else self.tr("未填写")
            self.rate_note.setText(
                self.tr(
                    "新签约总投资、规模档次和各单位总投资中的外资项目按 1 美元 = {rate} "
                    "元人民币折算(汇率日期:{when});在手在谈的内资、外资分别列示。"
                ).format(rate=plain(rate.usd_cny), when=when)
            )
        self.band_chart.set_data(
            [(self.band_label(fig, bound), n) for bound, n in signed.size_bands]
        )
        self.industry_chart.set_data(list(signed.industries))

    def band_label(self, fig: Figures, bound: Decimal) -> str:
        """30亿元以上 … and, for the last band, "5亿元以下" (all counted projects below)."""
        bounds = [b for b, _ in fig.signed.size_bands]
        below = bound == bounds[-1] and len(bounds) > 1
        if i18n.language() == "en":
            return band_label(bounds[-2], below=True) if below else band_label(bound)
        if below:
            return self.tr("{bound}亿元以下").format(bound=plain(bounds[-2]))
        return self.tr("{bound}亿元以上").format(bound=plain(bound))

    def _show_units(self, city: Figures) -> None:
        lines = city.by_unit
        self.unit_table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            values = [
                line.unit,
                str(line.signed_count),
                yi_figure(line.signed_total_wan_cny),
                str(line.pipeline_count),
                yi_figure(line.pipeline_total_wan_cny),
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.unit_table.setItem(row, column, item)
