"""Look-alikes (查重) in a city of 100,000 projects: the check the project form runs
before saving, and the report of likely duplicates over the whole file.

    python bench/bench_lookalikes.py [--projects 100000] [--quick]

The city comes from the seeded generator (bench/generator.py: 20 units), built once
into a cached headquarters file.  The form's check (db.reads.lookalikes.similar_records)
is timed for three entries a cadre could type: an existing project again under its
investor's other spelling, a new project of an existing investor, and a new project
of a new investor; the median of 20 runs each.  Its baseline compares the name with
every project's name in rapidfuzz (process.extractOne over names read from the file),
the brute force the blocking avoids.  The report (lookalike_groups) is timed whole on
a copy of the file into which 200 projects were entered a second time, by another unit,
under a shorter name (建设 dropped, or 项目 added) and with the investor spelled with a
province in front: the note says how many of them it found.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bench.generator import cached_hq_file  # noqa: E402
from bench.measure import Measurement, command_line, timed  # noqa: E402
from db.reads.lookalikes import lookalike_groups, similar_records  # noqa: E402
from db.records.projects import ProjectData, save_project  # noqa: E402
from db.rules.vocabulary import Capital  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402


def brute_force(path: Path, name: str, repeat: int) -> float:
    """Read every live project's name and compare ``name`` with each (rapidfuzz)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:

        def compare() -> object:
            names = [n for (n,) in connection.execute("SELECT name FROM project WHERE deleted = 0")]
            return process.extractOne(name, names, scorer=fuzz.ratio)

        seconds, _ = timed(compare, repeat)
        return seconds
    finally:
        connection.close()


def entries(path: Path) -> list[tuple[str, str, str, str | None, Decimal]]:
    """What a cadre types: (label, project name, investor name, credit code, 总投资)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        name, investor, code, scaled = connection.execute(
            "SELECT p.name, i.name, i.credit_code, p.total_investment FROM project p "
            "JOIN investor i ON i.id = p.investor_id WHERE p.capital = 'domestic' "
            "ORDER BY p.id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM project)"
        ).fetchone()
    finally:
        connection.close()
    total = Decimal(scaled) / 1_000_000
    return [
        (
            "an existing project again, investor spelled otherwise",
            name,
            f"江苏{investor}",
            code,
            total,
        ),
        ("a new project of an existing investor", "二期扩建项目", investor, code, total),
        ("a new project of a new investor", "鸿蒙智能座舱研发制造项目", "某某新公司", None, total),
    ]


PLANTED = 200


def plant_duplicates(path: Path, count: int, seed: int = 3) -> set[str]:
    """Enter ``count`` projects of the file again, as another unit's cadre would: the
    name without 建设 (or with 项目 added), the investor with 江苏 in front, the same
    amount; returns the names entered."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT p.name, i.name, p.capital, p.total_investment, p.unit_id FROM project p "
            "JOIN investor i ON i.id = p.investor_id WHERE p.deleted = 0"
        ).fetchall()
        units = [u for (u,) in connection.execute("SELECT id FROM unit WHERE kind != '招商中心'")]
    finally:
        connection.close()
    rng = random.Random(seed)
    planted = set()
    store = open_store(path).make_default()
    try:
        for name, investor, capital, scaled, unit_id in rng.sample(rows, count):
            again = name.replace("建设项目", "项目") if "建设" in name else name + "项目"
            save_project(
                ProjectData(
                    name=again,
                    investor_name=f"江苏{investor}",
                    unit_id=rng.choice([u for u in units if u != unit_id]),
                    capital=Capital(capital),
                    total_investment=Decimal(scaled) / 1_000_000,
                )
            )
            planted.add(again)
    finally:
        store.close()
    return planted


def run(projects: int, units: int = 20, repeat: int = 20) -> list[Measurement]:
    path = cached_hq_file(projects, units, seed=11)
    store = open_store(path, write=False).make_default()
    measurements = []
    try:
        for label, name, investor, code, total in entries(path):
            similar_records(name, investor, code, total=total)  # warm the page cache
            seconds, found = timed(
                lambda name=name, investor=investor, code=code, total=total: similar_records(
                    name, investor, code, total=total
                ),
                repeat,
            )
            measurements.append(
                Measurement(
                    f"look-alikes before saving, {projects:,} projects: {label}",
                    seconds,
                    "rapidfuzz: the name against every name read from the file",
                    brute_force(path, name, 5),
                    f"{len(found)} shown",
                )
            )
    finally:
        store.close()
    folder = Path(tempfile.mkdtemp(prefix="zhaoshang-lookalikes-"))
    try:
        copy = folder / "city.zsdb"
        shutil.copyfile(path, copy)
        planted = plant_duplicates(copy, PLANTED)
        store = open_store(copy, write=False).make_default()
        try:
            seconds, groups = timed(lambda: lookalike_groups(), 3 if projects <= 10_000 else 1)
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    found = {p.name for g in groups for p in g.projects} & planted
    measurements.append(
        Measurement(
            f"look-alike report, {projects:,} projects (the whole file)",
            seconds,
            note=f"{len(groups):,} groups; {len(found)} of the {PLANTED} entered twice found",
        )
    )
    return measurements


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    return run(10_000, repeat=5) if quick else run(100_000)


def main() -> None:
    command_line(run, bench)


if __name__ == "__main__":
    main()
