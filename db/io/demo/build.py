"""``zhaoshang demo FILE``: a headquarters file holding the article's city-wide data."""

from __future__ import annotations

from pathlib import Path

from db.io.demo.article import EXCHANGE_RATE, EXCHANGE_RATE_DATE, HQ_NAME
from db.io.demo.details import add_article_details
from db.io.demo.ledger import ARTICLE_ROWS
from db.io.ledger.importing import import_rows
from db.records.files import create_hq_file
from db.records.settings import put_exchange_rate
from db.store.unit_file import Store


def build_demo(path: str | Path) -> Store:
    """A new headquarters file holding the article's city-wide data, open for writing."""
    store = create_hq_file(path, HQ_NAME)
    try:
        with store.writing():
            put_exchange_rate(EXCHANGE_RATE, EXCHANGE_RATE_DATE)
            import_rows(list(enumerate(ARTICLE_ROWS, start=2)), "示例数据")
            add_article_details()
    except BaseException:
        store.close()
        raise
    return store
