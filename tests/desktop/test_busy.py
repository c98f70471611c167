"""``agentbar --busy``: the running bar's call marker, and what an upgrading installer reads."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from agentbar.app import main
from agentbar.core.agent_state import AgentState, save_state
from agentbar.desktop.busy import (
    BUSY_EXIT,
    MARKER_NAME,
    CallMarker,
    busy_main,
    live_markers,
    pid_alive,
    profile_state_dirs,
)
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from tests.desktop.conftest import REPO, agentbar_env, launch

KEY = "BUSY-KEY-0123456789"
TIMEOUT_S = 20.0


def _until(check: Callable[[], object], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_the_marker_holds_the_pid_privately_and_goes_when_the_call_ends(tmp_path: Path):
    marker = CallMarker(tmp_path, pid=4242)
    marker.update(True)
    path = tmp_path / MARKER_NAME
    assert path.read_text() == "4242\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    marker.update(False)
    assert not path.exists()
    marker.clear()  # twice is fine


def test_a_marker_counts_only_while_its_process_lives(tmp_path: Path):
    live, stale, garbage, empty = (tmp_path / n for n in ("live", "stale", "garbage", "empty"))
    for folder in (live, stale, garbage, empty):
        folder.mkdir()
    CallMarker(live).update(True)
    CallMarker(stale, pid=_dead_pid()).update(True)
    (garbage / MARKER_NAME).write_text("not a pid")
    assert pid_alive(os.getpid())
    assert live_markers([live, stale, garbage, empty, tmp_path / "missing"]) == [live / MARKER_NAME]


def test_all_users_looks_at_the_same_place_in_every_home(tmp_path: Path):
    own_home = tmp_path / "home" / "ayse"
    own = own_home / "AppData" / "Local" / "AgentBar" / "AgentBar"
    other = tmp_path / "home" / "mehmet"
    dirs = profile_state_dirs(own, own_home, [own_home, other])
    assert dirs == [own, other / "AppData" / "Local" / "AgentBar" / "AgentBar"]
    # A state folder outside the home (custom XDG_STATE_HOME) is only this user's.
    assert profile_state_dirs(tmp_path / "xdg" / "AgentBar", own_home, [other]) == [
        tmp_path / "xdg" / "AgentBar"
    ]


def test_busy_main_exit_codes(tmp_path: Path):
    lines: list[str] = []
    assert busy_main(tmp_path, all_users=False, out=lines.append) == 0
    CallMarker(tmp_path).update(True)
    assert busy_main(tmp_path, all_users=False, out=lines.append) == BUSY_EXIT
    assert lines[0].startswith("idle") and lines[1].startswith("busy")


def test_the_command_line_answers_without_creating_anything(tmp_path: Path, capsys):
    base = tmp_path / "base"
    assert main(["--basedir", str(base), "--busy"]) == 0
    assert not base.exists()  # no folders, no lock, no instance started
    (base / "state").mkdir(parents=True)
    CallMarker(base / "state").update(True)
    assert main(["--basedir", str(base), "--busy"]) == BUSY_EXIT
    assert "busy" in capsys.readouterr().out


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(api_key=KEY, port=0).start()
    yield simulator
    simulator.stop()


def _busy(basedir: Path) -> int:
    return subprocess.run(
        [sys.executable, "-m", "agentbar", "--basedir", str(basedir), "--busy"],
        cwd=REPO, env=agentbar_env(), capture_output=True, timeout=TIMEOUT_S, check=False,
    ).returncode  # fmt: skip


def test_a_running_bar_is_busy_during_a_call_and_idle_after_it(sim: Simulator, basedir: Path):
    # Logged in on both sides, so the bar polls the agent's calls.
    sim.state.agents.login(DEMO_AGENT, datetime.now())
    save_state(basedir / "state" / "agent_state.json", AgentState().logged_in_as(DEMO_AGENT))
    env = agentbar_env(AGENTBAR_API_KEY=KEY)
    bar = launch("--basedir", str(basedir), "--url", sim.url, "--agent", DEMO_AGENT,
                 "--extension", DEMO_EXTENSION, env=env)  # fmt: skip
    try:
        _until(lambda: list((basedir / "state").glob("instance-*.lock")), "the bar's lock")
        assert _busy(basedir) == 0
        sim.state.calls.dial(DEMO_EXTENSION, "05321234567")
        _until(lambda: (basedir / "state" / MARKER_NAME).exists(), "the call marker")
        assert _busy(basedir) == BUSY_EXIT
        sim.state.calls.hangup(DEMO_EXTENSION)
        _until(lambda: not (basedir / "state" / MARKER_NAME).exists(), "the marker to go")
        assert _busy(basedir) == 0
        sim.state.calls.dial(DEMO_EXTENSION, "05321234567")
        _until(lambda: (basedir / "state" / MARKER_NAME).exists(), "the second call's marker")
        bar.kill()  # a crash mid-call: the marker stays but no longer counts
        bar.wait()
        assert (basedir / "state" / MARKER_NAME).exists()
        assert _busy(basedir) == 0
    finally:
        if bar.poll() is None:
            bar.kill()
            bar.wait()


def test_all_users_finds_another_users_call(tmp_path: Path, monkeypatch):
    """The all-users installer (administrator or SYSTEM) sees every profile's bar."""
    import agentbar.desktop.busy as busy

    ayse, mehmet = tmp_path / "home" / "ayse", tmp_path / "home" / "mehmet"
    relative = Path(".local") / "state" / "AgentBar"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: ayse))
    monkeypatch.setattr(busy, "_homes", lambda: [ayse, mehmet])
    (mehmet / relative).mkdir(parents=True)
    CallMarker(mehmet / relative).update(True)
    lines: list[str] = []
    assert busy_main(ayse / relative, all_users=False, out=lines.append) == 0
    assert busy_main(ayse / relative, all_users=True, out=lines.append) == BUSY_EXIT
