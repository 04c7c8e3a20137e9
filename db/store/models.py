"""The records of a unit file (peewee models).

Every record carries a stable UUID, a revision counter and the time of its last
change, and is deleted as a tombstone (``deleted``): headquarters merges unit
files record by record with these.  Amounts are exact: see db.store.fields.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from typing import Any, ClassVar, Self

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DoesNotExist,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    TextField,
)

from db.store import journal
from db.store.connection import database
from db.store.fields import (
    M2_PLACES,
    MU_PLACES,
    QUANTITY_PLACES,
    MoneyField,
    ScaledDecimalField,
)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    id = AutoField()

    class Meta:
        database = database
        legacy_table_names = False


# Columns that keep the books of a record rather than say anything about it.
BOOKKEEPING: frozenset[str] = frozenset({"id", "revision", "updated_at"})


class SyncedModel(BaseModel):
    """A record that headquarters can merge: UUID, revision, updated time, tombstone.

    ``revision`` counts the changes a user can see: a new record has revision 1,
    and each ``save`` that changes at least one user-visible field (any field but
    the bookkeeping columns and the class's ``DERIVED`` ones, such as a cached
    value) adds one and sets ``updated_at``.  A save that changes nothing writes
    nothing; a save that changes only derived fields writes them and leaves the
    revision alone.  A tombstone (``deleted``) is a user-visible change.  The
    headquarters merge trusts this.  Bulk SQL (the ledger import, the merge)
    keeps the same rule in its statements.
    """

    DERIVED: ClassVar[frozenset[str]] = frozenset()
    # Pinyin sort keys of text columns (db.store.sort_keys), derived and written only by
    # the file's triggers: a save neither writes nor compares them.
    SORT_KEYS: ClassVar[frozenset[str]] = frozenset()

    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    revision = IntegerField(default=1)
    updated_at = DateTimeField(default=utc_now)
    deleted = BooleanField(default=False, index=True)

    def stored_values(self) -> dict[str, Any] | None:
        """The row as the file holds it now (None when it is not there)."""
        model = type(self)
        row: dict[str, Any] | None = model.select().where(model.id == self.id).dicts().first()
        return row

    def changed_fields(self, stored: dict[str, Any]) -> list[str]:
        """The fields whose value here differs from ``stored``, compared as stored."""
        changed = []
        for name, field in self._meta.fields.items():
            if name in BOOKKEEPING or name in self.SORT_KEYS or name not in self.__data__:
                continue
            if field.db_value(self.__data__[name]) != field.db_value(stored.get(name)):
                changed.append(name)
        return changed

    def save(self, force_insert: bool = False, only: Any = None) -> int | bool:
        if only is not None:
            raise TypeError("SyncedModel.save writes what changed; 'only' is not supported")
        if self.id is None or force_insert:
            self.revision = 1
            written = super().save(force_insert=True)
            self._note(None)
            return written
        stored = self.stored_values()
        if stored is None:
            raise DoesNotExist(f"{type(self).__name__} {self.id} is not in the file")
        changed = self.changed_fields(stored)
        self.revision = stored["revision"]
        self.updated_at = stored["updated_at"]
        if not changed:
            return 0
        columns = [self._meta.fields[name] for name in changed]
        if any(name not in self.DERIVED for name in changed):
            self.revision += 1
            self.updated_at = utc_now()
            columns += [type(self).revision, type(self).updated_at]
        self._note(stored)
        return super().save(only=columns)

    def _note(self, before: dict[str, Any] | None) -> None:
        log = journal.active()
        if log is None:
            return
        projects: set[int] = set()
        for values in (self.__data__, before or {}):
            project_id = values.get("id") if isinstance(self, Project) else values.get("project")
            if project_id is not None:
                projects.add(int(project_id))
        log.note(self._meta.table_name, self.uuid, before, projects)

    def tombstone(self) -> None:
        """Delete as users see it, keeping the row so a merge learns of the deletion."""
        self.deleted = True
        self.save()

    @classmethod
    def live(cls, *fields: Any) -> ModelSelect[Self]:
        """The records that are not tombstones.

        The test is written ``deleted + 0 = 0`` so that SQLite never looks records up
        through the index on ``deleted``: nearly every record is live, so that index
        finds them all, yet without statistics the planner may take it over the index
        a query's other condition has (an investor by name: a pass over every investor
        instead of one look-up)."""
        return cls.select(*fields).where((cls.deleted + 0) == 0)


class MergedRecord(SyncedModel):
    """A record a unit reports and headquarters merges.  At headquarters it keeps the
    base of the three-way merge with its provenance: the unit and export it was last
    merged from, when, the unit's revision then (``merged_revision``) and the
    revision headquarters' copy had then (``merged_hq_revision``; 0 when the two
    copies differed even then).  These columns are derived: they never count as a
    change of the record.  A unit's own file leaves them empty."""

    MERGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"merged_unit", "merged_export", "merged_at", "merged_revision", "merged_hq_revision"}
    )
    DERIVED: ClassVar[frozenset[str]] = MERGE_FIELDS

    merged_unit = CharField(max_length=36, null=True)
    merged_export = CharField(max_length=36, null=True)
    merged_at = DateTimeField(null=True)
    merged_revision = IntegerField(null=True)
    merged_hq_revision = IntegerField(null=True)


