"""The agent's logged-in and break state, persisted so that a restart or a crash resumes it.

The API has no status query: AgentBar knows the agent's state from its own successful calls.
This module holds that knowledge as an immutable value and stores it atomically on disk.
Times are wall-clock epoch seconds (a break started before a reboot is still counted).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.core import clock
from agentbar.core.paths import DamagedFile, read_json_object, set_aside, write_atomic

log = logging.getLogger(__name__)

MAX_BREAK_LOG = 200


@dataclass(frozen=True, slots=True)
class BreakReason:
    """A break reason as the server lists it (cached for offline display)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ActiveBreak:
    """The break in progress: its reason and when it started (epoch seconds)."""

    reason_id: str
    reason_name: str
    started_at: float

    def elapsed(self, now: float | None = None) -> float:
        """Seconds since the break started (never negative)."""
        return max(0.0, (clock.time() if now is None else now) - self.started_at)


@dataclass(frozen=True, slots=True)
class BreakRecord:
    """A finished break, kept for today's summary."""

    reason_id: str
    reason_name: str
    started_at: float
    ended_at: float

    @property
    def duration_s(self) -> float:
        return max(0.0, self.ended_at - self.started_at)


@dataclass(frozen=True, slots=True)
class AgentState:
    """What the agent is doing, as far as AgentBar's own successful calls tell."""

    logged_in: bool = False
    agent: str = ""
    on_break: ActiveBreak | None = None
    break_reasons: tuple[BreakReason, ...] = ()
    break_log: tuple[BreakRecord, ...] = field(default_factory=tuple)

    def logged_in_as(self, agent: str) -> AgentState:
        return replace(self, logged_in=True, agent=agent, on_break=None)

    def logged_out(self, now: float | None = None) -> AgentState:
        ended = self.break_ended(now) if self.on_break else self
        return replace(ended, logged_in=False, on_break=None)

    def break_started(self, reason: BreakReason, started_at: float) -> AgentState:
        return replace(self, on_break=ActiveBreak(reason.id, reason.name, started_at))

    def break_ended(
        self, now: float | None = None, *, started_at: float | None = None
    ) -> AgentState:
        """End the break; ``started_at``/``now`` may come from the server's own record."""
        current = self.on_break
        if current is None:
            return self
        end = clock.time() if now is None else now
        start = current.started_at if started_at is None else started_at
        record = BreakRecord(current.reason_id, current.reason_name, start, end)
        return replace(self, on_break=None, break_log=(*self.break_log, record)[-MAX_BREAK_LOG:])

    def with_reasons(self, reasons: Iterable[BreakReason]) -> AgentState:
        return replace(self, break_reasons=tuple(reasons))

    def break_seconds_on(self, day: date, now: float | None = None) -> float:
        """Total break time that started on ``day`` (local time), including a running break
        (counted up to ``now``, the current time unless given)."""
        total = 0.0
        for rec in self.break_log:
            if datetime.fromtimestamp(rec.started_at).date() == day:
                total += rec.duration_s
        if self.on_break and datetime.fromtimestamp(self.on_break.started_at).date() == day:
            total += self.on_break.elapsed(now)
        return total


def _decode(data: Any) -> AgentState:
    if not isinstance(data, dict):
        raise ValueError("state is not an object")
    brk = data.get("on_break")
    return AgentState(
        logged_in=bool(data.get("logged_in", False)),
        agent=str(data.get("agent", "")),
        on_break=ActiveBreak(
            str(brk["reason_id"]), str(brk["reason_name"]), float(brk["started_at"])
        )
        if isinstance(brk, dict)
        else None,
        break_reasons=tuple(
            BreakReason(str(r["id"]), str(r["name"])) for r in data.get("break_reasons", [])
        ),
        break_log=tuple(
            BreakRecord(
                str(r["reason_id"]),
                str(r["reason_name"]),
                float(r["started_at"]),
                float(r["ended_at"]),
            )
            for r in data.get("break_log", [])
        )[-MAX_BREAK_LOG:],
    )


def load_state(path: Path) -> tuple[AgentState, str | None]:
    """Read the persisted state; a missing file is the empty state.

    A damaged file is kept aside (``NAME.corrupt-…``) and the empty state returned with a
    message. Blocks on disk I/O.
    """
    try:
        data = read_json_object(path)
    except OSError as exc:
        unreadable = QT_TRANSLATE_NOOP("agent_state", "Could not read the saved agent state.")
        return AgentState(), f"{unreadable} ({exc.strerror})"
    except DamagedFile as exc:
        return _reset(path, str(exc))
    if data is None:
        return AgentState(), None
    try:
        return _decode(data), None
    except (ValueError, KeyError, TypeError) as exc:
        return _reset(path, f"unexpected content ({type(exc).__name__})")


def _reset(path: Path, reason: str) -> tuple[AgentState, str]:
    with contextlib.suppress(OSError):
        backup = set_aside(path)
        log.warning("agent state file was damaged (%s); kept as %s", reason, backup.name)
    return AgentState(), QT_TRANSLATE_NOOP(
        "agent_state", "The saved agent state was damaged and has been reset."
    )


def save_state(path: Path, state: AgentState) -> None:
    """Write the state atomically (owner-only). Blocks on disk I/O; raises OSError."""
    write_atomic(path, json.dumps(asdict(state), ensure_ascii=False, indent=1).encode("utf-8"))


#: How far the server's break times may lie from what this machine saw (clock skew).
BREAK_TIME_TOLERANCE_S = 5 * 60


def break_times(
    seen_start: float,
    seen_end: float,
    server_start: datetime | None,
    server_end: datetime | None,
    *,
    tolerance_s: float = BREAK_TIME_TOLERANCE_S,
) -> tuple[float, float]:
    """The start and end (epoch seconds) to record for a break that just ended.

    ``seen_*`` are the times this machine saw (its breakStart and breakEnd answers);
    ``server_*`` the server's own record from breakEnd. The server's times are taken only
    when both are there and plausible: the end not before the start, and each within
    ``tolerance_s`` of what this machine saw. A vendor server may answer fixed, empty or
    other-time-zone times; a break recorded years or hours away would vanish from today's
    summary, so then this machine's times are kept, both of them.
    """
    if server_start is None or server_end is None:
        return seen_start, seen_end
    try:
        start, end = server_start.timestamp(), server_end.timestamp()
    except (OverflowError, OSError, ValueError):  # a year 1 or 9999 from a broken server
        return seen_start, seen_end
    plausible = (
        start <= end
        and abs(start - seen_start) <= tolerance_s
        and abs(end - seen_end) <= tolerance_s
    )
    return (start, end) if plausible else (seen_start, seen_end)
