"""Due follow-ups (待跟进): open next steps of live projects, overdue flagged."""

from __future__ import annotations

from datetime import date

import pytest

from db.errors import ValidationError
from db.reads.follow_ups import due_follow_ups
from db.records.follow_ups import set_done
from db.records.projects import delete_projects
from db.store.models import FollowUp
from db.store.unit_file import Store
from tests.factories import make_project

AS_OF = date(2025, 8, 1)


def follow_up(project, due: date | None, **values) -> FollowUp:  # type: ignore[no-untyped-def]
    return FollowUp.create(
        project=project,
        date=date(2025, 7, 1),
        kind="拜访",
        summary="洽谈用地",
        next_step="报送用地方案",
        due_date=due,
        **values,
    )


def test_lists_open_follow_ups_due_within_the_window(unit_file: Store) -> None:
    project = make_project("大亚新能源材料")
    overdue = follow_up(project, date(2025, 7, 25))
    today = follow_up(project, AS_OF)
    in_a_week = follow_up(project, date(2025, 8, 8))
    follow_up(project, date(2025, 8, 9))  # beyond the week
    follow_up(project, None)  # nothing to follow up
    follow_up(project, date(2025, 7, 20), done=True)
    follow_up(project, date(2025, 7, 20), deleted=True)

    due = due_follow_ups(AS_OF)
    assert [d.uuid for d in due] == [overdue.uuid, today.uuid, in_a_week.uuid]
    assert [d.overdue for d in due] == [True, False, False]
    assert due[0].project_name == "大亚新能源材料"
    assert due[0].project_uuid == project.uuid
    assert due[0].unit == "上海驻点招商办"
    assert due[0].days_left(AS_OF) == -7
    assert [d.uuid for d in due_follow_ups(AS_OF, 0)] == [overdue.uuid, today.uuid]
    assert len(due_follow_ups(AS_OF, None)) == 4


def test_follow_ups_of_deleted_projects_are_not_listed(unit_file: Store) -> None:
    project = make_project("已删除项目")
    follow_up(project, date(2025, 7, 25))
    delete_projects([project.uuid])
    assert due_follow_ups(AS_OF) == []


def test_mark_done_and_open_again(unit_file: Store) -> None:
    record = follow_up(make_project(), date(2025, 7, 25))
    set_done([record.uuid])
    assert due_follow_ups(AS_OF) == []
    assert FollowUp.get_by_id(record.id).revision == 2
    set_done([record.uuid], False)
    assert len(due_follow_ups(AS_OF)) == 1
    record.tombstone()
    with pytest.raises(ValidationError, match="已被删除"):
        set_done([record.uuid])
