"""Two real AgentBar processes (offscreen): a tel: link in the second dials through the first."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agentbar.core.agent_state import AgentState, save_state
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from tests.desktop.conftest import agentbar_env, launch

KEY = "E2E-KEY-0123456789"
TIMEOUT_S = 20.0


def _until(check: Callable[[], object], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(api_key=KEY, port=0).start()
    yield simulator
    simulator.stop()


def test_a_link_in_a_second_launch_dials_once_through_the_first(sim: Simulator, basedir: Path):
    env = agentbar_env(AGENTBAR_API_KEY=KEY)
    # Logged in (a restart resumes it): a logged-out bar refuses to dial.
    paths = Paths.under(basedir)
    paths.ensure()
    save_state(paths.state_file, AgentState(logged_in=True, agent=DEMO_AGENT))
    sim.state.agents.login(DEMO_AGENT, sim.state.now())
    first = launch(
        "--basedir",
        str(basedir),
        "--url",
        sim.url,
        "--agent",
        DEMO_AGENT,
        "--extension",
        DEMO_EXTENSION,
        env=env,
    )
    try:
        # Only wait for the lock: the second launch itself waits for the server to listen.
        _until(lambda: list((basedir / "state").glob("instance-*.lock")), "the first's lock")
        second = launch("--basedir", str(basedir), "tel:+905321234567", env=env)
        assert second.wait(TIMEOUT_S) == 0, second.communicate()[1]

        def dials() -> list[dict[str, object]]:
            return [dict(r.params) for r in list(sim.requests) if r.module == "dial"]

        _until(dials, "the dial to reach the simulator")

        # The shift ends: the far end hangs up, the agent logs out (nothing to ask: no call,
        # no break once the bar has seen the call end), then quits.
        sim.state.calls.hangup(DEMO_EXTENSION)
        polls = sum(r.module == "activeCalls" for r in list(sim.requests))
        _until(
            lambda: sum(r.module == "activeCalls" for r in list(sim.requests)) > polls + 1,
            "the bar to see the call end",
        )
        logout = launch("--basedir", str(basedir), "--logout", env=env)
        assert logout.wait(TIMEOUT_S) == 0, logout.communicate()[1]
        _until(lambda: not sim.state.agents.get(DEMO_AGENT).logged_in, "the logout")
        quitter = launch("--basedir", str(basedir), "--quit", env=env)
        assert quitter.wait(TIMEOUT_S) == 0, quitter.communicate()[1]
        assert first.wait(TIMEOUT_S) == 0
        # The first has quit: its whole run is in the log, and it dialled once.
        assert dials() == [{"extension": DEMO_EXTENSION, "number": "05321234567"}]
        _out, err = first.communicate()
        assert "Traceback" not in err
        assert KEY not in err
        assert not list((basedir / "state").glob("instance-*.lock"))  # released on the way out
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
