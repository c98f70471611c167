"""The CPU lane: one worker for decoding and building rows, one job at a time."""

from __future__ import annotations

import asyncio
import threading

import pytest

from agentbar import workers as cpu


def test_the_lane_runs_one_job_at_a_time_off_the_calling_thread() -> None:
    seen: list[str] = []
    running = 0
    most = 0
    lock = threading.Lock()

    def job(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        seen.append(threading.current_thread().name)
        with lock:
            running -= 1
        return n * 2

    async def main() -> list[int]:
        return list(await asyncio.gather(*(cpu.on_cpu_lane(job, n) for n in range(20))))

    assert asyncio.run(main()) == [n * 2 for n in range(20)]
    assert most == 1
    assert all(name.startswith("agentbar-cpu") for name in seen)


def test_cpu_lane_busy_says_whether_the_lane_has_work() -> None:
    started, finish = threading.Event(), threading.Event()

    def job() -> None:
        started.set()
        finish.wait(10)

    async def main() -> None:
        assert not cpu.cpu_lane_busy()
        task = asyncio.ensure_future(cpu.on_cpu_lane(job))
        await asyncio.to_thread(started.wait, 10)
        assert cpu.cpu_lane_busy()
        finish.set()
        await task
        assert not cpu.cpu_lane_busy()

    asyncio.run(main())


def test_the_suite_runs_with_the_apps_switch_interval() -> None:
    """tests/conftest.py: worker threads hand over the GIL as often as in the app."""
    import sys

    from agentbar.app import GIL_SWITCH_INTERVAL_S

    assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_INTERVAL_S, abs=2e-6)


class _Row:
    """Notes the thread it is freed on."""

    freed_on: list[str] = []

    def __del__(self) -> None:
        _Row.freed_on.append(threading.current_thread().name)


def test_let_go_frees_rows_in_the_worker_and_leaves_shared_lists_alone() -> None:
    _Row.freed_on = []
    kept = [_Row() for _ in range(cpu.PIECE + 3)]

    async def main(shared: list[_Row]) -> None:
        held: list[object] = [[_Row() for _ in range(3 * cpu.PIECE + 1)], shared, _Row()]
        await cpu.let_go(held)
        assert held == []

    asyncio.run(main(kept))
    assert len(_Row.freed_on) == 3 * cpu.PIECE + 2
    assert all(name.startswith("agentbar-cpu") for name in _Row.freed_on)
    assert len(kept) == cpu.PIECE + 3  # still referenced here: untouched, alive
    _Row.freed_on = []
    del kept
    assert len(_Row.freed_on) == cpu.PIECE + 3
