"""Merging a verified handover into headquarters' file: three-way, by UUID, set-based.

For every record of the handover (unit, cadres, investors, signing events,
projects and what belongs to them, parents first), headquarters' copy keeps the
unit revision it was last merged at and the revision the copy had then (the
``merged_*`` columns of db.store.models.MergedRecord):

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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from peewee import ForeignKeyField

from db.errors import UserError
from db.io.handover.duplicates import detect_duplicates
from db.io.handover.manifest import HandoverRefused, Manifest
from db.io.handover.verify import (
    Verified,
    check_data,
    discard_check,
    read_package,
    verify_handover,
)
from db.rules.stages import stage_rank_sql
from db.store import settings
from db.store.connection import database
from db.store.models import (
    BOOKKEEPING,
    RECORDS,
    Handover,
    MergeConflict,
    MergedRecord,
    SyncedModel,
    UnitKey,
    utc_now,
)
from db.store.unit_file import Store

KINDS = ("new", "changed", "unchanged", "kept_hq", "conflict", "deleted")


@dataclass(frozen=True)
class MergeOutcome:
    """What one handover file brought, as the wizard and the command line show it."""

    file_name: str
    status: str  # merged / already / stale / refused
    unit_name: str | None = None
    unit_uuid: str | None = None
    export_uuid: str | None = None
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


def _columns(model: type[MergedRecord]) -> list[tuple[str, type[SyncedModel] | None]]:
    """The columns a merge carries over, with the model a foreign key points at."""
    columns: list[tuple[str, type[SyncedModel] | None]] = []
    for name, fld in model._meta.fields.items():
        if name in BOOKKEEPING or name == "uuid" or name in model.MERGE_FIELDS:
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


def _values(row: dict[str, Any], model: type[MergedRecord], schema: str) -> dict[str, Any]:
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
        self.new_project_ids: set[int] = set()
        self.changed_project_ids: set[int] = set()
        self.touched_project_ids: set[int] = set()

    def table(self, model: type[MergedRecord]) -> None:
        table = model._meta.table_name
        columns = _columns(model)
        unit = self.manifest.unit_uuid
        export = self.manifest.export_uuid
        names = [column for column, _ in columns]
        quoted = ", ".join(f'"{c}"' for c in names)
        sources = ", ".join(f'{_source(c, target)} AS "{c}"' for c, target in columns)
        counts = dict.fromkeys(KINDS, 0)
        # Records headquarters does not have yet: inserted straight away (one index
        # look-up each, as a plain upsert makes), with their base.
        inserted = database.execute_sql(
            f"""
            INSERT INTO main."{table}" (uuid, revision, updated_at, {quoted},
              merged_unit, merged_export, merged_at, merged_revision, merged_hq_revision)
            SELECT s.uuid, s.revision, s.updated_at, {sources}, ?, ?, ?, s.revision, s.revision
            FROM h."{table}" s WHERE true
            ON CONFLICT (uuid) DO NOTHING
            RETURNING id, deleted
            """,
            [unit, export, self.now],
        ).fetchall()
        counts["new"] = len(inserted)
        counts["deleted"] = sum(1 for _, deleted in inserted if deleted)
        if table == "project":
            self.new_project_ids = {pid for pid, _ in inserted}
        total = database.execute_sql(f'SELECT count(*) FROM h."{table}"').fetchone()[0]
        if total > len(inserted):
            self._existing(model, counts, quoted, sources, names)
        if table == "stage_event":
            self._note_events()
        self.by_table[table] = counts

    def _existing(
        self,
        model: type[MergedRecord],
        counts: dict[str, int],
        quoted: str,
        sources: str,
        names: list[str],
    ) -> None:
        """The records headquarters had already: unchanged, changed by one side, or both."""
        table = model._meta.table_name
        unit = self.manifest.unit_uuid
        export = self.manifest.export_uuid
        database.execute_sql("DROP TABLE IF EXISTS temp.merge_plan")
        database.execute_sql(
            f"""
            CREATE TEMP TABLE merge_plan AS
            SELECT s.uuid AS uuid, s.revision AS unit_revision, s.deleted AS unit_deleted,
                   t.deleted AS hq_deleted,
              CASE
                WHEN t.merged_unit IS NULL OR t.merged_unit <> ? THEN 'conflict'
                WHEN s.revision <= t.merged_revision THEN
                  CASE WHEN t.revision = t.merged_hq_revision THEN 'unchanged' ELSE 'kept_hq' END
                WHEN t.revision = t.merged_hq_revision THEN 'changed'
                ELSE 'conflict'
              END AS action
            FROM h."{table}" s JOIN main."{table}" t ON t.uuid = s.uuid
            WHERE t.merged_export IS NOT ?
            """,
            [unit, export],
        )
        compared = [c for c in names if c not in model.DERIVED]
        old = ", ".join(f't."{c}"' for c in compared)
        new = ", ".join(f'src."{c}"' for c in compared)
        bump = f"(CASE WHEN (({old}) IS NOT ({new})) THEN 1 ELSE 0 END)"
        assignments = ", ".join(f'"{c}" = src."{c}"' for c in names)
        database.execute_sql(
            f"""
            UPDATE main."{table}" AS t SET {assignments},
              revision = t.revision + {bump},
              updated_at = CASE WHEN {bump} = 1 THEN ? ELSE t.updated_at END,
              merged_unit = ?, merged_export = ?, merged_at = ?,
              merged_revision = src.unit_revision, merged_hq_revision = t.revision + {bump}
            FROM (SELECT s.uuid AS uuid, s.revision AS unit_revision, {sources}
                  FROM h."{table}" s JOIN temp.merge_plan p ON p.uuid = s.uuid
                  WHERE p.action = 'changed') AS src
            WHERE t.uuid = src.uuid
            """,
            [self.now, unit, export, self.now],
        )
        for action, count in database.execute_sql(
            "SELECT action, count(*) FROM temp.merge_plan GROUP BY action"
        ).fetchall():
            counts[action] = count
        counts["deleted"] += database.execute_sql(
            "SELECT count(*) FROM temp.merge_plan WHERE action = 'changed' "
            "AND unit_deleted = 1 AND hq_deleted = 0"
        ).fetchone()[0]
        for (uuid,) in database.execute_sql(
            "SELECT uuid FROM temp.merge_plan WHERE action = 'conflict'"
        ).fetchall():
            self._conflict(model, uuid)
        if table == "project":
            self.changed_project_ids = {
                pid
                for (pid,) in database.execute_sql(
                    "SELECT t.id FROM temp.merge_plan p JOIN main.project t ON t.uuid = p.uuid "
                    "WHERE p.action = 'changed'"
                ).fetchall()
            }
        database.execute_sql("DROP TABLE temp.merge_plan")

    def _conflict(self, model: type[MergedRecord], uuid: str) -> None:
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

    def _note_events(self) -> None:
        """The projects whose cached stage may have to follow the merged events: those
        with an event taken in this merge, except the projects new in it, which
        arrived with the unit's cached stage of exactly these events."""
        rows = database.execute_sql(
            "SELECT DISTINCT m.project_id FROM h.stage_event s "
            "JOIN main.stage_event m ON m.uuid = s.uuid WHERE m.merged_export = ?",
            [self.manifest.export_uuid],
        ).fetchall()
        self.touched_project_ids = {pid for (pid,) in rows} - self.new_project_ids

    def refresh_stages(self) -> None:
        """The cached stage of the touched projects, from their events (a derived column)."""
        ids = self.touched_project_ids | self.changed_project_ids
        if not ids:
            return
        database.execute_sql(
            "CREATE TEMP TABLE IF NOT EXISTS merge_projects (id INTEGER PRIMARY KEY)"
        )
        database.execute_sql("DELETE FROM temp.merge_projects")
        database.cursor().executemany(
            "INSERT INTO temp.merge_projects VALUES (?)", [(pid,) for pid in ids]
        )
        database.execute_sql(
            f"""
            UPDATE main.project SET stage = coalesce((
              SELECT e.stage FROM main.stage_event e
              WHERE e.project_id = project.id AND e.deleted = 0
              ORDER BY e.date DESC, {stage_rank_sql("e.stage")} DESC, e.recorded_at DESC, e.id DESC
              LIMIT 1), 'lead')
            WHERE id IN (SELECT id FROM temp.merge_projects)
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


class HandoverBatch:
    """Merging handover files one after another into headquarters' open file; each
    file is one transaction.  ``finish`` then looks once for the projects reported
    by two units (a pass over every project, so not repeated for every file).

    Told the file that comes next (``merge(path, next_path)``), the batch checks it
    in a thread of its own while this one is merged (db.io.handover.verify.check_data:
    its archive, signature, hash, integrity_check and values, on its private copy;
    SQLite works without Python's lock, so the two go on side by side).  What depends
    on headquarters' file (the unit's registered key, whether the export is merged
    already) is decided when the file's turn comes, on the merging thread."""

    def __init__(self, store: Store, now: datetime | None = None) -> None:
        self.store = store
        self.now = now or utc_now()
        self.outcomes: list[MergeOutcome] = []
        self._checker: ThreadPoolExecutor | None = None
        self._ahead: tuple[Path, Future[Verified]] | None = None
        with store.bound():
            if not settings.is_headquarters():
                raise UserError(
                    "只能在总部文件中合并交接文件",
                    "handover files are merged into a headquarters file",
                )

    def merge(self, path: str | Path, next_path: str | Path | None = None) -> MergeOutcome:
        """Check one handover file and merge it (no search for duplicates yet);
        ``next_path``, the file to merge next, is checked meanwhile."""
        path = Path(path)
        ahead = Path(next_path) if next_path is not None else None
        with self.store.bound():
            outcome = self._merge(path, ahead)
        self.outcomes.append(outcome)
        return outcome

    def _merge(self, path: Path, ahead: Path | None) -> MergeOutcome:
        checked = self._checked(path)
        try:
            _, pinned, known = _screened(path)
        except HandoverRefused as refused:
            _discard(checked)
            self._check_ahead(ahead)
            return MergeOutcome(path.name, "refused", reason_zh=refused.zh, reason_en=refused.en)
        if known is not None:
            _discard(checked)
            self._check_ahead(ahead)
            return known  # already merged, or stale: nothing to read, nothing changes
        try:
            verified = verify_handover(path, pinned, checked.result if checked else None)
        except HandoverRefused as refused:
            self._check_ahead(ahead)
            return MergeOutcome(path.name, "refused", reason_zh=refused.zh, reason_en=refused.en)
        self._check_ahead(ahead)
        try:
            return _merge(self.store, path, verified.manifest, verified.copy, self.now)
        finally:
            verified.cleanup()

    def _checked(self, path: Path) -> Future[Verified] | None:
        """The check of ``path`` started while the file before was merged, if any; one
        of another file (the list changed) is dropped."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return None
        if ahead[0] == path:
            return ahead[1]
        _discard(ahead[1])
        return None

    def _check_ahead(self, path: Path | None) -> None:
        """Start checking ``path``, the file merged next, unless it will not be read:
        refused by its archive or key, merged already, or stale."""
        if path is None:
            return
        try:
            manifest, pinned, known = _screened(path)
        except HandoverRefused:
            return  # refused at its turn, with the reason
        if (pinned is not None and pinned != manifest.public_key) or known is not None:
            return
        if self._checker is None:
            self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handover-check")
        self._ahead = (path, self._checker.submit(check_data, path))

    def close(self) -> None:
        """Drop a check started for a file that will not be merged (the batch stopped)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            _discard(ahead[1])
        if self._checker is not None:
            self._checker.shutdown(wait=True)
            self._checker = None

    def finish(self) -> list[MergeOutcome]:
        """List the new suspected duplicates; each file's outcome counts those of its unit."""
        self.close()
        if not any(o.status == "merged" for o in self.outcomes):
            return self.outcomes
        with self.store.bound(), self.store.db.atomic():
            pairs = detect_duplicates(self.now)
            units = dict(
                database.execute_sql(
                    "SELECT p.uuid, u.uuid FROM project p JOIN unit u ON u.id = p.unit_id"
                ).fetchall()
            )
            for index, outcome in enumerate(self.outcomes):
                if outcome.status != "merged":
                    continue
                unit = outcome.unit_uuid
                mine = sum(1 for pair in pairs if unit in (units.get(pair[0]), units.get(pair[1])))
                if mine:
                    self.outcomes[index] = replace(outcome, duplicates=mine)
                    _note_duplicates(outcome, mine)
        return self.outcomes


_T = TypeVar("_T")


def _screened(path: Path) -> tuple[Manifest, str | None, MergeOutcome | None]:
    """What is decided of a handover file before its data is looked at: its manifest,
    the unit's key registered at headquarters, and the outcome of a file signed by
    that key (or of a unit not registered yet) that is merged already or stale, or
    None.  Raises HandoverRefused for an archive that cannot be read."""
    manifest = read_package(path).manifest
    pinned = pinned_key(manifest.unit_uuid)
    if pinned is not None and pinned != manifest.public_key:
        return manifest, pinned, None  # refused by verify_handover, with the reason
    return manifest, pinned, _known(path, manifest)


def with_next(paths: Sequence[_T]) -> list[tuple[_T, _T | None]]:
    """Each file of a batch with the one merged after it (``HandoverBatch.merge``'s
    ``next_path``), the last with None."""
    following: list[_T | None] = [*paths[1:], None]
    return list(zip(paths, following, strict=True))


def _discard(checked: Future[Verified] | None) -> None:
    discard_check(checked.result if checked is not None else None)


def _note_duplicates(outcome: MergeOutcome, count: int) -> None:
    handover = Handover.get_or_none(Handover.export_uuid == outcome.export_uuid)
    if handover is None:
        return
    summary = json.loads(handover.summary)
    summary["duplicates"] = count
    handover.summary = json.dumps(summary)
    handover.save()


def _known(path: Path, manifest: Manifest) -> MergeOutcome | None:
    """An export headquarters has merged already, or one older than the last merged."""
    outcome: dict[str, Any] = {
        "file_name": path.name,
        "unit_name": manifest.unit_name,
        "sequence": manifest.sequence,
        "unit_uuid": manifest.unit_uuid,
        "export_uuid": manifest.export_uuid,
    }
    if Handover.select().where(Handover.export_uuid == manifest.export_uuid).exists():
        return MergeOutcome(**outcome, status="already")
    last = _last_handover(manifest.unit_uuid)
    stale = (
        last is not None
        and manifest.sequence <= last.sequence
        and manifest.exported <= last.exported_at
    )
    return MergeOutcome(**outcome, status="stale") if stale else None


def merge_handover(store: Store, path: str | Path, now: datetime | None = None) -> MergeOutcome:
    """Check one handover file and merge it into headquarters' open ``store``."""
    batch = HandoverBatch(store, now)
    batch.merge(path)
    return batch.finish()[0]


def _merge(store: Store, path: Path, manifest: Manifest, copy: Path, now: datetime) -> MergeOutcome:
    outcome: dict[str, Any] = {
        "file_name": path.name,
        "unit_name": manifest.unit_name,
        "sequence": manifest.sequence,
        "unit_uuid": manifest.unit_uuid,
        "export_uuid": manifest.export_uuid,
    }
    last = _last_handover(manifest.unit_uuid)
    flag = None
    if last is not None and manifest.sequence <= last.sequence:
        flag = "sequence_backwards"  # a later export with an earlier number
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
                summary=json.dumps({"counts": counts, "tables": merge.by_table, "duplicates": 0}),
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
        flag=flag,
    )


Progress = Callable[[int, int, MergeOutcome], bool]  # (files done, files in all, last) → go on?


def merge_files(
    store: Store, paths: Sequence[str | Path], progress: Progress | None = None
) -> list[MergeOutcome]:
    """Merge several handover files in turn, each in its own transaction."""
    batch = HandoverBatch(store)
    try:
        for path, following in with_next(paths):
            outcome = batch.merge(path, following)
            if progress is not None and not progress(len(batch.outcomes), len(paths), outcome):
                break
        return batch.finish()
    finally:
        batch.close()
