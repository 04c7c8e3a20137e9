"""变更阶段: a stage change is a dated event, entered with the day it happened."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.reads.timeline import current_stage, stage_order_conflict
from db.records.projects import load_project
from db.records.stages import change_stage
from db.rules.vocabulary import PATH, Stage
from ui.date_field import DateError
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.labels import stage_label
from ui.session import Session
from ui.widgets import ErrorLabel, date_edit, date_of

# The stage offered first: the next one on the main path (注册, 竣工 and 达产 are
# optional finer steps that users pick on purpose).
_NEXT = {
    Stage.LEAD: Stage.TALKS,
    Stage.TALKS: Stage.SIGNED,
    Stage.SIGNED: Stage.STARTED,
    Stage.REGISTERED: Stage.STARTED,
    Stage.STARTED: Stage.PRODUCING,
    Stage.COMPLETED: Stage.PRODUCING,
    Stage.PRODUCING: Stage.AT_CAPACITY,
}


def stage_combo(object_name: str, stages: tuple[Stage, ...]) -> QComboBox:
    """A choice of stages by their labels; item data is the Stage."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    for stage in stages:
        combo.addItem(stage_label(stage), stage)
    return combo


class StageDialog(QDialog):
    """Record that the project entered a stage on a date (and why, for 中止)."""

    def __init__(self, session: Session, project_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("stageDialog")
        self.session = session
        self.project_uuid = project_uuid
        project = load_project(project_uuid)
        current = current_stage(project_uuid)
        self.setWindowTitle(self.tr("变更阶段 — %1").replace("%1", project.name))

        self.current_label = QLabel(self.tr("当前阶段:%1").replace("%1", stage_label(current)))
        self.current_label.setObjectName("stageCurrent")
        self.stage = stage_combo("stageChoice", (*PATH, Stage.DROPPED))
        self.stage.setCurrentIndex(self.stage.findData(_NEXT.get(current, Stage.DROPPED)))
        self.date = date_edit("stageDate", self.tr("日期"))
        self.date_error = ErrorLabel("stageDateError", reserve_lines=2)
        self.reason = QLineEdit()
        self.reason.setObjectName("stageReason")
        self.reason.setPlaceholderText(self.tr("如:企业战略调整、选址外地"))
        self.reason_error = ErrorLabel("stageReasonError", reserve_lines=1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("stageNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(self.current_label)
        form.addRow(self.tr("新阶段(&S)"), self.stage)
        form.addRow(self.tr("日期(&D)"), self.date)
        form.addRow("", self.date_error.slot())
        form.addRow(self.tr("中止原因(&R)"), self.reason)
        form.addRow("", self.reason_error.slot())
        form.addRow(self.tr("备注(&N)"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.stage.currentIndexChanged.connect(lambda _index: self._stage_chosen())
        self.date.dateChanged.connect(lambda: self.date_error.show_message(None))
        self.reason.textChanged.connect(lambda _text: self._reason_typed())
        self._stage_chosen()
        enter_moves_on(self, self.stage, self.accept)
        self.setMinimumWidth(480)

    def chosen_stage(self) -> Stage:
        return Stage(self.stage.currentData())

    def chosen_date(self) -> date:
        """The date typed; raises DateError (shown beside the field by ``problems``)."""
        return date_of(self.date)

    def _reason_typed(self) -> None:
        if self.reason.text().strip():
            self.reason_error.show_message(None)

    def _stage_chosen(self) -> None:
        dropped = self.chosen_stage() is Stage.DROPPED
        self.reason.setEnabled(dropped)
        if not dropped:
            self.reason_error.show_message(None)
        self.date_error.show_message(None)

    def problems(self) -> bool:
        """Show every problem beside its field; True when there is one."""
        stage = self.chosen_stage()
        try:
            when = self.chosen_date()
        except DateError as error:
            self.date_error.show_message(str(error))
            self.date.setFocus()
            return True
        order = stage_order_conflict(self.project_uuid, stage, when)
        if order:
            earlier, earlier_date, later, later_date = order
            self.date_error.show_message(
                self.tr("%1日期 %2 晚于%3日期 %4,请核对日期")
                .replace("%1", stage_label(earlier))
                .replace("%2", earlier_date.isoformat())
                .replace("%3", stage_label(later))
                .replace("%4", later_date.isoformat())
            )
        else:
            self.date_error.show_message(None)
        missing_reason = stage is Stage.DROPPED and not self.reason.text().strip()
        self.reason_error.show_message(
            self.tr("中止项目须填写中止原因") if missing_reason else None
        )
        if order:
            self.date.setFocus()
        elif missing_reason:
            self.reason.setFocus()
        return bool(order or missing_reason)

    def accept(self) -> None:
        if self.problems():
            return
        when = self.chosen_date()
        if when > date.today():
            answer = QMessageBox.question(
                self,
                self.tr("日期在今天之后"),
                self.tr("%1 在今天之后。阶段应按实际发生的日期记录,确定要记为这一天吗?").replace(
                    "%1", when.isoformat()
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.date.setFocus()
                return
        stage = self.chosen_stage()
        try:
            self.session.run(
                self.tr("阶段变更为“%1”").replace("%1", stage_label(stage)),
                change_stage(
                    self.project_uuid,
                    stage,
                    when,
                    self.reason.text().strip() if stage is Stage.DROPPED else None,
                    self.note.toPlainText().strip() or None,
                ),
            )
        except ValidationError as error:
            self.date_error.show_message(either(error.zh, error.en))
            return
        super().accept()
