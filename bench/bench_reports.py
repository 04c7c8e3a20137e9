"""Speed of the data core and the PDFs on large files.  Not a test.

Run: .venv/bin/python bench/bench_reports.py [--projects N]

Builds a headquarters file with N counted projects (each with a talks and a
signing event), then times: the counting rules (figures for a year), a raw
SQLite pass over the same rows as the baseline, the ledger import of the
article's 174-row spreadsheet, the city briefing of the article's data, a
briefing whose appendix lists 2,000 projects, and a batch of project briefs.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.reads.briefing import briefing_data  # noqa: E402
from db.reads.figures import Period, figures  # noqa: E402
from db.records.files import create_hq_file  # noqa: E402
from db.store.connection import database  # noqa: E402
from db.store.models import Investor, Project, StageEvent, Unit, new_uuid, utc_now  # noqa: E402
from db.store.unit_file import Store  # noqa: E402


def timed(label: str, action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds * 1000:9.1f} ms")
    return seconds, result


def build(path: Path, count: int) -> Store:
    store = create_hq_file(path, "市招商中心").make_default()
    rng = random.Random(7)
    now = utc_now()
    with database.atomic():
        units = [Unit.create(name=f"单位{i:02d}", kind="镇区") for i in range(12)]
        investor = Investor.create(name="基准投资方有限公司")
        projects = []
        for i in range(count):
            projects.append(
                {
                    "uuid": new_uuid(),
                    "revision": 1,
                    "updated_at": now,
                    "deleted": False,
                    "name": f"基准项目{i}",
                    "investor": investor.id,
                    "capital": "domestic",
                    "total_investment": 10000 + rng.randrange(0, 500000),
                    "industry_code": rng.choice(["36", "39", "26", "65"]),
                    "local_industry": rng.choice(["新材料", "新能源", "大健康"]),
                    "chain": rng.choice(["新材料", "新能源", None]),
                    "unit": units[i % 12].id,
                    "stage": "signed",
                }
            )
        for start in range(0, count, 2000):
            Project.insert_many(projects[start : start + 2000]).execute()
        events = []
        for pid in range(1, count + 1):
            talks = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 500))
            for stage, day in (("talks", talks), ("signed", talks + timedelta(days=60))):
                events.append(
                    {
                        "uuid": new_uuid(),
                        "revision": 1,
                        "updated_at": now,
                        "deleted": False,
                        "project": pid,
                        "stage": stage,
                        "date": day,
                        "recorded_at": now,
                    }
                )
        for start in range(0, len(events), 2000):
            StageEvent.insert_many(events[start : start + 2000]).execute()
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    count = parser.parse_args().projects
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-bench-"))
    big = work / "big.zsdb"
    print(f"{count:,} counted projects, {2 * count:,} stage events")
    _, store = timed("build the file (bulk insert)", lambda: build(big, count))
    year = Period(date(2023, 1, 1), date(2023, 12, 31))
    ours, result = timed(
        "figures(): signings of 2023 + pipeline at year end", lambda: figures(year)
    )
    print(f"{'':<48} signed {result.signed.count:,}, pipeline {result.pipeline.count:,}")

    def raw() -> int:
        conn = sqlite3.connect(big)
        rows = conn.execute(
            "SELECT p.id, p.total_investment, min(e.date) FROM project p JOIN stage_event e "
            "ON e.project_id = p.id WHERE e.stage = 'signed' GROUP BY p.id"
        ).fetchall()
        conn.close()
        return len(rows)

    baseline, _ = timed("raw sqlite3: first signing of every project", raw)
    print(f"{'':<48} ratio figures()/raw = {ours / baseline:.1f}")
    store.close()

    from reports.briefing import build_briefing

    mid = work / "mid.zsdb"
    store = build(mid, 2000)
    seconds, _ = timed(
        "briefing PDF listing all 2,000 projects in 附表",
        lambda: build_briefing(briefing_data(year), work / "mid-brief.pdf"),
    )
    store.close()

    from db.io.demo import build_demo
    from db.reads.project_brief import find_project, project_brief_data, project_uuids
    from reports.project_brief import build_project_brief

    _, demo_store = timed(
        "zhaoshang demo (import 174 rows + details)", lambda: build_demo(work / "demo.zsdb")
    )
    demo_store.make_default()
    jan_jul = Period(date(2023, 1, 1), date(2023, 7, 31))
    timed(
        "city briefing of the article's data",
        lambda: build_briefing(briefing_data(jan_jul), work / "city.pdf"),
    )
    uuids = project_uuids()[:100]

    def batch() -> None:
        for i, uuid in enumerate(uuids):
            build_project_brief(project_brief_data(find_project(uuid)), work / f"p{i}.pdf")

    seconds, _ = timed(f"{len(uuids)} project briefs", batch)
    print(f"{'':<48} {seconds / len(uuids) * 1000:.1f} ms per brief")
    demo_store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (RSS)':<48} {peak:9.0f} MiB")


if __name__ == "__main__":
    main()
