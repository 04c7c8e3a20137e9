"""The acceptance example: the article's figures, from the demo file and from the
committed ledger spreadsheet (tests/data/article-ledger.xlsx) alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
from openpyxl import load_workbook

from db.io import demo
from db.io.ledger.importing import import_ledger
from db.io.ledger.template import COLUMNS
from db.reads.figures import Period, figures, pipeline_as_of, project_stage_on, signed_in_period
from db.reads.follow_ups import due_follow_ups
from db.records.files import create_hq_file
from db.records.settings import set_exchange_rate
from db.rules import credit_code
from db.rules.industry import Sector
from db.rules.money import yi_text
from db.rules.vocabulary import PIPELINE_STAGES, Stage
from db.store import settings
from db.store.models import Cadre, FollowUp, Project, SigningEvent, Unit
from db.store.unit_file import Store
from tests.factories import open_copy

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "article-ledger.xlsx"

FIRST_HALF = Period(date(2023, 1, 1), date(2023, 6, 30))  # 上半年
TO_JULY = Period(date(2023, 1, 1), date(2023, 7, 31))  # 1~7月
END_OF_JULY = date(2023, 7, 31)  # 截至7月底
B = Decimal  # the size bands' lower bounds in 亿元


# -- the two ways into the same figures ----------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per module (it takes about a second); each test gets a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    demo.build_demo(path).close()
    return path


@pytest.fixture(scope="module")
def ledger_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A headquarters file that imported the committed spreadsheet, as a user would."""
    path = tmp_path_factory.mktemp("ledger") / "hq.zsdb"
    db = create_hq_file(path, demo.HQ_NAME).make_default()
    set_exchange_rate(demo.EXCHANGE_RATE, demo.EXCHANGE_RATE_DATE)
    import_ledger(FIXTURE)
    db.close()
    return path


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(demo_template, tmp_path)


