"""The table model of the panel's call lists (recordings and history): columns, roles, sorting.

Built for 10,000 rows: every row carries a precomputed search key (core/turkish.py), so a
keystroke costs one substring test per row; sorting is done here in Python on precomputed keys
(one ``list.sort``), not by a proxy comparing ``data()`` pairs. The filter proxy over this
model lives in ui/panel/call_filter.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from agentbar.core import clock
from agentbar.core.recordings import CallEntry, Direction, base_name
from agentbar.core.turkish import sort_key
from agentbar.ui.dates import date_time_text, time_text
from agentbar.ui.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILE_ROLE = Qt.ItemDataRole.UserRole + 3
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 4

_DIRECTION_SYMBOL = {
    Direction.OUT: "↗",
    Direction.IN: "↙",
    Direction.QUEUE: "↙",
    Direction.INTERNAL: "↔",
    Direction.UNKNOWN: "·",
}
_DIM = QColor("#6b6b6b")
# The roles data() answers; a view asks ~8 roles per painted cell (QAbstractItemModel.multiData)
# and the others are turned away before any work.
ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        ENTRY_ROLE,
        SORT_ROLE,
        FILE_ROLE,
        NUMBER_ROLE,
    )
)
# What QAbstractTableModel.flags() gives every cell (CallTableModel keeps Qt's default).
CELL_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class Column(IntEnum):
    WHEN = 0
    DIRECTION = 1
    NUMBER = 2
    NAME = 3
    DURATION = 4
    DISPOSITION = 5
    RECORDING = 6  # history only: the linked recording


RECORDING_COLUMNS = tuple(Column)[:6]
HISTORY_COLUMNS = tuple(Column)


def duration_text(seconds: float | None) -> str:
    """``m:ss`` or ``h:mm:ss``; empty when unknown."""
    if seconds is None:
        return ""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _when_key(entry: CallEntry) -> Any:
    # Ties (two calls in the same second) fall back to the recording path and the number, so
    # the order shown is total: it does not depend on which query answered first.
    return (entry.date or datetime.min, entry.file or "", entry.number, entry.name)


_SORT_KEYS: dict[Column, Callable[[CallEntry], Any]] = {
    Column.WHEN: _when_key,
    Column.DIRECTION: lambda e: (e.direction.value, _when_key(e)),
    Column.NUMBER: lambda e: (e.number, _when_key(e)),
    Column.NAME: lambda e: (sort_key(e.name), _when_key(e)),
    Column.DURATION: lambda e: (e.duration_s or 0, _when_key(e)),
    Column.DISPOSITION: lambda e: (e.disposition.upper(), _when_key(e)),
    Column.RECORDING: lambda e: (e.file is not None, _when_key(e)),
}


class SortedEntries(list[CallEntry]):
    """Entries in one column's order, with the indexes the model and its filter keep of them.

    Sorting 10,000 rows and indexing their recordings and search keys is Python work of
    several milliseconds: the panel makes this in the CPU worker (agentbar/workers.py) together
    with the rows, so that showing them on the GUI thread is a swap (bench/responsiveness.py).
    ``column`` None keeps the given order. Never changed after it is made.
    """

    __slots__ = ("order", "rows_by_file", "keys")

    def __init__(
        self, entries: Iterable[CallEntry], column: Column | None = None, descending: bool = False
    ) -> None:
        super().__init__(entries)
        if column is not None:
            self.sort(key=_SORT_KEYS[column], reverse=descending)
        self.order = (column, descending)
        self.rows_by_file = {e.file: i for i, e in enumerate(self) if e.file}
        self.keys = [e.key for e in self]


class CallTableModel(QAbstractTableModel):
    """Rows of :class:`~agentbar.core.recordings.CallEntry` under named columns.

    Roles: ``ENTRY_ROLE`` (the entry), ``SORT_ROLE``, ``FILE_ROLE`` (recording path or None),
    ``NUMBER_ROLE`` (the other party's number).
    """

    def __init__(
        self, columns: Sequence[Column] = RECORDING_COLUMNS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.entries: SortedEntries = SortedEntries(())
        self._when_texts: dict[int, str] = {}  # id(entry) -> its date as shown
        self._today = clock.today()
        self._titles = {
            Column.WHEN: self.tr("Date and time"),
            Column.DIRECTION: self.tr("Direction"),
            Column.NUMBER: self.tr("Number"),
            Column.NAME: self.tr("Name"),
            Column.DURATION: self.tr("Duration"),
            Column.DISPOSITION: self.tr("Result"),
            Column.RECORDING: self.tr("Recording"),
        }
        self._directions = {
            Direction.OUT: self.tr("Outgoing"),
            Direction.IN: self.tr("Incoming"),
            Direction.QUEUE: self.tr("Queue"),
            Direction.INTERNAL: self.tr("Internal"),
            Direction.UNKNOWN: self.tr("Unknown"),
        }
        self._dispositions = {
            "ANSWERED": self.tr("Answered"),
            "NO ANSWER": self.tr("No answer"),
            "BUSY": self.tr("Busy"),
            "FAILED": self.tr("Failed"),
            "CONGESTION": self.tr("Congestion"),
        }
        self._today_text = self.tr("Today %s")
        self._listen_text = self.tr("▶ Listen")

    # -- data in -------------------------------------------------------------------------

    def set_entries(
        self,
        entries: Sequence[CallEntry],
        sort: tuple[int, Qt.SortOrder] | None = None,
    ) -> None:
        """Replace every row (a reset: views keep no selection), sorted by ``sort`` (a column
        and an order) first: one reset, without the layout change of a later :meth:`sort`.
        :class:`SortedEntries` already in that order are shown as they are."""
        column = None
        descending = False
        if sort is not None and 0 <= sort[0] < len(self.columns):
            column = self.columns[sort[0]]
            descending = sort[1] == Qt.SortOrder.DescendingOrder
        rows = entries
        if not isinstance(rows, SortedEntries) or (
            column is not None and rows.order != (column, descending)
        ):
            rows = SortedEntries(entries, column, descending)
        self.beginResetModel()
        self.entries = rows
        self._when_texts = {}
        self._today = clock.today()
        self.endResetModel()

    @property
    def search_keys(self) -> list[str]:
        """The search key of each row, in row order (core/turkish.py)."""
        return self.entries.keys

    def entry(self, row: int) -> CallEntry:
        return self.entries[row]

    def row_of_file(self, file: str) -> int | None:
        """The row of the recording ``file``, if it is listed."""
        return self.entries.rows_by_file.get(file)

    # -- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._titles[self.columns[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in ANSWERED_ROLES:
            return None
        return self.value(index.row(), index.column(), role)

    def value(self, row: int, column_index: int, role: int) -> Any:
        """``data()`` of a cell without making an index (the proxy asks this way)."""
        entry = self.entries[row]
        column = self.columns[column_index]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            return _SORT_KEYS[column](entry)
        if role == FILE_ROLE:
            return entry.file
        if role == NUMBER_ROLE:
            return entry.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.answered:
            return _DIM
        return None

    def _display(self, entry: CallEntry, column: Column) -> str:
        if column == Column.WHEN:
            text = self._when_texts.get(id(entry))
            if text is None:  # formatting it again on every paint slows each keystroke
                text = self._when_text(entry)
                self._when_texts[id(entry)] = text
            return text
        if column == Column.DIRECTION:
            d = entry.direction
            return f"{_DIRECTION_SYMBOL[d]} {self._directions[d]}"
        if column == Column.NUMBER:
            return entry.number
        if column == Column.NAME:
            return entry.name
        if column == Column.DURATION:
            return duration_text(entry.duration_s)
        if column == Column.DISPOSITION:
            raw = entry.disposition.strip()
            return self._dispositions.get(raw.upper(), raw)
        return self._listen_text if entry.file else ""

    def _when_text(self, entry: CallEntry) -> str:
        if entry.date is None:
            return ""
        # The language's one date format (ui/dates.py), as in the tooltips and the player.
        if entry.date.date() == self._today:
            return self._today_text % time_text(entry.date)
        return date_time_text(entry.date)

    def _tooltip(self, entry: CallEntry, column: Column) -> str | None:
        if column == Column.WHEN and entry.date is not None:
            return date_time_text(entry.date, seconds=True)
        if column == Column.RECORDING and entry.file:
            return tooltip(
                self.tr("Show this call's recording in the Recordings tab (%s)")
                % base_name(entry.file)
            )
        text = self._display(entry, column)
        return tooltip(text) or None  # names and numbers from the server: never rich text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` in Python (fast on 10,000 rows); selections follow."""
        if not 0 <= column < len(self.columns):
            return
        key = _SORT_KEYS[self.columns[column]]
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        order_of = sorted(
            range(len(self.entries)),
            key=lambda i: key(self.entries[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        new_row = {old_row: new for new, old_row in enumerate(order_of)}
        self.entries = SortedEntries([self.entries[i] for i in order_of])
        self.entries.order = (self.columns[column], order == Qt.SortOrder.DescendingOrder)
        self.changePersistentIndexList(old, [self.index(new_row[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()
