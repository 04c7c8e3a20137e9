"""The project form (项目信息): every field of a project in seven groups, checked beside
each field, saved as one undoable step; for a stored project also its progress
over time (stage events, milestones, follow-ups)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.reads.lookalikes import SimilarRecord, similar_records
from db.records.projects import FieldProblem, ProjectData, load_project, save_project
from db.rules.vocabulary import Stage
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.project_form.binder import Binder
from ui.session import Session
from ui.widgets import AmountEdit, ErrorLabel, date_of, tell

ERROR_COLOUR = QColor("#c62828")


@dataclass(frozen=True)
class _FormState:
    """What the user has entered, to tell whether closing would lose anything."""

    data: ProjectData
    problems: tuple[FieldProblem, ...]
    initial_stage: tuple[Stage, str] | None  # the stage, and its date as typed


class ProjectForm(Binder):
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


def _message(problems: list[FieldProblem], field: str) -> str | None:
    messages = list(dict.fromkeys(either(p.message, p.en) for p in problems if p.field == field))
    return "\n".join(messages) or None
