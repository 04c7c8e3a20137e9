"""One writer per file, everywhere: the command line takes the lock as the desktop app
does, on the file's real path; two imports at once never duplicate a project;
readers see one consistent state; an output that is an input is refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.io.ledger.export import export_ledger, ledger_rows
from db.records.files import create_hq_file
from db.store.lock import FileInUse
from db.store.models import Project
from db.store.unit_file import open_store

ROOT = Path(__file__).resolve().parents[2]


def zhaoshang(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def _count(path: Path, table: str = "project") -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def demo_copy(master: Path, path: Path) -> Path:
    path.write_bytes(master.read_bytes())
    return path


@pytest.fixture(scope="module")
def article_csv(demo_master: Path) -> Path:
    store = open_store(demo_master, write=False)
    with store.reading():
        rows = ledger_rows()
    store.close()
    out = demo_master.with_name("全市台账.csv")
    export_ledger(rows, out)
    return out


def test_the_command_line_waits_for_no_one_it_refuses(tmp_path: Path, article_csv: Path) -> None:
    path = tmp_path / "hq.zsdb"
    create_hq_file(path, "市招商中心").close()
    app = open_store(path)  # the desktop app has the file open
    try:
        result = zhaoshang("import-ledger", path, article_csv)
        assert result.returncode == 2
        assert "正由" in result.stderr and "打开" in result.stderr
        assert _count(path) == 0
        # Reading is fine while it is open.
        assert (
            zhaoshang("figures", path, "--from", "2023-01-01", "--to", "2023-07-31").returncode == 0
        )
    finally:
        app.close()
    assert zhaoshang("import-ledger", path, article_csv).returncode == 0
    assert _count(path) == 174


def test_a_link_or_a_detour_leads_to_the_same_lock(tmp_path: Path) -> None:
    path = tmp_path / "hq.zsdb"
    create_hq_file(path, "市招商中心").close()
    link = tmp_path / "快捷方式.zsdb"
    link.symlink_to(path)
    (tmp_path / "sub").mkdir()
    detour = tmp_path / "sub" / ".." / "hq.zsdb"
    first = open_store(path)
    try:
        for other in (link, detour):
            with pytest.raises(FileInUse):
                open_store(other)
    finally:
        first.close()
    second = open_store(link)
    assert second.real_path == path.resolve()
    second.close()


def test_two_imports_at_once_create_every_project_once(tmp_path: Path, article_csv: Path) -> None:
    for attempt in range(3):
        path = tmp_path / f"hq{attempt}.zsdb"
        create_hq_file(path, "市招商中心").close()
        command = [
            sys.executable,
            "-m",
            "desktop.cli",
            "import-ledger",
            str(path),
            str(article_csv),
        ]
        runs = [
            subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        codes = sorted(run.wait(timeout=120) for run in runs)
        errors = b"".join(run.stderr.read() for run in runs if run.stderr).decode()  # type: ignore[union-attr]
        # Either one was refused with the lock message, or they ran one after the
        # other and the second updated what the first created.
        assert codes in ([0, 2], [0, 0]), errors
        if codes == [0, 2]:
            # The lock message: naming who holds it, or (when the second run came
            # before the first had written its name into the lock) without a name.
            assert "为避免数据损坏,请等对方关闭后再打开" in errors
        assert _count(path) == 174


def test_a_log_removed_while_the_file_is_opened_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program closing the file removes its -wal between our looking for it and
    # our reading its size (CI saw "no such file or folder: ….zsdb-wal" once in two
    # imports at once).  The open goes on as for a file without a log.
    path = tmp_path / "hq.zsdb"
    create_hq_file(path, "市招商中心").close()
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"")
    real_stat = Path.stat
    looks = []

    def vanishing(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == wal:
            looks.append(self)
            if len(looks) == 2 and os.path.exists(wal):
                os.unlink(wal)  # the other program's last close, at the worst moment
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", vanishing)
    store = open_store(path)
    with store.reading():
        assert Project.select().count() == 0
    store.close()
    monkeypatch.undo()
    assert not wal.exists()


def test_a_reader_sees_one_state_while_another_program_writes(
    tmp_path: Path, demo_master: Path
) -> None:
    path = demo_copy(demo_master, tmp_path / "u.zsdb")
    reader = open_store(path, write=False)
    writer = sqlite3.connect(path)
    try:
        with reader.reading():
            before = Project.select().count()
            writer.execute("UPDATE project SET deleted = 1 WHERE id IN (1, 2, 3)")
            writer.commit()
            assert Project.live().count() == before  # the snapshot the reader began with
        with reader.reading():
            assert Project.live().count() == before - 3
    finally:
        writer.close()
        reader.close()


def test_a_reader_writes_nothing(tmp_path: Path, demo_master: Path) -> None:
    path = demo_copy(demo_master, tmp_path / "u.zsdb")
    before = path.read_bytes()
    assert zhaoshang("figures", path, "--from", "2023-01-01", "--to", "2023-07-31").returncode == 0
    assert zhaoshang("export-ledger", path, tmp_path / "out.xlsx").returncode == 0
    assert path.read_bytes() == before
    assert not Path(f"{path}.lock").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["brief", "--from", "2023-01-01", "--to", "2023-07-31", "--out", "{file}"],
        ["project-brief", "大亚新能源材料建设项目", "--out", "{file}"],
        ["listing", "--out", "{file}"],
        ["export-ledger", "{file}"],
        ["export-ledger", "{link}"],
        ["export-ledger", "{hardlink}"],
    ],
)
def test_an_output_that_is_the_file_itself_is_refused(
    tmp_path: Path, demo_master: Path, command: list[str]
) -> None:
    # Named .pdf / .csv so that only the check of the path can stop it.
    suffix = ".csv" if command[0] == "export-ledger" else ".pdf"
    path = demo_copy(demo_master, tmp_path / f"unit{suffix}")
    (tmp_path / f"link{suffix}").symlink_to(path)
    os.link(path, tmp_path / f"hard{suffix}")
    names = {
        "{file}": str(path),
        "{link}": str(tmp_path / f"link{suffix}"),
        "{hardlink}": str(tmp_path / f"hard{suffix}"),
    }
    before = path.read_bytes()
    result = zhaoshang(command[0], path, *(names.get(part, part) for part in command[1:]))
    assert result.returncode == 2
    assert "输出文件不能是要读取的文件本身" in result.stderr
    assert path.read_bytes() == before
