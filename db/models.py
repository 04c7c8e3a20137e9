"""The records of a unit file (peewee models).

Every record carries a stable UUID, a revision counter and the time of its last
change, and is deleted as a tombstone (``deleted``): headquarters merges unit
files record by record with these.  Amounts are exact: see ``ScaledDecimalField``.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    TextField,
)

from db.money import plain

database = DatabaseProxy()


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ScaledDecimalField(BigIntegerField):
    """An exact decimal stored as a scaled integer, so that SQL sums stay exact.

    Money uses six places of 万 (a cent of a 元 or of a dollar); areas and
    quantities use fewer.  A value finer than the scale is refused, not rounded.
    """

    def __init__(self, places: int, *args: Any, **kwargs: Any) -> None:
        self.places = places
        self.factor = Decimal(10) ** places
        super().__init__(*args, **kwargs)

    def db_value(self, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, Decimal):
            raise TypeError(f"{self.name}: exact decimal expected, got {type(value).__name__}")
        scaled = value * self.factor
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{self.name}: {value} has more than {self.places} decimal places")
        return int(scaled)

    def python_value(self, value: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(plain(Decimal(int(value)).scaleb(-self.places)))


def MoneyField(**kwargs: Any) -> ScaledDecimalField:
    """An amount in 万 of the record's currency, exact to the cent."""
    return ScaledDecimalField(6, **kwargs)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SyncedModel(BaseModel):
    """A record that headquarters can merge: UUID, revision, updated time, tombstone."""

    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    revision = IntegerField(default=1)
    updated_at = DateTimeField(default=utc_now)
    deleted = BooleanField(default=False, index=True)

    def save(self, *args: Any, **kwargs: Any) -> int:
        if self._pk is not None and not kwargs.get("force_insert"):
            self.revision = (self.revision or 0) + 1
            self.updated_at = utc_now()
        return super().save(*args, **kwargs)

    def tombstone(self) -> None:
        """Delete as users see it, keeping the row so a merge learns of the deletion."""
        self.deleted = True
        self.save()

    @classmethod
    def live(cls, *fields: Any) -> ModelSelect:
        return cls.select(*fields).where(cls.deleted == False)  # noqa: E712 - peewee expression


class Setting(SyncedModel):
    """One setting of the file, its value as JSON text (see db.settings)."""

    key = CharField(unique=True)
    value = TextField()


class Unit(SyncedModel):
    """责任单位: a reporting unit (驻点招商办, 开发区, 镇区, 园区) or headquarters."""

    name = CharField()
    kind = CharField()
    city = CharField(null=True)  # 驻点城市


class Cadre(SyncedModel):
    """招商人员 of a unit."""

    unit = ForeignKeyField(Unit, backref="cadres", on_delete="RESTRICT")
    name = CharField()
    title = CharField(null=True)
    phone = CharField(null=True)


class Investor(SyncedModel):
    """投资方."""

    name = CharField(index=True)
    credit_code = CharField(null=True, index=True)  # 统一社会信用代码
    origin = CharField(null=True)  # 来源地
    nature = CharField(null=True)  # 企业性质
    category = CharField(null=True)  # 企业类别
    contact_person = CharField(null=True)
    contact_phone = CharField(null=True)


class SigningEvent(SyncedModel):
    """签约活动: a ceremony where several projects sign at once."""

    name = CharField()
    date = DateField()
    place = CharField(null=True)
    unit = ForeignKeyField(Unit, null=True, backref="signing_events", on_delete="RESTRICT")
    note = TextField(null=True)


