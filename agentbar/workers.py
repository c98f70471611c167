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
