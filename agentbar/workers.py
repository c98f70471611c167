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
import time
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


#: Items freed per step by free_on_cpu_lane(), and the pause after each step: the GUI thread
#: gets the GIL back between two steps, for sure (a thread that only lets go of it at the
#: interpreter's switch interval makes each of the GUI thread's many short Python calls wait).
FREE_STEP = 256
FREE_PAUSE_S = 0.001
#: Seconds after the hand-over at which free_on_cpu_lane() starts: past the repaint that follows.
FREE_AFTER_S = 0.5


def free_on_cpu_lane(container: list[Any] | dict[Any, Any]) -> None:
    """Free a big list or dict on the CPU worker, a slice at a time, a little later.

    Dropping the last reference to 10,000 rows frees a few hundred thousand objects in one
    C call, ~10 ms with the GIL held: where the GUI thread replaces a table's rows, that is a
    stall (bench/responsiveness.py). Freeing them on the worker right away would compete for
    the GIL with the repaint of the new rows (hundreds of short Python calls), so it starts
    FREE_AFTER_S later. The caller hands over the container and keeps no other reference
    to it; plain data only (a Qt object must die on its own thread).
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # no event loop here: free it on the worker now
        _LANE.submit(_drain, container)
        return
    loop.call_later(FREE_AFTER_S, _LANE.submit, _drain, container)


def _drain(container: list[Any] | dict[Any, Any]) -> None:
    while container:
        if isinstance(container, dict):
            for _ in range(min(FREE_STEP, len(container))):
                container.popitem()
        else:
            del container[-FREE_STEP:]
        time.sleep(FREE_PAUSE_S)
