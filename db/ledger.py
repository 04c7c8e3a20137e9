"""The ledger spreadsheet (台账): its columns, reading .xlsx/.csv, all-or-nothing import,
and the rows for export.  (CONTRACT SKELETON — to be implemented.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import UserError

# The template's headers, in order (DOMAIN.md "The ledger spreadsheet").
COLUMNS: tuple[str, ...] = (
    "项目编号", "项目名称", "投资方", "统一社会信用代码", "来源地", "内外资",
    "总投资(万元)", "总投资(万美元)", "行业代码", "产业类别", "产业链", "建设性质",
    "项目阶段", "首次对接日期", "签约日期", "开工日期", "投产日期", "用地(亩)",
    "建筑面积(平方米)", "预计年销售(万元)", "预计年税收(万元)", "新增就业(人)",
    "建设内容及规模", "责任单位", "责任人", "信息来源", "需协调问题", "备注",
)
REQUIRED: frozenset[str] = frozenset({"项目名称", "投资方", "内外资", "项目阶段"})


@dataclass(frozen=True)
class LedgerProblem:
    row: int  # 1-based row number as the user sees it in Excel
    column: str | None  # header name, None for the whole row
    reason: str  # Chinese, says what to fix

    def __str__(self) -> str: ...


class LedgerImportError(UserError):
    """The ledger was refused; ``problems`` lists every one; nothing was written."""

    problems: list[LedgerProblem]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    units_created: tuple[str, ...]


def read_ledger(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a .xlsx or .csv ledger as (row number, {header: cell value})."""
    raise NotImplementedError


def import_rows(rows: list[tuple[int, dict[str, Any]]], source: str) -> ImportResult:
    """Validate every row, then write all of them in one transaction, or none."""
    raise NotImplementedError


def import_ledger(path: str | Path) -> ImportResult:
    return import_rows(read_ledger(path), str(path))


def ledger_rows(project_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Every live project (or the given ones) as a template row: typed values
    (str, Decimal, int, datetime.date or None) keyed by the COLUMNS headers."""
    raise NotImplementedError
