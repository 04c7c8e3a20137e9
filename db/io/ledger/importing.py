"""Importing a ledger (台账): all or nothing, as one undoable operation.

Import checks every row first and reports every problem (row, column, reason);
only a ledger without problems is written, in one transaction, and the look-up
of the projects it updates happens inside that transaction, so that two imports
at once cannot both create the same project.

Dates become stage events (进展): 首次对接日期 → 在谈 (线索 when the row's stage
is 线索), 签约日期 → 签约, 开工日期 → 开工, 投产日期 → 投产.  The template has no
date for 中止 nor for the optional 注册/竣工/达产, so a row at one of those stages
gets that event dated the row's latest date (the day of the import when the row
has no date): a project dropped after its last recorded step then leaves the
pipeline from that step on, as an office's own ledger counts it, instead of
staying in every past pipeline up to the import.  A 中止 event takes the 备注 as
its reason, else “台账导入时为中止状态”.

A row whose 项目编号 matches a live project of the same unit updates that
project: the columns present in the file replace its values (an empty cell
clears one), and the row's dated events are added unless the project already
has them (same stage and date); events are never removed.  A row without
项目编号 creates a project with the next free code ZS-<year>-<number>.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from db.errors import UserError, ValidationError
from db.io.ledger.check import Checked, check_row, duplicate_codes
from db.io.ledger.read import read_ledger
from db.io.ledger.template import (
    AUTO_CODE_PREFIX,
    COLUMNS,
    DROPPED_REASON,
    UNDATED_STAGES,
    LedgerImportError,
    LedgerProblem,
)
from db.records.investors import find_or_create_investor
from db.records.ops import OpResult, operation
from db.records.stages import record_stage
from db.records.units import get_or_create_unit
from db.rules.stages import first_dates, live_events, order_problem, with_event
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.models import Investor, Project, Unit


@dataclass(frozen=True)
class ImportResult:
    """Projects created and updated (rows that matched by 项目编号, changed or not),
    and the units the import added (headquarters files only)."""

    created: int
    updated: int
    units_created: tuple[str, ...]
    # 产业链 values outside the configured priority chains, with their rows: those
    # projects do not count toward the priority share until the chain is added.
    unknown_chains: tuple[tuple[str, int], ...] = ()

    def chains_notice(self, priority_name: str) -> tuple[str, str] | None:
        """The notice about ``unknown_chains``, in Chinese and English, or None."""
        if not self.unknown_chains:
            return None
        listed = "、".join(f"“{chain}”({rows}行)" for chain, rows in self.unknown_chains)
        rows = sum(n for _, n in self.unknown_chains)
        return (
            f"台账中有{rows}行的产业链不在“{priority_name}”重点产业链名单中:{listed};"
            f"这些项目不计入“{priority_name}”产业项目占比。如属重点产业链,请在设置中加入名单",
            f"{rows} row(s) name a chain outside the {priority_name} priority chains "
            f"({', '.join(chain for chain, _ in self.unknown_chains)}); they do not count "
            "toward the priority share until the chain is added in the settings",
        )


def _match_existing(item: Checked) -> list[LedgerProblem]:
    """Find the live project the row updates, and check its dates against that one's."""
    if item.code is None:
        return []
    matches = cast(
        list[Project],
        list(
            Project.live()
            .join(Unit)
            .where((Project.code == item.code) & (Unit.name == item.unit_name))
        ),
    )
    if len(matches) > 1:
        return [
            LedgerProblem(
                item.row,
                "项目编号",
                f"文件中已有{len(matches)}个编号为“{item.code}”的项目,无法确定更新哪一个;"
                f"请先在软件中改正编号",
            )
        ]
    if not matches:
        return []
    item.existing = matches[0]
    firsts = first_dates(live_events(item.existing))
    for step, when in item.events:
        firsts = with_event(firsts, step, when)
    why = order_problem(firsts)
    if why:
        return [LedgerProblem(item.row, None, f"与已有项目“{item.code}”的进展日期冲突:{why}")]
    return []


def _next_code_number(year: int, rows: list[Checked]) -> int:
    """One past the highest ZS-<year>-NNNN in the file (tombstones too) and the ledger."""
    prefix = f"{AUTO_CODE_PREFIX}-{year}-"
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    query = Project.select(Project.code).where(Project.code.startswith(prefix))
    taken = [str(p.code) for p in query] + [r.code for r in rows if r.code]
    numbers = [int(m.group(1)) for c in taken if (m := pattern.fullmatch(c))]
    return max(numbers, default=0) + 1


