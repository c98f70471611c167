"""The soak in short (bench/soak.py): every client-side list and cache stays bounded.

The simulator runs in its own process with accelerated time and a call offered every
simulated second; the bar, the side panel and one session poll back to back, dial refused
numbers, take breaks. Fails when any client-side collection keeps growing. The full soak
(10,000 cycles) runs with AGENTBAR_LONG_TESTS=1, or as ``python bench/soak.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.soak import SoakResult, check_bounded, simulator, soak

CYCLES = 10_000 if os.environ.get("AGENTBAR_LONG_TESTS") == "1" else 240


def test_a_short_soak_grows_nothing_without_bound(qtbot, qloop, tmp_path: Path) -> None:
    with simulator(time_scale=60.0, calls_every_s=1.0) as url:
        task = qloop.create_task(soak(url, CYCLES, tmp_path / "base"))
        qtbot.waitUntil(task.done, timeout=max(60_000, CYCLES * 100))
    result: SoakResult = task.result()
    print(
        f"\n{result.cycles} cycles in {result.seconds:.1f} s, panel {result.panel}, "
        f"RSS {result.rss_growth_kb / 1024:+.1f} MiB, largest stall {result.max_stall_ms} ms, "
        f"{result.incoming_calls} incoming calls, {result.dials} dials, "
        f"{result.hangups} hang-ups, {result.breaks} breaks"
    )
    for n, snapshot in enumerate(result.checkpoints, 1):
        print(f"checkpoint {n}: {snapshot}")
    assert len(result.checkpoints) == 3
    assert result.poll_errors == 0
    assert result.dials >= CYCLES // 5 and result.breaks >= 1 and result.incoming_calls >= 1
    assert check_bounded(result.checkpoints) == []


def test_the_growth_check_catches_a_leak() -> None:
    """check_bounded is not a rubber stamp: a list that grows with the cycles is reported."""
    flat = {"tracker.dialled": 16, "gc.objects": 50_000, "panel.history (server data)": 10}
    leaking = {**flat, "tracker.dialled": 48}
    assert check_bounded([flat, flat, flat], {}) == []
    assert check_bounded([flat, {**flat, "panel.history (server data)": 900}], {}) == []
    assert check_bounded([flat, leaking], {}) == ["tracker.dialled: 16 -> 48"]
    assert check_bounded([flat, {**flat, "gc.objects": 60_000}], {}) == [
        "gc.objects: 50000 -> 60000"
    ]
    # A capped list may fill up to its cap, never beyond it.
    assert check_bounded([flat, leaking], {"tracker.dialled": 64}) == []
    assert check_bounded([flat, leaking], {"tracker.dialled": 32}) == [
        "tracker.dialled: 48 > its cap 32"
    ]


@pytest.mark.skipif(os.name != "posix", reason="the soak's simulator subprocess uses POSIX paths")
def test_the_soak_bench_runs_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "soak.json"
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "bench/soak.py", "--cycles", "30", "--no-panel", "--out", str(out)],
        cwd=repo, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "largest event-loop stall" in result.stdout
    assert out.exists() and '"rss_growth_kb"' in out.read_text()
