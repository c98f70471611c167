"""One worker thread for CPU-bound Python work: decoding long replies, building and merging
thousands of rows.

Pure-Python work in a thread still takes turns with the GUI thread on the GIL. Two such
workers at once (the two soundRecords replies of the side panel arrive together) leave the GUI
thread a third of the turns, and its timers late by tens of milliseconds; one at a time leaves
it half (bench/responsiveness.py). Disk and keyring work, which waits more than it computes,
stays on the loop's default executor.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

#: Rows freed at a time by :func:`free_in_pieces` (between two pieces other threads get a turn).
PIECE = 512

_LANE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agentbar-cpu")
_queued = [0]  # jobs given to the lane and not finished (changed on the loop thread only)


async def on_cpu_lane[T](func: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``await func(*args, **kwargs)`` on the one CPU worker thread, in turn with the others."""
    loop = asyncio.get_running_loop()
    _queued[0] += 1
    try:
        return await loop.run_in_executor(_LANE, functools.partial(func, *args, **kwargs))
    finally:
        _queued[0] -= 1


def cpu_lane_busy() -> bool:
    """Whether rows are being decoded or built on the lane now (see ui/gc_guard.py)."""
    return _queued[0] > 0


def free_in_pieces(held: list[Any]) -> None:
    """Let go of what ``held`` holds (lists of rows, and anything else), a piece at a time.

    Freeing 10,000 rows is several milliseconds of C work that never hands over the GIL;
    where the last reference goes, the work happens. Called on the CPU lane with the only
    reference to a load's transient or replaced rows, it frees them there, :data:`PIECE` rows
    at a time, so the GUI thread neither does it nor waits for it in one piece
    (bench/responsiveness.py). Lists still referenced elsewhere are not changed: their rows
    stay alive.
    """
    pieces: list[list[Any]] = []
    while held:
        item = held.pop()
        if isinstance(item, list) and len(item) > PIECE:
            pieces.extend(item[i : i + PIECE] for i in range(0, len(item), PIECE))
        del item  # only references go here; rows die below, with their piece
    while pieces:
        pieces.pop()


async def let_go(held: list[Any]) -> None:
    """:func:`free_in_pieces` on the CPU lane. ``held`` must be the only reference the caller
    keeps: drop your own names for its items first."""
    await on_cpu_lane(free_in_pieces, held)
