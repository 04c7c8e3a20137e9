"""Merging a verified handover into headquarters' file: three-way, by UUID, set-based.

For every record of the handover (unit, cadres, investors, signing events,
projects and what belongs to them, parents first), headquarters knows the unit
revision it last merged and the revision its own copy had then (``merge_base``):

- not at headquarters yet → inserted (``new``);
- the unit's revision is not newer than the base → nothing to take
  (``unchanged``, or ``kept_hq`` when only headquarters changed it since);
- only the unit changed it → headquarters takes the unit's values (``changed``;
  a tombstone deletes);
- both changed it (or headquarters holds a record of that UUID that it never
  merged from this unit) → ``conflict``: kept for review with both versions
  (``merge_conflict``), headquarters' record untouched.

Each step is one SQL statement over the handover ATTACHed to the connection
(``INSERT … SELECT``, ``UPDATE … FROM``, ``INSERT … ON CONFLICT DO UPDATE``);
foreign keys are carried over by the UUIDs of the records they point at.  One
file is one transaction: all of it, or nothing.  Re-merging a file changes
nothing; an older export after a newer one is reported as stale; a unit whose
sequence number went backwards (restored from an old backup) is flagged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import ForeignKeyField

from db.errors import UserError
from db.io.handover.duplicates import detect_duplicates
from db.io.handover.manifest import HandoverRefused, Manifest
from db.io.handover.verify import read_package, verify_handover
from db.rules.stages import stage_rank_sql
from db.store import settings
from db.store.connection import database
from db.store.models import (
    BOOKKEEPING,
    RECORDS,
    Handover,
    MergeConflict,
    SyncedModel,
    UnitKey,
    utc_now,
)
from db.store.unit_file import Store

KINDS = ("new", "changed", "unchanged", "kept_hq", "conflict", "deleted")
# A version-4 UUID made by SQLite, for the bookkeeping rows the merge inserts in bulk.
UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)


@dataclass(frozen=True)
class MergeOutcome:
    """What one handover file brought, as the wizard and the command line show it."""

    file_name: str
    status: str  # merged / already / stale / refused
    unit_name: str | None = None
    sequence: int | None = None
    reason_zh: str | None = None
    reason_en: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    duplicates: int = 0
    flag: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != "refused"


def pinned_key(unit_uuid: str) -> str | None:
    """The public key headquarters pinned for the unit; None before its first
    handover or after a re-registration."""
    latest = (
        UnitKey.select().where(UnitKey.unit_uuid == unit_uuid).order_by(UnitKey.id.desc()).first()
    )
    if latest is None or latest.action != "pinned":
        return None
    return str(latest.public_key)


def _columns(model: type[SyncedModel]) -> list[tuple[str, type[SyncedModel] | None]]:
    """The columns a merge carries over, with the model a foreign key points at."""
    columns: list[tuple[str, type[SyncedModel] | None]] = []
    for name, fld in model._meta.fields.items():
        if name in BOOKKEEPING or name == "uuid":
            continue
        target = fld.rel_model if isinstance(fld, ForeignKeyField) else None
        columns.append((fld.column_name, target))
    return columns


def _source(column: str, target: type[SyncedModel] | None) -> str:
    """The handover's value of a column, a foreign key mapped to headquarters' id."""
    if target is None:
        return f's."{column}"'
    table = target._meta.table_name
    return (
        f'(SELECT m.id FROM main."{table}" m WHERE m.uuid = '
        f'(SELECT r.uuid FROM h."{table}" r WHERE r.id = s."{column}"))'
    )


def _values(row: dict[str, Any], model: type[SyncedModel], schema: str) -> dict[str, Any]:
    """A record's user-visible values, foreign keys as the UUIDs they point at."""
    values: dict[str, Any] = {}
    for column, target in _columns(model):
        value = row[column]
        if target is not None and value is not None:
            found = database.execute_sql(
                f'SELECT uuid FROM {schema}."{target._meta.table_name}" WHERE id = ?', [value]
            ).fetchone()
            value = found[0] if found else None
        values[column] = value
    return values


