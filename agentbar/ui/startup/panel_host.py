"""Opens the side panel beside the bar on demand and wires it to the bar (dial field, moves).

The panel, its PanelSession and the one Player are made on first use, so a run that never
opens the panel never loads QtMultimedia.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from agentbar.ui.agent_session import AgentSession
from agentbar.ui.bar.toolbar import Toolbar

if TYPE_CHECKING:
    from agentbar.ui.panel.panel_session import PanelSession
    from agentbar.ui.panel.side_panel import SidePanel


class PanelHost(QObject):
    """Owns the side panel for one run; ``recordings_dir`` is the recordings cache."""

    def __init__(
        self,
        session: AgentSession,
        toolbar: Toolbar,
        recordings_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.toolbar = toolbar
        self.recordings_dir = recordings_dir
        self.panel: SidePanel | None = None
        self.panel_session: PanelSession | None = None
        toolbar.panel_requested.connect(self.toggle)
        toolbar.position_changed.connect(self._on_bar_moved)

    def rebind(self, toolbar: Toolbar) -> None:
        """Follow a rebuilt bar (a language switch); the panel is made again in the new
        language, keeping its session (lists, cache, downloads)."""
        self.toolbar = toolbar
        toolbar.panel_requested.connect(self.toggle)
        toolbar.position_changed.connect(self._on_bar_moved)
        old = self.panel
        if old is None:
            return
        view = old.view_state()
        self.panel = None
        new = self.ensure()
        new.take_over(view)  # place, tab, selections, searches; the player plays on
        old.hand_over()
        old.deleteLater()

    def ensure(self) -> SidePanel:
        """The panel, made on first use."""
        if self.panel is None:
            from agentbar.ui.panel.panel_session import PanelSession
            from agentbar.ui.panel.player import shared_player
            from agentbar.ui.panel.side_panel import SidePanel

            if self.panel_session is None:
                self.panel_session = PanelSession(self.session, self.recordings_dir, parent=self)
            self.panel = SidePanel(self.panel_session, shared_player())
            self.panel.dial_requested.connect(self.put_in_dial_field)
            # The bar's keys act in the panel and its fields too (ui/shortcuts.py).
            self.toolbar.bind_shortcuts(self.panel)
        return self.panel

    @property
    def visible(self) -> bool:
        return self.panel is not None and self.panel.isVisible()

    def show(self) -> None:
        """Show the panel beside the bar (it loads its data the first time)."""
        self.ensure().show_beside(self.toolbar)

    def hide(self) -> None:
        if self.panel is not None:
            self.panel.hide()

    def toggle(self) -> None:
        """The bar's Panel button: open, or close when it is open."""
        if self.visible:
            self.hide()
        else:
            self.show()

    def show_recordings(self) -> None:
        """Open the panel on its Recordings tab (the tray's entry)."""
        panel = self.ensure()
        panel.tabs.setCurrentWidget(panel.recordings)
        self.show()

    def put_in_dial_field(self, number: str) -> None:
        """Put ``number`` in the bar's dial field and give it the keyboard (not dialled)."""
        field = self.toolbar.dial_field
        field.setText(number)
        self.toolbar.raise_()
        self.toolbar.activateWindow()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def _on_bar_moved(self, _screen: str, _x: int, _y: int) -> None:
        if self.panel is not None and self.panel.isVisible():
            self.panel.place_beside(self.toolbar)

    async def aclose(self) -> None:
        """Stop playback and downloads; wait for the panel's tasks (at quit). The panel goes:
        the run's one player outlives it and must not call into its tabs any more."""
        if self.panel is not None:
            self.panel.player.stop()
            self.panel.hide()
            self.panel.deleteLater()
            self.panel = None
        if self.panel_session is not None:
            await self.panel_session.aclose()
