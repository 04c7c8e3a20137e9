"""The example data (示例数据): the article's city-wide ledger and its details.

``build_demo`` writes it to a new headquarters file; the article's names and
dates, and the ledger rows, are importable from here for tests and screens.
"""

from db.io.demo.article import (
    ARTICLE_PERIOD_END,
    ARTICLE_PERIOD_START,
    CHUANGLI,
    DAYA,
    DEV_ZONE,
    EVENT_DATE,
    EVENT_NAME,
    EXCHANGE_RATE,
    EXCHANGE_RATE_DATE,
    HQ_NAME,
    MEIJIN,
    MODULES,
    OFFICES,
    TISU,
)
from db.io.demo.build import build_demo
from db.io.demo.ledger import ARTICLE_ROWS, EVENT_PROJECTS

__all__ = [
    "ARTICLE_PERIOD_END",
    "ARTICLE_PERIOD_START",
    "ARTICLE_ROWS",
    "CHUANGLI",
    "DAYA",
    "DEV_ZONE",
    "EVENT_DATE",
    "EVENT_NAME",
    "EVENT_PROJECTS",
    "EXCHANGE_RATE",
    "EXCHANGE_RATE_DATE",
    "HQ_NAME",
    "MEIJIN",
    "MODULES",
    "OFFICES",
    "TISU",
    "build_demo",
]
