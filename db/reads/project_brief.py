"""Everything the one-page project brief (项目简报) prints about one project."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from db.errors import UserError
from db.reads.timeline import days_between, working_days_between
from db.rules.qualifier import Qualifier, qualifier_of
from db.rules.vocabulary import Capital, Stage
from db.store import settings
from db.store.models import CapacityLine, FollowUp, Milestone, Phase, Project, StageEvent, Unit

# product, quantity, unit, qualifier (电池箔, 4, 万吨, 达)
Capacity = tuple[str, Decimal, str, Qualifier | None]


@dataclass(frozen=True)
class PhaseLine:
    name: str
    investment: Decimal | None
    content: str | None
    expected_sales: Decimal | None
    capacity: tuple[Capacity, ...]
    expected_sales_qualifier: Qualifier | None = None
    floor_area_m2: Decimal | None = None
    floor_area_m2_qualifier: Qualifier | None = None


@dataclass(frozen=True)
class DatedFact:
    date: date
    label: str
    note: str | None
    is_stage: bool = False
    # The interval to this fact, in the unit its sentence uses: working days from
    # 证照申报 to 证照办结, calendar days from 拿地 to 开工, else from the fact before.
    gap: int | None = None
    gap_from: str | None = None  # the fact it is counted from, when not the one before
    gap_working_days: bool = False


@dataclass(frozen=True)
class FollowUpLine:
    # dt.date: a field named ``date`` hides the type for the annotations after it.
    date: dt.date
    kind: str
    people: str | None
    summary: str
    next_step: str | None
    due_date: dt.date | None


@dataclass(frozen=True)
class ProjectBriefData:
    uuid: str
    code: str | None
    name: str
    investor: str
    investor_origin: str | None
    unit: str
    capital: Capital
    total: Decimal | None
    rate: settings.ExchangeRate | None  # None: no rate entered
    designation: str | None
    carrier: str | None
    content: str | None
    land_mu: Decimal | None
    floor_area_m2: Decimal | None
    expected_sales: Decimal | None
    expected_output: Decimal | None
    expected_tax: Decimal | None
    new_jobs: int | None
    local_industry: str | None
    chain: str | None
    stage: Stage
    planned_production: date | None
    phases: tuple[PhaseLine, ...]
    full_capacity: tuple[Capacity, ...]
    timeline: tuple[DatedFact, ...]
    days_land_to_start: int | None  # 从拿到地到全面开工 (calendar days)
    permit_working_days: int | None  # 开工前证照办结 (working days, both ends counted)
    issues: str | None
    follow_ups: tuple[FollowUpLine, ...]
    printed_on: date
    # The qualifiers of the planned figures (约/超/达/以上).
    land_mu_qualifier: Qualifier | None = None
    floor_area_m2_qualifier: Qualifier | None = None
    expected_sales_qualifier: Qualifier | None = None
    expected_output_qualifier: Qualifier | None = None
    expected_tax_qualifier: Qualifier | None = None
    new_jobs_qualifier: Qualifier | None = None
    signed_on: date | None = None  # first 签约
    total_wan_cny: Decimal | None = None  # 外资 converted at the stored rate; None without one
    major_wan_cny: Decimal = Decimal(100000)  # 重大项目 from this total


def find_project(key: str) -> Project:
    """A live project by UUID, 项目编号 or exact 项目名称; a clear error otherwise."""
    key = key.strip()
    for condition in (Project.uuid == key, Project.code == key, Project.name == key):
        matches = list(Project.live().where(condition).limit(2))
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise UserError(
                f"有多个项目名为“{key}”,请改用项目编号或 UUID",
                f"several projects match {key}; use the code or UUID",
            )
    raise UserError(f"找不到项目:{key}", f"no project {key} (UUID, code or exact name)")


def project_uuids(unit_id: int | None = None) -> list[str]:
    """Every live project (of one unit), by unit and name: the batch of briefs."""
    query = Project.live(Project.uuid).join(Unit, on=(Project.unit == Unit.id))
    if unit_id is not None:
        query = query.where(Project.unit == unit_id)
    return [row.uuid for row in query.order_by(Unit.name, Project.name)]


def _content_note(note: str | None) -> str | None:
    """A note worth printing; the import's provenance note is not."""
    if note and note.startswith("台账导入"):
        return None
    return note


def _first(events: list[DatedFact], label: str) -> date | None:
    dates = [e.date for e in events if e.label == label]
    return min(dates) if dates else None


