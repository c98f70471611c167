"""TaskOwner: one way to start a background task, keep it alive and report its error."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest

from agentbar.ui.tasks import TaskOwner


def test_a_started_task_is_kept_alive_until_it_ends() -> None:
    async def main() -> list[str]:
        owner = TaskOwner()
        go = asyncio.Event()
        done: list[str] = []

        async def work() -> None:
            await go.wait()
            done.append("ran")

        owner.start(work(), "work")  # the caller keeps no reference
        await asyncio.sleep(0)
        gc.collect()
        assert len(owner.running) == 1
        go.set()
        await owner.wait()
        assert owner.running == []
        return done

    assert asyncio.run(main()) == ["ran"]


def test_an_error_goes_to_the_one_exit_after_busy_is_reset() -> None:
    events: list[Any] = []

    async def main() -> object:
        owner = TaskOwner(report=lambda exc, what: events.append(("report", type(exc), what)))

        async def failing() -> None:
            events.append("running")
            raise ValueError("broken")

        return await owner.start(failing(), "Saving", busy=lambda d: events.append(("busy", d)))

    assert asyncio.run(main()) is None
    assert events == [("busy", 1), "running", ("busy", -1), ("report", ValueError, "Saving")]


def test_a_report_per_task_wins_over_the_owners() -> None:
    mine: list[str] = []
    owners: list[str] = []

    async def main() -> None:
        owner = TaskOwner(report=lambda exc, what: owners.append(what))

        async def failing() -> None:
            raise OSError("disk")

        await owner.start(failing(), "Copy", report=lambda exc, what: mine.append(what))

    asyncio.run(main())
    assert mine == ["Copy"] and owners == []


def test_cancelling_is_not_an_error_and_still_resets_busy() -> None:
    busy: list[int] = []
    reports: list[str] = []

    async def main() -> None:
        owner = TaskOwner(report=lambda exc, what: reports.append(what))
        task = owner.start(asyncio.sleep(10), "Download", busy=busy.append)
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert busy == [1, -1] and reports == []


def test_a_task_cancelled_before_it_ran_leaves_busy_alone() -> None:
    busy: list[int] = []

    async def main() -> None:
        owner = TaskOwner()
        work = asyncio.sleep(10)
        task = owner.start(work, "Download", busy=busy.append)
        task.cancel()  # before the loop ran it: the download was replaced at once
        with pytest.raises(asyncio.CancelledError):
            await task
        work.close()

    asyncio.run(main())
    assert busy == []


def test_by_default_an_error_reaches_the_loops_exception_handler_at_once() -> None:
    seen: list[dict[str, Any]] = []

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(lambda _loop, ctx: seen.append(ctx))

        async def failing() -> None:
            raise RuntimeError("bug")

        await TaskOwner().start(failing(), "the settings")

    asyncio.run(main())
    assert len(seen) == 1
    assert isinstance(seen[0]["exception"], RuntimeError)
    assert seen[0]["message"] == "the settings failed"


def test_wait_lets_running_tasks_finish_and_gives_up_after_the_timeout() -> None:
    async def main() -> tuple[bool, bool]:
        owner = TaskOwner()
        quick = owner.start(asyncio.sleep(0.01), "quick")
        slow = owner.start(asyncio.sleep(10), "slow")
        await owner.wait(timeout=0.2)
        result = quick.done(), slow.done()
        slow.cancel()
        return result

    assert asyncio.run(main()) == (True, False)