@pytest.fixture(params=["demo", "xlsx"])
def article_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The demo file, then the file imported from the committed spreadsheet."""
    name = "demo_template" if request.param == "demo" else "ledger_template"
    yield from open_copy(request.getfixturevalue(name), tmp_path)


def _unit(name: str) -> Unit:
    return cast(Unit, Unit.live().where(Unit.name == name).get())


def _project(name: str) -> Project:
    return cast(Project, Project.live().where(Project.name == name).get())


# -- the article's figures -------------------------------------------------------


@pytest.mark.usefixtures("article_file")
def test_first_half_year() -> None:
    """上半年: 签约亿元以上项目41个, 总投资160.7亿元, 其中30亿元以上项目2个."""
    signed = signed_in_period(FIRST_HALF)
    assert signed.count == 41
    assert signed.total_wan_cny == Decimal(1607000)
    assert yi_text(signed.total_wan_cny) == "160.7"
    assert dict(signed.size_bands)[B(30)] == 2


@pytest.mark.usefixtures("article_file")
def test_signed_in_1_to_7() -> None:
    """全市1~7月: 42个, 260.69亿元; 30亿元以上3个, 10亿元以上3个, 5亿元以上2个;
    制造业41个, 服务业1个; “4+3+1”产业项目26个, 占比61.9%."""
    signed = signed_in_period(TO_JULY)
    assert signed.count == 42
    assert signed.total_wan_cny == Decimal(2606900)
    assert yi_text(signed.total_wan_cny) == "260.69"
    assert (signed.domestic_count, signed.foreign_count) == (42, 0)
    assert signed.size_bands == ((B(30), 3), (B(10), 3), (B(5), 2), (B(1), 34))
    assert signed.sectors == {Sector.MANUFACTURING: 41, Sector.SERVICES: 1, Sector.OTHER: 0}
    assert signed.priority_count == 26
    assert signed.priority_share_pct == "61.9"


@pytest.mark.usefixtures("article_file")
def test_july_adds_one_signing_of_99_99_yi() -> None:
    july = signed_in_period(Period(date(2023, 7, 1), date(2023, 7, 31)))
    assert july.count == 1
    assert july.total_wan_cny == Decimal(999900)
    assert july.size_bands[0] == (B(30), 1)


@pytest.mark.usefixtures("article_file")
def test_pipeline_at_end_of_july() -> None:
    """截至7月底: 在手在谈113个, 内资97个 369.03亿元, 外资16个 7.37亿美元."""
    pipeline = pipeline_as_of(END_OF_JULY)
    assert pipeline.count == 113
    assert pipeline.domestic_count == 97
    assert pipeline.domestic_total_wan_cny == Decimal(3690300)
    assert yi_text(pipeline.domestic_total_wan_cny) == "369.03"
    assert pipeline.foreign_count == 16
    assert pipeline.foreign_total_wan_usd == Decimal(73700)
    assert yi_text(pipeline.foreign_total_wan_usd) == "7.37"
    # Converted only where the rate stands beside it: 3690300 + 73700 × 7.1305.
    assert pipeline.total_wan_cny == Decimal("4215817.85")


@pytest.mark.usefixtures("article_file")
def test_development_zone() -> None:
    """开发区: 签约项目8个, 总投资41.1亿元; 在手重点推进项目28个, 总投资230亿元;
    产业涉及新材料、新能源、大健康、汽车零部件."""
    zone = _unit(demo.DEV_ZONE)
    result = figures(TO_JULY, zone)
    assert result.signed.count == 8
    assert yi_text(result.signed.total_wan_cny) == "41.1"
    assert result.pipeline.count == 28
    assert result.pipeline.total_wan_cny == Decimal(2300000)
    assert yi_text(result.pipeline.total_wan_cny) == "230"
    (line,) = result.by_unit
    assert set(line.industries) == {"新材料", "新能源", "大健康", "汽车零部件"}
    named = {demo.DAYA, demo.MEIJIN, demo.TISU}
    assert named <= {p.name for p in result.signed.projects}
    assert demo.MODULES in {p.name for p in result.pipeline.projects}


def test_figures_json_for_the_city(article_file: Store) -> None:
    data = figures(TO_JULY).to_json()
    zone_line = next(line for line in data.pop("by_unit") if line["unit"] == demo.DEV_ZONE)
    assert zone_line == {
        "unit": "开发区",
        "kind": "开发区",
        "signed_count": 8,
        "signed_total_wan_cny": "411000",
        "pipeline_count": 28,
        "pipeline_total_wan_cny": "2300000",
    }
    assert data == {
        "period": {"from": "2023-01-01", "to": "2023-07-31"},
        "unit": None,
        "exchange_rate": {"usd_cny": "7.1305", "date": "2023-07-31"},
        "signed": {
            "count": 42,
            "total_wan_cny": "2606900",
            "domestic": {"count": 42, "total_wan_cny": "2606900"},
            "foreign": {"count": 0, "total_wan_usd": "0"},
            "size_bands": {"30": 3, "10": 3, "5": 2, "1": 34},
            "sectors": {"manufacturing": 41, "services": 1, "other": 0},
            "priority_chain": {"name": "4+3+1", "count": 26, "share_pct": "61.9"},
            "industries": {
                "五金工具": 7,
                "新材料": 5,
                "大健康": 4,
                "新能源": 4,
                "汽车零部件": 4,
                "纺织服装": 4,
                "木业家居": 3,
                "电子信息": 3,
                "装备制造": 3,
                "眼镜光学": 2,
                "食品饮料": 2,
                "现代服务业": 1,
            },
        },
        "pipeline": {
            "as_of": "2023-07-31",
            "count": 113,
            "negotiating": 85,
            "signed_not_started": 28,
            "domestic": {"count": 97, "total_wan_cny": "3690300"},
            "foreign": {"count": 16, "total_wan_usd": "73700"},
            "size_bands": {"30": 1, "10": 7, "5": 13, "1": 92},
        },
    }


def test_figures_json_for_the_development_zone(article_file: Store) -> None:
    assert figures(TO_JULY, _unit(demo.DEV_ZONE)).to_json() == {
        "period": {"from": "2023-01-01", "to": "2023-07-31"},
        "unit": "开发区",
        "exchange_rate": {"usd_cny": "7.1305", "date": "2023-07-31"},
        "signed": {
            "count": 8,
            "total_wan_cny": "411000",
            "domestic": {"count": 8, "total_wan_cny": "411000"},
            "foreign": {"count": 0, "total_wan_usd": "0"},
            "size_bands": {"30": 1, "10": 0, "5": 0, "1": 7},
            "sectors": {"manufacturing": 8, "services": 0, "other": 0},
            "priority_chain": {"name": "4+3+1", "count": 8, "share_pct": "100.0"},
            "industries": {"新材料": 3, "大健康": 2, "新能源": 2, "汽车零部件": 1},
        },
        "pipeline": {
            "as_of": "2023-07-31",
            "count": 28,
            "negotiating": 24,
            "signed_not_started": 4,
            "domestic": {"count": 28, "total_wan_cny": "2300000"},
            "foreign": {"count": 0, "total_wan_usd": "0"},
            "size_bands": {"30": 1, "10": 5, "5": 9, "1": 13},
        },
        "by_unit": [
            {
                "unit": "开发区",
                "kind": "开发区",
                "signed_count": 8,
                "signed_total_wan_cny": "411000",
                "pipeline_count": 28,
                "pipeline_total_wan_cny": "2300000",
            }
        ],
    }


# -- the rows the rules leave out, and the stages on the figures' dates ----------


@pytest.mark.usefixtures("article_file")
def test_stages_on_the_articles_dates() -> None:
    assert project_stage_on(_project(demo.DAYA), END_OF_JULY) is Stage.STARTED
    assert project_stage_on(_project(demo.MODULES), END_OF_JULY) is Stage.SIGNED
    chuangli = _project(demo.CHUANGLI)
    assert project_stage_on(chuangli, date(2023, 3, 28)) is Stage.SIGNED
    assert project_stage_on(chuangli, date(2023, 3, 29)) is Stage.STARTED
    for name in demo.EVENT_PROJECTS:
        project = _project(name)
        assert project_stage_on(project, END_OF_JULY) is Stage.TALKS
        assert project_stage_on(project, demo.EVENT_DATE) is Stage.SIGNED


@pytest.mark.usefixtures("article_file")
def test_the_ceremony_of_8_august_signs_22_projects() -> None:
    zone = _unit(demo.DEV_ZONE)
    signed = (
        Project.live()
        .join_from(Project, Unit)
        .where(Unit.name == demo.DEV_ZONE)
        .where(Project.name.in_(demo.EVENT_PROJECTS))
    )
    assert signed.count() == 22
    assert sum((p.total_investment for p in signed), Decimal(0)) == Decimal(752000)
    august_8 = signed_in_period(Period(demo.EVENT_DATE, demo.EVENT_DATE), zone)
    assert august_8.count == 16  # the other six are below 1亿元
    assert august_8.total_wan_cny == Decimal(717000)


@pytest.mark.usefixtures("article_file")
def test_rows_left_out_by_the_rules_are_in_the_file() -> None:
    """Small, 房地产业, 线索, 中止 and later projects stay in the ledger, uncounted."""
    everything = {p.name for p in Project.live()}
    assert len(everything) == len(demo.ARTICLE_ROWS)
    counted_names = {p.name for p in signed_in_period(TO_JULY).projects} | {
        p.name for p in pipeline_as_of(END_OF_JULY).projects
    }
    housing = _project("开发区人才公寓及配套商业项目")
    assert housing.industry_code == "70"
    assert housing.total_investment >= Decimal(10000)
    assert housing.name not in counted_names
    now = Counter(Stage(p.stage) for p in Project.live())
    assert (now[Stage.LEAD], now[Stage.DROPPED], now[Stage.PRODUCING]) == (6, 4, 2)
    # The template has no date for 中止; whatever day the import gives it, none of
    # the four was in talks or waiting to start on 31 July 2023.
    dropped = [p for p in Project.live() if p.stage == Stage.DROPPED]
    assert all(p.total_investment >= 1000 for p in dropped)
    assert not {project_stage_on(p, END_OF_JULY) for p in dropped} & PIPELINE_STAGES
    just_short = _project(
        next(r["项目名称"] for r in demo.ARTICLE_ROWS if r["总投资(万元)"] == Decimal("9999.99"))
    )
    assert just_short.total_investment == Decimal("9999.99")
    assert just_short.name not in counted_names


# -- the named projects' details (only the demo adds them) -----------------------


@pytest.mark.usefixtures("demo_file")
def test_daya_phases_and_capacity() -> None:
    daya = _project(demo.DAYA)
    assert daya.total_investment == Decimal(300000)
    assert daya.investor.name == "大亚科技集团有限公司"
    phases = sorted(daya.phases, key=lambda p: p.seq)
    assert [(p.name, p.investment) for p in phases] == [
        ("一期", Decimal(116000)),
        ("二期", Decimal(184000)),
    ]
    assert sum((p.investment for p in phases), Decimal(0)) == daya.total_investment
    assert phases[0].content == "一条电池箔专用生产线,新建厂房约30000平方米"
    assert phases[0].expected_sales == Decimal(200000)
    assert [(c.product, c.quantity, c.unit) for c in phases[0].capacity_lines] == [
        ("电池箔", Decimal(4), "万吨")
    ]
    full = sorted((c for c in daya.capacity_lines if c.phase is None), key=lambda c: c.seq)
    assert [(c.product, c.quantity, c.unit) for c in full] == [
        ("电池箔", Decimal(5), "万吨/年"),
        ("铝箔正极集流体", Decimal("4.3"), "万吨/年"),
        ("电池及储能托盘", Decimal(100), "万件/年"),
    ]
    assert (daya.expected_output, daya.expected_tax) == (Decimal(500000), Decimal(50000))


def _working_days(first: date, last: date) -> int:
    """Working days from ``first`` to ``last``, both counted (weekends off)."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return sum(1 for day in days if day.weekday() < 5)