def project_brief_data(project: Project, printed_on: date | None = None) -> ProjectBriefData:
    phases = list(Phase.live().where(Phase.project == project).order_by(Phase.seq))
    lines = list(
        CapacityLine.live().where(CapacityLine.project == project).order_by(CapacityLine.seq)
    )
    by_phase: dict[int | None, list[Capacity]] = {}
    for line in lines:
        by_phase.setdefault(line.phase_id, []).append(
            (line.product, line.quantity, line.unit, qualifier_of(line.quantity_qualifier))
        )
    events = [
        DatedFact(e.date, Stage(e.stage).label, e.reason or _content_note(e.note), True)
        for e in StageEvent.live().where(StageEvent.project == project)
    ]
    stage_days = {(e.date, e.label) for e in events}
    milestones = [
        DatedFact(m.date, m.kind, m.note)
        for m in Milestone.live().where(Milestone.project == project)
    ]
    # A 开工 node on the day of the 开工 stage says nothing new.
    shown = [m for m in milestones if (m.date, m.label) not in stage_days]
    facts = sorted(events + shown, key=lambda f: (f.date, not f.is_stage, f.label))
    land = _first(milestones, "拿地")
    start = _first(events, Stage.STARTED.label) or _first(milestones, "开工")
    permit_from = _first(milestones, "证照申报")
    permit_done = _first(milestones, "证照办结")
    facts = _with_gaps(facts, land, permit_from)
    signed_on = _first(events, Stage.SIGNED.label)
    capital = Capital(project.capital)
    rate = settings.exchange_rate()
    total = project.total_investment
    total_wan_cny = None
    if total is not None:
        if capital is not Capital.FOREIGN:
            total_wan_cny = total
        elif rate is not None:
            total_wan_cny = total * rate.usd_cny
    follow_ups = [
        FollowUpLine(f.date, f.kind, f.people, f.summary, f.next_step, f.due_date)
        for f in FollowUp.live().where(FollowUp.project == project).order_by(FollowUp.date)
    ]
    return ProjectBriefData(
        uuid=project.uuid,
        code=project.code,
        name=project.name,
        investor=project.investor.name,
        investor_origin=project.investor.origin,
        unit=project.unit.name,
        capital=capital,
        total=total,
        rate=rate,
        designation=project.designation,
        carrier=project.carrier,
        content=project.content,
        land_mu=project.land_mu,
        floor_area_m2=project.floor_area_m2,
        expected_sales=project.expected_sales,
        expected_output=project.expected_output,
        expected_tax=project.expected_tax,
        new_jobs=project.new_jobs,
        local_industry=project.local_industry,
        chain=project.chain,
        stage=Stage(project.stage),
        planned_production=project.planned_production,
        phases=tuple(
            PhaseLine(
                p.name,
                p.investment,
                p.content,
                p.expected_sales,
                tuple(by_phase.get(p.id, [])),
                qualifier_of(p.expected_sales_qualifier),
                p.floor_area_m2,
                qualifier_of(p.floor_area_m2_qualifier),
            )
            for p in phases
        ),
        full_capacity=tuple(by_phase.get(None, [])),
        timeline=tuple(facts),
        days_land_to_start=days_between(land, start) if land and start and start >= land else None,
        permit_working_days=(
            working_days_between(permit_from, permit_done)
            if permit_from and permit_done and permit_done >= permit_from
            else None
        ),
        issues=project.issues,
        follow_ups=tuple(follow_ups),
        printed_on=printed_on or date.today(),
        land_mu_qualifier=qualifier_of(project.land_mu_qualifier),
        floor_area_m2_qualifier=qualifier_of(project.floor_area_m2_qualifier),
        expected_sales_qualifier=qualifier_of(project.expected_sales_qualifier),
        expected_output_qualifier=qualifier_of(project.expected_output_qualifier),
        expected_tax_qualifier=qualifier_of(project.expected_tax_qualifier),
        new_jobs_qualifier=qualifier_of(project.new_jobs_qualifier),
        signed_on=signed_on,
        total_wan_cny=total_wan_cny,
        major_wan_cny=settings.major_project_wan_cny(),
    )


def _with_gaps(
    facts: list[DatedFact], land: date | None, permit_from: date | None
) -> list[DatedFact]:
    """Each fact with the interval to it, in the unit of the sentence that tells it:
    开工 counted from 拿地 in days (从拿到地到全面开工仅用7天), 证照办结 from 证照申报
    in working days (4个工作日内完成), any other fact from the one before it."""
    out: list[DatedFact] = []
    previous: date | None = None
    for fact in facts:
        gap: int | None = None
        gap_from: str | None = None
        working = False
        if fact.label == "证照办结" and permit_from is not None and fact.date >= permit_from:
            gap, gap_from, working = working_days_between(permit_from, fact.date), "证照申报", True
        elif fact.label == Stage.STARTED.label and land is not None and fact.date >= land:
            gap, gap_from = days_between(land, fact.date), "拿地"
        elif previous is not None:
            gap = days_between(previous, fact.date)
        out.append(
            DatedFact(fact.date, fact.label, fact.note, fact.is_stage, gap, gap_from, working)
        )
        previous = fact.date
    return out