class Setting(SyncedModel):
    """One setting of the file, its value as JSON text (see db.settings)."""

    key = CharField(unique=True)
    value = TextField()


class Unit(MergedRecord):
    """责任单位: a reporting unit (驻点招商办, 开发区, 镇区, 园区) or headquarters."""

    name = CharField()
    kind = CharField()
    city = CharField(null=True)  # 驻点城市
    name_sort_key = CharField(null=True)

    SORT_KEYS: ClassVar[frozenset[str]] = frozenset({"name_sort_key"})
    DERIVED: ClassVar[frozenset[str]] = MergedRecord.MERGE_FIELDS | SORT_KEYS

    @classmethod
    def named(cls, name: str) -> Unit | None:
        """The live unit of this name (names are unique among live units)."""
        unit: Unit | None = cls.live().where(cls.name == name.strip()).first()
        return unit


class Cadre(MergedRecord):
    """招商人员 of a unit."""

    unit = ForeignKeyField(Unit, backref="cadres", on_delete="RESTRICT")
    unit_id: int
    name = CharField()
    title = CharField(null=True)
    phone = CharField(null=True)


class Investor(MergedRecord):
    """投资方."""

    name = CharField(index=True)
    credit_code = CharField(null=True, index=True)  # 统一社会信用代码
    origin = CharField(null=True)  # 来源地
    nature = CharField(null=True)  # 企业性质
    category = CharField(null=True)  # 企业类别
    contact_person = CharField(null=True)
    contact_phone = CharField(null=True)
    name_sort_key = CharField(null=True)
    origin_sort_key = CharField(null=True)

    SORT_KEYS: ClassVar[frozenset[str]] = frozenset({"name_sort_key", "origin_sort_key"})
    DERIVED: ClassVar[frozenset[str]] = MergedRecord.MERGE_FIELDS | SORT_KEYS


class SigningEvent(MergedRecord):
    """签约活动: a ceremony where several projects sign at once."""

    name = CharField()
    date = DateField()
    place = CharField(null=True)
    unit = ForeignKeyField(Unit, null=True, backref="signing_events", on_delete="RESTRICT")
    unit_id: int | None
    note = TextField(null=True)


