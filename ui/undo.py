"""Undoable changes (Ctrl+Z / Ctrl+Y): each command writes in one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db.editing import ProjectData, delete_project_by_uuid, restore_project, save_project
from db.models import Project, StageEvent, SyncedModel, database
from db.records import record_stage, refresh_stage, set_stage_event_deleted
from db.stages import Stage
from ui.labels import stage_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class SaveProjectCommand(QUndoCommand):
    """Create or edit a project; undo restores the previous values (or removes it)."""

    def __init__(self, before: ProjectData | None, after: ProjectData) -> None:
        super().__init__(
            (_tr("新建项目“%1”") if before is None else _tr("修改项目“%1”")).replace(
                "%1", after.name
            )
        )
        self.before = before
        self.after = after

    def redo(self) -> None:
        project = (
            restore_project(self.after)
            if self.after.uuid and Project.get_or_none(Project.uuid == self.after.uuid)
            else save_project(self.after)
        )
        self.after.uuid = project.uuid

    def undo(self) -> None:
        assert self.after.uuid is not None
        if self.before is None:
            delete_project_by_uuid(self.after.uuid)
        else:
            restore_project(self.before)


class DeleteProjectCommand(QUndoCommand):
    def __init__(self, snapshot: ProjectData) -> None:
        super().__init__(_tr("删除项目“%1”").replace("%1", snapshot.name))
        self.snapshot = snapshot

    def redo(self) -> None:
        assert self.snapshot.uuid is not None
        delete_project_by_uuid(self.snapshot.uuid)

    def undo(self) -> None:
        restore_project(self.snapshot)


class StageChangeCommand(QUndoCommand):
    """A dated stage change (进展); undo removes the event, redo brings it back."""

    def __init__(
        self,
        project_uuid: str,
        stage: Stage,
        when: date,
        reason: str | None = None,
        note: str | None = None,
    ) -> None:
        super().__init__(_tr("阶段变更为“%1”").replace("%1", stage_label(stage)))
        self.project_uuid = project_uuid
        self.stage = stage
        self.when = when
        self.reason = reason
        self.note = note
        self.event_uuid: str | None = None

    def redo(self) -> None:
        with database.atomic():
            project = Project.get(Project.uuid == self.project_uuid)
            if self.event_uuid is None:
                event = record_stage(project, self.stage, self.when, self.reason, self.note)
                self.event_uuid = event.uuid
            else:
                event = StageEvent.get(StageEvent.uuid == self.event_uuid)
                event.deleted = False
                event.save()
                refresh_stage(project)

    def undo(self) -> None:
        with database.atomic():
            event = StageEvent.get(StageEvent.uuid == self.event_uuid)
            event.tombstone()
            refresh_stage(event.project)


class DeleteStageEventCommand(QUndoCommand):
    """Remove a stage event entered by mistake; undo brings it back."""

    def __init__(self, event_uuid: str, label: str, when: date) -> None:
        super().__init__(
            _tr("删除阶段记录“%1 %2”").replace("%1", label).replace("%2", when.isoformat())
        )
        self.event_uuid = event_uuid

    def redo(self) -> None:
        with database.atomic():
            set_stage_event_deleted(self.event_uuid, True)

    def undo(self) -> None:
        with database.atomic():
            set_stage_event_deleted(self.event_uuid, False)


class RowCommand(QUndoCommand):
    """Create, edit or delete one simple record (走访记录, 节点, 签约活动, 人员…).

    ``before``/``after`` are field values; None means the record is absent
    (not yet created, or deleted as a tombstone).
    """

    def __init__(
        self,
        text: str,
        model: type[SyncedModel],
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        uuid: str | None = None,
    ) -> None:
        super().__init__(text)
        self.model = model
        self.before = before
        self.after = after
        self.uuid = uuid

    def _apply(self, values: dict[str, Any] | None) -> None:
        with database.atomic():
            row = self.model.get_or_none(self.model.uuid == self.uuid) if self.uuid else None
            if values is None:
                if row is not None and not row.deleted:
                    row.tombstone()
                return
            if row is None:
                row = self.model(**values)
                row.save(force_insert=True)
                self.uuid = row.uuid
                return
            for key, value in values.items():
                setattr(row, key, value)
            row.deleted = False
            row.save()

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
