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

Every row is checked first (db.io.ledger.check); then, inside the write
transaction, the projects the rows update and their events are read in a few
queries, every problem against them is added, and only a ledger without any is
written, in bulk (db.io.ledger.write); one that adds at least as many rows as the
file holds with the file's indexes and insert triggers held until its rows are in
(db.io.ledger.bulk).
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import count
from pathlib import Path
from typing import Any, cast

from db.errors import UserError
from db.io.ledger.bulk import upkeep_held, worth_holding
from db.io.ledger.check import Checked, check_rows, duplicate_codes
from db.io.ledger.read import read_ledger
from db.io.ledger.template import (
    COLUMNS,
    DROPPED_REASON,
    UNDATED_STAGES,
    LedgerImportError,
    LedgerProblem,
)
from db.io.ledger.write import (
    CHUNK,
    InvestorBook,
    PlannedEvent,
    PlannedProject,
    ProjectWriter,
    next_id,
    stage_after,
    stage_of_new,
    stored_events,
    stored_rows,
    write_in_chunks,
)
from db.records.ops import OpResult, operation
from db.records.units import get_or_create_unit
from db.rules.project_codes import auto_code, next_code_number
from db.rules.stages import first_dates, order_problem, with_event
from db.rules.vocabulary import Stage
from db.store import settings
from db.store.connection import database
from db.store.models import Project, StageEvent, Unit, utc_now


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


def _match_existing(checked: list[Checked]) -> tuple[dict[int, int], list[LedgerProblem]]:
    """The live project each row with a 项目编号 updates (by the row's place in
    ``checked``), and the rows whose number names more than one project of its unit."""
    wanted = {(item.unit_name, item.code) for item in checked if item.code is not None}
    if not wanted:
        return {}, []
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    rows = database.execute_sql(
        'SELECT p.id, u.name, p.code FROM "project" AS p JOIN "unit" AS u ON u.id = p.unit_id '
        "WHERE p.deleted = 0 AND p.code IS NOT NULL"
    )
    for project_id, unit_name, code in cast(Iterable[tuple[int, str, str]], rows):
        if (unit_name, code) in wanted:
            found[(unit_name, code)].append(project_id)
    matches: dict[int, int] = {}
    problems: list[LedgerProblem] = []
    for index, item in enumerate(checked):
        ids = found.get((item.unit_name, item.code or ""), [])
        if len(ids) > 1:
            problems.append(
                LedgerProblem(
                    item.row,
                    "项目编号",
                    f"文件中已有{len(ids)}个编号为“{item.code}”的项目,无法确定更新哪一个;"
                    f"请先在软件中改正编号",
                )
            )
        elif ids:
            matches[index] = ids[0]
    return matches, problems


class _EventIds:
    """Ids for the planned stage events, one past the table's largest."""

    def __init__(self) -> None:
        self.take = partial(next, count(next_id(StageEvent)))


_VALUE = {stage: stage.value for stage in Stage}


def _plan_events(
    item: Checked,
    present: list[PlannedEvent],
    today: date,
    now: Any,
    ids: _EventIds,
) -> list[PlannedEvent]:
    """The row's events the project does not have yet (same stage and date), and the
    event of an undated stage (中止, 注册, 竣工, 达产) it has not reached, dated the
    row's latest date (the import day when it has none)."""
    take = ids.take
    if present:
        have = {(e.stage, e.date) for e in present}
        new = [
            PlannedEvent(take(), _VALUE[step], when, now)
            for step, when in item.events
            if (_VALUE[step], when) not in have
        ]
    else:
        new = [PlannedEvent(take(), _VALUE[step], when, now) for step, when in item.events]
    if item.stage in UNDATED_STAGES:
        events = [*present, *new]
        if item.stage is Stage.DROPPED:
            # dropped already: importing the same ledger again adds nothing
            reached = stage_after(events) == Stage.DROPPED.value
        else:
            reached = any(e.stage == item.stage.value for e in events)
        if not reached:
            reason = None
            if item.stage is Stage.DROPPED:
                reason = item.fields.get("remarks") or DROPPED_REASON
            day = max((when for _, when in item.events), default=today)
            new.append(PlannedEvent(take(), item.stage.value, day, now, reason))
    return new


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

    ``progress`` is told how many rows are written, a chunk at a time (and with
    none written yet while the rows are checked); when it answers False the
    import stops and the transaction is rolled back (ImportCancelled).  The
    result's ``undo`` takes the whole import back."""
    with _bulk_work():
        return _import(rows, source, progress)


