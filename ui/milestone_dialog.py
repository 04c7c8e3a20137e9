"""添加/修改节点: a dated fact of a project (拿地, 证照办结, 主体封顶…)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.records.milestones import (
    MilestoneValues,
    delete_milestone,
    load_milestone,
    save_milestone,
)
from db.records.projects import load_project
from db.rules.vocabulary import MILESTONE_KINDS
from ui.date_field import DateError
from ui.i18n import either
from ui.keyboard import enter_moves_on
from ui.labels import choice_value, fill_choices, label, set_choice
from ui.session import Session
from ui.widgets import ErrorLabel, confirm_delete, date_edit, date_of


class MilestoneDialog(QDialog):
    """Add a milestone to a project, or edit one; saving is one undoable step."""

    def __init__(
        self,
        session: Session,
        project_uuid: str,
        milestone_uuid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("milestoneDialog")
        self.session = session
        self.project_uuid = project_uuid
        self.milestone_uuid = milestone_uuid
        self.before = load_milestone(milestone_uuid) if milestone_uuid else None
        name = load_project(project_uuid).name
        title = self.tr("添加节点 — %1") if milestone_uuid is None else self.tr("修改节点 — %1")
        self.setWindowTitle(title.replace("%1", name))

        self.kind = QComboBox()
        self.kind.setObjectName("milestoneKind")
        self.kind.setEditable(True)
        fill_choices(self.kind, MILESTONE_KINDS)
        self.kind_error = ErrorLabel("milestoneKindError", reserve_lines=1)
        self.date = date_edit(
            "milestoneDate", self.tr("日期"), self.before.date if self.before else None
        )
        self.date_error = ErrorLabel("milestoneDateError", reserve_lines=1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("milestoneNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.note.setPlaceholderText(self.tr("如:4个工作日内办结开工前全部证照"))
        if self.before:
            set_choice(self.kind, self.before.kind)
            self.note.setPlainText(self.before.note or "")

        form = QFormLayout()
        form.addRow(self.tr("节点(&K)"), self.kind)
        form.addRow("", self.kind_error.slot())
        form.addRow(self.tr("日期(&D)"), self.date)
        form.addRow("", self.date_error.slot())
        form.addRow(self.tr("说明(&N)"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        if milestone_uuid is not None:
            delete = buttons.addButton(
                self.tr("删除节点"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.setObjectName("deleteMilestoneButton")
            delete.clicked.connect(self.delete)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date.dateChanged.connect(lambda: self.date_error.show_message(None))
        line = self.kind.lineEdit()
        assert line is not None
        line.textChanged.connect(self._kind_typed)
        enter_moves_on(self, self.kind, self.accept)
        self.setMinimumWidth(420)

    def _kind_typed(self, text: str) -> None:
        if text.strip():
            self.kind_error.show_message(None)

    def values(self) -> MilestoneValues:
        return MilestoneValues(
            kind=choice_value(self.kind) or "",
            date=date_of(self.date),
            note=self.note.toPlainText().strip() or None,
        )

    def accept(self) -> None:
        try:
            after = self.values()
        except DateError as error:
            self.date_error.show_message(str(error))
            self.date.setFocus()
            return
        if not after.kind:
            self.kind_error.show_message(self.tr("请选择或填写节点名称,如 拿地、证照办结"))
            self.kind.setFocus()
            return
        self.kind_error.show_message(None)
        if after != self.before:
            text = self.tr("节点“%1”").replace("%1", after.kind)
            try:
                self.session.run(
                    text, save_milestone(self.project_uuid, after, self.milestone_uuid)
                )
            except ValidationError as error:
                self.kind_error.show_message(either(error.zh, error.en))
                return
        super().accept()

    def delete(self) -> None:
        """Remove this milestone (asks first; undoable)."""
        assert self.milestone_uuid is not None
        if ask_and_delete_milestone(self, self.session, self.milestone_uuid):
            self.done(QDialog.DialogCode.Accepted)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MilestoneDialog", text)


def ask_and_delete_milestone(parent: QWidget, session: Session, milestone_uuid: str) -> bool:
    """Ask, then delete a milestone as one undoable step; True when it was deleted."""
    before = load_milestone(milestone_uuid)
    entry = f"{label(before.kind)} {before.date.isoformat()}"
    if not confirm_delete(parent, _tr("删除节点"), _tr("删除节点“%1”?").replace("%1", entry)):
        return False
    session.run(_tr("删除节点“%1”").replace("%1", entry), delete_milestone(milestone_uuid))
    return True
