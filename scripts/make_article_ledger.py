"""Write tests/data/article-ledger.xlsx: the article's ledger (db.demo.ARTICLE_ROWS).

The file is the acceptance fixture of the counting rules, written by the same
export as ``zhaoshang export-ledger`` (the template's header, date cells,
numeric amounts).  Run it again whenever ARTICLE_ROWS changes, and commit the
result:

    .venv/bin/python scripts/make_article_ledger.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.io.demo import ARTICLE_ROWS
from db.io.ledger.export import export_ledger

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "data" / "article-ledger.xlsx"


def main() -> int:
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    export_ledger(ARTICLE_ROWS, FIXTURE)
    print(f"{FIXTURE}: {len(ARTICLE_ROWS)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
