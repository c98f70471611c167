"""The table view both call lists use (recordings and history), its column widths and search box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTableView,
    QWidget,
)

from agentbar.ui.panel.call_model import Column
from agentbar.ui.panel.player import SKIP_MS


class SortArrowStyle(QProxyStyle):
    """Draws a header's sort arrow as the order shown: ▲ ascending, ▼ descending.

    QHeaderView hands the style an ascending sort as ``SortDown`` (an old Windows convention)
    and Fusion draws that as ▼, so a list shown newest first wore ▲. The arrow is drawn here
    from the header's own order, the same on every platform style.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            widget, QHeaderView
        ):
            descending = widget.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            element = (
                QStyle.PrimitiveElement.PE_IndicatorArrowDown
                if descending
                else QStyle.PrimitiveElement.PE_IndicatorArrowUp
            )
        super().drawPrimitive(element, option, painter, widget)


class CallTableView(QTableView):
    """A read-only, row-selecting table; Space and Left/Right are the player's keys."""

    toggle_pressed = Signal()
    skip_pressed = Signal(int)  # ms

    def __init__(self, parent: QWidget | None = None, *, player_keys: bool = True) -> None:
        super().__init__(parent)
        self._player_keys = player_keys
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        self._arrow_style = SortArrowStyle()  # kept: the header does not own its style
        self._arrow_style.setParent(header)
        header.setStyle(self._arrow_style)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def size_columns(self, widths: dict[Column, str], columns: tuple[Column, ...]) -> None:
        """Set each column wide enough for a sample text (faster than resizeToContents);
        the name column takes the remaining width."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        for i, column in enumerate(columns):
            if column == Column.NAME:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
                continue
            sample = widths.get(column)
            if sample:
                self.setColumnWidth(i, metrics.horizontalAdvance(sample) + 18)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._player_keys:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_pressed.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            self.skip_pressed.emit(SKIP_MS if key == Qt.Key.Key_Right else -SKIP_MS)
        else:
            super().keyPressEvent(event)


COLUMN_SAMPLES = {
    Column.WHEN: "00 MMMM 0000 00:00 ▲",
    Column.DIRECTION: "↙ Outgoing__",
    Column.NUMBER: "0532 123 45 67",
    Column.NAME: "Hüseyin Doğan Gündoğdu",
    Column.DURATION: "Duration ▲",
    Column.DISPOSITION: "No answer__",
    Column.RECORDING: "▶ Listen",
}


def search_field(parent: QWidget, what: str) -> QLineEdit:
    """The search box above a call list; ``what`` names the list (already translated)."""

    field = QLineEdit(parent)
    field.setPlaceholderText(
        QCoreApplication.translate("CallSearch", "Search by number or name (Ctrl+F)")
    )
    field.setAccessibleName(QCoreApplication.translate("CallSearch", "Search %s") % what)
    field.setToolTip(
        QCoreApplication.translate(
            "CallSearch", "Filters as you type; İ/I/ı/i, ş/s, ç/c… are treated alike"
        )
    )
    field.setClearButtonEnabled(True)
    return field
