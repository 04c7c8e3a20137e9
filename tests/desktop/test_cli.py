"""The command line, as a user at a terminal (or a script at headquarters) uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ROOT / "tests" / "data" / "article-ledger.xlsx"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_headquarters_file_from_the_article_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = tmp_path / "hq.zsdb"
    assert run(capsys, "init", str(hq), "--hq", "市招商中心")[0] == 0
    code, out, _ = run(capsys, "import-ledger", str(hq), str(LEDGER))
    assert code == 0 and "已导入台账" in out
    code, out, _ = run(
        capsys, "figures", str(hq), "--from", "2023-01-01", "--to", "2023-07-31", "--json"
    )
    assert code == 0
    figures = json.loads(out)
    assert figures["signed"]["count"] == 42
    assert figures["signed"]["total_wan_cny"] == "2606900"
    assert figures["signed"]["size_bands"] == {"30": 3, "10": 3, "5": 2, "1": 34}
    assert figures["signed"]["sectors"] == {"manufacturing": 41, "services": 1, "other": 0}
    assert figures["signed"]["priority_chain"]["share_pct"] == "61.9"
    assert figures["pipeline"]["count"] == 113
    assert figures["pipeline"]["domestic"] == {"count": 97, "total_wan_cny": "3690300"}
    assert figures["pipeline"]["foreign"] == {"count": 16, "total_wan_usd": "73700"}
    zone = next(u for u in figures["by_unit"] if u["unit"] == "开发区")
    assert (zone["signed_count"], zone["signed_total_wan_cny"]) == (8, "411000")
    assert (zone["pipeline_count"], zone["pipeline_total_wan_cny"]) == (28, "2300000")
    names = [u["unit"] for u in figures["by_unit"]]
    assert names == sorted(names)

    code, out, _ = run(
        capsys,
        "figures",
        str(hq),
        "--from",
        "2023-01-01",
        "--to",
        "2023-07-31",
        "--unit",
        "开发区",
        "--json",
    )
    only = json.loads(out)
    assert only["unit"] == "开发区" and only["signed"]["count"] == 8
    assert [u["unit"] for u in only["by_unit"]] == ["开发区"]


def test_export_then_import_again_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = tmp_path / "hq.zsdb"
    run(capsys, "init", str(hq), "--hq", "市招商中心")
    run(capsys, "import-ledger", str(hq), str(LEDGER))
    before = run(
        capsys, "figures", str(hq), "--from", "2023-01-01", "--to", "2023-07-31", "--json"
    )[1]
    out_csv = tmp_path / "台账.csv"
    assert run(capsys, "export-ledger", str(hq), str(out_csv))[0] == 0
    code, out, _ = run(capsys, "import-ledger", str(hq), str(out_csv))
    assert code == 0 and "新建项目0个" in out
    after = run(capsys, "figures", str(hq), "--from", "2023-01-01", "--to", "2023-07-31", "--json")[
        1
    ]
    assert after == before


def test_pdfs_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = tmp_path / "demo.zsdb"
    assert run(capsys, "demo", str(demo))[0] == 0
    brief = tmp_path / "brief.pdf"
    code, out, _ = run(
        capsys,
        "brief",
        str(demo),
        "--from",
        "2023-01-01",
        "--to",
        "2023-07-31",
        "--issue",
        "7",
        "--out",
        str(brief),
    )
    assert code == 0 and "第7期" in out and brief.stat().st_size > 10000
    daya = tmp_path / "daya.pdf"
    assert (
        run(capsys, "project-brief", str(demo), "大亚新能源材料建设项目", "--out", str(daya))[0]
        == 0
    )
    listing = tmp_path / "listing.pdf"
    code, out, _ = run(
        capsys, "listing", str(demo), "--stage", "在谈", "--unit", "开发区", "--out", str(listing)
    )
    assert code == 0 and listing.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("figures", "{missing}", "--from", "2023-01-01", "--to", "2023-07-31"), "文件不存在"),
        (("figures", "{file}", "--from", "2023-08-01", "--to", "2023-07-31"), "晚于截止日期"),
        (
            ("figures", "{file}", "--from", "2023-01-01", "--to", "2023-07-31", "--unit", "火星办"),
            "没有名为“火星办”的单位",
        ),
        (("init", "{file}", "--unit", "上海驻点招商办"), "已存在"),
        (("import-ledger", "{file}", "{bad_ledger}"), "未导入任何数据"),
        (
            ("brief", "{file}", "--from", "2023-01-01", "--to", "2023-07-31", "--out", "{txt}"),
            ".pdf 结尾",
        ),
        (("project-brief", "{file}", "不存在的项目", "--out", "{pdf}"), "找不到项目"),
        (("listing", "{file}", "--stage", "洽谈中", "--out", "{pdf}"), "未知的项目阶段"),
        (
            ("figures", "{text_file}", "--from", "2023-01-01", "--to", "2023-07-31"),
            "不是招商台账数据文件",
        ),
        (("listing", "{file}", "--out", "{folder}"), "不是文件夹"),
        (("export-ledger", "{file}", "{folder}"), "不是文件夹"),
    ],
)
def test_failures_exit_non_zero_with_one_clear_line_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    unit = tmp_path / "unit.zsdb"
    run(capsys, "init", str(unit), "--unit", "上海驻点招商办")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "项目名称,投资方,内外资,项目阶段\n测试项目,某公司,内资,洽谈中\n", encoding="utf-8"
    )
    text_file = tmp_path / "notes.zsdb"
    text_file.write_text("hello" * 100)
    (tmp_path / "folder.pdf").mkdir()
    names = {
        "folder": str(tmp_path / "folder.pdf"),
        "file": str(unit),
        "missing": str(tmp_path / "nope.zsdb"),
        "bad_ledger": str(bad),
        "txt": str(tmp_path / "out.txt"),
        "pdf": str(tmp_path / "out.pdf"),
        "text_file": str(text_file),
    }
    before = sorted(p.name for p in tmp_path.iterdir())
    unit_bytes = unit.read_bytes()
    code, _out, err = run(capsys, *(a.format(**names) for a in argv))
    assert code != 0
    first = err.strip().splitlines()[0]
    assert message in first and "Error" in first
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert unit.read_bytes() == unit_bytes


def test_check_reads_every_value_of_a_large_file_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import sqlite3

    import db.store.schema
    import db.store.unit_file
    from db.records.files import create_unit_file
    from tests.factories import make_project

    path = tmp_path / "u.zsdb"
    store = create_unit_file(path, "开发区", kind="开发区")
    with store.bound():
        make_project(name="好项目")
        make_project(name="坏项目")
    store.close()
    code, out, err = run(capsys, "check", str(path))
    assert code == 0 and "检查通过" in out and not err

    conn = sqlite3.connect(path)
    conn.execute("UPDATE project SET total_investment = 'abc' WHERE name = '坏项目'")
    conn.commit()
    conn.close()
    # As if the file were above the size whose values are all read at each open.
    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    beside = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run(capsys, "check", str(path))
    assert code != 0 and not out
    assert "坏项目" in err and "'abc'" in err and str(path) in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == beside


def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path: Path) -> None:
    """`zhaoshang figures --json | head -c 20`, with head gone before the first byte
    is written (so the write meets a closed pipe for certain): no traceback, exit 0."""
    import os
    import subprocess
    import sys

    demo = tmp_path / "demo.zsdb"
    assert main(["demo", str(demo)]) == 0
    reader, writer = os.pipe()
    os.close(reader)
    try:
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop.cli",
                "figures",
                str(demo),
                "--from",
                "2023-01-01",
                "--to",
                "2023-07-31",
                "--json",
            ],
            cwd=ROOT,
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert child.returncode == 0, child.stderr.decode()
    assert child.stderr == b""
