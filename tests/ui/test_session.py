"""AgentSession against the simulator over loopback: every flow, through signals and state."""

from __future__ import annotations

import pytest

from agentbar.core import clock
from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason, load_state
from agentbar.core.calls import CurrentCall
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION

WAIT = 8000


def _login(qtbot, session):
    session.login()
    qtbot.waitUntil(
        lambda: bool(session.state.logged_in and session.state.break_reasons), timeout=WAIT
    )


def test_login_then_break_then_end_reconciles_to_server(qtbot, make_session, sim, paths):
    session = make_session()
    _login(qtbot, session)
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    reason = session.state.break_reasons[0]
    session.start_break(reason)
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT)
    assert session.state.on_break.reason_id == reason.id
    # Persisted at once: a crash now keeps the break's start.
    qtbot.waitUntil(lambda: load_state(paths.state_file)[0].on_break is not None, timeout=WAIT)
    session.end_break()
    qtbot.waitUntil(lambda: session.state.on_break is None, timeout=WAIT)
    record = session.state.break_log[-1]
    assert record.reason_id == reason.id
    # The server's start/end (second resolution) replaced ours.
    assert record.started_at == int(record.started_at)
    assert record.ended_at >= record.started_at


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_break_reason(qtbot, make_session, sim, index):
    session = make_session()
    _login(qtbot, session)
    reason = session.state.break_reasons[index]
    session.start_break(reason)
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).break_id == reason.id


def test_restart_during_break_resumes_the_timer(qtbot, make_session, sim, paths):
    session = make_session()
    _login(qtbot, session)
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: load_state(paths.state_file)[0].on_break is not None, timeout=WAIT)
    started = session.state.on_break.started_at
    # A new run reads the same file (the crash case: nothing was shut down cleanly).
    restored, note = load_state(paths.state_file)
    assert note is None
    again = make_session(state=restored)
    assert again.state.on_break is not None
    assert again.state.on_break.started_at == started
    assert again.state.on_break.elapsed() >= 0
    again.end_break()
    qtbot.waitUntil(lambda: again.state.on_break is None, timeout=WAIT)


#: Dialling needs a login (a call placed while logged out could not be shown).
LOGGED_IN = AgentState(logged_in=True, agent=DEMO_AGENT)


def test_dialling_while_logged_out_is_refused_without_a_request(qtbot, make_session, sim):
    session = make_session()
    with qtbot.waitSignal(session.notified, timeout=WAIT) as blocker:
        session.dial("0532 123 45 67")
    assert blocker.args == ["error", "Log in to dial."]
    assert not any(r.module == "dial" for r in sim.requests)


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("+90 532 123 45 67", "05321234567"),
        ("0090 532 123 45 67", "05321234567"),
        ("0532 123 45 67", "05321234567"),
        ("(0532) 123-4567", "05321234567"),
        ("tel:+90-532-123-4567", "05321234567"),
        ("5321234567", "05321234567"),
        ("1005", "1005"),
    ],
)
def test_dial_number_shapes(qtbot, make_session, sim, typed, sent):
    session = make_session(state=LOGGED_IN)
    with qtbot.waitSignal(session.dial_sent, timeout=WAIT):
        session.dial(typed)
    dials = [r for r in sim.requests if r.module == "dial"]
    assert len(dials) == 1
    assert dials[0].params["number"] == sent
    assert dials[0].params["extension"] == DEMO_EXTENSION
    assert session.settings.recent_numbers[0] == sent


def test_junk_number_is_refused_without_a_request(qtbot, make_session, sim):
    session = make_session()
    with qtbot.waitSignal(session.notified, timeout=WAIT) as blocker:
        session.dial("call me maybe")
    assert blocker.args[0] == "error"
    assert "call me maybe" in blocker.args[1]
    assert not [r for r in sim.requests if r.module == "dial"]


def test_call_shows_then_transfer_then_hangup(qtbot, make_session, sim):
    session = make_session()
    _login(qtbot, session)
    session.dial("0532 123 45 67")
    qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT)
    assert session.call.number == "05321234567"
    assert session.call.direction == "out"
    session.transfer("1005")
    qtbot.waitUntil(lambda: session.call is None, timeout=WAIT)
    assert [r.params["extension"] for r in sim.requests if r.module == "redirect"] == ["1005"]
    assert session.settings.recent_transfer_targets[0] == "1005"
    # A second call, ended with hangup.
    session.dial("0532 765 43 21")
    qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT)
    session.hangup()
    qtbot.waitUntil(lambda: session.call is None, timeout=WAIT)
    assert [r.params["extension"] for r in sim.requests if r.module == "hangup"] == [DEMO_EXTENSION]


def test_incoming_call_is_announced_once(qtbot, make_session, sim):
    session = make_session()
    _login(qtbot, session)
    seen: list[CurrentCall] = []
    session.incoming_call.connect(seen.append)
    sim.inject_incoming_call(DEMO_EXTENSION, "02125551234", "Ali Veli", ring_s=0.2, talk_s=60)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=WAIT)
    assert seen[0].number == "02125551234"
    assert seen[0].direction == "in"
    polls = sum(r.module == "activeCalls" for r in sim.requests)
    # Two more polls see the same call: it is not announced again.
    qtbot.waitUntil(
        lambda: sum(r.module == "activeCalls" for r in sim.requests) >= polls + 2, timeout=WAIT
    )
    assert len(seen) == 1


