"""项目编号 given to a project entered without one: ZS-<year>-<number>, one past the
highest number of that year in the file (deleted projects too, so that a number
once given is never given again).  The ledger import and the project form both
number projects by this rule."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from db.store.models import Project

AUTO_CODE_PREFIX = "ZS"


def auto_code(year: int, number: int) -> str:
    """ZS-2026-0007."""
    return f"{AUTO_CODE_PREFIX}-{year}-{number:04d}"


def next_code_number(year: int, also_taken: Iterable[str] = ()) -> int:
    """One past the highest ZS-<year>-NNNN in the file and in ``also_taken`` (the codes
    a ledger being imported brings)."""
    prefix = f"{AUTO_CODE_PREFIX}-{year}-"
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    query = Project.select(Project.code).where(Project.code.startswith(prefix)).tuples()
    taken = [str(code) for (code,) in cast(Iterable[tuple[str]], query)]
    taken += also_taken
    numbers = [int(m.group(1)) for c in taken if (m := pattern.fullmatch(c))]
    return max(numbers, default=0) + 1