class Project(MergedRecord):
    """项目: one line of the ledger."""

    code = CharField(null=True, index=True)  # 项目编号
    name = CharField(index=True)
    investor = ForeignKeyField(Investor, backref="projects", on_delete="RESTRICT")
    investor_id: int
    capital = CharField(default="domestic")  # db.stages.Capital
    total_investment = MoneyField(null=True)  # 万元 (内资) or 万美元 (外资)
    fixed_asset_investment = MoneyField(null=True)
    registered_capital = MoneyField(null=True)
    construction_kind = CharField(null=True)  # 新建/扩建/技改
    industry_code = CharField(max_length=2, null=True)  # GB/T 4754-2017 大类
    local_industry = CharField(null=True)  # 产业类别
    chain = CharField(null=True)  # 产业链
    content = TextField(null=True)  # 建设内容及规模
    land_mu = ScaledDecimalField(MU_PLACES, null=True)  # 用地 (亩)
    floor_area_m2 = ScaledDecimalField(M2_PLACES, null=True)  # 建筑面积
    expected_sales = MoneyField(null=True)  # 预计年销售 (万元)
    expected_output = MoneyField(null=True)  # 预计年产值 (万元)
    expected_tax = MoneyField(null=True)  # 预计年税收 (万元)
    new_jobs = IntegerField(null=True)
    carrier = CharField(null=True)  # 拟落户载体
    info_source = CharField(null=True)  # 信息来源
    unit = ForeignKeyField(Unit, backref="projects", on_delete="RESTRICT")
    unit_id: int
    person_in_charge = CharField(null=True)  # 责任人
    issues = TextField(null=True)  # 需协调解决问题
    remarks = TextField(null=True)  # 备注
    designation = CharField(null=True)  # e.g. 镇江市重点产业类项目
    planned_production = DateField(null=True)  # 预计竣工投产
    signing_event = ForeignKeyField(
        SigningEvent, null=True, backref="projects", on_delete="SET NULL"
    )
    signing_event_id: int | None
    # The latest stage, kept in step with the events by db.records.stages and the
    # merge (derived: it does not count as a change of the project); the ledger shows
    # it, and the figures read it for the projects without events after their day.
    stage = CharField(default="lead", index=True)
    # The date of the earliest live 签约 event, None without one: kept by the file's
    # own triggers (db.store.migrations, version 8), derived like the sort keys; the
    # figures' 新签约 of a period read it through the index ``project_signings``.
    first_signed = DateField(null=True)
    # The qualifier of a planned figure (db.rules.qualifier: 约/超/达/以上), or None.
    land_mu_qualifier = CharField(null=True)
    floor_area_m2_qualifier = CharField(null=True)
    expected_sales_qualifier = CharField(null=True)
    expected_output_qualifier = CharField(null=True)
    expected_tax_qualifier = CharField(null=True)
    new_jobs_qualifier = CharField(null=True)
    name_sort_key = CharField(null=True)
    local_industry_sort_key = CharField(null=True)
    chain_sort_key = CharField(null=True)
    construction_kind_sort_key = CharField(null=True)
    info_source_sort_key = CharField(null=True)
    person_in_charge_sort_key = CharField(null=True)

    SORT_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "name_sort_key",
            "local_industry_sort_key",
            "chain_sort_key",
            "construction_kind_sort_key",
            "info_source_sort_key",
            "person_in_charge_sort_key",
        }
    )
    DERIVED: ClassVar[frozenset[str]] = (
        MergedRecord.MERGE_FIELDS | {"stage", "first_signed"} | SORT_KEYS
    )


class Phase(MergedRecord):
    """分期: 一期, 二期… with their own investment and content."""

    project = ForeignKeyField(Project, backref="phases", on_delete="CASCADE")
    project_id: int
    seq = IntegerField()
    name = CharField()
    investment = MoneyField(null=True)
    content = TextField(null=True)
    floor_area_m2 = ScaledDecimalField(M2_PLACES, null=True)
    expected_sales = MoneyField(null=True)
    floor_area_m2_qualifier = CharField(null=True)  # db.rules.qualifier
    expected_sales_qualifier = CharField(null=True)


class CapacityLine(MergedRecord):
    """产能: a planned product line (电池箔 5 万吨/年).  No phase = at full capacity."""

    project = ForeignKeyField(Project, backref="capacity_lines", on_delete="CASCADE")
    project_id: int
    phase = ForeignKeyField(Phase, null=True, backref="capacity_lines", on_delete="SET NULL")
    phase_id: int | None
    seq = IntegerField(default=0)
    product = CharField()
    quantity = ScaledDecimalField(QUANTITY_PLACES)
    unit = CharField()  # 万吨, 万件 …
    quantity_qualifier = CharField(null=True)  # 总产能达4万吨: db.rules.qualifier


