"""A new file has no exchange rate until a user enters one: nothing foreign is converted,
and the figures, the briefing and the command line say so."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from db.reads.briefing import briefing_data
from db.reads.figures import Period
from db.records.settings import set_exchange_rate
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.unit_file import Store, open_store
from desktop.cli import main
from reports.briefing import build_briefing
from tests.factories import make_project
from tests.reports.pdf_tools import pdf_text

JAN_JUL = Period(date(2023, 1, 1), date(2023, 7, 31))
SIGNED = [(Stage.SIGNED, date(2023, 3, 1))]


def _signings() -> None:
    make_project("大亚新能源材料", 300000, events=SIGNED)
    make_project("外资精密", 2000, capital="foreign", events=SIGNED)


def _briefing(tmp_path: Path) -> str:
    data = briefing_data(JAN_JUL, None, issue_no=1, printed_on=date(2023, 8, 5))
    return pdf_text(build_briefing(data, tmp_path / "brief.pdf"))


def test_a_new_unit_or_headquarters_file_has_no_rate(tmp_path: Path) -> None:
    for argv in (["--unit", "上海驻点招商办"], ["--hq", "市招商中心"]):
        path = tmp_path / f"{argv[1]}.zsdb"
        assert main(["init", str(path), *argv]) == 0
        store = open_store(path)
        try:
            with store.bound():
                assert settings.exchange_rate() is None
                assert settings.exchange_rates() == ()
        finally:
            store.close()


def test_the_briefing_states_foreign_money_apart_without_a_rate(
    unit_file: Store, tmp_path: Path
) -> None:
    _signings()
    text = _briefing(tmp_path)
    assert (
        "2023年1~7月，上海驻点招商办新签约总投资亿元以上产业项目2个，其中内资项目1个，总投资30亿元；"
        "外资项目1个，总投资0.2亿美元（未设定美元兑人民币汇率，外资项目以美元计，"
        "未折算人民币，未计入体量规模分档）。"
        "从体量规模看，内资项目中总投资30亿元以上项目1个。"
    ) in text
    assert "折算" not in text.replace("未折算", "")  # no rate is printed, none invented


def test_with_a_rate_the_briefing_converts_and_names_it(unit_file: Store, tmp_path: Path) -> None:
    _signings()
    set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
    text = _briefing(tmp_path)
    assert (
        "新签约总投资亿元以上产业项目2个，总投资31.43亿元"
        "（含外资项目，按2023年7月31日汇率1美元兑7.1305元人民币折算）。"
    ) in text
    assert "未设定" not in text


def test_figures_json_gives_a_null_rate_and_converts_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u.zsdb"
    assert main(["init", str(path), "--unit", "上海驻点招商办"]) == 0
    store = open_store(path)
    try:
        with store.writing():
            _signings()
    finally:
        store.close()
    capsys.readouterr()
    argv = ["figures", str(path), "--from", "2023-01-01", "--to", "2023-07-31"]
    assert main([*argv, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["exchange_rate"] is None
    signed = result["signed"]
    assert signed["total_wan_cny"] == "300000"  # the 内资 alone: 外资 is not converted
    assert signed["foreign"] == {"count": 1, "total_wan_usd": "2000"}
    assert signed["size_bands"] == {"30": 1, "10": 0, "5": 0, "1": 0}
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "未设定汇率:外资项目以美元单列,未折算人民币" in out
    assert "其中内资 1 个 30 亿元,外资 1 个 0.2 亿美元" in out


def test_settings_from_a_file_without_a_rate_leave_a_units_rate(tmp_path: Path) -> None:
    from db.io.settings_file import export_settings, import_settings

    hq_path, unit_path = tmp_path / "hq.zsdb", tmp_path / "u.zsdb"
    assert main(["init", str(hq_path), "--hq", "市招商中心"]) == 0
    assert main(["init", str(unit_path), "--unit", "开发区", "--kind", "开发区"]) == 0
    hq = open_store(hq_path)
    try:
        with hq.bound():
            out = export_settings(tmp_path / "设置.zsset")
    finally:
        hq.close()
    assert json.loads(out.read_text(encoding="utf-8"))["exchange_rate"] is None
    unit = open_store(unit_path)
    try:
        with unit.bound():
            set_exchange_rate(Decimal("7.1305"), date(2023, 7, 31))
            import_settings(out)
            rate = settings.exchange_rate()
            assert rate is not None and rate.usd_cny == Decimal("7.1305")
    finally:
        unit.close()