def test_server_down_then_back(qtbot, make_session, sim):
    session = make_session()
    _login(qtbot, session)
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT)
    sim.set_down(True)
    qtbot.waitUntil(lambda: not session.connection.online, timeout=WAIT)
    assert session.connection.reason
    assert session.connection.retry_at > clock.time() - 1
    # The break is still ours while offline.
    assert session.state.on_break is not None
    sim.set_down(False)
    session.poke()
    qtbot.waitUntil(lambda: session.connection.online, timeout=WAIT)
    assert session.state.on_break is not None


def test_wrong_key_says_so_and_keeps_state(qtbot, make_session, sim):
    session = make_session(key="WRONG-KEY-0000")
    with qtbot.waitSignal(session.notified, timeout=WAIT) as blocker:
        session.login()
    assert blocker.args[0] == "error"
    assert "key" in blocker.args[1].lower()
    assert "WRONG-KEY-0000" not in blocker.args[1]
    assert not session.state.logged_in
    qtbot.waitUntil(lambda: session.connection.auth_failed, timeout=WAIT)


def test_failed_action_is_not_retried(qtbot, make_session, sim):
    session = make_session(state=LOGGED_IN)
    sim.faults.error_rate = 1.0
    with qtbot.waitSignal(session.notified, timeout=WAIT) as blocker:
        session.dial("05321234567")
    assert blocker.args[0] == "error"
    assert len([r for r in sim.requests if r.module == "dial"]) == 1
    qtbot.waitUntil(lambda: not session.busy, timeout=5000)


def test_break_from_persisted_state_is_shown_while_logged_out_server(qtbot, make_session):
    state = AgentState(
        logged_in=True,
        agent=DEMO_AGENT,
        on_break=ActiveBreak("2", "YEMEK MOLASI", clock.time() - 125),
        break_reasons=(BreakReason("2", "YEMEK MOLASI"),),
    )
    session = make_session(state=state, start=False)
    assert 124 <= session.state.on_break.elapsed() <= 130


def test_a_click_before_the_gate_opens_waits_busy_then_goes_out_with_the_key(
    qtbot, make_session, sim, http
):
    """While the key is read (gate closed), a click waits busy; opening the gate sends it."""
    from agentbar.api import CallCenterClient
    from tests.ui.conftest import KEY

    session = make_session(start=False, without_client=True)
    task = session.login()
    # Busy is counted in the task's first step, which goes on to the gate: a login that did
    # not stop there would have failed (no client) and been idle again in that same step.
    qtbot.waitUntil(lambda: session.busy, timeout=5000)
    assert not task.done()
    assert not sim.requests and not sim.state.agents.get(DEMO_AGENT).logged_in
    session.gate.open(http, CallCenterClient(sim.url, KEY, client=http, retry_delays=()), KEY)
    qtbot.waitUntil(task.done, timeout=5000)
    assert session.state.logged_in and sim.state.agents.get(DEMO_AGENT).logged_in
    qtbot.waitUntil(lambda: not session.busy, timeout=5000)


def test_the_poll_and_the_panel_wait_at_the_same_gate(qtbot, make_session, sim, http, paths):
    """The bar is shown before the HTTP client exists: the poll, a click and a panel load all
    wait at the session's one gate (no error, no request), and all go out once it opens."""
    from agentbar.api import CallCenterClient
    from agentbar.ui.panel.panel_session import PanelSession
    from tests.ui.conftest import KEY

    session = make_session(without_client=True)  # started: its poll loop waits too
    with pytest.raises(RuntimeError):
        _ = session.client
    panel = PanelSession(session, paths.recordings_cache_dir)
    assert panel.gate is session.gate
    queues = panel.load_queues()
    task = session.login()
    # Each is busy from its first step, which goes on to the gate; the poll loop's first step
    # ran before them (started first): a poll past the gate would have failed (no client).
    qtbot.waitUntil(lambda: session.busy and panel.busy("queues"), timeout=5000)
    assert not task.done() and not queues.done()
    assert session.connection.online  # no poll failed
    assert not sim.requests  # nothing went out keyless
    client = CallCenterClient(sim.url, KEY, client=http, retry_delays=())
    with qtbot.waitSignal(panel.queues_loaded, timeout=5000):
        session.gate.open(http, client, KEY)
    qtbot.waitUntil(task.done, timeout=5000)
    assert session.client is client
    assert session.state.logged_in and sim.state.agents.get(DEMO_AGENT).logged_in
    assert session.connection.online
    assert panel.queues


def test_a_background_refresh_that_cannot_connect_only_turns_the_bar_offline(
    qtbot, make_session, sim, monkeypatch
):
    """The break reasons loaded after a login: nobody clicked for them, so a network failure
    leaves the bar's "Server unreachable" alone; asked for (the Break button), it says so."""
    from agentbar.api.errors import NetworkError

    session = make_session(start=False)
    messages: list[tuple[str, str]] = []
    session.notified.connect(lambda level, text: messages.append((level, text)))

    async def cut(*_args, **_kwargs):
        raise NetworkError("cannot connect")

    monkeypatch.setattr(session.client, "break_list", cut)
    qtbot.waitUntil(session.login().done, timeout=5000)
    qtbot.waitUntil(lambda: not session.connection.online, timeout=5000)
    assert session.state.logged_in
    assert [level for level, _ in messages] == ["info"]  # "Logged in", nothing over it
    qtbot.waitUntil(session.refresh_reasons().done, timeout=5000)
    assert messages[-1][0] == "error" and "break reasons" in messages[-1][1].lower()