class StageEvent(MergedRecord):
    """进展: the project entered ``stage`` on ``date`` (not the date of typing)."""

    project = ForeignKeyField(Project, backref="stage_events", on_delete="CASCADE")
    project_id: int
    stage = CharField()
    date = DateField(index=True)
    reason = TextField(null=True)  # required for 中止
    note = TextField(null=True)
    recorded_at = DateTimeField(default=utc_now)


class Milestone(MergedRecord):
    """节点: a dated fact such as 拿地, 证照办结, 主体封顶."""

    project = ForeignKeyField(Project, backref="milestones", on_delete="CASCADE")
    project_id: int
    kind = CharField()
    date = DateField()
    note = TextField(null=True)


class FollowUp(MergedRecord):
    """走访/洽谈记录."""

    project = ForeignKeyField(Project, backref="follow_ups", on_delete="CASCADE")
    project_id: int
    date = DateField()
    kind = CharField()
    people = CharField(null=True)
    summary = TextField()
    next_step = TextField(null=True)
    due_date = DateField(null=True, index=True)
    done = BooleanField(default=False)


class MergeConflict(SyncedModel):
    """A record both headquarters and a unit changed since it was last merged: kept for
    review with both versions (JSON of their user-visible fields), never overwritten."""

    table_name = CharField()
    record_uuid = CharField(max_length=36, index=True)
    unit_uuid = CharField(max_length=36)
    export_uuid = CharField(max_length=36)
    unit_revision = IntegerField()
    hq_values = TextField()
    unit_values = TextField()
    fields = TextField()  # JSON list of the fields that differ
    status = CharField(index=True)  # open / kept_hq / took_unit
    detected_at = DateTimeField(default=utc_now)
    resolved_at = DateTimeField(null=True)


class DuplicatePair(SyncedModel):
    """Two projects of different units that look like one (疑似重复), and what
    headquarters decided: open (counted once, for ``credited_uuid``), same, different."""

    first_uuid = CharField(max_length=36)
    second_uuid = CharField(max_length=36)
    reason = CharField()
    status = CharField(index=True)
    credited_uuid = CharField(max_length=36, null=True)
    detected_at = DateTimeField(default=utc_now)
    decided_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("first_uuid", "second_uuid"), True),)


class Handover(BaseModel):
    """交接记录: one handover file headquarters accepted and merged (the import log)."""

    export_uuid = CharField(max_length=36, unique=True)
    unit_uuid = CharField(max_length=36, index=True)
    unit_name = CharField()
    sequence = IntegerField()
    exported_at = DateTimeField()
    merged_at = DateTimeField()
    file_name = CharField()
    data_sha256 = CharField(max_length=64)
    manifest = TextField()
    summary = TextField()  # JSON: what the file brought
    flag = CharField(null=True)  # e.g. its sequence number went backwards


class UnitKey(BaseModel):
    """A unit's public key as headquarters pinned it; a re-registration adds a row (a log)."""

    unit_uuid = CharField(max_length=36, index=True)
    public_key = CharField()
    action = CharField()  # pinned / reregistered
    at = DateTimeField()
    note = TextField(null=True)


# The records a unit reports and headquarters merges, parents before children.
RECORDS: tuple[type[MergedRecord], ...] = (
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
# Every record an operation can change (and undo).
MODELS: tuple[type[SyncedModel], ...] = (
    Setting,
    *RECORDS,
    MergeConflict,
    DuplicatePair,
)
# Headquarters' log of handovers and of unit keys, written by the merge only.
BOOKS: tuple[type[BaseModel], ...] = (Handover, UnitKey)
MODEL_BY_TABLE: dict[str, type[SyncedModel]] = {m._meta.table_name: m for m in MODELS}
