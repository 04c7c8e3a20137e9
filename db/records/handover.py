"""Headquarters' decisions about what the units handed over: a conflict resolved (keep
headquarters' version, or take the unit's), a suspected duplicate judged (the same
project, credited to one unit, or different projects), a unit re-registered after
its key changed.  Each is one operation; the first two can be undone."""

from __future__ import annotations

import json
from typing import Any

from peewee import ForeignKeyField

from db.errors import UserError, ValidationError
from db.records.ops import operation
from db.store.models import (
    MODEL_BY_TABLE,
    DuplicatePair,
    MergeConflict,
    MergedRecord,
    SyncedModel,
    UnitKey,
    utc_now,
)

KEEP_HQ = "kept_hq"
TAKE_UNIT = "took_unit"


def _open_conflict(conflict_uuid: str) -> MergeConflict:
    conflict = MergeConflict.get_or_none(MergeConflict.uuid == conflict_uuid)
    if conflict is None or conflict.deleted or conflict.status != "open":
        raise ValidationError("该冲突已处理", "this conflict has been resolved already")
    return conflict


def _apply(row: SyncedModel, values: dict[str, Any]) -> None:
    """Write the stored values of a conflict's version into the record (foreign keys
    given as the UUIDs they point at)."""
    columns = row._meta.columns
    for column, raw in values.items():
        fld = columns[column]
        if isinstance(fld, ForeignKeyField):
            target = fld.rel_model
            value = None
            if raw is not None:
                parent = target.get_or_none(target.uuid == raw)
                if parent is None:
                    raise ValidationError(
                        "单位版本引用的记录在总部文件中不存在,无法采用",
                        "the unit's version points at a record headquarters does not have",
                    )
                value = parent.id
        else:
            value = fld.python_value(raw) if raw is not None else None
        setattr(row, fld.name, value)


@operation
def resolve_conflict(conflict_uuid: str, take_unit: bool) -> None:
    """处理冲突: keep headquarters' version of the record, or take the unit's.

    Either way the unit's revision counts as merged, so the same version is not
    reported again.  After taking the unit's, its later changes merge as usual;
    after keeping headquarters', a later change by the unit is a conflict again."""
    conflict = _open_conflict(conflict_uuid)
    model = MODEL_BY_TABLE[conflict.table_name]
    row = model.get(model.uuid == conflict.record_uuid)
    assert isinstance(row, MergedRecord)
    if take_unit:
        _apply(row, json.loads(conflict.unit_values))
        row.save()
    hq_revision = row.merged_hq_revision if row.merged_unit == conflict.unit_uuid else None
    row.merged_unit = conflict.unit_uuid
    row.merged_export = conflict.export_uuid
    row.merged_at = utc_now()
    row.merged_revision = conflict.unit_revision
    # Taken: headquarters now holds the unit's version.  Kept: headquarters'
    # version still differs from the unit's, so the base keeps the revision the
    # two were last the same at (0: never), and the unit's next change of this
    # record is a conflict again rather than a silent overwrite.
    row.merged_hq_revision = row.revision if take_unit else (hq_revision or 0)
    row.save()
    conflict.status = TAKE_UNIT if take_unit else KEEP_HQ
    conflict.resolved_at = utc_now()
    conflict.save()


@operation
def decide_duplicate(pair_uuid: str, same: bool, credited_uuid: str | None = None) -> None:
    """判定疑似重复: the same project (counted once, for ``credited_uuid``, by default
    the one first reported) or two different projects (both counted)."""
    pair = DuplicatePair.get_or_none(DuplicatePair.uuid == pair_uuid)
    if pair is None or pair.deleted:
        raise ValidationError("该记录已不存在", "this pair no longer exists")
    if same:
        credited = credited_uuid or pair.credited_uuid
        if credited not in (pair.first_uuid, pair.second_uuid):
            raise ValidationError(
                "请在两个项目中选择计入统计的一个", "choose which of the two projects counts"
            )
        pair.credited_uuid = credited
        pair.status = "same"
    else:
        pair.status = "different"
    pair.decided_at = utc_now()
    pair.save()


@operation
def reregister_unit(unit_uuid: str, note: str = "") -> None:
    """重新登记单位: forget the unit's pinned key; its next accepted handover pins the
    key it is signed with.  Logged (``unit_key``), not undone by Ctrl+Z: a key is
    a matter of trust, and its history stays."""
    latest = (
        UnitKey.select().where(UnitKey.unit_uuid == unit_uuid).order_by(UnitKey.id.desc()).first()
    )
    if latest is None or latest.action != "pinned":
        raise UserError(
            "该单位尚未登记密钥,下次交接时将自动登记",
            "no key is registered for this unit; its next handover registers one",
        )
    UnitKey.create(
        unit_uuid=unit_uuid,
        public_key=latest.public_key,
        action="reregistered",
        at=utc_now(),
        note=note.strip() or None,
    )
