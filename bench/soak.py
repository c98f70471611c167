"""Soak: thousands of poll cycles with calls arriving all the time; memory and stalls reported.

    python bench/soak.py [--cycles 10000] [--time-scale 60] [--calls-every 1] [--no-panel]
                         [--out bench/results/soak.json]

The simulator runs in its own process (``python -m agentbar.sim``) with accelerated time and a
call offered every ``--calls-every`` simulated seconds, so that this process measures only
AgentBar. Here, offscreen: the bar (Toolbar) and, when the module exists, the side panel are
open over one AgentSession, whose ``poll_once`` runs back to back for ``--cycles`` cycles (the
poll loop's work without its sleep). Every 5th cycle a new number is dialled (most dials meet
a busy agent and are refused: the case that grew ``CallTracker`` without bound); every 40th
the agent takes and ends a break; every 500th the panel reloads.

Reported: RSS at start and end (psutil, else /proc/self/statm, else ru_maxrss), the largest
gap of a 10 ms QTimer (the longest event-loop stall), and the sizes of every client-side list
or cache at three checkpoints. :func:`check_bounded` is what tests/hostile/test_soak.py runs
on a short soak. Figures only: nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

KEY = "soak-key-0123456789abcdef"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "results" / "soak.json"
#: Sizes at or below this never count as growth (a list may fill up to a small cap).
GROWTH_FLOOR = 24
#: A call seen for this many cycles is hung up (the agent is then free for incoming calls).
HANG_UP_AFTER = 8


class Ticker:
    """A QTimer firing every ``interval_ms``: how often it fired and its largest gap.

    The largest gap is the longest time the event loop (and so the GUI) was busy elsewhere.
    """

    def __init__(self, interval_ms: int = 10) -> None:
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.ticks = 0
        self.max_gap = 0.0
        self._last = 0.0

    def start(self) -> Ticker:
        self.ticks, self.max_gap = 0, 0.0
        self._last = time.monotonic()
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    def pause(self) -> None:
        """Stop measuring (for the bench's own heavy bookkeeping), keeping the figures."""
        self._tick()
        self.timer.stop()

    def resume(self) -> None:
        self._last = time.monotonic()
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.max_gap = max(self.max_gap, now - self._last)
        self._last = now
        self.ticks += 1


def rss_kb() -> int:
    """Resident memory of this process in KiB."""
    try:
        import psutil  # type: ignore[import-untyped,import-not-found,unused-ignore]

        return int(psutil.Process().memory_info().rss // 1024)
    except ImportError:
        pass
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


@dataclass
class SoakResult:
    cycles: int
    seconds: float
    panel: str
    rss_start_kb: int
    rss_end_kb: int
    max_stall_ms: float
    ticks: int
    poll_errors: int
    incoming_calls: int
    dials: int
    breaks: int
    hangups: int
    checkpoints: list[dict[str, int]] = field(default_factory=list)

    @property
    def rss_growth_kb(self) -> int:
        return self.rss_end_kb - self.rss_start_kb


def sizes(session: Any, http: Any, panel: Any) -> dict[str, int]:
    """Every client-side collection that lives for the whole run, by name."""
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    out = {
        "session.tasks": len(session._tasks),
        "tracker.dialled": len(session._tracker._dialled),
        "state.break_log": len(session.state.break_log),
        "state.break_reasons": len(session.state.break_reasons),
        "settings.recent_numbers": len(session.settings.recent_numbers),
        "asyncio.tasks": len(asyncio.all_tasks()),
        "http.pool": len(pool.connections) if pool is not None else 0,
        "gc.objects": sum(1 for o in gc.get_objects() if not isinstance(o, _TIMER_LITTER)),
        # qasync keeps a cancelled call_later handle until its timer would have fired (httpx's
        # and the API deadline's timeouts): bounded by the longest timeout, so counted apart.
        "loop.pending_timer_handles": _pending_timers(),
    }
    if panel is not None:
        ps = panel.panel_session
        out["panel.tasks"] = len(ps._tasks)
        out["panel.queues"] = len(ps.queues)
        # These mirror the server's records (which grow by design); reported, not judged.
        out["panel.recordings (server data)"] = len(ps.recordings)
        out["panel.history (server data)"] = len(ps.history)
    return out


_TIMER_LITTER = (asyncio.Handle, contextvars.Context)


def _pending_timers() -> int:
    timer = getattr(asyncio.get_running_loop(), "_timer", None)
    return len(getattr(timer, "_SimpleTimer__callbacks", ()))


def declared_bounds() -> dict[str, int]:
    """The caps the product declares for its long-lived lists (absent ones are not assumed)."""
    from agentbar.core import agent_state, calls, settings

    caps = {
        "state.break_log": getattr(agent_state, "MAX_BREAK_LOG", None),
        "tracker.dialled": getattr(calls, "MAX_EXPECTED_DIALS", None),
        "settings.recent_numbers": getattr(settings, "RECENT_MAX", None),
    }
    return {name: cap for name, cap in caps.items() if isinstance(cap, int)}


def check_bounded(
    checkpoints: list[dict[str, int]], bounds: dict[str, int] | None = None
) -> list[str]:
    """The client-side collections that outgrew their cap, or kept growing without one.

    A collection with a declared cap (``bounds``, default :func:`declared_bounds`) may fill
    up to it. Any other one reaches its size early and stays there: growth between the last
    two checkpoints past GROWTH_FLOOR is a leak (``gc.objects`` may grow by 2 % + 2000 while
    caches warm up). Sizes named "(server data)" mirror the server and are not judged.
    """
    if not checkpoints:
        return []
    caps = declared_bounds() if bounds is None else bounds
    mid, end = checkpoints[-2] if len(checkpoints) > 1 else {}, checkpoints[-1]
    grown = []
    for name, size in end.items():
        if "(server data)" in name or name == "loop.pending_timer_handles":
            continue
        before = mid.get(name, 0)
        if name in caps:
            if size > caps[name]:
                grown.append(f"{name}: {size} > its cap {caps[name]}")
            continue
        if len(checkpoints) < 2:
            continue
        allowed = before * 1.02 + 2000 if name == "gc.objects" else max(before, GROWTH_FLOOR)
        if size > allowed:
            grown.append(f"{name}: {before} -> {size}")
    return grown


@contextlib.contextmanager
def simulator(time_scale: float, calls_every_s: float) -> Iterator[str]:
    """``python -m agentbar.sim`` on a free loopback port; yields its URL."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "agentbar.sim", "--host", "127.0.0.1", "--port", "0",
         "--api-key", KEY, "--time-scale", str(time_scale),
         "--incoming-every", str(calls_every_s)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"the simulator did not start: {line!r}")
        yield line.split("listening on ", 1)[1].split(" ", 1)[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


async def soak(
    url: str,
    cycles: int,
    basedir: Path,
    *,
    panel: bool = True,
    progress: Callable[[int, dict[str, int]], None] | None = None,
) -> SoakResult:
    """Run ``cycles`` polls against the simulator at ``url`` on the running qasync loop."""
    import httpx

    from agentbar.api import CallCenterClient, CallCenterError
    from agentbar.core.agent_state import AgentState, save_state
    from agentbar.core.paths import Paths
    from agentbar.core.settings import Settings, save_settings
    from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
    from agentbar.ui.agent_session import AgentSession
    from agentbar.ui.bar.toolbar import Toolbar
    from agentbar.ui.client_gate import ClientGate

    paths = Paths.under(basedir)
    paths.ensure()
    http = httpx.AsyncClient()
    settings = Settings(
        server_url=url, agent=DEMO_AGENT, extension=DEMO_EXTENSION, poll_interval_s=0.5
    )
    session = AgentSession(
        ClientGate.opened(http, CallCenterClient(url, KEY, client=http, retry_delays=()), KEY),
        settings,
        AgentState(),
        save_state=lambda st: save_state(paths.state_file, st),
        save_settings=lambda st: save_settings(paths, st),
    )
    incoming = 0

    def on_incoming(_call: object) -> None:
        nonlocal incoming
        incoming += 1

    session.incoming_call.connect(on_incoming)
    toolbar = Toolbar(session)
    toolbar.show()
    host: Any = None
    panel_state = "not requested"
    if panel:
        try:
            from agentbar.ui.startup.panel_host import PanelHost
        except ImportError as exc:
            panel_state = f"not available ({exc})"
        else:
            host = PanelHost(session, toolbar, paths.recordings_cache_dir)
            host.show()
            panel_state = "open"
    result = SoakResult(cycles, 0.0, panel_state, 0, 0, 0.0, 0, 0, 0, 0, 0, 0)
    try:
        await session.login()
        if not session.state.logged_in:
            raise RuntimeError("could not log in to the simulator")
        await session.refresh_reasons()
        reasons = session.state.break_reasons
        gc.collect()
        result.rss_start_kb = rss_kb()
        ticker = Ticker().start()
        started = time.monotonic()
        marks = {max(1, cycles // 3), max(1, 2 * cycles // 3), cycles}
        on_call = 0  # cycles the current call has been seen
        break_due = False  # every 40th cycle, taken at the first one without a call
        for n in range(1, cycles + 1):
            try:
                await session.poll_once()
            except CallCenterError:
                result.poll_errors += 1
            on_call = on_call + 1 if session.call is not None else 0
            if on_call >= HANG_UP_AFTER:  # our dials never end by themselves in the simulator
                await session.hangup()
                result.hangups += 1
            if n % 5 == 0:  # refused while on a call: the dial is never seen as a call
                await session.dial(f"0532{n % 10_000_000:07d}")
                result.dials += 1
            break_due = break_due or n % 40 == 0
            if break_due and reasons and session.call is None:  # calls may keep it waiting
                await session.start_break(reasons[n % len(reasons)])
                await session.end_break()
                result.breaks += 1
                break_due = False
            if host is not None and n % 500 == 0 and host.panel_session is not None:
                host.panel_session.load_history()
            if n in marks:  # counting every object is the bench's stall, not the app's
                ticker.pause()
                gc.collect()
                snapshot = sizes(session, http, host)
                result.checkpoints.append(snapshot)
                if progress is not None:
                    progress(n, snapshot)
                ticker.resume()
        result.seconds = time.monotonic() - started
        ticker.stop()
        result.max_stall_ms = round(ticker.max_gap * 1000, 1)
        result.ticks = ticker.ticks
        gc.collect()
        result.rss_end_kb = rss_kb()
        result.incoming_calls = incoming
    finally:
        if host is not None:
            await host.aclose()
            if host.panel is not None:
                host.panel.hide()
                host.panel.deleteLater()
        toolbar.hide()  # close() would ask to quit (Toolbar.closeEvent)
        toolbar.deleteLater()
        await session.aclose()
        await http.aclose()
    return result


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen platform's "does not support …" chatter; print the rest."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=10_000)
    parser.add_argument("--time-scale", type=float, default=60.0, help="simulated s per real s")
    parser.add_argument("--calls-every", type=float, default=1.0, help="simulated seconds")
    parser.add_argument("--no-panel", action="store_true", help="soak without the side panel")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    import qasync

    from agentbar.ui.gc_guard import MainThreadCollector

    def report(n: int, snapshot: dict[str, int]) -> None:
        print(f"cycle {n}: " + ", ".join(f"{k}={v}" for k, v in snapshot.items()), flush=True)

    async def run() -> SoakResult:
        collector = MainThreadCollector()
        try:
            with (
                simulator(args.time_scale, args.calls_every) as url,
                tempfile.TemporaryDirectory(prefix="agentbar-soak-") as base,
            ):
                return await soak(
                    url, args.cycles, Path(base), panel=not args.no_panel, progress=report
                )
        finally:
            collector.stop()

    result = asyncio.run(run(), loop_factory=qasync.QEventLoop)
    del app
    grown = check_bounded(result.checkpoints)
    summary = {
        **asdict(result),
        "rss_growth_kb": result.rss_growth_kb,
        "cycles_per_s": round(result.cycles / result.seconds, 1) if result.seconds else 0,
        "unbounded": grown,
        "time_scale": args.time_scale,
        "calls_every_sim_s": args.calls_every,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    print(
        f"{result.cycles} poll cycles in {result.seconds:.1f} s "
        f"({summary['cycles_per_s']} /s), panel {result.panel}; "
        f"{result.incoming_calls} incoming calls, {result.dials} dials, {result.hangups} "
        f"hang-ups, {result.breaks} breaks, {result.poll_errors} poll errors"
    )
    print(
        f"RSS {result.rss_start_kb / 1024:.1f} MiB -> {result.rss_end_kb / 1024:.1f} MiB "
        f"({result.rss_growth_kb / 1024:+.1f} MiB); largest event-loop stall "
        f"{result.max_stall_ms:.1f} ms over {result.ticks} ticks of a 10 ms timer"
    )
    print("unbounded growth: " + ("; ".join(grown) if grown else "none"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {args.out}")
    return 1 if grown else 0


if __name__ == "__main__":
    raise SystemExit(main())
