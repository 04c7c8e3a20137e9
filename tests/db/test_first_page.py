"""The ledger's first page of a large order (ledger_table.first_ids) is exactly the
first page of the whole order: the date columns' walk through the events in date
order must give the same projects in the same order as ordering every project by
its first date, whatever the events' ties, repeats, tombstones and gaps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from bench.generator import generate, write_hq_file
from db.reads.ledger_table import ProjectFilter, first_ids, matching_ids
from db.rules.vocabulary import Stage
from db.store.models import Project, StageEvent, new_uuid
from db.store.unit_file import Store, open_store
from tests.factories import open_copy

DATE_COLUMNS = ("first_contact", "signed_on", "started_on", "producing_on")


@pytest.fixture(scope="module")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """800 generated projects, with the cases a walk in date order could get wrong."""
    path = tmp_path_factory.mktemp("first-page") / "city.zsdb"
    write_hq_file(path, generate(800, 4, seed=21))
    store = open_store(path).make_default()
    with store.writing():
        projects = list(Project.live().order_by(Project.id))
        recorded = datetime(2024, 1, 1, 8, 0)

        def event(project: Project, stage: Stage, day: date, deleted: bool = False) -> None:
            StageEvent.create(
                uuid=new_uuid(),
                project=project,
                stage=stage.value,
                date=day,
                recorded_at=recorded,
                deleted=deleted,
            )

        for project in projects[:40]:  # signed twice: the later signing is no first date
            event(project, Stage.SIGNED, date(2025, 6, 1))
        for project in projects[40:80]:  # an earlier signing, tombstoned: it is no date
            event(project, Stage.SIGNED, date(2018, 1, 1), deleted=True)
        for project in projects[80:120]:  # many first signings on one day: ties by id
            event(project, Stage.SIGNED, date(2020, 5, 5))
            event(project, Stage.SIGNED, date(2020, 5, 5))  # twice on that day
        for project in projects[120:140]:  # gone: their events must not show them
            project.tombstone()
    store.close()
    return path


@pytest.fixture
def city(city_template: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(city_template, tmp_path)


@pytest.mark.parametrize("key", DATE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_the_first_page_of_a_date_order_is_that_of_the_whole_order(
    city: Store, key: str, descending: bool
) -> None:
    whole = matching_ids(ProjectFilter(), key, descending)
    for limit in (1, 50, 200, len(whole) - 5, len(whole) + 10):
        # Most pass (the empty filter): the walk through the events.
        assert first_ids(ProjectFilter(), key, descending, limit) == whole[:limit], limit


@pytest.mark.parametrize("key", DATE_COLUMNS)
def test_a_filter_most_projects_pass_walks_the_same_order(city: Store, key: str) -> None:
    criteria = ProjectFilter(stages=frozenset(Stage) - {Stage.DROPPED})
    for descending in (False, True):
        whole = matching_ids(criteria, key, descending)
        assert len(whole) * 2 >= len(matching_ids(ProjectFilter()))  # most pass
        for limit in (10, 200, len(whole) + 1):
            found = first_ids(criteria, key, descending, limit, matching=len(whole))
            assert found == whole[:limit]


def test_a_narrow_filter_reads_its_own_projects(city: Store) -> None:
    unit_id = Project.live().first().unit_id
    criteria = ProjectFilter(unit_ids=frozenset({unit_id}))
    whole = matching_ids(criteria, "signed_on", True)
    assert 0 < len(whole) * 2 < len(matching_ids(ProjectFilter()))
    assert first_ids(criteria, "signed_on", True, 30, matching=len(whole)) == whole[:30]


def test_other_columns_are_the_whole_orders_first_rows(city: Store) -> None:
    for key in ("name", "investor", "total", "updated_at", "stage"):
        assert (
            first_ids(ProjectFilter(), key, True, 100)
            == matching_ids(ProjectFilter(), key, True)[:100]
        )
