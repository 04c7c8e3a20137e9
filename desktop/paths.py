"""Where files live: the default unit file, and whether a path is on a network share."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "zhaoshang"
FILE_SUFFIX = ".zsdb"
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afpfs", "9p"}


def data_dir() -> Path:
    return Path(os.environ.get("ZHAOSHANG_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def default_file() -> Path:
    """The file a new user gets without choosing: 招商台账.zsdb in the user's data folder."""
    return data_dir() / f"招商台账{FILE_SUFFIX}"


def is_network_path(path: Path) -> bool:
    """True for a file on a network share, where SQLite's locking is not reliable."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, kind = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].replace("\\040", " ")
            inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
            if inside and len(point) > len(best):
                best, kind = point, parts[2]
    return kind in NETWORK_FILESYSTEMS
