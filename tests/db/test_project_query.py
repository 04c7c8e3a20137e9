"""The ledger table's queries: filters, sorting, search and exact totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.reads.ledger_table import (
    COLUMNS,
    ProjectFilter,
    chain_choices,
    fetch_rows,
    local_industry_choices,
    matching_ids,
    projects_entered,
    totals,
)
from db.records.projects import delete_projects
from db.records.settings import set_exchange_rate
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.vocabulary import PIPELINE_STAGES, Capital, Stage
from db.store.models import Project
from db.store.unit_file import Store
from tests.factories import make_project


def names(criteria: ProjectFilter, sort_key: str = "name", descending: bool = False) -> list[str]:
    ids = matching_ids(criteria, sort_key, descending)
    rows = fetch_rows(ids, ["name"])
    return [rows[pid].values[0] for pid in ids]


def annotate(project: Project, **fields: object) -> Project:
    for name, value in fields.items():
        setattr(project, name, value)
    project.save()
    return project


@pytest.fixture
def ledger(unit_file: Store) -> dict[str, Project]:
    """A small ledger covering each filter's edges."""
    return {
        "大亚": make_project(
            "大亚新能源材料建设项目",
            300000,
            chain="新材料",
            local_industry="新材料",
            events=[(Stage.TALKS, date(2025, 1, 10)), (Stage.SIGNED, date(2025, 3, 1))],
        ),
        "创力": make_project(
            "江苏创力电梯垂直电梯部件及储能",
            36000,
            local_industry="装备制造",
            events=[
                (Stage.TALKS, date(2024, 12, 1)),
                (Stage.SIGNED, date(2025, 1, 31)),
                (Stage.STARTED, date(2025, 3, 29)),
            ],
        ),
        "美锦": make_project(
            "光学纳米分子材料",
            20000,
            industry_code="39",
            chain="眼镜光学",
            events=[(Stage.TALKS, date(2025, 2, 1))],
        ),
        "外资": make_project(
            "外资精密部件",
            1000,
            capital="foreign",
            events=[(Stage.SIGNED, date(2025, 7, 31))],
        ),
        "小": make_project("小型商贸", 9000, industry_code="51"),
        "地产": make_project("城南商住地块", 500000, industry_code="70"),
    }


def test_every_ledger_template_column_is_offered() -> None:
    from db.io.ledger.template import COLUMNS as TEMPLATE

    headers = {column.header for column in COLUMNS}
    # The template splits 总投资 by currency; the table shows one column with its unit.
    expected = {h for h in TEMPLATE if not h.startswith("总投资")} | {"总投资", "更新时间"}
    assert headers == expected
    assert len({column.key for column in COLUMNS}) == len(COLUMNS)


def test_no_filter_lists_every_live_project(ledger: dict[str, Project]) -> None:
    delete_projects([ledger["小"].uuid])
    assert len(matching_ids(ProjectFilter())) == 5
    assert ledger["小"].id not in matching_ids(ProjectFilter())


def test_stage_filter_reads_the_current_stage(ledger: dict[str, Project]) -> None:
    assert names(ProjectFilter(stages=frozenset({Stage.SIGNED}))) == [  # by pinyin: da, wai
        "大亚新能源材料建设项目",
        "外资精密部件",
    ]
    pipeline = names(ProjectFilter(stages=PIPELINE_STAGES))
    assert "江苏创力电梯垂直电梯部件及储能" not in pipeline  # 开工: out of the pipeline
    assert len(pipeline) == 3


def test_unit_filter_at_headquarters(hq_file: Store) -> None:
    zone = get_or_create_unit("开发区")
    office = get_or_create_unit("上海驻点招商办")
    make_project("开发区项目", 20000, unit=zone)
    make_project("上海项目", 20000, unit=office)
    assert names(ProjectFilter(unit_ids=frozenset({zone.id}))) == ["开发区项目"]
    assert len(matching_ids(ProjectFilter(unit_ids=frozenset({zone.id, office.id})))) == 2


def test_capital_counted_and_industry_filters(ledger: dict[str, Project]) -> None:
    assert names(ProjectFilter(capital=Capital.FOREIGN)) == ["外资精密部件"]
    # 房地产 and below 1亿元 stay in the ledger, marked not counted.
    assert set(names(ProjectFilter(counted=False))) == {"小型商贸", "城南商住地块"}
    assert len(matching_ids(ProjectFilter(counted=True))) == 4
    assert names(ProjectFilter(local_industries=frozenset({"装备制造"}))) == [
        "江苏创力电梯垂直电梯部件及储能"
    ]
    assert names(ProjectFilter(chains=frozenset({"眼镜光学"}))) == ["光学纳米分子材料"]
    assert set(names(ProjectFilter(priority_only=True))) == {
        "大亚新能源材料建设项目",
        "光学纳米分子材料",
    }


