"""The largest ledger accepted (db.io.ledger.limits): every limit refused before any
work, with its row and column, and the unit file byte for byte as it was; damaged
and hostile .xlsx files refused with a message; a ledger at every limit prints
(`zhaoshang brief`, `listing`, `project-brief`) and exports."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import db.io.ledger.read as ledger_read
import db.io.ledger.xlsx as ledger_xlsx
from db.errors import UserError
from db.io.ledger.importing import import_ledger
from db.io.ledger.limits import CELL_LENGTH, MAX_COLUMNS, MAX_RANGE, SHORT_TEXT, cell_length
from db.io.ledger.template import COLUMNS, LedgerImportError
from db.records.files import create_hq_file
from db.store.models import Project
from db.store.unit_file import Store
from desktop.cli import main as zhaoshang
from tests.db.test_ledger_import import credit, ledger_row, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def file_bytes(store: Store) -> bytes:
    """The unit file and its write-ahead log, as they are on disk."""
    wal = store.path.with_name(store.path.name + "-wal")
    return store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def untouched(unit_file: Store) -> Iterator[Store]:
    """The unit file, checked to be byte for byte the same when the test ends."""
    before = file_bytes(unit_file)
    yield unit_file
    assert file_bytes(unit_file) == before


def refused(path: Path) -> list[str]:
    with pytest.raises(LedgerImportError) as error:
        import_ledger(path)
    return [str(p) for p in error.value.problems]


# -- cells ----------------------------------------------------------------------------


TEXT_COLUMNS = [c for c in COLUMNS if c in CELL_LENGTH] + ["来源地", "信息来源", "建设性质"]


def test_a_text_longer_than_its_column_is_refused_with_row_and_column(
    untouched: Store, tmp_path: Path
) -> None:
    rows = [ledger_row(**{column: "长" * (cell_length(column) + 1)}) for column in TEXT_COLUMNS]
    path = write_csv(tmp_path / "台账.csv", [ledger_row(), *rows])
    assert refused(path) == [
        f"第{row}行“{column}”:最多{cell_length(column)}个字符,"
        f"此格有{cell_length(column) + 1}个字符,请删减"
        for row, column in enumerate(TEXT_COLUMNS, start=3)
    ]


def test_a_csv_cell_beyond_the_csv_modules_own_limit_is_named(
    untouched: Store, tmp_path: Path
) -> None:
    # csv refuses a field over 131,072 characters by itself, without row or column.
    path = write_csv(tmp_path / "台账.csv", [ledger_row(), ledger_row(备注="备" * 300_000)])
    assert refused(path) == ["第3行“备注”:最多300个字符,此格有300000个字符,请删减"]


CONTROLS = [
    ("电池\x00箔", "控制字符 U+0000(第3个字符)"),
    ("电池\x07箔", "控制字符 U+0007(第3个字符)"),
    ("\x1b[31m电池箔", "控制字符 U+001B(第1个字符)"),
    ("电池箔\ufffe", "控制字符 U+FFFE(第4个字符)"),
    ("电池箔\x85项目", "控制字符 U+0085(第4个字符)"),
    ("电池箔\n项目", "换行或制表符(第4个字符)"),
]


def test_a_control_character_is_refused_with_row_and_column(
    untouched: Store, tmp_path: Path
) -> None:
    # A CSV, since openpyxl cannot even write most of these to an .xlsx.
    rows = [ledger_row(项目名称=text) for text, _ in CONTROLS]
    assert refused(write_csv(tmp_path / "台账.csv", rows)) == [
        f"第{row}行“项目名称”:含有{shown},请删去后重新导入"
        for row, (_, shown) in enumerate(CONTROLS, start=2)
    ]


def test_line_breaks_are_kept_in_the_long_texts(unit_file: Store, tmp_path: Path) -> None:
    text = "新建厂房5.3万平方米;\n\t建设生产线10条"
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", [ledger_row(建设内容及规模=text, 备注=text)]))
    project = Project.get()
    assert (project.content, project.remarks) == (text, text)


OUT_OF_RANGE = [
    ("总投资(万元)", "9300000000000"),  # above what the file's integers hold
    ("总投资(万元)", "100000000.01"),  # the form's limit: 1万亿元
    ("总投资(万元)", 1e300),
    ("预计年销售(万元)", "1e20"),
    ("预计年税收(万元)", "超9300000000000"),
    ("用地(亩)", "9300000000000"),
    ("用地(亩)", 1000001),
    ("建筑面积(平方米)", "1e15"),
    ("新增就业(人)", "9300000000000000000"),
    ("新增就业(人)", "1000001以上"),
]


def test_a_figure_out_of_range_is_refused_with_row_and_column(
    untouched: Store, tmp_path: Path
) -> None:
    rows = [ledger_row(**{column: value}) for column, value in OUT_OF_RANGE]
    problems = refused(write_xlsx(tmp_path / "台账.xlsx", [ledger_row(), *rows]))
    assert len(problems) == len(OUT_OF_RANGE)
    for row, ((column, _), problem) in enumerate(zip(OUT_OF_RANGE, problems, strict=True), 3):
        assert problem.startswith(f"第{row}行“{column}”:过大(最多"), problem


def test_a_foreign_amount_has_the_same_range_in_dollars(untouched: Store, tmp_path: Path) -> None:
    row = ledger_row(内外资="外资", **{"总投资(万元)": None, "总投资(万美元)": "100000001"})
    assert refused(write_csv(tmp_path / "台账.csv", [row])) == [
        "第2行“总投资(万美元)”:过大(最多1亿万美元),请确认单位是万美元而不是美元,收到 100000001"
    ]


def test_the_ranges_are_the_project_forms(unit_file: Store) -> None:
    from db.records.projects import _MAX_WAN

    assert MAX_RANGE["总投资(万元)"] == MAX_RANGE["预计年税收(万元)"] == _MAX_WAN


def test_thousands_separators_as_people_type_them(unit_file: Store, tmp_path: Path) -> None:
    typed = ["1，250.5", "1,250.5", "1 250.5", "1\u3000250.5"]
    rows = [ledger_row(项目名称=f"项目{i}", **{"总投资(万元)": t}) for i, t in enumerate(typed)]
    import_ledger(write_csv(tmp_path / "台账.csv", rows))
    assert [p.total_investment for p in Project.select()] == [Decimal("1250.5")] * 4


# -- rows and columns --------------------------------------------------------------


def test_rows_beyond_the_limit_are_refused_at_the_first_one(
    untouched: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_read, "MAX_ROWS", 3)
    rows = [ledger_row(项目名称=f"项目{i}") for i in range(5)]
    assert refused(write_csv(tmp_path / "台账.csv", rows)) == [
        "第5行:台账最多3行项目,请分成几个文件导入(此行及以下未读取)"
    ]


def test_cells_beyond_the_last_column_are_refused(untouched: Store, tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow([ledger_row()[c] for c in COLUMNS])
        writer.writerow([*(ledger_row()[c] for c in COLUMNS), *[""] * MAX_COLUMNS, "多余"])
    assert refused(path) == [f"第3行:超过{MAX_COLUMNS}列,请删去表格右侧多余的列"]


def test_a_file_above_the_size_limit_is_refused_unread(
    untouched: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_read, "MAX_FILE_BYTES", 1000)
    path = write_csv(tmp_path / "台账.csv", [ledger_row(备注="备" * 200)] * 3)
    with pytest.raises(UserError, match="超过上限"):
        import_ledger(path)


# -- damaged and hostile .xlsx files ------------------------------------------------


def good_xlsx(path: Path, **values: Any) -> Path:
    return write_xlsx(path, [ledger_row(**values)])


def rewrite_member(path: Path, name: str, change: Any) -> Path:
    """A copy of the workbook with one member's bytes changed by ``change``."""
    out = path.with_name("改过的" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            data = source.read(member)
            copy.writestr(member, change(data) if member.filename == name else data)
    return out


def _flip_compressed_bytes(path: Path) -> Path:
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    start = member.header_offset + 30 + len(member.filename) + len(member.extra) + 10
    for i in range(start, start + 40):
        raw[i] ^= 0x5A
    out = path.with_name("翻转.xlsx")
    out.write_bytes(bytes(raw))
    return out


def _understate_size(path: Path) -> Path:
    """The sheet's directory entries claim it inflates to 100 bytes (a zip bomb's lie)."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    size = member.file_size.to_bytes(4, "little")
    small = (100).to_bytes(4, "little")
    count = 0
    for offset in [m.start() for m in re.finditer(re.escape(size), bytes(raw))]:
        raw[offset : offset + 4] = small
        count += 1
    assert count == 2  # the local header and the central directory
    out = path.with_name("少报.xlsx")
    out.write_bytes(bytes(raw))
    return out


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _unknown_version(path: Path) -> Path:
    """The first member needs a zip version from the future (10.8) to be read."""
    raw = bytearray(path.read_bytes())
    entry = raw.index(b"PK\x01\x02")  # the central directory's first entry
    raw[entry + 6 : entry + 8] = (108).to_bytes(2, "little")
    return _written(path.with_name("版本.xlsx"), bytes(raw))


def _patched_data(path: Path) -> Path:
    """The sheet's flags say "compressed patched data", which zipfile cannot read."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    raw[member.header_offset + 6] |= 0x20  # the local header's flags
    name = member.filename.encode()
    entries = [m.start() for m in re.finditer(b"PK\x01\x02", bytes(raw))]
    (entry,) = [e for e in entries if raw[e + 46 : e + 46 + len(name)] == name]
    raw[entry + 8] |= 0x20  # and the directory's
    return _written(path.with_name("补丁.xlsx"), bytes(raw))


DAMAGE = {
    "a zip version from the future": _unknown_version,
    "patched data": _patched_data,
    "truncated": lambda p: _written(p.with_name("截断.xlsx"), p.read_bytes()[:1500]),
    "not a zip": lambda p: _written(p.with_name("假的.xlsx"), b"\xd0\xcf\x11\xe0" + b"\0" * 600),
    "bytes flipped in the compressed sheet": _flip_compressed_bytes,
    "a member larger than its directory says": _understate_size,
    "XML cut short": lambda p: rewrite_member(
        p, "xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2]
    ),
    "XML that is not XML": lambda p: rewrite_member(
        p, "xl/worksheets/sheet1.xml", lambda d: b"<worksheet><sheetData><row r='1'><c r="
    ),
    "no workbook part": lambda p: rewrite_member(p, "xl/workbook.xml", lambda d: b"garbage"),
}


def test_a_damaged_xlsx_is_refused_with_a_message(untouched: Store, tmp_path: Path) -> None:
    good = good_xlsx(tmp_path / "台账.xlsx")
    for damage, make in DAMAGE.items():
        with pytest.raises(UserError) as error:
            import_ledger(make(good))
        assert "无法读取 Excel 文件" in error.value.zh, (damage, error.value.zh)


def test_shared_strings_above_the_limit_are_refused_before_inflating(
    untouched: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = "<sst><si><t>" + "备" * 300 + "</t></si></sst>"
    path = tmp_path / "台账.xlsx"
    with (
        zipfile.ZipFile(good_xlsx(tmp_path / "原.xlsx")) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for member in source.infolist():
            copy.writestr(member, source.read(member))
        copy.writestr("xl/sharedStrings.xml", texts)

    def inflating(*_args: object) -> None:
        raise AssertionError("inflated a member before reading the directory")

    monkeypatch.setattr(ledger_xlsx, "MAX_SHARED_STRINGS_BYTES", 500)
    monkeypatch.setattr(ledger_xlsx, "_inflated", inflating)
    with pytest.raises(UserError, match=r"文字表\(sharedStrings\)解压后"):
        import_ledger(path)


def test_a_workbook_as_spreadsheets_write_it_is_read_by_the_fast_reader(
    unit_file: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl's workbook (its theme says dir="t") is read by python-calamine."""

    def slow(_path: Path) -> Iterator[Any]:
        raise AssertionError("read by the slower reader")
        yield

    monkeypatch.setattr(ledger_xlsx, "_openpyxl_sheets", slow)
    assert import_ledger(good_xlsx(tmp_path / "台账.xlsx")).value.created == 1


def test_a_sheet_whose_cells_state_no_position_is_read_all_the_same(
    unit_file: Store, tmp_path: Path
) -> None:
    """Some writers leave out r="A1": the slower reader, which needs no positions."""
    row = ledger_row(项目名称="无坐标项目")
    filled = [c for c in COLUMNS if row[c] is not None]  # no empty cell to skip
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(filled)
    sheet.append([row[c] for c in filled])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)
    unplaced = rewrite_member(
        path, "xl/worksheets/sheet1.xml", lambda d: re.sub(rb'<c r="[A-Z]+\d+"', b"<c", d)
    )
    assert import_ledger(unplaced).value.created == 1
    assert Project.get().name == "无坐标项目"


@pytest.mark.parametrize(
    ("xml", "placed"),
    [
        (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>', True),
        (b'<cols><col min="1" max="2"/></cols><c r="A1"><v>1</v></c>', True),
        (b'<conditionalFormatting><cfRule type="x"/></conditionalFormatting>', True),
        (b'<row r="1"><c><v>1</v></c></row>', False),
        (b'<row r="1"><c/></row>', False),
        (b'<row r="1"><c t="s" r="A1"><v>0</v></c></row>', False),  # position not first
        (b'<row r="1"><c  r="A1"><v>0</v></c></row>', False),
        (b'<row r="1"><c\tr="A1"><v>0</v></c></row>', False),
        (b'<row r="1"><c\nr="A1"><v>0</v></c></row>', False),
        (b'<row r="1"><c r="A1"/><c>', False),
    ],
)
def test_a_cell_that_does_not_begin_with_its_position_is_found(xml: bytes, placed: bool) -> None:
    """The fast reader gets a sheet only when every cell element begins with r="…"."""
    scan = ledger_xlsx._Scan()
    member = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    ledger_xlsx._scan_piece(Path("台账.xlsx"), member, xml, scan)
    assert scan.unplaced is not placed


def test_a_cell_far_beyond_the_limits_is_refused_before_a_reader_allocates_it(
    tmp_path: Path,
) -> None:
    """A 5 KB file with one cell at XFD1048576: a reader that allocates the grid up to
    it aborts the process.  In a process of its own, so that the suite survives."""
    unit = tmp_path / "unit.zsdb"
    assert zhaoshang(["init", str(unit), "--unit", "上海驻点招商办"]) == 0
    path = good_xlsx(tmp_path / "台账.xlsx")
    far = rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
        ),
    )
    before = unit.read_bytes()
    began = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "import-ledger", str(unit), str(far)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "1048576" in result.stderr and "超出台账的范围" in result.stderr
    assert time.monotonic() - began < 60
    assert unit.read_bytes() == before


# -- a ledger at every limit prints and exports -------------------------------------


# Text of every kind a line breaker meets: Chinese, a word without spaces, digits,
# Chinese with punctuation, wide letters, a run of 、 no line may start with, brackets.
KINDS = ["鑫", "A", "1", "大亚新能源材料、", "W", "、", "（"]


def at_the_limit(kind: str, column: str) -> str:
    limit = cell_length(column)
    return (kind * limit)[:limit]


def largest_rows() -> list[dict[str, Any]]:
    rows = []
    for i, kind in enumerate(KINDS, start=1):
        texts = {c: at_the_limit(kind, c) for c in TEXT_COLUMNS}
        foreign = i % 3 == 0
        rows.append(
            ledger_row(
                **texts,
                项目编号=f"P{i}".ljust(SHORT_TEXT, "X"),
                统一社会信用代码=credit(i),
                内外资="外资" if foreign else "内资",
                项目阶段="中止" if i % 2 else "投产",
                开工日期="2023-06-01",
                投产日期="2023-08-30",
                **{
                    "总投资(万元)": None if foreign else "100000000",
                    "总投资(万美元)": "99999999.999999" if foreign else None,
                    "用地(亩)": "1000000",
                    "建筑面积(平方米)": "100000000",
                    "预计年销售(万元)": "约100000000",
                    "预计年税收(万元)": "超100000000",
                    "新增就业(人)": "1000000以上",
                },
            )
        )
    return rows


def test_a_ledger_at_every_limit_prints_and_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = tmp_path / "hq.zsdb"
    create_hq_file(hq, "市招商中心").close()
    ledger = write_csv(tmp_path / "最大台账.csv", largest_rows())

    def run(*args: str | Path) -> None:
        code = zhaoshang([str(a) for a in args])
        assert code == 0, capsys.readouterr().err

    run("import-ledger", hq, ledger)
    run("brief", hq, "--from", "2023-01-01", "--to", "2023-12-31", "--out", tmp_path / "简报.pdf")
    run("listing", hq, "--out", tmp_path / "清单.pdf")
    for i in range(1, len(KINDS) + 1):
        code = f"P{i}".ljust(SHORT_TEXT, "X")
        run("project-brief", hq, code, "--out", tmp_path / f"项目{i}.pdf")
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"导出{suffix}"
        run("export-ledger", hq, out)
        again = tmp_path / f"再导入{suffix}.zsdb"
        create_hq_file(again, "市招商中心").close()
        run("import-ledger", again, out)
    assert "新建项目7个" in capsys.readouterr().out
