"""Start-up: launch until the toolbar is painted and the event loop has turned once more, and
launch until the first request reaches the server.

    python -m bench startup [--quick]

Ours: ``python -m agentbar --basedir D --bench-ready`` as an agent's machine starts it after a
reboot (settings for a server, the agent logged in, the key in AGENTBAR_API_KEY), against the
simulator in this (another) process. Each run gets a fresh copy of the same base directory.
Baseline: ``python -m bench.baseline startup``, the bare stack (a PySide6 window with
QtMultimedia, httpx and qasync imported, on a qasync loop). Both print a line once painted and
responsive; the figure is the time from the launch to that line, read here. The runs are
interleaved (ours, baseline, ours, …) after one warm-up of each, so a busy machine weighs on
both alike.

First contact: from the launch until the bar's first request (its first poll) reaches the
simulator, against ``python -m bench.baseline first_request URL`` (the bare window, painted,
then httpx and one request), timed the same way.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.common import (
    KEY,
    Child,
    Figure,
    agentbar_argv,
    median,
    prepare_basedir,
    python,
    warm_basedir,
)

TARGET = 1.15
FIRST_REQUEST_TARGET = 1.25


class Arrivals:
    """When each request reached the simulator (perf_counter), to time a first request."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def __call__(self, _request: object) -> None:
        self.times.append(time.perf_counter())

    def first_after(self, start: float, timeout: float = 30.0) -> float:
        """Seconds from ``start`` to the first request after it."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            later = [t for t in self.times if t >= start]
            if later:
                return later[0] - start
            time.sleep(0.005)
        raise TimeoutError("no request reached the simulator")


def _ours(template: Path, work: Path, i: int, arrivals: Arrivals) -> tuple[float, float]:
    base = work / f"run-{i}"
    shutil.copytree(template, base)
    child = Child(agentbar_argv(base), stderr=work / "agentbar.stderr")
    try:
        _line, seconds = child.wait_line("agentbar-ready", 60)
        first = arrivals.first_after(child.started)
    finally:
        child.terminate()
    return seconds, first


def _baseline_first_request(url: str, arrivals: Arrivals) -> float:
    child = Child(python("-m", "bench.baseline", "first_request", url))
    try:
        child.wait_line("baseline-sent", 60)
        return arrivals.first_after(child.started)
    finally:
        child.close()


def _baseline() -> float:
    child = Child(python("-m", "bench.baseline", "startup"))
    try:
        _line, seconds = child.wait_line("baseline-ready", 60)
    finally:
        child.close()
    return seconds


def run(quick: bool = False, runs: int | None = None) -> list[Figure]:
    from agentbar.sim import Simulator

    runs = runs or (3 if quick else 11)
    sim = Simulator(api_key=KEY, port=0).start()
    arrivals = Arrivals()
    sim.on_request = arrivals
    work = Path(tempfile.mkdtemp(prefix="agentbar-bench-startup-"))
    try:
        template = prepare_basedir(work / "template", sim.url)
        warm_basedir(template, stderr=work / "agentbar.stderr")
        ours: list[float] = []
        base: list[float] = []
        ours_first: list[float] = []
        base_first: list[float] = []
        for i in range(runs + 1):  # the first round warms the disk cache and is dropped
            o, of = _ours(template, work, i, arrivals)
            time.sleep(0.2)
            b = _baseline()
            time.sleep(0.2)
            bf = _baseline_first_request(sim.url, arrivals)
            time.sleep(0.2)
            if i:
                ours.append(o * 1000)
                base.append(b * 1000)
                ours_first.append(of * 1000)
                base_first.append(bf * 1000)
    finally:
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    figure = Figure(
        "startup",
        "launch -> toolbar painted and responsive",
        median(ours),
        "ms",
        baseline=median(base),
        baseline_name="bare PySide6 + QtMultimedia + httpx + qasync window",
        target=f"<= {TARGET}x",
        samples=ours,
        baseline_samples=base,
    )
    figure.judge_ratio(TARGET)
    first = Figure(
        "startup",
        "launch -> first request at the server",
        median(ours_first),
        "ms",
        baseline=median(base_first),
        baseline_name="bare window painted, then httpx and one request",
        target=f"<= {FIRST_REQUEST_TARGET}x",
        samples=ours_first,
        baseline_samples=base_first,
    )
    first.judge_ratio(FIRST_REQUEST_TARGET)
    return [figure, first]
