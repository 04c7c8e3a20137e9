"""项目 menu: the project form, stage changes, follow-ups and deletion of the
projects selected in the ledger."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMessageBox,
)

from ui.controllers.base import Controller


class ProjectController(Controller):
    """Acts on the projects selected in the ledger while the ledger is in view."""

    def selected(self) -> list[str]:
        """The projects selected in the ledger, while the ledger is the page in view:
        Del on the overview must not delete rows the user cannot see."""
        if self.window.session is None or self.window.tabs.current_page() is not self.window.ledger:
            return []
        return self.window.ledger.selected_project_uuids()

    def new_project(self) -> None:
        if self.window.session is not None:
            self._show_form(None)

    def edit_project(self, uuid: str) -> None:
        self._show_form(uuid)

    def edit_selected(self) -> None:
        selected = self.selected()
        if selected:
            self._show_form(selected[0])

    def _show_form(self, uuid: str | None) -> None:
        from ui.project_form import ProjectForm

        assert self.window.session is not None
        form = ProjectForm(self.window.session, uuid, self.window)
        form.open()
        self.window._dialog = form

    def change_stage(self) -> None:
        from ui.stage_dialog import StageDialog

        selected = self.selected()
        if selected and self.window.session is not None:
            dialog = StageDialog(self.window.session, selected[0], self.window)
            dialog.open()
            self.window._dialog = dialog

    def add_follow_up(self) -> None:
        from ui.follow_up_dialog import FollowUpDialog

        selected = self.selected()
        if selected and self.window.session is not None:
            dialog = FollowUpDialog(self.window.session, selected[0], None, self.window)
            dialog.open()
            self.window._dialog = dialog

    def delete_selected(self) -> None:
        from db.reads.ledger_table import project_names
        from db.records.projects import delete_projects

        selected = self.selected()
        if not selected or self.window.session is None:
            return
        names_of = project_names(selected)
        names = "、".join(names_of[:3]) + ("等" if len(names_of) > 3 else "")
        answer = QMessageBox.question(
            self.window,
            self.tr("删除项目"),
            self.tr("确定删除 %1 个项目(%2)吗?删除后可用“撤销”(Ctrl+Z)恢复。")
            .replace("%1", str(len(selected)))
            .replace("%2", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a stray Enter deletes nothing
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window.session.run(
            self.tr("删除 %1 个项目").replace("%1", str(len(selected))),
            delete_projects(selected),
        )
