"""AgentSession: the agent's actions as async slots over the API, rendered through signals.

Widgets never call the API: they call a session method, which starts a task and returns at
once; the outcome arrives as signals. Every task has one error exit (:meth:`_report`): API
errors become a human message, anything else is logged (redacted) and reported as a bug.
Nothing here blocks the Qt event loop: network through httpx on the qasync loop, disk and
keyring work in worker threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from agentbar.api.errors import AuthError, CallCenterError, NetworkError
from agentbar.core import clock
from agentbar.core.agent_state import AgentState, BreakReason, break_times
from agentbar.core.calls import (
    CallTracker,
    CurrentCall,
    follow,
    needs_agent_calls,
    pick_current_call,
)
from agentbar.core.phone import (
    DialFormat,
    DialTarget,
    InvalidNumber,
    parse_dial_text,
)
from agentbar.core.polling import DIAL_WATCH_S, Activity, PollSchedule, activity_of
from agentbar.core.refusals import says_not_logged_in, says_not_on_break
from agentbar.core.settings import Settings, with_recent_number, with_recent_transfer_target
from agentbar.ui.client_gate import ClientGate
from agentbar.ui.messages import error_text, number_reason, os_error_text, with_server_text
from agentbar.ui.tasks import TaskOwner, report_to_loop

if TYPE_CHECKING:
    from agentbar.api.client import CallCenterClient

log = logging.getLogger(__name__)

WAKE_GAP_S = 30.0
# A server that refuses the key is asked again this rarely (at once after the key changes).
AUTH_RETRY_S = 300.0


@dataclass(frozen=True, slots=True)
class Connection:
    """Whether the server answers; when not, why and when the next try is (epoch seconds)."""

    online: bool
    reason: str = ""
    retry_at: float = 0.0
    auth_failed: bool = False
    #: The whole technical text (English, for the log): the library's words included.
    detail: str = ""


class AgentSession(QObject):
    """The agent's session against one server: login, breaks, calls, polling, offline state.

    ``save_state`` and ``save_settings`` are blocking callables run in a worker thread.
    Actions and polls wait at ``gate`` until the API client and the key are there: the bar is
    shown before them, and a click meanwhile waits (shown as busy) rather than going out
    keyless.
    """

    state_changed = Signal(object)  # AgentState
    call_changed = Signal(object)  # CurrentCall | None
    connection_changed = Signal(object)  # Connection
    busy_changed = Signal(bool)
    notified = Signal(str, str)  # level: "info" | "warning" | "error", text
    incoming_call = Signal(object)  # CurrentCall
    settings_changed = Signal(object)  # Settings
    dial_sent = Signal(object)  # DialTarget
    transferred = Signal(object)  # DialTarget
    hung_up = Signal()
    refused = Signal(str, object)  # what, CallCenterError: the server said no

    def __init__(
        self,
        gate: ClientGate,
        settings: Settings,
        state: AgentState,
        *,
        save_state: Callable[[AgentState], None],
        save_settings: Callable[[Settings], None],
        parent: QObject | None = None,
        schedule: PollSchedule | None = None,
    ) -> None:
        super().__init__(parent)
        self.gate = gate
        self.settings = settings
        self.state = state
        self.call: CurrentCall | None = None
        self.connection = Connection(online=True)
        self._save_state = save_state
        self._save_settings = save_settings
        self._tasks = TaskOwner(report=self._report)
        self._busy = 0
        self._tracker = CallTracker()
        self._wake = asyncio.Event()  # set: look at the schedule again (poll now if _poll_now)
        self._poll_now = False
        #: When to poll, by the agent's activity (core/polling.py); a test or the fleet bench
        #: passes one with a seeded random generator.
        self.schedule = schedule or PollSchedule()
        self._dial_until = 0.0  # loop time until which a dial not yet seen as a call counts
        self._poller: asyncio.Task[None] | None = None
        #: Set once the first poll has been answered or has failed (at start when logged
        #: out: there is none), so start-up can put first contact before its other work.
        self.first_poll_done = asyncio.Event()
        self._closed = False

    @property
    def client(self) -> CallCenterClient:
        """The current API client (actions and polls run once ``gate`` is open)."""
        return self.gate.current

    @client.setter
    def client(self, client: CallCenterClient) -> None:
        self.gate.use(client)

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start polling at the rate the agent's activity needs (core/polling.py): the first
        poll at once while logged in; logged out, none."""
        if self._poller is None:
            self._poller = asyncio.ensure_future(self._poll_loop())
            if not self.state.logged_in:
                self.first_poll_done.set()

    async def aclose(self) -> None:
        """Stop polling and wait for running actions (they are never cancelled mid-request)."""
        self._closed = True
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        await self._tasks.wait()

    def poke(self) -> None:
        """Poll now (after an action, on wake-up, or when the user asks to retry)."""
        self._poll_now = True
        self._wake.set()

    def _reschedule(self) -> None:
        """The activity may have changed: the poll loop works out its next poll again."""
        self._wake.set()

    @property
    def activity(self) -> Activity:
        """What the polling rate follows: logged out, ready, on a break, or on a call (or
        ringing, or just dialled)."""
        return activity_of(
            logged_in=self.state.logged_in,
            on_break=self.state.on_break is not None,
            on_call=self.call is not None,
            dialling=self._dial_until > 0.0,
        )

    # -- the one error exit --------------------------------------------------------------

    def _spawn(self, work: Awaitable[Any], what: str, *, asked: bool = True) -> asyncio.Task[Any]:
        """Run ``work`` once the gate is open, busy meanwhile; errors go to :meth:`_report`.
        ``asked=False``: nobody clicked for it, so a network failure only turns the bar
        offline ("Server unreachable"), without a "… failed" message over it."""
        report = self._report if asked else self._report_unasked
        return self._tasks.start(self._when_open(work), what, busy=self._set_busy, report=report)

    async def _when_open(self, work: Awaitable[Any]) -> Any:
        await self.gate.client()  # before the client and the key are there: wait, busy
        return await work

    def _report_unasked(self, exc: Exception, what: str) -> None:
        self._report(exc, what, asked=False)

    def _report(self, exc: Exception, what: str, *, asked: bool = True) -> None:
        """The one error exit of the session's tasks."""
        if isinstance(exc, AuthError):
            self.refused.emit(what, exc)
            # Shown as "Key refused" until the key changes or the slow retry gets through
            # (logged out, nothing else would find out: no polling then).
            if self.connection.online or not self.connection.auth_failed:
                self._went_offline(error_text(exc), auth=True, detail=exc.message)
            self.notified.emit(
                "error", self.tr("The server refused the API key: %s") % error_text(exc)
            )
        elif isinstance(exc, NetworkError):
            self._went_offline(error_text(exc), detail=exc.message)
            if asked:
                self.notified.emit("error", self.tr("%s failed: %s") % (what, error_text(exc)))
        elif isinstance(exc, CallCenterError):
            self.refused.emit(what, exc)
            if not self._reconcile(exc):
                self.notified.emit("error", self.tr("%s failed: %s") % (what, error_text(exc)))
        elif isinstance(exc, InvalidNumber):
            self.notified.emit(
                "error", self.tr("Cannot dial “%s”: %s") % (exc.source, number_reason(exc))
            )
        else:
            log.error("unexpected error during %s", what, exc_info=exc)
            self.notified.emit(
                "error",
                self.tr("%s failed because of an internal error (details in the log).") % what,
            )

    def _reconcile(self, exc: CallCenterError) -> bool:
        """Follow a refusal that shows our idea of the agent's state is out of date.

        After a server restart the server no longer knows the login or the break; without this
        the bar would be wedged (End break and Log out refused forever). The break's real
        start is kept in today's log. Returns True when the user has been told.
        """
        message = exc.server_text or error_text(exc)
        state = self.state
        if state.logged_in and says_not_logged_in(message):
            self._set_state(state.logged_out())
            self._set_call(None)
            self.notified.emit(
                "error",
                self.tr(
                    "The server says you are not logged in (“%s”); it may have restarted. "
                    "Log in again."
                )
                % message,
            )
            return True
        if state.on_break and says_not_on_break(message):
            self._set_state(state.break_ended())
            self.notified.emit(
                "warning",
                self.tr("The server says you are not on a break (“%s”); the break is closed here.")
                % message,
            )
            return True
        return False

    def _set_busy(self, delta: int) -> None:
        before = self._busy > 0
        self._busy += delta
        if (self._busy > 0) != before:
            self.busy_changed.emit(self._busy > 0)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    @property
    def dialling(self) -> bool:
        """A dial was sent and has not shown up as a call yet (for DIAL_WATCH_S at most)."""
        return self._dial_until > 0.0

    # -- state ---------------------------------------------------------------------------

    def _set_state(self, state: AgentState) -> None:
        self.state = state
        self.state_changed.emit(state)
        self._reschedule()
        self._spawn_io(self._save_state, state)

    def _set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.settings_changed.emit(settings)
        self._spawn_io(self._save_settings, settings)

    def _spawn_io(self, func: Callable[[Any], None], value: Any) -> None:
        async def write() -> None:
            try:
                await asyncio.to_thread(func, value)
            except OSError as exc:
                log.warning("could not save: %s", exc)
                self.notified.emit(
                    "warning", self.tr("Could not save to disk: %s") % os_error_text(exc)
                )

        self._tasks.start(write(), "saving", report=report_to_loop)

    def remember(self, settings: Settings) -> None:
        """Keep and save settings that do not affect the server (window position, recents)."""
        self._set_settings(settings)

    def apply_settings(self, settings: Settings, client: CallCenterClient | None = None) -> None:
        """Use new settings (and a new client when the server or key changed); poll now."""
        if client is not None:
            self.client = client
        self._set_settings(settings)
        self.poke()

    # -- actions (each returns its task; results arrive as signals) ----------------------

    def login(self) -> asyncio.Task[Any]:
        return self._spawn(self._login(), self.tr("Log in"))

    async def _login(self) -> None:
        agent = self.settings.agent
        ack = await self.client.login_agent(agent)
        self._set_state(self.state.logged_in_as(agent))
        self.notified.emit("info", with_server_text(self.tr("Logged in."), ack.message))
        # Its own task: a failure there is not a failed login, and nobody asked for it.
        self._spawn(self._refresh_reasons(), self.tr("Loading break reasons"), asked=False)
        self.poke()

    def logout(self) -> asyncio.Task[Any]:
        return self._spawn(self._logout(), self.tr("Log out"))

    async def _logout(self) -> None:
        ack = await self.client.logout_agent(self.state.agent or self.settings.agent)
        self._set_state(self.state.logged_out())
        self._set_call(None)
        self.notified.emit("info", with_server_text(self.tr("Logged out."), ack.message))

    def refresh_reasons(self) -> asyncio.Task[Any]:
        return self._spawn(self._refresh_reasons(), self.tr("Loading break reasons"))

    async def _refresh_reasons(self) -> None:
        reasons = [BreakReason(r.id, r.name) for r in await self.client.break_list()]
        if tuple(reasons) != self.state.break_reasons:
            self._set_state(self.state.with_reasons(reasons))

    def start_break(self, reason: BreakReason) -> asyncio.Task[Any]:
        return self._spawn(self._start_break(reason), self.tr("Starting the break"))

    async def _start_break(self, reason: BreakReason) -> None:
        ack = await self.client.break_start(self.state.agent or self.settings.agent, reason.id)
        self._set_state(self.state.break_started(reason, clock.time()))
        self.notified.emit("info", with_server_text(self.tr("Break started."), ack.message))

    def change_break(self, reason: BreakReason) -> asyncio.Task[Any]:
        """End the running break and start one with ``reason`` (the timer starts again)."""
        return self._spawn(self._change_break(reason), self.tr("Changing the break reason"))

    async def _change_break(self, reason: BreakReason) -> None:
        if self.state.on_break:
            await self._end_break()
        await self._start_break(reason)

    def end_break(self) -> asyncio.Task[Any]:
        return self._spawn(self._end_break(), self.tr("Ending the break"))

    async def _end_break(self) -> None:
        result = await self.client.break_end(self.state.agent or self.settings.agent)
        # The server's own record of the break wins over ours when it is plausible.
        now = clock.time()
        seen = self.state.on_break.started_at if self.state.on_break else now
        start, end = break_times(seen, now, result.start, result.end)
        self._set_state(self.state.break_ended(end, started_at=start))
        self.notified.emit("info", with_server_text(self.tr("Break ended."), result.message))

    def parse_number(self, text: str) -> DialTarget:
        """Normalise ``text`` as the dial field would, or find the one number inside it;
        raises InvalidNumber (SeveralNumbers when it holds more than one). Pure, fast."""
        fmt = DialFormat(self.settings.dial_format)
        return parse_dial_text(text, region=self.settings.region, fmt=fmt)

    def dial(self, text: str) -> asyncio.Task[Any]:
        return self._spawn(self._dial(text), self.tr("Dialling"))

    async def _dial(self, text: str) -> None:
        target = self.parse_number(text)
        if not self.state.logged_in:
            # Logged out, the bar does not follow calls: a call placed now could not be shown
            # nor hung up from here (README, "Dialling while logged out").
            self.notified.emit("error", self.tr("Log in to dial."))
            return
        self._tracker.expect_outgoing(target.number)
        # Never retried: a dial whose answer is lost may still ring (see CallCenterClient).
        await self.client.dial(self.settings.extension, target.number)
        self._dial_until = asyncio.get_running_loop().time() + DIAL_WATCH_S
        self.dial_sent.emit(target)
        self.notified.emit("info", self.tr("Calling %s — your phone rings first.") % target.display)
        self._set_settings(with_recent_number(self.settings, target.number))
        self.poke()

    def transfer(self, text: str) -> asyncio.Task[Any]:
        return self._spawn(self._transfer(text), self.tr("Transfer"))

    async def _transfer(self, text: str) -> None:
        target = self.parse_number(text)
        ack = await self.client.redirect(self.settings.extension, target.number)
        self.transferred.emit(target)
        self.notified.emit(
            "info", self.tr("Call transferred to %s.") % (ack.extension or target.display)
        )
        self._set_settings(with_recent_transfer_target(self.settings, target.number))
        self.poke()

    def hangup(self) -> asyncio.Task[Any]:
        return self._spawn(self._hangup(), self.tr("Hang up"))

    async def _hangup(self) -> None:
        ack = await self.client.hangup(self.settings.extension)
        self.hung_up.emit()
        self.notified.emit("info", with_server_text(self.tr("Call ended."), ack.message))
        self.poke()

    # -- polling -------------------------------------------------------------------------

    def _set_call(self, call: CurrentCall | None) -> None:
        if call != self.call:
            if call is not None:
                self._dial_until = 0.0  # the dial became a call (or another call came)
            self.call = call
            self.call_changed.emit(call)
            self._reschedule()

    def _went_offline(self, reason: str, *, auth: bool = False, detail: str = "") -> float:
        """The server did not answer (a poll or an action), or refused the key: the next try
        follows the backoff (core/polling.py), or comes AUTH_RETRY_S later for a refused key
        (at once after the key changes); the offline pill shows when."""
        now = _loop_time()
        if auth:
            delay = self.schedule.refused(now, AUTH_RETRY_S)
        else:
            delay = self.schedule.failed(now, self.settings.poll_interval_s)
        self.connection = Connection(
            False, reason, clock.time() + delay, auth_failed=auth, detail=detail or reason
        )
        self.connection_changed.emit(self.connection)
        self._reschedule()
        return delay

    def _came_online(self) -> None:
        self.schedule.succeeded(_loop_time())
        if not self.connection.online:
            self.connection = Connection(True)
            self.connection_changed.emit(self.connection)
            self.notified.emit("info", self.tr("The server answers again."))

    async def poll_once(self) -> None:
        """One poll: the agent's own channels (``activeCalls``) while logged in, else the
        break reasons.

        The call-center list (``activeCallsCallCenter``) is asked only when it adds
        information: without an extension to find the agent's channels by, or for a call just
        found whose number or duration the live monitor left out. The call is shown as soon
        as the live monitor has it. Read-only calls only (the client retries them). Raises
        CallCenterError.
        """
        if not self.state.logged_in:
            await self._refresh_reasons()
            return
        agent, extension = self.state.agent, self.settings.extension
        if not extension:
            agent_calls, live_calls = await asyncio.gather(
                self.client.active_calls_call_center(), self.client.active_calls()
            )
            self._show_call(pick_current_call(agent, extension, agent_calls, live_calls))
            return
        live_calls = await self.client.active_calls()
        call = pick_current_call(agent, extension, (), live_calls)
        just_found = call is not None and (self.call is None or self.call.key != call.key)
        self._show_call(call)
        if just_found and needs_agent_calls(extension, live_calls):
            agent_calls = await self.client.active_calls_call_center()
            if self.call is call:  # nothing newer meanwhile
                self._set_call(
                    follow(
                        self.call,
                        pick_current_call(agent, extension, agent_calls, live_calls),
                        clock.time(),
                    )
                )

    def _show_call(self, call: CurrentCall | None) -> None:
        call = follow(self.call, call, clock.time())  # the shown timer never jumps back
        if self._tracker.update(call) and call is not None:
            self.incoming_call.emit(call)
        self._set_call(call)

    async def _poll_loop(self) -> None:
        last_tick = clock.time()
        while not self._closed:
            await self.gate.client()  # no poll before the client (and the key) are there
            now = _loop_time()
            if self._dial_until and now >= self._dial_until:
                self._dial_until = 0.0  # the dial never showed up as a call: the usual rate
            due = (
                now
                if self._poll_now
                else self.schedule.due(self.activity, self.settings.poll_interval_s)
            )
            if due is None or due > now:
                wake_at = due
                if self._dial_until:
                    wake_at = self._dial_until if due is None else min(due, self._dial_until)
                self._wake.clear()  # a poke or a change of activity ends the wait
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._wake.wait(), timeout=None if wake_at is None else wake_at - now
                    )
                wall = clock.time()
                expected = math.inf if wake_at is None else wake_at - now
                if wall - last_tick > expected + WAKE_GAP_S:
                    log.info("clock jumped %.0f s (sleep or wake-up): resyncing", wall - last_tick)
                    self.schedule.reset_backoff(_loop_time())
                last_tick = wall
                continue  # work the schedule out again: the activity may have changed
            self._poll_now = False
            try:
                await self.poll_once()
            except AuthError as exc:
                self._went_offline(error_text(exc), auth=True, detail=exc.message)
            except CallCenterError as exc:
                self._went_offline(error_text(exc), detail=exc.message)
            except Exception:
                log.exception("poll failed")
                self._went_offline(self.tr("internal error (details in the log)"))
            else:
                self._came_online()
            self.first_poll_done.set()
            last_tick = clock.time()


def _loop_time() -> float:
    """The running event loop's clock (monotonic; simulated in the fleet bench and tests)."""
    return asyncio.get_running_loop().time()
