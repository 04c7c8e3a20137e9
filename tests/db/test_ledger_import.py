"""Importing the ledger spreadsheet (台账): reading .xlsx/.csv, every problem reported
with its row and column, all or nothing, upsert by 项目编号, and the round trip."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from db.errors import UserError
from db.io.ledger import write as ledger_write
from db.io.ledger.export import export_ledger, ledger_rows
from db.io.ledger.importing import ImportCancelled, import_ledger, import_rows
from db.io.ledger.read import read_ledger
from db.io.ledger.template import COLUMNS, DROPPED_REASON, LedgerImportError, header_key
from db.reads.units import unit_named
from db.records.files import create_hq_file
from db.records.investors import find_or_create_investor
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.credit_code import check_character
from db.rules.stages import live_events
from db.rules.vocabulary import Stage
from db.store.models import Investor, Project, StageEvent, Unit
from db.store.unit_file import Store
from tests.factories import fail_after_the_first_chunk

OWN_UNIT = "上海驻点招商办"


def credit(serial: int) -> str:
    """A valid 统一社会信用代码 (invented: 9132 江苏, MA + a serial)."""
    first17 = f"91321100MA{serial:07d}"
    return first17 + check_character(first17)


def ledger_row(**values: Any) -> dict[str, Any]:
    """A row as a person types it: a signed domestic project, overridden by ``values``
    (keys are the headers, with 万元/万美元 etc. spelled as in COLUMNS)."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        {
            "项目名称": "电池箔项目",
            "投资方": "江苏大亚新材料有限公司",
            "统一社会信用代码": credit(1),
            "来源地": "江苏镇江",
            "内外资": "内资",
            "总投资(万元)": 30000,
            "行业代码": "32",
            "产业类别": "新材料",
            "项目阶段": "签约",
            "首次对接日期": date(2023, 3, 1),
            "签约日期": date(2023, 5, 20),
        }
    )
    row.update(values)
    return row


def write_xlsx(path: Path, rows: list[dict[str, Any]], *, title: str | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title is not None:
        sheet.append([title])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(column) for column in COLUMNS])
    workbook.save(path)
    return path


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, rows: list[dict[str, Any]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_csv_cell(row.get(column)) for column in COLUMNS])
    return path


def project(name: str) -> Project:
    found: Project = Project.live().where(Project.name == name).get()
    return found


def events_of(name: str) -> list[tuple[Stage, date]]:
    return [(Stage(e.stage), e.date) for e in live_events(project(name))]


def counts() -> tuple[int, ...]:
    """Rows of every kind an import writes, tombstones included."""
    return tuple(model.select().count() for model in (Project, Investor, StageEvent, Unit))


def problems_of(rows: list[dict[str, Any]], tmp_path: Path) -> list[str]:
    """Import ``rows`` from an .xlsx (header on row 1, data from row 2) and return the
    problems, checking that nothing was kept."""
    before = counts()
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    with pytest.raises(LedgerImportError) as refused:
        import_ledger(path)
    assert counts() == before
    return [str(p) for p in refused.value.problems]


# -- reading the files offices keep ---------------------------------------------------


@pytest.mark.parametrize(
    ("header", "column"),
    [
        (" 项目名称 ", "项目名称"),
        ("项目名称*", "项目名称"),
        ("项目 阶段＊", "项目阶段"),
        ("总投资（万元）", "总投资(万元)"),
        ("总投资(万美元) *", "总投资(万美元)"),
        ("建筑面积（平方米）", "建筑面积(平方米)"),
    ],
)
def test_headers_are_read_as_typed(header: str, column: str) -> None:
    assert header_key(header) == column


