"""The CPU lane: one worker for decoding; free_on_cpu_lane() frees big containers there."""

from __future__ import annotations

import asyncio
import threading
import weakref

from agentbar import workers as cpu


class Row:
    """A weak-referenceable stand-in for a table row."""


def _drained() -> None:
    cpu._LANE.submit(lambda: None).result(timeout=10)  # the lane runs jobs in order


def test_free_on_cpu_lane_empties_a_list_and_a_dict_on_the_worker() -> None:
    rows = [Row() for _ in range(5000)]
    probes = [weakref.ref(rows[0]), weakref.ref(rows[-1])]
    texts = {i: f"row {i}" for i in range(3000)}
    cpu.free_on_cpu_lane(rows)
    cpu.free_on_cpu_lane(texts)
    _drained()
    assert rows == [] and texts == {}
    assert all(probe() is None for probe in probes)  # the rows themselves are gone


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


def test_on_an_event_loop_free_on_cpu_lane_waits_for_the_repaint_then_frees() -> None:
    rows = [Row() for _ in range(2000)]
    probe = weakref.ref(rows[0])

    async def main() -> tuple[int, int]:
        cpu.free_on_cpu_lane(rows)
        await asyncio.sleep(0.05)
        soon = len(rows)  # not yet: the new rows are being painted
        await asyncio.sleep(cpu.FREE_AFTER_S + 0.1)
        await asyncio.get_running_loop().run_in_executor(cpu._LANE, lambda: None)
        return soon, len(rows)

    soon, later = asyncio.run(main())
    assert soon == 2000 and later == 0
    assert probe() is None


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
