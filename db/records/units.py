"""Units (责任单位) and their cadres (招商人员): the changes the settings and the
ledger import make to them."""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import ValidationError
from db.rules.vocabulary import UNIT_KINDS
from db.store.models import Cadre, Unit


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


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def guess_unit_kind(name: str) -> str:
    for kind in ("驻点招商办", "开发区", "园区", "招商中心"):
        if kind in name:
            return kind
    if name.endswith(("镇", "街道", "乡", "镇区")):
        return "镇区"
    return "园区"


def get_or_create_unit(name: str, kind: str | None = None) -> Unit:
    """The live unit of this name, or a new one (its kind guessed from the name)."""
    unit = Unit.named(name)
    if unit is None:
        unit = Unit.create(name=name.strip(), kind=kind or guess_unit_kind(name))
    return unit


def set_identity(unit_uuid: str, value: UnitIdentity) -> None:
    """Rename a unit or change its kind and city; the name must stay unique."""
    name = value.name.strip()
    if not name:
        raise ValidationError("请填写单位名称", "the unit name is required")
    if value.kind not in UNIT_KINDS:
        raise ValidationError(f"未知的单位类别:{value.kind}", f"unknown unit kind: {value.kind}")
    other = Unit.named(name)
    if other is not None and other.uuid != unit_uuid:
        raise ValidationError(f"已有名为“{name}”的单位", f"a unit named {name} already exists")
    unit = Unit.get(Unit.uuid == unit_uuid)
    unit.name, unit.kind, unit.city = name, value.kind, _clean(value.city)
    unit.save()


def replace_cadres(unit_uuid: str, rows: list[CadreRow]) -> None:
    """Make ``rows`` the unit's cadres: update, add (filling in ``uuid``), tombstone the rest."""
    for row in rows:
        if not row.name.strip():
            raise ValidationError("招商人员须填写姓名", "every cadre needs a name")
    unit = Unit.get(Unit.uuid == unit_uuid)
    kept = {row.uuid for row in rows if row.uuid}
    for current in Cadre.live().where(Cadre.unit == unit):
        if current.uuid not in kept:
            current.tombstone()
    for row in rows:
        cadre = Cadre.get_or_none(Cadre.uuid == row.uuid) if row.uuid else None
        if cadre is None:
            cadre = Cadre(unit=unit)
            if row.uuid:
                cadre.uuid = row.uuid
        cadre.name = row.name.strip()
        cadre.title, cadre.phone = _clean(row.title), _clean(row.phone)
        cadre.deleted = False
        cadre.save()
        row.uuid = cadre.uuid


def load_identity(unit_uuid: str) -> UnitIdentity:
    unit = Unit.get(Unit.uuid == unit_uuid)
    return UnitIdentity(unit.name, unit.kind, unit.city)


def load_cadres(unit_uuid: str) -> list[CadreRow]:
    """The unit's live cadres, in the order they were added."""
    query = Cadre.live().join(Unit).where(Unit.uuid == unit_uuid).order_by(Cadre.id)
    return [CadreRow(c.name, c.title, c.phone, c.uuid) for c in query]
