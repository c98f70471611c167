"""Today's summary is live (issue 14, item 13): the break time runs and the call counts follow
a finished call while the panel is open; a break is kept with the times this machine saw when
the server answers implausible ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from agentbar.core import clock
from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason, save_state
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.panel.side_panel import SidePanel
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_app import _find, _quit, _start, _write_settings

WAIT = 8000


def _sim(start: datetime) -> Simulator:
    return Simulator(api_key=KEY, port=0, clock=SimClock(start=start)).start()


#: "Now" for the bar in these tests: a Tuesday noon, whatever the real date and hour (a test
#: run just before midnight would otherwise see "today" change under it).
NOON = datetime(2026, 11, 24, 12, 0)


@pytest.fixture
def today_sim() -> Iterator[Simulator]:
    """The server's clock and the bar's (core/clock.py) pinned at the same noon, running on:
    the server's call records are the bar's today."""
    simulator = _sim(NOON)
    clock.follow(lambda: simulator.clock.now().timestamp())
    yield simulator
    clock.follow(None)
    simulator.stop()


@pytest.fixture
def fixed_time_sim() -> Iterator[Simulator]:
    """A server whose clock says a Monday of 2020: its break times are implausible. The bar's
    own clock is pinned at NOON, running on."""
    simulator = _sim(datetime(2020, 1, 6, 9, 0))
    ours = SimClock(start=NOON)
    clock.follow(lambda: ours.now().timestamp())
    yield simulator
    clock.follow(None)
    simulator.stop()


def _open_panel(qtbot, bar: Toolbar) -> SidePanel:
    qtbot.mouseClick(bar.panel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_find(SidePanel)), timeout=WAIT)
    panel: SidePanel = _find(SidePanel)[0]
    qtbot.waitUntil(lambda: "calls:" in panel.history.summary.text(), timeout=WAIT)
    return panel


def _calls(panel: SidePanel) -> int:
    match = re.search(r"calls: (\d+)", panel.history.summary.text())
    assert match is not None, panel.history.summary.text()
    return int(match.group(1))


def test_a_finished_call_counts_at_once_while_the_panel_is_open(
    qtbot, qloop, today_sim, monkeypatch, tmp_path
):
    sim = today_sim
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "calls"
    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    bar = _find(Toolbar)[0]
    panel = _open_panel(qtbot, bar)
    before = _calls(panel)
    qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.keyClicks(bar.dial_field, "0532 123 45 67")
    qtbot.keyClick(bar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.CALL, timeout=WAIT)
    qtbot.mouseClick(bar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    # No Refresh pressed: the summary follows the call that just ended.
    qtbot.waitUntil(lambda: _calls(panel) == before + 1, timeout=WAIT)
    _quit(qtbot, task, bar, "stay logged in")


def test_break_time_runs_and_survives_the_servers_implausible_times(
    qtbot, qloop, fixed_time_sim, monkeypatch, tmp_path
):
    sim = fixed_time_sim
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "break"
    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    # On a break for ten minutes already (a restart resumed it); the server knows it too,
    # by its own (2020) clock.
    started = clock.time() - 600
    lunch = BreakReason("2", "YEMEK MOLASI")
    paths = Paths.under(base)
    paths.ensure()
    save_state(
        paths.state_file,
        AgentState(True, DEMO_AGENT, ActiveBreak("2", lunch.name, started), (lunch,)),
    )
    sim.state.agents.login(DEMO_AGENT, sim.clock.now())
    sim.state.agents.break_start(DEMO_AGENT, "2", sim.clock.now())
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    bar = _find(Toolbar)[0]
    panel = _open_panel(qtbot, bar)
    summary = panel.history.summary
    qtbot.waitUntil(lambda: "break time: 10:0" in summary.text(), timeout=WAIT)
    first = summary.text()
    qtbot.waitUntil(lambda: summary.text() != first, timeout=3000)  # it runs

    qtbot.waitUntil(bar.break_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(bar.break_button, Qt.MouseButton.LeftButton)  # End break
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    record = bar.session.state.break_log[-1]
    assert abs(record.started_at - started) < 1  # this machine's start, not 2020's
    # Ask the server again (F5 in the History tab): today's break time is still there.
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    asked = sum(r.module == "callRecords" for r in sim.requests)
    qtbot.keyClick(panel.history.view, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: sum(r.module == "callRecords" for r in sim.requests) >= asked + 2, timeout=WAIT
    )
    qtbot.waitUntil(lambda: not panel.panel.busy("history"), timeout=WAIT)
    assert "break time: 10:" in summary.text(), summary.text()
    _quit(qtbot, task, bar, "stay logged in")
