"""Memory: RSS after a minute logged in and polling (panel closed), and after one recording.

    python -m bench memory [--quick]

Ours: AgentBar started as an agent's machine starts it (settings for the simulator, the agent
logged in, polling every 2 s), through bench/playback.py's driver so that it can later be told
to play. After the window (60 s; 15 s with --quick) its RSS is read; then the driver opens the
side panel, plays the first recording to its end and closes the panel, and RSS is read again
3 s later. Baseline: the bare stack window (``python -m bench.baseline idle``), read at the
same moments; for the second reading it has played the same file with one QMediaPlayer.
Several of each run side by side (3, or 1 with --quick); medians are reported.

The same run also yields the idle cost (bench/idle.py): CPU time used over the window, from
5 s after each process was painted. :func:`fleet` runs once per process and is shared.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import (
    KEY,
    Child,
    Figure,
    cpu_seconds,
    median,
    prepare_basedir,
    python,
    rss_bytes,
    warm_basedir,
)
from bench.playback import driver_argv

TARGET = 1.25
SETTLE_S = 5.0
MB = 1024 * 1024


@dataclass
class Sample:
    """One process's readings."""

    cpu_s: float = 0.0  # CPU time over the window
    window_s: float = 0.0
    rss_idle: int = 0  # after the window, panel closed
    rss_played: int = 0  # after playing one recording


@dataclass
class Fleet:
    window_s: float
    ours: list[Sample] = field(default_factory=list)
    base: list[Sample] = field(default_factory=list)


_fleets: dict[bool, Fleet] = {}


def fleet(quick: bool = False) -> Fleet:
    """Run (once per process) N AgentBars and N bare windows side by side; see the module text."""
    if quick in _fleets:
        return _fleets[quick]
    from agentbar.sim import Simulator

    n = 1 if quick else 3
    window = 15.0 if quick else 60.0
    sim = Simulator(api_key=KEY, port=0).start()
    work = Path(tempfile.mkdtemp(prefix="agentbar-bench-memory-"))
    ours: list[Child] = []
    base: list[Child] = []
    result = Fleet(window)
    try:
        template = prepare_basedir(work / "template", sim.url)
        warm_basedir(template)
        for i in range(n):
            basedir = work / f"run-{i}"
            shutil.copytree(template, basedir)
            ours.append(Child(driver_argv(basedir), stderr=work / "agentbar.stderr"))
            base.append(Child(python("-m", "bench.baseline", "idle")))
        for child in ours:
            child.wait_line("agentbar-ready", 60)
        for child in base:
            child.wait_line("baseline-ready", 60)
        time.sleep(SETTLE_S)
        everyone = ours + base
        start = {c.pid: (cpu_seconds(c.pid), time.perf_counter()) for c in everyone}
        time.sleep(window)
        samples: dict[int, Sample] = {}
        for c in everyone:
            cpu0, t0 = start[c.pid]
            samples[c.pid] = Sample(
                cpu_s=cpu_seconds(c.pid) - cpu0,
                window_s=time.perf_counter() - t0,
                rss_idle=rss_bytes(c.pid),
            )
        for child in ours:
            child.send("play")
        played: list[str] = []
        for child in ours:
            line, _ = child.wait_line("played ", 120)
            played.append(line.split(" ", 1)[1])
        for child, path in zip(base, played, strict=True):
            child.send(f"play {path}")
        for child in base:
            child.wait_line("played", 120)
        time.sleep(3.0)
        for c in everyone:
            samples[c.pid].rss_played = rss_bytes(c.pid)
        result.ours = [samples[c.pid] for c in ours]
        result.base = [samples[c.pid] for c in base]
    finally:
        for c in ours:
            c.terminate()
        for c in base:
            c.close()
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    _fleets[quick] = result
    return result


def run(quick: bool = False) -> list[Figure]:
    f = fleet(quick)
    window = f"{f.window_s:.0f} s"
    figures = []
    for name, attr in (
        (f"RSS after {window} logged in and polling, panel closed", "rss_idle"),
        ("RSS after playing one recording", "rss_played"),
    ):
        ours = [getattr(s, attr) / MB for s in f.ours]
        base = [getattr(s, attr) / MB for s in f.base]
        figure = Figure(
            "memory",
            name,
            median(ours),
            "MiB",
            baseline=median(base),
            baseline_name="bare stack window (the same file played for the second)",
            target=f"<= {TARGET}x",
            samples=ours,
            baseline_samples=base,
        )
        figure.judge_ratio(TARGET)
        figures.append(figure)
    return figures