@pytest.mark.usefixtures("demo_file")
def test_chuangli_elevator_milestones() -> None:
    """3月29日开工; 占地85亩; 新建厂房5.3万平方米; 年销售收入12亿元;
    从拿到地到全面开工7天; 4个工作日内完成开工前全部证照."""
    chuangli = _project(demo.CHUANGLI)
    assert chuangli.total_investment == Decimal(36000)
    assert chuangli.land_mu == Decimal(85)
    assert chuangli.floor_area_m2 == Decimal(53000)
    assert chuangli.expected_sales == Decimal(120000)
    assert chuangli.designation == "镇江市重点产业类项目"
    assert chuangli.planned_production == date(2023, 10, 31)
    assert chuangli.unit.kind == "镇区"
    milestones = {m.kind: m.date for m in chuangli.milestones}
    assert milestones["开工"] == date(2023, 3, 29)
    assert (milestones["开工"] - milestones["拿地"]).days == 7
    assert _working_days(milestones["证照申报"], milestones["证照办结"]) == 4
    signed_on = min(e.date for e in chuangli.stage_events if e.stage == Stage.SIGNED)
    assert signed_on < date(2023, 3, 29)


@pytest.mark.usefixtures("demo_file")
def test_other_named_projects() -> None:
    assert _project(demo.MODULES).total_investment == Decimal(70600)
    assert _project(demo.MEIJIN).total_investment == Decimal(20000)
    assert _project(demo.TISU).total_investment == Decimal(20000)


