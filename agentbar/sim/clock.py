"""An injectable, thread-safe simulation clock with a time scale for accelerated time."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta


class SimClock:
    """Local wall-clock time as the simulated PBX sees it.

    ``now()`` starts at ``start`` (default: the real local time at creation) and runs
    ``time_scale`` times faster than real time. ``advance()`` jumps forward, which is how
    tests pass a ringing phase or a whole call without sleeping. Naive datetimes, like the
    ``YYYY-MM-DD HH:MM:SS`` strings Asterisk writes.
    """

    def __init__(self, time_scale: float = 1.0, start: datetime | None = None) -> None:
        if time_scale <= 0:
            raise ValueError("time_scale must be > 0")
        self._lock = threading.Lock()
        self._scale = float(time_scale)
        self._base = (start or datetime.now()).replace(microsecond=0)
        self._mono = time.monotonic()
        self._offset = 0.0

    @property
    def time_scale(self) -> float:
        """How many simulated seconds pass per real second."""
        return self._scale

    def now(self) -> datetime:
        """The current simulated time (never goes backwards)."""
        with self._lock:
            elapsed = (time.monotonic() - self._mono) * self._scale + self._offset
        return self._base + timedelta(seconds=elapsed)

    def advance(self, seconds: float) -> None:
        """Jump the simulated time forward by ``seconds`` (must be >= 0)."""
        if seconds < 0:
            raise ValueError("the clock cannot go backwards")
        with self._lock:
            self._offset += seconds

    def real_seconds(self, sim_seconds: float) -> float:
        """How long ``sim_seconds`` of simulated time take in real time."""
        return sim_seconds / self._scale
