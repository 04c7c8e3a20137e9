"""One writer per file: a second opener is told who has the file open."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from db.store.lock import FileInUse, FileLock


def test_second_opener_is_told_who_has_it(tmp_path: Path) -> None:
    target = tmp_path / "u.zsdb"
    first = FileLock(target)
    first.acquire()
    with pytest.raises(FileInUse) as info:
        other = FileLock(target)
        other.path.write_text(other.path.read_text())  # same file, another process below
        owner = json.loads(other.path.read_text())
        owner["pid"] = os.getppid()  # a live process that is not us
        other.path.write_text(json.dumps(owner))
        other.acquire()
    assert "正由" in info.value.zh and socket.gethostname() in info.value.zh
    first.release()


def test_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "u.zsdb"
    Path(f"{target}.lock").write_text(
        json.dumps({"user": "张三", "host": socket.gethostname(), "pid": 999999, "since": "x"}),
        encoding="utf-8",
    )
    lock = FileLock(target)
    lock.acquire()
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    lock.release()
    assert not lock.path.exists()


def test_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    target = tmp_path / "u.zsdb"
    Path(f"{target}.lock").write_text(
        json.dumps({"user": "李四", "host": "office-pc-7", "pid": 1, "since": "2026-11-20 09:00"}),
        encoding="utf-8",
    )
    with pytest.raises(FileInUse, match="李四（电脑 office-pc-7）"):
        FileLock(target).acquire()