def test_size_bands_are_exclusive_and_convert_foreign_capital(ledger: dict[str, Project]) -> None:
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    make_project("十亿整", 100000)
    make_project("外资五亿", Decimal("7042.26"), capital="foreign")  # 5.0000046亿元 at 7.1
    make_project("三十亿差一分", Decimal("299999.99"))

    def band(bound: int) -> set[str]:
        return set(names(ProjectFilter(size_band=Decimal(bound))))

    assert band(30) == {"大亚新能源材料建设项目", "城南商住地块"}
    assert band(10) == {"十亿整", "三十亿差一分"}
    assert band(5) == {"外资五亿"}
    # The lowest band also holds counted projects below 1亿元 (1000万美元 = 0.71亿元).
    assert band(1) == {"江苏创力电梯垂直电梯部件及储能", "光学纳米分子材料", "外资精密部件"}


def test_signed_date_range_includes_both_ends_and_counts_the_first_signing(
    ledger: dict[str, Project],
) -> None:
    record_stage(ledger["大亚"], Stage.SIGNED, date(2025, 8, 20))  # a second ceremony
    july = ProjectFilter(signed_from=date(2025, 1, 31), signed_to=date(2025, 7, 31))
    assert set(names(july)) == {
        "江苏创力电梯垂直电梯部件及储能",
        "外资精密部件",
        "大亚新能源材料建设项目",
    }
    assert names(ProjectFilter(signed_from=date(2025, 8, 1))) == []
    assert names(ProjectFilter(signed_to=date(2025, 1, 31))) == ["江苏创力电梯垂直电梯部件及储能"]


def test_first_contact_range(ledger: dict[str, Project]) -> None:
    december = ProjectFilter(
        first_contact_from=date(2024, 12, 1), first_contact_to=date(2024, 12, 31)
    )
    assert names(december) == ["江苏创力电梯垂直电梯部件及储能"]


def test_sort_by_total_is_numeric_and_converts_foreign_capital(ledger: dict[str, Project]) -> None:
    set_exchange_rate(Decimal("7.1"), date(2025, 1, 2))
    make_project("外资大项目", 50000, capital="foreign")  # 35.5亿元
    ordered = names(ProjectFilter(), "total", descending=True)
    assert ordered[:4] == [
        "城南商住地块",
        "外资大项目",
        "大亚新能源材料建设项目",
        "江苏创力电梯垂直电梯部件及储能",
    ]
    assert ordered[-1] == "外资精密部件"  # 1000万美元 = 7100万元, below 9000万元
    assert names(ProjectFilter(), "total") == list(reversed(ordered))


def test_sort_by_stage_follows_the_path_and_empty_dates_sort_last(
    ledger: dict[str, Project],
) -> None:
    stages = names(ProjectFilter(), "stage")
    assert stages[:2] == ["小型商贸", "城南商住地块"]  # 线索 first, ties in order of entry
    assert stages[-1] == "江苏创力电梯垂直电梯部件及储能"  # 开工
    for descending in (False, True):
        signed = names(ProjectFilter(), "signed_on", descending)
        assert set(signed[-3:]) == {"光学纳米分子材料", "小型商贸", "城南商住地块"}
    assert names(ProjectFilter(), "signed_on")[0] == "江苏创力电梯垂直电梯部件及储能"


def test_every_column_sorts(ledger: dict[str, Project]) -> None:
    everyone = sorted(matching_ids(ProjectFilter()))
    for column in COLUMNS:
        for descending in (False, True):
            assert sorted(matching_ids(ProjectFilter(), column.key, descending)) == everyone


def test_unknown_sort_key_is_refused(unit_file: Store) -> None:
    with pytest.raises(ValueError, match="unknown ledger column"):
        matching_ids(ProjectFilter(), "name; DROP TABLE project")


def test_short_search_uses_substrings(ledger: dict[str, Project]) -> None:
    annotate(ledger["美锦"], remarks="东莞市美锦电子材料有限公司")
    assert names(ProjectFilter(search="大亚")) == ["大亚新能源材料建设项目"]
    assert names(ProjectFilter(search="美锦")) == ["光学纳米分子材料"]  # in the notes
    assert set(names(ProjectFilter(search="材料"))) == {
        "大亚新能源材料建设项目",
        "光学纳米分子材料",
    }


