"""Progress over time: day counts, the timeline of stages and milestones, the follow-up log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.reads.timeline import (
    current_stage,
    days_between,
    follow_ups_of,
    investor_names,
    project_timeline,
    stage_order_conflict,
    working_days_between,
)
from db.records.follow_ups import load_follow_up
from db.records.investors import find_or_create_investor
from db.records.milestones import MilestoneValues, load_milestone
from db.records.stages import record_stage
from db.rules.vocabulary import Stage
from db.store.models import FollowUp, Milestone
from db.store.unit_file import Store
from tests.factories import make_project


def test_article_day_counts() -> None:
    # 从拿到地到全面开工仅用7天: land on Wed 22 March, construction on Wed 29 March.
    assert days_between(date(2023, 3, 22), date(2023, 3, 29)) == 7
    # 4个工作日内办结开工前全部证照: Wed, Thu, Fri and Mon.
    assert working_days_between(date(2023, 3, 22), date(2023, 3, 27)) == 4


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2023, 3, 22), date(2023, 3, 22), 1),  # one weekday
        (date(2023, 3, 25), date(2023, 3, 26), 0),  # a weekend only
        (date(2023, 3, 24), date(2023, 3, 27), 2),  # Fri and Mon
        (date(2023, 3, 20), date(2023, 3, 26), 5),  # Mon to Sun
        (date(2023, 3, 25), date(2023, 4, 2), 5),  # Sat to the Sun after next
        (date(2023, 1, 1), date(2023, 12, 31), 260),  # 2023 starts and ends on a Sunday
    ],
)
def test_working_days_count_both_ends(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end) == expected


def test_working_days_agree_with_counting_day_by_day() -> None:
    start = date(2024, 2, 1)
    for span in range(40):
        end = start + timedelta(days=span)
        by_hand = sum(1 for i in range(span + 1) if (start + timedelta(days=i)).weekday() < 5)
        assert working_days_between(start, end) == by_hand


def test_working_days_refuse_a_reversed_range() -> None:
    with pytest.raises(ValueError):
        working_days_between(date(2023, 3, 27), date(2023, 3, 22))
    assert days_between(date(2023, 3, 29), date(2023, 3, 22)) == -7


def test_timeline_merges_stages_and_milestones_by_date(unit_file: Store) -> None:
    project = make_project(
        "江苏创力电梯垂直电梯部件及储能生产建设项目",
        36000,
        events=[(Stage.SIGNED, date(2023, 2, 10)), (Stage.STARTED, date(2023, 3, 29))],
    )
    Milestone.create(project=project, kind="拿地", date=date(2023, 3, 22))
    Milestone.create(project=project, kind="证照申报", date=date(2023, 3, 22), note="绿色通道")
    Milestone.create(project=project, kind="证照办结", date=date(2023, 3, 27))
    Milestone.create(project=project, kind="主体封顶", date=date(2023, 6, 1), deleted=True)

    entries = project_timeline(project.uuid)

    assert [(e.date.isoformat(), e.kind, e.label) for e in entries] == [
        ("2023-02-10", "stage", "签约"),
        ("2023-03-22", "milestone", "拿地"),
        ("2023-03-22", "milestone", "证照申报"),
        ("2023-03-27", "milestone", "证照办结"),
        ("2023-03-29", "stage", "开工"),
    ]
    assert [e.days_since_previous for e in entries] == [None, 40, 0, 5, 2]
    assert entries[2].note == "绿色通道"


def test_same_day_stages_read_in_path_order(unit_file: Store) -> None:
    when = date(2023, 5, 6)
    project = make_project(events=[(Stage.STARTED, when)])
    record_stage(project, Stage.SIGNED, when)
    assert [e.label for e in project_timeline(project.uuid)] == ["签约", "开工"]


def test_dropped_stage_shows_its_reason(unit_file: Store) -> None:
    project = make_project()
    record_stage(project, Stage.DROPPED, date(2023, 4, 1), reason="企业战略调整", note="电话告知")
    (entry,) = project_timeline(project.uuid)
    assert (entry.label, entry.note) == ("中止", "企业战略调整;电话告知")
    assert current_stage(project.uuid) is Stage.DROPPED


def test_follow_up_log_is_chronological_and_skips_deleted(unit_file: Store) -> None:
    project = make_project()
    later = FollowUp.create(
        project=project, date=date(2023, 6, 2), kind="来访", summary="看厂房", done=True
    )
    FollowUp.create(project=project, date=date(2023, 5, 9), kind="拜访", summary="初次拜访")
    FollowUp.create(project=project, date=date(2023, 5, 1), kind="电话", summary="x", deleted=True)

    log = follow_ups_of(project.uuid)

    assert [(f.date, f.kind, f.done) for f in log] == [
        (date(2023, 5, 9), "拜访", False),
        (date(2023, 6, 2), "来访", True),
    ]
    assert load_follow_up(later.uuid).summary == "看厂房"


def test_milestone_values_round_trip(unit_file: Store) -> None:
    project = make_project()
    row = Milestone.create(project=project, kind="拿地", date=date(2023, 3, 22))
    assert load_milestone(row.uuid) == MilestoneValues("拿地", date(2023, 3, 22), None)


def test_stage_order_conflict_names_both_stages_and_dates(unit_file: Store) -> None:
    project = make_project(events=[(Stage.STARTED, date(2023, 3, 29))])
    assert stage_order_conflict(project.uuid, Stage.SIGNED, date(2023, 5, 1)) == (
        Stage.SIGNED,
        date(2023, 5, 1),
        Stage.STARTED,
        date(2023, 3, 29),
    )
    assert stage_order_conflict(project.uuid, Stage.SIGNED, date(2023, 3, 1)) is None
    # A later repeat of a stage does not move its first date.
    assert stage_order_conflict(project.uuid, Stage.STARTED, date(2023, 9, 1)) is None


def test_investor_names_distinct_sorted_and_by_prefix(unit_file: Store) -> None:
    for name in ("大亚科技集团有限公司", "江苏创力电梯有限公司", "大亚科技集团有限公司"):
        find_or_create_investor(name)
    gone = find_or_create_investor("大亚旧公司")
    gone.tombstone()
    assert investor_names() == sorted(["大亚科技集团有限公司", "江苏创力电梯有限公司"])
    assert investor_names("大亚") == ["大亚科技集团有限公司"]
    assert investor_names(limit=1) == [sorted(investor_names())[0]]
