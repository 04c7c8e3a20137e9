"""Running a command as a user would meet a read-only place or a full disk.

Root may write any file and folder, so the read-only cases run in a child process
that obeys file permissions: when the tests run as root (CI does), the child gives
up the capabilities that let root ignore them (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH, CAP_FOWNER: dropped from its bounding set before it starts
Python); otherwise ``chmod`` is enough.  A full disk is a child whose files may not
grow past a limit (``RLIMIT_FSIZE``): a write past it fails with EFBIG, as on a
full disk, for root too (Python ignores the SIGXFSZ that comes with it).
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_ROOT = os.geteuid() == 0
PR_CAPBSET_DROP = 24
# CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER (linux/capability.h)
PERMISSION_CAPABILITIES = (1, 2, 3)


def _obey_permissions() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in PERMISSION_CAPABILITIES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_child(
    argv: Sequence[str],
    cwd: Path,
    *,
    unprivileged: bool = False,
    file_size_limit: int | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` (after the interpreter) in a child: ``unprivileged`` bound by
    file permissions even as root, ``file_size_limit`` bytes the most any file it
    writes may hold."""

    def prepare() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
        if unprivileged and AS_ROOT:
            _obey_permissions()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=prepare,
    )


def cli(*args: str) -> list[str]:
    """The argv of ``zhaoshang args…`` for run_child."""
    return ["-c", "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))", *args]