def test_long_search_goes_through_the_trigram_index(ledger: dict[str, Project]) -> None:
    annotate(ledger["创力"], content="新建厂房5.3万平方米")
    assert names(ProjectFilter(search="新能源")) == ["大亚新能源材料建设项目"]
    assert names(ProjectFilter(search="储能投资方")) == ["江苏创力电梯垂直电梯部件及储能"]
    assert names(ProjectFilter(search="厂房5.3万")) == ["江苏创力电梯垂直电梯部件及储能"]
    # Every word must match; short and long words mix.
    assert names(ProjectFilter(search="电梯 储能")) == ["江苏创力电梯垂直电梯部件及储能"]
    assert names(ProjectFilter(search="大亚 电梯")) == []


def test_search_text_is_never_syntax(ledger: dict[str, Project]) -> None:
    annotate(ledger["小"], remarks="折扣50%_返利")
    hostile = [
        '"',
        '""',
        '"大亚',
        "%",
        "_",
        "'",
        "*",
        "大亚 OR",
        "NEAR(大亚",
        "a AND b",
        "-x",
        "\\",
    ]
    for text in hostile:
        assert len(names(ProjectFilter(search=text))) < 6, text
    assert names(ProjectFilter(search="%")) == ["小型商贸"]
    assert names(ProjectFilter(search="50%_")) == ["小型商贸"]
    assert names(ProjectFilter(search="%_")) == ["小型商贸"]
    assert names(ProjectFilter(search='"')) == []


def test_deleted_projects_leave_search_and_totals(ledger: dict[str, Project]) -> None:
    delete_projects([ledger["大亚"].uuid])
    assert names(ProjectFilter(search="大亚")) == []
    assert totals(ProjectFilter(search="新能源")).count == 0


def test_totals_are_exact_and_keep_currencies_apart(ledger: dict[str, Project]) -> None:
    make_project("一分", Decimal("0.01"))
    make_project("两分", Decimal("0.02"))
    sums = totals(ProjectFilter(capital=Capital.DOMESTIC, counted=False))
    assert sums.count == 4
    assert sums.domestic_total_wan_cny == Decimal("509000.03")
    everything = totals(ProjectFilter())
    assert (everything.count, everything.domestic_count, everything.foreign_count) == (8, 7, 1)
    assert everything.domestic_total_wan_cny == Decimal("865000.03")
    assert everything.foreign_total_wan_usd == Decimal(1000)
    assert totals(ProjectFilter(search="没有这个项目")).domestic_total_wan_cny == 0


def test_fetch_rows_reads_typed_values_of_the_requested_columns(ledger: dict[str, Project]) -> None:
    annotate(ledger["创力"], land_mu=Decimal(85), floor_area_m2=Decimal(53000), new_jobs=300)
    keys = ["name", "total", "stage", "signed_on", "land_mu", "new_jobs", "unit"]
    rows = fetch_rows([ledger["创力"].id, ledger["外资"].id, 99999], keys)
    assert set(rows) == {ledger["创力"].id, ledger["外资"].id}
    row = rows[ledger["创力"].id]
    assert row.uuid == ledger["创力"].uuid
    assert row.counted
    assert row.values == (
        "江苏创力电梯垂直电梯部件及储能",
        Decimal(36000),
        Stage.STARTED,
        date(2025, 1, 31),
        Decimal(85),
        300,
        "上海驻点招商办",
    )
    assert rows[ledger["外资"].id].capital is Capital.FOREIGN
    assert fetch_rows([], keys) == {}


def test_filter_choices_merge_settings_and_data(ledger: dict[str, Project]) -> None:
    annotate(ledger["小"], local_industry="商贸物流", chain="自定义链")
    industries = local_industry_choices()
    assert industries[0] == "新材料" and industries[-1] == "商贸物流"
    assert "自定义链" in chain_choices()


def test_a_first_page_is_the_start_of_the_whole_order(ledger: dict[str, Project]) -> None:
    for column in COLUMNS:
        for descending in (False, True):
            whole = matching_ids(ProjectFilter(), column.key, descending)
            for count in (1, 2, len(whole) + 1):
                first = matching_ids(ProjectFilter(), column.key, descending, limit=count)
                assert first == whole[:count]


def test_choices_without_reading_the_projects_offer_the_configured_labels(
    ledger: dict[str, Project],
) -> None:
    annotate(ledger["小"], local_industry="商贸物流", chain="自定义链")
    assert "商贸物流" not in local_industry_choices(in_use=False)
    assert local_industry_choices(in_use=False) == local_industry_choices()[:-1]
    assert "自定义链" not in chain_choices(in_use=False)
    assert set(chain_choices(in_use=False)) < set(chain_choices())


def test_projects_entered_counts_deleted_ones_too(ledger: dict[str, Project]) -> None:
    entered = projects_entered()
    assert entered == max(project.id for project in ledger.values())
    delete_projects([ledger["小"].uuid])
    assert projects_entered() == entered
