"""`zhaoshang brief`, `project-brief` and `listing` with the date they are signed on."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.reports.pdf_tools import info, pdf_text


def test_the_signing_date_and_its_years_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.zsdb"
    assert main(["demo", str(demo)]) == 0
    brief = tmp_path / "brief.pdf"
    args = ["brief", str(demo), "--from", "2023-07-01", "--to", "2023-07-31", "--out", str(brief)]
    assert main([*args, "--date", "2023-08-05"]) == 0
    assert "第7期" in capsys.readouterr().out
    text = pdf_text(brief)
    assert text.startswith("招商工作简报第7期市招商中心2023年8月5日")
    assert info(brief)["Subject"] == "招商工作简报：2023年7月招商引资工作情况（2023年8月5日签发）"
    # Signed in the next year, the briefing is that year's first issue.
    assert main([*args, "--date", "2024-01-08"]) == 0
    assert "第1期" in capsys.readouterr().out
    assert "2024年1月8日" in pdf_text(brief)

    daya = tmp_path / "daya.pdf"
    assert (
        main(
            [
                "project-brief",
                str(demo),
                "大亚新能源材料建设项目",
                "--date",
                "2024-03-01",
                "--out",
                str(daya),
            ]
        )
        == 0
    )
    assert "是开发区2023年新签约的重大项目之一" in pdf_text(daya)
    listing = tmp_path / "listing.pdf"
    only = ["--stage", "投产", "--date", "2023-08-05", "--out", str(listing)]
    assert main(["listing", str(demo), *only]) == 0
    assert "市招商中心2023年8月5日阶段：投产共2个项目" in pdf_text(listing)
    with pytest.raises(SystemExit) as refused:
        main([*args, "--date", "2023-02-30"])
    assert refused.value.code != 0
    assert "日期应为 YYYY-MM-DD" in capsys.readouterr().err
