"""TaskOwner: starts an object's background tasks, keeps them alive, reports their errors.

One way for every object that starts work and returns at once (the sessions, the windows,
remote commands): a reference is kept until the task ends (asyncio keeps only a weak one, so
an unreferenced task can be garbage-collected mid-flight); busy is counted up when the task
starts and down in ``finally``; an error goes to one exit, the owner's ``report``, never to
"Task exception was never retrieved"; :meth:`TaskOwner.wait` lets the owner's ``aclose``
wait for what is still running. Cancellation is not an error: it propagates.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

#: Where a task's error goes: ``report(error, what)``, ``what`` naming the task for the user.
Report = Callable[[Exception, str], None]
#: Told +1 when a task starts and -1 when it ends, whatever the outcome.
Busy = Callable[[int], None]


def report_to_loop(error: Exception, what: str) -> None:
    """The default exit: the event loop's exception handler (the run's logs it, redacted,
    and shows the crash box: ui/startup/runner.py)."""
    asyncio.get_running_loop().call_exception_handler(
        {"message": f"{what} failed", "exception": error}
    )


class TaskOwner:
    """Owns background tasks: :meth:`start` one, :meth:`wait` for those still running."""

    def __init__(self, report: Report = report_to_loop) -> None:
        self._report = report
        self._tasks: set[asyncio.Task[Any]] = set()

    def start[T](
        self,
        work: Awaitable[T],
        what: str,
        *,
        busy: Busy | None = None,
        report: Report | None = None,
    ) -> asyncio.Task[T | None]:
        """Run ``work`` as a task; returns the task (its result, or None after an error).

        ``busy`` is told +1 when the task starts and -1 when ``work`` ends; then an error goes
        to ``report`` (else the owner's), with ``what`` (e.g. "Log in").
        """
        task = asyncio.ensure_future(self._guard(work, what, busy, report or self._report))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    @staticmethod
    async def _guard[T](
        work: Awaitable[T], what: str, busy: Busy | None, report: Report
    ) -> T | None:
        failure: Exception
        if busy is not None:
            busy(+1)
        try:
            return await work
        except Exception as exc:
            failure = exc
        finally:
            if busy is not None:
                busy(-1)
        report(failure, what)  # busy is reset first: the report sees the idle state
        return None

    def __len__(self) -> int:
        """How many tasks are held (bench/soak.py watches this stay bounded)."""
        return len(self._tasks)

    @property
    def running(self) -> list[asyncio.Task[Any]]:
        return [t for t in self._tasks if not t.done()]

    async def wait(self, timeout: float = 10.0) -> None:
        """Wait for the running tasks, at most ``timeout`` seconds; they are not cancelled."""
        pending = self.running
        if pending:
            await asyncio.wait(pending, timeout=timeout)
