"""A demo file (the article's data) built once per session and copied for each test, and
the example documents made from it once per session (as `zhaoshang brief`,
`project-brief` and `listing` make them)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from db.store.unit_file import Store, open_store
from tests.factories import open_copy

SIGNED_ON = date(2023, 8, 5)


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(demo_master, tmp_path)


@pytest.fixture(scope="session")
def example_documents(
    demo_master: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The ten documents of the example data, by name: the city briefing of 1~7月 and of
    上半年, 开发区's edition, August's (the signing ceremony), the briefing of an empty
    unit file, the 大亚 and 创力电梯 briefs, the listing of every project and of those in
    talks, and a unit file's own briefing."""
    from db.io.demo import CHUANGLI, DAYA
    from db.reads.briefing import briefing_data
    from db.reads.figures import Period
    from db.reads.ledger_table import ProjectFilter
    from db.reads.listing import listing_data
    from db.reads.project_brief import find_project, project_brief_data
    from db.reads.units import unit_named
    from db.records.files import create_unit_file
    from db.records.settings import SettingsChange, save_settings
    from db.rules.vocabulary import Stage
    from db.store import settings
    from reports.briefing import build_briefing
    from reports.listing import build_listing
    from reports.project_brief import build_project_brief
    from tests.factories import make_project

    folder = tmp_path_factory.mktemp("documents")
    work = folder / "demo.zsdb"
    shutil.copyfile(demo_master, work)
    jan_jul = Period(date(2023, 1, 1), date(2023, 7, 31))
    docs: dict[str, Path] = {}
    store = open_store(work).make_default()
    try:
        for name, period, unit in (
            ("city", jan_jul, None),
            ("half-year", Period(date(2023, 1, 1), date(2023, 6, 30)), None),
            ("zone", jan_jul, "开发区"),
            ("august", Period(date(2023, 8, 1), date(2023, 8, 31)), None),
        ):
            scope = unit_named(unit) if unit else None
            data = briefing_data(period, scope, None, SIGNED_ON)
            docs[name] = build_briefing(data, folder / f"{name}.pdf")
        for name, project in (("daya", DAYA), ("chuangli", CHUANGLI)):
            brief = project_brief_data(find_project(project), SIGNED_ON)
            docs[name] = build_project_brief(brief, folder / f"{name}.pdf")
        docs["listing"] = build_listing(
            listing_data(ProjectFilter(), printed_on=SIGNED_ON), folder / "listing.pdf"
        )
        talks = ProjectFilter(stages=frozenset({Stage.TALKS}))
        docs["listing-talks"] = build_listing(
            listing_data(talks, printed_on=SIGNED_ON), folder / "listing-talks.pdf"
        )
    finally:
        store.close()
    empty = create_unit_file(folder / "empty.zsdb", "吕城镇", kind="镇区").make_default()
    try:
        docs["empty-unit"] = build_briefing(
            briefing_data(jan_jul, None, None, SIGNED_ON), folder / "empty-unit.pdf"
        )
    finally:
        empty.close()
    unit = create_unit_file(folder / "unit.zsdb", "上海驻点招商办", city="上海").make_default()
    try:
        own = settings.briefing()
        fields = {**vars(own), "to_report": "市招商中心", "to_issue": "本办全体人员"}
        save_settings(SettingsChange(briefing=settings.Briefing(**fields)))
        for i in range(3):
            make_project(
                f"上海{i}号新材料项目",
                20000 + i * 5000,
                local_industry="新材料",
                events=((Stage.SIGNED, date(2023, 3, 1 + i)),),
            )
        docs["unit"] = build_briefing(
            briefing_data(jan_jul, None, None, SIGNED_ON), folder / "unit.pdf"
        )
    finally:
        unit.close()
    return docs
