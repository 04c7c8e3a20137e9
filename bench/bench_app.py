"""The desktop app on a file of 100,000 projects, as whole processes.

    python bench/bench_app.py [--projects 100000] [--quick]

Start-up is timed from starting the process to the first paint of the ledger with its
rows, the app started as its entry starts it (desktop.app.start: its fonts, language and
icon, the window, the file given), against a bare PySide6 window holding an empty
QTableView started the same way (the same interpreter, the offscreen platform unless
QT_QPA_PLATFORM says otherwise): seven starts of each, in turns, and the medians.
In the app's process, after that: a search keystroke as it reaches the table (the
filter applied and painted; median of the prefixes of 大亚新能源材料), sorting by every
column of the ledger (the slowest named: its first page painted, and the whole order in
place, read off the UI thread), one edit saved through the undo stack with
the ledger re-read (the time the UI thread is busy; the overview computes off it),
and the peak resident memory.  The file is the generator's, cached between runs.

The app starts from compiled bytecode, as an installed program does: where the shell
forbids writing it (PYTHONDONTWRITEBYTECODE), the app's process keeps it in a folder
of the bench's own, filled by an untimed first start, rather than compiling every
module at every timed start.  The bare window is started exactly as before.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generator import cached_hq_file  # noqa: E402
from bench.measure import Measurement, command_line  # noqa: E402

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv)
window = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(0, 10))
window.setCentralWidget(view)
window.resize(1280, 800)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

watcher = Painted()
view.viewport().installEventFilter(watcher)
window.show()
app.exec()
print("painted", flush=True)
"""

APP = """
import json, statistics, sys, time
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer

from desktop.app import start

# As the app starts (its fonts, language and icon, the window, the file), in the data
# and settings folders of the bench (ZHAOSHANG_DATA_DIR, XDG_CONFIG_HOME).
app, window = start([sys.argv[1]])
window.open_url = lambda _url: True  # no viewer is started
window.resize(1280, 800)
ledger = window.ledger
window.tabs.setCurrentWidget(ledger)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and ledger.model.rowCount():
            QTimer.singleShot(0, loop.quit)
        return False

# A loop of its own: quitting the application would close the file.
loop = QEventLoop()
watcher = Painted()
ledger.table.viewport().installEventFilter(watcher)
loop.exec()
print("painted", flush=True)
ledger.table.viewport().removeEventFilter(watcher)
results = {}

def timed(action):
    app.processEvents()  # what other views left pending is not this action's
    began = time.perf_counter()
    action()
    app.processEvents()
    return time.perf_counter() - began

keystrokes = []
text = "大亚新能源材料"
for end in range(1, len(text) + 1):
    def keystroke(prefix=text[:end]):
        ledger.search.setText(prefix)
        ledger._apply_filter()  # what the search timer runs once typing pauses
    keystrokes.append(timed(keystroke))
results["search"] = statistics.median(keystrokes)
timed(ledger.clear_filters)

def settled():  # seconds until the ledger's reads off the UI thread are done
    began = time.perf_counter()
    while ledger.busy:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    return time.perf_counter() - began

header = ledger.table.horizontalHeader()
sorts, wholes = {}, {}
for col in range(ledger.model.columnCount()):
    if header.isSectionHidden(col):
        continue
    name = ledger.model.headerData(col, Qt.Orientation.Horizontal)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        label = f"{name} {'↑' if order == Qt.SortOrder.AscendingOrder else '↓'}"
        # The first page shown in the new order (the UI thread's part), then the
        # whole order in place (read off the UI thread), before the next click.
        sorts[label] = timed(lambda col=col, order=order: header.setSortIndicator(col, order))
        wholes[label] = sorts[label] + settled()
results["sorts"] = sorts
results["sorts_whole"] = wholes

from db.records.projects import load_project, save_project
uuid = ledger.model.data(ledger.model.index(0, 0), Qt.ItemDataRole.UserRole + 1)
edits = []
for remark in ("一期在建", "二期规划", "已拿地"):
    def edit(remark=remark):
        data = load_project(uuid)
        data.remarks = remark
        window.session.run("修改项目", save_project(data))
    edits.append(timed(edit))
# Showing the overview: built when first shown, its computation started off the UI thread.
edits.append(timed(lambda: window.tabs.setCurrentWidget(window.dashboard)))
results["edit"] = max(edits)
# The peak of this process's own memory (VmHWM): getrusage's ru_maxrss would also count
# what the benchmark held when it started this process (Linux keeps it across exec).
with open("/proc/self/status") as status:
    peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
results["rss_mib"] = peak_kib / 1024
window.session.close()
print(json.dumps(results), flush=True)
"""


