"""Handing unit files to headquarters: export, verification, the three-way merge,
conflicts, tombstones, duplicates across units, and every file that is refused.

The city of the article is split into one file per unit (each imports its own
rows of the article's ledger), each unit exports its handover, and headquarters
merges them: the merged file must give exactly the figures of one file holding
every unit's rows.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.io.demo import ARTICLE_ROWS
from db.io.handover.export import export_handover
from db.io.handover.manifest import DATA, MANIFEST, SIGNATURE, parse_manifest
from db.io.handover.merge import MergeOutcome, merge_handover, pinned_key
from db.reads.figures import Period, figures
from db.reads.handover import duplicate_pairs, open_conflicts, unit_handovers
from db.records.handover import decide_duplicate, reregister_unit, resolve_conflict
from db.records.projects import delete_projects, load_project, save_project
from db.store import keys
from db.store.models import MergeConflict, Project, new_uuid
from db.store.unit_file import Store, open_store
from tests.factories import version_8_undone
from tests.handover_city import City, hq_digest, hq_file, rows_by_unit, unit_file

TO_JULY = Period(date(2023, 1, 1), date(2023, 7, 31))


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Store]:
    store = hq_file(tmp_path / "hq.zsdb")
    yield store
    store.close()


def _copy_unit(city: City, name: str, tmp_path: Path) -> Store:
    path = tmp_path / f"{name}.zsdb"
    path.write_bytes(city.units[name].read_bytes())
    return open_store(path)


def _merge_all(hq: Store, city: City) -> list[MergeOutcome]:
    return [merge_handover(hq, path) for path in city.handovers.values()]


# -- the whole city -----------------------------------------------------------------


def test_the_merged_city_gives_the_figures_of_one_file(hq: Store, city: City) -> None:
    outcomes = _merge_all(hq, city)
    assert [o.status for o in outcomes] == ["merged"] * len(city.handovers)
    assert all(o.counts["conflict"] == 0 for o in outcomes)
    with hq.reading():
        merged = figures(TO_JULY).to_json()
    reference = open_store(city.reference, write=False)
    with reference.reading():
        expected = figures(TO_JULY).to_json()
    reference.close()
    assert merged == expected
    assert merged["signed"]["count"] == 42
    assert merged["signed"]["total_wan_cny"] == "2606900"
    assert merged["pipeline"]["count"] == 113


def test_the_city_briefing_from_the_merged_file_covers_every_unit(hq: Store, city: City) -> None:
    from db.reads.briefing import briefing_data

    _merge_all(hq, city)
    with hq.reading():
        data = briefing_data(TO_JULY)
    assert data.figures.unit is None  # the whole city
    assert {line.unit for line in data.figures.by_unit} == set(city.handovers)
    reference = open_store(city.reference, write=False)
    with reference.reading():
        expected = briefing_data(TO_JULY)
    reference.close()
    assert sorted(r.name for r in data.appendix) == sorted(r.name for r in expected.appendix)
    assert data.figures.by_unit == expected.figures.by_unit


def test_the_headquarters_view_lists_each_unit(hq: Store, city: City) -> None:
    first = next(iter(city.handovers))
    merge_handover(hq, city.handovers[first])
    with hq.reading():
        lines = {line.unit_name: line for line in unit_handovers(date.today())}
    assert lines[first].sequence == 1
    assert lines[first].counts["new"] > 0
    assert lines[first].key_registered and not lines[first].overdue
    assert lines[first].last_merged_at is not None


def test_merging_a_file_twice_changes_nothing(hq: Store, city: City) -> None:
    _merge_all(hq, city)
    before = hq_digest(hq.real_path)
    again = _merge_all(hq, city)
    assert {o.status for o in again} == {"already"}
    assert hq_digest(hq.real_path) == before


# -- one unit over time ---------------------------------------------------------------


def _project_of(store: Store, name: str) -> str:
    with store.bound():
        return str(Project.get(Project.name == name).uuid)


def _edit(store: Store, uuid: str, **values: Any) -> None:
    with store.bound():
        data = load_project(uuid)
        for key, value in values.items():
            setattr(data, key, value)
        save_project(data)


def _field(store: Store, uuid: str, field: str) -> Any:
    with store.bound():
        return getattr(Project.get(Project.uuid == uuid), field)


ZONE = "开发区"
DAYA = "大亚新能源材料建设项目"


def test_an_older_export_after_a_newer_one_is_stale(hq: Store, city: City, tmp_path: Path) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    first = export_handover(unit, tmp_path).path
    daya = _project_of(unit, DAYA)
    _edit(unit, daya, remarks="一期投产")
    second = export_handover(unit, tmp_path).path
    unit.close()
    assert merge_handover(hq, second).status == "merged"
    before = hq_digest(hq.real_path)
    assert merge_handover(hq, first).status == "stale"
    assert hq_digest(hq.real_path) == before
    assert _field(hq, daya, "remarks") == "一期投产"


def test_a_sequence_that_goes_backwards_is_flagged(hq: Store, city: City, tmp_path: Path) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    backup = tmp_path / "backup.zsdb"
    day = datetime(2023, 8, 1, 9, tzinfo=UTC)
    merge_handover(hq, export_handover(unit, tmp_path, now=day).path)
    unit.close()
    backup.write_bytes(unit.real_path.read_bytes())  # the laptop's copy of that day
    unit = open_store(unit.real_path)
    merge_handover(hq, export_handover(unit, tmp_path, now=day + timedelta(days=7)).path)
    unit.close()
    restored = open_store(backup)  # the unit restored its file from the old copy
    later = day + timedelta(days=14)
    outcome = merge_handover(hq, export_handover(restored, tmp_path, now=later).path)
    restored.close()
    assert outcome.status == "merged" and outcome.flag == "sequence_backwards"
    with hq.reading():
        (line,) = [x for x in unit_handovers(date.today()) if x.unit_name == ZONE]
    assert line.flag == "sequence_backwards"


def test_only_the_unit_changed_it_headquarters_takes_it(
    hq: Store, city: City, tmp_path: Path
) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(unit, tmp_path).path)
    daya = _project_of(unit, DAYA)
    _edit(unit, daya, remarks="一期投产", total_investment=Decimal(310000))
    outcome = merge_handover(hq, export_handover(unit, tmp_path).path)
    unit.close()
    assert outcome.by_table["project"]["changed"] == 1
    assert _field(hq, daya, "remarks") == "一期投产"
    assert _field(hq, daya, "total_investment") == Decimal(310000)
    assert _field(hq, daya, "revision") == 2


def test_only_headquarters_changed_it_headquarters_keeps_it(
    hq: Store, city: City, tmp_path: Path
) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(unit, tmp_path).path)
    daya = _project_of(unit, DAYA)
    _edit(hq, daya, issues="总部协调用地指标")
    outcome = merge_handover(hq, export_handover(unit, tmp_path).path)
    unit.close()
    assert outcome.by_table["project"]["kept_hq"] == 1
    assert _field(hq, daya, "issues") == "总部协调用地指标"


def _conflicting(hq: Store, city: City, tmp_path: Path) -> tuple[str, MergeOutcome]:
    unit = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(unit, tmp_path).path)
    daya = _project_of(unit, DAYA)
    _edit(hq, daya, remarks="总部备注", issues="总部协调用地")
    _edit(unit, daya, remarks="单位备注")
    outcome = merge_handover(hq, export_handover(unit, tmp_path).path)
    unit.close()
    return daya, outcome


def test_both_changed_it_a_conflict_is_kept_and_nothing_overwritten(
    hq: Store, city: City, tmp_path: Path
) -> None:
    daya, outcome = _conflicting(hq, city, tmp_path)
    assert outcome.by_table["project"]["conflict"] == 1
    assert _field(hq, daya, "remarks") == "总部备注"
    with hq.reading():
        (conflict,) = open_conflicts()
    assert conflict.what == f"项目“{DAYA}”" and conflict.unit_name == ZONE
    by_label = {d.label: d for d in conflict.differences}
    assert by_label["备注"].hq == "总部备注" and by_label["备注"].unit == "单位备注"
    assert by_label["需协调问题"].unit == "—"


def test_a_conflict_resolved_for_the_unit_takes_its_values_and_can_be_undone(
    hq: Store, city: City, tmp_path: Path
) -> None:
    daya, _ = _conflicting(hq, city, tmp_path)
    with hq.bound():
        conflict = MergeConflict.get()
        done = resolve_conflict(conflict.uuid, take_unit=True)
        assert open_conflicts() == []
    assert _field(hq, daya, "remarks") == "单位备注"
    assert _field(hq, daya, "issues") is None
    with hq.bound():
        done.undo()
        assert len(open_conflicts()) == 1
    assert _field(hq, daya, "remarks") == "总部备注"


def test_a_conflict_resolved_for_headquarters_is_not_asked_again(
    hq: Store, city: City, tmp_path: Path
) -> None:
    daya, _ = _conflicting(hq, city, tmp_path)
    with hq.bound():
        resolve_conflict(MergeConflict.get().uuid, take_unit=False)
    unit = open_store(tmp_path / f"{ZONE}.zsdb")
    again = merge_handover(hq, export_handover(unit, tmp_path).path)
    assert again.by_table["project"]["conflict"] == 0
    _edit(unit, daya, content="新建厂房约30000平方米")  # the unit changes it once more
    later = merge_handover(hq, export_handover(unit, tmp_path).path)
    unit.close()
    assert later.by_table["project"]["conflict"] == 1  # headquarters' version differs still


def test_a_tombstone_deletes(hq: Store, city: City, tmp_path: Path) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(unit, tmp_path).path)
    daya = _project_of(unit, DAYA)
    with unit.bound():
        delete_projects([daya])
    outcome = merge_handover(hq, export_handover(unit, tmp_path).path)
    unit.close()
    assert outcome.counts["deleted"] == 1
    assert _field(hq, daya, "deleted") is True
    with hq.reading():
        assert figures(TO_JULY, None).signed.count == 7  # 开发区's 8 signings, less 大亚


# -- the same project from two units --------------------------------------------------


def test_a_project_reported_by_two_units_counts_once_until_decided(
    hq: Store, city: City, tmp_path: Path
) -> None:
    zone = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(zone, tmp_path).path)
    zone.close()
    with hq.reading():
        alone = figures(TO_JULY).signed.count
    rows = [r for r in ARTICLE_ROWS if r["项目名称"] == DAYA]
    office = unit_file(
        tmp_path / "office.zsdb",
        "上海驻点招商办",
        [dict(rows[0], 责任单位="上海驻点招商办", 项目名称="大亚新能源材料项目")],
    )
    outcome = merge_handover(hq, export_handover(office, tmp_path).path)
    assert outcome.duplicates == 1
    with hq.reading():
        (pair,) = duplicate_pairs()
        assert "统一社会信用代码相同" in pair.reason
        assert figures(TO_JULY).signed.count == alone  # counted once while open
    with hq.bound():
        decide_duplicate(pair.uuid, same=False)
    with hq.reading():
        assert figures(TO_JULY).signed.count == alone + 1
        assert duplicate_pairs() == []
    # A later handover of the office does not ask again.
    again = merge_handover(hq, export_handover(office, tmp_path).path)
    office.close()
    assert again.duplicates == 0
    with hq.reading():
        assert duplicate_pairs(None)[0].status == "different"


def test_the_same_project_is_credited_to_the_unit_chosen(
    hq: Store, city: City, tmp_path: Path
) -> None:
    zone = _copy_unit(city, ZONE, tmp_path)
    merge_handover(hq, export_handover(zone, tmp_path).path)
    zone.close()
    row = next(r for r in ARTICLE_ROWS if r["项目名称"] == DAYA)
    office = unit_file(
        tmp_path / "office.zsdb",
        "上海驻点招商办",
        [dict(row, 责任单位="上海驻点招商办", 签约日期=date(2023, 1, 6))],
    )
    merge_handover(hq, export_handover(office, tmp_path).path)
    office_daya = _project_of(office, DAYA)
    office.close()
    with hq.bound():
        (pair,) = duplicate_pairs()
        zone_daya = next(s.uuid for s in (pair.first, pair.second) if s.unit == ZONE)
        assert pair.credited_uuid in (zone_daya, office_daya)
        decide_duplicate(pair.uuid, same=True, credited_uuid=office_daya)
        by_unit = {u.unit: u for u in figures(TO_JULY).by_unit}
    assert by_unit["上海驻点招商办"].signed_count == 1
    assert by_unit[ZONE].signed_count == 7


# -- provenance and keys ------------------------------------------------------------------


def test_the_first_key_is_pinned_and_another_key_is_refused(
    hq: Store, city: City, tmp_path: Path
) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    first = export_handover(unit, tmp_path)
    merge_handover(hq, first.path)
    with hq.reading():
        assert pinned_key(first.manifest.unit_uuid) == first.manifest.public_key
    with unit.writing():  # the unit's file got a new key (a new laptop, say)
        from db.store import settings

        settings.put(keys.PUBLIC_KEY, None)
        keys.ensure_key_pair()
    second = export_handover(unit, tmp_path)
    unit.close()
    before = hq_digest(hq.real_path)
    refused = merge_handover(hq, second.path)
    assert refused.status == "refused" and "已登记的密钥" in (refused.reason_zh or "")
    assert hq_digest(hq.real_path) == before
    with hq.bound():
        reregister_unit(first.manifest.unit_uuid, "换了电脑")
    assert merge_handover(hq, second.path).status == "merged"
    with hq.reading():
        assert pinned_key(first.manifest.unit_uuid) == second.manifest.public_key


def test_the_handover_holds_no_private_key_and_is_a_rollback_journal_file(
    city: City, tmp_path: Path
) -> None:
    path = city.handovers[ZONE]
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == sorted([DATA, MANIFEST, SIGNATURE])
        data = archive.read(DATA)
        manifest = parse_manifest(archive.read(MANIFEST))
    assert manifest.unit_name == ZONE and manifest.sequence == 1
    assert manifest.row_counts["project"] == len(rows_by_unit()[ZONE])
    assert hashlib.sha256(data).hexdigest() == manifest.data_sha256
    assert data[18:20] == b"\x01\x01"  # rollback journal, not WAL
    (tmp_path / "d.zsdb").write_bytes(data)
    conn = sqlite3.connect(tmp_path / "d.zsdb")
    keys_kept = conn.execute("SELECT key FROM setting WHERE key LIKE 'file.%key'").fetchall()
    conn.close()
    assert keys_kept == [("file.public_key",)]
    unit = open_store(city.units[ZONE], write=False)
    with unit.reading():
        private = keys.settings.get(keys.PRIVATE_KEY)
    unit.close()
    assert private and base64.b64decode(private) not in data
    assert path.name.startswith(f"{ZONE}-交接-") and path.name.endswith("-001.zshd")


def test_an_interrupted_export_leaves_nothing_under_the_final_name(
    city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = _copy_unit(city, ZONE, tmp_path)
    out = tmp_path / "out"
    out.mkdir()

    def power_cut(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("db.io.handover.export.os.replace", power_cut)
    with pytest.raises(Exception, match="无法写入交接文件"):
        export_handover(unit, out)
    unit.close()
    assert list(out.iterdir()) == []


# -- refused files --------------------------------------------------------------------


def _fresh(members: dict[str, bytes], **changes: Any) -> dict[str, bytes]:
    """The members of a handover as a new export (unsigned: the signature is old)."""
    manifest = replace(
        parse_manifest(members[MANIFEST]), export_uuid=new_uuid(), sequence=2, **changes
    )
    return {**members, MANIFEST: manifest.to_bytes()}


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _pack(out: Path, members: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


def _private_key(city: City, unit: str) -> Ed25519PrivateKey:
    conn = sqlite3.connect(f"file:{city.units[unit]}?mode=ro", uri=True)
    (raw,) = conn.execute("SELECT value FROM setting WHERE key = ?", [keys.PRIVATE_KEY]).fetchone()
    conn.close()
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(json.loads(raw)))


def _signed(city: City, out: Path, data: bytes, unit: str = ZONE, **changes: Any) -> Path:
    """A new handover, properly signed by the unit, holding ``data``."""
    manifest = parse_manifest(_members(city.handovers[unit])[MANIFEST])
    manifest = replace(
        manifest,
        data_sha256=hashlib.sha256(data).hexdigest(),
        export_uuid=new_uuid(),
        sequence=manifest.sequence + 1,
        **changes,
    )
    raw = manifest.to_bytes()
    signature = base64.b64encode(_private_key(city, unit).sign(raw))
    return _pack(out, {MANIFEST: raw, SIGNATURE: signature, DATA: data})


def _altered_data(city: City, tmp: Path, *statements: str, version: int | None = None) -> bytes:
    copy = tmp / "altered.zsdb"
    copy.write_bytes(_members(city.handovers[ZONE])[DATA])
    conn = sqlite3.connect(copy)
    for statement in statements:
        conn.execute(statement)
    if version is not None:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return copy.read_bytes()


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0xFF]) + data[offset + 1 :]


BadFile = Callable[[City, Path], Path]
REFUSED: dict[str, tuple[BadFile, str]] = {
    "truncated": (lambda c, t: _truncated(c, t), "不是招商台账交接文件"),
    "one byte flipped in the data after signing": (
        lambda c, t: _flipped_after_signing(c, t),
        "数据校验值与交接清单不符",
    ),
    "one byte flipped in the manifest": (
        lambda c, t: _pack(
            t / "x.zshd",
            {
                **_signed_members(c, t),
                MANIFEST: _members(c.handovers[ZONE])[MANIFEST].replace(
                    b'"sequence": 1', b'"sequence": 7'
                ),
            },
        ),
        "签名无效",
    ),
    "not SQLite": (
        lambda c, t: _signed(c, t / "x.zshd", b"PK" + bytes(5000)),
        "不是招商台账数据文件",
    ),
    "another application's SQLite file": (
        lambda c, t: _signed(c, t / "x.zshd", _other_sqlite(t)),
        "其他程序的数据库",
    ),
    "an extra trigger": (
        lambda c, t: _signed(
            c,
            t / "x.zshd",
            _altered_data(
                c,
                t,
                "CREATE TRIGGER sqlite1 AFTER UPDATE ON project BEGIN DELETE FROM stage_event; END",
            ),
        ),
        "结构与招商台账格式不符",
    ),
    "a view in place of a table": (
        lambda c, t: _signed(
            c,
            t / "x.zshd",
            _altered_data(c, t, "DROP TABLE cadre", "CREATE VIEW cadre AS SELECT * FROM unit"),
        ),
        "结构与招商台账格式不符",
    ),
    "a newer schema version": (
        lambda c, t: _signed(c, t / "x.zshd", _altered_data(c, t, version=99), schema_version=99),
        "请先升级软件",
    ),
    "a manifest that does not match the data": (
        lambda c, t: _signed(
            c,
            t / "x.zshd",
            _members(c.handovers[ZONE])[DATA],
            row_counts={
                **parse_manifest(_members(c.handovers[ZONE])[MANIFEST]).row_counts,
                "project": 1,
            },
        ),
        "数据行数与交接清单不符",
    ),
    "another unit's data under this unit's name": (
        lambda c, t: _signed(c, t / "x.zshd", _members(c.handovers["丹北镇"])[DATA]),
        "数据与交接清单中的单位不符",
    ),
    "a wrong signature": (
        lambda c, t: _pack(
            t / "x.zshd",
            {**_fresh(_members(c.handovers[ZONE])), SIGNATURE: base64.b64encode(bytes(64))},
        ),
        "签名无效",
    ),
    "re-signed by another unit's key": (
        lambda c, t: _resigned_by_another(c, t),
        "已登记的密钥",
    ),
    "an extra member": (
        lambda c, t: _pack(t / "x.zshd", {**_members(c.handovers[ZONE]), "readme.txt": b"hi"}),
        "多出文件",
    ),
}


def _signed_members(city: City, tmp: Path) -> dict[str, bytes]:
    return _members(_signed(city, tmp / "signed.zshd", _members(city.handovers[ZONE])[DATA]))


def _flipped_after_signing(city: City, tmp: Path) -> Path:
    signed = _members(_signed(city, tmp / "signed.zshd", _members(city.handovers[ZONE])[DATA]))
    return _pack(tmp / "x.zshd", {**signed, DATA: _flip(signed[DATA], 9000)})


def _truncated(city: City, tmp: Path) -> Path:
    out = tmp / "x.zshd"
    out.write_bytes(city.handovers[ZONE].read_bytes()[:4000])
    return out


def _other_sqlite(tmp: Path) -> bytes:
    path = tmp / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _resigned_by_another(city: City, tmp: Path) -> Path:
    """The zone's data and manifest, signed by 丹北镇's key (and naming that key)."""
    members = _members(city.handovers[ZONE])
    other = _private_key(city, "丹北镇")
    manifest = replace(
        parse_manifest(members[MANIFEST]),
        public_key=keys.public_text(other.public_key()),
    )
    raw = manifest.to_bytes()
    return _pack(
        tmp / "x.zshd", {**members, MANIFEST: raw, SIGNATURE: base64.b64encode(other.sign(raw))}
    )


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(
    hq: Store, city: City, tmp_path: Path, case: str
) -> None:
    merge_handover(hq, city.handovers[ZONE])  # the zone's key is pinned
    make, reason = REFUSED[case]
    bad = make(city, tmp_path)
    before = hq_digest(hq.real_path)
    outcome = merge_handover(hq, bad)
    assert outcome.status == "refused", outcome
    assert reason in (outcome.reason_zh or ""), outcome.reason_zh
    assert "\n" not in (outcome.reason_zh or "")
    assert hq_digest(hq.real_path) == before


def test_an_older_schema_is_migrated_in_the_copy(hq: Store, city: City, tmp_path: Path) -> None:
    from db.store.migrations import (
        V2_SCHEMA,
        V3_MERGED_COLUMNS,
        V3_MERGED_TABLES,
        V3_SCHEMA,
        V4_SCHEMA,
        V5_SCHEMA,
        V6_SCHEMA,
        V7_SCHEMA,
    )

    def made(schema: tuple[str, ...], kind: str) -> list[str]:
        return [s.split('"')[1] for s in schema if s.startswith(f"CREATE {kind}")]

    tables = made(V3_SCHEMA, "TABLE")
    # Version 8 undone gives back version 7; versions 6 and 7 added indexes; version 5
    # added sort keys with their triggers and narrowed the search index's update
    # trigger; version 4 added columns only: undoing them gives back version 3.
    indexes = made(V6_SCHEMA, "INDEX") + made(V7_SCHEMA, "INDEX")
    triggers = made(V5_SCHEMA, "TRIGGER")
    search_update = next(s for s in V2_SCHEMA if '"project_search_au"' in s)
    keys = [s.split('"')[1::2][:2] for s in V5_SCHEMA if s.startswith("ALTER TABLE")]
    columns = [s.split('"')[1::2][:2] for s in V4_SCHEMA]
    data = _altered_data(
        city,
        tmp_path,
        *version_8_undone(),
        *(f'DROP INDEX "{i}"' for i in indexes),
        *(f'DROP TRIGGER "{t}"' for t in triggers),
        search_update,
        *(f'ALTER TABLE "{t}" DROP COLUMN "{c}"' for t, c in keys + columns),
        *(
            f'ALTER TABLE "{t}" DROP COLUMN {c.split()[0]}'
            for t in V3_MERGED_TABLES
            for c in V3_MERGED_COLUMNS
        ),
        *(f'DROP TABLE "{t}"' for t in tables),
        version=2,
    )
    outcome = merge_handover(hq, _signed(city, tmp_path / "old.zshd", data, schema_version=2))
    assert outcome.status == "merged", outcome.reason_zh
    assert outcome.counts["new"] > 0


def test_a_batch_checks_the_next_file_while_merging_and_refuses_the_same(
    hq: Store, city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """merge_files checks the file that comes next while one is merged.  In one batch of
    the city's good files with every bad file between them, each bad file is refused
    with its own reason, as alone, headquarters ends as the good files alone make it,
    and no private copy is left behind; merged again, every file is known."""
    import threading

    from db.io.handover import merge as merging
    from db.io.handover.merge import merge_files

    checked_in: list[str] = []
    real_check = merging.check_data

    def noting(path: Path) -> Any:
        checked_in.append(threading.current_thread().name)
        return real_check(path)

    monkeypatch.setattr(merging, "check_data", noting)
    copies = tmp_path / "copies"
    copies.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(copies))  # where the private copies go
    good = list(city.handovers.values())
    bad = {}
    for number, (case, (make, reason)) in enumerate(REFUSED.items()):
        folder = tmp_path / f"bad{number}"
        folder.mkdir()
        bad[make(city, folder)] = (case, reason)
    batch = [good[0], *bad, *good[1:]]  # the zone first: its key is pinned by then
    outcomes = merge_files(hq, batch)
    by_path = dict(zip(batch, outcomes, strict=True))
    for path, (case, reason) in bad.items():
        outcome = by_path[path]
        assert outcome.status == "refused", case
        assert reason in (outcome.reason_zh or ""), (case, outcome.reason_zh)
    assert [by_path[path].status for path in good] == ["merged"] * len(good)
    assert list(copies.iterdir()) == []
    # Every file but the first was checked ahead, off the merging thread.
    assert sum(name.startswith("handover-check") for name in checked_in) >= len(good) - 1

    alone = hq_file(tmp_path / "alone.zsdb")
    for path in good:
        assert merge_handover(alone, path).status == "merged"
    with hq.reading():
        merged = figures(TO_JULY)
    with alone.reading():
        assert figures(TO_JULY) == merged
    alone.close()
    again = merge_files(hq, good)
    assert {outcome.status for outcome in again} == {"already"}
    assert list(copies.iterdir()) == []
