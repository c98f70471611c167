"""The agent's current call, read from the two active-call modules, and new-call detection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from agentbar.core import clock

if TYPE_CHECKING:  # annotations only: the models load with the first reply
    from agentbar.api.models import AgentCall, LiveCall


Direction = Literal["in", "out", ""]
_IN_WORDS = {"in", "inbound", "incoming", "gelen", "giris", "giriş"}
_OUT_WORDS = {"out", "outbound", "outgoing", "giden", "cikis", "çıkış"}


@dataclass(frozen=True, slots=True)
class CurrentCall:
    """The call the agent is on (or being rung for).

    ``key`` identifies the call across polls (the channel when known, else the number), so that
    a new call can be told from the same call seen again.
    """

    key: str
    number: str
    direction: Direction
    started_at: float
    state: str = ""
    ringing: bool = False
    #: When the call was answered (epoch seconds); None while it rings. See :func:`follow`.
    answered_at: float | None = None

    def elapsed(self, now: float | None = None) -> float:
        """Talk time: seconds since the answer (since the call began when not known)."""
        start = self.started_at if self.answered_at is None else self.answered_at
        return max(0.0, (clock.time() if now is None else now) - start)


def _direction(text: str) -> Direction:
    word = text.strip().lower()
    if word in _IN_WORDS:
        return "in"
    if word in _OUT_WORDS:
        return "out"
    return ""


#: ``activeCalls`` words that say a channel is answered, and that it is still ringing. The
#: channel state and the application may sit in ``yon`` or ``islem`` (api.md reads both):
#: an answered state wins over a ringing application (the agent's leg stays ``AppDial``).
_ANSWERED_WORDS = frozenset({"up", "bridge", "bridged"})
_RINGING_WORDS = frozenset({"ring", "ringing", "dial", "dialing", "appdial", "down"})


def is_ringing(call: LiveCall) -> bool:
    """Whether the live-monitor row is a channel that rings (or dials) and is not up yet."""
    words = {call.direction.strip().lower(), call.application.strip().lower()}
    if words & _ANSWERED_WORDS:
        return False
    return bool(words & _RINGING_WORDS)


def _on_extension(call: LiveCall, extension: str) -> bool:
    if call.extension == extension:
        return True
    channel = call.channel
    return f"/{extension}-" in channel or channel.endswith(f"/{extension}")


def pick_current_call(
    agent: str,
    extension: str,
    agent_calls: Sequence[AgentCall],
    live_calls: Sequence[LiveCall],
    now: float | None = None,
) -> CurrentCall | None:
    """The agent's call from ``activeCallsCallCenter`` and ``activeCalls`` rows, or None.

    The live monitor gives the direction and a duration; the call-center list gives the
    agent's number and a start time. The timer starts from the duration when there is one
    (immune to a server clock that differs from ours), else from the start time.
    """
    now = clock.time() if now is None else now
    live = next((c for c in live_calls if extension and _on_extension(c, extension)), None)
    acc = next((c for c in agent_calls if agent and c.agent_number == agent), None)
    if live is None and acc is None:
        return None
    number = (live.caller_number if live else "") or (acc.phone if acc else "")
    started = now
    if live is not None and live.duration_s is not None:
        started = now - live.duration_s
    elif acc is not None and acc.start is not None:
        started = min(now, acc.start.timestamp())
    key = (live.channel if live and live.channel else "") or f"{extension}:{number}"
    direction = _direction(live.direction) if live else ""
    state = (live.application if live else "") or (acc.state_text if acc else "")
    ringing = live is not None and is_ringing(live)
    return CurrentCall(key, number, direction, started, state, ringing)


#: A server duration within this many seconds of the shown timer does not move it.
TIMER_TOLERANCE_S = 2.0


def follow(
    previous: CurrentCall | None, fresh: CurrentCall | None, now: float
) -> CurrentCall | None:
    """``fresh`` (this poll's call) with the timer carried over from ``previous`` (the last).

    The server's duration is in whole seconds and a poll takes time, so a new start worked
    out from it wobbles: the shown timer keeps its start unless the server's differs by more
    than TIMER_TOLERANCE_S (then both start and answer move by that much). The talk timer
    starts when a poll first sees the call answered; a call first seen already answered
    (after a restart) counts from the server's duration.
    """
    if fresh is None:
        return None
    if previous is None or previous.key != fresh.key:
        return replace(fresh, answered_at=None if fresh.ringing else fresh.started_at)
    delta = fresh.started_at - previous.started_at
    shift = delta if abs(delta) > TIMER_TOLERANCE_S else 0.0
    if fresh.ringing:
        answered: float | None = None
    elif previous.answered_at is None:
        answered = now
    else:
        answered = previous.answered_at + shift
    return replace(fresh, started_at=previous.started_at + shift, answered_at=answered)


def needs_agent_calls(extension: str, live_calls: Sequence[LiveCall]) -> bool:
    """Whether ``activeCallsCallCenter`` would add to what the live monitor says of the call
    on ``extension``: its number or its start, when the live monitor left them out."""
    live = next((c for c in live_calls if extension and _on_extension(c, extension)), None)
    return live is None or not live.caller_number or live.duration_s is None


#: How many of our own recent dials are remembered (a dial that never became a call —
#: refused, busy, unanswered — must not be remembered for the rest of the shift).
MAX_EXPECTED_DIALS = 16


class CallTracker:
    """Feeds on each poll's current call and says when a call is new (and incoming)."""

    def __init__(self) -> None:
        self._last_key: str | None = None
        self._dialled: dict[str, None] = {}  # insertion-ordered: the oldest is dropped first

    def expect_outgoing(self, number: str) -> None:
        """A dial we asked for: its call must not be announced as incoming.

        Only the last MAX_EXPECTED_DIALS numbers are kept, so the set stays bounded however
        many dials fail during a shift.
        """
        self._dialled.pop(number, None)
        self._dialled[number] = None
        while len(self._dialled) > MAX_EXPECTED_DIALS:
            del self._dialled[next(iter(self._dialled))]

    @property
    def expected_count(self) -> int:
        """How many dialled numbers are waiting to be seen as calls (bounded)."""
        return len(self._dialled)

    def update(self, call: CurrentCall | None) -> bool:
        """Record ``call``; True when it is a new incoming call to announce."""
        key = call.key if call else None
        is_new = call is not None and key != self._last_key
        self._last_key = key
        if call is None or not is_new:
            return False
        if call.number in self._dialled:
            del self._dialled[call.number]
            return False
        return call.direction == "in"
