"""Units (责任单位) as the windows and reports list them.

A ``UnitInfo`` is a unit as read, a plain value: the figures and the briefings
take it (or any record with the same attributes) as their scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.store.models import Cadre, Unit


@dataclass(frozen=True)
class UnitInfo:
    id: int
    uuid: str
    name: str
    kind: str
    city: str | None


def _info(unit: Unit) -> UnitInfo:
    return UnitInfo(int(unit.id), str(unit.uuid), str(unit.name), str(unit.kind), unit.city)


def live_units() -> list[UnitInfo]:
    """Every live unit, by name."""
    return [_info(unit) for unit in Unit.live().order_by(Unit.name)]


def unit_by_uuid(uuid: str) -> UnitInfo | None:
    unit = Unit.live().where(Unit.uuid == uuid).first()
    return _info(unit) if unit is not None else None


def unit_by_id(unit_id: int) -> UnitInfo | None:
    unit = Unit.live().where(Unit.id == unit_id).first()
    return _info(unit) if unit is not None else None


def unit_named(name: str) -> UnitInfo | None:
    unit = Unit.named(name)
    return _info(unit) if unit is not None else None


def name_taken(name: str, except_uuid: str | None = None) -> bool:
    """Whether another live unit already has this name."""
    query = Unit.live().where(Unit.name == name.strip())
    if except_uuid:
        query = query.where(Unit.uuid != except_uuid)
    return bool(query.exists())


def cadre_count() -> int:
    """招商人员 of every live unit (the article's "12名干部")."""
    return int(Cadre.live().join(Unit).where(Unit.deleted == False).count())  # noqa: E712
