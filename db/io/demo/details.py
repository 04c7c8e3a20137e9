"""What the ledger template has no columns for: phases, capacity, milestones,
follow-ups, the signing ceremony, cadres and the briefing settings of the article."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.io.demo.article import (
    CADRES,
    CHUANGLI,
    DAYA,
    DEV_ZONE,
    EVENT_DATE,
    EVENT_NAME,
    HQ_NAME,
    LOCAL_PEOPLE,
    MODULES,
    OFFICES,
)
from db.io.demo.ledger import ARTICLE_ROWS, EVENT_PROJECTS
from db.records.settings import put_local_industries
from db.rules.qualifier import Qualifier
from db.store import settings
from db.store.models import (
    Cadre,
    CapacityLine,
    FollowUp,
    Milestone,
    Phase,
    Project,
    SigningEvent,
    Unit,
)

# -- what the ledger has no columns for --------------------------------------------


def _project(name: str) -> Project:
    return Project.live().where(Project.name == name).get()


def _unit(name: str) -> Unit:
    return Unit.live().where(Unit.name == name).get()


def add_article_details() -> None:
    """Phases, capacity, milestones, follow-ups, the signing ceremony, cadres and the
    briefing settings: the parts of the article that the ledger template cannot hold."""
    used = {str(row["产业类别"]) for row in ARTICLE_ROWS if row.get("产业类别")}
    labels = list(settings.local_industries())
    put_local_industries(labels + sorted(used - set(labels)))
    daya = _project(DAYA)
    # The article's qualifiers: 新增产值达50亿元, 年纳税超5亿元 (the ledger row has 超50000),
    # 新建厂房约30000平方米, 电池箔总产能达4万吨, 销售额约20亿元.
    daya.expected_output = Decimal(500000)
    daya.expected_output_qualifier = Qualifier.REACHING.value
    daya.carrier = "大亚工业园区"
    daya.save()
    phase_one = Phase.create(
        project=daya,
        seq=1,
        name="一期",
        investment=Decimal(116000),
        content="一条电池箔专用生产线,新建厂房约30000平方米",
        floor_area_m2=Decimal(30000),
        floor_area_m2_qualifier=Qualifier.ABOUT.value,
        expected_sales=Decimal(200000),
        expected_sales_qualifier=Qualifier.ABOUT.value,
    )
    Phase.create(project=daya, seq=2, name="二期", investment=Decimal(184000))
    CapacityLine.create(
        project=daya,
        phase=phase_one,
        seq=1,
        product="电池箔",
        quantity=Decimal(4),
        unit="万吨",
        quantity_qualifier=Qualifier.REACHING.value,
    )
    full_capacity = (
        ("电池箔", Decimal(5), "万吨/年"),
        ("铝箔正极集流体", Decimal("4.3"), "万吨/年"),
        ("电池及储能托盘", Decimal(100), "万件/年"),
    )
    for seq, (product, quantity, unit) in enumerate(full_capacity, start=1):
        CapacityLine.create(project=daya, seq=seq, product=product, quantity=quantity, unit=unit)

    chuangli = _project(CHUANGLI)
    chuangli.designation = "镇江市重点产业类项目"
    chuangli.planned_production = date(2023, 10, 31)
    chuangli.save()
    for kind, when, note in (
        ("拿地", date(2023, 3, 22), "取得不动产权证书"),
        ("证照申报", date(2023, 3, 22), "经发部门开辟绿色通道,代办帮办"),
        ("证照办结", date(2023, 3, 27), "4个工作日内办结开工前全部证照"),
        ("开工", date(2023, 3, 29), "从拿到地到全面开工仅用7天"),
    ):
        Milestone.create(project=chuangli, kind=kind, date=when, note=note)

    follow_ups = (
        (DAYA, date(2023, 6, 28), "拜访", "开发区 殷建军", "现场察看一期厂房建设进度", None, None),
        (
            MODULES,
            date(2023, 7, 11),
            "洽谈",
            "开发区 束晓峰",
            "商议厂房建设规划方案,企业希望8月底前取得规划许可",
            "协调规划部门完成方案审查",
            date(2023, 7, 25),
        ),
        (
            CHUANGLI,
            date(2023, 7, 18),
            "拜访",
            "丹北镇 钱立新",
            "主体厂房建设中,企业反映需提前落实供电增容",
            "对接供电公司办理增容",
            date(2023, 8, 10),
        ),
        (
            EVENT_PROJECTS[0],
            date(2023, 7, 20),
            "来访",
            "开发区 殷建军",
            "投资方来访,确定在政银企对接活动上签约",
            "准备签约文本",
            date(2023, 8, 4),
        ),
    )
    for name, when, kind, people, summary, next_step, due in follow_ups:
        FollowUp.create(
            project=_project(name),
            date=when,
            kind=kind,
            people=people,
            summary=summary,
            next_step=next_step,
            due_date=due,
            # Only the planning review is still open: its due date has passed.
            done=name != MODULES,
        )

    zone = _unit(DEV_ZONE)
    event = SigningEvent.create(
        name=EVENT_NAME,
        date=EVENT_DATE,
        place=DEV_ZONE,
        unit=zone,
        note="现场集中签约项目22个,累计金额75.2亿元",
    )
    for name in EVENT_PROJECTS:
        project = _project(name)
        project.signing_event = event
        project.save()

    for office, city in OFFICES.items():
        office_unit = _unit(office)
        office_unit.city = city
        office_unit.save()
        for i, cadre in enumerate(CADRES[office]):
            Cadre.create(unit=office_unit, name=cadre, title="主任" if i == 0 else "招商专员")

    # The city lists the development zone and the towns first, then its offices.
    towns = [name for name in LOCAL_PEOPLE if name != DEV_ZONE]
    settings.put("unit_order", [DEV_ZONE, *towns, *OFFICES])
    briefing = dict(settings.get("briefing"))
    briefing.update(
        {
            "title": "招商工作简报",
            "editor": HQ_NAME,
            "issue_no": 7,
            "issue_year": 2023,
            "to_report": "市委、市政府主要领导,分管领导",
            "to_send": "市发改委、市工信局、市财政局、市自然资源和规划局",
            "to_issue": "各镇(区、街道)、开发区,各驻点招商办",
        }
    )
    settings.put("briefing", briefing)
