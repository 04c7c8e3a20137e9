"""The 报表 menu's dialogs: the period briefing, project briefs, the batch of briefs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from db.errors import UserError
from db.reads.figures import Period
from db.reads.units import live_units, unit_by_id
from db.records.settings import issue_printed
from db.store import settings
from db.store.faults import from_os_error
from ui.date_field import DateError, DateField
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.output import fit_path_field
from ui.session import Session


def _typed(field: DateField) -> date:
    """A required date field's date; DateError (naming the field) when it is none."""
    value = field.value()
    if value is None:  # a required field raises instead; kept for the type checker
        raise DateError(field.label)
    return value


def default_period(today: date) -> tuple[date, date]:
    """Year to date up to the end of last month (the usual 1~N月), or January so far."""
    first = date(today.year, 1, 1)
    end_of_last_month = date(today.year, today.month, 1) - timedelta(days=1)
    if end_of_last_month < first:
        return first, today
    return first, end_of_last_month


class BriefingDialog(QDialog):
    """招商工作简报: period, scope, 签发日期, issue number and where to save."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        today: date | None = None,
        period: Period | None = None,
        folder: Path | None = None,
    ):
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.setWindowTitle(self.tr("生成招商工作简报"))
        today = today or date.today()
        start, end = (period.start, period.end) if period else default_period(today)
        # Typed dates (ui.date_field): a whole date typed or pasted, Tab to the next field.
        self.date_from = DateField("briefFrom", self.tr("起始日期"), start)
        self.date_to = DateField("briefTo", self.tr("截止日期"), end)
        self.signed_on = DateField("briefDate", self.tr("签发日期"), today)
        self.signed_on.setToolTip(self.tr("报头上的日期;期数按此日期的年度编号"))
        self.scope = QComboBox()
        self.scope.setObjectName("briefScope")
        if session.is_headquarters:
            self.scope.addItem(self.tr("全市"), None)
            for unit in live_units():
                self.scope.addItem(unit.name, unit.id)
        else:
            own = session.unit
            self.scope.addItem(own.name if own else "", own.id if own else None)
        self.issue = QSpinBox()
        self.issue.setObjectName("briefIssue")
        self.issue.setRange(1, 9999)
        self.issue.setValue(settings.briefing().next_issue_no(today.year))
        self._issue_year = today.year
        title = settings.briefing().title or "招商工作简报"
        folder = folder or session.path.parent
        self.out = QLineEdit(str(folder / f"{title}-第{self.issue.value()}期.pdf"))
        self.out.setObjectName("briefOut")
        fit_path_field(self.out)
        self.issue.valueChanged.connect(self._suggest_name)
        self.signed_on.dateChanged.connect(self._signed_on_changed)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("briefError")
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout(self)
        form.addRow(self.tr("起始日期"), self.date_from)
        form.addRow(self.tr("截止日期"), self.date_to)
        form.addRow(self.tr("范围"), self.scope)
        form.addRow(self.tr("签发日期"), self.signed_on)
        form.addRow(self.tr("期数"), self.issue)
        form.addRow(self.tr("保存为"), row)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.written: Path | None = None
        enter_moves_on(self, self.date_from, self.accept)

    def _signed_on_changed(self) -> None:
        """Issues are numbered per year: a date in another year offers that year's next."""
        value = self.signed_on.date()
        if not value.isValid():
            return  # being typed
        year = value.year()
        if year != self._issue_year:
            self._issue_year = year
            self.issue.setValue(settings.briefing().next_issue_no(year))

    def _suggest_name(self, number: int) -> None:
        current = Path(self.out.text())
        title = settings.briefing().title or "招商工作简报"
        self.out.setText(str(current.parent / f"{title}-第{number}期.pdf"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存简报"), self.out.text(), self.tr("PDF 文件 (*.pdf)")
        )
        if chosen:
            self.out.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def generate(self) -> Path | None:
        """Write the PDF; on a problem show it beside the form and return None."""
        from db.reads.briefing import briefing_data
        from reports.briefing import build_briefing

        try:
            start, end, signed_on = (
                _typed(field) for field in (self.date_from, self.date_to, self.signed_on)
            )
        except DateError as problem:
            self.error.setText(str(problem))
            return None
        if start > end:
            self.error.setText(self.tr("起始日期晚于截止日期"))
            return None
        out = Path(self.out.text().strip())
        if out.suffix.lower() != ".pdf" or not out.parent.is_dir():
            self.error.setText(self.tr("请选择一个已存在的文件夹,文件名以 .pdf 结尾"))
            return None
        unit_id = self.scope.currentData()
        unit = unit_by_id(unit_id) if unit_id is not None else None
        number = self.issue.value()
        try:
            build_briefing(briefing_data(Period(start, end), unit, number, signed_on), out)
        except UserError as error:
            self.error.setText(either(error.zh, error.en))
            return None
        except OSError as error:
            fault = from_os_error(error, out)
            self.error.setText(either(fault.zh, fault.en))
            return None
        # The next briefing of that year gets the next number (undoable like any change);
        # a file open read-only cannot keep it.
        if self.session.read_only_reason is None:
            self.session.run(self.tr("简报期数"), issue_printed(number, signed_on.year))
        self.written = out
        return out

    def accept(self) -> None:
        if self.generate() is not None:
            super().accept()