def test_xlsx_with_title_row_date_cells_and_text_dates(unit_file: Store, tmp_path: Path) -> None:
    headers = ["序号", *COLUMNS]
    headers[headers.index("总投资(万元)")] = "总投资（万元）*"
    headers[headers.index("项目名称")] = " 项目名称* "
    rows = [
        ledger_row(项目名称="日期单元格项目", 签约日期=datetime(2023, 7, 31)),
        ledger_row(项目名称="斜杠日期项目", 首次对接日期="2023/3/1", 签约日期="2023/7/31"),
        ledger_row(项目名称="圆点日期项目", 首次对接日期="2023.3.1", 签约日期="2023.7.31"),
        ledger_row(项目名称="中文日期项目", 首次对接日期="2023年3月1日", 签约日期="2023年7月31日"),
    ]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["上海驻点招商办项目台账(截至2023年7月底)"])
    sheet.append(headers)
    sheet.append([1, *(rows[0][c] for c in COLUMNS)])
    sheet.append([])  # an empty row between projects
    for serial, row in enumerate(rows[1:], start=2):
        sheet.append([serial, *(row[c] for c in COLUMNS)])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)

    assert [number for number, _ in read_ledger(path)] == [3, 5, 6, 7]
    result = import_ledger(path).value

    assert (result.created, result.updated, result.units_created) == (4, 0, ())
    for row in rows:
        assert events_of(str(row["项目名称"])) == [
            (Stage.TALKS, date(2023, 3, 1)),
            (Stage.SIGNED, date(2023, 7, 31)),
        ]
        imported = project(str(row["项目名称"]))
        assert imported.stage == Stage.SIGNED
        assert imported.total_investment == Decimal(30000)
        assert imported.unit.name == OWN_UNIT


def test_the_ledger_sheet_may_follow_a_sheet_of_notes(unit_file: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["日期请写作 2023-07-31;总投资单位为万元"])
    ledger = workbook.create_sheet("项目台账")
    ledger.append(list(COLUMNS))
    ledger.append([ledger_row()[c] for c in COLUMNS])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)

    assert import_ledger(path).value.created == 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_and_gb18030(
    unit_file: Store, tmp_path: Path, encoding: str
) -> None:
    rows = [
        ledger_row(项目名称="眼镜光学镜片项目", 备注="镜片、镜架"),
        ledger_row(
            项目名称="外资电子元件项目",
            投资方="韩国三星电子株式会社",
            统一社会信用代码=None,
            来源地="韩国",
            内外资="外资",
            **{"总投资(万元)": None, "总投资(万美元)": "1,250.5"},
        ),
    ]
    path = write_csv(tmp_path / "台账.csv", rows, encoding)
    if encoding == "gb18030":
        assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")

    import_ledger(path)

    assert project("眼镜光学镜片项目").remarks == "镜片、镜架"
    foreign = project("外资电子元件项目")
    assert (foreign.capital, foreign.total_investment) == ("foreign", Decimal("1250.5"))
    assert foreign.investor.origin == "韩国"


def test_numeric_cells_are_read_as_people_type_them(unit_file: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "台账.xlsx",
        [
            ledger_row(
                项目编号=2023001,
                行业代码=5,
                **{
                    "总投资(万元)": 7.06,
                    "用地(亩)": 85.5,
                    "建筑面积(平方米)": "53,000",
                    "新增就业(人)": 120.0,
                },
            ),
            ledger_row(项目名称="汽车零部件项目", 行业代码="36", **{"总投资(万元)": 260690.5}),
        ],
    )
    import_ledger(path)

    first = project("电池箔项目")
    assert (first.code, first.industry_code) == ("2023001", "05")
    assert first.total_investment == Decimal("7.06")
    assert (first.land_mu, first.floor_area_m2, first.new_jobs) == (
        Decimal("85.5"),
        Decimal(53000),
        120,
    )
    assert project("汽车零部件项目").total_investment == Decimal("260690.5")


# -- every problem, with row, column and reason ----------------------------------------


BAD_CODE = credit(7)[:-1] + ("0" if credit(7)[-1] != "0" else "1")


