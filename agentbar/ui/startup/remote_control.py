"""Carry out commands from other launches, links and the tray on the running session."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.core.commands import Command
from agentbar.core.phone import URI_SCHEMES, DialTarget, InvalidNumber, link_risk
from agentbar.ui.clipboard import clipboard_target
from agentbar.ui.messages import number_reason, translated
from agentbar.ui.startup.questions import ask
from agentbar.ui.startup.windows import AppWindows
from agentbar.ui.tasks import TaskOwner

log = logging.getLogger(__name__)

#: How long the normalised number stays on the bar before a link dials (unless confirming).
DIAL_PREVIEW_MS = 1200
#: The same number again within this time is one click that launched twice (browsers do).
REPEAT_WINDOW_S = 3.0
#: Another link within this time of the last one is a burst: it is asked about, never queued.
BURST_WINDOW_S = 5.0


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
        self._last_link = -BURST_WINDOW_S  # time.monotonic() of the last link
        self._pending: QTimer | None = None  # a link's preview, until it dials
        self._asking = False  # a link's question is open
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
        self._dial(text, target, link=True)

    def dial_clipboard(self) -> None:
        target, why = clipboard_target(self.session.parse_number)
        if target is None:
            self._say("warning", self.tr("Nothing to dial: %s.") % why)
            return
        self._dial(target.source, target)

    def _dial(self, text: str, target: DialTarget, *, link: bool = False) -> None:
        """Dial ``target`` after a preview, or ask first.

        A link (text from outside) always asks, whatever the confirm setting says, when it
        names an emergency, short service, premium-rate or (by the setting) international
        number, and when it comes within BURST_WINDOW_S of another link: a burst is never
        dialled as a queue (the earlier link's preview is stopped too). A link's 2-6 digit
        extension outside the site's extension lengths is refused. While a link's question
        is open, further links are refused with a message.
        """
        now = time.monotonic()
        self._recent = {n: t for n, t in self._recent.items() if now - t < REPEAT_WINDOW_S}
        if target.number in self._recent:
            log.info("ignored the same number again within %.0f s", REPEAT_WINDOW_S)
            return
        why = ""
        if link:
            burst = now - self._last_link < BURST_WINDOW_S
            self._last_link = now
            if self._asking:
                self._say(
                    "warning",
                    self.tr("Did not dial %s: another link is waiting for your answer.")
                    % target.display,
                )
                return
            settings = self.session.settings
            try:
                risk = link_risk(
                    target,
                    region=settings.region,
                    extension_lengths=settings.link_extension_lengths,
                    international=settings.confirm_international_links,
                )
            except InvalidNumber as exc:
                self._say(
                    "error",
                    self.tr("Cannot dial “%s”: %s") % (exc.source[:80], number_reason(exc)),
                )
                return
            except ValueError:
                self._say("error", self.tr("Cannot dial: the phone region in Settings is invalid."))
                return
            if risk:
                why = self.tr("This link asks to call %s.") % translated("phone", risk)
            if burst:
                stopped = self._stop_preview()
                why = " ".join(
                    filter(None, (why, self.tr("Several links arrived within a few seconds.")))
                )
                if stopped:
                    why += " " + self.tr("The one before was not dialled.")
        self._recent[target.number] = now
        if why or self.session.settings.confirm_before_dial:
            self._asking = self._asking or link  # now: the question opens in a task
            self.show_toolbar()
            self._tasks.start(
                self._confirm_and_dial(text, target, why, link=link), "the dial question"
            )
            return
        self._say("info", self.tr("Will dial %s…") % target.display)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._preview_done(timer, text))
        self._pending = timer
        timer.start(self.preview_ms)

    def _preview_done(self, timer: QTimer, text: str) -> None:
        if self._pending is timer:
            self._pending = None
        timer.deleteLater()
        self.session.dial(text)

    def _stop_preview(self) -> bool:
        """Stop a link's preview that has not dialled yet; True when there was one."""
        timer, self._pending = self._pending, None
        if timer is None or not timer.isActive():
            return False
        timer.stop()
        timer.deleteLater()
        return True

    async def _confirm_and_dial(
        self, text: str, target: DialTarget, why: str = "", *, link: bool = False
    ) -> None:
        info = self.tr("The link was: %s") % target.source[:120]
        try:
            answer = await ask(
                self.windows.toolbar,
                self.tr("Call from a link"),
                self.tr("Call %s?") % target.display,
                [(self.tr("&Call"), QMessageBox.ButtonRole.AcceptRole)],
                details=f"{why}\n{info}" if why else info,
                name="confirmDialBox",
                # A risky link is called only by choosing Call: Enter answers Cancel.
                default=None if why else 0,
                warning=bool(why),
            )
        finally:
            if link:
                self._asking = False
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