def _row(schema: str, table: str, uuid: str) -> dict[str, Any]:
    cursor = database.execute_sql(f'SELECT * FROM {schema}."{table}" WHERE uuid = ?', [uuid])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


class _Merge:
    def __init__(self, manifest: Manifest, now: datetime) -> None:
        self.manifest = manifest
        self.now = now
        self.by_table: dict[str, dict[str, int]] = {}
        self.touched_projects: set[str] = set()

    def table(self, model: type[SyncedModel]) -> None:
        table = model._meta.table_name
        columns = _columns(model)
        unit = self.manifest.unit_uuid
        database.execute_sql("DROP TABLE IF EXISTS temp.merge_plan")
        database.execute_sql(
            f"""
            CREATE TEMP TABLE merge_plan AS
            SELECT s.uuid AS uuid, s.revision AS unit_revision, s.deleted AS unit_deleted,
                   t.deleted AS hq_deleted,
              CASE
                WHEN t.id IS NULL THEN 'new'
                WHEN b.id IS NULL OR b.unit_uuid <> ? THEN 'conflict'
                WHEN s.revision <= b.unit_revision THEN
                  CASE WHEN t.revision = b.hq_revision THEN 'unchanged' ELSE 'kept_hq' END
                WHEN t.revision = b.hq_revision THEN 'changed'
                ELSE 'conflict'
              END AS action
            FROM h."{table}" s
            LEFT JOIN main."{table}" t ON t.uuid = s.uuid
            LEFT JOIN main.merge_base b
              ON b.table_name = ? AND b.record_uuid = s.uuid AND b.deleted = 0
            """,
            [unit, table],
        )
        names = [column for column, _ in columns]
        quoted = ", ".join(f'"{c}"' for c in names)
        sources = ", ".join(f'{_source(c, target)} AS "{c}"' for c, target in columns)
        plan = "JOIN temp.merge_plan p ON p.uuid = s.uuid"
        database.execute_sql(
            f"""
            INSERT INTO main."{table}" (uuid, revision, updated_at, {quoted})
            SELECT s.uuid, s.revision, s.updated_at, {sources}
            FROM h."{table}" s {plan} WHERE p.action = 'new'
            """
        )
        compared = [c for c in names if c not in model.DERIVED]
        old = ", ".join(f't."{c}"' for c in compared)
        new = ", ".join(f'src."{c}"' for c in compared)
        differs = f"(({old}) IS NOT ({new}))"
        assignments = ", ".join(f'"{c}" = src."{c}"' for c in names)
        database.execute_sql(
            f"""
            UPDATE main."{table}" AS t SET {assignments},
              revision = t.revision + (CASE WHEN {differs} THEN 1 ELSE 0 END),
              updated_at = CASE WHEN {differs} THEN ? ELSE t.updated_at END
            FROM (SELECT s.uuid AS uuid, {sources}
                  FROM h."{table}" s {plan} WHERE p.action = 'changed') AS src
            WHERE t.uuid = src.uuid
            """,
            [self.now],
        )
        database.execute_sql(
            f"""
            INSERT INTO main.merge_base (uuid, revision, updated_at, deleted, table_name,
              record_uuid, unit_uuid, unit_revision, hq_revision, export_uuid, merged_at)
            SELECT {UUID_SQL}, 1, ?, 0, ?, p.uuid, ?, p.unit_revision, t.revision, ?, ?
            FROM temp.merge_plan p JOIN main."{table}" t ON t.uuid = p.uuid
            WHERE p.action IN ('new', 'changed')
            ON CONFLICT (table_name, record_uuid) DO UPDATE SET
              unit_uuid = excluded.unit_uuid, unit_revision = excluded.unit_revision,
              hq_revision = excluded.hq_revision, export_uuid = excluded.export_uuid,
              merged_at = excluded.merged_at, deleted = 0,
              revision = merge_base.revision + 1, updated_at = excluded.updated_at
            """,
            [self.now, table, unit, self.manifest.export_uuid, self.now],
        )
        counts = dict.fromkeys(KINDS, 0)
        for action, count in database.execute_sql(
            "SELECT action, count(*) FROM temp.merge_plan GROUP BY action"
        ).fetchall():
            counts[action] = count
        counts["deleted"] = database.execute_sql(
            "SELECT count(*) FROM temp.merge_plan WHERE action IN ('new', 'changed') "
            "AND unit_deleted = 1 AND coalesce(hq_deleted, 0) = 0"
        ).fetchone()[0]
        for (uuid,) in database.execute_sql(
            "SELECT uuid FROM temp.merge_plan WHERE action = 'conflict'"
        ).fetchall():
            self._conflict(model, uuid)
        self._note_projects(model)
        self.by_table[table] = counts

    def _conflict(self, model: type[SyncedModel], uuid: str) -> None:
        table = model._meta.table_name
        unit_row = _row("h", table, uuid)
        hq_values = _values(_row("main", table, uuid), model, "main")
        unit_values = _values(unit_row, model, "h")
        differing = sorted(
            c for c in unit_values if c not in model.DERIVED and unit_values[c] != hq_values[c]
        )
        open_one = (
            MergeConflict.live()
            .where(
                (MergeConflict.record_uuid == uuid)
                & (MergeConflict.table_name == table)
                & (MergeConflict.status == "open")
            )
            .first()
        )
        conflict = open_one or MergeConflict(
            table_name=table, record_uuid=uuid, status="open", detected_at=self.now
        )
        conflict.unit_uuid = self.manifest.unit_uuid
        conflict.export_uuid = self.manifest.export_uuid
        conflict.unit_revision = unit_row["revision"]
        conflict.hq_values = json.dumps(hq_values, ensure_ascii=False, default=str)
        conflict.unit_values = json.dumps(unit_values, ensure_ascii=False, default=str)
        conflict.fields = json.dumps(differing)
        conflict.save()

    def _note_projects(self, model: type[SyncedModel]) -> None:
        """The projects whose cached stage may have to follow merged events."""
        table = model._meta.table_name
        if table == "project":
            sql = "SELECT uuid FROM temp.merge_plan WHERE action IN ('new', 'changed')"
        elif table == "stage_event":
            sql = (
                "SELECT hp.uuid FROM temp.merge_plan p JOIN h.stage_event s ON s.uuid = p.uuid "
                "JOIN h.project hp ON hp.id = s.project_id WHERE p.action IN ('new', 'changed')"
            )
        else:
            return
        self.touched_projects.update(uuid for (uuid,) in database.execute_sql(sql).fetchall())

    def refresh_stages(self) -> None:
        """The cached stage of the touched projects, from their events (a derived column)."""
        if not self.touched_projects:
            return
        database.execute_sql(
            "CREATE TEMP TABLE IF NOT EXISTS merge_projects (uuid TEXT PRIMARY KEY)"
        )
        database.execute_sql("DELETE FROM temp.merge_projects")
        database.cursor().executemany(
            "INSERT INTO temp.merge_projects VALUES (?)", [(u,) for u in self.touched_projects]
        )
        database.execute_sql(
            f"""
            UPDATE main.project SET stage = coalesce((
              SELECT e.stage FROM main.stage_event e
              WHERE e.project_id = project.id AND e.deleted = 0
              ORDER BY e.date DESC, {stage_rank_sql("e.stage")} DESC, e.recorded_at DESC, e.id DESC
              LIMIT 1), 'lead')
            WHERE uuid IN (SELECT uuid FROM temp.merge_projects)
            """
        )

    def totals(self) -> dict[str, int]:
        return {kind: sum(t[kind] for t in self.by_table.values()) for kind in KINDS}


