"""The project form's page of progress (进展): the first stage of a new project; for
a stored one its stage, timeline of stage events and milestones, and follow-ups."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.reads.timeline import current_stage, follow_ups_of, project_timeline
from db.records.ops import Changes
from db.records.stages import delete_stage_event, stage_event_removal_problem
from db.rules.vocabulary import PATH
from ui.follow_up_dialog import FollowUpDialog, ask_and_delete_follow_up
from ui.i18n import either
from ui.labels import label, stage_label
from ui.milestone_dialog import MilestoneDialog, ask_and_delete_milestone
from ui.project_form.fields import UUID_ROLE, FormFields, _button, _button_row, _on_delete_key
from ui.stage_dialog import StageDialog, stage_combo
from ui.widgets import ErrorLabel, OptionalDateEdit, confirm_delete, date_edit, tell

KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # timeline: "stage" or "milestone"


class ProgressPage(FormFields):
    """进展: the first stage (new project) or the stage, timeline and follow-ups."""

    def _progress_page(self, form: QFormLayout) -> None:
        if self.loaded is None:
            self.initial_stage = stage_combo("initialStage", PATH)
            self.initial_stage_date = date_edit("initialStageDate", self.tr("进入该阶段的日期"))
            form.addRow(self.tr("当前阶段"), self.initial_stage)
            error = ErrorLabel("initialStageDateError", reserve_lines=1)
            self.errors["initialStageDate"] = error
            self.page_of["initialStageDate"] = self._page
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.initial_stage_date)
            column.addWidget(error.slot())
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