@pytest.mark.parametrize(
    ("values", "column", "reason"),
    [
        ({"项目阶段": "洽谈中"}, "项目阶段", "应为 线索/在谈/签约/开工/投产/中止"),
        ({"签约日期": "2023-02-30"}, "签约日期", "不是有效日期"),
        ({"签约日期": "上个月"}, "签约日期", "日期应写作 YYYY-MM-DD"),
        (
            {"项目阶段": "开工", "签约日期": date(2023, 5, 1), "开工日期": date(2023, 4, 1)},
            "签约日期",
            "签约日期 2023-05-01 晚于开工日期 2023-04-01",
        ),
        ({"总投资(万元)": -5}, "总投资(万元)", "不能为负数"),
        ({"总投资(万元)": "约两亿"}, "总投资(万元)", "应为数字"),
        ({"总投资(万元)": "1.1234567"}, "总投资(万元)", "最多6位小数"),
        ({"总投资(万美元)": 1000}, "总投资(万美元)", "应留空"),
        ({"总投资(万元)": None}, "总投资(万元)", "内资项目须填写“总投资(万元)”"),
        ({"内外资": "外资"}, "总投资(万美元)", "外资项目须填写“总投资(万美元)”"),
        ({"统一社会信用代码": BAD_CODE}, "统一社会信用代码", "校验位错误"),
        ({"统一社会信用代码": "91320000123"}, "统一社会信用代码", "应为18位"),
        ({"行业代码": "98"}, "行业代码", "两位大类代码"),
        ({"行业代码": "C36"}, "行业代码", "两位大类代码"),
        ({"行业代码": "٣٦"}, "行业代码", "两位大类代码"),  # digits to str.isdigit, not codes
        (
            {"项目阶段": "在谈", "签约日期": None, "开工日期": date(2023, 6, 1)},
            "开工日期",
            "不应有开工日期",
        ),
        ({"签约日期": None}, "签约日期", "项目阶段为“签约”,须填写签约日期"),
        ({"项目阶段": "在谈", "签约日期": None, "首次对接日期": None}, "首次对接日期", "须填写"),
        ({"项目阶段": "投产", "开工日期": date(2023, 6, 1)}, "投产日期", "须填写投产日期"),
        ({"新增就业(人)": "12.5"}, "新增就业(人)", "应为整数"),
        ({"用地(亩)": -1}, "用地(亩)", "不能为负数"),
        ({"内外资": "合资"}, "内外资", "应为“内资”或“外资”"),
        ({"项目名称": "  "}, "项目名称", "请填写项目名称"),
        ({"投资方": None}, "投资方", "请填写投资方"),
        ({"责任单位": "深圳驻点招商办"}, "责任单位", "不能导入其他单位"),
    ],
)
def test_a_bad_cell_is_reported_with_row_column_and_reason(
    unit_file: Store, tmp_path: Path, values: dict[str, Any], column: str, reason: str
) -> None:
    good = ledger_row(项目名称="没有问题的项目")
    problems = problems_of([good, ledger_row(**values)], tmp_path)
    assert any(p.startswith(f"第3行“{column}”:") and reason in p for p in problems), problems
    assert not any(p.startswith("第2行") for p in problems)


def test_every_problem_is_reported_and_nothing_is_imported(
    unit_file: Store, tmp_path: Path
) -> None:
    rows = [
        ledger_row(项目名称="好项目"),
        ledger_row(项目阶段="签了", **{"总投资(万元)": "三亿"}),
        ledger_row(项目名称="好项目二"),
        ledger_row(签约日期="2023-13-01"),
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    with pytest.raises(LedgerImportError) as refused:
        import_ledger(path)

    error = refused.value
    assert [(p.row, p.column) for p in error.problems] == [
        (3, "总投资(万元)"),
        (3, "项目阶段"),
        (5, "签约日期"),
    ]
    assert error.zh.startswith("台账有3处问题,未导入任何数据:第3行“总投资(万元)”:应为数字")
    assert "第5行“签约日期”" in error.zh
    assert Project.select().count() == 0


def test_duplicate_code_is_a_problem_on_the_later_row(unit_file: Store, tmp_path: Path) -> None:
    rows = [
        ledger_row(项目编号="SH2023001"),
        ledger_row(项目编号="SH2023002", 项目名称="另一个项目"),
        ledger_row(项目编号="SH2023001", 项目名称="第三个项目"),
    ]
    assert problems_of(rows, tmp_path) == ["第4行“项目编号”:项目编号“SH2023001”与第2行重复"]


def test_missing_required_header_is_one_problem(unit_file: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["项目台账"])
    sheet.append([c for c in COLUMNS if c not in ("项目阶段", "内外资")])
    sheet.append(["X1", "某项目", "某公司"])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)

    with pytest.raises(LedgerImportError) as refused:
        import_ledger(path)
    assert [str(p) for p in refused.value.problems] == [
        "第2行:缺少必填列:内外资、项目阶段(请对照台账模板)"
    ]


def test_a_file_without_the_template_header_is_refused(unit_file: Store, tmp_path: Path) -> None:
    path = tmp_path / "通讯录.csv"
    path.write_text("姓名,电话\n张三,13800000000\n", encoding="utf-8")
    with pytest.raises(LedgerImportError) as refused:
        import_ledger(path)
    (problem,) = refused.value.problems
    assert "找不到表头" in str(problem)


@pytest.mark.parametrize("name", ["台账.xls", "台账.pdf"])
def test_other_formats_are_refused(unit_file: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"not a ledger")
    with pytest.raises(UserError, match=r"只能导入 \.xlsx 或 \.csv"):
        import_ledger(path)


