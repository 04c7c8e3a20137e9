"""The ledger table model (项目台账): a model over SQL that holds ids, not projects.

The filtered ids come from one query in display order; rows are read a page at
a time when the view asks for them, and only the last pages read stay cached,
so a file of 100,000 projects opens, scrolls and sorts without a stall.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from db.reads import ledger_table
from db.reads.ledger_table import COLUMNS, Kind, ProjectFilter, Row
from db.rules.vocabulary import Capital, Stage
from ui import i18n
from ui.amounts import english_amount

PAGE_SIZE = 200
MAX_CACHED_PAGES = 50
UUID_BATCH = 5000  # ids per query, well under SQLite's limit of bound parameters

UuidRole = Qt.ItemDataRole.UserRole + 1
SortValueRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    """The model's columns, in the order of ``db.ledger_table.COLUMNS``."""

    CODE = 0
    NAME = 1
    INVESTOR = 2
    CREDIT_CODE = 3
    ORIGIN = 4
    CAPITAL = 5
    TOTAL = 6
    INDUSTRY_CODE = 7
    LOCAL_INDUSTRY = 8
    CHAIN = 9
    CONSTRUCTION_KIND = 10
    STAGE = 11
    FIRST_CONTACT = 12
    SIGNED_ON = 13
    STARTED_ON = 14
    PRODUCING_ON = 15
    LAND_MU = 16
    FLOOR_AREA = 17
    EXPECTED_SALES = 18
    EXPECTED_TAX = 19
    NEW_JOBS = 20
    CONTENT = 21
    UNIT = 22
    PERSON_IN_CHARGE = 23
    INFO_SOURCE = 24
    ISSUES = 25
    REMARKS = 26
    UPDATED_AT = 27

    @property
    def key(self) -> str:
        return COLUMNS[self].key


DEFAULT_SORT = Col.UPDATED_AT
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# Combined once: a Python flag's ``|`` costs microseconds, and Qt asks every cell it paints.
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectTableModel", text)


def _number(value: Decimal | int) -> str:
    return f"{value:,}"


def _display(kind: Kind, value: Any, capital: Capital) -> str:
    """A value as the cell shows it: amounts in 万 with separators, ISO dates."""
    if value is None:
        return ""
    if kind is Kind.TOTAL:
        if i18n.language() == "en":
            return english_amount(value, foreign=capital is Capital.FOREIGN)
        return f"{_number(value)} {_tr(capital.currency_unit)}"
    if kind.numeric:
        return _number(value)
    if kind is Kind.DATE:
        return str(value.isoformat())
    if kind is Kind.DATETIME:
        # Stored in UTC; people read their own clock.
        local = value.replace(tzinfo=UTC).astimezone()
        return str(local.strftime("%Y-%m-%d %H:%M"))
    if kind is Kind.STAGE or kind is Kind.CAPITAL:
        return _tr(value.label)
    return str(value)


def fixed_labels(kind: Kind) -> list[str]:
    """Every text a column of fixed words can show (stages, 内资/外资), as displayed:
    the column must be wide enough for the longest ("Construction started")."""
    if kind is Kind.STAGE:
        return [_tr(stage.label) for stage in Stage]
    if kind is Kind.CAPITAL:
        return [_tr(capital.label) for capital in Capital]
    return []


def _sort_value(value: Any) -> Any:
    """A value Qt can carry: exact numbers as text would sort wrongly, so Decimals
    become floats here, for display-side comparisons only."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Stage | Capital):
        return value.value
    return value


def _position(ids: list[int], pid: int) -> int | None:
    """Where ``pid`` is in ``ids`` (a scan in C: a few of them beat a map of them all)."""
    try:
        return ids.index(pid)
    except ValueError:
        return None


class _Page:
    """The rows of one page, each formatted once, when first shown, rather than at
    every paint (the first paint shows a screenful, not the whole page)."""

    def __init__(self, ids: list[int], rows: dict[int, Row]) -> None:
        self.ids = ids
        self.rows = [rows.get(pid) for pid in ids]
        self._texts: list[tuple[str, ...] | None] = [None] * len(ids)

    def forget_texts(self, offset: int) -> None:
        """The row at ``offset`` was read again: its texts are formatted anew."""
        self._texts[offset] = None

    def texts(self, offset: int) -> tuple[str, ...] | None:
        """The texts of the page's row at ``offset``; None for a project deleted meanwhile."""
        texts = self._texts[offset]
        row = self.rows[offset]
        if texts is None and row is not None:
            texts = self._texts[offset] = tuple(
                _display(column.kind, value, row.capital)
                for column, value in zip(COLUMNS, row.values, strict=True)
            )
        return texts


