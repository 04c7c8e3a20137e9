"""GB/T 4754-2017 大类 codes: validity, 门类, and the sector used in the figures."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

# 门类 letter, name, first and last 大类 code.
SECTIONS: tuple[tuple[str, str, int, int], ...] = (
    ("A", "农、林、牧、渔业", 1, 5),
    ("B", "采矿业", 6, 12),
    ("C", "制造业", 13, 43),
    ("D", "电力、热力、燃气及水生产和供应业", 44, 46),
    ("E", "建筑业", 47, 50),
    ("F", "批发和零售业", 51, 52),
    ("G", "交通运输、仓储和邮政业", 53, 60),
    ("H", "住宿和餐饮业", 61, 62),
    ("I", "信息传输、软件和信息技术服务业", 63, 65),
    ("J", "金融业", 66, 69),
    ("K", "房地产业", 70, 70),
    ("L", "租赁和商务服务业", 71, 72),
    ("M", "科学研究和技术服务业", 73, 75),
    ("N", "水利、环境和公共设施管理业", 76, 79),
    ("O", "居民服务、修理和其他服务业", 80, 82),
    ("P", "教育", 83, 83),
    ("Q", "卫生和社会工作", 84, 85),
    ("R", "文化、体育和娱乐业", 86, 90),
    ("S", "公共管理、社会保障和社会组织", 91, 96),
    ("T", "国际组织", 97, 97),
)

MANUFACTURING_DIVISIONS: dict[str, str] = {
    "13": "农副食品加工业",
    "14": "食品制造业",
    "15": "酒、饮料和精制茶制造业",
    "16": "烟草制品业",
    "17": "纺织业",
    "18": "纺织服装、服饰业",
    "19": "皮革、毛皮、羽毛及其制品和制鞋业",
    "20": "木材加工和木、竹、藤、棕、草制品业",
    "21": "家具制造业",
    "22": "造纸和纸制品业",
    "23": "印刷和记录媒介复制业",
    "24": "文教、工美、体育和娱乐用品制造业",
    "25": "石油、煤炭及其他燃料加工业",
    "26": "化学原料和化学制品制造业",
    "27": "医药制造业",
    "28": "化学纤维制造业",
    "29": "橡胶和塑料制品业",
    "30": "非金属矿物制品业",
    "31": "黑色金属冶炼和压延加工业",
    "32": "有色金属冶炼和压延加工业",
    "33": "金属制品业",
    "34": "通用设备制造业",
    "35": "专用设备制造业",
    "36": "汽车制造业",
    "37": "铁路、船舶、航空航天和其他运输设备制造业",
    "38": "电气机械和器材制造业",
    "39": "计算机、通信和其他电子设备制造业",
    "40": "仪器仪表制造业",
    "41": "其他制造业",
    "42": "废弃资源综合利用业",
    "43": "金属制品、机械和设备修理业",
}

REAL_ESTATE_CODE = "70"


class Sector(StrEnum):
    MANUFACTURING = "manufacturing"  # 制造业: 13–42
    SERVICES = "services"  # 服务业: 第三产业 (05, 11, 43, 51–97)
    OTHER = "other"


def is_valid_code(code: str) -> bool:
    return len(code) == 2 and code.isdigit() and 1 <= int(code) <= 97


def section_of(code: str) -> tuple[str, str]:
    number = int(code)
    for letter, name, first, last in SECTIONS:
        if first <= number <= last:
            return letter, name
    raise ValueError(code)


def describe(code: str) -> str:
    """A label for a code: the 制造业 大类 name where known, else its 门类."""
    if code in MANUFACTURING_DIVISIONS:
        return MANUFACTURING_DIVISIONS[code]
    return section_of(code)[1]


@cache
def sector_of(code: str | None) -> Sector:
    """The sector by the 2018 三次产业划分规定; no code counts as 其他."""
    if not code or not is_valid_code(code):
        return Sector.OTHER
    number = int(code)
    if 13 <= number <= 42:
        return Sector.MANUFACTURING
    if number in (5, 11, 43) or 51 <= number <= 97:
        return Sector.SERVICES
    return Sector.OTHER
