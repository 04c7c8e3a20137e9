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
import errno
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
    """Another program holds the file; ``elsewhere`` when that is another computer,
    which may have crashed or been switched off with the file open: then the lock can
    be taken over on purpose (``FileLock.acquire(take_over=True)``)."""

    elsewhere: bool = False

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        if owner is None:
            super().__init__(
                f"文件正被另一个程序打开,为避免数据损坏,请等对方关闭后再打开:{path}",
                f"{path} is open in another program; try again once it is closed",
            )
        elif owner.host != socket.gethostname():
            self.elsewhere = True
            super().__init__(
                f"文件正由 {owner.user}（电脑 {owner.host}）自 {owner.since} 起打开,"
                f"为避免数据损坏,请等对方关闭后再打开:{path}。如确认那台电脑已不再使用此文件"
                "(已关机,或程序已意外退出),可以接管:在软件中选择“接管”,或在命令行加 --force-unlock",
                f"{path} is open by {owner.user} on {owner.host} since {owner.since}; if that "
                "computer no longer uses it (switched off, or the program crashed), take it over: "
                "choose Take over in the app, or add --force-unlock on the command line",
            )
        else:
            super().__init__(
                f"文件正由 {owner.user}（电脑 {owner.host}）自 {owner.since} 起打开,"
                f"为避免数据损坏,请等对方关闭后再打开:{path}",
                f"{path} is open by {owner.user} on {owner.host} since {owner.since}",
            )
        self.owner = owner


class CannotLock(UserError):
    """The lock file cannot be made: the folder is read-only, or the name is taken."""

    def __init__(self, path: Path, zh: str, en: str, read_only: bool) -> None:
        super().__init__(zh, en)
        self.path = path
        self.read_only = read_only


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
        # Whose lock this one replaced: a process of this computer that had died,
        # or (taken over on purpose) another computer's.
        self.took_over_from: LockOwner | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def read_owner(self) -> LockOwner | None:
        return _read_owner(self.path)

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except IsADirectoryError:
            raise CannotLock(
                self.path,
                f"锁文件的位置被一个文件夹占用,请删除该文件夹后重试:{self.path}",
                f"a folder has the lock file's name; remove it and try again: {self.path}",
                read_only=False,
            ) from None
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise CannotLock(
                    self.path,
                    f"文件所在的文件夹或磁盘是只读的:{self.target.parent}",
                    f"the folder or disk of the file is read-only: {self.target.parent}",
                    read_only=True,
                ) from exc
            raise

    def acquire(self, take_over: bool = False) -> None:
        """Take the lock, or raise FileInUse naming who holds it.

        ``take_over`` takes a lock that another computer left (the system lock is
        free, the text names another computer): the user has said it is stale."""
        if self._fd is not None:
            return
        me = LockOwner(
            getpass.getuser(),
            socket.gethostname(),
            os.getpid(),
            datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        for _attempt in range(5):
            fd = self._open()
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
            if previous is not None and previous.host != me.host and not take_over:
                os.close(fd)
                raise FileInUse(self.target, previous)
            if previous is not None and previous.pid != me.pid:
                self.took_over_from = previous
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
