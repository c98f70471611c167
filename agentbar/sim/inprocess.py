"""The simulator without sockets or waiting: an in-process httpx transport and a fast clock.

For the fleet bench (``python -m bench fleet``) and tests of what happens over minutes or
hours of polling: hundreds of bars' own session and client code talk to one simulator
through :func:`transport` (httpx's ``MockTransport`` over :meth:`Simulator.answer`), on a
:class:`VirtualTimeLoop` whose clock jumps to the next timer whenever nothing is ready, with
the simulator's clock (:class:`LoopClock`) following it. An hour of a floor's polling then
takes as long as the work it does, not an hour.

Nothing here may block on real I/O or threads: the virtual loop's executor runs jobs inline.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

import httpx

from agentbar.sim.clock import SimClock
from agentbar.sim.simulator import Simulator


class _JumpingSelector(selectors.BaseSelector):
    """A selector that never waits: with nothing ready it moves the loop's clock instead."""

    def __init__(self, advance: Callable[[float], None]) -> None:
        self._real = selectors.DefaultSelector()
        self._advance = advance

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        return self._real.unregister(fileobj)

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.modify(fileobj, events, data)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        ready = self._real.select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None:  # nothing scheduled at all: only a real event can come
            return self._real.select(None)
        self._advance(timeout)
        return []

    def close(self) -> None:
        self._real.close()

    def get_key(self, fileobj: Any) -> selectors.SelectorKey:
        return self._real.get_key(fileobj)

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        return self._real.get_map()


class _InlineExecutor(ThreadPoolExecutor):
    """Runs each job at once in the calling thread (a worker thread would finish in real
    time, which the virtual clock does not wait for). asyncio wants a ThreadPoolExecutor; no
    thread is ever started."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An asyncio loop on simulated time: ``time()`` starts at 0 and, whenever no callback is
    ready, jumps to the next timer. Timers, ``asyncio.sleep`` and ``wait_for`` all follow it."""

    def __init__(self) -> None:
        self._now = 0.0
        super().__init__(_JumpingSelector(self._advance))
        self.set_default_executor(_InlineExecutor())

    def _advance(self, seconds: float) -> None:
        self._now += max(0.0, seconds)

    def time(self) -> float:
        return self._now


class LoopClock(SimClock):
    """The simulator's clock on an event loop's time: ``start`` at loop time 0."""

    def __init__(self, loop: asyncio.AbstractEventLoop, start: datetime | None = None) -> None:
        super().__init__(1.0, start)
        self._loop = loop

    def now(self) -> datetime:
        with self._lock:
            elapsed = self._loop.time() + self._offset
        return self._base + timedelta(seconds=elapsed)

    def loop_time(self, moment: datetime) -> float:
        """The loop time at which the simulated clock reads ``moment``."""
        return (moment - self._base).total_seconds() - self._offset


#: Called with each request the simulator answers (not while it is down).
RequestHook = Callable[[httpx.Request], None]


def transport(sim: Simulator, on_request: RequestHook | None = None) -> httpx.MockTransport:
    """An httpx transport that hands each request to ``sim`` in this process.

    While ``sim.faults.down`` a request fails as a refused connection would
    (``httpx.ConnectError``); ``sim.faults.latency`` is waited on the loop's clock.
    """

    async def handle(request: httpx.Request) -> httpx.Response:
        if sim.faults.down:
            raise httpx.ConnectError("Connection refused", request=request)
        latency = float(sim.faults.latency)
        if latency > 0:
            await asyncio.sleep(latency)
        body = await request.aread()
        target = request.url.raw_path.decode("ascii")
        answer = sim.answer(request.method, target, request.headers.get("content-type", ""), body)
        if on_request is not None:
            on_request(request)
        return httpx.Response(
            answer.status,
            headers=[("Content-Type", answer.content_type), *answer.headers],
            content=answer.body,
        )

    return httpx.MockTransport(handle)
