"""Editing a project as the form sees it: one value object in, one operation out.

``ProjectData`` holds everything the project form edits (the project, its
investor, its phases and capacity lines).  ``validate`` names every problem
beside its field; ``save_project`` writes it all in one transaction, a new
project together with its first stage record; ``load_project`` reads it back
for the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from db.errors import ValidationError
from db.records.investors import find_or_create_investor
from db.records.ops import operation
from db.records.stages import record_stage
from db.rules import credit_code
from db.rules.industry import is_valid_code
from db.rules.project_codes import auto_code, next_code_number
from db.rules.qualifier import Qualifier, qualifier_of
from db.rules.text_limits import field_length
from db.rules.vocabulary import Capital, Stage
from db.store.models import CapacityLine, Investor, Phase, Project, Unit


@dataclass
class PhaseData:
    name: str
    investment: Decimal | None = None
    content: str | None = None
    uuid: str | None = None
    floor_area_m2: Decimal | None = None  # 新建厂房 of this phase
    floor_area_m2_qualifier: Qualifier | None = None
    expected_sales: Decimal | None = None  # 万元, once this phase produces
    expected_sales_qualifier: Qualifier | None = None


@dataclass
class CapacityData:
    product: str
    quantity: Decimal | None  # None while the form's cell is empty: validate() says so
    unit: str
    phase_name: str | None = None  # None: at full capacity (全部达产)
    uuid: str | None = None
    quantity_qualifier: Qualifier | None = None  # 总产能达4万吨


@dataclass
class ProjectData:
    """Every field of the project form.  Amounts in 万 of the project's currency."""

    name: str = ""
    investor_name: str = ""
    unit_id: int | None = None
    capital: Capital = Capital.DOMESTIC
    uuid: str | None = None
    code: str | None = None
    credit_code: str | None = None
    origin: str | None = None
    investor_nature: str | None = None
    investor_category: str | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    total_investment: Decimal | None = None
    fixed_asset_investment: Decimal | None = None
    registered_capital: Decimal | None = None
    construction_kind: str | None = None
    industry_code: str | None = None
    local_industry: str | None = None
    chain: str | None = None
    content: str | None = None
    land_mu: Decimal | None = None
    floor_area_m2: Decimal | None = None
    expected_sales: Decimal | None = None
    expected_output: Decimal | None = None
    expected_tax: Decimal | None = None
    new_jobs: int | None = None
    carrier: str | None = None
    info_source: str | None = None
    person_in_charge: str | None = None
    issues: str | None = None
    remarks: str | None = None
    designation: str | None = None
    planned_production: date | None = None
    # The qualifier of each planned figure that may carry one (约/超/达/以上).
    land_mu_qualifier: Qualifier | None = None
    floor_area_m2_qualifier: Qualifier | None = None
    expected_sales_qualifier: Qualifier | None = None
    expected_output_qualifier: Qualifier | None = None
    expected_tax_qualifier: Qualifier | None = None
    new_jobs_qualifier: Qualifier | None = None
    phases: list[PhaseData] = field(default_factory=list)
    capacity: list[CapacityData] = field(default_factory=list)


@dataclass(frozen=True)
class FieldProblem:
    field: str  # a ProjectData attribute name
    message: str  # Chinese, says what to fix
    en: str = ""  # the same in English (the interface shows it when English is chosen)
    row: int | None = None  # the row of the phase or capacity table it concerns, from 0


_SIMPLE_FIELDS = (
    "code",
    "capital",
    "total_investment",
    "fixed_asset_investment",
    "registered_capital",
    "construction_kind",
    "industry_code",
    "local_industry",
    "chain",
    "content",
    "land_mu",
    "floor_area_m2",
    "expected_sales",
    "expected_output",
    "expected_tax",
    "new_jobs",
    "carrier",
    "info_source",
    "person_in_charge",
    "issues",
    "remarks",
    "designation",
    "planned_production",
)

# The figures that may carry a qualifier: ProjectData attribute → its qualifier's.
QUALIFIED_FIELDS: dict[str, str] = {
    name: f"{name}_qualifier"
    for name in (
        "land_mu",
        "floor_area_m2",
        "expected_sales",
        "expected_output",
        "expected_tax",
        "new_jobs",
    )
}