class ProjectTableModel(QAbstractTableModel):
    """Live projects that pass a ``ProjectFilter``, sorted in SQL, read lazily.

    Made with ``read=False`` it shows no rows until ``show_ids`` brings those of its
    filter and order, read elsewhere (off the UI thread); ``pending`` says so."""

    def __init__(
        self,
        criteria: ProjectFilter | None = None,
        sort_column: Col = DEFAULT_SORT,
        descending: bool = True,
        parent: QObject | None = None,
        read: bool = True,
    ) -> None:
        super().__init__(parent)
        self._filter = criteria or ProjectFilter()
        self._sort_column = sort_column
        self._descending = descending
        self._shown = (True,) * len(Col)  # per column, in order: visible or not
        self._ids: list[int] = []
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._pending = not read
        # Set by a view that reads a large ledger's order off the UI thread: a new sort
        # then shows its first page at once and asks for the rest (``sort``).
        self.read_order: Callable[[], None] | None = None
        if read:
            self._load_ids()

    # -- the query ------------------------------------------------------------------

    @property
    def criteria(self) -> ProjectFilter:
        return self._filter

    @property
    def sort_column(self) -> Col:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def pending(self) -> bool:
        """Whether the rows of the filter and order are still to come (``show_ids``)."""
        return self._pending

    def expect(self, criteria: ProjectFilter, sort_column: Col, descending: bool) -> None:
        """While the rows are still to come: the filter and order they will have (the
        reader is told to read these instead); nothing is read here."""
        self._filter = criteria
        self._sort_column, self._descending = sort_column, descending

    def _load_ids(self) -> None:
        self._ids = ledger_table.matching_ids(self._filter, self._sort_column.key, self._descending)
        self._pages.clear()
        self._pending = False

    def _requery(self) -> None:
        self.beginResetModel()
        self._load_ids()
        self.endResetModel()

    def set_filter(self, criteria: ProjectFilter) -> None:
        self._filter = criteria
        self._requery()

    def reload(self) -> None:
        """Read again with the same filter and sort, after records changed."""
        self._requery()

    def set_visible_columns(self, columns: set[Col] | frozenset[Col]) -> None:
        """Read only these columns: hidden ones cost nothing (no date subqueries)."""
        shown = tuple(col in columns for col in Col)
        if shown == self._shown:
            return
        self._shown = shown
        self._pages.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(Col) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (Col(column), descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = Col(column), descending
        criteria, key = self._filter, self._sort_column.key
        if self.read_order is None or len(self._ids) <= PAGE_SIZE:
            self.show_ids(ledger_table.matching_ids(criteria, key, descending))
            return
        # The first page in the new order at once (SQLite's top-N sort: a pass over the
        # rows, no sort of them all), the other rows after it where they were, until
        # the whole order, read off the UI thread, comes (``show_ids`` again).  Every
        # project keeps a row throughout, so the selection follows its projects.
        first = ledger_table.first_ids(
            criteria, key, descending, PAGE_SIZE, matching=len(self._ids)
        )
        placed = set(first)
        self.show_ids(first + [pid for pid in self._ids if pid not in placed])
        self.read_order()

    def refresh_rows(self) -> None:
        """Read the rows on screen again (records changed), keeping their order."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Col) - 1))

    def refresh_projects(self, uuids: frozenset[str]) -> None:
        """Read again the rows read so far of these projects (changed), keeping the
        order: only their rows are repainted (a deleted one shows empty until the
        order, read again, drops it)."""
        found = [
            (number, offset, page)
            for number, page in self._pages.items()
            for offset, row in enumerate(page.rows)
            if row is not None and row.uuid in uuids
        ]
        if not found:
            return
        ids = [page.ids[offset] for _, offset, page in found]
        rows = ledger_table.fetch_rows(ids, self.row_columns())
        last = len(Col) - 1
        for number, offset, page in found:
            row = rows.get(page.ids[offset])
            page.rows[offset] = self._spread(row) if row is not None else None
            page.forget_texts(offset)
            at = number * PAGE_SIZE + offset
            self.dataChanged.emit(self.index(at, 0), self.index(at, last))

    def show_ids(
        self,
        ids: list[int],
        first_rows: dict[int, Row] | None = None,
        columns: list[str] | None = None,
    ) -> None:
        """Show these projects, in this order (read for the current filter and sort);
        persistent indexes, the selection and the current row, follow their project.
        ``first_rows``: the first page's rows, read with ``columns`` (``row_columns``),
        kept when those are still the columns shown."""
        self.layoutAboutToBeChanged.emit()
        old_ids, self._ids = self._ids, ids
        self._pages.clear()
        self._pending = False
        if first_rows is not None and columns == self.row_columns():
            self._keep_page(0, ids[:PAGE_SIZE], first_rows)
        rows: dict[int, int | None] = {}  # the few projects persistent indexes point at
        for index in self.persistentIndexList():
            pid = old_ids[index.row()] if index.row() < len(old_ids) else None
            if pid is not None and pid not in rows:
                rows[pid] = _position(ids, pid)
            row = rows.get(pid) if pid is not None else None
            new = self.index(row, index.column()) if row is not None else QModelIndex()
            self.changePersistentIndex(index, new)
        self.layoutChanged.emit()

    # -- rows -----------------------------------------------------------------------

    def project_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, project_id: int) -> int | None:
        return _position(self._ids, project_id)

    def uuids_at(self, rows: list[int]) -> list[str]:
        """The uuids of these rows in their order, read without filling the page cache."""
        ids = [self._ids[row] for row in rows if 0 <= row < len(self._ids)]
        found: dict[int, str] = {}
        for start in range(0, len(ids), UUID_BATCH):
            chunk = ids[start : start + UUID_BATCH]
            found.update((pid, row.uuid) for pid, row in ledger_table.fetch_rows(chunk, []).items())
        return [found[pid] for pid in ids if pid in found]

    def _page(self, row: int) -> tuple[_Page, int]:
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            page = self._keep_page(number, ids, ledger_table.fetch_rows(ids, self.row_columns()))
        else:
            self._pages.move_to_end(number)
        return page, offset

    def _keep_page(self, number: int, ids: list[int], rows: dict[int, Row]) -> _Page:
        """Page ``number`` (its ``ids``) from its rows as read for ``row_columns``,
        kept with the pages read last."""
        page = self._pages[number] = _Page(ids, {pid: self._spread(r) for pid, r in rows.items()})
        if len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def row_columns(self) -> list[str]:
        """The ledger columns read for a row: the visible ones."""
        return [column.key for column, shown in zip(COLUMNS, self._shown, strict=True) if shown]

    def _spread(self, row: Row) -> Row:
        """A row read for the visible columns, with None in the hidden ones."""
        values = iter(row.values)
        return row._replace(values=tuple(next(values) if shown else None for shown in self._shown))

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Col)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The roles a cell has none of (a font, a background, a check box…) first: a
        # paint asks each cell for a dozen roles, most of them none of these.
        if role not in _ROW_ROLES and role != Qt.ItemDataRole.TextAlignmentRole:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind.numeric else _LEFT
        page, offset = self._page(index.row())
        row, texts = page.rows[offset], page.texts(offset)
        if row is None or texts is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == UuidRole:
            return row.uuid
        if role == SortValueRole:
            return _sort_value(row.values[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.counted:
                return None
            # A colour, which the delegate takes as the text's brush: a QBrush made here
            # would build QBrush's and QGradient's Python enums at the first paint.
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        # ToolTipRole: long text in full; otherwise why a row is muted.
        if column.kind is Kind.LONG_TEXT and texts[index.column()]:
            return texts[index.column()]
        if not row.counted:
            return self.tr("未纳入统计(亿元以下或房地产项目)")
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:  # row numbers, asked for at every paint
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(Col):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section].header)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS


_ROW_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        UuidRole,
        SortValueRole,
    }
)
