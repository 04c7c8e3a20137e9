"""Damaged unit files: a file cut short at any page, or with bits flipped anywhere,
is refused with a message naming it and left byte for byte as it was, or opens and
reads (figures, the briefing's data, the listing) without any other error.  Never a
traceback, never a hang.

The default run tries every page boundary of a small file and a few hundred flips;
``make soak`` runs SOAK_EXAMPLES flips (2,000 unless set) on a larger file.
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import UserError
from db.reads.briefing import briefing_data
from db.reads.figures import Period
from db.reads.ledger_table import ProjectFilter
from db.reads.listing import listing_data
from db.store.unit_file import open_store

PAGE = 4096
# An open and the reads of a file this size take well under a second; a hang
# would be many times this.
PATIENCE = 20.0
SOAK_EXAMPLES = int(os.environ.get("SOAK_EXAMPLES", "2000"))


class Original(bytes):
    """The example file's bytes, shown by their size when hypothesis reports a case."""

    def __repr__(self) -> str:
        return f"<the example file, {len(self)} bytes>"


@pytest.fixture(scope="module")
def original(demo_master: Path) -> bytes:
    return Original(demo_master.read_bytes())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def open_and_read(path: Path) -> str:
    """What the app does with a file: open it, read its figures, briefing, listing.
    'refused' (with the file unchanged) or 'read'; anything else fails the test."""
    digest, files = _digest(path), _beside(path)
    started = time.monotonic()
    try:
        store = open_store(path)
    except UserError as refused:
        assert str(path) in refused.zh or path.name in refused.zh, refused.zh
        assert _digest(path) == digest, "a refused file was changed"
        assert _beside(path) == files, "something was left beside a refused file"
        return "refused"
    try:
        with store.reading():
            period = Period(date(2023, 1, 1), date(2023, 7, 31))
            briefing_data(period, None, 1, date(2023, 8, 10))
            listing_data(ProjectFilter())
    except UserError:
        return "refused"
    finally:
        store.close()
    assert time.monotonic() - started < PATIENCE
    return "read"


def _damaged(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / f"damaged-{hashlib.sha256(content).hexdigest()[:12]}.zsdb"
    for old in tmp_path.glob("damaged-*"):
        old.unlink()
    path.write_bytes(content)
    return path


def test_a_file_cut_short_at_any_page_is_refused(original: bytes, tmp_path: Path) -> None:
    pages = len(original) // PAGE
    assert pages > 100
    outcomes = {
        cut: open_and_read(_damaged(tmp_path, original[: cut * PAGE])) for cut in range(1, pages)
    }
    # No page of the file can be missing: every cut is found.
    assert set(outcomes.values()) == {"refused"}
    assert open_and_read(_damaged(tmp_path, original)) == "read"


def _flip(content: bytes, position: int, bit: int) -> bytes:
    flipped = bytearray(content)
    flipped[position % len(content)] ^= 1 << bit
    return bytes(flipped)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(position=st.integers(min_value=0, max_value=1 << 24), bit=st.integers(0, 7))
def test_a_flipped_bit_is_refused_or_read_never_an_error(
    original: bytes, tmp_path: Path, position: int, bit: int
) -> None:
    open_and_read(_damaged(tmp_path, _flip(original, position, bit)))


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(position=st.integers(min_value=0, max_value=99), value=st.integers(0, 255))
def test_a_damaged_header_is_refused_or_read(
    original: bytes, tmp_path: Path, position: int, value: int
) -> None:
    damaged = bytearray(original)
    damaged[position] = value
    open_and_read(_damaged(tmp_path, bytes(damaged)))


@pytest.mark.soak
@settings(
    max_examples=SOAK_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=1 << 24), st.integers(0, 7)),
        min_size=1,
        max_size=8,
    ),
    cut=st.one_of(st.none(), st.integers(min_value=1, max_value=1 << 24)),
)
def test_soak_flips_and_cuts(
    original: bytes, tmp_path: Path, flips: list[tuple[int, int]], cut: int | None
) -> None:
    content = original
    for position, bit in flips:
        content = _flip(content, position, bit)
    if cut is not None:
        content = content[: cut % len(content) or 1]
    open_and_read(_damaged(tmp_path, content))


def test_a_large_file_shows_before_its_pages_are_checked_but_is_not_written(
    original: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file above the size checked in full at open (as the desktop app opens it):
    the schema is checked at once, the pages and values while it shows, and nothing
    can be written until that check has passed."""
    import sqlite3

    import db.store.schema
    import db.store.unit_file
    from db.records.settings import set_exchange_rate
    from db.store.unit_file import check_data

    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    path = tmp_path / "large.zsdb"
    path.write_bytes(original)
    conn = sqlite3.connect(path)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'stage_event'"
    ).fetchone()
    conn.close()
    content = bytearray(original)
    start = (root - 1) * PAGE
    content[start + 8 : start + 200] = b"\xa5" * 192  # the table's cells, garbled
    path.write_bytes(content)
    digest = _digest(path)

    store = open_store(path, defer_data_check=True)
    try:
        assert store.data_unchecked
        with pytest.raises(UserError, match="正在检查文件中的数据"), store.writing():
            set_exchange_rate(Decimal("7.2"), date(2023, 7, 31))
        fault = check_data(store)
        assert fault is not None and "文件已损坏" in fault.zh and str(path) in fault.zh
    finally:
        store.close()
    assert _digest(path) == digest
    # Opened as the command line opens it, the same file is refused at once.
    with pytest.raises(UserError, match="文件已损坏"):
        open_store(path)


def test_a_sound_large_file_passes_its_deferred_check(
    original: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.store.schema
    import db.store.unit_file
    from db.store.unit_file import check_data

    monkeypatch.setattr(db.store.schema, "THOROUGH_BELOW", 0)
    monkeypatch.setattr(db.store.unit_file, "THOROUGH_BELOW", 0)
    path = tmp_path / "large.zsdb"
    path.write_bytes(original)
    store = open_store(path, defer_data_check=True)
    try:
        assert store.data_unchecked and check_data(store) is None
    finally:
        store.close()
