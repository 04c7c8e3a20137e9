"""Output paths that would destroy an input: refused before anything is written.

An output is refused when it is, or resolves to (symbolic links, ``..``, a hard
link to the same file), a file the command reads, or one of a unit file's
companions (its write-ahead log, shared memory, journal or lock).
"""

from __future__ import annotations

import os
from pathlib import Path

from db.errors import UserError
from db.store.lock import real_path

COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


def _same(a: Path, b: Path) -> bool:
    if real_path(a) == real_path(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: str | Path, *inputs: str | Path) -> Path:
    """``out`` when writing it cannot overwrite any of ``inputs``; UserError otherwise."""
    target = Path(out)
    for source in (Path(p) for p in inputs):
        candidates = [source, *(Path(f"{real_path(source)}{tail}") for tail in COMPANIONS)]
        if any(_same(target, candidate) for candidate in candidates):
            raise UserError(
                f"输出文件不能是要读取的文件本身,请另选文件名:{target}",
                f"the output would overwrite a file being read ({source}); choose another name: "
                f"{target}",
            )
    return target
