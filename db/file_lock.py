"""One writer per file: a lock file beside the unit file says who has it open."""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.errors import UserError


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str


class FileInUse(UserError):
    def __init__(self, path: Path, owner: LockOwner) -> None:
        super().__init__(
            f"文件正由 {owner.user}（电脑 {owner.host}）自 {owner.since} 起打开,"
            f"为避免数据损坏,请等对方关闭后再打开:{path}",
            f"{path} is open by {owner.user} on {owner.host} since {owner.since}",
        )
        self.owner = owner


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class FileLock:
    """``{file}.lock``, created exclusively; a dead process's lock on this host is taken over."""

    def __init__(self, path: Path) -> None:
        self.path = Path(f"{path}.lock")
        self.target = path
        self.held = False

    def read_owner(self) -> LockOwner | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return LockOwner(str(raw["user"]), str(raw["host"]), int(raw["pid"]), str(raw["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def acquire(self) -> None:
        me = LockOwner(
            getpass.getuser(),
            socket.gethostname(),
            os.getpid(),
            datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = self.read_owner()
                stale = owner is None or (owner.host == me.host and not _alive(owner.pid))
                if owner is not None and owner.host == me.host and owner.pid == me.pid:
                    stale = True
                if not stale:
                    assert owner is not None
                    raise FileInUse(self.target, owner) from None
                self.path.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me.__dict__, handle, ensure_ascii=False)
            self.held = True
            return
        raise FileInUse(self.target, self.read_owner() or me)

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False
