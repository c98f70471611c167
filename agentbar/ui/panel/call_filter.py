"""The filter proxy of the panel's call lists: visible rows kept in Python, one pass a keystroke.

A QSortFilterProxyModel would call a Python ``filterAcceptsRow`` from C++ once per row, twice
for a reload (reset, then sort): each call crosses from C++ into Python, which for 10,000 rows
is a visible stall (bench/recordings_list measures it).
Here a keystroke is one comprehension over the rows' search keys (kept in source order until
the source changes), and the reverse map (source row to proxy row) is made only when asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from agentbar.core.recordings import CallEntry
from agentbar.core.turkish import matching_rows
from agentbar.ui.panel.call_model import ANSWERED_ROLES, CELL_FLAGS, CallTableModel

Index = QModelIndex | QPersistentModelIndex


class CallFilterProxy(QAbstractProxyModel):
    """Filters a :class:`CallTableModel` by what the agent typed (Turkish-aware, forgiving).

    Keeps the visible source rows in a list (see the module text); sorting is passed to the
    source model. Selections and other persistent indexes follow their rows through filtering,
    sorting and reloads, as with a QSortFilterProxyModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._model: CallTableModel | None = None
        self._keys: list[str] = []  # the search key of each source row
        self._rows: list[int] = []  # the source row of each proxy row
        self._proxy_rows_made: list[int] | None = None  # see _proxy_rows
        # During a source layout change: our persistent indexes and where their rows were.
        self._moving: list[tuple[QModelIndex, QPersistentModelIndex]] = []

    def setSourceModel(self, model: Any) -> None:
        if not isinstance(model, CallTableModel):
            raise TypeError("CallFilterProxy needs a CallTableModel")
        self.beginResetModel()
        if self._model is not None:
            old = self._model
            old.modelAboutToBeReset.disconnect(self.beginResetModel)
            old.modelReset.disconnect(self._on_source_reset)
            old.layoutAboutToBeChanged.disconnect(self._on_source_layout_changing)
            old.layoutChanged.disconnect(self._on_source_layout_changed)
            old.dataChanged.disconnect(self._on_source_data_changed)
            old.headerDataChanged.disconnect(self.headerDataChanged)
        self._model = model
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_source_reset)
        model.layoutAboutToBeChanged.connect(self._on_source_layout_changing)
        model.layoutChanged.connect(self._on_source_layout_changed)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._refilter(rekey=True)
        self.endResetModel()

    def source(self) -> CallTableModel:
        if self._model is None:
            raise RuntimeError("no source model")
        return self._model

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """Show only rows matching ``text`` (empty: all)."""
        if text == self._query:
            return
        self._query = text
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [self.mapToSource(index) for index in before]
        self._refilter()
        self.changePersistentIndexList(before, [self.mapFromSource(s) for s in sources])
        self.layoutChanged.emit()

    def _refilter(self, *, rekey: bool = False) -> None:
        """Choose the visible rows; ``rekey`` after the source's rows changed or moved."""
        if rekey:
            self._keys = self._model.search_keys if self._model is not None else []
        rows = matching_rows(self._keys, self._query)
        self._rows = list(range(len(self._keys))) if rows is None else rows
        self._proxy_rows_made = None

    @property
    def _proxy_rows(self) -> list[int]:
        """The proxy row of each source row, -1 when hidden (made on first use after a
        change: a keystroke without a selection never needs it)."""
        made = self._proxy_rows_made
        if made is None:
            made = [-1] * len(self._keys)
            for proxy_row, source_row in enumerate(self._rows):
                made[source_row] = proxy_row
            self._proxy_rows_made = made
        return made

    # -- following the source ------------------------------------------------------------

    def _on_source_reset(self) -> None:
        self._refilter(rekey=True)
        self.endResetModel()

    def _on_source_layout_changing(self, *_args: Any) -> None:
        self.layoutAboutToBeChanged.emit()
        self._moving = [
            (index, QPersistentModelIndex(self.mapToSource(index)))
            for index in self.persistentIndexList()
        ]

    def _on_source_layout_changed(self, *_args: Any) -> None:
        self._refilter(rekey=True)
        model = self.source()
        old, new = [], []
        for proxy_index, source in self._moving:  # the source moved its persistent indexes
            old.append(proxy_index)
            new.append(
                self.mapFromSource(model.index(source.row(), source.column()))
                if source.isValid()
                else QModelIndex()
            )
        self._moving = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        proxy_rows = self._proxy_rows
        rows = [proxy_rows[r] for r in range(top_left.row(), bottom_right.row() + 1)]
        shown = [r for r in rows if r >= 0]
        if shown:
            self.dataChanged.emit(
                self.index(min(shown), top_left.column()),
                self.index(max(shown), bottom_right.column()),
                list(roles),
            )

    # -- Qt's proxy interface ------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._rows):
            return QModelIndex()
        if not 0 <= column < (len(self._model.columns) if self._model is not None else 0):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, *args: Any) -> Any:
        if not args:
            return super().parent()  # QObject.parent()
        return QModelIndex()  # a flat table: no item has a parent

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._model is None:
            return 0
        return len(self._model.columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or self._model is None:
            return QModelIndex()
        row = proxy_index.row()
        if not 0 <= row < len(self._rows):
            return QModelIndex()
        return self._model.index(self._rows[row], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row, proxy_rows = source_index.row(), self._proxy_rows
        if not 0 <= row < len(proxy_rows) or proxy_rows[row] < 0:
            return QModelIndex()
        return self.createIndex(proxy_rows[row], source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self._model
        if role not in ANSWERED_ROLES or model is None or not index.isValid():
            return None
        row = index.row()
        return model.value(self._rows[row], index.column(), role) if row < len(self._rows) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Qt's own would map each painted cell to the source (a Python call) for the same answer.
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._model is None or orientation != Qt.Orientation.Horizontal:
            return None
        return self._model.headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    # -- for the tabs --------------------------------------------------------------------

    def entry_at(self, index: QModelIndex) -> CallEntry | None:
        """The entry under a proxy index (None when invalid)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.source().entry(self._rows[index.row()])

    def index_of_file(self, file: str) -> QModelIndex:
        """The proxy index (first column) of the recording ``file``; invalid when hidden."""
        row = self.source().row_of_file(file)
        if row is None:
            return QModelIndex()
        return self.mapFromSource(self.source().index(row, 0))
