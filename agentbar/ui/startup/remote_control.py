"""Carry out commands from other launches, links and the tray on the running session."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.core.break_reasons import find_reason, menu_numbers
from agentbar.core.commands import Command
from agentbar.core.phone import URI_SCHEMES, DialTarget, InvalidNumber, SeveralNumbers, link_risk
from agentbar.ui.clipboard import clipboard_several, clipboard_target
from agentbar.ui.messages import number_reason, translated
from agentbar.ui.questions import ask
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

    def _say(self, level: str, text: str) -> str:
        """Show ``text`` on the bar; returns it as the refusal reason when it is not info."""
        self.show_toolbar()
        self.windows.toolbar.show_message(level, text)
        return "" if level == "info" else text

    # -- commands ------------------------------------------------------------------------

    def execute(self, command: Command) -> None:
        """Carry out one validated command (this launch's own arguments); refusals are
        shown on the bar."""
        outcome = self._dispatch(command)
        if not isinstance(outcome, str):
            self._tasks.start(outcome, f"the {command.name} command")

    async def answer(self, command: Command) -> str:
        """Carry out one validated command from another launch; "" when it was accepted,
        else why not (the launch prints it and exits non-zero). A question to the agent
        (quit, log out, confirm a dial) is accepted once asked, without waiting for it."""
        outcome = self._dispatch(command)
        return outcome if isinstance(outcome, str) else await outcome

    def _dispatch(self, command: Command) -> str | Coroutine[Any, Any, str]:
        """The refusal ("" for none) of a command carried out at once, or the coroutine
        of one that waits for the server."""
        log.info("carrying out the command %s", command.name)
        name, args = command.name, command.args
        if name == "dial":
            return self.dial_link(args["target"])
        if name == "dial_clipboard":
            return self.dial_clipboard()
        if name == "show":
            self.show_toolbar()
            return ""
        state = self.session.state
        if name == "break":
            if not state.logged_in:
                return self._say("warning", self.tr("Cannot start a break: you are not logged in."))
            if state.on_break:
                return self._say(
                    "warning",
                    self.tr("You are already on a break (%s).") % state.on_break.reason_name,
                )
            return self._start_break(args["reason"])
        if name == "end_break":
            if not state.on_break:
                return self._say("warning", self.tr("You are not on a break."))
            return self._end_break()
        if name == "logout":
            if not self.session.state.logged_in:
                return self._say("warning", self.tr("You are not logged in."))
            self.show_toolbar()
            self.windows.request_logout()
            return ""
        if name == "quit":
            self._tasks.start(self.windows.request_quit(), "the quit command")
            return ""
        log.error("no handler for command %s", name)  # validated upstream: a new command
        return "unknown command"

    async def _outcome(self, task: asyncio.Task[object], done: Callable[[], bool]) -> str:
        """ "" when ``task`` (a session action) left the state ``done``, else the error the
        session showed (or a plain "failed")."""
        errors: list[str] = []

        def collect(level: str, text: str) -> None:
            if level != "info":
                errors.append(text)

        self.session.notified.connect(collect)
        try:
            await task
        finally:
            self.session.notified.disconnect(collect)
        if done():
            return ""
        return errors[-1] if errors else self.tr("The server did not confirm it.")

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

    def dial_link(self, text: str) -> str:
        """Show the normalised number, then dial it (or ask first); refusals go to the bar
        and are returned. A text with several numbers asks which one on the bar."""
        try:
            target = self.session.parse_number(text)
        except SeveralNumbers as exc:
            self.show_toolbar()
            self.windows.toolbar.choose_number(exc.targets)
            return ""
        except InvalidNumber as exc:
            return self._say(
                "error", self.tr("Cannot dial “%s”: %s") % (exc.source[:80], number_reason(exc))
            )
        except ValueError:
            return self._say(
                "error", self.tr("Cannot dial: the phone region in Settings is invalid.")
            )
        if not self.session.state.logged_in:
            return self._say("error", self.tr("Log in to dial."))
        return self._dial(text, target, link=True)

    def dial_clipboard(self) -> str:
        target, why = clipboard_target(self.session.parse_number)
        if target is None:
            several = clipboard_several(self.session.parse_number)
            if several:
                self.show_toolbar()
                self.windows.toolbar.choose_number(several)
                return ""
            return self._say("warning", self.tr("Nothing to dial: %s.") % why)
        if not self.session.state.logged_in:
            return self._say("error", self.tr("Log in to dial."))
        return self._dial(target.source, target)

    def _dial(self, text: str, target: DialTarget, *, link: bool = False) -> str:
        """Dial ``target`` after a preview, or ask first; returns why not ("" when it goes on).

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
            return ""
        why = ""
        if link:
            burst = now - self._last_link < BURST_WINDOW_S
            self._last_link = now
            if self._asking:
                return self._say(
                    "warning",
                    self.tr("Did not dial %s: another link is waiting for your answer.")
                    % target.display,
                )
            settings = self.session.settings
            try:
                risk = link_risk(
                    target,
                    region=settings.region,
                    extension_lengths=settings.link_extension_lengths,
                    international=settings.confirm_international_links,
                )
            except InvalidNumber as exc:
                return self._say(
                    "error",
                    self.tr("Cannot dial “%s”: %s") % (exc.source[:80], number_reason(exc)),
                )
            except ValueError:
                return self._say(
                    "error", self.tr("Cannot dial: the phone region in Settings is invalid.")
                )
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
            return ""
        self._say("info", self.tr("Will dial %s…") % target.display)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._preview_done(timer, text))
        self._pending = timer
        timer.start(self.preview_ms)
        return ""

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

    async def _start_break(self, wanted: str) -> str:
        """``wanted``: the server's ID, the menu's number or the reason's name."""
        if not self.session.state.break_reasons:
            await self.session.refresh_reasons()
        reasons = self.session.state.break_reasons
        reason = find_reason(reasons, wanted)
        if reason is None:
            numbers = menu_numbers(reasons)
            known = ", ".join(
                f"{n or r.id} {r.name}" for r, n in zip(reasons, numbers, strict=True)
            ) or self.tr("none")
            return self._say(
                "warning",
                self.tr("There is no break reason “%s”. Known reasons: %s.") % (wanted, known),
            )
        task = self.session.start_break(reason)
        return await self._outcome(task, lambda: self.session.state.on_break is not None)

    async def _end_break(self) -> str:
        task = self.session.end_break()
        return await self._outcome(task, lambda: self.session.state.on_break is None)

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
