"""When two names are one (查重): a company or project name without its legal form and
place prefixes, and how alike two project names are.

``name_key`` drops 有限公司/股份/集团/科技/控股 and the names of provinces and cities
that prefix company names, spaces and brackets: 江苏大亚科技集团股份有限公司 and
大亚科技集团有限公司 both become 大亚.  ``name_similarity`` compares the keys by their
pairs of neighbouring characters (the Dice coefficient of bigrams), which suits
Chinese names: 大亚新能源材料项目 and 大亚新能源材料建设项目 share most of them.
"""

from __future__ import annotations

import re

NAME_NOISE = re.compile(
    r"(有限责任公司|股份有限公司|有限公司|集团|股份|公司|科技|控股|"
    r"省|市|区|县|北京|上海|天津|重庆|江苏|浙江|广东|深圳|广州|杭州|苏州|南京|东莞)"
)
SIMILAR_NAMES = 0.6  # bigram Dice coefficient at which two project names look alike


def name_key(name: str) -> str:
    """A company or project name without 有限公司/股份/集团 and place prefixes."""
    return NAME_NOISE.sub("", re.sub(r"[\s()()·]", "", name))


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)] or [text]


def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1, after ``name_key``."""
    x, y = _bigrams(name_key(a)), _bigrams(name_key(b))
    if not x[0] or not y[0]:
        return 0.0
    rest = list(y)
    shared = 0
    for gram in x:
        if gram in rest:
            rest.remove(gram)
            shared += 1
    return 2 * shared / (len(x) + len(y))
