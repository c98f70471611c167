"""Click-to-dial latency: from launching ``agentbar tel:…`` to the dial reaching the server.

    python bench/click_to_dial.py [--runs 7] [--out bench/results/click_to_dial.json]

A first AgentBar runs (offscreen, temp --basedir, key in AGENTBAR_API_KEY) against the
simulator, which runs in this process so that its request log can be polled. Each run then
launches a second ``python -m agentbar --basedir D tel:…`` as a desktop would for a clicked
link (logged in, and more than ``BURST_WINDOW_S`` after the last one: quicker links are a
burst, which the bar asks about), and records:

- ``handoff``: launch until the second process has exited (the forwarding path's whole cost:
  interpreter, QtCore + QtNetwork, lock, socket round trip);
- ``to_dial``: launch until the simulator has the ``dial`` request. This includes the
  deliberate pause in which the bar shows the normalised number (DIAL_PREVIEW_MS);
  ``to_dial_minus_preview`` takes it out.

The baseline is ``python -c "import PySide6.QtCore"`` launched the same way in the same run,
one after each measured launch.
Medians are printed with their ratio to the baseline and written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.startup.remote_control import BURST_WINDOW_S, DIAL_PREVIEW_MS

KEY = "bench-key-0123456789"
REPO = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AGENTBAR_API_KEY=KEY)
    env.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
    return env


def _wait(check: object, timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not check():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.001)


def _baseline_once() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtCore"], check=True, env=_env())
    return time.perf_counter() - start


def _polled(sim: Simulator) -> bool:
    """Whether the bar's first poll reached the simulator (it is logged in and running)."""
    return any(r.module.startswith("activeCalls") for r in list(sim.requests))


def _number(i: int) -> str:
    # Distinct numbers: the instance ignores the same number twice within a few seconds.
    return f"+90532{1230000 + i:07d}"


def measure(runs: int) -> dict[str, object]:
    from bench.common import prepare_basedir

    sim = Simulator(api_key=KEY, port=0).start()
    base = Path(tempfile.mkdtemp(prefix="agentbar-bench-"))
    # Logged in, as an agent who clicks a number is: a bar logged out refuses to dial.
    prepare_basedir(base, sim.url)
    env = _env()
    common = [sys.executable, "-m", "agentbar", "--basedir", str(base)]
    first = subprocess.Popen(
        [*common, "--url", sim.url, "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    handoff, to_dial, baseline = [], [], []
    try:
        _wait(lambda: list((base / "state").glob("instance-*.lock")), 30, "the first instance")
        _wait(lambda: _polled(sim), 30, "the bar's first poll")
        subprocess.run([*common, "--show"], cwd=REPO, env=env, check=True, timeout=30)
        subprocess.run([sys.executable, "-c", "import PySide6.QtCore"], check=True)  # warm
        for i in range(runs + 1):  # the first run warms the caches and is dropped
            number = _number(i)
            seen = len(sim.requests)
            start = time.perf_counter()
            second = subprocess.Popen([*common, f"tel:{number}"], cwd=REPO, env=env)
            exited = dialled = 0.0
            while not (exited and dialled):
                now = time.perf_counter()
                if not exited and second.poll() is not None:
                    exited = now
                    if second.returncode != 0:
                        raise SystemExit(f"the second launch exited {second.returncode}")
                if not dialled and any(r.module == "dial" for r in list(sim.requests)[seen:]):
                    dialled = now
                if now - start > 30:
                    raise SystemExit("timed out waiting for the dial")
                time.sleep(0.0005)
            # Interleaved with the runs, so that a busy machine weighs on both alike.
            base_time = _baseline_once()
            # A link within BURST_WINDOW_S of the last one is a burst, which is asked about
            # (issue 15): the next click comes later, as an agent's would.
            time.sleep(max(0.3, BURST_WINDOW_S + 0.2 - (time.perf_counter() - start)))
            if i:
                handoff.append(exited - start)
                to_dial.append(dialled - start)
                baseline.append(base_time)
    finally:
        subprocess.run([*common, "--quit"], cwd=REPO, env=env, timeout=30, check=False)
        try:
            first.wait(15)
        except subprocess.TimeoutExpired:
            first.kill()
        sim.stop()

    def ms(values: list[float]) -> float:
        return round(statistics.median(values) * 1000, 1)

    base_ms = ms(baseline)
    return {
        "runs": runs,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "baseline_import_qtcore_ms": base_ms,
        "handoff_ms": ms(handoff),
        "handoff_ratio": round(ms(handoff) / base_ms, 2),
        "to_dial_ms": ms(to_dial),
        "dial_preview_ms": DIAL_PREVIEW_MS,
        "to_dial_minus_preview_ms": round(ms(to_dial) - DIAL_PREVIEW_MS, 1),
        "to_dial_minus_preview_ratio": round((ms(to_dial) - DIAL_PREVIEW_MS) / base_ms, 2),
        "samples_ms": {
            "baseline": [round(v * 1000, 1) for v in baseline],
            "handoff": [round(v * 1000, 1) for v in handoff],
            "to_dial": [round(v * 1000, 1) for v in to_dial],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "click_to_dial.json"
    )
    args = parser.parse_args(argv)
    result = measure(args.runs)
    print(f"baseline  python -c 'import PySide6.QtCore'  {result['baseline_import_qtcore_ms']} ms")
    print(
        f"handoff   second launch until it exits      {result['handoff_ms']} ms"
        f"  ({result['handoff_ratio']}x baseline)"
    )
    print(
        f"to dial   launch until the server has dial   {result['to_dial_ms']} ms"
        f"  (of which {DIAL_PREVIEW_MS} ms showing the number on the bar;"
        f" without it {result['to_dial_minus_preview_ms']} ms,"
        f" {result['to_dial_minus_preview_ratio']}x baseline)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
