"""Connects the session's signals to the activity log (lines worded in core/activity.py).

One line per action and state change, on the ``agentbar.activity`` logger, which the run's
rotating, redacted log file receives (core/logsetup.py). Nothing here changes the session:
it only listens.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from agentbar.api.errors import CallCenterError
from agentbar.core import activity, clock
from agentbar.core.agent_state import AgentState
from agentbar.core.calls import CurrentCall
from agentbar.core.phone import DialTarget
from agentbar.ui.agent_session import AgentSession, Connection

log = logging.getLogger(activity.LOGGER)


class ActivityLog(QObject):
    """Writes the session's actions and state changes to the activity log while it lives."""

    def __init__(self, session: AgentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._state = session.state
        self._online = session.connection.online
        self._outage_since: float | None = None if self._online else clock.time()
        self._call: CurrentCall | None = session.call
        session.state_changed.connect(self._on_state_changed)
        session.connection_changed.connect(self._on_connection_changed)
        session.call_changed.connect(self._on_call_changed)
        session.dial_sent.connect(self._on_dial_sent)
        session.transferred.connect(self._on_transferred)
        session.hung_up.connect(self._on_hung_up)
        session.refused.connect(self._on_refused)

    @property
    def _full(self) -> bool:
        return self.session.settings.log_full_numbers

    def _on_state_changed(self, state: AgentState) -> None:
        before, self._state = self._state, state
        if before.on_break and not state.on_break:
            brk = before.on_break
            seconds = state.break_log[-1].duration_s if state.break_log else brk.elapsed()
            log.info(activity.break_ended(brk.reason_name, brk.reason_id, seconds))
        if state.logged_in and not before.logged_in:
            log.info(activity.logged_in(state.agent, self.session.settings.extension))
        elif before.logged_in and not state.logged_in:
            log.info(activity.logged_out(before.agent))
        if state.on_break and state.on_break != before.on_break:
            log.info(activity.break_started(state.on_break.reason_name, state.on_break.reason_id))

    def _on_connection_changed(self, connection: Connection) -> None:
        if connection.online == self._online:
            return  # another failed retry of the same outage: one line per outage
        self._online = connection.online
        if not connection.online:
            self._outage_since = clock.time()
            log.warning(activity.outage_started(connection.detail or connection.reason))
        else:
            since, self._outage_since = self._outage_since, None
            log.info(activity.outage_ended(clock.time() - since if since else 0.0))

    def _on_call_changed(self, call: CurrentCall | None) -> None:
        self._call = call

    def _on_dial_sent(self, target: DialTarget) -> None:
        log.info(activity.dialled(target.number, full=self._full))

    def _on_transferred(self, target: DialTarget) -> None:
        log.info(activity.transferred(target.number, full=self._full))

    def _on_hung_up(self) -> None:
        number = self._call.number if self._call is not None else ""
        log.info(activity.hung_up(number or "", full=self._full))

    def _on_refused(self, what: str, exc: CallCenterError) -> None:
        # The API module's name, not the (translated) action: the log reads the same anywhere.
        log.warning(activity.refused(exc.module or what, exc.message))


def start_activity_log(session: AgentSession, parent: QObject) -> ActivityLog:
    """Write the start lines (version, OS, settings without secrets), then follow ``session``."""
    from PySide6 import __version__ as pyside_version

    from agentbar import __version__

    for line in activity.start_lines(__version__, session.settings, pyside_version):
        log.info(line)
    return ActivityLog(session, parent)
