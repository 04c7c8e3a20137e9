"""When two projects look like one (疑似重复录入): the rules a cadre applies by eye.

A project looks like another when

- their investors have the same 统一社会信用代码 (however the names are spelled), or
  the same name once 有限公司/集团/科技/place prefixes are dropped (``name_key``): the
  same investor.  Before saving, every other project of that investor is shown
  ("该投资方已有 N 个项目"); in the report over the whole file, two projects of one
  investor are a likely duplicate when their names are alike (``SAME_INVESTOR_NAMES``)
  or their 总投资 are within a tenth of each other (``SAME_INVESTOR_AMOUNTS``) —
  an investor's 一期 and 二期, different in name and amount, are not;
- or, whoever the investors are, their names are the same, or nearly the same
  (``SIMILAR_NAMES``) with 总投资 within a factor of two (``AMOUNT_FACTOR``) or
  one of them without an amount yet — unless the names begin with two different
  trade names (字号) of their investors: 永鼎高性能碳纤维复合材料项目 of 南京永鼎新材料
  and 鼎晟高性能碳纤维复合材料项目 of 上海鼎晟新材料 are two companies' projects, as a
  cadre reads them, though one character apart (``trade_name``); so are 兴鑫 and
  兴鑫联's projects of one product.

Names are compared by their core (``project_core``): ``name_key`` and then the
generic words every project name carries (项目, 建设, 工程, 一期, 新建, 生产线…)
dropped, so 大亚新能源材料项目 and 大亚新能源材料建设项目 are both 大亚新能源材料.
The similarity is rapidfuzz's ``fuzz.ratio`` of the cores (0–100: twice the longest
common subsequence over the total length), which suits Chinese names written
without spaces: one character more or less in a ten-character core still scores
above 90, while two projects of one product by different brands (华恒锂电池 and
华瑞锂电池: 80) do not.  Amounts are compared in 万元, 外资 at the file's rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from db.rules.names import name_key

SIMILAR_NAMES = 90.0  # fuzz.ratio of the cores: nearly the same name, any investor
SAME_INVESTOR_NAMES = 70.0  # fuzz.ratio of the cores: alike, for one investor's projects
AMOUNT_FACTOR = Decimal(2)  # 总投资 within a factor of two (30亿 and 20亿 are; 30亿 and 11.6亿 not)
SAME_INVESTOR_AMOUNTS = Decimal("0.1")  # one investor's projects within a tenth of each other

GENERIC_WORDS = re.compile(
    r"(项目|建设|工程|新建|扩建|技改|改扩建|一期|二期|三期|四期|生产线|生产基地|基地|产业园)"
)


@dataclass(frozen=True)
class Reason:
    """One reason two records look alike, in both languages (the data layer cannot tr())."""

    zh: str
    en: str


SAME_CODE = Reason("统一社会信用代码相同", "same credit code")
SAME_INVESTOR = Reason("投资方相同", "same investor")
SAME_NAME = Reason("项目名称相同", "same project name")
SIMILAR_NAME = Reason("项目名称相近", "similar project name")
SIMILAR_AMOUNT = Reason("总投资相近", "similar total investment")
REASONS = (SAME_CODE, SAME_INVESTOR, SAME_NAME, SIMILAR_NAME, SIMILAR_AMOUNT)  # as listed


def project_core(name: str) -> str:
    """A project name without legal forms, place prefixes and generic words."""
    return GENERIC_WORDS.sub("", name_key(name))


def trade_name(core: str, investor_key: str) -> str:
    """The trade name (字号) a project's core begins with: its longest beginning, of two
    characters or more, found in the investor's name key (海源 in 海源工业机器人精密减速器
    of 嘉兴海源智能装备); "" when the name does not begin with it."""
    for end in range(len(core), 1, -1):
        if core[:end] in investor_key:
            return core[:end]
    return ""


def trade_names_differ(core_a: str, trade_a: str, core_b: str, trade_b: str) -> bool:
    """Whether two names begin with different known trade names: the longer trade name
    must begin the other name too (大亚 and 大亚新能源 agree on 大亚新能源材料, while 兴鑫
    and 兴鑫联 differ on 兴鑫工业互联网平台 and 兴鑫联工业互联网平台)."""
    if not trade_a or not trade_b:
        return False
    return not (core_a.startswith(trade_b) and core_b.startswith(trade_a))


def core_ratio(a: str, b: str) -> float:
    """How alike two cores are, 0 to 100 (rapidfuzz ``fuzz.ratio``)."""
    return float(fuzz.ratio(a, b)) if a and b else 0.0


def amounts_within_factor(a: Decimal | None, b: Decimal | None) -> bool:
    """Whether two totals (万元) are within ``AMOUNT_FACTOR``; an unknown one may be either."""
    if a is None or b is None or a <= 0 or b <= 0:
        return True
    return max(a, b) <= min(a, b) * AMOUNT_FACTOR


def amounts_close(a: Decimal | None, b: Decimal | None) -> bool:
    """Whether two known totals (万元) are within a tenth of the larger."""
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return abs(a - b) <= max(a, b) * SAME_INVESTOR_AMOUNTS


def project_reasons(
    core_a: str,
    total_a: Decimal | None,
    core_b: str,
    total_b: Decimal | None,
    investor: Reason | None,
    trade_a: str = "",
    trade_b: str = "",
) -> tuple[Reason, ...]:
    """Why project b looks like project a, or () when it does not.

    ``investor`` is SAME_CODE or SAME_INVESTOR when the two share their investor;
    ``trade_a`` and ``trade_b`` are the names' trade names (``trade_name``)."""
    ratio = core_ratio(core_a, core_b)
    name = SAME_NAME if ratio == 100 else SIMILAR_NAME
    if investor is not None:
        found = [investor]
        if ratio >= SAME_INVESTOR_NAMES:
            found.append(name)
        if amounts_close(total_a, total_b):
            found.append(SIMILAR_AMOUNT)
        return tuple(found) if len(found) > 1 else ()
    if trade_names_differ(core_a, trade_a, core_b, trade_b):
        return ()
    if ratio < SIMILAR_NAMES:
        return ()
    known = total_a is not None and total_b is not None and total_a > 0 and total_b > 0
    if amounts_within_factor(total_a, total_b):
        return (name, SIMILAR_AMOUNT) if known else (name,)
    return (name,) if name is SAME_NAME else ()