@contextmanager
def _bulk_work() -> Iterator[None]:
    """Hold the cycle collector while a ledger's hundred thousand rows are in memory:
    they hold no cycles, and its full passes over them made the import quadratic."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_all(
    rows: list[tuple[int, dict[str, Any]]], own: Unit | None, go_on: Callable[[int], None]
) -> tuple[list[Checked], list[LedgerProblem]]:
    checked, problems = check_rows(rows, own, lambda: go_on(0), CHUNK)
    return checked, problems + duplicate_codes(rows, own)


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

    def go_on(done: int) -> None:
        if progress is not None and not progress(done, len(rows)):
            raise ImportCancelled()

    checked, problems = _check_all(rows, own, go_on)
    # Inside the write transaction: a second import waits for this one, then
    # finds the projects this one created.
    matches, match_problems = _match_existing(checked)
    problems += match_problems
    stored = stored_rows(Project, matches.values())
    present = stored_events(matches.values())

    today = date.today()
    now = utc_now()
    event_ids = _EventIds()
    planned_events: list[list[PlannedEvent]] = []
    for index, item in enumerate(checked):
        project_id = matches.get(index)
        events = present.get(project_id, []) if project_id is not None else []
        new = _plan_events(item, events, today, now, event_ids)
        planned_events.append(new)
        if project_id is not None:
            firsts = first_dates(events)
            for event in new:
                firsts = with_event(firsts, Stage(event.stage), event.date)
            why = order_problem(firsts)
            if why:
                problems.append(
                    LedgerProblem(item.row, None, f"与已有项目“{item.code}”的进展日期冲突:{why}")
                )
    if problems:
        raise LedgerImportError(sorted(problems, key=_problem_order))
    go_on(0)

    units: dict[str, int] = {}
    units_created: list[str] = []
    for name in dict.fromkeys(item.unit_name for item in checked):
        if Unit.named(name) is None:
            units_created.append(name)
        units[name] = get_or_create_unit(name).id

    investors = InvestorBook(
        {item.investor for item in checked},
        {item.credit_code for item in checked if item.credit_code},
    )
    number = next_code_number(today.year, (r.code for r in checked if r.code))
    first_new = next_project = next_id(Project)
    planned: list[PlannedProject] = []
    shapes: dict[tuple[str, ...], None] = {}  # the attributes rows set, once each
    resolve = investors.resolve
    for index, item in enumerate(checked):
        values = item.fields  # the row's own (Checked is not used again)
        values["investor"] = resolve(item.investor, item.credit_code, item.origin)
        values["unit"] = units[item.unit_name]
        project_id = matches.get(index)
        events = planned_events[index]
        if project_id is None:
            code = item.code
            if code is None:
                code = auto_code(today.year, number)
                number += 1
            values["code"] = code
            project_id, next_project = next_project, next_project + 1
            values["stage"] = stage_of_new(events)
        else:
            values["stage"] = stage_after([*present.get(project_id, []), *events])
        shapes.setdefault(tuple(values))
        planned.append(PlannedProject(item.row, project_id, values, stored.get(project_id), events))

    investors.write_changes(now)
    note = f"台账导入:{Path(source).name}"
    writer = ProjectWriter([a for shape in shapes for a in shape], now, note, investors)
    inserts = {
        "investor": len(investors.planned),
        "project": next_project - first_new,
        "stage_event": sum(map(len, planned_events)),
    }
    try:
        # Every row written: the indexes made again are told as that much done.
        done = partial(go_on, len(planned))
        with upkeep_held(worth_holding(inserts), first_new, done) as held:
            writer.direct = held
            write_in_chunks(planned, writer, go_on)
            investors.write_new(investors.last_id)  # (each was written with its first project)
    finally:
        writer.close()

    chains = set(settings.priority_system().chains)
    unknown = Counter(
        str(item.fields["chain"])
        for item in checked
        if item.fields.get("chain") and item.fields["chain"] not in chains
    )
    created = sum(1 for p in planned if p.stored is None)
    return ImportResult(
        created,
        len(planned) - created,
        tuple(units_created),
        tuple(sorted(unknown.items(), key=lambda i: (-i[1], i[0]))),
    )


def import_ledger(path: str | Path, progress: Progress | None = None) -> OpResult[ImportResult]:
    with _bulk_work():
        rows = read_ledger(path)
    return import_rows(rows, str(path), progress)