# Fields that cannot be negative, with their names in Chinese and English.
_NON_NEGATIVE = {
    "total_investment": ("总投资", "Total investment"),
    "fixed_asset_investment": ("固定资产投资", "Fixed-asset investment"),
    "registered_capital": ("注册资本", "Registered capital"),
    "land_mu": ("用地面积", "Land area"),
    "floor_area_m2": ("建筑面积", "Floor area"),
    "expected_sales": ("预计年销售", "Expected annual sales"),
    "expected_output": ("预计年产值", "Expected annual output"),
    "expected_tax": ("预计年税收", "Expected annual tax"),
}

# Amounts above this are almost certainly typed in 元 instead of 万元 (1万亿元).
_MAX_WAN = Decimal(100_000_000)


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def validate(data: ProjectData) -> list[FieldProblem]:
    """Every problem of the form's values, each beside its field."""
    problems: list[FieldProblem] = []
    if _blank(data.name):
        problems.append(FieldProblem("name", "请填写项目名称", "Enter the project name"))
    if _blank(data.investor_name):
        problems.append(FieldProblem("investor_name", "请填写投资方", "Enter the investor"))
    if data.total_investment is None:
        # Every ledger row carries 总投资 (an estimate for a lead), and the
        # counting rules and the ledger template both need it.
        problems.append(
            FieldProblem(
                "total_investment",
                "请填写总投资(线索可填估算值)",
                "Enter the total investment (an estimate will do for a lead)",
            )
        )
    if data.unit_id is None or Unit.get_or_none(Unit.id == data.unit_id) is None:
        problems.append(FieldProblem("unit_id", "请选择责任单位", "Choose the responsible unit"))
    if data.credit_code:
        why = credit_code.problem_in_both(credit_code.normalise(data.credit_code))
        if why:
            problems.append(
                FieldProblem(
                    "credit_code", f"统一社会信用代码{why[0]}", f"The credit code {why[1]}"
                )
            )
    if data.industry_code and not is_valid_code(data.industry_code):
        problems.append(
            FieldProblem(
                "industry_code",
                "行业代码应为 GB/T 4754-2017 的两位大类代码(01–97)",
                "The industry code must be a two-digit GB/T 4754-2017 division (01–97)",
            )
        )
    for name, (label, label_en) in _NON_NEGATIVE.items():
        value = getattr(data, name)
        if value is not None and value < 0:
            problems.append(
                FieldProblem(name, f"{label}不能为负数", f"{label_en} cannot be negative")
            )
        elif value is not None and value > _MAX_WAN and name not in ("land_mu", "floor_area_m2"):
            problems.append(
                FieldProblem(
                    name,
                    f"{label}过大,请确认单位是万元而不是元",
                    f"{label_en} is too large: is it in 10k CNY rather than CNY?",
                )
            )
    if data.new_jobs is not None and data.new_jobs < 0:
        problems.append(
            FieldProblem("new_jobs", "新增就业不能为负数", "New jobs cannot be negative")
        )
    if data.contact_phone and not re.fullmatch(r"[0-9+\-() ]{5,20}", data.contact_phone):
        problems.append(
            FieldProblem(
                "contact_phone",
                "电话号码只能包含数字、空格、+、-、括号",
                "A phone number may hold only digits, spaces, +, - and brackets",
            )
        )
    for name, value in vars(data).items():
        if name in ("capital", "uuid") or not isinstance(value, str):
            continue
        limit, length = field_length(name), len(value.strip())
        if length > limit:
            problems.append(
                FieldProblem(
                    name,
                    f"最多{limit}个字符,现有{length}个字符,请删减",
                    f"At most {limit} characters; this has {length}",
                )
            )
    names = [p.name.strip() for p in data.phases]
    blank = next((row for row, n in enumerate(names) if not n), None)
    if blank is not None:
        problems.append(
            FieldProblem(
                "phases",
                f"第{blank + 1}行:每一期都要有名称(如 一期、二期)",
                f"Row {blank + 1}: every phase needs a name",
                blank,
            )
        )
    repeated = next((row for row, n in enumerate(names) if n and n in names[:row]), None)
    if repeated is not None:
        problems.append(
            FieldProblem(
                "phases",
                f"第{repeated + 1}行:分期名称不能重复",
                f"Row {repeated + 1}: phase names must differ",
                repeated,
            )
        )
    for row, phase in enumerate(data.phases):
        if any(
            value is not None and value < 0
            for value in (phase.investment, phase.floor_area_m2, phase.expected_sales)
        ):
            problems.append(
                FieldProblem(
                    "phases",
                    f"第{row + 1}行({phase.name.strip()}):投资、建筑面积、销售额不能为负数",
                    f"Row {row + 1} ({phase.name.strip()}): investment, floor area and sales"
                    " cannot be negative",
                    row,
                )
            )
    phase_total = sum((p.investment for p in data.phases if p.investment), Decimal(0))
    if data.total_investment is not None and phase_total > data.total_investment:
        problems.append(
            FieldProblem(
                "phases",
                "各期投资之和超过了总投资",
                "The phases add up to more than the total investment",
            )
        )
    for row, line in enumerate(data.capacity):
        if _blank(line.product) or _blank(line.unit):
            problems.append(
                FieldProblem(
                    "capacity",
                    f"第{row + 1}行:产能每一行都要有产品和单位",
                    f"Row {row + 1}: every capacity line needs a product and a unit",
                    row,
                )
            )
            break
        if line.quantity is None or line.quantity <= 0:
            problems.append(
                FieldProblem(
                    "capacity",
                    f"第{row + 1}行:“{line.product}”的产能数量应大于0",
                    f"Row {row + 1}: the capacity of “{line.product}” must be above 0",
                    row,
                )
            )
        if line.phase_name and line.phase_name not in names:
            problems.append(
                FieldProblem(
                    "capacity",
                    f"第{row + 1}行:“{line.product}”所属分期不存在",
                    f"Row {row + 1}: the phase of “{line.product}” does not exist",
                    row,
                )
            )
    return problems


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


