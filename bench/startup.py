"""Start-up: launch until the toolbar is painted and the event loop has turned once more.

    python -m bench startup [--quick]

Ours: ``python -m agentbar --basedir D --bench-ready`` as an agent's machine starts it after a
reboot (settings for a server, the agent logged in, the key in AGENTBAR_API_KEY), against the
simulator in this (another) process. Each run gets a fresh copy of the same base directory.
Baseline: ``python -m bench.baseline startup``, the bare stack (a PySide6 window with
QtMultimedia, httpx and qasync imported, on a qasync loop). Both print a line once painted and
responsive; the figure is the time from the launch to that line, read here. The runs are
interleaved (ours, baseline, ours, …) after one warm-up of each, so a busy machine weighs on
both alike.
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


def _ours(template: Path, work: Path, i: int) -> float:
    base = work / f"run-{i}"
    shutil.copytree(template, base)
    child = Child(agentbar_argv(base), stderr=work / "agentbar.stderr")
    try:
        _line, seconds = child.wait_line("agentbar-ready", 60)
    finally:
        child.terminate()
    return seconds


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
    work = Path(tempfile.mkdtemp(prefix="agentbar-bench-startup-"))
    try:
        template = prepare_basedir(work / "template", sim.url)
        warm_basedir(template, stderr=work / "agentbar.stderr")
        ours: list[float] = []
        base: list[float] = []
        for i in range(runs + 1):  # the first pair warms the disk cache and is dropped
            o = _ours(template, work, i)
            time.sleep(0.2)
            b = _baseline()
            time.sleep(0.2)
            if i:
                ours.append(o * 1000)
                base.append(b * 1000)
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
    return [figure]