class Project(SyncedModel):
    """项目: one line of the ledger."""

    code = CharField(null=True, index=True)  # 项目编号
    name = CharField(index=True)
    investor = ForeignKeyField(Investor, backref="projects", on_delete="RESTRICT")
    capital = CharField(default="domestic")  # db.stages.Capital
    total_investment = MoneyField(null=True)  # 万元 (内资) or 万美元 (外资)
    fixed_asset_investment = MoneyField(null=True)
    registered_capital = MoneyField(null=True)
    construction_kind = CharField(null=True)  # 新建/扩建/技改
    industry_code = CharField(max_length=2, null=True)  # GB/T 4754-2017 大类
    local_industry = CharField(null=True)  # 产业类别
    chain = CharField(null=True)  # 产业链
    content = TextField(null=True)  # 建设内容及规模
    land_mu = ScaledDecimalField(4, null=True)  # 用地 (亩)
    floor_area_m2 = ScaledDecimalField(2, null=True)  # 建筑面积
    expected_sales = MoneyField(null=True)  # 预计年销售 (万元)
    expected_output = MoneyField(null=True)  # 预计年产值 (万元)
    expected_tax = MoneyField(null=True)  # 预计年税收 (万元)
    new_jobs = IntegerField(null=True)
    carrier = CharField(null=True)  # 拟落户载体
    info_source = CharField(null=True)  # 信息来源
    unit = ForeignKeyField(Unit, backref="projects", on_delete="RESTRICT")
    person_in_charge = CharField(null=True)  # 责任人
    issues = TextField(null=True)  # 需协调解决问题
    remarks = TextField(null=True)  # 备注
    designation = CharField(null=True)  # e.g. 镇江市重点产业类项目
    planned_production = DateField(null=True)  # 预计竣工投产
    signing_event = ForeignKeyField(
        SigningEvent, null=True, backref="projects", on_delete="SET NULL"
    )
    # The latest stage, kept in step with the events by db.records for the
    # ledger table; the figures always read the events themselves.
    stage = CharField(default="lead", index=True)


class Phase(SyncedModel):
    """分期: 一期, 二期… with their own investment and content."""

    project = ForeignKeyField(Project, backref="phases", on_delete="CASCADE")
    seq = IntegerField()
    name = CharField()
    investment = MoneyField(null=True)
    content = TextField(null=True)
    floor_area_m2 = ScaledDecimalField(2, null=True)
    expected_sales = MoneyField(null=True)


class CapacityLine(SyncedModel):
    """产能: a planned product line (电池箔 5 万吨/年).  No phase = at full capacity."""

    project = ForeignKeyField(Project, backref="capacity_lines", on_delete="CASCADE")
    phase = ForeignKeyField(Phase, null=True, backref="capacity_lines", on_delete="SET NULL")
    seq = IntegerField(default=0)
    product = CharField()
    quantity = ScaledDecimalField(4)
    unit = CharField()  # 万吨, 万件 …


class StageEvent(SyncedModel):
    """进展: the project entered ``stage`` on ``date`` (not the date of typing)."""

    project = ForeignKeyField(Project, backref="stage_events", on_delete="CASCADE")
    stage = CharField()
    date = DateField(index=True)
    reason = TextField(null=True)  # required for 中止
    note = TextField(null=True)
    recorded_at = DateTimeField(default=utc_now)


class Milestone(SyncedModel):
    """节点: a dated fact such as 拿地, 证照办结, 主体封顶."""

    project = ForeignKeyField(Project, backref="milestones", on_delete="CASCADE")
    kind = CharField()
    date = DateField()
    note = TextField(null=True)


class FollowUp(SyncedModel):
    """走访/洽谈记录."""

    project = ForeignKeyField(Project, backref="follow_ups", on_delete="CASCADE")
    date = DateField()
    kind = CharField()
    people = CharField(null=True)
    summary = TextField()
    next_step = TextField(null=True)
    due_date = DateField(null=True, index=True)
    done = BooleanField(default=False)


ALL_MODELS: tuple[type[SyncedModel], ...] = (
    Setting,
    Unit,
    Cadre,
    Investor,
    SigningEvent,
    Project,
    Phase,
    CapacityLine,
    StageEvent,
    Milestone,
    FollowUp,
)