def _last_handover(unit_uuid: str) -> Handover | None:
    last: Handover | None = (
        Handover.select()
        .where(Handover.unit_uuid == unit_uuid)
        .order_by(Handover.sequence.desc(), Handover.exported_at.desc())
        .first()
    )
    return last


def merge_handover(store: Store, path: str | Path, now: datetime | None = None) -> MergeOutcome:
    """Check one handover file and merge it into headquarters' open ``store``."""
    path = Path(path)
    now = now or utc_now()
    with store.bound():
        if not settings.is_headquarters():
            raise UserError(
                "只能在总部文件中合并交接文件", "handover files are merged into a headquarters file"
            )
        try:
            manifest = read_package(path).manifest
            verified = verify_handover(path, pinned_key(manifest.unit_uuid))
        except HandoverRefused as refused:
            return MergeOutcome(path.name, "refused", reason_zh=refused.zh, reason_en=refused.en)
        try:
            return _merge(store, path, verified.manifest, verified.copy, now)
        finally:
            verified.cleanup()


def _merge(store: Store, path: Path, manifest: Manifest, copy: Path, now: datetime) -> MergeOutcome:
    outcome: dict[str, Any] = {
        "file_name": path.name,
        "unit_name": manifest.unit_name,
        "sequence": manifest.sequence,
    }
    if Handover.select().where(Handover.export_uuid == manifest.export_uuid).exists():
        return MergeOutcome(**outcome, status="already")
    last = _last_handover(manifest.unit_uuid)
    flag = None
    if last is not None and manifest.sequence <= last.sequence:
        if manifest.exported <= last.exported_at:
            return MergeOutcome(**outcome, status="stale")
        flag = "sequence_backwards"
    database.execute_sql("ATTACH DATABASE ? AS h", [str(copy)])
    try:
        with store.db.atomic():
            merge = _Merge(manifest, now)
            for model in RECORDS:
                merge.table(model)
            merge.refresh_stages()
            if pinned_key(manifest.unit_uuid) is None:
                UnitKey.create(
                    unit_uuid=manifest.unit_uuid,
                    public_key=manifest.public_key,
                    action="pinned",
                    at=now,
                    note=f"首次交接:{path.name}",
                )
            duplicates = detect_duplicates(now)
            counts = merge.totals()
            Handover.create(
                export_uuid=manifest.export_uuid,
                unit_uuid=manifest.unit_uuid,
                unit_name=manifest.unit_name,
                sequence=manifest.sequence,
                exported_at=manifest.exported,
                merged_at=now,
                file_name=path.name,
                data_sha256=manifest.data_sha256,
                manifest=manifest.to_bytes().decode("utf-8"),
                summary=json.dumps(
                    {"counts": counts, "tables": merge.by_table, "duplicates": duplicates}
                ),
                flag=flag,
            )
            database.execute_sql("DROP TABLE IF EXISTS temp.merge_plan")
            database.execute_sql("DROP TABLE IF EXISTS temp.merge_projects")
    finally:
        database.execute_sql("DETACH DATABASE h")
    return MergeOutcome(
        **outcome,
        status="merged",
        counts=counts,
        by_table=merge.by_table,
        duplicates=duplicates,
        flag=flag,
    )


Progress = Callable[[int, int, MergeOutcome], bool]  # (files done, files in all, last) → go on?


def merge_files(
    store: Store, paths: Sequence[str | Path], progress: Progress | None = None
) -> list[MergeOutcome]:
    """Merge several handover files in turn, each in its own transaction."""
    outcomes: list[MergeOutcome] = []
    for path in paths:
        outcome = merge_handover(store, path)
        outcomes.append(outcome)
        if progress is not None and not progress(len(outcomes), len(paths), outcome):
            break
    return outcomes
