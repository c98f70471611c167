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
