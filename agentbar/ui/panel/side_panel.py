"""The side panel beside the bar: Recordings, History and Queues tabs and a message line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from agentbar.ui.panel.history_tab import HistoryTab
from agentbar.ui.panel.panel_session import PanelSession
from agentbar.ui.panel.player import Player
from agentbar.ui.panel.queues_tab import QueuesTab
from agentbar.ui.panel.recordings_tab import RecordingsTab
from agentbar.ui.resources import icon

_GAP = 4
_SIZE = (760, 520)
_LEVELS = {"info": ("ℹ", "#263238"), "warning": ("⚠", "#8d4b00"), "error": ("✖", "#b71c1c")}


def place_rect(bar: QRect, size: tuple[int, int], area: QRect) -> QRect:
    """Where the panel goes: under the bar (right edges aligned), else above it, on screen."""
    width = min(size[0], area.width())
    height = min(size[1], area.height())
    x = min(max(bar.right() + 1 - width, area.left()), area.right() + 1 - width)
    below = bar.bottom() + 1 + _GAP
    above = bar.top() - _GAP - height
    if below + height <= area.bottom() + 1:
        y = below
    elif above >= area.top():
        y = above
    else:  # a short screen: cover what we must, but stay on it
        y = max(area.top(), area.bottom() + 1 - height)
    return QRect(x, y, width, height)


@dataclass(frozen=True, slots=True)
class PanelView:
    """What the agent sees in the panel, carried over when it is rebuilt (a language switch)."""

    visible: bool
    geometry: QRect
    tab: int
    recordings_search: str
    recordings_selected: str | None  # server path
    playing_file: str | None  # the recording loaded in the player (playing or paused)
    history_search: str
    history_selected: object  # CallEntry | None
    queue_selected: str | None


class SidePanel(QWidget):
    """The panel window. ``dial_requested(number)``: put a number in the bar's dial field."""

    dial_requested = Signal(str)

    def __init__(self, panel: PanelSession, player: Player, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = panel
        self.player = player
        self.setObjectName("sidePanel")
        self.setWindowTitle(self.tr("AgentBar — recordings, history, queues"))
        self.setWindowIcon(icon("agentbar"))
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setAccessibleName(self.tr("AgentBar side panel"))
        self._loaded = False
        self._handing_over = False
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Panel sections"))
        self.recordings = RecordingsTab(panel, player, self)
        self.history = HistoryTab(panel, self)
        self.queues = QueuesTab(panel, self)
        for widget, title, tip in (
            (self.recordings, self.tr("Recordings"), self.tr("Your recorded calls (Ctrl+1)")),
            (self.history, self.tr("History"), self.tr("Your recent calls and today (Ctrl+2)")),
            (self.queues, self.tr("Queues"), self.tr("Join or leave queues (Ctrl+3)")),
        ):
            index = self.tabs.addTab(widget, title)
            self.tabs.setTabToolTip(index, tip)
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Panel message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.resize(*_SIZE)
        for n in range(3):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.tabs.setCurrentIndex(n))
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.setText(""))
        self._summary_timer = QTimer(self)
        self._summary_timer.setInterval(1000)  # a running break's time, while one runs
        self._summary_timer.timeout.connect(self._refresh_summary)
        panel.session.state_changed.connect(self._on_state_changed)
        for source in (panel, self.recordings, self.history, self.queues):
            source.notified.connect(self.show_message)
        self.history.dial_requested.connect(self.dial_requested.emit)
        self.history.recording_requested.connect(self.show_recording)

    # -- showing ---------------------------------------------------------------------------

    def place_beside(self, bar: QWidget) -> None:
        """Put the panel next to ``bar`` (below it, or above it near the screen's bottom)."""
        screen = bar.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        rect = place_rect(
            bar.frameGeometry(), (self.width(), self.height()), screen.availableGeometry()
        )
        self.resize(rect.size())
        self.move(rect.topLeft())

    def show_beside(self, bar: QWidget) -> None:
        """Show the panel next to ``bar`` and give it the keyboard."""
        self.place_beside(bar)
        self.show()
        self.raise_()
        self.activateWindow()
        self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def show_recording(self, file: str) -> None:
        """Switch to the Recordings tab with ``file`` selected (if it is loaded)."""
        self.tabs.setCurrentWidget(self.recordings)
        if not self.recordings.select_file(file):
            self.show_message(
                "warning", self.tr("That recording is not in the list; try “Load older”.")
            )

    def load_all(self) -> None:
        """Ask the server for everything the tabs show."""
        self._loaded = True
        self.panel.load_recordings()
        self.panel.load_history()
        self.panel.load_queues()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load_all()
        self._on_state_changed()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._summary_timer.stop()
        if self.player.playing and not self._handing_over:
            self.player.pause()  # no sound from a window the agent cannot see

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        else:
            super().keyPressEvent(event)

    # -- rebuilt in place (a language switch) -----------------------------------------------

    def view_state(self) -> PanelView:
        """Where the panel is and what the agent has open, typed and selected in it."""
        queue = self.queues.selected()
        history = self.history.selected_entry()
        return PanelView(
            visible=self.isVisible(),
            geometry=self.geometry(),
            tab=self.tabs.currentIndex(),
            recordings_search=self.recordings.search.text(),
            recordings_selected=(entry.file if (entry := self.recordings.bound) else None),
            playing_file=self.recordings.loaded_file,
            history_search=self.history.search.text(),
            history_selected=history,
            queue_selected=queue.extension if queue else None,
        )

    def hand_over(self) -> None:
        """Hide for good, leaving the shared player as it is (the new panel takes it over)."""
        self._handing_over = True
        self.hide()

    def take_over(self, view: PanelView) -> None:
        """Show what the previous panel showed: its lists (from the session, no new request),
        place, tab, searches, selections, and the recording in the player, still playing."""
        panel = self.panel
        if panel.since is not None:
            self._loaded = True
            self.recordings.show_entries(panel.recordings, panel.since)
        if panel.has_history:
            self._loaded = True
            self.history.show_entries(panel.history, panel.summary())
        if panel.queues:
            self.queues.show_queues(panel.queues)
        self.recordings.search.setText(view.recordings_search)
        if view.recordings_selected:
            self.recordings.adopt(view.recordings_selected, view.playing_file)
        self.history.search.setText(view.history_search)
        if view.history_selected is not None:
            self.history.select_entry(view.history_selected)
        if view.queue_selected:
            self.queues.select(view.queue_selected)
        self.tabs.setCurrentIndex(view.tab)
        self.setGeometry(view.geometry)
        if view.visible:
            self.show()
            self.raise_()

    # -- messages --------------------------------------------------------------------------

    def show_message(self, level: str, text: str) -> None:
        symbol, colour = _LEVELS.get(level, ("", "#263238"))
        self.message.setText(f"{symbol} {text}")
        self.message.setStyleSheet(f"color: {colour};")
        self._message_timer.start(8000 if level == "info" else 20000)

    def _on_state_changed(self, *_args: object) -> None:
        """A break started or ended: the summary says so now, and runs while it lasts."""
        if self.isVisible() and self.panel.session.state.on_break is not None:
            self._summary_timer.start()
        else:
            self._summary_timer.stop()
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        if self.panel.has_history:
            self.history.show_summary(self.panel.summary())
