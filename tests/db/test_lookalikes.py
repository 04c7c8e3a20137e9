"""Look-alikes (查重) on the example data: what a cadre would find before saving, and
the groups of likely duplicates over the whole file."""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from db.io import demo
from db.io.demo.companies import generated_credit_code
from db.reads.lookalikes import _rows, lookalike_groups, similar_records
from db.reads.units import unit_named
from db.records.projects import ProjectData, save_project
from db.rules.counting import CountingRules
from db.rules.lookalike import SAME_INVESTOR, project_reasons
from db.store.models import Investor
from db.store.unit_file import Store
from tests.factories import make_project, open_copy

DAYA_INVESTOR = "大亚科技集团有限公司"
DAYA_CODE = generated_credit_code("江苏省丹阳市", DAYA_INVESTOR)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.zsdb"
    demo.build_demo(path).close()
    return path


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    yield from open_copy(demo_template, tmp_path)


def shown(found: list) -> list[str]:  # type: ignore[type-arg]
    """The lines of the warning, as the form writes them."""
    kinds = {"investor": "投资方", "project": "项目"}
    return [f"{kinds[r.kind]}“{r.name}”({r.why})" for r in found]


def enter(name: str, investor: str, unit: str, total: int) -> str:
    found = unit_named(unit)
    assert found is not None
    return save_project(
        ProjectData(
            name=name,
            investor_name=investor,
            unit_id=found.id,
            total_investment=Decimal(total),
        )
    )


@pytest.mark.usefixtures("demo_file")
def test_daya_again_under_a_shorter_name_is_warned_with_the_reasons() -> None:
    found = similar_records("大亚新能源材料项目", DAYA_INVESTOR, total=Decimal(300000))
    assert shown(found) == [
        "项目“大亚新能源材料建设项目”(投资方相同、项目名称相同、总投资相近)",
        "投资方“大亚科技集团有限公司”(该投资方已有 1 个项目)",
    ]
    assert found[0].why_en == "same investor, same project name, similar total investment"


@pytest.mark.usefixtures("demo_file")
def test_the_same_credit_code_under_another_spelling_is_warned() -> None:
    found = similar_records(
        "丹阳电池箔项目", "江苏大亚铝业有限公司", DAYA_CODE, total=Decimal(116000)
    )
    assert shown(found) == [
        "投资方“大亚科技集团有限公司”(统一社会信用代码相同;该投资方已有 1 个项目)",
        "项目“大亚新能源材料建设项目”(统一社会信用代码相同)",
    ]


@pytest.mark.usefixtures("demo_file")
def test_a_nearly_identical_name_of_another_investor_is_warned() -> None:
    found = similar_records("大亚新能源材料项目", "丹阳市大亚铝业有限公司", total=Decimal(250000))
    assert shown(found)[0] == "项目“大亚新能源材料建设项目”(项目名称相同、总投资相近)"


@pytest.mark.usefixtures("demo_file")
def test_clearly_different_projects_of_other_investors_are_not_warned() -> None:
    assert (
        similar_records("华恒锂电池隔膜项目", "常州华恒新材料有限公司", total=Decimal(50000)) == []
    )
    # The demo holds 鼎晟高性能碳纤维复合材料项目 (1.25亿元) of 上海鼎晟新材料: another
    # company's project of the same product is not the same project.
    assert (
        similar_records(
            "永盛高性能碳纤维复合材料项目", "南京永盛新材料有限公司", total=Decimal(12000)
        )
        == []
    )
    # A nearly identical name, but ten times the amount and another investor.
    assert similar_records("大亚新能源电池材料项目", "另一家铝业", total=Decimal(3000000)) == []


@pytest.mark.usefixtures("demo_file")
def test_editing_a_project_does_not_warn_of_itself() -> None:
    daya = next(p for p in _rows(CountingRules.of_file()) if p.project.name == demo.DAYA)
    found = similar_records(demo.DAYA, DAYA_INVESTOR, DAYA_CODE, daya.project.uuid)
    assert found == []