def _write_row(item: Checked, unit: Unit, code: str | None, today: date, note: str) -> None:
    investor: Investor = find_or_create_investor(item.investor, item.credit_code)
    if item.origin and not investor.origin:
        investor.origin = item.origin
        investor.save()
    project = item.existing
    if project is None:
        project = Project(unit=unit, code=code, investor=investor, **item.fields)
        project.save()
    else:
        project.investor = investor
        for attr, value in item.fields.items():
            setattr(project, attr, value)
        project.save()
    present = {(Stage(e.stage), e.date) for e in live_events(project)}
    for step, when in item.events:
        if (step, when) not in present:
            record_stage(project, step, when, note=note)
    if item.stage in UNDATED_STAGES and not _has_reached(project, item.stage):
        reason = None
        if item.stage is Stage.DROPPED:
            reason = item.fields.get("remarks") or DROPPED_REASON
        day = max((when for _, when in item.events), default=today)
        record_stage(project, item.stage, day, reason=reason, note=note)


def _has_reached(project: Project, stage: Stage) -> bool:
    """Whether an undated stage needs no new event: 中止 when the project is 中止 now
    (re-importing the same ledger adds nothing), the others when any event has it."""
    if stage is Stage.DROPPED:
        return bool(project.stage == Stage.DROPPED.value)
    return any(e.stage == stage.value for e in live_events(project))


def _problem_order(problem: LedgerProblem) -> tuple[int, int]:
    """By row, then as the columns stand in the template; whole-row problems first."""
    column = COLUMNS.index(problem.column) if problem.column in COLUMNS else -1
    return problem.row, column


class ImportCancelled(UserError):
    """The user stopped an import half-way; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("已取消导入,未导入任何数据", "import cancelled; nothing was imported")


Progress = Callable[[int, int], bool]  # (rows written, rows in all) → go on?


def import_rows(
    rows: list[tuple[int, dict[str, Any]]], source: str, progress: Progress | None = None
) -> OpResult[ImportResult]:
    """Check every row, then write all of them in one transaction, or none.

    ``progress`` is told after each written row; when it answers False the
    import stops and the transaction is rolled back (ImportCancelled).  The
    result's ``undo`` takes the whole import back."""
    return _import(rows, source, progress)


@operation
def _import(
    rows: list[tuple[int, dict[str, Any]]], source: str, progress: Progress | None
) -> ImportResult:
    headquarters = settings.is_headquarters()
    own = None if headquarters else settings.own_unit()
    if own is None and not headquarters:
        raise UserError(
            "此文件没有所属单位,无法导入台账", "this file has no unit; cannot import a ledger"
        )
    problems: list[LedgerProblem] = []
    checked: list[Checked] = []
    for row, values in rows:
        item, row_problems = check_row(row, values, own)
        problems += row_problems
        if item is not None:
            checked.append(item)
    problems += duplicate_codes(rows, own)
    # Inside the write transaction: a second import waits for this one, then
    # finds the projects this one created.
    for item in checked:
        problems += _match_existing(item)
    if problems:
        raise LedgerImportError(sorted(problems, key=_problem_order))

    today = date.today()
    note = f"台账导入:{Path(source).name}"
    units: dict[str, Unit] = {}
    units_created: list[str] = []
    created = updated = 0
    number = _next_code_number(today.year, checked)
    for item in checked:
        unit = units.get(item.unit_name)
        if unit is None:
            if Unit.named(item.unit_name) is None:
                units_created.append(item.unit_name)
            unit = units[item.unit_name] = get_or_create_unit(item.unit_name)
        code = item.code
        if item.existing is None and code is None:
            code = f"{AUTO_CODE_PREFIX}-{today.year}-{number:04d}"
            number += 1
        try:
            _write_row(item, unit, code, today, note)
        except ValidationError as exc:
            raise LedgerImportError([LedgerProblem(item.row, None, exc.zh)]) from exc
        if item.existing is None:
            created += 1
        else:
            updated += 1
        if progress is not None and not progress(created + updated, len(checked)):
            raise ImportCancelled()
    chains = set(settings.priority_system().chains)
    unknown = Counter(
        str(item.fields["chain"])
        for item in checked
        if item.fields.get("chain") and item.fields["chain"] not in chains
    )
    return ImportResult(
        created,
        updated,
        tuple(units_created),
        tuple(sorted(unknown.items(), key=lambda i: (-i[1], i[0]))),
    )


def import_ledger(path: str | Path, progress: Progress | None = None) -> OpResult[ImportResult]:
    return import_rows(read_ledger(path), str(path), progress)
