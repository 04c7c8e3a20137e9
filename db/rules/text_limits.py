"""How long a project's texts may be, stated once: the ledger import refuses a longer
cell (db/io/ledger/limits.py) and the project form a longer field, so that what
either takes fits the PDFs' tables and exports again.  Each limit was tried at its
full length through every PDF (tests/db/test_ledger_limits.py)."""

from __future__ import annotations

SHORT_TEXT = 50  # any text not named below
NAME_LENGTH = 100  # 项目名称, 投资方
LABEL_LENGTH = 16  # 产业类别, 产业链, 责任人: they stand in narrow table columns
UNIT_NAME_LENGTH = 30  # 责任单位
CONTENT_LENGTH = 500  # 建设内容及规模, 需协调问题: most of a one-page brief
REMARKS_LENGTH = 300  # 备注: a 中止 project's is its reason in the brief's table

# A project's text fields (ProjectData's names) whose limit is not SHORT_TEXT.
FIELD_LENGTH: dict[str, int] = {
    "name": NAME_LENGTH,
    "investor_name": NAME_LENGTH,
    "local_industry": LABEL_LENGTH,
    "chain": LABEL_LENGTH,
    "person_in_charge": LABEL_LENGTH,
    "content": CONTENT_LENGTH,
    "issues": CONTENT_LENGTH,
    "remarks": REMARKS_LENGTH,
}


def field_length(field: str) -> int:
    """The most characters the project field ``field`` may hold."""
    return FIELD_LENGTH.get(field, SHORT_TEXT)
