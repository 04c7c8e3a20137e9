"""The example ledger: ``ARTICLE_ROWS`` is the headquarters ledger as a person would
type it into the template; with the default counting rules it gives exactly the
figures of the news article the project was created from (docs/DOMAIN.md, "The
example data").  It is the content of ``zhaoshang demo FILE`` and the
acceptance fixture of the counting rules (tests/data/article-ledger.xlsx is
written from it).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from db.io.demo.article import (
    CADRES,
    CHUANGLI,
    CODE_PREFIX,
    DAYA,
    DEV_ZONE,
    EVENT_DATE,
    EVENT_NAME,
    LOCAL_PEOPLE,
    MEIJIN,
    MODULES,
    OFFICES,
    TISU,
)
from db.io.demo.companies import (
    COMPANY_SUFFIX,
    FOREIGN_FORMS,
    FOREIGN_TRADE,
    INFO_SOURCES,
    ISSUES,
    LINES,
    ORIGINS,
    PLACES,
    Line,
    brand_stems,
    generated_credit_code,
)


def _weekday(day: date) -> date:
    """The Friday before a weekend day: signings and site work are on working days."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _spread(first: date, last: date, n: int) -> list[date]:
    """``n`` working days spread evenly from ``first`` to ``last`` (both weekdays)."""
    if n == 1:
        return [first]
    span = (last - first).days
    return [_weekday(first + timedelta(days=span * i // (n - 1))) for i in range(n)]


# -- the ledger -------------------------------------------------------------------


class _LedgerBuilder:
    """Collects ledger rows, giving invented projects their companies, codes and details."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []
        self._stems = brand_stems()
        self._next_line: dict[str, int] = {}
        self._seq: dict[tuple[str, int], int] = {}
        self._origin_turn: dict[str, int] = {}
        self._person_turn: dict[str, int] = {}

    def _code(self, unit: str, year: int) -> str:
        key = (unit, year)
        self._seq[key] = self._seq.get(key, 0) + 1
        return f"{CODE_PREFIX[unit]}{year}{self._seq[key]:03d}"

    def _turn(self, counter: dict[str, int], key: str, options: tuple[str, ...]) -> str:
        i = counter.get(key, 0)
        counter[key] = i + 1
        return options[i % len(options)]

    def _person(self, unit: str) -> str:
        people = CADRES.get(unit) or LOCAL_PEOPLE[unit]
        return self._turn(self._person_turn, unit, people)

    def line(self, pool: str) -> Line:
        lines = LINES[pool]
        i = self._next_line.get(pool, 0)
        self._next_line[pool] = i + 1
        return lines[i % len(lines)]

    def add(
        self,
        *,
        name: str,
        investor: str,
        origin: str,
        unit: str,
        line: Line,
        total: int | Decimal,
        foreign: bool = False,
        credit: str | None = None,
        first: date | None = None,
        signed: date | None = None,
        started: date | None = None,
        produced: date | None = None,
        stage: str | None = None,
        kind: str = "新建",
        land_mu: int | Decimal | None = None,
        floor_area: int | None = None,
        sales: int | None = None,
        tax: int | str | None = None,
        jobs: int | None = None,
        content: str | None = None,
        source: str | None = None,
        issues: str | None = None,
        remarks: str | None = None,
    ) -> None:
        dates = [d for d in (first, signed, started, produced) if d is not None]
        if stage is None:
            stage = "投产" if produced else "开工" if started else "签约" if signed else "在谈"
        self.rows.append(
            {
                "项目编号": self._code(unit, min(dates).year if dates else 2023),
                "项目名称": name,
                "投资方": investor,
                "统一社会信用代码": credit,
                "来源地": origin,
                "内外资": "外资" if foreign else "内资",
                "总投资(万元)": None if foreign else total,
                "总投资(万美元)": total if foreign else None,
                "行业代码": line.code,
                "产业类别": line.industry,
                "产业链": line.chain,
                "建设性质": kind,
                "项目阶段": stage,
                "首次对接日期": first,
                "签约日期": signed,
                "开工日期": started,
                "投产日期": produced,
                "用地(亩)": land_mu,
                "建筑面积(平方米)": floor_area,
                "预计年销售(万元)": sales,
                "预计年税收(万元)": tax,
                "新增就业(人)": jobs,
                "建设内容及规模": content,
                "责任单位": unit,
                "责任人": self._person(unit),
                "信息来源": source or ("驻点招商" if unit in OFFICES else None),
                "需协调问题": issues,
                "备注": remarks,
            }
        )

    def invented(
        self,
        pool: str,
        unit: str,
        total: int | Decimal,
        *,
        foreign_from: str | None = None,
        detailed: bool = True,
        **dates_and_notes: Any,
    ) -> None:
        """A project of an invented company: name, investor, code and scale from the pool."""
        line = self.line(pool)
        stem = next(self._stems)
        if foreign_from is not None:
            prefix, form = FOREIGN_FORMS[foreign_from]
            investor = f"{prefix}{stem}{FOREIGN_TRADE[line.industry]}{form}"
            origin, credit = foreign_from, None
            # Foreign amounts are in 万美元; the scale below wants 万元.
            scale = int(total) * 7
        else:
            origin = self._turn(self._origin_turn, unit, ORIGINS[unit])
            investor = f"{PLACES[origin][0]}{stem}{COMPANY_SUFFIX[pool]}"
            credit = generated_credit_code(origin, investor)
            scale = int(total)
        details: dict[str, Any] = {}
        if detailed:
            # A typical ledger's rule of thumb: about 300万元 per 亩 and 600㎡ of
            # workshops per 亩; sales 1.5 times the investment, taxes 6 % of sales.
            mu = max(Decimal(10), (Decimal(scale) / 300).quantize(Decimal("0.1")))
            lines_count = max(1, scale // 20000)
            details = {
                "land_mu": mu,
                "floor_area": int(mu * 600),
                "sales": scale * 3 // 2,
                "tax": scale * 3 // 2 * 6 // 100,
                "jobs": max(20, scale // 150),
                "content": (
                    f"新建厂房{int(mu * 600)}平方米,购置先进生产及检测设备,"
                    f"建设{line.product}生产线{lines_count}条"
                ),
            }
        self.add(
            name=f"{stem}{line.product}项目",
            investor=investor,
            origin=origin,
            unit=unit,
            line=line,
            total=total,
            foreign=foreign_from is not None,
            credit=credit,
            **details,
            **dates_and_notes,
        )


def _source(i: int) -> str:
    return INFO_SOURCES[i % len(INFO_SOURCES)]


def _build_rows() -> tuple[list[dict[str, object]], tuple[str, ...]]:
    """The ledger rows, and the names of the projects signed at ``EVENT_NAME``."""
    b = _LedgerBuilder()
    last_workday_of_july = date(2023, 7, 28)

    # ---- 开发区: 8 signings in 2023 (41.1亿元), all under construction by July.
    b.add(
        name=DAYA,
        investor="大亚科技集团有限公司",
        origin="江苏省丹阳市",
        credit=generated_credit_code("江苏省丹阳市", "大亚科技集团有限公司"),
        unit=DEV_ZONE,
        line=Line("新能源电池铝箔", "32", "新能源", "新能源"),
        total=300000,
        first=date(2022, 10, 12),
        signed=date(2023, 2, 16),
        started=date(2023, 5, 18),
        tax="超50000",  # 年纳税超5亿元, typed with its qualifier as the template reads it
        jobs=600,
        content=(
            "项目分两期建设:一期投资11.6亿元,建设一条电池箔专用生产线,新建厂房约30000平方米;"
            "二期投资18.4亿元。全部达产后形成年产电池箔5万吨、铝箔正极集流体4.3万吨、"
            "电池及储能托盘100万件的生产能力"
        ),
        source="以商招商",
        remarks="落户大亚工业园区",
    )
    b.add(
        name=MEIJIN,
        investor="东莞市美锦电子材料有限公司",
        origin="广东省东莞市",
        credit=generated_credit_code("广东省东莞市", "东莞市美锦电子材料有限公司"),
        unit=DEV_ZONE,
        line=Line("光学纳米分子材料", "26", "新材料", "新材料"),
        total=20000,
        first=date(2022, 12, 6),
        signed=date(2023, 4, 11),
        started=date(2023, 6, 20),
        land_mu=40,
        floor_area=26000,
        sales=40000,
        tax=2400,
        jobs=150,
        content="新建厂房26000平方米,建设光学纳米分子材料生产线,主要产品用于显示面板及光学器件",
        source="以商招商",
    )
    b.add(
        name=TISU,
        investor="苏州体素信息科技有限公司",
        origin="江苏省苏州市",
        credit=generated_credit_code("江苏省苏州市", "苏州体素信息科技有限公司"),
        unit=DEV_ZONE,
        line=Line("眼底影像辅助产品及胸部CT产品", "35", "大健康", "大健康"),
        total=20000,
        first=date(2023, 1, 10),
        signed=date(2023, 5, 16),
        started=date(2023, 7, 12),
        land_mu=30,
        floor_area=18000,
        sales=30000,
        tax=2000,
        jobs=120,
        content="建设眼底影像人工智能辅助诊断产品及胸部CT辅助诊断产品生产线",
        source="展会",
    )
    kfq_signed = (
        (12000, "新材料"),
        (15000, "大健康"),
        (13000, "汽车零部件"),
        (16000, "新能源"),
        (15000, "新材料"),
    )
    signed_on = _spread(date(2023, 1, 13), date(2023, 6, 9), len(kfq_signed))
    for i, ((total, pool), day) in enumerate(zip(kfq_signed, signed_on, strict=True)):
        b.invented(
            pool,
            DEV_ZONE,
            total,
            first=_weekday(day - timedelta(days=120)),
            signed=day,
            started=_weekday(day + timedelta(days=45)),
            source=_source(i),
        )

    # ---- 开发区's pipeline at the end of July: 28 projects, 230亿元.
    b.add(
        name=MODULES,
        investor="深圳市启航精密科技有限公司",
        origin="广东省深圳市",
        credit=generated_credit_code("广东省深圳市", "深圳市启航精密科技有限公司"),
        unit=DEV_ZONE,
        line=Line("通讯模组、指纹模组", "39", "汽车零部件", "新能源汽车及零部件"),
        total=70600,
        first=date(2022, 7, 19),
        signed=date(2022, 12, 16),
        land_mu=120,
        floor_area=68000,
        sales=150000,
        tax=6000,
        jobs=800,
        content="建设自动化设备及汽车零部件生产线,主要生产通讯模组、指纹模组",
        source="驻点招商",
        issues="厂房建设规划方案待审批",
    )
    # Eleven large projects: eight in talks, three signed in 2022 and waiting for land.
    kfq_pipeline = (
        (500000, "新能源", None),
        (250000, "汽车零部件", None),
        (200000, "大健康", None),
        (150000, "新材料", None),
        (120000, "新能源", None),
        (80000, "汽车零部件", None),
        (60000, "大健康", None),
        (52400, "新材料", date(2022, 8, 26)),
        (40000, "汽车零部件", date(2022, 10, 20)),
        (30000, "大健康", None),
        (30000, "新材料", date(2022, 11, 15)),
    )
    first_contact = _spread(date(2022, 4, 7), date(2023, 6, 27), len(kfq_pipeline))
    for i, ((total, pool, signed), first) in enumerate(
        zip(kfq_pipeline, first_contact, strict=True)
    ):
        if signed is not None:
            first = _weekday(signed - timedelta(days=150))
        b.invented(
            pool,
            DEV_ZONE,
            total,
            first=first,
            signed=signed,
            source=_source(i + 2),
            issues=ISSUES[i % len(ISSUES)] if i % 2 == 0 else None,
        )
    # The 22 signed at the ceremony of 8 August: in talks at the end of July.
    counted_at_event = (
        150000, 80000, 65000, 60000, 52000, 50000, 45000, 40000,
        35000, 30000, 25000, 25000, 20000, 15000, 15000, 10000,
    )  # fmt: skip
    small_at_event = (3000, 5000, 6000, 8000, 6500, 6500)
    event_pools = ("新材料", "新能源", "大健康", "汽车零部件")
    event_amounts = counted_at_event + small_at_event
    first_contact = _spread(date(2023, 2, 6), date(2023, 7, 14), len(event_amounts))
    first_event_row = len(b.rows)
    for i, (total, first) in enumerate(zip(event_amounts, first_contact, strict=True)):
        b.invented(
            event_pools[i % len(event_pools)],
            DEV_ZONE,
            total,
            detailed=total >= 10000,
            first=first,
            signed=EVENT_DATE,
            source="基金招商" if i % 3 == 0 else _source(i),
            remarks=f"{EVENT_NAME}现场集中签约",
        )
    event_projects = tuple(str(row["项目名称"]) for row in b.rows[first_event_row:])
    # Not counted, or not in the figures: housing, a small signing, one long started.
    b.add(
        name="开发区人才公寓及配套商业项目",
        investor="江苏锦程置业有限公司",
        origin="江苏省丹阳市",
        credit=generated_credit_code("江苏省丹阳市", "江苏锦程置业有限公司"),
        unit=DEV_ZONE,
        line=Line("人才公寓", "70", "房地产", None),
        total=150000,
        first=date(2022, 11, 2),
        signed=date(2023, 3, 8),
        land_mu=95,
        floor_area=180000,
        content="建设人才公寓1200套及配套商业,总建筑面积18万平方米",
        remarks="房地产项目,不计入亿元以上产业项目",
    )
    b.invented("大健康", DEV_ZONE, 3000, signed=date(2023, 4, 25), detailed=False)
    b.invented(
        "汽车零部件",
        DEV_ZONE,
        22000,
        first=date(2021, 11, 8),
        signed=date(2022, 3, 17),
        started=date(2022, 6, 28),
    )

    # ---- The rest of the city: 34 signings in 1~7月.
    b.invented(
        "汽车零部件",
        "界牌镇",
        300000,  # exactly 30亿元: "30亿元以上" includes the bound
        first=date(2022, 9, 20),
        signed=date(2023, 3, 14),
        started=date(2023, 6, 6),
        source="乡贤",
    )
    b.invented(
        "五金工具",
        "司徒镇",
        100000,  # exactly 10亿元
        first=date(2022, 8, 30),
        signed=date(2023, 1, 17),
        started=date(2023, 5, 9),
        source="以商招商",
    )
    b.invented(
        "新材料",
        "上海驻点招商办",
        120000,
        first=date(2022, 11, 22),
        signed=date(2023, 5, 24),
        issues="用地指标待落实",
    )
    b.invented(
        "汽车零部件",
        "延陵镇",
        155000,
        first=date(2022, 12, 13),
        signed=date(2023, 4, 18),
        started=date(2023, 7, 5),
        source="中介招商",
    )
    b.invented(
        "电子信息",
        "深圳驻点招商办",
        50000,  # exactly 5亿元
        first=date(2023, 1, 5),
        signed=date(2023, 6, 14),
    )
    b.invented(
        "纺织服装",
        "吕城镇",
        68000,
        first=date(2022, 10, 25),
        signed=date(2023, 2, 22),
        started=date(2023, 4, 26),
        source="乡贤",
    )
    b.add(
        name=CHUANGLI,
        investor="江苏创力电梯有限公司",
        origin="江苏省丹阳市",
        credit=generated_credit_code("江苏省丹阳市", "江苏创力电梯有限公司"),
        unit="丹北镇",
        line=Line("垂直电梯部件及储能设备", "34", "装备制造", "高端装备"),
        total=36000,
        first=date(2022, 12, 6),
        signed=date(2023, 3, 10),
        started=date(2023, 3, 29),
        land_mu=85,
        floor_area=53000,
        sales=120000,
        tax=6000,
        jobs=300,
        content="占地85亩,新建厂房5.3万平方米,建设垂直电梯部件及储能设备生产线",
        source="以商招商",
    )
    # One signing in July, 99.99亿元, under construction within three weeks.
    b.add(
        name="恒储新能源年产20GWh储能电池及系统集成项目",
        investor="苏州恒储新能源科技有限公司",
        origin="江苏省苏州市",
        credit=generated_credit_code("江苏省苏州市", "苏州恒储新能源科技有限公司"),
        unit="吕城镇",
        line=Line("储能电池及系统集成", "38", "新能源", "新能源"),
        total=999900,
        first=date(2023, 2, 20),
        signed=date(2023, 7, 6),
        started=date(2023, 7, 26),
        land_mu=1500,
        floor_area=820000,
        sales=2000000,
        tax=80000,
        jobs=3000,
        content="分三期建设年产20GWh储能电池及系统集成生产基地,一期建设8GWh电芯及PACK产线",
        source="驻点招商",
        remarks="上海驻点招商办提供项目信息;签约即开工",
    )
    # Twenty-six more of 1亿–5亿元: 12 in the "4+3+1" system, 12 not yet started.
    city_signed = (
        (10000, "装备制造", "丹北镇", False),  # exactly 1亿元: counted
        (12000, "现代服务业", "杭州驻点招商办", False),  # the one 服务业 project
        (15000, "五金工具", "司徒镇", True),
        (18000, "汽车零部件", "界牌镇", True),
        (11000, "木业家居", "吕城镇", True),
        (13500, "电子信息", "深圳驻点招商办", False),
        (16000, "眼镜光学", "司徒镇", True),
        (12500, "纺织服装", "延陵镇", True),
        (14000, "大健康", "北京驻点招商办", False),
        (10800, "食品饮料", "延陵镇", True),
        (20000, "新材料", "上海驻点招商办", True),
        (11500, "五金工具", "丹北镇", False),
        (13000, "新能源", "广州驻点招商办", False),
        (10500, "五金工具", "界牌镇", True),
        (17500, "装备制造", "上海驻点招商办", True),
        (12000, "木业家居", "吕城镇", False),
        (10200, "眼镜光学", "司徒镇", False),
        (14500, "五金工具", "丹北镇", True),
        (11200, "电子信息", "深圳驻点招商办", True),
        (16800, "纺织服装", "广州驻点招商办", False),
        (10600, "大健康", "北京驻点招商办", True),
        (12300, "食品饮料", "杭州驻点招商办", True),
        (13800, "五金工具", "延陵镇", False),
        (10900, "木业家居", "界牌镇", True),
        (11700, "纺织服装", "吕城镇", False),
        (37700, "五金工具", "广州驻点招商办", False),
    )
    # From the first working day of the year to 30 June, the last day of 上半年.
    signed_on = _spread(date(2023, 1, 3), date(2023, 6, 30), len(city_signed))
    for i, ((total, pool, unit, started), day) in enumerate(
        zip(city_signed, signed_on, strict=True)
    ):
        b.invented(
            pool,
            unit,
            total,
            first=_weekday(day - timedelta(days=90 + 20 * (i % 6))),
            signed=day,
            started=_weekday(min(day + timedelta(days=40 + 10 * (i % 5)), last_workday_of_july))
            if started
            else None,
            source=None if unit in OFFICES else _source(i),
            issues=ISSUES[i % len(ISSUES)] if not started and i % 3 == 0 else None,
        )

    # ---- The rest of the city's pipeline: signed in 2022 and waiting, or in talks.
    signed_2022 = (
        (28000, "汽车零部件", "界牌镇"),
        (15000, "装备制造", "上海驻点招商办"),
        (12000, "眼镜光学", "司徒镇"),
        (45000, "新能源", "杭州驻点招商办"),
        (18000, "五金工具", "丹北镇"),
        (10000, "新材料", "北京驻点招商办"),
        (22000, "食品饮料", "延陵镇"),
        (16500, "电子信息", "深圳驻点招商办"),
    )
    # The last one signed on 30 December 2022: just outside 2023's periods.
    signed_on = _spread(date(2022, 3, 15), date(2022, 12, 30), len(signed_2022))
    for i, ((total, pool, unit), day) in enumerate(zip(signed_2022, signed_on, strict=True)):
        b.invented(
            pool,
            unit,
            total,
            first=_weekday(day - timedelta(days=100)),
            signed=day,
            source=None if unit in OFFICES else _source(i),
            issues=ISSUES[i % len(ISSUES)],
        )
    talks = (
        120000, 60000, 45000, 30000, 10000, 12000, 15000, 18000, 11000, 13500,
        16000, 10500, 14000, 20000, 12500, 10800, 17000, 11500, 25000, 13000,
        10200, 15500, 12000, 19000, 10000, 14500, 11800, 22000, 13200, 10600,
        16500, 12800, 18500, 11000, 14800, 10400, 21000, 13600, 15000, 11200,
        17800, 12200, 10900, 16200, 13900, 12600, 25600,
    )  # fmt: skip
    talk_pools = (
        "汽车零部件", "新材料", "装备制造", "电子信息", "新能源", "大健康", "眼镜光学",
        "五金工具", "新材料", "汽车零部件", "纺织服装", "装备制造", "电子信息",
    )  # fmt: skip
    talk_units = (
        "上海驻点招商办", "深圳驻点招商办", "北京驻点招商办", "广州驻点招商办",
        "杭州驻点招商办", "丹北镇", "上海驻点招商办", "吕城镇", "深圳驻点招商办",
        "司徒镇", "杭州驻点招商办", "延陵镇", "界牌镇", "广州驻点招商办",
    )  # fmt: skip
    # Five sign in August, after 1~7月 (the first on 1 August); one is a power station.
    signs_in_august = {
        3: date(2023, 8, 1),
        10: date(2023, 8, 15),
        17: date(2023, 8, 18),
        24: date(2023, 8, 22),
        31: date(2023, 8, 29),
    }
    power_station = 20
    first_contact = _spread(date(2022, 4, 11), date(2023, 7, 25), len(talks))
    for i, (total, first) in enumerate(zip(talks, first_contact, strict=True)):
        unit = talk_units[i % len(talk_units)]
        pool = "电站" if i == power_station else talk_pools[i % len(talk_pools)]
        b.invented(
            pool,
            unit,
            total,
            detailed=i % 4 != 1,
            first=first,
            signed=signs_in_august.get(i),
            source=None if unit in OFFICES else _source(i),
            issues=ISSUES[i % len(ISSUES)] if i % 5 == 0 else None,
        )

    # ---- Foreign capital: 16 in the pipeline (7.37亿美元), each at least 1000万美元.
    foreign_pipeline = (
        (12000, "日本", "汽车零部件", "上海驻点招商办", None),
        (8500, "德国", "装备制造", "上海驻点招商办", None),
        (6800, "韩国", "电子信息", "北京驻点招商办", None),
        (6000, "新加坡", "新能源", "深圳驻点招商办", date(2022, 11, 10)),
        (5500, "中国香港", "新材料", "深圳驻点招商办", date(2023, 8, 18)),
        (5000, "中国台湾", "电子信息", "广州驻点招商办", None),
        (4800, "美国", "大健康", "杭州驻点招商办", None),
        (4200, "日本", "眼镜光学", "上海驻点招商办", None),
        (4000, "意大利", "眼镜光学", "司徒镇", None),
        (3600, "中国香港", "纺织服装", "广州驻点招商办", None),
        (3000, "韩国", "汽车零部件", "界牌镇", date(2022, 9, 6)),
        (2800, "德国", "装备制造", "丹北镇", None),
        (2500, "法国", "大健康", "杭州驻点招商办", None),
        (2000, "新加坡", "新材料", "北京驻点招商办", None),
        (2000, "中国台湾", "电子信息", "深圳驻点招商办", None),
        (1000, "日本", "食品饮料", "吕城镇", None),  # exactly 1000万美元: counted
    )
    first_contact = _spread(date(2022, 3, 8), date(2023, 7, 20), len(foreign_pipeline))
    for (total, country, pool, unit, signed), first in zip(
        foreign_pipeline, first_contact, strict=True
    ):
        b.invented(
            pool,
            unit,
            total,
            foreign_from=country,
            first=min(first, _weekday(signed - timedelta(days=120))) if signed else first,
            signed=signed,
            source=None if unit in OFFICES else "以商招商",
        )

    # ---- Rows the rules leave out of every figure above.
    # Below the threshold (1亿元 / 1000万美元), though signed or in talks in 2023.
    b.invented(
        "汽车零部件",
        "延陵镇",
        Decimal("9999.99"),  # 100元 short of 1亿元
        signed=date(2023, 3, 21),
        started=date(2023, 5, 4),
    )
    b.invented("电子信息", "上海驻点招商办", 8000, signed=date(2023, 4, 19), detailed=False)
    b.invented("五金工具", "丹北镇", 5000, signed=date(2023, 6, 2), detailed=False)
    b.invented("食品饮料", "吕城镇", 6000, signed=date(2023, 7, 18), detailed=False)
    b.invented("眼镜光学", "深圳驻点招商办", 9000, first=date(2023, 5, 8), detailed=False)
    b.invented("大健康", "杭州驻点招商办", 7000, first=date(2023, 6, 15), detailed=False)
    b.invented(
        "纺织服装",
        "广州驻点招商办",
        800,
        foreign_from="中国香港",
        first=date(2023, 1, 9),
        signed=date(2023, 5, 10),
        detailed=False,
    )
    b.invented(
        "眼镜光学",
        "上海驻点招商办",
        950,
        foreign_from="日本",
        first=date(2023, 3, 27),
        detailed=False,
    )
    # 房地产业 (门类 K) is no industry project, however large.
    b.add(
        name="界牌镇商业综合体项目",
        investor="丹阳市恒隆置业有限公司",
        origin="江苏省丹阳市",
        credit=generated_credit_code("江苏省丹阳市", "丹阳市恒隆置业有限公司"),
        unit="界牌镇",
        line=Line("商业综合体", "70", "房地产", None),
        total=80000,
        first=date(2023, 2, 14),
        content="建设集购物、餐饮、酒店于一体的商业综合体",
        remarks="房地产项目,不计入亿元以上产业项目",
    )
    # Leads (线索): unverified, so not in the pipeline.
    leads = (
        (100000, "新能源", "北京驻点招商办"),
        (50000, "汽车零部件", "上海驻点招商办"),
        (30000, "装备制造", "广州驻点招商办"),
        (20000, "大健康", "杭州驻点招商办"),
        (15000, "电子信息", "深圳驻点招商办"),
    )
    for i, (total, pool, unit) in enumerate(leads):
        b.invented(
            pool,
            unit,
            total,
            detailed=False,
            first=date(2023, 5, 10) + timedelta(days=14 * i),
            stage="线索",
            remarks="信息待核实",
        )
    b.invented(
        "大健康",
        "杭州驻点招商办",
        3000,
        foreign_from="美国",
        detailed=False,
        first=date(2023, 7, 3),
        stage="线索",
        remarks="信息待核实",
    )
    # Dropped (中止), the reason in 备注.  The template has no date for 中止, so the
    # import dates it on the day of the import: until then a dropped row is at its
    # last dated stage.  None of these was in talks or signed-and-waiting at the end
    # of July 2023, so the figures stay those of the article whenever the demo is built.
    b.invented(
        "装备制造",
        "丹北镇",
        25000,
        first=date(2021, 6, 8),
        signed=date(2021, 11, 16),
        started=date(2022, 4, 19),
        stage="中止",
        remarks="投资方资金链紧张,项目停建",
    )
    b.invented(
        "新能源",
        "上海驻点招商办",
        60000,
        detailed=False,
        first=date(2023, 8, 21),
        stage="中止",
        remarks="投资方调整投资计划,项目暂缓",
    )
    b.invented(
        "电子信息",
        "深圳驻点招商办",
        12000,
        detailed=False,
        stage="中止",
        remarks="项目已落户外地",
    )
    b.invented(
        "电子信息",
        "北京驻点招商办",
        1500,
        foreign_from="韩国",
        detailed=False,
        stage="中止",
        remarks="外方总部暂停海外投资",
    )
    # Signed before 2023 and under construction or producing: out of both figures.
    b.invented(
        "汽车零部件",
        "界牌镇",
        35000,
        first=date(2021, 12, 6),
        signed=date(2022, 4, 12),
        started=date(2022, 8, 16),
    )
    b.invented(
        "眼镜光学",
        "司徒镇",
        18000,
        first=date(2022, 1, 18),
        signed=date(2022, 5, 20),
        started=date(2022, 9, 8),
    )
    b.invented(
        "装备制造",
        "丹北镇",
        26000,
        first=date(2021, 5, 11),
        signed=date(2021, 9, 15),
        started=date(2022, 3, 10),
        produced=date(2023, 4, 20),
        kind="扩建",
    )
    b.invented(
        "食品饮料",
        "吕城镇",
        14000,
        first=date(2021, 10, 19),
        signed=date(2022, 2, 23),
        started=date(2022, 6, 1),
        produced=date(2023, 6, 16),
        kind="技改",
    )
    b.invented(
        "装备制造",
        "延陵镇",
        2500,
        foreign_from="德国",
        first=date(2022, 2, 8),
        signed=date(2022, 6, 21),
        started=date(2023, 3, 15),
    )
    return b.rows, event_projects


ARTICLE_ROWS: list[dict[str, object]]
EVENT_PROJECTS: tuple[str, ...]
ARTICLE_ROWS, EVENT_PROJECTS = _build_rows()
