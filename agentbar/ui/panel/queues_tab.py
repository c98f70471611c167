"""The Queues tab: every queue, whether the agent is in it, join or leave, the result shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentbar.ui.panel.buttons import tab_button
from agentbar.ui.panel.panel_session import PanelSession, QueueInfo


class QueuesTab(QWidget):
    """A short list (a handful of queues), so a QTableWidget is enough here."""

    notified = Signal(str, str)

    def __init__(self, panel: PanelSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.queues: list[QueueInfo] = []
        self._build()
        panel.queues_loaded.connect(self._on_loaded)
        panel.queue_changed.connect(self._on_changed)
        panel.queue_failed.connect(self._on_failed)
        panel.busy_changed.connect(self._on_busy)
        self._update_buttons()

    def _build(self) -> None:
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Queue"), self.tr("Name"), self.tr("Membership")]
        )
        self.table.setAccessibleName(self.tr("Queues"))
        self.table.setToolTip(self.tr("The call center's queues and whether you are in each"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.join_button = tab_button(
            self,
            self.tr("&Join"),
            self.tr("Add yourself to the selected queue"),
            self.tr("Join queue"),
        )
        self.leave_button = tab_button(
            self,
            self.tr("&Leave"),
            self.tr("Remove yourself from the selected queue"),
            self.tr("Leave queue"),
        )
        self.refresh_button = tab_button(
            self,
            self.tr("&Refresh"),
            self.tr("Ask the server again (F5)"),
            self.tr("Refresh queues"),
        )
        self.result = QLabel(self)
        self.result.setAccessibleName(self.tr("Result"))
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.join_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)

        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.join_button.clicked.connect(lambda: self._change(True))
        self.leave_button.clicked.connect(lambda: self._change(False))
        self.refresh_button.clicked.connect(self.panel.load_queues)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.panel.load_queues)

    def _membership_text(self, member: bool | None) -> str:
        if member is None:
            return self.tr("? Unknown")
        return self.tr("✔ Member") if member else self.tr("— Not a member")

    def show_queues(self, queues: list[QueueInfo]) -> None:
        """Show ``queues`` (the session's list) without asking the server."""
        self._on_loaded(queues)

    def _on_loaded(self, queues: list[QueueInfo]) -> None:
        selected = self.selected()
        self.queues = list(queues)
        self.table.setRowCount(len(self.queues))
        for row, queue in enumerate(self.queues):
            self._fill(row, queue)
        if selected is not None:
            self.select(selected.extension)
        self._update_buttons()

    def _fill(self, row: int, queue: QueueInfo) -> None:
        texts = (queue.extension, queue.description, self._membership_text(queue.member))
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 2 and queue.member:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def _on_changed(self, queue: QueueInfo, message: str, outcome: str) -> None:
        for row, old in enumerate(self.queues):
            if old.extension == queue.extension:
                self.queues[row] = queue
                self._fill(row, queue)
        # Once, beside the buttons (not again on the panel's message line); ✔ only for a
        # change the server's member list confirms.
        symbol = {"changed": "✔ ", "unchanged": "ℹ "}.get(outcome, "⚠ ")
        self.result.setText(symbol + message)
        self._update_buttons()

    def _on_failed(self, _queue: str, message: str) -> None:
        self.result.setText("✖ " + message)

    def _on_busy(self, kind: str, busy: bool) -> None:
        if kind == "queues":
            self.refresh_button.setEnabled(not busy)
            if busy:
                self.join_button.setEnabled(False)
                self.leave_button.setEnabled(False)
            else:
                self._update_buttons()

    def selected(self) -> QueueInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.queues[rows[0].row()] if rows else None

    def select(self, extension: str) -> None:
        for row, queue in enumerate(self.queues):
            if queue.extension == extension:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        queue = self.selected()
        idle = not self.panel.busy("queues")
        self.join_button.setEnabled(idle and queue is not None and queue.member is not True)
        self.leave_button.setEnabled(idle and queue is not None and queue.member is not False)

    def _change(self, join: bool) -> None:
        queue = self.selected()
        if queue is None:
            return
        self.result.setText(self.tr("Working…"))
        if join:
            self.panel.join_queue(queue.extension)
        else:
            self.panel.leave_queue(queue.extension)
