"""The wall clock behind every date and time the agent sees: break timers, call timers, "today".

One place to read it, so that the tests can pin it to the simulator's clock (the simulated PBX
and the bar then agree on what "now" and "today" are, whatever the real date) and so that no
module reads the wall clock its own way (tests/test_layers.py checks). Intervals and deadlines
use ``time.monotonic()`` instead: they must not jump when the wall clock is set.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import date, datetime

_source: list[Callable[[], float]] = [_time.time]


def time() -> float:
    """Seconds since the epoch, now (``time.time()`` unless a test pinned the clock)."""
    return _source[0]()


def now() -> datetime:
    """The local date and time, now (naive, like the PBX's ``YYYY-MM-DD HH:MM:SS``)."""
    return datetime.fromtimestamp(_source[0]())


def today() -> date:
    """The local date, now."""
    return now().date()


def follow(source: Callable[[], float] | None) -> None:
    """Read the time from ``source`` (seconds since the epoch) from now on; None: the wall
    clock again. For tests and the simulator only."""
    _source[0] = source if source is not None else _time.time