@pytest.mark.usefixtures("demo_file")
def test_the_example_data_has_no_likely_duplicates_until_one_is_entered() -> None:
    assert lookalike_groups() == []
    enter("大亚新能源材料项目", DAYA_INVESTOR, "上海驻点招商办", 300000)
    (group,) = lookalike_groups()
    assert [(p.name, p.unit, p.investor) for p in group.projects] == [
        ("大亚新能源材料建设项目", "开发区", DAYA_INVESTOR),
        ("大亚新能源材料项目", "上海驻点招商办", DAYA_INVESTOR),
    ]
    assert [r.zh for r in group.reasons] == ["投资方相同", "项目名称相同", "总投资相近"]
    assert lookalike_groups("上海驻点招商办") == [group]
    assert lookalike_groups("开发区") == [group]
    assert lookalike_groups("丹北镇") == []


@pytest.mark.usefixtures("demo_file")
def test_the_report_groups_a_credit_code_and_a_similar_name_together() -> None:
    # A unit's own record of the investor, under another name, as a merge brings it.
    Investor.create(name="江苏大亚铝业有限公司", credit_code=DAYA_CODE)
    enter("丹阳电池箔项目", "江苏大亚铝业有限公司", "丹北镇", 290000)
    enter("大亚新能源材料项目", "丹阳大亚新能源有限公司", "上海驻点招商办", 280000)
    (group,) = lookalike_groups()
    assert [p.name for p in group.projects] == [
        "大亚新能源材料建设项目",
        "丹阳电池箔项目",
        "大亚新能源材料项目",
    ]
    assert {(a, b): [r.zh for r in why] for a, b, why in group.pairs} == {
        (0, 1): ["统一社会信用代码相同", "总投资相近"],
        (0, 2): ["项目名称相同", "总投资相近"],
    }


@pytest.mark.usefixtures("demo_file")
def test_one_investors_two_phases_are_not_a_duplicate() -> None:
    enter("大亚铝箔二期扩建", DAYA_INVESTOR, "开发区", 184000)
    assert lookalike_groups() == []


def test_the_report_misses_no_pair_that_comparing_every_pair_finds(unit_file: Store) -> None:
    """The blocking (investor, credit code, trade name, rarest character pairs) finds
    every pair the rules would find by comparing each project with each other."""
    rng = random.Random(5)
    products = [
        "锂电池隔膜",
        "电梯部件",
        "光学镜头",
        "新能源材料",
        "工业机器人减速器",
        "年产5万吨电池箔",
    ]
    brands = ["华恒", "华瑞", "大亚", "大亚新", "恒", "创力", ""]
    for i in range(160):
        name = rng.choice(brands) + rng.choice(products)
        if rng.random() < 0.4:  # a typo: one character dropped, doubled or changed
            at = rng.randrange(len(name))
            name = rng.choice(
                [
                    name[:at] + name[at + 1 :],
                    name[:at] + name[at] + name[at:],
                    name[:at] + "新" + name[at + 1 :],
                ]
            )
        make_project(
            name + rng.choice(["项目", "建设项目", "二期项目"]),
            rng.choice([8000, 10000, 30000, 90000]),
        )
        if i % 7 == 0:
            make_project(name, 10000)  # its own investor, 「name投资方」
    rows = _rows(CountingRules.of_file())
    expected = set()
    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            same = a.investor_key == b.investor_key or None
            why = project_reasons(
                a.core,
                a.in_cny,
                b.core,
                b.in_cny,
                SAME_INVESTOR if same else None,
                a.trade,
                b.trade,
            )
            if why:
                expected.add((a.project.uuid, b.project.uuid))
    found = {
        (g.projects[x].uuid, g.projects[y].uuid) for g in lookalike_groups() for x, y, _ in g.pairs
    }
    assert len(expected) > 50
    assert found == expected