@operation
def save_project(data: ProjectData, first_stage: tuple[Stage, date] | None = None) -> str:
    """Create or update the project (by ``data.uuid``) with its investor, phases and
    capacity; returns its UUID.

    A new project gets its first stage record in the same transaction:
    ``first_stage``, else 线索 on the day it is entered."""
    problems = validate(data)
    if problems:
        first = problems[0]
        raise ValidationError(
            f"{first.message}(共{len(problems)}处问题)", f"{len(problems)} problem(s) in the form"
        )
    code = credit_code.normalise(data.credit_code) if data.credit_code else None
    investor = find_or_create_investor(data.investor_name, code)
    investor.name = data.investor_name.strip()
    for attr, value in (
        ("origin", data.origin),
        ("nature", data.investor_nature),
        ("category", data.investor_category),
        ("contact_person", data.contact_person),
        ("contact_phone", data.contact_phone),
    ):
        value = _clean(value)
        if value is not None:  # a blank field keeps what the investor has
            setattr(investor, attr, value)
    investor.save()
    project = Project.get_or_none(Project.uuid == data.uuid) if data.uuid else None
    created = project is None
    if project is None:
        project = Project(uuid=data.uuid) if data.uuid else Project()
    project.name = data.name.strip()
    project.investor = investor
    assert data.unit_id is not None  # validate() requires it
    project.unit_id = data.unit_id
    project.deleted = False
    for attr in _SIMPLE_FIELDS:
        value = getattr(data, attr)
        if isinstance(value, str) and attr != "capital":
            value = _clean(value)
        setattr(project, attr, value.value if isinstance(value, Capital) else value)
    for attr, qualifier_attr in QUALIFIED_FIELDS.items():
        setattr(
            project,
            qualifier_attr,
            _stored_qualifier(getattr(data, attr), getattr(data, qualifier_attr)),
        )
    if created and project.code is None:  # numbered as the ledger import numbers them
        year = date.today().year
        project.code = auto_code(year, next_code_number(year))
    project.save()
    _sync_phases(project, data)
    if created:
        stage, when = first_stage or (Stage.LEAD, date.today())
        record_stage(project, stage, when)
    return str(project.uuid)


def _stored_qualifier(number: object, qualifier: Qualifier | None) -> str | None:
    """A qualifier is kept only beside a figure: 约 with no number says nothing."""
    return qualifier.value if qualifier is not None and number is not None else None