def _environment(bytecode: Path | None = None, folder: Path | None = None) -> dict[str, str]:
    """The processes' environment; ``bytecode``: where the app keeps its compiled
    modules when the shell forbids writing them beside the sources; ``folder``: the
    app's data and settings folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = str(ROOT)
    if folder is not None:
        env["ZHAOSHANG_DATA_DIR"] = str(folder / "data")
        env["XDG_CONFIG_HOME"] = str(folder / "config")
    if bytecode is not None and env.get("PYTHONDONTWRITEBYTECODE"):
        del env["PYTHONDONTWRITEBYTECODE"]
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def _started(
    script: str, *args: str, env: dict[str, str] | None = None, whole: bool = True
) -> tuple[float, str]:
    """Seconds from starting the process to its "painted" line, and what it printed after
    (``whole`` False: the process is ended there)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env or _environment(),
        cwd=ROOT,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    seconds = time.perf_counter() - began
    if not whole and line.strip() == "painted":
        process.kill()
        process.wait()
        return seconds, ""
    rest = process.stdout.read()
    process.wait()
    if line.strip() != "painted" or process.returncode:
        raise RuntimeError(f"the process failed ({process.returncode}): {line}{rest}")
    return seconds, rest


def run(projects: int, starts: int = 7) -> list[Measurement]:
    path = cached_hq_file(projects, 20, seed=11)
    work = Path(os.environ.get("TMPDIR", "/tmp")) / "zhaoshang-bench-app"
    work.mkdir(exist_ok=True)
    app = _environment(bytecode=work / "bytecode", folder=work)
    copy = work / "city.zsdb"

    def fresh_copy() -> None:
        for leftover in work.glob("city.zsdb*"):
            leftover.unlink()
        shutil.copyfile(path, copy)  # streamed: the benchmark holds no copy in memory
        # The copy is put on disk before the clock starts: its write-back (a quarter of
        # a gigabyte) would otherwise run during the app's start, as it does not when a
        # user opens a file that has long been there.
        os.sync()

    # A first, untimed start runs to its end, as a user's first start does: it compiles
    # the modules when it must and keeps the schema the file is checked against in the
    # data folder, which later starts read.  The search, sorts and edit are timed in it.
    fresh_copy()
    details = json.loads(_started(APP, str(copy), env=app)[1].strip().splitlines()[-1])
    # The bare window and the app are started in turns, so that a slower spell of the
    # machine weighs on both sides of the ratio rather than on one.
    bare_runs, app_runs = [], []
    for _ in range(starts):
        bare_runs.append(_started(BARE)[0])
        fresh_copy()
        app_runs.append(_started(APP, str(copy), env=app, whole=False)[0])
    bare, start = statistics.median(bare_runs), statistics.median(app_runs)
    pairs = sorted(a / b for a, b in zip(app_runs, bare_runs, strict=True))
    slowest = max(details["sorts"], key=details["sorts"].get)
    slowest_whole = max(details["sorts_whole"], key=details["sorts_whole"].get)
    size = f"{projects:,} projects"
    return [
        Measurement(
            f"app: open a file of {size}, ledger painted (whole process)",
            start,
            "bare PySide6 window, empty QTableView",
            bare,
            f"medians of {len(pairs)} starts each, in turns; each pair's ratio "
            f"×{pairs[0]:.2f}–×{pairs[-1]:.2f}",
        ),
        Measurement(f"app: search keystroke, {size} (median)", details["search"]),
        Measurement(
            f"app: sort by any column, {size}: first page painted (slowest)",
            details["sorts"][slowest],
            note=f"slowest: {slowest}; {len(details['sorts'])} sorts",
        ),
        Measurement(
            f"app: sort by any column, {size}: the whole order in place (slowest)",
            details["sorts_whole"][slowest_whole],
            note=f"slowest: {slowest_whole}; read off the UI thread",
        ),
        Measurement(
            f"app: an edit saved, ledger re-read (UI thread), {size}",
            details["edit"],
            note="the overview computes off the UI thread",
        ),
        Measurement(
            f"app: peak resident memory, {size}",
            0.0,
            shown=f"{details['rss_mib']:.0f} MiB",
        ),
    ]


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(10_000, starts=1) if quick else run(100_000)


def main() -> None:
    command_line(run, bench)


if __name__ == "__main__":
    main()
