"""When the bar polls the server: a rate for each of the agent's activities, jitter, backoff.

The vendor API has no push, so a bar learns of calls by polling; a floor of bars is a load
on the PBX (every ``activeCalls`` is answered from Asterisk's channel list). The schedule
asks as often as the agent's activity needs and no more, all derived from the one setting
IT sees, the ready interval (``Settings.poll_interval_s``):

==================  =================================  =====================================
activity            interval (ready interval R)        with the default R = 2 s
==================  =================================  =====================================
logged out          none                               0 requests/s
ready, idle         R                                  0.5 requests/s
on a break          5 R                                0.1 requests/s
call, ringing,      R / 2, never under 1 s (unless R   1 request/s
after a dial        itself is shorter), never over R
==================  =================================  =====================================

A call ringing the agent's own extension is in ``activeCalls``: one request per poll.

Bars started together by a login script must not poll in step: after the first poll the
phase is drawn at random over one whole interval, and every later interval is stretched or
shrunk by up to :data:`JITTER`. After a failure the next try follows exponential backoff
with full jitter (a uniform draw between 0 and ``min(cap, R * 2**n)``,
https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/), so a server that
comes back after an outage sees the floor spread over many seconds instead of all at once.

Pure and clock-free: the caller passes monotonic times (the event loop's clock) and gets
absolute due times back, so the schedule is tested with a simulated clock and no sleeps.
"""

from __future__ import annotations

import enum
import math
import random

#: Each interval is drawn from [1 - JITTER, 1 + JITTER] times its nominal length.
JITTER = 0.1
#: A break polls this many times more slowly than ready (a direct call can still arrive).
BREAK_FACTOR = 5.0
#: During a call, while ringing and after a dial: this fraction of the ready interval ...
ACTIVE_FACTOR = 0.5
#: ... but not more often than once per this many seconds (unless the ready interval is shorter).
ACTIVE_MIN_S = 1.0
#: The longest wait between two tries while the server does not answer.
BACKOFF_CAP_S = 60.0
#: How long after a dial the bar polls at the call rate while the call has not appeared yet.
DIAL_WATCH_S = 30.0


class Activity(enum.Enum):
    """What the agent is doing, as far as the polling rate is concerned."""

    LOGGED_OUT = "logged out"
    READY = "ready"
    BREAK = "break"
    ACTIVE = "call"  # on a call, being rung, or just dialled


def activity_of(*, logged_in: bool, on_break: bool, on_call: bool, dialling: bool) -> Activity:
    """The activity for these facts; a call (or a dial) counts before a break."""
    if not logged_in:
        return Activity.LOGGED_OUT
    if on_call or dialling:
        return Activity.ACTIVE
    return Activity.BREAK if on_break else Activity.READY


def interval_s(activity: Activity, ready_s: float) -> float | None:
    """The nominal interval between two polls for ``activity``; None: no polling at all."""
    if activity is Activity.LOGGED_OUT:
        return None
    if activity is Activity.BREAK:
        return ready_s * BREAK_FACTOR
    if activity is Activity.ACTIVE:
        return min(ready_s, max(ready_s * ACTIVE_FACTOR, ACTIVE_MIN_S))
    return ready_s


class PollSchedule:
    """When the next poll is due, from the last poll, the activity and the failures so far.

    ``rng`` draws the jitter (one ``random.Random`` per bar; tests and the fleet bench seed
    it). Times are monotonic seconds chosen by the caller.
    """

    def __init__(self, rng: random.Random | None = None, *, jitter: float = JITTER) -> None:
        self._rng = rng or random.Random()
        self._jitter = jitter
        self._last: float | None = None  # the last successful poll
        self._stretch = 1.0  # this interval's jitter factor, drawn at the last poll
        self._retry_at: float | None = None  # while failing: the next try
        self.failures = 0

    @property
    def offline(self) -> bool:
        """True from a failure until the next success."""
        return self._retry_at is not None

    def due(self, activity: Activity, ready_s: float) -> float | None:
        """The monotonic time of the next poll (``-inf``: now); None when none is due.

        Asked again whenever the activity changes: the new rate applies from the last poll,
        so ending a break 8 s after the last poll polls at once, not 2 s after the next one.
        While failing, the backoff's time holds whatever the activity.
        """
        if self._retry_at is not None:
            return self._retry_at
        if self._last is None:
            return None if activity is Activity.LOGGED_OUT else -math.inf
        nominal = interval_s(activity, ready_s)
        if nominal is None:
            return None
        return self._last + nominal * self._stretch

    def succeeded(self, now: float) -> None:
        """A poll was answered at ``now``: draw the next interval's jitter."""
        if self._last is None:
            # The first poll: a random phase over one whole interval (mean 1, so the rate
            # stays), so bars started together spread out at once.
            self._stretch = self._rng.uniform(0.5, 1.5)
        else:
            self._stretch = self._rng.uniform(1 - self._jitter, 1 + self._jitter)
        self._last = now
        self._retry_at = None
        self.failures = 0

    def failed(self, now: float, ready_s: float) -> float:
        """A poll (or an action) found the server unreachable at ``now``: returns the seconds
        until the next try, drawn with full jitter from an exponentially growing window."""
        window = min(BACKOFF_CAP_S, ready_s * 2.0**self.failures)
        self.failures += 1
        delay = self._rng.uniform(0.0, window)
        self._retry_at = now + delay
        return delay

    def refused(self, now: float, wait_s: float) -> float:
        """The server refused the API key at ``now``: no fast retries against a refusing
        server; the next try comes ``wait_s`` later (drawn from its upper half, so a floor
        whose shared key was revoked does not come back in step), or at once through
        :meth:`reset_backoff` when the key changes. Returns the seconds until then."""
        delay = self._rng.uniform(wait_s / 2.0, wait_s)
        self._retry_at = now + delay
        return delay

    def reset_backoff(self, now: float) -> None:
        """Try again now, from the smallest window (after the computer woke up)."""
        self.failures = 0
        if self._retry_at is not None:
            self._retry_at = now