def test_a_failure_while_writing_keeps_nothing(
    hq_file: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ledger_row(项目名称=f"项目{i}", 责任单位=unit, 统一社会信用代码=credit(i))
        for i, unit in enumerate(["开发区", "丹北镇", "司徒镇", "开发区"], start=1)
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    before = counts()
    monkeypatch.setattr(ledger_write, "CHUNK", 2)
    written = fail_after_the_first_chunk(monkeypatch)
    with pytest.raises(RuntimeError):
        import_ledger(path)

    assert written == [2]  # two projects, their investors and events were written
    assert counts() == before
    monkeypatch.undo()
    assert import_ledger(path).value.created == 4


# -- what the import writes ---------------------------------------------------------


def test_stage_dates_become_events(unit_file: Store) -> None:
    rows = [
        ledger_row(项目名称="线索项目", 项目阶段="线索", 签约日期=None),
        ledger_row(项目名称="线索有日期", 项目阶段="线索", 签约日期=None),
        ledger_row(项目名称="在谈项目", 项目阶段="在谈", 签约日期=None),
        ledger_row(
            项目名称="投产项目",
            项目阶段="投产",
            开工日期=date(2023, 6, 1),
            投产日期=date(2024, 3, 1),
        ),
    ]
    rows[0]["首次对接日期"] = None
    import_rows(list(enumerate(rows, start=2)), "台账.xlsx")

    assert events_of("线索项目") == []
    assert project("线索项目").stage == Stage.LEAD
    assert events_of("线索有日期") == [(Stage.LEAD, date(2023, 3, 1))]
    assert events_of("在谈项目") == [(Stage.TALKS, date(2023, 3, 1))]
    assert events_of("投产项目") == [
        (Stage.TALKS, date(2023, 3, 1)),
        (Stage.SIGNED, date(2023, 5, 20)),
        (Stage.STARTED, date(2023, 6, 1)),
        (Stage.PRODUCING, date(2024, 3, 1)),
    ]
    assert project("投产项目").stage == Stage.PRODUCING


def test_a_dropped_row_is_dropped_on_its_latest_date(unit_file: Store) -> None:
    rows = [
        ledger_row(项目名称="中止项目", 项目阶段="中止", 备注="投资方调整投资计划"),
        ledger_row(项目名称="无备注中止", 项目阶段="中止", 签约日期=None),
    ]
    import_rows(list(enumerate(rows, start=2)), "台账.xlsx")

    dropped = live_events(project("中止项目"))
    assert [(Stage(e.stage), e.date) for e in dropped] == [
        (Stage.TALKS, date(2023, 3, 1)),
        (Stage.SIGNED, date(2023, 5, 20)),
        (Stage.DROPPED, date(2023, 5, 20)),
    ]
    assert project("中止项目").stage == Stage.DROPPED
    assert dropped[-1].reason == "投资方调整投资计划"
    assert live_events(project("无备注中止"))[-1].reason == DROPPED_REASON
    assert project("无备注中止").stage == Stage.DROPPED

    # Importing the same ledger again does not drop the project a second time.
    rows = [dict(r, 项目编号=project(r["项目名称"]).code) for r in rows]
    import_rows(list(enumerate(rows, start=2)), "台账.xlsx")
    assert len(live_events(project("中止项目"))) == 3


@pytest.mark.parametrize(
    ("stage", "dates", "before"),
    [
        ("注册", {}, Stage.SIGNED),
        ("竣工", {"开工日期": date(2023, 6, 1)}, Stage.STARTED),
        ("达产", {"开工日期": date(2023, 6, 1), "投产日期": date(2024, 1, 5)}, Stage.PRODUCING),
    ],
)
def test_optional_stages_are_reached_on_the_rows_latest_date(
    unit_file: Store, stage: str, dates: dict[str, date], before: Stage
) -> None:
    row = ledger_row(项目编号="SH1", 项目阶段=stage, **dates)
    import_rows([(2, row)], "台账.xlsx")
    import_rows([(2, row)], "台账.xlsx")  # again: nothing is added twice

    events = events_of("电池箔项目")
    assert events[-2][0] is before
    # dated the row's latest date, which is the step recorded just before it
    assert events[-1] == (Stage.from_label(stage), events[-2][1])
    assert project("电池箔项目").stage == Stage.from_label(stage)


def test_investors_are_found_by_credit_code_then_name(unit_file: Store, tmp_path: Path) -> None:
    existing = find_or_create_investor("大亚科技集团有限公司", credit(1))
    rows = [
        ledger_row(项目名称="一期", 投资方="大亚集团", 来源地="江苏丹阳"),
        ledger_row(项目名称="二期", 投资方="美锦电子", 统一社会信用代码=None, 来源地="广东东莞"),
        ledger_row(项目名称="三期", 投资方="美锦电子", 统一社会信用代码=None, 来源地="深圳"),
    ]
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))

    assert project("一期").investor == existing
    assert project("二期").investor == project("三期").investor
    assert project("一期").investor.origin == "江苏丹阳"  # it had none
    assert project("三期").investor.origin == "广东东莞"  # the first one given stays


