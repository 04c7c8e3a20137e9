"""What every bench reports, so that ``make bench`` prints one table (bench/run.py).

A bench module defines ``bench(quick: bool) -> list[Measurement]``: each operation
timed (whole operations, medians where repeated), with the raw baseline measured in
the same run where one exists, so the table can show the ratio.  ``quick`` is for a
smoke run (smaller data); ``make bench`` runs the full size.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Measurement:
    what: str  # the operation, as a user would name it
    seconds: float
    baseline: str | None = None  # what the raw baseline does
    baseline_seconds: float | None = None
    note: str | None = None  # sizes, pages, memory…
    shown: str | None = None  # what stands in the time column when it is no time (a size)

    @property
    def ratio(self) -> float | None:
        if self.baseline_seconds is None or self.baseline_seconds <= 0:
            return None
        return self.seconds / self.baseline_seconds


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """The median time of ``repeat`` runs of ``action`` (seconds) and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def table(measurements: list[Measurement]) -> str:
    """The Markdown table the README's Performance section shows."""
    lines = [
        "| operation | time | raw baseline | baseline time | ratio | note |",
        "|---|---|---|---|---|---|",
    ]
    for m in measurements:
        ratio = f"×{m.ratio:.2f}" if m.ratio is not None else ""
        base = format_seconds(m.baseline_seconds) if m.baseline_seconds is not None else ""
        lines.append(
            f"| {m.what} | {m.shown or format_seconds(m.seconds)} | {m.baseline or ''} | {base} "
            f"| {ratio} | {m.note or ''} |"
        )
    return "\n".join(lines)


def command_line(
    run: Callable[[int], list[Measurement]], bench: Callable[[bool], list[Measurement]]
) -> None:
    """``python bench/bench_X.py [--projects N] [--quick]``: one bench's table on its own."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="the quick run of make bench")
    args = parser.parse_args()
    print(table(bench(True) if args.quick else run(args.projects)))
