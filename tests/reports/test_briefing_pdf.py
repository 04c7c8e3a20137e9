"""The briefing PDF on small ledgers: masthead and 报尾, sections, edge cases, escaping,
fonts, pages, the file's metadata and permissions."""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from db.reads.briefing import briefing_data
from db.reads.figures import Period
from db.reads.units import unit_named
from db.records.settings import SettingsChange, issue_printed, save_settings, set_exchange_rate
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.models import Project
from db.store.unit_file import Store
from reports.briefing import build_briefing
from reports.fonts import Typefaces, typefaces
from tests.factories import make_project
from tests.reports.pdf_tools import info, missing_glyphs, page_count, page_lines, pdf_text

JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))
SIGNED = ((Stage.SIGNED, date(2023, 3, 1)),)


def _brief(
    tmp_path: Path,
    period: Period = JAN_JUL,
    unit: str | None = None,
    faces: Typefaces | None = None,
    issue: int | None = 3,
    signed_on: date = date(2023, 8, 5),
) -> Path:
    scope = unit_named(unit) if unit else None
    data = briefing_data(period, scope, issue_no=issue, printed_on=signed_on)
    return build_briefing(data, tmp_path / "brief.pdf", faces)


def _recipients(**values: object) -> None:
    current = settings.briefing()
    fields = {**vars(current), **values}
    save_settings(SettingsChange(briefing=settings.Briefing(**fields)))  # type: ignore[arg-type]


def test_masthead_sections_and_page_numbers(hq_file: Store, tmp_path: Path) -> None:
    _recipients(to_report="市委、市政府", to_send="市人大、市政协", to_issue="各镇、开发区")
    make_project("新材料项目", 50000, unit="开发区", local_industry="新材料", events=SIGNED)
    pdf = _brief(tmp_path)
    text = pdf_text(pdf)
    for expected in (
        "招商工作简报第3期市招商中心2023年8月5日",
        "一、总体情况",
        "二、新签约项目",
        "三、在手在谈项目",
        "四、各单位情况",
        "五、需协调解决问题",
        "附表2023年1~7月新签约及在手在谈项目清单",
        "报：市委、市政府",
        "送：市人大、市政协",
        "发：各镇、开发区",
        "图1新签约项目体量规模（个）",
    ):
        assert expected in text, expected
    pages = page_count(pdf)
    assert f"第1页共{pages}页" in text and f"第{pages}页共{pages}页" in text


def test_the_tail_is_kept_together_last_and_leaves_out_empty_lines(
    hq_file: Store, tmp_path: Path
) -> None:
    _recipients(
        to_report="市委、市政府主要领导", to_send="", to_issue="各镇（区、街道）", copies=40
    )
    for i in range(60):  # a 附表 of several pages
        make_project(f"项目{i:02d}", 20000 + i, unit="开发区", events=SIGNED)
    pdf = _brief(tmp_path)
    pages = page_lines(pdf)
    holding = [i for i, lines in enumerate(pages) if any(line.startswith("报：") for line in lines)]
    assert holding == [len(pages) - 1]
    last = pages[-1]
    # 报, 发 and the 印数 close the page, right above its number; no empty 送 line.
    assert [re.sub(r"\s+", "", line) for line in last[-4:-1]] == [
        "报：市委、市政府主要领导",
        "发：各镇（区、街道）",
        "（共印40份）",
    ]
    assert not any(line.startswith("送") for line in last)
    # Two rows of the 附表 at least stand with it.
    assert sum(1 for line in last if re.match(r"\d+\s", line)) >= 2


def test_no_tail_at_all_when_there_is_nothing_to_say(hq_file: Store, tmp_path: Path) -> None:
    _recipients(to_report="", to_send="", to_issue="")
    text = pdf_text(_brief(tmp_path))
    assert "报：" not in text and "发：" not in text and "共印" not in text


def test_issues_are_numbered_per_year(hq_file: Store, tmp_path: Path) -> None:
    _recipients(issue_no=7, issue_year=2023)
    assert "第7期" in pdf_text(_brief(tmp_path, issue=None, signed_on=date(2023, 8, 5)))
    # The first briefing signed in 2024 is 第1期 again, and the next one of 2024 第2期.
    first = pdf_text(_brief(tmp_path, issue=None, signed_on=date(2024, 1, 8)))
    assert "招商工作简报第1期" in first and "2024年1月8日" in first
    issue_printed(1, 2024)
    assert settings.briefing().next_issue_no(2024) == 2
    # A late issue of 2023 leaves 2024's numbering alone.
    issue_printed(8, 2023)
    assert settings.briefing().next_issue_no(2024) == 2


def test_a_units_edition_is_named_for_it(hq_file: Store, tmp_path: Path) -> None:
    make_project("新材料项目", 50000, unit="开发区", events=SIGNED)
    text = pdf_text(_brief(tmp_path, unit="开发区"))
    assert text.startswith("开发区招商工作简报第3期市招商中心")


def test_empty_period_is_one_clean_briefing(hq_file: Store, tmp_path: Path) -> None:
    text = pdf_text(_brief(tmp_path))
    assert "2023年1~7月，全市暂无新签约总投资亿元以上产业项目。" in text
    assert "截至2023年7月底，全市暂无在手在谈项目。" in text
    assert "0个" not in text