def _sync_phases(project: Project, data: ProjectData) -> None:
    existing = {p.uuid: p for p in Phase.live().where(Phase.project == project)}
    by_name: dict[str, Phase] = {}
    for seq, item in enumerate(data.phases, start=1):
        phase = existing.pop(item.uuid, None) if item.uuid else None
        if phase is None:
            phase = Phase(project=project, seq=seq, name=item.name.strip())
        values: dict[str, object] = {
            "seq": seq,
            "name": item.name.strip(),
            "investment": item.investment,
            "content": _clean(item.content),
            "floor_area_m2": item.floor_area_m2,
            "floor_area_m2_qualifier": _stored_qualifier(
                item.floor_area_m2, item.floor_area_m2_qualifier
            ),
            "expected_sales": item.expected_sales,
            "expected_sales_qualifier": _stored_qualifier(
                item.expected_sales, item.expected_sales_qualifier
            ),
        }
        changed = phase.id is None or any(getattr(phase, k) != v for k, v in values.items())
        for key, value in values.items():
            setattr(phase, key, value)
        if changed:
            phase.save()
        by_name[phase.name] = phase
    for leftover in existing.values():
        leftover.tombstone()
    lines = {c.uuid: c for c in CapacityLine.live().where(CapacityLine.project == project)}
    for seq, capacity in enumerate(data.capacity, start=1):
        line = lines.pop(capacity.uuid, None) if capacity.uuid else None
        if line is None:
            line = CapacityLine(project=project)
        of_phase = by_name.get(capacity.phase_name) if capacity.phase_name else None
        values = {
            "seq": seq,
            "product": capacity.product.strip(),
            "quantity": capacity.quantity,
            "quantity_qualifier": _stored_qualifier(capacity.quantity, capacity.quantity_qualifier),
            "unit": capacity.unit.strip(),
            "phase": of_phase.id if of_phase else None,
        }
        current = {
            "seq": line.seq,
            "product": line.product,
            "quantity": line.quantity,
            "quantity_qualifier": line.quantity_qualifier,
            "unit": line.unit,
            "phase": line.phase_id,
        }
        if line.id is None or current != values:
            for key, value in values.items():
                setattr(line, key, value)
            line.save()
    for left_line in lines.values():
        left_line.tombstone()


def load_project(project_uuid: str) -> ProjectData:
    """The form's values of a stored project (also the undo snapshot)."""
    project = Project.get(Project.uuid == project_uuid)
    investor: Investor = project.investor
    phases = list(Phase.live().where(Phase.project == project).order_by(Phase.seq))
    names = {p.id: p.name for p in phases}
    data = ProjectData(
        name=project.name,
        investor_name=investor.name,
        unit_id=project.unit_id,
        capital=Capital(project.capital),
        uuid=project.uuid,
        credit_code=investor.credit_code,
        origin=investor.origin,
        investor_nature=investor.nature,
        investor_category=investor.category,
        contact_person=investor.contact_person,
        contact_phone=investor.contact_phone,
        phases=[
            PhaseData(
                p.name,
                p.investment,
                p.content,
                p.uuid,
                p.floor_area_m2,
                qualifier_of(p.floor_area_m2_qualifier),
                p.expected_sales,
                qualifier_of(p.expected_sales_qualifier),
            )
            for p in phases
        ],
        capacity=[
            CapacityData(
                c.product,
                c.quantity,
                c.unit,
                names.get(c.phase_id) if c.phase_id is not None else None,
                c.uuid,
                qualifier_of(c.quantity_qualifier),
            )
            for c in CapacityLine.live()
            .where(CapacityLine.project == project)
            .order_by(CapacityLine.seq)
        ],
    )
    for attr in _SIMPLE_FIELDS:
        value = getattr(project, attr)
        setattr(data, attr, Capital(value) if attr == "capital" else value)
    for qualifier_attr in QUALIFIED_FIELDS.values():
        setattr(data, qualifier_attr, qualifier_of(getattr(project, qualifier_attr)))
    return data


@operation
def delete_projects(project_uuids: list[str]) -> None:
    """Tombstone projects.  Their events, phases and records stay as they are, so
    that undo brings back exactly what was there; every view reads them through
    live projects only."""
    for uuid in project_uuids:
        Project.get(Project.uuid == uuid).tombstone()
