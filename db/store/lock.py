"""One writer per file: ``FILE.lock`` beside the unit file says who has it open.

The lock is an operating-system lock on the lock file (``flock`` on Linux and
macOS, ``msvcrt.locking`` on Windows), held for as long as the file is open for
writing: the system releases it when the holder exits, even by ``kill -9``, so a
lock left by a crashed program on this computer is taken over at once.  The
file's text names the holder (user, computer, process, since when) for the
message a second writer gets.  A lock that names another computer is honoured
even when the system lock is free, because a network share may not pass system
locks between computers.

The lock is taken on the file's real path, so a symbolic link or a path with
``..`` leads to the same lock as the file itself.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.errors import UserError

# The system lock covers the first byte; the holder's description follows it, so
# that on Windows (where locked bytes cannot be read) others can still read it.
_LOCKED_BYTES = 1


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str


class FileInUse(UserError):
    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        if owner is None:
            super().__init__(
                f"文件正被另一个程序打开,为避免数据损坏,请等对方关闭后再打开:{path}",
                f"{path} is open in another program; try again once it is closed",
            )
        else:
            super().__init__(
                f"文件正由 {owner.user}（电脑 {owner.host}）自 {owner.since} 起打开,"
                f"为避免数据损坏,请等对方关闭后再打开:{path}",
                f"{path} is open by {owner.user} on {owner.host} since {owner.since}",
            )
        self.owner = owner


def real_path(path: str | Path) -> Path:
    """The file's own path: symbolic links and ``..`` resolved."""
    return Path(os.path.realpath(os.fspath(path)))


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, _LOCKED_BYTES)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_owner(path: Path) -> LockOwner | None:
    try:
        with path.open("rb") as handle:
            try:
                text = handle.read(4096)
            except OSError:  # Windows: the locked first byte cannot be read
                handle.seek(_LOCKED_BYTES)
                text = handle.read(4096)
        raw = json.loads(text.decode("utf-8"))
        return LockOwner(str(raw["user"]), str(raw["host"]), int(raw["pid"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


class FileLock:
    """The lock of one unit file, taken by ``acquire`` and given back by ``release``."""

    def __init__(self, path: str | Path) -> None:
        self.target = real_path(path)
        self.path = Path(f"{self.target}.lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def read_owner(self) -> LockOwner | None:
        return _read_owner(self.path)

    def acquire(self) -> None:
        """Take the lock, or raise FileInUse naming who holds it."""
        if self._fd is not None:
            return
        me = LockOwner(
            getpass.getuser(),
            socket.gethostname(),
            os.getpid(),
            datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise FileInUse(self.target, self.read_owner())
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if not same:  # the holder removed it as we opened it: try the new one
                os.close(fd)
                continue
            previous = self.read_owner()
            if previous is not None and previous.host != me.host:
                os.close(fd)
                raise FileInUse(self.target, previous)
            text = b" " + json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text)
            os.fsync(fd)
            self._fd = fd
            return
        raise FileInUse(self.target, self.read_owner())

    def release(self) -> None:
        if self._fd is None:
            return
        # Windows cannot remove an open file; a lock file left behind is free
        # (no system lock on it) and is taken over by the next writer.
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None
