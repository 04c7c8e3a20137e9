"""Guard against the PySide6 6.12.0 / CPython 3.11 ``None`` refcount bug.

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to ``None`` on
many calls that return void (``QCoreApplication.processEvents``,
``QAbstractItemModel.beginResetModel`` ...). ``None`` is not immortal before
3.12, so after a few thousand such calls its count reaches zero and the
interpreter aborts with "Fatal Python error: none_dealloc". pyproject.toml pins
a good release; this test fails loudly if a bad one slips back in.

The calls run in a child interpreter so that an abort there cannot take the
test session down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 200_000

CHILD = textwrap.dedent(
    """
    import sys

    import PySide6
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    calls = int(sys.argv[1])
    app = QApplication([])
    model = QStandardItemModel()
    model.appendRow([QStandardItem("招商"), QStandardItem("台账")])

    before = sys.getrefcount(None)
    done = 0
    while done < calls:
        QCoreApplication.processEvents()
        model.beginResetModel()
        model.endResetModel()
        done += 3
    after = sys.getrefcount(None)

    print(f"PySide6 {PySide6.__version__}, {done} void calls, None refcount {before} -> {after}")
    # A leak-free run leaves the count where it was; allow a little noise.
    if before - after > 50:
        print(f"None refcount dropped by {before - after}", file=sys.stderr)
        sys.exit(3)
    print("ok")
    """
)


def test_void_calls_do_not_drop_none_refcount() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(CALLS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    detail = f"exit code {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 0, detail
    assert proc.stdout.strip().splitlines()[-1] == "ok", detail
