"""走访/洽谈记录: one visit, call or meeting, its next step and when that is due."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.records.follow_ups import (
    FollowUpValues,
    delete_follow_up,
    load_follow_up,
    save_follow_up,
)
from db.records.projects import load_project
from db.rules.vocabulary import FOLLOW_UP_KINDS
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.labels import choice_value, fill_choices, set_choice
from ui.session import Session
from ui.widgets import ErrorLabel, OptionalDateEdit, confirm_delete, date_edit, date_of


def _text_box(object_name: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(object_name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class FollowUpDialog(QDialog):
    """Add a follow-up to a project or edit one (also to mark its next step done)."""

    def __init__(
        self,
        session: Session,
        project_uuid: str,
        follow_up_uuid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("followUpDialog")
        self.session = session
        self.project_uuid = project_uuid
        self.follow_up_uuid = follow_up_uuid
        self.before = load_follow_up(follow_up_uuid) if follow_up_uuid else None
        name = load_project(project_uuid).name
        title = self.tr("添加走访记录 — %1") if follow_up_uuid is None else self.tr("走访记录 — %1")
        self.setWindowTitle(title.replace("%1", name))

        before = self.before
        self.date = date_edit("followUpDate", self.tr("日期"), before.date if before else None)
        self.date_error = ErrorLabel("followUpDateError", reserve_lines=1)
        self.kind = QComboBox()
        self.kind.setObjectName("followUpKind")
        self.kind.setEditable(True)
        fill_choices(self.kind, FOLLOW_UP_KINDS)
        self.people = QLineEdit((before.people if before else None) or "")
        self.people.setObjectName("followUpPeople")
        self.people.setPlaceholderText(self.tr("如:张三(我方)、李总(企业)"))
        self.summary = _text_box("followUpSummary", 80)
        self.summary.setPlainText(before.summary if before else "")
        self.summary_error = ErrorLabel("followUpSummaryError", reserve_lines=1)
        self.next_step = _text_box("followUpNextStep", 50)
        self.next_step.setPlainText((before.next_step if before else None) or "")
        self.due = OptionalDateEdit("followUpDue", self.tr("设定期限"))
        self.due.set_label(self.tr("期限"))
        self.due.set_value(before.due_date if before else None)
        self.due_error = ErrorLabel("followUpDueError", reserve_lines=1)
        self.done_box = QCheckBox(self.tr("下一步已完成"))
        self.done_box.setObjectName("followUpDone")
        self.done_box.setChecked(bool(before and before.done))
        if before:
            set_choice(self.kind, before.kind)

        form = QFormLayout()
        form.addRow(self.tr("日期(&D)"), self.date)
        form.addRow("", self.date_error.slot())
        form.addRow(self.tr("方式(&K)"), self.kind)
        form.addRow(self.tr("人员(&P)"), self.people)
        form.addRow(self.tr("内容摘要(&S)"), self.summary)
        form.addRow("", self.summary_error.slot())
        form.addRow(self.tr("下一步(&X)"), self.next_step)
        form.addRow(self.tr("期限"), self.due)
        form.addRow("", self.due_error.slot())
        form.addRow("", self.done_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        if follow_up_uuid is not None:
            delete = buttons.addButton(
                self.tr("删除记录"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.setObjectName("deleteFollowUpButton")
            delete.clicked.connect(self.delete)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date.dateChanged.connect(lambda: self.date_error.show_message(None))
        self.due.edit.dateChanged.connect(lambda: self.due_error.show_message(None))
        self.due.check.toggled.connect(lambda _on: self.due_error.show_message(None))
        self.summary.textChanged.connect(self._summary_typed)
        enter_moves_on(self, self.date, self.accept)
        self.resize(460, self.sizeHint().height())

    def _summary_typed(self) -> None:
        if self.summary.toPlainText().strip():
            self.summary_error.show_message(None)

    def values(self) -> FollowUpValues:
        return FollowUpValues(
            date=date_of(self.date),
            kind=choice_value(self.kind) or FOLLOW_UP_KINDS[0],
            summary=self.summary.toPlainText().strip(),
            people=self.people.text().strip() or None,
            next_step=self.next_step.toPlainText().strip() or None,
            due_date=self.due.value(),
            done=self.done_box.isChecked(),
        )

    def accept(self) -> None:
        date_problem, due_problem = self.date.problem(), self.due.edit.problem()
        if not self.due.check.isChecked():
            due_problem = None
        self.date_error.show_message(date_problem)
        missing = not self.summary.toPlainText().strip()
        self.summary_error.show_message(self.tr("请填写内容摘要") if missing else None)
        if date_problem is None and due_problem is None:
            after = self.values()
            early = after.due_date is not None and after.due_date < after.date
            due_problem = self.tr("期限早于走访日期,请核对") if early else None
        self.due_error.show_message(due_problem)
        if date_problem or missing or due_problem:
            first = self.date if date_problem else self.summary if missing else self.due.edit
            first.setFocus()
            return
        if after != self.before:
            text = self.tr("走访记录 %1").replace("%1", after.date.isoformat())
            try:
                self.session.run(
                    text, save_follow_up(self.project_uuid, after, self.follow_up_uuid)
                )
            except ValidationError as error:
                self.summary_error.show_message(either(error.zh, error.en))
                return
        super().accept()

    def delete(self) -> None:
        """Remove this follow-up (asks first; undoable)."""
        assert self.follow_up_uuid is not None
        if ask_and_delete_follow_up(self, self.session, self.follow_up_uuid):
            self.done(QDialog.DialogCode.Accepted)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpDialog", text)


def ask_and_delete_follow_up(parent: QWidget, session: Session, follow_up_uuid: str) -> bool:
    """Ask, then delete a follow-up as one undoable step; True when it was deleted."""
    before = load_follow_up(follow_up_uuid)
    when = before.date.isoformat()
    question = _tr("删除走访记录“%1”?").replace("%1", f"{when} {before.summary}")
    if not confirm_delete(parent, _tr("删除记录"), question):
        return False
    session.run(_tr("删除走访记录 %1").replace("%1", when), delete_follow_up(follow_up_uuid))
    return True
