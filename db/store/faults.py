"""Faults of the machine, reported as what they are: a full disk, a folder or file the
user may not write, a path that is a folder.  Each becomes a UserError naming the
place and what to do, Chinese first, then English; nothing else is said about them.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import sys
from pathlib import Path

from peewee import OperationalError

from db.errors import UserError

FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


class DiskFull(UserError):
    """The disk (or the file size the system allows) is full; nothing was kept."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"磁盘空间不足,未写入任何内容:{folder}。请清理磁盘或换一个位置后重试",
            f"the disk is full; nothing was written: {folder}. Free some space or choose "
            "another place and try again",
        )
        self.folder = folder


class NotPermitted(UserError):
    """The user may not write (or read) here."""

    def __init__(self, path: Path, reading: bool = False) -> None:
        if reading:
            super().__init__(
                f"没有读取权限:{path}。请检查文件的权限,或复制到本机后再打开",
                f"no permission to read {path}; check its permissions or copy it first",
            )
        else:
            super().__init__(
                f"没有写入权限(只读文件、只读文件夹或只读磁盘):{path}",
                f"no permission to write (a read-only file, folder or disk): {path}",
            )
        self.path = path


def _folder(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def from_os_error(exc: OSError, path: Path, reading: bool = False) -> UserError:
    """The OSError of a read or write of ``path``, as a message for the user."""
    if exc.errno in FULL:
        return DiskFull(_folder(path))
    if exc.errno in DENIED:
        return NotPermitted(path, reading)
    if exc.errno == errno.EISDIR:
        return UserError(f"这是一个文件夹,请指定文件名:{path}", f"{path} is a folder; name a file")
    if exc.errno == errno.ENOENT:
        return UserError(f"文件或文件夹不存在:{path}", f"no such file or folder: {path}")
    reason = exc.strerror or str(exc)
    return UserError(f"无法读写文件:{path}({reason})", f"cannot read or write {path}: {reason}")


LOW_SPACE = 4 * 1024 * 1024  # free bytes below which a failed write is a full disk
SQLITE_IOERR = 10  # the primary result code of every "disk I/O error"


def short_of_space(folder: Path) -> bool:
    """Whether a write in ``folder`` that failed may have failed for want of space:
    the disk is (nearly) full, or this process may not write files past a size
    (SQLite reports EFBIG, the size a file may have, as an I/O error)."""
    if sys.platform != "win32":
        import resource

        if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:
            return True
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def from_database_error(exc: BaseException, path: Path) -> UserError | None:
    """A database error that is a fault of the machine, as a message; None otherwise.

    The error that reaches us may be a later one ("cannot rollback - no transaction
    is active", after SQLite rolled back by itself when the disk filled): the chain
    of causes is searched for the first."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.Error | OperationalError):
            text = str(seen).lower()
            if "database or disk is full" in text:
                return DiskFull(path.parent)
            if "readonly database" in text or "read-only" in text:
                return NotPermitted(path)
            if "unable to open database file" in text:
                return NotPermitted(path, reading=True)
            code = getattr(seen, "sqlite_errorcode", None)
            io_error = "disk i/o error" in text or (
                code is not None and code & 0xFF == SQLITE_IOERR
            )
            if io_error and short_of_space(path.parent):
                return DiskFull(path.parent)
        if isinstance(seen, OSError) and seen.errno in FULL | DENIED:
            return from_os_error(seen, path)
        seen = seen.__cause__ or seen.__context__
    return None
