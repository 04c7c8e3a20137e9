"""Signing events (签约活动) as the screens and briefings show them.

An event is entered once and its projects point to it (``Project.signing_event``).
Its total (累计金额) adds every linked live project, 外资 converted at the
configured USD→CNY rate exactly as the figures convert it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from peewee import JOIN

from db.rules.vocabulary import Capital, Stage
from db.store import settings
from db.store.models import Project, SigningEvent, StageEvent, Unit


@dataclass(frozen=True)
class SigningEventSummary:
    """One signing event with the count and totals of its linked projects."""

    uuid: str
    name: str
    date: date
    place: str | None
    unit_uuid: str | None
    unit: str | None
    note: str | None
    project_count: int
    domestic_total_wan_cny: Decimal
    foreign_total_wan_usd: Decimal
    total_wan_cny: Decimal  # domestic plus foreign at the rate below (domestic only without one)
    exchange_rate: settings.ExchangeRate | None


@dataclass(frozen=True)
class LinkableProject:
    """A project as the picker lists it."""

    uuid: str
    name: str
    unit: str
    capital: Capital
    total: Decimal | None  # 万 of its own currency
    event_uuid: str | None  # the event it is linked to now
    event_name: str | None
    signed_on: date | None  # first 签约 date


def _live_projects_of(event: SigningEvent) -> list[Project]:
    return list(
        Project.live().where(Project.signing_event == event).order_by(Project.name, Project.id)
    )


def _summary(event: SigningEvent, rate: settings.ExchangeRate | None) -> SigningEventSummary:
    projects = _live_projects_of(event)
    domestic = sum(
        (p.total_investment or Decimal(0) for p in projects if p.capital == Capital.DOMESTIC),
        Decimal(0),
    )
    foreign = sum(
        (p.total_investment or Decimal(0) for p in projects if p.capital == Capital.FOREIGN),
        Decimal(0),
    )
    unit = event.unit if event.unit_id is not None else None
    return SigningEventSummary(
        uuid=event.uuid,
        name=event.name,
        date=event.date,
        place=event.place,
        unit_uuid=unit.uuid if unit is not None else None,
        unit=unit.name if unit is not None else None,
        note=event.note,
        project_count=len(projects),
        domestic_total_wan_cny=domestic,
        foreign_total_wan_usd=foreign,
        total_wan_cny=domestic + (foreign * rate.usd_cny if rate is not None else Decimal(0)),
        exchange_rate=rate,
    )


def signing_events() -> list[SigningEventSummary]:
    """Every live signing event, latest first."""
    rate = settings.exchange_rate()
    events = SigningEvent.live().order_by(SigningEvent.date.desc(), SigningEvent.name)
    return [_summary(event, rate) for event in events]


def signing_event(uuid: str) -> SigningEventSummary | None:
    event = SigningEvent.live().where(SigningEvent.uuid == uuid).first()
    return _summary(event, settings.exchange_rate()) if event is not None else None


def _first_signed(project: Project) -> date | None:
    event = (
        StageEvent.live()
        .where((StageEvent.project == project) & (StageEvent.stage == Stage.SIGNED.value))
        .order_by(StageEvent.date)
        .first()
    )
    return event.date if event is not None else None


def linkable_projects() -> list[LinkableProject]:
    """Every live project, by name, with the event it is linked to now."""
    query = (
        Project.live()
        .join(Unit)
        .switch(Project)
        .join(SigningEvent, JOIN.LEFT_OUTER)
        .order_by(Project.name, Project.id)
    )
    result = []
    for project in query:
        linked = project.signing_event if project.signing_event_id is not None else None
        if linked is not None and linked.deleted:
            linked = None
        result.append(
            LinkableProject(
                uuid=project.uuid,
                name=project.name,
                unit=project.unit.name,
                capital=Capital(project.capital),
                total=project.total_investment,
                event_uuid=linked.uuid if linked is not None else None,
                event_name=linked.name if linked is not None else None,
                signed_on=_first_signed(project),
            )
        )
    return result


def linked_project_uuids(event_uuid: str) -> list[str]:
    event = SigningEvent.get(SigningEvent.uuid == event_uuid)
    return [p.uuid for p in _live_projects_of(event)]


def without_signing(project_uuids: list[str]) -> list[str]:
    """The names of the projects that have no 签约 event yet."""
    projects = Project.select().where(Project.uuid.in_(project_uuids)).order_by(Project.name)
    return [p.name for p in projects if _first_signed(p) is None]
