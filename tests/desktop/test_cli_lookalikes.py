"""``zhaoshang lookalikes``: the groups of likely duplicates a cadre reads at a terminal."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from db.io.ledger.template import COLUMNS
from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ledger(path: Path, **row: str) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    return path


def test_the_report_lists_daya_entered_twice_with_the_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = tmp_path / "示例.zsdb"
    assert run(capsys, "demo", str(hq))[0] == 0
    assert run(capsys, "lookalikes", str(hq)) == (0, "未发现疑似重复的项目(全部单位)\n", "")

    again = ledger(
        tmp_path / "上海.csv",
        项目名称="大亚新能源材料项目",
        投资方="大亚科技集团有限公司",
        内外资="内资",
        **{"总投资(万元)": "300000"},
        项目阶段="在谈",
        首次对接日期="2023-06-01",
        责任单位="上海驻点招商办",
    )
    assert run(capsys, "import-ledger", str(hq), str(again))[0] == 0
    code, out, err = run(capsys, "lookalikes", str(hq))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "疑似重复的项目 1 组(全部单位),请逐组核对是否为同一项目:",
        "第1组(2个项目):投资方相同、项目名称相同、总投资相近",
        "  1. 大亚新能源材料建设项目 · 开发区 · 大亚科技集团有限公司 · 30亿元",
        "  2. 大亚新能源材料项目 · 上海驻点招商办 · 大亚科技集团有限公司 · 30亿元",
    ]
    code, out, _ = run(capsys, "lookalikes", str(hq), "--unit", "上海驻点招商办")
    assert (
        out.splitlines()[0] == "疑似重复的项目 1 组(涉及上海驻点招商办),请逐组核对是否为同一项目:"
    )
    code, out, _ = run(capsys, "lookalikes", str(hq), "--unit", "丹北镇")
    assert out == "未发现疑似重复的项目(涉及丹北镇)\n"


def test_an_unknown_unit_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = tmp_path / "hq.zsdb"
    run(capsys, "init", str(hq), "--hq", "市招商中心")
    code, out, err = run(capsys, "lookalikes", str(hq), "--unit", "火星办")
    assert (code, out) == (2, "")
    assert err == "错误:文件中没有名为“火星办”的单位 / Error: no unit named 火星办 in this file\n"
