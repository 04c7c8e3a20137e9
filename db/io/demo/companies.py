"""Invented places, companies and project lines for the example data: who invests
from where, what the city's industries make, and valid 统一社会信用代码 for them
(generated, with a correct check character; not the codes of real companies)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from db.io.demo.article import DEV_ZONE
from db.rules import credit_code

# -- places and companies -------------------------------------------------------

# 来源地 → (prefix of company names, 行政区划代码 for the credit code).
PLACES: dict[str, tuple[str, str]] = {
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
ORIGINS: dict[str, tuple[str, ...]] = {
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
FOREIGN_FORMS: dict[str, tuple[str, str]] = {
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
class Line:
    """A kind of project the city attracts: what it makes and how it is classified."""

    product: str
    code: str  # GB/T 4754-2017 大类
    industry: str  # 产业类别
    chain: str | None  # 产业链; only the "4+3+1" chains count as priority


# Lines by pool.  The pool is the 产业类别, except 电站 (a power station: 新能源 but
# not 制造业).  五金工具, 木业家居, 纺织服装 and 食品饮料 are the city's traditional
# industries, outside the "4+3+1" system.
LINES: dict[str, tuple[Line, ...]] = {
    "新材料": (
        Line("高性能碳纤维复合材料", "28", "新材料", "新材料"),
        Line("光学功能膜材料", "29", "新材料", "新材料"),
        Line("电子级湿化学品", "26", "新材料", "新材料"),
        Line("高端铝合金精密型材", "32", "新材料", "新材料"),
        Line("石墨烯导热膜", "30", "新材料", "新材料"),
        Line("特种工程塑料改性材料", "26", "新材料", "新材料"),
        Line("高性能稀土永磁材料", "32", "新材料", "新材料"),
        Line("陶瓷基复合材料", "30", "新材料", "新材料"),
    ),
    "新能源": (
        Line("储能电池模组及PACK", "38", "新能源", "新能源"),
        Line("高效光伏组件", "38", "新能源", "新能源"),
        Line("锂电池隔膜", "29", "新能源", "新能源"),
        Line("光伏跟踪支架", "33", "新能源", "新能源"),
        Line("储能变流器及系统集成", "38", "新能源", "新能源"),
        Line("氢燃料电池双极板", "38", "新能源", "新能源"),
        Line("锂电池正极材料", "26", "新能源", "新能源"),
    ),
    "电站": (Line("屋顶分布式光伏电站", "44", "新能源", "新能源"),),
    "汽车零部件": (
        Line("新能源汽车电机壳体", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("汽车轻量化底盘结构件", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("汽车智能座舱内饰件", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("新能源汽车高压线束", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("汽车LED前照灯模组", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("新能源汽车热管理系统", "36", "汽车零部件", "新能源汽车及零部件"),
        Line("汽车制动系统零部件", "36", "汽车零部件", "新能源汽车及零部件"),
    ),
    "装备制造": (
        Line("智能数控机床", "34", "装备制造", "高端装备"),
        Line("工业机器人精密减速器", "34", "装备制造", "高端装备"),
        Line("智能物流仓储装备", "34", "装备制造", "高端装备"),
        Line("高端精密轴承", "34", "装备制造", "高端装备"),
        Line("半导体专用设备零部件", "35", "装备制造", "高端装备"),
        Line("高端液压元件", "34", "装备制造", "高端装备"),
    ),
    "电子信息": (
        Line("柔性电路板", "39", "电子信息", "电子信息"),
        Line("智能传感器", "39", "电子信息", "电子信息"),
        Line("光通信器件", "39", "电子信息", "电子信息"),
        Line("高端电子连接器", "39", "电子信息", "电子信息"),
        Line("功率半导体器件封装测试", "39", "电子信息", "电子信息"),
    ),
    "眼镜光学": (
        Line("高端树脂镜片", "35", "眼镜光学", "眼镜光学"),
        Line("钛合金眼镜架", "35", "眼镜光学", "眼镜光学"),
        Line("光学镀膜镜片", "35", "眼镜光学", "眼镜光学"),
    ),
    "大健康": (
        Line("一次性医用耗材", "35", "大健康", "大健康"),
        Line("康复辅助器具", "35", "大健康", "大健康"),
        Line("生物医药中间体", "27", "大健康", "大健康"),
        Line("体外诊断试剂", "27", "大健康", "大健康"),
        Line("医学影像设备", "35", "大健康", "大健康"),
        Line("中药配方颗粒", "27", "大健康", "大健康"),
    ),
    "现代服务业": (Line("工业互联网平台及数据中心", "65", "现代服务业", "现代服务业"),),
    "五金工具": (
        Line("高档五金工具", "33", "五金工具", "五金工具"),
        Line("锂电电动工具", "34", "五金工具", "五金工具"),
        Line("高强度紧固件", "33", "五金工具", None),
    ),
    "木业家居": (
        Line("环保饰面板", "20", "木业家居", None),
        Line("全屋定制家居", "21", "木业家居", None),
    ),
    "纺织服装": (
        Line("功能性纺织面料", "17", "纺织服装", None),
        Line("高档职业服装", "18", "纺织服装", None),
    ),
    "食品饮料": (
        Line("休闲食品", "14", "食品饮料", None),
        Line("黄酒酿造技改", "15", "食品饮料", None),
        Line("农副产品精深加工", "13", "食品饮料", None),
    ),
}
# The second half of an investor's name, by pool (domestic) …
COMPANY_SUFFIX: dict[str, str] = {
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
FOREIGN_TRADE: dict[str, str] = {
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
INFO_SOURCES = ("以商招商", "乡贤", "展会", "基金招商", "中介招商")
ISSUES = (
    "用地指标待落实",
    "需协调能耗指标",
    "环评手续办理中",
    "需协调供电增容",
    "需协助对接产业基金",
)


def brand_stems() -> Iterator[str]:
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
    region = PLACES[origin][1]
    digest = hashlib.sha256(seed.encode()).digest()
    body = "".join(credit_code.ALPHABET[b % len(credit_code.ALPHABET)] for b in digest[:9])
    first17 = "91" + region + body
    return first17 + credit_code.check_character(first17)