def test_rows_without_code_get_the_next_free_code(unit_file: Store, tmp_path: Path) -> None:
    year = date.today().year
    rows = [
        ledger_row(项目名称="甲"),
        ledger_row(项目名称="乙", 项目编号=f"ZS-{year}-0007"),
        ledger_row(项目名称="丙"),
    ]
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))
    assert [project(n).code for n in "甲乙丙"] == [
        f"ZS-{year}-0008",
        f"ZS-{year}-0007",
        f"ZS-{year}-0009",
    ]
    import_ledger(write_xlsx(tmp_path / "台账2.xlsx", [ledger_row(项目名称="丁")]))
    assert project("丁").code == f"ZS-{year}-0010"


def test_a_row_with_a_known_code_updates_its_project(unit_file: Store, tmp_path: Path) -> None:
    rows = [
        ledger_row(项目编号="SH2023001"),
        ledger_row(项目编号="SH2023002", 项目名称="不变的项目"),
    ]
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))
    updated_before = project("电池箔项目")
    unchanged_revision = project("不变的项目").revision

    rows[0].update(
        {
            "项目名称": "电池箔项目(一期)",
            "总投资(万元)": Decimal("31000.5"),
            "项目阶段": "开工",
            "开工日期": date(2023, 8, 1),
            "备注": None,
            "建设内容及规模": "新建厂房30000平方米",
        }
    )
    result = import_ledger(write_xlsx(tmp_path / "台账2.xlsx", rows)).value

    assert (result.created, result.updated) == (0, 2)
    assert Project.select().count() == 2
    after = project("电池箔项目(一期)")
    assert after.uuid == updated_before.uuid
    assert after.revision > updated_before.revision
    assert after.total_investment == Decimal("31000.5")
    assert after.content == "新建厂房30000平方米"
    assert after.stage == Stage.STARTED
    assert events_of("电池箔项目(一期)") == [
        (Stage.TALKS, date(2023, 3, 1)),
        (Stage.SIGNED, date(2023, 5, 20)),
        (Stage.STARTED, date(2023, 8, 1)),
    ]
    assert project("不变的项目").revision == unchanged_revision


def test_columns_left_out_of_the_file_keep_their_values(unit_file: Store, tmp_path: Path) -> None:
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", [ledger_row(项目编号="SH1", 备注="重点")]))
    path = tmp_path / "只改投资额.csv"
    path.write_text(
        "项目编号,项目名称,投资方,内外资,总投资(万元),项目阶段,首次对接日期,签约日期\n"
        "SH1,电池箔项目,江苏大亚新材料有限公司,内资,35000,签约,2023-03-01,2023-05-20\n",
        encoding="utf-8",
    )
    assert import_ledger(path).value.updated == 1
    updated = project("电池箔项目")
    assert updated.total_investment == Decimal(35000)
    assert (updated.remarks, updated.industry_code, updated.local_industry) == (
        "重点",
        "32",
        "新材料",
    )


def test_an_update_that_contradicts_the_recorded_dates_is_refused(
    unit_file: Store, tmp_path: Path
) -> None:
    lead = ledger_row(项目编号="SH1", 项目阶段="线索", 签约日期=None)
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", [lead]))
    # In talks since before the lead was recorded: the file's 线索 date is later.
    talks = dict(lead, 项目阶段="在谈", 首次对接日期=date(2023, 2, 1))
    assert problems_of([talks], tmp_path) == [
        "第2行:与已有项目“SH1”的进展日期冲突:线索日期 2023-03-01 晚于在谈日期 2023-02-01"
    ]


