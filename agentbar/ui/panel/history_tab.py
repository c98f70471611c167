"""The History tab: today's summary, recent calls, redial into the bar, copy, go to recording."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from agentbar.core.history import TodaySummary
from agentbar.core.recordings import CallEntry
from agentbar.ui.dates import date_text
from agentbar.ui.panel.buttons import tab_button
from agentbar.ui.panel.call_filter import CallFilterProxy
from agentbar.ui.panel.call_model import (
    HISTORY_COLUMNS,
    CallTableModel,
    Column,
    duration_text,
)
from agentbar.ui.panel.call_table import COLUMN_SAMPLES, CallTableView, search_field
from agentbar.ui.panel.panel_session import PanelSession


class HistoryTab(QWidget):
    """Recent calls. ``dial_requested(number)`` asks the bar to put a number in its dial field;
    ``recording_requested(file)`` asks the panel to show that recording."""

    dial_requested = Signal(str)
    recording_requested = Signal(str)
    notified = Signal(str, str)

    def __init__(self, panel: PanelSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.model = CallTableModel(HISTORY_COLUMNS, self)
        self.proxy = CallFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        panel.history_loaded.connect(self._on_loaded)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        panel.busy_changed.connect(self._on_busy)
        self._update_buttons()

    def _build(self) -> None:
        self.summary = QLabel(self)
        self.summary.setObjectName("todaySummary")
        self.summary.setAccessibleName(self.tr("Today's summary"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.search = search_field(self, self.tr("call history"))
        self.refresh_button = tab_button(
            self,
            self.tr("&Refresh"),
            self.tr("Ask the server again (F5)"),
            self.tr("Refresh history"),
        )
        self.view = CallTableView(self, player_keys=False)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Call history"))
        self.view.setToolTip(
            self.tr("Your recent calls. Double-click or Enter: put the number in the dial field")
        )
        self.view.size_columns(COLUMN_SAMPLES, HISTORY_COLUMNS)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.dial_button = tab_button(
            self,
            self.tr("&To the dial field"),
            self.tr("Put the number in the bar's dial field (double-click or Enter)"),
            self.tr("Put the number in the dial field"),
        )
        self.copy_button = tab_button(
            self,
            self.tr("&Copy number"),
            self.tr("Copy the number to the clipboard (Ctrl+C)"),
            self.tr("Copy number"),
        )
        self.recording_button = tab_button(
            self,
            self.tr("&Go to recording"),
            self.tr("Show this call's recording in the Recordings tab"),
            self.tr("Go to recording"),
        )

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (self.dial_button, self.copy_button, self.recording_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "#todaySummary { background: #eceff1; border-radius: 4px; padding: 4px 6px; }"
        )

        self.search.textChanged.connect(self.proxy.set_query)
        self.refresh_button.clicked.connect(self.panel.load_history)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.dial_button.clicked.connect(self.dial_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.recording_button.clicked.connect(self.show_recording)
        for keys, slot in (
            (QKeySequence.StandardKey.Copy, self.copy_selected),
            (QKeySequence.StandardKey.Refresh, self.panel.load_history),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- rendering -------------------------------------------------------------------------

    def show_entries(self, entries: list[CallEntry], summary: TodaySummary) -> None:
        """Show ``entries`` (the session's list) without asking the server."""
        self._on_loaded(entries, summary)

    def select_entry(self, entry: object) -> None:
        """Select the row of ``entry`` when it is shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.entry_at(index) == entry:
                self.view.selectRow(row)
                return

    def _on_sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """The next load arrives already in this order (sorted in the worker)."""
        if 0 <= section < len(self.model.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.panel.history_order = (self.model.columns[section], descending)

    def _on_loaded(self, entries: list[CallEntry], summary: TodaySummary) -> None:
        header = self.view.horizontalHeader()
        self.model.set_entries(
            entries, sort=(header.sortIndicatorSection(), header.sortIndicatorOrder())
        )
        self.show_summary(summary)
        self._update_buttons()

    def show_summary(self, s: TodaySummary) -> None:
        self.summary.setText(
            self.tr("Today — calls: %d · answered: %d · talk time: %s · break time: %s")
            % (s.calls, s.answered, duration_text(s.talk_s), duration_text(s.break_s))
        )
        # The day the numbers are for, in the language's one date format.
        self.summary.setToolTip(self.tr("Your numbers for %s") % date_text(self.panel.today()))

    def _on_busy(self, kind: str, busy: bool) -> None:
        if kind == "history":
            self.refresh_button.setEnabled(not busy)
            if busy and not self.model.entries:
                self.summary.setText(self.tr("Loading the call history…"))

    def selected_entry(self) -> CallEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.entry_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        has_number = entry is not None and bool(entry.number)
        self.dial_button.setEnabled(has_number)
        self.copy_button.setEnabled(has_number)
        self.recording_button.setEnabled(entry is not None and entry.file is not None)

    # -- actions ---------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        column = HISTORY_COLUMNS[index.column()]
        entry = self.proxy.entry_at(index)
        if column == Column.RECORDING and entry is not None and entry.file:
            self.show_recording()
        else:
            self.dial_selected()

    def dial_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.number:
            self.dial_requested.emit(entry.number)

    def copy_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.number:
            return
        QGuiApplication.clipboard().setText(entry.number)
        self.notified.emit("info", self.tr("Copied %s.") % entry.number)

    def show_recording(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.file:
            self.recording_requested.emit(entry.file)
