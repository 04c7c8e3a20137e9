"""Reading the ledger off the UI thread: the ids of the filtered projects in order,
then their totals and what the filters offer, sent as they are read (the first page
first), on a connection of the job's own to the open file (ui.ledger_view)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Signal

from db.reads import ledger_table
from db.reads.ledger_table import FilterTotals, ProjectFilter
from db.reads.units import UnitInfo, live_units
from db.store import connection, settings
from ui.background import BackgroundJob


@dataclass(frozen=True)
class Choices:
    """What the filters offer: units, 产业类别, the priority system and 产业链, size bands."""

    units: list[UnitInfo]
    industries: list[str]
    priority_name: str
    chains: list[str]
    bands: tuple[Decimal, ...]


def read_choices(in_use: bool = True) -> Choices:
    """What the filters offer; ``in_use`` False: without the labels found only in the
    projects, which takes reading every project."""
    return Choices(
        live_units(),
        ledger_table.local_industry_choices(in_use),
        settings.priority_system().name,
        ledger_table.chain_choices(in_use),
        settings.size_bands(),
    )


@dataclass(frozen=True)
class LedgerState:
    """The ledger as one query of the file saw it: the rows in order, totals, choices
    (None for a query of the order alone)."""

    criteria: ProjectFilter
    sort_key: str
    descending: bool
    ids: list[int]
    totals: FilterTotals | None
    choices: Choices | None


# The longest a query waits for the screen before it reads on (``LedgerQuery.painted``).
HOLD_SECONDS = 1.0


class LedgerQuery(BackgroundJob):
    """The whole ledger read again (ids in order, totals, filter choices) in a thread of
    its own, with its own connection to the open file.  The ids are sent as soon as
    they are read, before the totals and choices, and with ``first_rows`` the first
    so many before all of them, with their rows read for ``columns`` (what a first
    paint shows); with ``order_only`` (a new sort: the filter, its totals and choices
    are as they were) nothing else is read.  A cancelled query stops at its next step.

    What the screen does not need yet waits until the view says the rows it shows are
    painted (``painted``; at most HOLD_SECONDS): the first page sent, or, without
    ``first_rows``, the rows the view has just changed.  Reading turns a hundred
    thousand rows into Python objects, holding Python's lock, while the paint asks
    Python for every cell it draws: side by side, a paint of 200 rows took 60–160 ms
    instead of about 50."""

    # The job, ids in order (the first, or all), and the first page's rows (a dict of
    # Row by id, read with ``columns``) or None.
    rows_read = Signal(object, object, object)
    finished = Signal(object, object)  # the job, LedgerState
    failed = Signal(object, str)  # the job, why

    def __init__(
        self,
        criteria: ProjectFilter,
        sort_key: str,
        descending: bool,
        first_rows: int | None = None,
        order_only: bool = False,
        columns: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.file = connection.current()
        self.criteria = criteria
        self.sort_key = sort_key
        self.descending = descending
        self.first_rows = first_rows
        self.order_only = order_only
        self.columns = columns
        self._painted = threading.Event()

    def painted(self) -> None:
        """Safe from the UI thread: the rows on screen are painted, the rest may be read."""
        self._painted.set()

    def cancel(self) -> None:
        super().cancel()
        self._painted.set()  # a query holding back stops at once

    def run(self) -> None:
        try:
            with connection.bound(self.file):
                try:
                    state = self._read()
                finally:
                    connection.close_thread_connection()
        except Exception as error:  # reported on the UI thread, never raised in this one
            self.failed.emit(self, str(error))
            return
        if state is None:
            self.failed.emit(self, "cancelled")
        else:
            self.finished.emit(self, state)

    def _read(self) -> LedgerState | None:
        """The ledger step by step, its rows sent as soon as they are read; None once
        cancelled."""
        order = (self.criteria, self.sort_key, self.descending)
        ids = None
        if self.first_rows is not None:
            first = ledger_table.first_ids(*order, self.first_rows)
            if len(first) < self.first_rows:
                ids = first  # that is every row
            # Their rows too, here rather than in the paint that shows them.
            rows = ledger_table.fetch_rows(first, self.columns) if self.columns else None
            self.rows_read.emit(self, first, rows)
        self._painted.wait(HOLD_SECONDS)
        if self.cancelled:
            return None
        if ids is None:
            ids = ledger_table.matching_ids(*order)
            if self.cancelled:
                return None
            self.rows_read.emit(self, ids, None)
        if self.order_only:
            return LedgerState(*order, ids, None, None)
        totals = ledger_table.totals(self.criteria)
        if self.cancelled:
            return None
        return LedgerState(*order, ids, totals, read_choices())
