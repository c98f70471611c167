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


async def on_cpu_lane[T](func: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``await func(*args, **kwargs)`` on the one CPU worker thread, in turn with the others."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_LANE, functools.partial(func, *args, **kwargs))


#: Items freed per step by release(): the GUI thread gets the GIL back between two steps.
RELEASE_STEP = 256


def release(container: list[Any] | dict[Any, Any]) -> None:
    """Free a big list or dict on the CPU worker, a slice at a time, instead of at once here.

    Dropping the last reference to 10,000 rows frees a few hundred thousand objects in one
    C call, ~10 ms with the GIL held: where the GUI thread replaces a table's rows, that is a
    stall (bench/responsiveness.py). The caller hands over the container and keeps no other
    reference to it; plain data only (a Qt object must die on its own thread).
    """
    _LANE.submit(_drain, container)


def _drain(container: list[Any] | dict[Any, Any]) -> None:
    if isinstance(container, dict):
        while container:
            for _ in range(min(RELEASE_STEP, len(container))):
                container.popitem()
    else:
        while container:
            del container[-RELEASE_STEP:]
