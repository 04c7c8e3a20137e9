"""A seeded generator of a city's (or a province's) investment projects, for the benches.

``generate(projects, units, seed)`` invents units (resident offices, the development
zone, towns), investors with valid 统一社会信用代码, and projects whose names,
industries and chains follow the city's lines of business (db/io/demo/companies.py),
with a realistic spread of sizes (most 1–5亿元, a few above 30亿元, some small
leads), about one in seven 外资 in 万美元, dated stage events along the path (中止
now and then), milestones for the projects under construction, and follow-ups.
The same seed gives the same data.

Written out as unit files (``write_unit_files``: one file a unit, bulk SQL in one
transaction, the same schema and search index as the app's) or as ledgers in the
template (``write_ledger``: .csv or .xlsx).
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import math
import os
import random
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from db.io.demo.companies import (  # noqa: E402
    COMPANY_SUFFIX,
    FOREIGN_FORMS,
    FOREIGN_TRADE,
    INFO_SOURCES,
    ISSUES,
    LINES,
    PLACES,
    generated_credit_code,
)
from db.io.ledger.template import COLUMNS  # noqa: E402
from db.records.files import create_hq_file, create_unit_file  # noqa: E402
from db.rules.vocabulary import STAGE_LABELS, Stage  # noqa: E402
from db.store.connection import database  # noqa: E402
from db.store.fields import MONEY_SCALE  # noqa: E402
from db.store.models import new_uuid  # noqa: E402
from db.store.unit_file import Store  # noqa: E402

CITIES = ("上海", "深圳", "北京", "广州", "杭州", "苏州", "南京", "宁波", "合肥", "成都", "武汉")
TOWN_NAMES = "丹北吕城司徒延陵界牌访仙导墅皇塘珥陵陵口云阳曲阿后巷新桥埤城练湖".replace("", " ")
BRANDS_FIRST = "华恒科中远博瑞金宏精鼎盛天海立嘉永辰鑫泰隆安达兴宇凯"
BRANDS_SECOND = "瑞通达鼎航远丰诚图源晟创益杰联信锐拓新美"
STAGE_PATH = (Stage.TALKS, Stage.SIGNED, Stage.STARTED, Stage.PRODUCING)
START = date(2019, 1, 1)
END = date(2023, 12, 31)


@dataclass
class GeneratedProject:
    unit: str
    code: str
    name: str
    investor: str
    credit_code: str | None
    origin: str
    foreign: bool
    total: Decimal  # 万 of its currency
    industry_code: str
    industry: str
    chain: str | None
    stage: Stage
    events: list[tuple[Stage, date]]
    milestones: list[tuple[str, date]] = field(default_factory=list)
    follow_ups: list[tuple[date, str, str, date | None]] = field(default_factory=list)
    land_mu: Decimal | None = None
    floor_area: int | None = None
    content: str | None = None
    issues: str | None = None


def unit_names(count: int) -> list[str]:
    """The development zone, then resident offices and towns, ``count`` in all."""
    towns = [f"{name}镇" for name in TOWN_NAMES.split()]
    offices = [f"{city}驻点招商办" for city in CITIES]
    names = ["开发区"]
    pool = [n for pair in zip(offices, towns, strict=False) for n in pair]
    pool += towns[len(offices) :] + offices[len(towns) :]
    names += pool
    i = 1
    while len(names) < count:  # a province: numbered parks
        names.append(f"第{i}产业园区")
        i += 1
    return names[:count]


def _brands(rng: random.Random) -> Iterator[str]:
    """Distinct brand names: two characters while they last, then three, then four….

    Each length's names are visited in a seeded order without listing them: index i of
    the length's space goes to (start + i * step) mod size, a permutation when step is
    prime to size, and names repeating a character are passed over.  A million names
    take neither the time nor the memory of building millions of candidates."""
    first, rest = BRANDS_FIRST, "".join(dict.fromkeys(BRANDS_SECOND + BRANDS_FIRST))
    length = 2
    while True:
        size = len(first) * len(rest) ** (length - 1)
        step = rng.randrange(1, size)
        while math.gcd(step, size) != 1:
            step += 1
        start = rng.randrange(size)
        for i in range(size):
            number = (start + i * step) % size
            number, head = divmod(number, len(first))
            name = [first[head]]
            for _ in range(length - 1):
                number, digit = divmod(number, len(rest))
                name.append(rest[digit])
            if len(set(name)) == length:
                yield "".join(name)
        length += 1


def _amount(rng: random.Random) -> Decimal:
    """总投资 in 万元: most 1–5亿元, a tail up to 50亿元, some small leads."""
    draw = rng.random()
    if draw < 0.12:
        wan = rng.uniform(2000, 9999)
    elif draw < 0.80:
        wan = rng.uniform(10000, 50000)
    elif draw < 0.93:
        wan = rng.uniform(50000, 100000)
    elif draw < 0.98:
        wan = rng.uniform(100000, 300000)
    else:
        wan = rng.uniform(300000, 500000)
    return Decimal(round(wan, 2)).quantize(Decimal("0.01"))


def _day(rng: random.Random, after: date, within: int) -> date:
    day = after + timedelta(days=rng.randint(1, within))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return max(day, after)


def generate(projects: int, units: int, seed: int = 7) -> list[GeneratedProject]:
    """``projects`` projects across ``units`` units; the same seed gives the same data."""
    return list(iter_projects(projects, units, seed))


def iter_projects(projects: int, units: int, seed: int = 7) -> Iterator[GeneratedProject]:
    """The projects of ``generate`` one at a time (a province's million never all in memory)."""
    rng = random.Random(seed)
    names = unit_names(units)
    brands = _brands(rng)
    pools = list(LINES)
    origins = list(PLACES)
    foreign_from = list(FOREIGN_FORMS)
    for i in range(projects):
        unit = names[i % len(names)]
        pool = rng.choice(pools)
        line = rng.choice(LINES[pool])
        brand = next(brands)
        foreign = rng.random() < 0.14
        if foreign:
            place = rng.choice(foreign_from)
            prefix, form = FOREIGN_FORMS[place]
            investor = f"{prefix}{brand}{FOREIGN_TRADE.get(line.industry, '实业')}{form}"
            code = None
            total = (_amount(rng) / 7).quantize(Decimal("0.01"))
        else:
            place = rng.choice(origins)
            investor = f"{PLACES[place][0]}{brand}{COMPANY_SUFFIX.get(pool, '实业有限公司')}"
            code = generated_credit_code(place, investor)
            total = _amount(rng)
        first = START + timedelta(days=rng.randint(0, (END - START).days - 200))
        reached = rng.choices(range(len(STAGE_PATH)), weights=(45, 25, 20, 10))[0]
        events: list[tuple[Stage, date]] = []
        day = first
        for step in STAGE_PATH[: reached + 1]:
            events.append((step, day))
            day = _day(rng, day, 160)
        stage = STAGE_PATH[reached]
        if rng.random() < 0.06:
            events.append((Stage.DROPPED, day))
            stage = Stage.DROPPED
        project = GeneratedProject(
            unit=unit,
            code=f"G{i + 1:07d}",
            name=f"{brand}{line.product}项目",
            investor=investor,
            credit_code=code,
            origin=place,
            foreign=foreign,
            total=total,
            industry_code=line.code,
            industry=line.industry,
            chain=line.chain,
            stage=stage,
            events=events,
        )
        scale = int(total * (7 if foreign else 1))
        if reached >= 2:
            mu = max(Decimal(10), (Decimal(scale) / 300).quantize(Decimal("0.1")))
            project.land_mu = mu
            project.floor_area = int(mu * 600)
            project.content = f"新建厂房{project.floor_area}平方米,建设{line.product}生产线"
            started = events[2][1]
            project.milestones = [
                ("拿地", started - timedelta(days=rng.randint(5, 40))),
                ("开工", started),
            ]
        if rng.random() < 0.5:
            visit = events[-1][1] - timedelta(days=rng.randint(1, 30))
            due = visit + timedelta(days=rng.randint(7, 45)) if rng.random() < 0.6 else None
            project.follow_ups = [(max(visit, first), "拜访", "了解项目进展", due)]
        if rng.random() < 0.08:
            project.issues = rng.choice(ISSUES)
        yield project


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


def write_projects(store: Store, projects: Iterable[GeneratedProject]) -> None:
    """Write the projects into an open unit or headquarters file, in one transaction.

    Bulk SQL, as a migration would: every record at revision 1, the cached stage
    set, the search index filled by its triggers; a batch of projects at a time."""
    now = _now()
    with store.writing():
        units = {name: uid for uid, name in database.execute_sql("SELECT id, name FROM unit")}
        investors: dict[str, int] = {}
        cursor = database.cursor()
        next_id = database.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM project").fetchone()
        pid = int(next_id[0])
        iterator = iter(projects)
        batch = list(itertools.islice(iterator, CHUNK))
        while batch:
            for project in batch:
                if project.unit not in units:
                    kind = "驻点招商办" if "驻点" in project.unit else "镇区"
                    cursor.execute(
                        "INSERT INTO unit (uuid, revision, updated_at, deleted, name, kind) "
                        "VALUES (?, 1, ?, 0, ?, ?)",
                        [new_uuid(), now, project.unit, kind],
                    )
                    units[project.unit] = int(cursor.lastrowid or 0)
                if project.investor not in investors:
                    cursor.execute(
                        "INSERT INTO investor (uuid, revision, updated_at, deleted, name, "
                        "credit_code, origin) VALUES (?, 1, ?, 0, ?, ?, ?)",
                        [new_uuid(), now, project.investor, project.credit_code, project.origin],
                    )
                    investors[project.investor] = int(cursor.lastrowid or 0)
            numbered = list(zip(range(pid, pid + len(batch)), batch, strict=True))
            _write_chunk(cursor, now, units, investors, numbered)
            pid += len(batch)
            batch = list(itertools.islice(iterator, CHUNK))


CHUNK = 20_000  # projects written per batch of statements


def _write_chunk(
    cursor: Any,
    now: str,
    units: dict[str, int],
    investors: dict[str, int],
    chunk: list[tuple[int, GeneratedProject]],
) -> None:
    """One batch: its projects, then their events, milestones and follow-ups."""
    cursor.executemany(
        "INSERT INTO project (id, uuid, revision, updated_at, deleted, code, name, "
        "investor_id, capital, total_investment, industry_code, local_industry, chain, "
        "content, land_mu, floor_area_m2, unit_id, issues, stage, info_source) "
        "VALUES (?, ?, 1, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                pid,
                new_uuid(),
                now,
                project.code,
                project.name,
                investors[project.investor],
                "foreign" if project.foreign else "domestic",
                int(project.total * MONEY_SCALE),
                project.industry_code,
                project.industry,
                project.chain,
                project.content,
                int(project.land_mu * 10_000) if project.land_mu is not None else None,
                project.floor_area * 100 if project.floor_area is not None else None,
                units[project.unit],
                project.issues,
                project.stage.value,
                INFO_SOURCES[len(project.name) % len(INFO_SOURCES)],
            )
            for pid, project in chunk
        ],
    )
    cursor.executemany(
        "INSERT INTO stage_event (uuid, revision, updated_at, deleted, project_id, stage, "
        "date, reason, recorded_at) VALUES (?, 1, ?, 0, ?, ?, ?, ?, ?)",
        [
            (
                new_uuid(),
                now,
                pid,
                stage.value,
                day.isoformat(),
                "企业调整投资计划" if stage is Stage.DROPPED else None,
                now,
            )
            for pid, project in chunk
            for stage, day in project.events
        ],
    )
    cursor.executemany(
        "INSERT INTO milestone (uuid, revision, updated_at, deleted, project_id, kind, "
        "date) VALUES (?, 1, ?, 0, ?, ?, ?)",
        [
            (new_uuid(), now, pid, kind, day.isoformat())
            for pid, project in chunk
            for kind, day in project.milestones
        ],
    )
    cursor.executemany(
        "INSERT INTO follow_up (uuid, revision, updated_at, deleted, project_id, date, "
        "kind, summary, due_date, done) VALUES (?, 1, ?, 0, ?, ?, ?, ?, ?, 0)",
        [
            (new_uuid(), now, pid, day.isoformat(), kind, text, due and due.isoformat())
            for pid, project in chunk
            for day, kind, text, due in project.follow_ups
        ],
    )


