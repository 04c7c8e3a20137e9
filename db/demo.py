"""The article's example data (示例数据): a city-wide ledger that reproduces every figure.

``ARTICLE_ROWS`` is the headquarters ledger as a person would type it into the
template; with the default counting rules it gives exactly the figures of the
news article the project was created from (DOMAIN.md, "The article's figures").
It is both the content of ``zhaoshang demo FILE`` and the acceptance fixture of
the counting rules (tests/data/article-ledger.xlsx is written from it).

The named projects and companies come from the article; every other project,
company, person and 统一社会信用代码 is invented (the codes are generated, with a
valid check character, and are not the real codes of any company).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from peewee import SqliteDatabase

from db import credit_code, ledger, settings
from db.models import (
    Cadre,
    CapacityLine,
    FollowUp,
    Milestone,
    Phase,
    Project,
    SigningEvent,
    Unit,
    database,
)
from db.records import create_hq_file

HQ_NAME = "市招商中心"
EXCHANGE_RATE = Decimal("7.1305")
EXCHANGE_RATE_DATE = date(2023, 7, 31)
# The period of the article's figures (1~7月 2023): what a newcomer should see first.
ARTICLE_PERIOD_START = date(2023, 1, 1)
ARTICLE_PERIOD_END = date(2023, 7, 31)

# The projects the article names.
DAYA = "大亚新能源材料建设项目"
CHUANGLI = "江苏创力电梯垂直电梯部件及储能生产建设项目"
MODULES = "自动化设备及汽车零部件项目通讯模组、指纹模组项目"
MEIJIN = "东莞市美锦电子材料有限公司光学纳米分子材料项目"
TISU = "苏州体素信息科技有限公司眼底影像辅助产品及胸部CT产品生产线项目"

# 开发区's signing ceremony: 22 projects, 75.2亿元, all signed that day.
EVENT_NAME = "开发区政银企对接活动暨金融工作大会"
EVENT_DATE = date(2023, 8, 8)

DEV_ZONE = "开发区"
OFFICES: dict[str, str] = {  # 驻点招商办 → 驻点城市
    "上海驻点招商办": "上海",
    "深圳驻点招商办": "深圳",
    "北京驻点招商办": "北京",
    "广州驻点招商办": "广州",
    "杭州驻点招商办": "杭州",
}
TOWNS: tuple[str, ...] = ("丹北镇", "吕城镇", "司徒镇", "延陵镇", "界牌镇")

# 招商人员 of the offices: 12 cadres in 5 offices (3+3+2+2+2), the first of each its 主任.
CADRES: dict[str, tuple[str, ...]] = {
    "上海驻点招商办": ("张伟", "李娜", "王磊"),
    "深圳驻点招商办": ("刘洋", "赵敏", "孙浩"),
    "北京驻点招商办": ("周婷", "吴昊"),
    "广州驻点招商办": ("郑强", "黄丽"),
    "杭州驻点招商办": ("徐军", "马晓燕"),
}
# 责任人 in the development zone and the towns (they are not 驻点 cadres).
_LOCAL_PEOPLE: dict[str, tuple[str, ...]] = {
    DEV_ZONE: ("殷建军", "束晓峰"),
    "丹北镇": ("钱立新",),
    "吕城镇": ("蒋文斌",),
    "司徒镇": ("汤振华",),
    "延陵镇": ("贺志刚",),
    "界牌镇": ("眭国平",),
}
_CODE_PREFIX: dict[str, str] = {
    DEV_ZONE: "KFQ",
    "上海驻点招商办": "SH",
    "深圳驻点招商办": "SZ",
    "北京驻点招商办": "BJ",
    "广州驻点招商办": "GZ",
    "杭州驻点招商办": "HZ",
    "丹北镇": "DB",
    "吕城镇": "LC",
    "司徒镇": "ST",
    "延陵镇": "YL",
    "界牌镇": "JP",
}


# -- places and companies -------------------------------------------------------

# 来源地 → (prefix of company names, 行政区划代码 for the credit code).
_PLACES: dict[str, tuple[str, str]] = {
    "上海市": ("上海", "310115"),
    "江苏省苏州市": ("苏州", "320506"),
    "浙江省嘉兴市": ("嘉兴", "330402"),
    "广东省深圳市": ("深圳市", "440300"),
    "广东省东莞市": ("东莞市", "441900"),
    "北京市": ("北京", "110108"),
    "天津市": ("天津", "120116"),
    "广东省广州市": ("广州市", "440112"),
    "广东省佛山市": ("佛山市", "440606"),
    "浙江省杭州市": ("杭州", "330108"),
    "浙江省宁波市": ("宁波", "330212"),
    "江苏省南京市": ("南京", "320115"),
    "江苏省常州市": ("常州", "320411"),
    "江苏省无锡市": ("无锡", "320214"),
    "安徽省合肥市": ("合肥", "340104"),
    "浙江省温州市": ("温州", "330302"),
    "江苏省镇江市": ("镇江", "321191"),
    "江苏省丹阳市": ("丹阳市", "321181"),
}
# Where each unit's investors mostly come from: an office works its city and around it.
_ORIGINS: dict[str, tuple[str, ...]] = {
    DEV_ZONE: ("江苏省南京市", "上海市", "江苏省常州市", "安徽省合肥市", "广东省深圳市"),
    "上海驻点招商办": ("上海市", "江苏省苏州市", "浙江省嘉兴市"),
    "深圳驻点招商办": ("广东省深圳市", "广东省东莞市"),
    "北京驻点招商办": ("北京市", "天津市"),
    "广州驻点招商办": ("广东省广州市", "广东省佛山市"),
    "杭州驻点招商办": ("浙江省杭州市", "浙江省宁波市"),
    "丹北镇": ("江苏省丹阳市", "江苏省常州市", "江苏省无锡市"),
    "吕城镇": ("江苏省无锡市", "江苏省丹阳市", "浙江省温州市"),
    "司徒镇": ("江苏省丹阳市", "浙江省温州市", "江苏省镇江市"),
    "延陵镇": ("江苏省镇江市", "江苏省常州市", "江苏省丹阳市"),
    "界牌镇": ("江苏省丹阳市", "江苏省无锡市", "江苏省常州市"),
}
# Foreign capital: 来源地 is the country or region; how its companies are named.
_FOREIGN_FORMS: dict[str, tuple[str, str]] = {
    "日本": ("日本", "株式会社"),
    "韩国": ("韩国", "株式会社"),
    "德国": ("德国", "有限公司"),
    "新加坡": ("新加坡", "私人有限公司"),
    "中国香港": ("香港", "有限公司"),
    "中国台湾": ("台湾", "股份有限公司"),
    "美国": ("美国", "公司"),
    "意大利": ("意大利", "有限公司"),
    "法国": ("法国", "集团"),
}


@dataclass(frozen=True)
class _Line:
    """A kind of project the city attracts: what it makes and how it is classified."""

    product: str
    code: str  # GB/T 4754-2017 大类
    industry: str  # 产业类别
    chain: str | None  # 产业链; only the "4+3+1" chains count as priority


# Lines by pool.  The pool is the 产业类别, except 电站 (a power station: 新能源 but
# not 制造业).  五金工具, 木业家居, 纺织服装 and 食品饮料 are the city's traditional
# industries, outside the "4+3+1" system.
_LINES: dict[str, tuple[_Line, ...]] = {
    "新材料": (
        _Line("高性能碳纤维复合材料", "28", "新材料", "新材料"),
        _Line("光学功能膜材料", "29", "新材料", "新材料"),
        _Line("电子级湿化学品", "26", "新材料", "新材料"),
        _Line("高端铝合金精密型材", "32", "新材料", "新材料"),
        _Line("石墨烯导热膜", "30", "新材料", "新材料"),
        _Line("特种工程塑料改性材料", "26", "新材料", "新材料"),
        _Line("高性能稀土永磁材料", "32", "新材料", "新材料"),
        _Line("陶瓷基复合材料", "30", "新材料", "新材料"),
    ),
    "新能源": (
        _Line("储能电池模组及PACK", "38", "新能源", "新能源"),
        _Line("高效光伏组件", "38", "新能源", "新能源"),
        _Line("锂电池隔膜", "29", "新能源", "新能源"),
        _Line("光伏跟踪支架", "33", "新能源", "新能源"),
        _Line("储能变流器及系统集成", "38", "新能源", "新能源"),
        _Line("氢燃料电池双极板", "38", "新能源", "新能源"),
        _Line("锂电池正极材料", "26", "新能源", "新能源"),
    ),
    "电站": (_Line("屋顶分布式光伏电站", "44", "新能源", "新能源"),),
    "汽车零部件": (
        _Line("新能源汽车电机壳体", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("汽车轻量化底盘结构件", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("汽车智能座舱内饰件", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("新能源汽车高压线束", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("汽车LED前照灯模组", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("新能源汽车热管理系统", "36", "汽车零部件", "新能源汽车及零部件"),
        _Line("汽车制动系统零部件", "36", "汽车零部件", "新能源汽车及零部件"),
    ),
    "装备制造": (
        _Line("智能数控机床", "34", "装备制造", "高端装备"),
        _Line("工业机器人精密减速器", "34", "装备制造", "高端装备"),
        _Line("智能物流仓储装备", "34", "装备制造", "高端装备"),
        _Line("高端精密轴承", "34", "装备制造", "高端装备"),
        _Line("半导体专用设备零部件", "35", "装备制造", "高端装备"),
        _Line("高端液压元件", "34", "装备制造", "高端装备"),
    ),
    "电子信息": (
        _Line("柔性电路板", "39", "电子信息", "电子信息"),
        _Line("智能传感器", "39", "电子信息", "电子信息"),
        _Line("光通信器件", "39", "电子信息", "电子信息"),
        _Line("高端电子连接器", "39", "电子信息", "电子信息"),
        _Line("功率半导体器件封装测试", "39", "电子信息", "电子信息"),
    ),
    "眼镜光学": (
        _Line("高端树脂镜片", "35", "眼镜光学", "眼镜光学"),
        _Line("钛合金眼镜架", "35", "眼镜光学", "眼镜光学"),
        _Line("光学镀膜镜片", "35", "眼镜光学", "眼镜光学"),
    ),
    "大健康": (
        _Line("一次性医用耗材", "35", "大健康", "大健康"),
        _Line("康复辅助器具", "35", "大健康", "大健康"),
        _Line("生物医药中间体", "27", "大健康", "大健康"),
        _Line("体外诊断试剂", "27", "大健康", "大健康"),
        _Line("医学影像设备", "35", "大健康", "大健康"),
        _Line("中药配方颗粒", "27", "大健康", "大健康"),
    ),
    "现代服务业": (_Line("工业互联网平台及数据中心", "65", "现代服务业", "现代服务业"),),
    "五金工具": (
        _Line("高档五金工具", "33", "五金工具", "五金工具"),
        _Line("锂电电动工具", "34", "五金工具", "五金工具"),
        _Line("高强度紧固件", "33", "五金工具", None),
    ),
    "木业家居": (
        _Line("环保饰面板", "20", "木业家居", None),
        _Line("全屋定制家居", "21", "木业家居", None),
    ),
    "纺织服装": (
        _Line("功能性纺织面料", "17", "纺织服装", None),
        _Line("高档职业服装", "18", "纺织服装", None),
    ),
    "食品饮料": (
        _Line("休闲食品", "14", "食品饮料", None),
        _Line("黄酒酿造技改", "15", "食品饮料", None),
        _Line("农副产品精深加工", "13", "食品饮料", None),
    ),
}
# The second half of an investor's name, by pool (domestic) …
_COMPANY_SUFFIX: dict[str, str] = {
    "新材料": "新材料科技有限公司",
    "新能源": "新能源科技有限公司",
    "电站": "光伏能源有限公司",
    "汽车零部件": "汽车零部件有限公司",
    "装备制造": "智能装备有限公司",
    "电子信息": "电子科技有限公司",
    "眼镜光学": "光学科技有限公司",
    "大健康": "医疗科技有限公司",
    "现代服务业": "数字科技有限公司",
    "五金工具": "工具有限公司",
    "木业家居": "木业有限公司",
    "纺织服装": "纺织科技有限公司",
    "食品饮料": "食品有限公司",
}
# … and the trade word of a foreign company's name.
_FOREIGN_TRADE: dict[str, str] = {
    "新材料": "材料",
    "新能源": "能源",
    "汽车零部件": "汽车部件",
    "装备制造": "机械",
    "电子信息": "电子",
    "眼镜光学": "光学",
    "大健康": "医疗",
    "纺织服装": "纺织",
    "食品饮料": "食品",
}
_INFO_SOURCES = ("以商招商", "乡贤", "展会", "基金招商", "中介招商")
_ISSUES = (
    "用地指标待落实",
    "需协调能耗指标",
    "环评手续办理中",
    "需协调供电增容",
    "需协助对接产业基金",
)


def _stems() -> Iterator[str]:
    """Two-character brand names for invented companies, in a fixed scrambled order."""
    firsts = "华恒科中远博瑞金宏精鼎盛天海立嘉永辰"
    seconds = "瑞通达鼎航远丰诚图源晟创益杰"
    # Left out: names of well-known listed companies.
    taken = {"恒瑞", "中通", "海通", "中鼎"}
    names = [a + b for a in firsts for b in seconds if a != b and a + b not in taken]
    # A hash order keeps neighbouring projects from sharing their first character.
    yield from sorted(names, key=lambda n: hashlib.sha256(n.encode()).hexdigest())


def generated_credit_code(origin: str, seed: str) -> str:
    """A 统一社会信用代码 of an enterprise (91…) registered in ``origin``, valid check."""
    region = _PLACES[origin][1]
    digest = hashlib.sha256(seed.encode()).digest()
    body = "".join(credit_code.ALPHABET[b % len(credit_code.ALPHABET)] for b in digest[:9])
    first17 = "91" + region + body
    return first17 + credit_code.check_character(first17)


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
        self._stems = _stems()
        self._next_line: dict[str, int] = {}
        self._seq: dict[tuple[str, int], int] = {}
        self._origin_turn: dict[str, int] = {}
        self._person_turn: dict[str, int] = {}

    def _code(self, unit: str, year: int) -> str:
        key = (unit, year)
        self._seq[key] = self._seq.get(key, 0) + 1
        return f"{_CODE_PREFIX[unit]}{year}{self._seq[key]:03d}"

    def _turn(self, counter: dict[str, int], key: str, options: tuple[str, ...]) -> str:
        i = counter.get(key, 0)
        counter[key] = i + 1
        return options[i % len(options)]

    def _person(self, unit: str) -> str:
        people = CADRES.get(unit) or _LOCAL_PEOPLE[unit]
        return self._turn(self._person_turn, unit, people)

    def line(self, pool: str) -> _Line:
        lines = _LINES[pool]
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
        line: _Line,
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
        tax: int | None = None,
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
            prefix, form = _FOREIGN_FORMS[foreign_from]
            investor = f"{prefix}{stem}{_FOREIGN_TRADE[line.industry]}{form}"
            origin, credit = foreign_from, None
            # Foreign amounts are in 万美元; the scale below wants 万元.
            scale = int(total) * 7
        else:
            origin = self._turn(self._origin_turn, unit, _ORIGINS[unit])
            investor = f"{_PLACES[origin][0]}{stem}{_COMPANY_SUFFIX[pool]}"
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
    return _INFO_SOURCES[i % len(_INFO_SOURCES)]


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
        line=_Line("新能源电池铝箔", "32", "新能源", "新能源"),
        total=300000,
        first=date(2022, 10, 12),
        signed=date(2023, 2, 16),
        started=date(2023, 5, 18),
        tax=50000,
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
        line=_Line("光学纳米分子材料", "26", "新材料", "新材料"),
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
        line=_Line("眼底影像辅助产品及胸部CT产品", "35", "大健康", "大健康"),
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
        line=_Line("通讯模组、指纹模组", "39", "汽车零部件", "新能源汽车及零部件"),
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
            issues=_ISSUES[i % len(_ISSUES)] if i % 2 == 0 else None,
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
        line=_Line("人才公寓", "70", "房地产", None),
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
        line=_Line("垂直电梯部件及储能设备", "34", "装备制造", "高端装备"),
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
        line=_Line("储能电池及系统集成", "38", "新能源", "新能源"),
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
            issues=_ISSUES[i % len(_ISSUES)] if not started and i % 3 == 0 else None,
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
            issues=_ISSUES[i % len(_ISSUES)],
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
            issues=_ISSUES[i % len(_ISSUES)] if i % 5 == 0 else None,
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
        line=_Line("商业综合体", "70", "房地产", None),
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


# -- what the ledger has no columns for --------------------------------------------


def _project(name: str) -> Project:
    return cast(Project, Project.live().where(Project.name == name).get())


def _unit(name: str) -> Unit:
    return cast(Unit, Unit.live().where(Unit.name == name).get())


def add_article_details() -> None:
    """Phases, capacity, milestones, follow-ups, the signing ceremony, cadres and the
    briefing settings: the parts of the article that the ledger template cannot hold."""
    used = {str(row["产业类别"]) for row in ARTICLE_ROWS if row.get("产业类别")}
    labels = list(settings.local_industries())
    settings.set_local_industries(labels + sorted(used - set(labels)))
    daya = _project(DAYA)
    daya.expected_output = Decimal(500000)
    daya.expected_tax = Decimal(50000)
    daya.carrier = "大亚工业园区"
    daya.save()
    phase_one = Phase.create(
        project=daya,
        seq=1,
        name="一期",
        investment=Decimal(116000),
        content="一条电池箔专用生产线,新建厂房约30000平方米",
        floor_area_m2=Decimal(30000),
        expected_sales=Decimal(200000),
    )
    Phase.create(project=daya, seq=2, name="二期", investment=Decimal(184000))
    CapacityLine.create(
        project=daya, phase=phase_one, seq=1, product="电池箔", quantity=Decimal(4), unit="万吨"
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

    briefing = dict(settings.get("briefing"))
    briefing.update(
        {
            "title": "招商工作简报",
            "editor": HQ_NAME,
            "issue_no": 7,
            "to_report": "市委、市政府主要领导,分管领导",
            "to_send": "市发改委、市工信局、市财政局、市自然资源和规划局",
            "to_issue": "各镇(区、街道)、开发区,各驻点招商办",
        }
    )
    settings.put("briefing", briefing)


def build_demo(path: str | Path) -> SqliteDatabase:
    """A new headquarters file holding the article's city-wide data (``zhaoshang demo``)."""
    db = create_hq_file(path, HQ_NAME)
    with database.atomic():
        settings.set_exchange_rate(EXCHANGE_RATE, EXCHANGE_RATE_DATE)
        ledger.import_rows(list(enumerate(ARTICLE_ROWS, start=2)), "示例数据")
        add_article_details()
    return db