def test_headquarters_creates_the_units_it_is_given(hq_file: Store, tmp_path: Path) -> None:
    get_or_create_unit("开发区")
    rows = [
        ledger_row(项目名称="甲", 责任单位="开发区"),
        ledger_row(项目名称="乙", 责任单位="丹北镇"),
        ledger_row(项目名称="丙", 责任单位="深圳驻点招商办"),
        ledger_row(项目名称="丁", 责任单位="丹北镇"),
    ]
    result = import_ledger(write_xlsx(tmp_path / "台账.xlsx", rows)).value

    assert result.units_created == ("丹北镇", "深圳驻点招商办")
    assert {p.name: p.unit.name for p in Project.live()} == {
        "甲": "开发区",
        "乙": "丹北镇",
        "丙": "深圳驻点招商办",
        "丁": "丹北镇",
    }
    assert unit_named("深圳驻点招商办").kind == "驻点招商办"  # type: ignore[union-attr]
    assert unit_named("丹北镇").kind == "镇区"  # type: ignore[union-attr]


def test_headquarters_rows_need_a_unit(hq_file: Store, tmp_path: Path) -> None:
    problems = problems_of([ledger_row(责任单位="开发区"), ledger_row()], tmp_path)
    assert problems == ["第3行“责任单位”:总部文件中每个项目都须填写责任单位"]


def test_a_unit_file_takes_its_own_rows_only(unit_file: Store, tmp_path: Path) -> None:
    rows = [ledger_row(项目名称="未填单位"), ledger_row(项目名称="本单位", 责任单位=OWN_UNIT)]
    import_ledger(write_xlsx(tmp_path / "台账.xlsx", rows))
    assert {p.unit.name for p in Project.live()} == {OWN_UNIT}

    problems = problems_of([ledger_row(项目名称="别人的", 责任单位="开发区")], tmp_path)
    assert problems == [
        "第2行“责任单位”:本文件属于“上海驻点招商办”,不能导入其他单位(“开发区”)的项目;"
        "请删去此行,或在总部文件中导入"
    ]


# -- the rows for export, and the round trip -----------------------------------------


def rich_rows() -> list[dict[str, Any]]:
    """Rows that use every column and every kind of value."""
    return [
        ledger_row(
            项目编号="DZ2023001",
            项目名称="自动化设备及汽车零部件项目通讯模组、指纹模组项目",
            行业代码="39",
            产业链="电子信息",
            建设性质="新建",
            项目阶段="投产",
            开工日期=date(2023, 6, 1),
            投产日期=date(2024, 2, 29),
            建设内容及规模="新建厂房5.3万平方米,\n建设生产线10条",
            责任单位="开发区",
            责任人="王强",
            信息来源="以商招商",
            需协调问题="=用电增容",  # text that Excel must not take for a formula
            备注="重点项目",
            **{
                "总投资(万元)": Decimal("70600"),
                "用地(亩)": Decimal("85.5"),
                "建筑面积(平方米)": Decimal("53000.25"),
                "预计年销售(万元)": Decimal("120000"),
                "预计年税收(万元)": Decimal("7.06"),
                "新增就业(人)": 300,
            },
        ),
        ledger_row(
            项目名称="市级重大签约项目",
            投资方="江苏创力电梯有限公司",
            统一社会信用代码=credit(2),
            行业代码="05",
            项目阶段="在谈",
            签约日期=None,
            责任单位="丹北镇",
            **{"总投资(万元)": Decimal("260690.5")},
        ),
        ledger_row(
            项目编号="SZ-7",
            项目名称="外资光学项目",
            投资方="日本光学株式会社",
            统一社会信用代码=None,
            来源地="日本",
            内外资="外资",
            项目阶段="开工",
            开工日期=date(2023, 7, 31),
            责任单位="深圳驻点招商办",
            **{"总投资(万元)": None, "总投资(万美元)": Decimal("12345678.123456")},
        ),
        ledger_row(
            项目编号="SZ-8",
            项目名称="线索项目",
            投资方="某新能源公司",
            统一社会信用代码=credit(3),
            项目阶段="线索",
            首次对接日期=None,
            签约日期=None,
            责任单位="深圳驻点招商办",
        ),
        ledger_row(
            项目编号="SZ-9",
            项目名称="中止项目",
            投资方="某装备公司",
            统一社会信用代码=credit(4),
            项目阶段="中止",
            备注="项目落户外地",
            责任单位="深圳驻点招商办",
        ),
    ]