@pytest.mark.usefixtures("demo_file")
def test_signing_event_links_its_22_projects() -> None:
    event = SigningEvent.live().where(SigningEvent.name == demo.EVENT_NAME).get()
    assert event.date == demo.EVENT_DATE
    assert event.unit.name == demo.DEV_ZONE
    projects = list(event.projects)
    assert len(projects) == 22
    assert sum((p.total_investment for p in projects), Decimal(0)) == Decimal(752000)
    assert yi_text(Decimal(752000)) == "75.2"


@pytest.mark.usefixtures("demo_file")
def test_offices_cadres_follow_ups_and_briefing() -> None:
    """驻点招商: 12名干部组成5个驻点招商办."""
    offices = list(Unit.live().where(Unit.kind == "驻点招商办"))
    assert {u.name: u.city for u in offices} == demo.OFFICES
    per_office = Counter(c.unit.name for c in Cadre.live())
    assert sorted(per_office.values(), reverse=True) == [3, 3, 2, 2, 2]
    assert sum(per_office.values()) == 12
    (late,) = due_follow_ups(END_OF_JULY, include_upcoming_days=None)
    assert (late.project_name, late.overdue) == (demo.MODULES, True)
    assert FollowUp.live().count() > 1
    briefing = settings.get("briefing")
    assert briefing["title"] == "招商工作简报"
    assert briefing["editor"] == "市招商中心"
    assert briefing["issue_no"] == 7
    assert all(briefing[key] for key in ("to_report", "to_send", "to_issue"))
    assert settings.exchange_rate() == settings.ExchangeRate(Decimal("7.1305"), date(2023, 7, 31))


# -- the rows themselves and the committed spreadsheet ---------------------------


def test_rows_are_typed_as_a_person_types_them() -> None:
    names, codes = set(), set()
    for row in demo.ARTICLE_ROWS:
        assert tuple(row) == COLUMNS
        for value in row.values():
            assert value is None or isinstance(value, str | int | Decimal | date)
            assert not isinstance(value, float | bool)
        names.add(row["项目名称"])
        codes.add(row["项目编号"])
        code = row["统一社会信用代码"]
        if code is not None:
            assert credit_code.problem(str(code)) is None, row["投资方"]
        dates = [row[c] for c in ("首次对接日期", "签约日期", "开工日期", "投产日期") if row[c]]
        assert dates == sorted(cast(list[date], dates)), row["项目名称"]
        wan_cny, wan_usd = row["总投资(万元)"], row["总投资(万美元)"]
        assert (wan_cny is None) == (row["内外资"] == "外资") == (wan_usd is not None)
    assert len(names) == len(codes) == len(demo.ARTICLE_ROWS)


def _cell(value: Any) -> Any:
    """A cell as the row has it: date cells read back as datetimes, decimals as floats."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def test_committed_spreadsheet_matches_the_rows() -> None:
    """tests/data/article-ledger.xlsx is scripts/make_article_ledger.py's output."""
    sheet = load_workbook(FIXTURE, read_only=True).worksheets[0]
    header, *rows = sheet.iter_rows(values_only=True)
    assert header == COLUMNS
    assert [dict(zip(COLUMNS, map(_cell, r), strict=True)) for r in rows] == demo.ARTICLE_ROWS
