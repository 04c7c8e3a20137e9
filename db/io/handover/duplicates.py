"""The same project reported by two units (疑似重复), found after each merge.

Two live projects of different units look like one when their investor is the
same — the same 统一社会信用代码, or the same name once 有限公司/股份/集团 and place
prefixes are dropped — and their names are alike or their amounts are within a
tenth of each other.  Each such pair is listed once for review (``duplicate_pair``)
and, until headquarters decides, counted once in the figures: for the unit that
reported it first (首报, by the earliest dated event).  A decision ("the same
project", with the unit that gets the credit, or "different projects") is kept,
and a later merge never asks again about a pair it has seen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from db.rules.counting import CountingRules
from db.rules.names import SIMILAR_NAMES, name_key, name_similarity
from db.rules.vocabulary import Capital
from db.store.connection import database
from db.store.fields import MONEY_PLACES, from_stored
from db.store.models import DuplicatePair

AMOUNT_TOLERANCE = Decimal("0.1")  # amounts within 10 % of each other look alike


@dataclass(frozen=True)
class _Candidate:
    id: int
    uuid: str
    unit_id: int
    name: str
    total_wan_cny: Decimal | None
    credit_code: str | None
    investor_key: str


def _candidates(rules: CountingRules) -> list[tuple[str, list[_Candidate]]]:
    """The live projects that share a credit code (kind ``"code"``) or an investor's
    name key (``"name"``) with a project of another unit, a group a shared key: only
    those can be a pair.  The keys of the whole file are worked out on plain rows
    (each investor's name key once); amounts are read only for the projects a group
    holds, a few of the file's."""
    rows = database.execute_sql(
        """
        SELECT p.id, p.uuid, p.unit_id, p.name, p.capital, p.total_investment,
               i.credit_code, i.name
        FROM project p JOIN investor i ON i.id = p.investor_id
        WHERE p.deleted = 0
        """
    ).fetchall()
    keys: dict[str, str] = {}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (_, _, _, _, _, _, code, investor) in enumerate(rows):
        if code:
            groups[("code", code)].append(number)
        key = keys.get(investor)
        if key is None:
            key = keys[investor] = name_key(investor)
        if key:
            groups[("name", key)].append(number)
    domestic = Capital.DOMESTIC.value
    made: dict[int, _Candidate] = {}

    def candidate(number: int) -> _Candidate:
        found = made.get(number)
        if found is None:
            pid, uuid, unit_id, name, capital, scaled, code, investor = rows[number]
            total = from_stored(scaled, MONEY_PLACES) if scaled is not None else None
            if total is not None and capital != domestic:
                total = rules.to_cny(Capital(capital), total)
            found = made[number] = _Candidate(
                pid, uuid, unit_id, name, total, code or None, keys[investor]
            )
        return found

    shared: list[tuple[str, list[_Candidate]]] = []
    for (kind, _), numbers in groups.items():
        if len({rows[number][2] for number in numbers}) > 1:  # projects of two units at least
            shared.append((kind, [candidate(number) for number in numbers]))
    return shared


def _first_event(project_id: int) -> date:
    """The day a project was first recorded (its earliest live stage event)."""
    (first,) = database.execute_sql(
        "SELECT min(date) FROM stage_event WHERE project_id = ? AND deleted = 0", [project_id]
    ).fetchone()
    return date.fromisoformat(first) if first else date.max


def _alike(a: _Candidate, b: _Candidate) -> str | None:
    """Why two projects of one investor look like one project, or None."""
    if name_similarity(a.name, b.name) >= SIMILAR_NAMES:
        return "项目名称相近"
    if a.total_wan_cny and b.total_wan_cny:
        larger = max(a.total_wan_cny, b.total_wan_cny)
        if abs(a.total_wan_cny - b.total_wan_cny) <= larger * AMOUNT_TOLERANCE:
            return "总投资相近"
    return None


def _first_reported(a: _Candidate, b: _Candidate) -> _Candidate:
    """首报: the project with the earlier first dated event (the earlier entry on a tie)."""
    return min((a, b), key=lambda c: (_first_event(c.id), c.id))


def detect_duplicates(now: datetime) -> list[tuple[str, str]]:
    """List the new look-alike pairs across units; returns them (project UUIDs)."""
    groups = _candidates(CountingRules.of_file())
    seen = {
        (str(first), str(second))
        for first, second in database.execute_sql(
            "SELECT first_uuid, second_uuid FROM duplicate_pair"
        ).fetchall()
    }
    added: list[tuple[str, str]] = []
    for kind, members in groups:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.unit_id == b.unit_id:
                    continue
                first, second = sorted((a.uuid, b.uuid))
                if (first, second) in seen:
                    continue
                why = _alike(a, b)
                if why is None:
                    continue
                investor = "统一社会信用代码相同" if kind == "code" else "投资方名称相同"
                DuplicatePair.create(
                    first_uuid=first,
                    second_uuid=second,
                    reason=f"{investor},{why}",
                    status="open",
                    credited_uuid=_first_reported(a, b).uuid,
                    detected_at=now,
                )
                seen.add((first, second))
                added.append((first, second))
    return added
