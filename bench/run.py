"""``make bench``: every bench/bench_*.py, one table.

    python bench/run.py [--quick] [--only figures,ledger]

Each bench module defines ``bench(quick: bool) -> list[Measurement]`` (bench/measure.py).
Each runs in a process of its own (started afresh, not forked), so that one bench's
files, caches, Qt application and peak memory never weigh on the next; the
measurements come back to this process and are printed as one Markdown table, the
one the README's Performance section shows.  Before each bench, what the last one
wrote is flushed to disk (os.sync), so that its write-back is not timed in the next.
A bench that fails is named with its error, and the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import os
import queue
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.measure import Measurement, table  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent


def bench_modules() -> list[str]:
    """The bench modules, by name (bench_figures, bench_import…), in alphabetical order."""
    return sorted(path.stem for path in BENCH_DIR.glob("bench_*.py"))


def _run_one(name: str, quick: bool) -> list[Measurement]:
    """In the child process: import the module and run its bench."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    module = importlib.import_module(f"bench.{name}")
    return list(module.bench(quick=quick))


def _child(name: str, quick: bool, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        results.put(("ok", _run_one(name, quick)))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _result(process: multiprocessing.process.BaseProcess, results: multiprocessing.Queue):  # type: ignore[no-untyped-def, type-arg]
    """The child's ("ok", measurements) or ("error", traceback); a child that died
    without a word (Qt aborting without a display, a crash) is an error too, rather
    than a wait for ever."""
    while True:
        try:
            return results.get(timeout=1)
        except queue.Empty:
            if not process.is_alive():
                return "error", f"the bench's process ended with code {process.exitcode}"


def run(names: list[str], quick: bool) -> tuple[list[Measurement], list[str]]:
    context = multiprocessing.get_context("spawn")
    measurements: list[Measurement] = []
    failures: list[str] = []
    for name in names:
        print(f"== {name}{' (quick)' if quick else ''}", file=sys.stderr, flush=True)
        # What the previous bench wrote is put on disk first, so that its write-back
        # does not run during this one's timings.
        os.sync()
        began = time.perf_counter()
        results = context.Queue()
        process = context.Process(target=_child, args=(name, quick, results))
        process.start()
        status, value = _result(process, results)
        process.join()
        elapsed = time.perf_counter() - began
        if status == "ok":
            measurements.extend(value)
            print(f"   {len(value)} measurements in {elapsed:.0f} s", file=sys.stderr)
        else:
            failures.append(f"{name}: {value.strip().splitlines()[-1]}")
            print(value, file=sys.stderr)
    return measurements, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small data: a smoke run")
    parser.add_argument("--only", default="", help="comma-separated bench names, e.g. figures")
    args = parser.parse_args()
    names = bench_modules()
    if args.only:
        wanted = {f"bench_{n.strip().removeprefix('bench_')}" for n in args.only.split(",")}
        names = [n for n in names if n in wanted]
    measurements, failures = run(names, args.quick)
    # A line apart from what the benches printed on their own (the province's table).
    print(f"\n{table(measurements)}")
    for failure in failures:
        print(f"\nFAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
