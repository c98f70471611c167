"""Carry out commands from other launches, links and the tray on the running session."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.core.commands import Command
from agentbar.core.phone import URI_SCHEMES, DialTarget, InvalidNumber
from agentbar.ui.clipboard import clipboard_target
from agentbar.ui.messages import number_reason
from agentbar.ui.startup.questions import ask
from agentbar.ui.startup.windows import AppWindows
from agentbar.ui.tasks import TaskOwner

log = logging.getLogger(__name__)

#: How long the normalised number stays on the bar before a link dials (unless confirming).
DIAL_PREVIEW_MS = 1200
#: The same number again within this time is one click that launched twice (browsers do).
REPEAT_WINDOW_S = 3.0


class RemoteControl(QObject):
    """Executes :class:`~agentbar.core.commands.Command` values on the windows' session.

    Links dial after showing the normalised number on the bar for DIAL_PREVIEW_MS, or after
    a window-modal question when ``settings.confirm_before_dial`` is on. Nothing here blocks:
    questions and waits run as tasks. Also receives links the OS hands to the running app
    (macOS ``QFileOpenEvent``, ``QDesktopServices`` URL handlers) once :meth:`install` ran.
    """

    def __init__(
        self,
        windows: AppWindows,
        *,
        preview_ms: int = DIAL_PREVIEW_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.windows = windows
        self.session = windows.session
        self.preview_ms = preview_ms
        self._recent: dict[str, float] = {}
        self._tasks = TaskOwner()
        self._installed = False
        self._filtering = False

    def install(self, *, file_open_events: bool = sys.platform == "darwin") -> None:
        """Receive links that the OS delivers to the running app.

        ``file_open_events``: watch for ``QFileOpenEvent`` (how macOS hands a clicked link to
        a running app). Off elsewhere: an application-wide event filter sees every event of
        every object, a cost in Python that only macOS needs to pay.
        """
        instance = QApplication.instance()
        if instance is not None and file_open_events:
            instance.installEventFilter(self)
            self._filtering = True
        for scheme in URI_SCHEMES:
            # PySide6 6.12 accepts only a str here, whatever its stub says.
            QDesktopServices.setUrlHandler(scheme, self, "handle_url")  # type: ignore[arg-type]
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        for scheme in URI_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        instance = QApplication.instance()
        if instance is not None and self._filtering:
            instance.removeEventFilter(self)
        self._installed = self._filtering = False

    def _say(self, level: str, text: str) -> None:
        self.show_toolbar()
        self.windows.toolbar.show_message(level, text)

    # -- commands ------------------------------------------------------------------------

    def execute(self, command: Command) -> None:
        """Carry out one validated command (from the socket or this launch's arguments)."""
        log.info("carrying out the command %s", command.name)
        name, args = command.name, command.args
        if name == "dial":
            self.dial_link(args["target"])
        elif name == "dial_clipboard":
            self.dial_clipboard()
        elif name == "show":
            self.show_toolbar()
        elif name == "break":
            self._tasks.start(self._start_break(args["reason"]), "the break command")
        elif name == "end_break":
            self._end_break()
        elif name == "quit":
            self._tasks.start(self.windows.request_quit(), "the quit command")
        else:  # validated upstream; a new command must be handled here
            log.error("no handler for command %s", name)

    def show_toolbar(self) -> None:
        toolbar = self.windows.toolbar
        if not toolbar.isVisible():
            self.windows.show()
        toolbar.raise_()
        toolbar.activateWindow()

    def toggle_toolbar(self) -> None:
        if self.windows.toolbar.isVisible():
            self.windows.toolbar.hide()
        else:
            self.show_toolbar()

    def dial_link(self, text: str) -> None:
        """Show the normalised number, then dial it (or ask first); refusals go to the bar."""
        try:
            target = self.session.parse_number(text)
        except InvalidNumber as exc:
            self._say(
                "error", self.tr("Cannot dial “%s”: %s") % (exc.source[:80], number_reason(exc))
            )
            return
        except ValueError:
            self._say("error", self.tr("Cannot dial: the phone region in Settings is invalid."))
            return
        self._dial(text, target)

    def dial_clipboard(self) -> None:
        target, why = clipboard_target(self.session.parse_number)
        if target is None:
            self._say("warning", self.tr("Nothing to dial: %s.") % why)
            return
        self._dial(target.source, target)

    def _dial(self, text: str, target: DialTarget) -> None:
        now = time.monotonic()
        self._recent = {n: t for n, t in self._recent.items() if now - t < REPEAT_WINDOW_S}
        if target.number in self._recent:
            log.info("ignored the same number again within %.0f s", REPEAT_WINDOW_S)
            return
        self._recent[target.number] = now
        if self.session.settings.confirm_before_dial:
            self.show_toolbar()
            self._tasks.start(self._confirm_and_dial(text, target), "the dial question")
            return
        self._say("info", self.tr("Will dial %s…") % target.display)
        QTimer.singleShot(self.preview_ms, self, lambda: self.session.dial(text))

    async def _confirm_and_dial(self, text: str, target: DialTarget) -> None:
        answer = await ask(
            self.windows.toolbar,
            self.tr("Call from a link"),
            self.tr("Call %s?") % target.display,
            [(self.tr("&Call"), QMessageBox.ButtonRole.AcceptRole)],
            details=self.tr("The link was: %s") % target.source[:120],
            name="confirmDialBox",
        )
        if answer == 0:
            self.session.dial(text)
        else:
            self._recent.pop(target.number, None)

    async def _start_break(self, reason_id: str) -> None:
        state = self.session.state
        if not state.logged_in:
            self._say("warning", self.tr("Cannot start a break: you are not logged in."))
            return
        if state.on_break:
            self._say(
                "info", self.tr("You are already on a break (%s).") % state.on_break.reason_name
            )
            return
        if not state.break_reasons:
            await self.session.refresh_reasons()
        reasons = self.session.state.break_reasons
        reason = next((r for r in reasons if r.id == reason_id), None)
        if reason is None:
            known = ", ".join(f"{r.id} ({r.name})" for r in reasons) or self.tr("none")
            self._say(
                "warning",
                self.tr("There is no break reason “%s”. Known reasons: %s.") % (reason_id, known),
            )
            return
        self.session.start_break(reason)

    def _end_break(self) -> None:
        if not self.session.state.on_break:
            self._say("info", self.tr("You are not on a break."))
            return
        self.session.end_break()

    # -- links delivered by the OS to the running app ------------------------------------

    @Slot(QUrl)
    def handle_url(self, url: QUrl) -> None:
        self.dial_link(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.scheme().lower() in URI_SCHEMES:
                self.handle_url(url)
                return True
        return super().eventFilter(watched, event)