def test_ledger_rows_are_typed_and_ordered_by_unit_then_code(hq_file: Store) -> None:
    import_rows(list(enumerate(rich_rows(), start=2)), "台账.xlsx")
    rows = ledger_rows()

    assert [(r["责任单位"], r["项目编号"]) for r in rows] == [
        ("丹北镇", f"ZS-{date.today().year}-0001"),
        ("开发区", "DZ2023001"),
        ("深圳驻点招商办", "SZ-7"),
        ("深圳驻点招商办", "SZ-8"),
        ("深圳驻点招商办", "SZ-9"),
    ]
    first = rows[1]
    assert tuple(first) == COLUMNS
    assert first["总投资(万元)"] == Decimal(70600) and first["总投资(万美元)"] is None
    assert first["首次对接日期"] == date(2023, 3, 1)
    assert first["投产日期"] == date(2024, 2, 29)
    assert first["新增就业(人)"] == 300
    assert first["项目阶段"] == "投产"
    assert rows[4]["项目阶段"] == "中止"
    only = ledger_rows([project("外资光学项目").id])
    assert [r["总投资(万美元)"] for r in only] == [Decimal("12345678.123456")]


def test_first_contact_is_the_first_lead_or_talks_date(unit_file: Store) -> None:
    import_rows([(2, ledger_row(项目阶段="线索", 签约日期=None))], "台账.xlsx")
    lead = project("电池箔项目")
    record_stage(lead, Stage.TALKS, date(2023, 4, 1))
    (row,) = ledger_rows()
    assert (row["项目阶段"], row["首次对接日期"]) == ("在谈", date(2023, 3, 1))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_import_export_import_keeps_every_field(tmp_path: Path, suffix: str) -> None:
    first = create_hq_file(tmp_path / "first.zsdb", "市招商中心").make_default()
    try:
        import_rows(list(enumerate(rich_rows(), start=2)), "台账.xlsx")
        exported = ledger_rows()
        out = tmp_path / f"导出{suffix}"
        export_ledger(exported, out)
        # Importing the export into the same file changes nothing.
        assert import_ledger(out).value.updated == len(exported)
        assert ledger_rows() == exported
    finally:
        first.close()

    second = create_hq_file(tmp_path / "second.zsdb", "市招商中心").make_default()
    try:
        result = import_ledger(out).value
        assert (result.created, result.updated) == (len(exported), 0)
        assert ledger_rows() == exported
    finally:
        second.close()


def test_round_trip_through_a_unit_file(unit_file: Store, tmp_path: Path) -> None:
    rows = [dict(r, 责任单位=None) for r in rich_rows()]
    import_rows(list(enumerate(rows, start=2)), "台账.xlsx")
    exported = ledger_rows()
    assert {r["责任单位"] for r in exported} == {OWN_UNIT}
    export_ledger(exported, tmp_path / "导出.xlsx")
    import_ledger(tmp_path / "导出.xlsx")
    assert ledger_rows() == exported


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_that_looks_like_a_formula_survives_the_round_trip(
    hq_file: Store, tmp_path: Path, suffix: str
) -> None:
    """The export guards such text (an apostrophe in CSV, a text cell in .xlsx) and
    the import reads it back as it was, an apostrophe the user typed included."""
    from db.records.projects import load_project, save_project

    texts = {
        "项目名称": "+5G基站配套项目",
        "投资方": "@云科技有限公司",
        "责任人": "-",
        "需协调问题": '=HYPERLINK("http://example.com","点此")',
        "备注": "=cmd|' /C calc'!A0",
    }
    import_rows([(2, ledger_row(责任单位="开发区", **texts))], "台账.xlsx")
    data = load_project(project("+5G基站配套项目").uuid)
    data.remarks = "'=已有撇号"  # typed in the form, apostrophe and all
    save_project(data)
    exported = ledger_rows()
    assert {c: exported[0][c] for c in texts} == dict(texts, 备注="'=已有撇号")

    out = tmp_path / f"导出{suffix}"
    export_ledger(exported, out)
    second = create_hq_file(tmp_path / "second.zsdb", "市招商中心").make_default()
    try:
        assert import_ledger(out).value.created == 1
        assert ledger_rows() == exported
    finally:
        second.close()
    hq_file.make_default()


