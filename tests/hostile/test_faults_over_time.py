"""Faults over time: the server goes away and comes back, restarts and forgets, never answers.

The bar must keep the agent's break timer running through all of it, find the server again
by itself, never send a dial twice, and say what happened in words.
"""

from __future__ import annotations

import re
import time

import pytest

from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.state_view import Mode
from tests.hostile.conftest import (
    KEY,
    WAIT_MS,
    Hostile,
    SessionFactory,
    Spy,
    log_in,
    never_answer,
)

NOT_LOGGED_IN = "Agent giriş yapmamış."


def test_server_away_during_a_break_then_back(
    qtbot, sim: Simulator, make_session: SessionFactory, spy: Spy
) -> None:
    session = make_session(sim.url)
    toolbar = Toolbar(session)
    qtbot.addWidget(toolbar, before_close_func=lambda bar: bar.hide())  # close() asks to quit
    log_in(qtbot, session)
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT_MS)
    assert session.state.on_break is not None
    started = session.state.on_break.started_at

    sim.set_down(True)
    qtbot.waitUntil(lambda: not session.connection.online, timeout=WAIT_MS)
    # Offline, the bar still shows the break and its timer keeps counting.
    first = _break_clock(toolbar)
    assert toolbar.status.view.mode is Mode.OFFLINE and first is not None, toolbar.status.view
    qtbot.waitUntil(lambda: (_break_clock(toolbar) or 0) > first, timeout=WAIT_MS)  # runs on
    assert toolbar.status.view.mode is Mode.OFFLINE
    assert session.state.on_break is not None
    assert session.state.on_break.started_at == started

    # Back up: no click, no poke. The backoff's next try finds it (2 s, then 4 s, ...).
    sim.set_down(False)
    back = time.monotonic()
    qtbot.waitUntil(lambda: session.connection.online, timeout=12_000)
    assert time.monotonic() - back < 10
    assert ("info", "The server answers again.") in spy.messages
    assert session.state.on_break is not None
    assert session.state.on_break.started_at == started
    assert sim.state.agents.get(DEMO_AGENT).on_break  # the server never forgot it either
    assert toolbar.break_button.isEnabled()

    session.end_break()
    qtbot.waitUntil(lambda: session.state.on_break is None, timeout=WAIT_MS)
    record = session.state.break_log[-1]
    assert abs(record.started_at - started) < 2  # the server's start (whole seconds) or ours
    assert spy.escaped() == []


def _break_clock(toolbar: Toolbar) -> int | None:
    """The break's running time the bar shows (it ticks every second by itself), in seconds;
    None when it shows no break clock."""
    view = toolbar.status.view
    found = re.search(r"Break (\d+):(\d\d)", f"{view.text} {view.timer}")
    return None if found is None else int(found.group(1)) * 60 + int(found.group(2))


def _restart(sim: Simulator) -> Simulator:
    """The same address, a new server process: everything it knew is gone."""
    port = sim.port
    sim.stop()
    return Simulator(api_key=KEY, port=port).start()


@pytest.fixture
def restarted(sim: Simulator):
    made: list[Simulator] = []

    def restart() -> Simulator:
        fresh = _restart(sim)
        made.append(fresh)
        return fresh

    yield restart
    for fresh in made:
        fresh.stop()


def test_server_restart_the_refusal_reaches_the_agent(
    qtbot, sim: Simulator, restarted, make_session: SessionFactory, spy: Spy
) -> None:
    """What the bar already does: the server's own words reach the agent, nothing breaks."""
    session = make_session(sim.url)
    log_in(qtbot, session)
    fresh = restarted()
    assert not fresh.state.agents.get(DEMO_AGENT).logged_in
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: any(NOT_LOGGED_IN in e for e in spy.errors()), timeout=WAIT_MS)
    assert session.state.on_break is None
    assert spy.escaped() == []


def test_server_restart_a_refused_break_tells_the_agent_to_log_in_again(
    qtbot, sim: Simulator, restarted, make_session: SessionFactory, spy: Spy
) -> None:
    session = make_session(sim.url)
    log_in(qtbot, session)
    restarted()
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: bool(spy.errors()), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not session.state.logged_in, timeout=2000)
    said = " ".join(text for _level, text in spy.messages[-3:])
    assert re.search(r"log(ged)? (in|out)", said, re.IGNORECASE), said
    # And logging in again works at once.
    session.login()
    qtbot.waitUntil(lambda: session.state.logged_in, timeout=WAIT_MS)


def test_server_restart_during_a_break_does_not_wedge_the_bar(
    qtbot, sim: Simulator, restarted, make_session: SessionFactory, spy: Spy
) -> None:
    session = make_session(sim.url)
    log_in(qtbot, session)
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT_MS)
    started = session.state.on_break.started_at if session.state.on_break else 0.0
    restarted()
    session.end_break()
    qtbot.waitUntil(lambda: bool(spy.errors()), timeout=WAIT_MS)
    # The break is closed locally (kept in today's log with its real start) and the agent is
    # told they are logged out; nothing is left that no button can undo.
    qtbot.waitUntil(lambda: session.state.on_break is None, timeout=2000)
    assert session.state.break_log[-1].started_at == started
    assert not session.state.logged_in


def test_a_dial_whose_answer_never_arrives_is_sent_once(
    qtbot, hostile: Hostile, sim: Simulator, make_session: SessionFactory, spy: Spy
) -> None:
    # The app's retry policy (read-only modules retried), not the tests' "never retry".
    session = make_session(hostile.url, retry_delays=(0.1, 0.2))
    log_in(qtbot, session)
    hostile.set(never_answer, only={"dial"})
    session.dial("0532 123 45 67")
    qtbot.waitUntil(lambda: bool(spy.errors()), timeout=WAIT_MS)
    said = spy.errors()[-1]
    assert said.startswith("Dialling") and "did not answer in time" in said, said
    polls = hostile.count("activeCalls")
    qtbot.waitUntil(lambda: session.connection.online, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: hostile.count("activeCalls") >= polls + 3, timeout=WAIT_MS)
    assert hostile.count("dial") == 1
    assert [r.module for r in sim.requests].count("dial") == 0  # it never reached the PBX
    assert spy.escaped() == []


def test_a_dial_the_server_took_but_did_not_confirm_is_not_repeated(
    qtbot, hostile: Hostile, sim: Simulator, make_session: SessionFactory, spy: Spy
) -> None:
    """The PBX got the dial (the phone rings) but the answer is lost on the way back."""

    def forward_then_stall(conn, request, server: Hostile) -> None:
        from tests.hostile.conftest import forward

        forward(request, sim.port)  # the simulator dials ...
        server.stop.wait(30)  # ... and its answer never arrives

    session = make_session(hostile.url, retry_delays=(0.1, 0.2))
    log_in(qtbot, session)
    hostile.set(forward_then_stall, only={"dial"})
    session.dial("0532 123 45 67")
    qtbot.waitUntil(lambda: bool(spy.errors()), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT_MS)  # the poll shows it
    assert session.call is not None and session.call.number.endswith("5321234567")
    assert hostile.count("dial") == 1
    assert [r.module for r in sim.requests].count("dial") == 1
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    assert DEMO_EXTENSION
    assert spy.escaped() == []