def write_unit_files(folder: Path, projects: list[GeneratedProject]) -> dict[str, Path]:
    """One unit file a unit, each holding that unit's projects."""
    by_unit: dict[str, list[GeneratedProject]] = {}
    for project in projects:
        by_unit.setdefault(project.unit, []).append(project)
    paths = {}
    for unit, own in by_unit.items():
        path = folder / f"{unit}.zsdb"
        kind = "驻点招商办" if "驻点" in unit else ("开发区" if unit == "开发区" else "镇区")
        store = create_unit_file(path, unit, kind=kind)
        write_projects(store, own)
        store.close()
        paths[unit] = path
    return paths


def write_hq_file(path: Path, projects: Iterable[GeneratedProject]) -> Path:
    """One headquarters file holding every unit's projects."""
    store = create_hq_file(path, "市招商中心")
    write_projects(store, projects)
    store.close()
    return path


def cached_hq_file(projects: int, units: int, seed: int = 7) -> Path:
    """A headquarters file of ``iter_projects(projects, units, seed)``, built once and kept
    for later runs (a million projects take minutes to write), in
    $ZHAOSHANG_BENCH_CACHE or the temporary folder.  The name carries a digest of this
    generator and of the migrations (the schema), so a change to either builds it anew.  Benches
    open it read-only or copy it."""
    from db.store import migrations

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(migrations.__file__).read_bytes())
    folder = Path(os.environ.get("ZHAOSHANG_BENCH_CACHE") or tempfile.gettempdir())
    folder = folder / "zhaoshang-bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"hq-{projects}-{units}-{seed}-{digest.hexdigest()[:12]}.zsdb"
    if not path.exists():
        building = path.with_name(f"{path.stem}.building.zsdb")
        for leftover in folder.glob(f"{building.name}*"):
            leftover.unlink()
        write_hq_file(building, iter_projects(projects, units, seed))
        building.rename(path)
    return path


