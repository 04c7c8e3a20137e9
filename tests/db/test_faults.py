"""Bad files, full disks, read-only places and stale locks, tried from outside: each
gets a message naming what and where (Chinese, then English), and changes nothing.

The full disk is a child process whose files may not grow past a limit
(RLIMIT_FSIZE); the read-only places are met by a child that is not root
(tests/unprivileged.py)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.errors import UnitFileError, UserError
from db.records.files import create_hq_file, create_unit_file
from db.rules.vocabulary import Capital, Stage
from db.store.unit_file import open_store
from db.store.values import CAPITAL_CODES, STAGE_CODES
from tests.factories import back_to_version_7
from tests.unprivileged import cli, run_child

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ROOT / "tests" / "data" / "article-ledger.xlsx"


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    path = tmp_path / "unit.zsdb"
    path.write_bytes(demo_master.read_bytes())
    return path


@pytest.fixture
def child_home(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "child"
    folder.mkdir()
    yield folder
    for path in (folder, *folder.rglob("*")):  # made read-only by the test
        if path.is_dir():
            path.chmod(0o755)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _alter(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _records(path: Path) -> dict[str, int]:
    """How many rows each table of the file holds (what a user's records are)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _first_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    return lines[0] if lines else ""


# -- stored values another program wrote -------------------------------------------------


def test_the_codes_checked_are_the_stages_and_capitals_of_the_rules() -> None:
    assert set(STAGE_CODES) == {stage.value for stage in Stage}
    assert set(CAPITAL_CODES) == {capital.value for capital in Capital}


BAD_VALUES = {
    "amount as text": (
        "UPDATE project SET total_investment = 'abc' WHERE id = (SELECT min(id) FROM project)",
        ("项目“", "'abc'"),
    ),
    "amount 1e300": (
        "UPDATE project SET total_investment = 1e300 WHERE id = (SELECT min(id) FROM project)",
        ("项目“", "1e+300"),
    ),
    "unknown stage": (
        "UPDATE project SET stage = 'bogus' WHERE id = (SELECT min(id) FROM project)",
        ("项目“", "'bogus'"),
    ),
    "a date that is no date": (
        "UPDATE stage_event SET date = 'yesterday' WHERE id = (SELECT min(id) FROM stage_event)",
        ("'yesterday'",),
    ),
    "setting not JSON": (
        "UPDATE setting SET value = '{not json' WHERE key = 'briefing'",
        ("设置“briefing”无法读取",),
    ),
    "exchange rate NaN": (
        "UPDATE setting SET value = json_set(value, '$.usd_cny', 'NaN') "
        "WHERE key = 'exchange_rate'",
        ("设置“exchange_rate”无法读取", "NaN"),
    ),
    "negative rate": (
        "UPDATE setting SET value = json_set(value, '$.usd_cny', '-7') WHERE key = 'exchange_rate'",
        ("设置“exchange_rate”无法读取",),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_a_value_that_cannot_be_read_is_named_and_the_file_left_as_it_was(
    demo: Path, case: str
) -> None:
    statement, expected = BAD_VALUES[case]
    _alter(demo, statement)
    digest, files = _digest(demo), _beside(demo)
    with pytest.raises(UnitFileError) as raised:
        open_store(demo)
    for fragment in expected:
        assert fragment in raised.value.zh, raised.value.zh
    assert str(demo) in raised.value.zh
    assert _digest(demo) == digest
    assert _beside(demo) == files  # no lock, no -wal/-shm, no .bak left


def test_the_command_line_names_the_value_too(demo: Path) -> None:
    _alter(demo, "UPDATE project SET total_investment = 'abc' WHERE name LIKE '大亚%'")
    result = subprocess.run(
        [sys.executable, *cli("figures", str(demo), "--from", "2023-01-01", "--to", "2023-07-31")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    line = _first_line(result)
    assert "大亚" in line and "总投资" in line and "'abc'" in line, line
    assert "Traceback" not in result.stderr


def test_a_negative_format_version_is_refused_without_a_backup(demo: Path) -> None:
    _alter(demo, "PRAGMA user_version = -1")
    digest, files = _digest(demo), _beside(demo)
    with pytest.raises(UnitFileError, match="格式版本无效"):
        open_store(demo)
    assert _digest(demo) == digest and _beside(demo) == files


def _break_an_index(path: Path) -> None:
    """Rebuild an index over another column, then give it back its own definition:
    the index no longer matches its table, and quick_check does not see it."""
    conn = sqlite3.connect(path)
    name, sql = conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'project' "
        "AND sql LIKE '%\"uuid\"%'"
    ).fetchone()
    wrong = sql.replace('"uuid"', '"name"')
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", [wrong, name])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    conn.execute(f'REINDEX "{name}"')
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", [sql, name])
    conn.commit()
    conn.close()


def test_an_index_that_no_longer_matches_its_table_is_found(demo: Path) -> None:
    _break_an_index(demo)
    conn = sqlite3.connect(demo)
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # it does not see it
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()
    digest = _digest(demo)
    with pytest.raises(UnitFileError, match="文件已损坏"):
        open_store(demo)
    assert _digest(demo) == digest


@pytest.mark.parametrize("kind", ["empty", "fifo", "device", "folder"])
def test_what_is_no_file_of_ours_is_said_to_be_so(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.zsdb"
    expected = {"empty": "0 字节", "fifo": "管道", "device": "设备", "folder": "文件夹"}[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path.mkdir()
    with pytest.raises(UnitFileError, match=expected):
        open_store(path, write=kind != "device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if kind == "device" else ["x.zsdb"])


# -- read-only places ---------------------------------------------------------------------


def _figures(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return run_child(
        cli("figures", str(path), "--from", "2023-01-01", "--to", "2023-07-31", "--json"),
        home,
        unprivileged=True,
    )


def test_a_read_only_file_is_read_and_left_untouched(demo: Path, child_home: Path) -> None:
    path = child_home / "unit.zsdb"
    path.write_bytes(demo.read_bytes())
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    digest = _digest(path)

    result = _figures(path, child_home)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signed"]["count"] == 42
    imported = run_child(
        cli("import-ledger", str(path), str(LEDGER)), child_home, unprivileged=True
    )
    assert imported.returncode == 2
    assert "文件是只读的" in _first_line(imported) and str(path) in _first_line(imported)

    assert _digest(path) == digest
    assert _beside(path) == ["unit.zsdb"]  # no lock, no checkpoint, no .bak


def test_a_read_only_folder_is_read_and_left_untouched(demo: Path, child_home: Path) -> None:
    folder = child_home / "只读"
    folder.mkdir()
    path = folder / "unit.zsdb"
    path.write_bytes(demo.read_bytes())
    folder.chmod(0o555)
    digest = _digest(path)

    result = _figures(path, child_home)
    assert result.returncode == 0, result.stderr
    imported = run_child(
        cli("import-ledger", str(path), str(LEDGER)), child_home, unprivileged=True
    )
    assert imported.returncode == 2
    assert "只读" in _first_line(imported) and str(folder) in _first_line(imported)
    assert _digest(path) == digest and _beside(path) == ["unit.zsdb"]


def test_a_file_not_closed_cleanly_in_a_read_only_folder_is_not_misread(
    demo: Path, child_home: Path
) -> None:
    folder = child_home / "只读"
    folder.mkdir()
    path = folder / "unit.zsdb"
    path.write_bytes(demo.read_bytes())
    writer = sqlite3.connect(path)  # a write that only reached the write-ahead log
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE setting SET revision = revision + 1 WHERE key = 'briefing'")
    writer.commit()
    wal = Path(f"{path}-wal").read_bytes()
    writer.close()  # closing checkpoints: put the log back as a crash leaves it
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").unlink(missing_ok=True)
    folder.chmod(0o555)

    result = _figures(path, child_home)
    assert result.returncode == 2
    assert "未正常关闭" in _first_line(result) and "-wal" in _first_line(result)


def test_a_folder_in_the_place_of_the_lock_is_named(demo: Path) -> None:
    Path(f"{demo}.lock").mkdir()
    with pytest.raises(UserError, match="锁文件的位置被一个文件夹占用"):
        open_store(demo)


# -- a lock another computer left -----------------------------------------------------


def test_a_stale_lock_of_another_computer_is_taken_over_only_when_asked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unit.zsdb"
    create_hq_file(path, "市招商中心").close()
    Path(f"{path}.lock").write_text(
        '{"user": "王五", "host": "hq-laptop", "pid": 1, "since": "2026-11-25 09:00"}',
        encoding="utf-8",
    )
    refused = subprocess.run(
        [sys.executable, *cli("import-ledger", str(path), str(LEDGER))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2
    line = _first_line(refused)
    assert "王五" in line and "hq-laptop" in line and "2026-11-25 09:00" in line
    assert "--force-unlock" in line

    taken = subprocess.run(
        [sys.executable, *cli("import-ledger", str(path), str(LEDGER), "--force-unlock")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert taken.returncode == 0, taken.stderr
    assert "已接管" in taken.stderr
    conn = sqlite3.connect(path)
    logged = json.loads(
        conn.execute("SELECT value FROM setting WHERE key = 'file.lock_takeovers'").fetchone()[0]
    )
    conn.close()
    assert logged[-1]["from"] == "王五@hq-laptop"
    assert logged[-1]["since"] == "2026-11-25 09:00"


# -- a full disk ---------------------------------------------------------------------------


def _full(home: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return run_child(cli(*args), home, file_size_limit=limit)


def test_a_full_disk_during_an_import_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "unit.zsdb"
    create_hq_file(path, "市招商中心").close()
    before = _records(path)

    result = _full(tmp_path, 64 * 1024, "import-ledger", str(path), str(LEDGER))
    assert result.returncode == 2, result.stderr
    line = _first_line(result)
    assert "磁盘空间不足" in line and str(tmp_path) in line, line
    assert "Traceback" not in result.stderr
    assert _records(path) == before
    with open_store(path) as store, store.reading():  # and it opens as before
        pass


@pytest.fixture(scope="module")
def unit_with_projects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A unit's file whose every output is larger than the disk of the tests below."""
    from bench.generator import generate, write_projects

    path = tmp_path_factory.mktemp("full") / "unit.zsdb"
    store = create_unit_file(path, "开发区", kind="开发区")
    write_projects(store, generate(600, 1))
    store.close()
    return path


# Room for the file's shared-memory index (32 KB), not for any output.
SMALL_DISK = 40 * 1024
YEAR = ("--from", "2026-01-01", "--to", "2026-12-31")


@pytest.mark.parametrize(
    "command",
    [
        ("brief", "{file}", *YEAR, "--out", "{out}/简报.pdf"),
        ("listing", "{file}", "--out", "{out}/清单.pdf"),
        ("export-ledger", "{file}", "{out}/台账.xlsx"),
        ("export-ledger", "{file}", "{out}/台账.csv"),
        ("export", "{file}", "--out", "{out}"),
    ],
    ids=["brief", "listing", "xlsx", "csv", "handover"],
)
def test_a_full_disk_while_writing_leaves_no_partial_output(
    unit_with_projects: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "unit.zsdb"
    path.write_bytes(unit_with_projects.read_bytes())
    out = tmp_path / "输出"
    out.mkdir()
    digest = _digest(path)
    argv = [part.format(file=path, out=out) for part in command]
    # The file opens and reads on that disk: what fails is the output.
    read = _full(tmp_path, SMALL_DISK, "figures", str(path), *YEAR)
    assert read.returncode == 0, read.stderr

    result = _full(tmp_path, SMALL_DISK, *argv)
    assert result.returncode == 2, result.stderr
    line = _first_line(result)
    assert "磁盘空间不足" in line, line
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # no partial file, no temporary one
    assert _digest(path) == digest
    assert _beside(path) == ["unit.zsdb", "输出"]


def test_a_full_disk_while_an_older_file_is_copied_aside_leaves_no_partial_copy(
    unit_with_projects: Path, tmp_path: Path
) -> None:
    """A file of the release before is copied aside before it is upgraded: a disk too
    full for the copy gets the disk's message, the file as it was, and no half-made
    copy holding the space the user is asked to free."""
    path = tmp_path / "unit.zsdb"
    path.write_bytes(unit_with_projects.read_bytes())
    back_to_version_7(path)
    digest = _digest(path)
    limit = path.stat().st_size // 2
    result = _full(tmp_path, limit, "import-ledger", str(path), str(LEDGER))
    assert result.returncode == 2, result.stderr
    assert "磁盘空间不足" in _first_line(result), result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(path) == digest
    assert _beside(path) == ["unit.zsdb"]


def test_a_full_disk_when_opening_is_not_called_damage(
    unit_with_projects: Path, tmp_path: Path
) -> None:
    path = tmp_path / "unit.zsdb"
    path.write_bytes(unit_with_projects.read_bytes())
    result = _full(tmp_path, 8 * 1024, "figures", str(path), *YEAR)
    assert result.returncode == 2
    assert "磁盘空间不足" in _first_line(result), result.stderr
    assert _beside(path) == ["unit.zsdb"]
