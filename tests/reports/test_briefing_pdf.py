"""The briefing PDF on small ledgers: sections, edge cases, escaping, fonts, pages."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from db.reads.briefing import briefing_data
from db.reads.figures import Period
from db.reads.units import unit_named
from db.records.settings import set_exchange_rate
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.models import Project
from db.store.unit_file import Store
from reports.briefing import build_briefing
from reports.fonts import pdf_font
from tests.factories import make_project
from tests.reports.pdf_tools import missing_glyphs, page_count, pdf_text, render_pages

JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))
SIGNED = ((Stage.SIGNED, date(2023, 3, 1)),)


def _brief(tmp_path: Path, period: Period = JAN_JUL, unit: str | None = None, **kw) -> Path:  # type: ignore[no-untyped-def]
    scope = unit_named(unit) if unit else None
    data = briefing_data(period, scope, issue_no=3, printed_on=date(2023, 8, 5))
    return build_briefing(data, tmp_path / "brief.pdf", **kw)


def test_masthead_sections_and_page_numbers(hq_file: Store, tmp_path: Path) -> None:
    header = dict(settings.get("briefing"))
    header.update(to_report="市委、市政府", to_send="市人大、市政协", to_issue="各镇、开发区")
    settings.put("briefing", header)
    make_project("新材料项目", 50000, unit="开发区", local_industry="新材料", events=SIGNED)
    pdf = _brief(tmp_path)
    text = pdf_text(pdf)
    for expected in (
        "招商工作简报",
        "第3期",
        "市招商中心",
        "2023年8月5日",
        "一、总体情况",
        "二、新签约项目",
        "三、在手在谈项目",
        "四、各单位情况",
        "五、需协调解决问题",
        "附表1~7月新签约及在手在谈项目清单",
        "报:市委、市政府",
        "送:市人大、市政协",
        "发:各镇、开发区",
        "图1新签约项目体量规模(个)",
    ):
        assert expected in text, expected
    pages = page_count(pdf)
    assert f"第1页共{pages}页" in text and f"第{pages}页共{pages}页" in text


def test_empty_period_is_one_clean_briefing(hq_file: Store, tmp_path: Path) -> None:
    text = pdf_text(_brief(tmp_path))
    assert "1~7月,全市暂无新签约总投资亿元以上产业项目。" in text
    assert "截至7月底,全市暂无在手在谈项目。" in text
    assert "0个" not in text


def test_only_foreign_projects_show_dollars_and_the_rate(hq_file: Store, tmp_path: Path) -> None:
    set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    make_project("外资光学项目", 3000, capital="foreign", unit="开发区", events=SIGNED)
    text = pdf_text(_brief(tmp_path))
    assert "均为外资项目,总投资0.3亿美元" in text
    assert "按2023年7月31日汇率1美元兑7.1305元人民币折算" in text
    assert "3,000万美元" in text


def test_unit_without_signings(hq_file: Store, tmp_path: Path) -> None:
    make_project(
        "在谈项目",
        80000,
        unit="吕城镇",
        local_industry="新能源",
        events=((Stage.TALKS, date(2023, 4, 1)),),
    )
    make_project("签约项目", 20000, unit="开发区", events=SIGNED)
    text = pdf_text(_brief(tmp_path, unit="吕城镇"))
    assert "1~7月,吕城镇暂无新签约总投资亿元以上产业项目。" in text
    assert "1~7月,吕城镇暂无新签约项目;在手重点推进项目1个,总投资8亿元;产业涉及新能源等。" in text
    assert "开发区" not in text


def test_user_text_is_escaped_and_long_names_wrap(hq_file: Store, tmp_path: Path) -> None:
    long_name = "超长名称" * 30 + "项目"
    make_project("A<B&C>项目", 20000, unit="开发区", events=SIGNED)
    make_project(long_name, 30000, unit="开发区", events=SIGNED)
    project = Project.get(Project.name == "A<B&C>项目")
    project.issues = "用地指标<待落实>&环评"
    project.save()
    pdf = _brief(tmp_path)
    text = pdf_text(pdf)
    assert "A<B&C>项目" in text
    assert "用地指标<待落实>&环评" in text
    assert long_name in text


def test_pages_render_without_missing_glyphs(hq_file: Store, tmp_path: Path) -> None:
    make_project(
        "大亚新能源材料建设项目", 300000, unit="开发区", local_industry="新材料", events=SIGNED
    )
    font = pdf_font()
    assert font.embedded, "a TrueType CJK font is installed by make test"
    pdf = _brief(tmp_path, font=font)
    assert render_pages(pdf, tmp_path)
    assert missing_glyphs(pdf, font.name) == set()


def test_builtin_cid_font_when_no_truetype_font(hq_file: Store, tmp_path: Path) -> None:
    make_project("大亚新能源材料建设项目", 300000, unit="开发区", events=SIGNED)
    font = pdf_font(allow_system=False)
    assert font.name == "STSong-Light" and not font.embedded and font.notice
    pdf = _brief(tmp_path, font=font)
    assert "1~7月,全市新签约总投资亿元以上产业项目1个,总投资30亿元。" in pdf_text(pdf)
    assert render_pages(pdf, tmp_path)


def test_a_failed_build_leaves_no_file(hq_file: Store, tmp_path: Path) -> None:
    data = briefing_data(JAN_JUL, None, 1, date(2023, 8, 5))
    target = tmp_path / "missing-folder" / "brief.pdf"
    with contextlib.suppress(OSError):
        build_briefing(data, target)
    assert not target.exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_units_own_file_speaks_of_the_unit(unit_file: Store, tmp_path: Path) -> None:
    make_project("电池箔项目", 20000, events=SIGNED)
    text = pdf_text(_brief(tmp_path))
    assert "1~7月,上海驻点招商办新签约总投资亿元以上产业项目1个,总投资2亿元。" in text
    assert "全市" not in text