def test_foreign_money_and_the_rate_said_once(hq_file: Store, tmp_path: Path) -> None:
    set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    make_project("外资光学项目", 3000, capital="foreign", unit="开发区", events=SIGNED)
    make_project("外资材料项目", 2500, capital="foreign", unit="丹北镇", events=SIGNED)
    make_project("内资项目", 20000, unit="丹北镇", events=SIGNED)
    text = pdf_text(_brief(tmp_path))
    assert "其中外资项目2个，总投资0.55亿美元。" in text
    assert text.count("汇率") == 1
    assert "总投资5.92亿元（含外资项目，按2023年7月31日汇率1美元兑7.1305元人民币折算）。" in text
    # Tables give 亿元 and 亿美元 apart, the unit in the header.
    assert "总投资（亿美元）" in text and "0.3" in text
    assert "万美元" not in text


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
    assert "2023年1~7月，吕城镇暂无新签约总投资亿元以上产业项目。" in text
    assert (
        "2023年1~7月，吕城镇暂无新签约项目；在手在谈项目1个，总投资8亿元；产业涉及新能源等。"
        in text
    )
    assert "开发区" not in text


def test_units_in_the_configured_order(hq_file: Store, tmp_path: Path) -> None:
    for name in ("上海驻点招商办", "吕城镇", "开发区", "丹北镇"):
        make_project(f"{name}项目", 20000, unit=name, events=SIGNED)
    text = pdf_text(_brief(tmp_path))
    section = text[text.index("四、各单位情况") : text.index("五、")]
    # By kind where no order is set: the zone, the towns, then the offices.
    found = [name for name in ("开发区", "丹北镇", "吕城镇", "上海驻点招商办") if name in section]
    assert sorted(found, key=section.index) == ["开发区", "丹北镇", "吕城镇", "上海驻点招商办"]
    save_settings(SettingsChange(unit_order=["吕城镇", "丹北镇"]))
    text = pdf_text(_brief(tmp_path))
    section = text[text.index("四、各单位情况") : text.index("五、")]
    assert sorted(found, key=section.index) == ["吕城镇", "丹北镇", "开发区", "上海驻点招商办"]


def test_user_text_is_kept_and_long_names_wrap(hq_file: Store, tmp_path: Path) -> None:
    long_name = "超长名称" * 30 + "项目"
    make_project("A<B&C>项目", 20000, unit="开发区", events=SIGNED)
    make_project(long_name, 30000, unit="开发区", events=SIGNED)
    project = Project.get(Project.name == "A<B&C>项目")
    project.issues = "用地指标<待落实>&环评"
    project.save()
    text = pdf_text(_brief(tmp_path))
    assert "A<B&C>项目" in text
    assert "用地指标<待落实>&环评" in text
    assert long_name in text


def test_pages_render_without_missing_glyphs(hq_file: Store, tmp_path: Path) -> None:
    make_project(
        "大亚新能源材料建设项目", 300000, unit="开发区", local_industry="新材料", events=SIGNED
    )
    # 镕 and 堃 are outside GB2312 (AR PL SungtiL GB has no glyph): the fallback sets them.
    make_project("镕堃新材料项目", 20000, unit="开发区", events=SIGNED)
    faces = typefaces()
    assert faces.body.embedded, "a TrueType CJK font is installed by make test"
    pdf = _brief(tmp_path, faces=faces)
    assert "镕堃新材料项目" in pdf_text(pdf)
    assert missing_glyphs(pdf, faces) == set()


def test_builtin_cid_font_when_no_truetype_font(hq_file: Store, tmp_path: Path) -> None:
    make_project("大亚新能源材料建设项目", 300000, unit="开发区", events=SIGNED)
    faces = typefaces(allow_system=False)
    assert faces.body.name == "STSong-Light" and not faces.body.embedded and faces.notice
    pdf = _brief(tmp_path, faces=faces)
    assert "2023年1~7月，全市新签约总投资亿元以上产业项目1个，总投资30亿元。" in pdf_text(pdf)


def test_a_failed_build_leaves_no_file(hq_file: Store, tmp_path: Path) -> None:
    data = briefing_data(JAN_JUL, None, 1, date(2023, 8, 5))
    target = tmp_path / "missing-folder" / "brief.pdf"
    with contextlib.suppress(OSError):
        build_briefing(data, target)
    assert not target.exists()
    assert list(tmp_path.rglob("*.pdf")) == []


def test_a_units_own_file_speaks_of_the_unit(unit_file: Store, tmp_path: Path) -> None:
    make_project("电池箔项目", 20000, events=SIGNED)
    text = pdf_text(_brief(tmp_path))
    assert text.startswith("上海驻点招商办招商工作简报第3期上海驻点招商办")
    assert "2023年1~7月，上海驻点招商办新签约总投资亿元以上产业项目1个，总投资2亿元。" in text
    assert "全市" not in text


def test_the_file_says_what_it_is(hq_file: Store, tmp_path: Path) -> None:
    make_project("新材料项目", 50000, unit="开发区", events=SIGNED)
    previous = os.umask(0o022)
    try:
        pdf = _brief(tmp_path)
    finally:
        os.umask(previous)
    fields = info(pdf)
    assert fields["Title"] == "招商工作简报 第3期"
    assert fields["Author"] == "市招商中心"
    assert "2023年1~7月" in fields["Subject"]
    assert fields["Creator"].startswith("招商台账 ")
    assert PdfReader(str(pdf)).trailer["/Root"]["/Lang"] == "zh-CN"
    # Others on a shared folder can read it: the mode the umask gives (not 0600).
    assert pdf.stat().st_mode & 0o777 == 0o644
    previous = os.umask(0o077)
    try:
        assert _brief(tmp_path).stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(previous)
