"""SIGKILL at the worst moments: during a break, and in the middle of a download.

The real program runs as a subprocess (offscreen, its own --basedir, the key in the
environment) against the simulator on loopback. After the kill, the break's start is intact
on disk, a restart resumes it, and the cache holds no file that looks complete.
"""

from __future__ import annotations

import os
import select
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from agentbar.app import build_parser
from agentbar.core.agent_state import AgentState, load_state, save_state
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from tests.hostile.conftest import KEY, Hostile, leaks, response

REPO = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AGENTBAR_API_KEY=KEY)
    env["QT_LOGGING_RULES"] = "qt.multimedia*=false;qt.qpa.*=false"
    return env


def _wait(
    check: Callable[[], object],
    timeout: float,
    what: str,
    details: Callable[[], str] = lambda: "",
) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}\n{details()}")
        time.sleep(0.02)


def _read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else ""


def _kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


# -- a download --------------------------------------------------------------------------------


def _slow_recording(conn, request: bytes, server: Hostile) -> None:
    """A WAV that arrives a kilobyte at a time and never ends (until the test does)."""
    head = b"RIFF" + struct.pack("<I", 1_999_992) + b"WAVEfmt " + bytes(24)
    conn.sendall(response(head + bytes(4096), content_type="audio/x-wav", length=2_000_000))
    while not server.stop.wait(0.02):
        conn.sendall(bytes(1024))


@POSIX_ONLY
def test_sigkill_mid_download_leaves_no_complete_looking_file(
    hostile_factory: Callable[..., Hostile], tmp_path: Path
) -> None:
    server = hostile_factory()
    server.set(_slow_recording)
    cache = tmp_path / "recordings"
    cache.mkdir()
    dest = cache / "out-05332730130-1004-20191024-150314-1.WAV"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.hostile.download_child", server.url, str(dest)],
        cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert _read_line(proc, 30).strip() == "STARTED"
        part: list[Path] = []

        def growing() -> bool:
            part[:] = [p for p in cache.iterdir() if p.name.endswith(".part")]
            return bool(part) and part[0].stat().st_size > 8192

        _wait(growing, 10, "the .part file to grow")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        _kill(proc)
    names = sorted(p.name for p in cache.iterdir())
    assert not dest.exists()
    assert len(names) == 1, names
    assert names[0].startswith(f".{dest.name}.") and names[0].endswith(".part"), names
    assert proc.stderr is not None and not leaks(proc.stderr.read())

    # The next run's cache start-up (RecordingCache.open, run before its first download)
    # deletes what the dead run left.
    from agentbar.core.recording_cache import INDEX_NAME, RecordingCache

    RecordingCache(cache, 64 * 1024 * 1024).open()
    assert [p.name for p in cache.iterdir() if p.name != INDEX_NAME] == []


# -- a break -------------------------------------------------------------------------------------


def _lock_pid(state_dir: Path) -> int | None:
    for lock in state_dir.glob("instance-*.lock"):
        first = lock.read_text(errors="replace").split("\n", 1)[0].strip()
        if first.isdigit():
            return int(first)
    return None


def _polled_after_the_break(sim: Simulator) -> bool:
    modules = [r.module for r in list(sim.requests)]
    return "breakStart" in modules and "activeCalls" in modules[modules.index("breakStart") :]


@POSIX_ONLY
def test_sigkill_during_a_break_keeps_its_start_and_a_restart_resumes_it(
    sim: Simulator, tmp_path: Path
) -> None:
    if "--break" not in build_parser().format_help():
        pytest.skip("agentbar has no --break command to start a break from outside")
    base = tmp_path / "crash"
    paths = Paths.under(base)
    paths.ensure()
    # Logged in (on the server and in the saved state), not yet on a break.
    sim.state.agents.login(DEMO_AGENT, sim.clock.now())
    save_state(paths.state_file, AgentState(logged_in=True, agent=DEMO_AGENT))
    common = [sys.executable, "-m", "agentbar", "--basedir", str(base)]
    run_args = ["--url", sim.url, "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION]
    logs: list[Path] = []

    def launch(*extra: str) -> subprocess.Popen[str]:
        err = tmp_path / f"stderr-{len(logs)}.txt"
        logs.append(err)
        return subprocess.Popen(
            [*common, *run_args, *extra], cwd=REPO, env=_env(), text=True,
            stdout=subprocess.DEVNULL, stderr=err.open("w"),
        )  # fmt: skip

    def said() -> str:
        return "\n".join(err.read_text(errors="replace")[-3000:] for err in logs)

    first = launch("--break", "2")
    try:
        _wait(lambda: load_state(paths.state_file)[0].on_break is not None, 30, "the break", said)
        _wait(lambda: _lock_pid(paths.state_dir) == first.pid, 10, "the instance lock")
        on_break = load_state(paths.state_file)[0].on_break
        assert on_break is not None and on_break.reason_id == "2"
        started = on_break.started_at
        assert sim.state.agents.get(DEMO_AGENT).break_id == "2"
        # The kill lands mid-run: once the poll that follows the break's start has reached
        # the server.
        _wait(lambda: _polled_after_the_break(sim), 30, "a poll on the break", said)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _kill(first)

    state, note = load_state(paths.state_file)
    assert note is None  # not damaged
    assert state.logged_in and state.on_break is not None
    assert state.on_break.started_at == started
    assert not [p.name for p in paths.state_dir.iterdir() if p.name.endswith(".tmp")]

    # A restart takes over the dead instance's lock, resumes the break, and takes commands.
    second = launch()
    try:
        _wait(lambda: _lock_pid(paths.state_dir) == second.pid, 30, "the restart's lock", said)
        resumed, _ = load_state(paths.state_file)
        assert resumed.on_break is not None and resumed.on_break.started_at == started
        ended = subprocess.run(
            [*common, "--end-break"], cwd=REPO, env=_env(), capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
        assert ended.returncode == 0, ended.stderr
        _wait(lambda: load_state(paths.state_file)[0].on_break is None, 30, "the break's end", said)
    finally:
        _kill(second)
    record = load_state(paths.state_file)[0].break_log[-1]
    assert record.reason_id == "2"
    assert abs(record.started_at - started) < 2  # the server's own start of the same break
    assert not sim.state.agents.get(DEMO_AGENT).on_break
    for err in logs:
        text = err.read_text(errors="replace")
        assert "Traceback" not in text, text
        assert not leaks(text), text
