"""AgentSession: the agent's actions as async slots over the API, rendered through signals.

Widgets never call the API: they call a session method, which starts a task and returns at
once; the outcome arrives as signals. Every task has one error exit (:meth:`_run`): API
errors become a human message, anything else is logged (redacted) and reported as a bug.
Nothing here blocks the Qt event loop: network through httpx on the qasync loop, disk and
keyring work in worker threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from agentbar.api.errors import AuthError, CallCenterError, NetworkError
from agentbar.core.agent_state import AgentState, BreakReason
from agentbar.core.calls import CallTracker, CurrentCall, follow, pick_current_call
from agentbar.core.phone import DialFormat, DialTarget, InvalidNumber, parse_dial_text
from agentbar.core.refusals import says_not_logged_in, says_not_on_break
from agentbar.core.settings import Settings, with_recent_number, with_recent_transfer_target
from agentbar.ui.messages import error_text, number_reason

if TYPE_CHECKING:
    from agentbar.api.client import CallCenterClient

log = logging.getLogger(__name__)

BACKOFF_S = (2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
IDLE_CHECK_S = 15.0
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


class AgentSession(QObject):
    """The agent's session against one server: login, breaks, calls, polling, offline state.

    ``save_state`` and ``save_settings`` are blocking callables run in a worker thread.
    Made without a ``client``, the session is held until :meth:`release` brings one: the bar
    is shown before the HTTP client and the key are there, and a click meanwhile waits (shown
    as busy) rather than going out keyless.
    """

    state_changed = Signal(object)  # AgentState
    call_changed = Signal(object)  # CurrentCall | None
    connection_changed = Signal(object)  # Connection
    busy_changed = Signal(bool)
    notified = Signal(str, str)  # level: "info" | "warning" | "error", text
    incoming_call = Signal(object)  # CurrentCall
    settings_changed = Signal(object)  # Settings
    dial_sent = Signal(object)  # DialTarget

    def __init__(
        self,
        client: CallCenterClient | None,
        settings: Settings,
        state: AgentState,
        *,
        save_state: Callable[[AgentState], None],
        save_settings: Callable[[Settings], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self.settings = settings
        self.state = state
        self.call: CurrentCall | None = None
        self.connection = Connection(online=True)
        self._save_state = save_state
        self._save_settings = save_settings
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy = 0
        self._tracker = CallTracker()
        self._wake = asyncio.Event()
        self._failures = 0
        self._poller: asyncio.Task[None] | None = None
        self._closed = False
        self._ready = asyncio.Event()  # unset while held: actions wait for release()
        if client is not None:
            self._ready.set()

    @property
    def client(self) -> CallCenterClient:
        """The API client; actions and polls reach it through :meth:`ready_client`, which
        waits while the session is held."""
        if self._client is None:
            raise RuntimeError("the session has no client before release()")
        return self._client

    @client.setter
    def client(self, client: CallCenterClient) -> None:
        self._client = client

    async def ready_client(self) -> CallCenterClient:
        """The client, once the session is not held (the side panel's loads wait here)."""
        if not self._ready.is_set():
            await self._ready.wait()
        return self.client

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start polling (calls while logged in, a light check otherwise)."""
        if self._poller is None:
            self._poller = asyncio.ensure_future(self._poll_loop())

    def release(self, client: CallCenterClient | None = None) -> None:
        """Run the held actions, with ``client`` when the key read meanwhile gave a new one
        (a session made without a client stays held until it gets one)."""
        if client is not None:
            self.client = client
        if self._client is not None:
            self._ready.set()

    async def aclose(self) -> None:
        """Stop polling and wait for running actions (they are never cancelled mid-request)."""
        self._closed = True
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=10)

    def poke(self) -> None:
        """Poll now (after an action, on wake-up, or when the user asks to retry)."""
        self._wake.set()

    # -- the one error exit --------------------------------------------------------------

    def _spawn(
        self, coro: Coroutine[Any, Any, Any], what: str, *, asked: bool = True
    ) -> asyncio.Task[Any]:
        """Run ``coro`` through :meth:`_run`. ``asked=False``: nobody clicked for it, so a
        network failure only turns the bar offline ("Server unreachable"), without a
        "… failed" message over it."""
        task = asyncio.ensure_future(self._run(coro, what, asked=asked))
        self._tasks.add(task)  # keep a reference: an unreferenced task can be collected
        task.add_done_callback(self._tasks.discard)
        return task

    async def _run(self, coro: Awaitable[Any], what: str, *, asked: bool = True) -> Any:
        self._set_busy(+1)
        try:
            if not self._ready.is_set():
                await self._ready.wait()
            return await coro
        except AuthError as exc:
            if self.connection.online or not self.connection.auth_failed:
                self._went_offline(error_text(exc), auth=True)
            self.notified.emit(
                "error", self.tr("The server refused the API key: %s") % error_text(exc)
            )
        except NetworkError as exc:
            self._went_offline(error_text(exc))
            if asked:
                self.notified.emit("error", self.tr("%s failed: %s") % (what, error_text(exc)))
        except CallCenterError as exc:
            if not self._reconcile(exc):
                self.notified.emit("error", self.tr("%s failed: %s") % (what, error_text(exc)))
        except InvalidNumber as exc:
            self.notified.emit(
                "error", self.tr("Cannot dial “%s”: %s") % (exc.source, number_reason(exc))
            )
        except Exception:
            log.exception("unexpected error during %s", what)
            self.notified.emit(
                "error",
                self.tr("%s failed because of an internal error (details in the log).") % what,
            )
        finally:
            self._set_busy(-1)
        return None

    def _reconcile(self, exc: CallCenterError) -> bool:
        """Follow a refusal that shows our idea of the agent's state is out of date.

        After a server restart the server no longer knows the login or the break; without this
        the bar would be wedged (End break and Log out refused forever). The break's real
        start is kept in today's log. Returns True when the user has been told.
        """
        message = str(exc)
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

    # -- state ---------------------------------------------------------------------------

    def _set_state(self, state: AgentState) -> None:
        self.state = state
        self.state_changed.emit(state)
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
                self.notified.emit("warning", self.tr("Could not save to disk: %s") % exc.strerror)

        task = asyncio.ensure_future(write())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

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
        self.notified.emit("info", ack.message or self.tr("Logged in."))
        # Its own task: a failure there is not a failed login, and nobody asked for it.
        self._spawn(self._refresh_reasons(), self.tr("Loading break reasons"), asked=False)
        self.poke()

    def logout(self) -> asyncio.Task[Any]:
        return self._spawn(self._logout(), self.tr("Log out"))

    async def _logout(self) -> None:
        ack = await self.client.logout_agent(self.state.agent or self.settings.agent)
        self._set_state(self.state.logged_out())
        self._set_call(None)
        self.notified.emit("info", ack.message or self.tr("Logged out."))

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
        self._set_state(self.state.break_started(reason, time.time()))
        self.notified.emit("info", ack.message or self.tr("Break started."))

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
        # The server's own record of the break wins over ours when it sends one.
        start = result.start.timestamp() if result.start else None
        end = result.end.timestamp() if result.end else None
        self._set_state(self.state.break_ended(end, started_at=start))
        self.notified.emit("info", result.message or self.tr("Break ended."))

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
        self.dial_sent.emit(target)
        self.notified.emit("info", self.tr("Calling %s — your phone rings first.") % target.display)
        self._set_settings(with_recent_number(self.settings, target.number))
        self.poke()

    def transfer(self, text: str) -> asyncio.Task[Any]:
        return self._spawn(self._transfer(text), self.tr("Transfer"))

    async def _transfer(self, text: str) -> None:
        target = self.parse_number(text)
        ack = await self.client.redirect(self.settings.extension, target.number)
        self.notified.emit(
            "info", self.tr("Call transferred to %s.") % (ack.extension or target.display)
        )
        self._set_settings(with_recent_transfer_target(self.settings, target.number))
        self.poke()

    def hangup(self) -> asyncio.Task[Any]:
        return self._spawn(self._hangup(), self.tr("Hang up"))

    async def _hangup(self) -> None:
        ack = await self.client.hangup(self.settings.extension)
        self.notified.emit("info", ack.message or self.tr("Call ended."))
        self.poke()

    # -- polling -------------------------------------------------------------------------

    def _set_call(self, call: CurrentCall | None) -> None:
        if call != self.call:
            self.call = call
            self.call_changed.emit(call)

    def _went_offline(self, reason: str, *, auth: bool = False) -> float:
        delay = AUTH_RETRY_S if auth else BACKOFF_S[min(self._failures, len(BACKOFF_S) - 1)]
        self._failures += 1
        self.connection = Connection(False, reason, time.time() + delay, auth_failed=auth)
        self.connection_changed.emit(self.connection)
        return delay

    def _came_online(self) -> None:
        self._failures = 0
        if not self.connection.online:
            self.connection = Connection(True)
            self.connection_changed.emit(self.connection)
            self.notified.emit("info", self.tr("The server answers again."))

    async def poll_once(self) -> None:
        """One poll: the current call while logged in, else the break reasons.

        Read-only calls only (the client retries them). Raises CallCenterError.
        """
        if self.state.logged_in:
            agent_calls, live_calls = await asyncio.gather(
                self.client.active_calls_call_center(), self.client.active_calls()
            )
            call = pick_current_call(
                self.state.agent, self.settings.extension, agent_calls, live_calls
            )
            call = follow(self.call, call, time.time())
            if self._tracker.update(call) and call is not None:
                self.incoming_call.emit(call)
            self._set_call(call)
        else:
            await self._refresh_reasons()

    async def _poll_loop(self) -> None:
        last_tick = time.time()
        while not self._closed:
            if not self._ready.is_set():
                await self._ready.wait()  # held: no poll before the client (and key) are there
            delay = self.settings.poll_interval_s if self.state.logged_in else IDLE_CHECK_S
            self._wake.clear()  # a poke during the poll below makes the next wait return at once
            try:
                await self.poll_once()
            except AuthError as exc:
                delay = self._went_offline(error_text(exc), auth=True)
            except CallCenterError as exc:
                delay = self._went_offline(error_text(exc))
            except Exception:
                log.exception("poll failed")
                delay = self._went_offline(self.tr("internal error (details in the log)"))
            else:
                self._came_online()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
            now = time.time()
            if now - last_tick > delay + WAKE_GAP_S:
                log.info("clock jumped %.0f s (sleep or wake-up): resyncing", now - last_tick)
                self._failures = 0
            last_tick = now
