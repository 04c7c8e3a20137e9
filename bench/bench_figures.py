"""The figures (db.reads.figures.figures) of a city of 100,000 projects, in process,
against the raw query the issue measured them by: the first signings of the period.

    python bench/bench_figures.py [--projects 100000] [--quick]

The city comes from the seeded generator (bench/generator.py: 20 units, about two
stage events a project), built once into a cached headquarters file.  Two periods:
1~7月 of a year in the middle of the history (many projects have events after its
end, whose stage on that day is read from their events) and a year to date after the
last event (every stage on its end is the cached one).  Medians of five runs; the
dashboard computes the same call off the UI thread.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generator import cached_hq_file  # noqa: E402
from bench.measure import Measurement, command_line, timed  # noqa: E402
from db.reads.figures import Period, figures  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402

PERIODS = (
    ("1~7月 2023 (history goes on after it)", Period(date(2023, 1, 1), date(2023, 7, 31))),
    ("year to date, after the last event", Period(date(2026, 1, 1), date(2026, 6, 30))),
)
FIRST_SIGNINGS = (
    "SELECT project_id, MIN(date) FROM stage_event WHERE stage = 'signed' AND deleted = 0 "
    "GROUP BY project_id HAVING MIN(date) BETWEEN ? AND ?"
)


def raw_first_signings(path: Path, period: Period, repeat: int) -> float:
    """The issue's raw baseline: bare sqlite3, the projects first signed in the period."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        seconds, _ = timed(
            lambda: connection.execute(
                FIRST_SIGNINGS, [period.start.isoformat(), period.end.isoformat()]
            ).fetchall(),
            repeat,
        )
        return seconds
    finally:
        connection.close()


def run(projects: int, units: int = 20, repeat: int = 5) -> list[Measurement]:
    path = cached_hq_file(projects, units, seed=11)
    store = open_store(path, write=False).make_default()
    measurements = []
    try:
        for label, period in PERIODS:
            figures(period)  # the first run reads the file into the page cache
            seconds, result = timed(lambda period=period: figures(period), repeat)
            measurements.append(
                Measurement(
                    f"figures, {projects:,} projects: {label}",
                    seconds,
                    "raw sqlite3: first signings in the period",
                    raw_first_signings(path, period, repeat),
                    f"{result.signed.count:,} signed, {result.pipeline.count:,} in the pipeline",
                )
            )
    finally:
        store.close()
    return measurements


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(10_000, repeat=3) if quick else run(100_000)


def main() -> None:
    command_line(run, bench)


if __name__ == "__main__":
    main()
