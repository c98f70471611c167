"""Idle cost: CPU time per minute while logged in and polling every 2 s, panel closed.

    python -m bench idle [--quick]

Measured on the processes of bench/memory.py's :func:`~bench.memory.fleet` (one run serves
both cases): user + system CPU time of each process over the window (60 s; 15 s with --quick),
from 5 s after it was painted, scaled to one minute. Ours: AgentBar logged in and polling the
simulator every 2 s (two requests per poll). Baseline: the bare stack window, doing nothing.
Target: at most 1 % of one core (0.6 s of CPU per minute).
"""

from __future__ import annotations

from bench.common import Figure, median
from bench.memory import fleet

TARGET_PERCENT = 1.0


def run(quick: bool = False) -> list[Figure]:
    f = fleet(quick)
    ours = [s.cpu_s / s.window_s * 60 for s in f.ours]
    base = [s.cpu_s / s.window_s * 60 for s in f.base]
    seconds = Figure(
        "idle",
        "CPU time per minute, logged in, polling every 2 s",
        median(ours) * 1000,
        "ms",
        baseline=median(base) * 1000,
        baseline_name="bare stack window, idle",
        target=f"<= {TARGET_PERCENT:g}% of a core",
        samples=[v * 1000 for v in ours],
        baseline_samples=[v * 1000 for v in base],
    )
    percent = median(ours) / 60 * 100
    seconds.met = percent <= TARGET_PERCENT
    share = Figure(
        "idle",
        "share of one core",
        percent,
        "%",
        baseline=median(base) / 60 * 100,
        baseline_name="bare stack window, idle",
        target=f"<= {TARGET_PERCENT:g}%",
        met=seconds.met,
    )
    return [seconds, share]
