"""Units (责任单位) and their cadres (招商人员): the reads and writes the windows need."""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import ValidationError
from db.models import Cadre, Unit
from db.stages import UNIT_KINDS


@dataclass
class CadreRow:
    """One cadre as a form edits it; ``uuid`` is None until the cadre is saved."""

    name: str
    title: str | None = None
    phone: str | None = None
    uuid: str | None = None


@dataclass(frozen=True)
class UnitIdentity:
    """A unit's name, kind and resident city (驻点城市)."""

    name: str
    kind: str
    city: str | None


def live_units() -> list[Unit]:
    """Every live unit, by name."""
    return list(Unit.live().order_by(Unit.name))


def unit_by_uuid(uuid: str) -> Unit | None:
    return Unit.live().where(Unit.uuid == uuid).first()


def identity(unit_uuid: str) -> UnitIdentity:
    unit = Unit.get(Unit.uuid == unit_uuid)
    return UnitIdentity(unit.name, unit.kind, unit.city)


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def name_taken(name: str, except_uuid: str | None = None) -> bool:
    """Whether another live unit already has this name."""
    query = Unit.live().where(Unit.name == name.strip())
    if except_uuid:
        query = query.where(Unit.uuid != except_uuid)
    return query.exists()


def set_identity(unit_uuid: str, value: UnitIdentity) -> None:
    """Rename a unit or change its kind and city; the name must stay unique."""
    name = value.name.strip()
    if not name:
        raise ValidationError("请填写单位名称", "the unit name is required")
    if value.kind not in UNIT_KINDS:
        raise ValidationError(f"未知的单位类别:{value.kind}", f"unknown unit kind: {value.kind}")
    if name_taken(name, unit_uuid):
        raise ValidationError(f"已有名为“{name}”的单位", f"a unit named {name} already exists")
    unit = Unit.get(Unit.uuid == unit_uuid)
    city = _clean(value.city)
    if (unit.name, unit.kind, unit.city) != (name, value.kind, city):
        unit.name, unit.kind, unit.city = name, value.kind, city
        unit.save()


def cadres_of(unit_uuid: str) -> list[CadreRow]:
    """The unit's live cadres, in the order they were added."""
    query = Cadre.live().join(Unit).where(Unit.uuid == unit_uuid).order_by(Cadre.id)
    return [CadreRow(c.name, c.title, c.phone, c.uuid) for c in query]


def replace_cadres(unit_uuid: str, rows: list[CadreRow]) -> None:
    """Make ``rows`` the unit's cadres: update, add (filling in ``uuid``), tombstone the rest.

    Run inside one transaction.  Rows keep the uuids given to them, so that
    writing an earlier list back (undo) revives the same records.
    """
    for row in rows:
        if not row.name.strip():
            raise ValidationError("招商人员须填写姓名", "every cadre needs a name")
    unit = Unit.get(Unit.uuid == unit_uuid)
    kept = {row.uuid for row in rows if row.uuid}
    for cadre in Cadre.select().where((Cadre.unit == unit) & (Cadre.deleted == False)):  # noqa: E712
        if cadre.uuid not in kept:
            cadre.tombstone()
    for row in rows:
        values = (row.name.strip(), _clean(row.title), _clean(row.phone))
        cadre = Cadre.get_or_none(Cadre.uuid == row.uuid) if row.uuid else None
        if cadre is None:
            created = Cadre(unit=unit, name=values[0], title=values[1], phone=values[2])
            if row.uuid:
                created.uuid = row.uuid
            created.save(force_insert=True)
            row.uuid = created.uuid
        elif (cadre.name, cadre.title, cadre.phone, cadre.deleted) != (*values, False):
            cadre.name, cadre.title, cadre.phone = values
            cadre.deleted = False
            cadre.save()


def cadre_count() -> int:
    """招商人员 of every live unit (the article's "12名干部")."""
    return Cadre.live().join(Unit).where(Unit.deleted == False).count()  # noqa: E712