def ledger_row(project: GeneratedProject) -> dict[str, object]:
    firsts = {stage: day for stage, day in reversed(project.events)}
    return {
        "项目编号": project.code,
        "项目名称": project.name,
        "投资方": project.investor,
        "统一社会信用代码": project.credit_code,
        "来源地": project.origin,
        "内外资": "外资" if project.foreign else "内资",
        "总投资(万元)": None if project.foreign else project.total,
        "总投资(万美元)": project.total if project.foreign else None,
        "行业代码": project.industry_code,
        "产业类别": project.industry,
        "产业链": project.chain,
        "建设性质": "新建",
        "项目阶段": STAGE_LABELS[project.stage],
        "首次对接日期": firsts.get(Stage.TALKS),
        "签约日期": firsts.get(Stage.SIGNED),
        "开工日期": firsts.get(Stage.STARTED),
        "投产日期": firsts.get(Stage.PRODUCING),
        "用地(亩)": project.land_mu,
        "建筑面积(平方米)": project.floor_area,
        "建设内容及规模": project.content,
        "责任单位": project.unit,
        "需协调问题": project.issues,
    }


def write_ledger(path: Path, projects: list[GeneratedProject]) -> Path:
    """The projects as a ledger in the template: .csv (UTF-8 with BOM) or .xlsx."""
    return write_ledger_rows(path, [ledger_row(p) for p in projects])


def write_ledger_rows(path: Path, rows: list[dict[str, object]]) -> Path:
    """Rows keyed by the template's headers as a ledger: .csv (UTF-8 with BOM) or .xlsx."""
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in COLUMNS])
        return path
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("项目台账")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(c) for c in COLUMNS])
    workbook.save(path)
    return path