def test_every_row_written_has_its_own_uuid(hq_file: Store) -> None:
    """Bulk-written rows get UUIDs (version 7) as the merge at headquarters needs them."""
    import uuid

    import_rows(list(enumerate(rich_rows(), start=2)), "台账.xlsx")
    for model in (Project, Investor, StageEvent):
        uuids = [str(row.uuid) for row in model.select()]
        assert len(set(uuids)) == len(uuids) > 0
        assert all(str(uuid.UUID(u)) == u for u in uuids)


# -- progress, cancel and undo of a large import ------------------------------------


def _many(count: int) -> list[tuple[int, dict[str, Any]]]:
    return [
        (
            n + 2,
            ledger_row(
                项目名称=f"项目{n}",
                投资方=f"公司{n}",
                统一社会信用代码=credit(n),
                项目编号=f"SH{n}",
            ),
        )
        for n in range(count)
    ]


def test_progress_is_told_while_checking_then_a_chunk_at_a_time(
    unit_file: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_write, "CHUNK", 4)
    monkeypatch.setattr("db.io.ledger.importing.CHUNK", 4)
    told: list[tuple[int, int]] = []
    result = import_rows(
        _many(10), "台账.xlsx", lambda done, total: told.append((done, total)) or True
    )
    assert result.value.created == 10
    assert {total for _, total in told} == {10}
    checking = [done for done, _ in told if done == 0]
    assert len(checking) >= 3  # while the rows are checked, not only once
    written = [done for done, _ in told if done]
    assert written[:3] == [4, 8, 10]
    # then, with the file's indexes held (db.io.ledger.bulk), as each is made again
    assert set(written[3:]) <= {10}


@pytest.mark.parametrize("stop_at", [0, 4, 8])
def test_a_cancel_at_any_point_keeps_nothing(
    unit_file: Store, monkeypatch: pytest.MonkeyPatch, stop_at: int
) -> None:
    monkeypatch.setattr(ledger_write, "CHUNK", 4)
    monkeypatch.setattr("db.io.ledger.importing.CHUNK", 4)
    import_rows(_many(3), "台账.xlsx")  # three projects to update
    before = counts()
    told: list[int] = []

    def progress(done: int, total: int) -> bool:
        told.append(done)
        if stop_at == 0:
            return len(told) < 2  # stopped at the second report, while checking
        return done < stop_at

    with pytest.raises(ImportCancelled):
        import_rows(_many(10), "台账2.xlsx", progress)
    assert counts() == before
    assert max(told) == stop_at
    assert import_rows(_many(10), "台账2.xlsx").value.created == 7


def test_undo_takes_the_whole_import_back_and_redo_brings_it_again(unit_file: Store) -> None:
    first = import_rows(_many(5), "台账.xlsx")
    before = {p.uuid: p.revision for p in Project.select()}
    rows = _many(8)
    for _, values in rows[:2]:
        values["总投资(万元)"] = 40000  # two projects change
    rows[2][1].update(项目阶段="开工", 开工日期=date(2023, 8, 1))  # one gains an event
    result = import_rows(rows, "台账2.xlsx")
    created = {p.uuid for p in Project.select().where(Project.id > 5)}
    changed = {project(f"项目{n}").uuid for n in range(3)}
    assert (result.value.created, result.value.updated) == (3, 5)
    assert result.changes.project_uuids == created | changed
    assert result.changes.tables == {"investor", "project", "stage_event"}

    undone = result.undo()
    assert undone.changes.project_uuids == created | changed
    assert Project.live().count() == 5
    assert {p.uuid for p in Project.live()} == set(before)
    assert all(p.revision == 2 for p in Project.select().where(Project.id > 5))  # tombstones
    assert StageEvent.live().count() == len(events_of("项目0")) * 5
    assert Investor.live().count() == 5

    redone = undone.undo()
    assert Project.live().count() == 8
    assert StageEvent.live().where(StageEvent.stage == Stage.STARTED).count() == 1
    assert project("项目0").total_investment == Decimal(40000)
    redone.undo()
    assert Project.live().count() == 5
    assert first.value.created == 5


def test_the_import_leaves_the_connections_caches_as_they_were(unit_file: Store) -> None:
    from db.store.connection import database

    def caches() -> tuple[int, int]:
        return tuple(  # type: ignore[return-value]
            database.execute_sql(f"PRAGMA {schema}.cache_size").fetchone()[0]
            for schema in ("main", "temp")
        )

    main = caches()[0]
    import_rows(_many(3), "台账.xlsx")
    assert caches() == (main, main)  # the temporary database at the default size too
    import_rows(_many(4), "台账2.xlsx")
    assert caches() == (main, main)
