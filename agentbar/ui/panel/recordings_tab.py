"""The Recordings tab: search, the merged list, "load older", and the player bound to a row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from agentbar.core.recording_cache import safe_name
from agentbar.core.recordings import CallEntry
from agentbar.ui.dates import date_text
from agentbar.ui.panel.buttons import tab_button
from agentbar.ui.panel.call_filter import CallFilterProxy
from agentbar.ui.panel.call_model import RECORDING_COLUMNS, CallTableModel
from agentbar.ui.panel.call_table import COLUMN_SAMPLES, CallTableView, search_field
from agentbar.ui.panel.panel_session import PanelSession
from agentbar.ui.panel.player import Player
from agentbar.ui.panel.player_bar import PlayerBar


class RecordingsTab(QWidget):
    """The agent's recordings. The player follows the selected row; ``notified`` for the panel."""

    notified = Signal(str, str)

    def __init__(self, panel: PanelSession, player: Player, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = panel
        self.player = player
        self.model = CallTableModel(RECORDING_COLUMNS, self)
        self.proxy = CallFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._bound: CallEntry | None = None
        self._want_play: str | None = None
        self._loaded_file: str | None = None
        self._save_dialog: QFileDialog | None = None
        self._build()
        self._connect()

    def _build(self) -> None:
        self.search = search_field(self, self.tr("recordings"))
        self.view = CallTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Recordings"))
        self.view.setToolTip(self.tr("Your recorded calls. Space plays or pauses; ←/→ skip 10 s"))
        self.view.size_columns(COLUMN_SAMPLES, RECORDING_COLUMNS)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.range_label = QLabel(self)
        self.range_label.setAccessibleName(self.tr("Date range shown"))
        self.older_button = tab_button(
            self,
            self.tr("Load &older"),
            self.tr("Add the 7 days before the oldest day shown"),
            self.tr("Load older recordings"),
        )
        self.refresh_button = tab_button(
            self,
            self.tr("&Refresh"),
            self.tr("Ask the server again (F5)"),
            self.tr("Refresh recordings"),
        )
        self.player_bar = PlayerBar(self.player, self)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.range_label, 1)
        bottom.addWidget(self.older_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.player_bar)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.panel.load_recordings)

    def _connect(self) -> None:
        p = self.panel
        self.search.textChanged.connect(self.proxy.set_query)
        self.search.returnPressed.connect(self._focus_list)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.toggle_pressed.connect(self.toggle)
        self.view.skip_pressed.connect(self._skip)
        self.view.activated.connect(lambda _index: self.toggle())
        self.older_button.clicked.connect(p.load_older)
        self.refresh_button.clicked.connect(p.load_recordings)
        self.player_bar.play_requested.connect(self.toggle)
        self.player_bar.save_requested.connect(self.ask_save)
        self.player_bar.cancel_requested.connect(p.cancel_download)
        p.recordings_loaded.connect(self._on_loaded)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        p.busy_changed.connect(self._on_busy)
        p.download_started.connect(self._on_download_started)
        p.download_progressed.connect(self._on_progress)
        p.download_failed.connect(self._on_download_failed)
        p.download_cancelled.connect(self._on_download_cancelled)
        p.recording_ready.connect(self._on_ready)
        self.player.failed.connect(self._on_player_failed)
        self.player.source_changed.connect(self._on_source_changed)

    # -- the list --------------------------------------------------------------------------

    def show_entries(self, entries: list[CallEntry], since: date) -> None:
        """Show ``entries`` (the session's list) without asking the server."""
        self._on_loaded(entries, since)

    def _on_sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """The next load arrives already in this order (sorted in the worker)."""
        if 0 <= section < len(self.model.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.panel.recordings_order = (self.model.columns[section], descending)

    def _on_loaded(self, entries: list[CallEntry], since: date) -> None:
        current = self._bound.file if self._bound else None
        header = self.view.horizontalHeader()
        self.model.set_entries(
            entries, sort=(header.sortIndicatorSection(), header.sortIndicatorOrder())
        )
        self.range_label.setText(
            self.tr("%n recording(s) since %s", "", len(entries)).replace("%s", date_text(since))
        )
        if current is not None:
            self.select_file(current)

    def _on_busy(self, kind: str, busy: bool) -> None:
        if kind == "recordings":
            self.older_button.setEnabled(not busy)
            self.refresh_button.setEnabled(not busy)
            if busy:
                self.range_label.setText(self.tr("Loading recordings…"))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.selectionModel().hasSelection() and self.proxy.rowCount() > 0:
            self.view.selectRow(0)

    def select_file(self, file: str) -> bool:
        """Select the recording ``file`` (clearing the search when it hides it)."""
        index = self.proxy.index_of_file(file)
        if not index.isValid() and self.model.row_of_file(file) is not None:
            self.search.clear()
            index = self.proxy.index_of_file(file)
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def selected_entry(self) -> CallEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.entry_at(rows[0]) if rows else None

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        entry = self.selected_entry()
        if entry is None:
            return  # filtered out or reloaded: the player keeps its recording
        if self._bound is not None and entry.file == self._bound.file:
            self._bound = entry
            return
        self._bind(entry)

    def _bind(self, entry: CallEntry | None) -> None:
        """The player now belongs to ``entry``: whatever played or downloaded stops."""
        self.panel.cancel_download()
        self.player.stop()
        self._bound = entry
        self._want_play = None
        self._loaded_file = None
        self.player_bar.hide_progress()
        self.player_bar.show_entry(entry)

    def adopt(self, file: str, loaded_file: str | None) -> None:
        """Select ``file`` and bind the player to it as it is: a recording that plays goes on
        playing (a rebuilt panel takes over from the previous one)."""
        row = self.model.row_of_file(file)
        if row is None:
            return
        entry = self.model.entry(row)
        self._bound = entry  # set first: the selection then does not rebind (and stop)
        self.player_bar.show_entry(entry)
        if loaded_file == file and self.player.source is not None:
            self._loaded_file = file
            self.player_bar.adopt_player_state()
        self.select_file(file)

    # -- playing ---------------------------------------------------------------------------

    @property
    def bound(self) -> CallEntry | None:
        return self._bound

    @property
    def loaded_file(self) -> str | None:
        """The recording in the player (playing or paused), if it is the bound one."""
        return self._loaded_file if self.player.source is not None else None

    def toggle(self) -> None:
        """Play or pause the selected recording (fetching it first when needed)."""
        entry = self._bound
        if entry is None or entry.file is None:
            return
        if self._loaded_file == entry.file and self.player.source is not None:
            self.player.toggle()
            return
        self._want_play = entry.file
        self.player_bar.show_message("", "")
        self.panel.fetch(entry.file)

    def _skip(self, delta_ms: int) -> None:
        if self._loaded_file is not None and self.player.source is not None:
            self.player.skip(delta_ms)

    def _is_bound(self, file: str) -> bool:
        return self._bound is not None and self._bound.file == file

    def _on_download_started(self, file: str) -> None:
        if self._is_bound(file):
            self.player_bar.show_progress(0, None)

    def _on_progress(self, file: str, got: int, total: int | None) -> None:
        if self._is_bound(file):
            self.player_bar.show_progress(got, total)

    def _on_download_failed(self, file: str, message: str) -> None:
        if self._is_bound(file):
            self.player_bar.hide_progress()
            self.player_bar.show_message("error", message)

    def _on_download_cancelled(self, file: str) -> None:
        if self._is_bound(file):
            self.player_bar.hide_progress()
            self.player_bar.show_message("info", self.tr("Download cancelled."))

    def _on_ready(self, file: str, path: Path) -> None:
        if not self._is_bound(file):
            return
        self.player_bar.hide_progress()
        if self._want_play != file:
            return
        self._want_play = None
        self._loaded_file = file
        self.player.load(path)
        self.player.play()
        self.panel.played(file)

    def _on_player_failed(self, message: str) -> None:
        self.player_bar.show_message("error", message)
        if self._loaded_file is not None:
            self.panel.discard(self._loaded_file)
            self._loaded_file = None
        self.player.stop()

    def _on_source_changed(self, source: Path | None) -> None:
        if source is None:
            self.panel.played(None)

    # -- saving ----------------------------------------------------------------------------

    def ask_save(self) -> None:
        """Ask where to save a copy of the selected recording (window-modal, no nested loop)."""
        entry = self._bound
        if entry is None or entry.file is None:
            return
        file = entry.file
        dialog = QFileDialog(self, self.tr("Save the recording as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(safe_name(file))
        dialog.fileSelected.connect(lambda chosen: self.save_to(file, Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        self._save_dialog = dialog
        dialog.open()

    def save_to(self, file: str, dest: Path) -> None:
        self.panel.save_copy(file, dest)
