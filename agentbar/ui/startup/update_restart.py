"""Linux/macOS: a bar whose program was updated under it restarts into the new version, once
the agent is idle.

:class:`~agentbar.desktop.bundle_watch.BundleWatcher` says when the running bundle was replaced
(an ``apt`` upgrade while the bar runs): from then on the old bar's next lazy import would read
the new archive and fail. The bar says so (a lasting note on the bar) and in the log, then
looks once a second whether it may restart (:func:`restart_blocker`: no call, no dial on its
way, no action in flight, no dialog or question open, nothing typed in the number field).
When it may, it quits
the orderly way (state saved, no "log out first?" question: the agent stays logged in or on a
break, and the new bar resumes that state) and :attr:`UpdateRestart.asked` tells the run to
end with a restart (``agentbar.app`` then replaces the process with the new program).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from agentbar.desktop.bundle_watch import BundleWatcher
from agentbar.desktop.restart_manager import close_refusal
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.bar.toolbar import Toolbar

__all__ = ["CHECK_IDLE_EVERY_MS", "NOTE_KEY", "UpdateRestart", "restart_blocker"]

log = logging.getLogger(__name__)

#: How often an updated bar looks whether it may restart.
CHECK_IDLE_EVERY_MS = 1000
#: The bar's lasting note while a restart waits.
NOTE_KEY = "update"


def restart_blocker(
    *, in_call: bool, dialling: bool, acting: bool, dialog_open: bool, typing: bool
) -> str:
    """Why the bar may not restart now ("" when it may): what keeps it from closing for an
    installer (:func:`~agentbar.desktop.restart_manager.close_refusal`), and what the agent
    has open or typed, which a restart would lose."""
    refusal = close_refusal(in_call=in_call, dialling=dialling, acting=acting)
    if refusal:
        return refusal
    if dialog_open:
        return "a dialog or question is open"
    if typing:
        return "a number is being typed"
    return ""


class UpdateRestart(QObject):
    """Restarts the bar once it is idle after ``watcher`` reported the program replaced.

    ``toolbar`` is called each time (a language switch rebuilds the bar); ``quit`` ends the
    run the orderly way. :attr:`asked` is True once the restart was decided. :attr:`checked`
    carries each check's :func:`restart_blocker` ("" for the one that restarts).
    """

    checked = Signal(str)

    def __init__(
        self,
        session: AgentSession,
        toolbar: Callable[[], Toolbar],
        watcher: BundleWatcher,
        quit: Callable[[], None],
        *,
        check_every_ms: int = CHECK_IDLE_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.watcher = watcher
        self.asked = False
        self._toolbar = toolbar
        self._quit = quit
        self._waiting = ""
        self._timer = QTimer(self)
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self._check)
        watcher.replaced.connect(self._on_replaced)

    def start(self) -> bool:
        """Start watching the program; False when it cannot be watched."""
        return self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()
        self._timer.stop()

    def _on_replaced(self) -> None:
        text = self.tr("AgentBar was updated. It restarts by itself when no call is active.")
        log.warning("AgentBar was updated: it restarts into the new version once idle")
        # A lasting note, not the message line: a message goes after 8 s (or at the next
        # number typed), and this one holds until the restart.
        self._toolbar().notes.set(NOTE_KEY, text)
        self._timer.start()
        self._check()

    def _blocker(self) -> str:
        session = self.session
        return restart_blocker(
            in_call=session.call is not None,
            dialling=session.dialling,
            acting=session.busy,
            dialog_open=QApplication.activeModalWidget() is not None,
            typing=bool(self._toolbar().dial_field.text().strip()),
        )

    def _check(self) -> None:
        if self.asked:
            return
        blocker = self._blocker()
        self.checked.emit(blocker)
        if blocker:
            if blocker != self._waiting:
                log.info("the restart after the update waits: %s", blocker)
            self._waiting = blocker
            return
        self._timer.stop()
        self.asked = True
        log.warning("restarting into the updated AgentBar")
        self._quit()
