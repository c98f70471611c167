"""Picking the agent's call from the two active-call modules; announcing new incoming calls."""

from __future__ import annotations

from datetime import datetime

from agentbar.api.models import AgentCall, LiveCall
from agentbar.core.calls import CallTracker, needs_agent_calls, pick_current_call


def live(ext="1004", number="05321234567", direction="in", sure=30, channel="SIP/1004-0000001a"):
    return LiveCall(channel, "", ext, "1", direction, "Up", "", number, sure)


def test_no_call():
    assert pick_current_call("101", "1004", [], []) is None


def test_live_call_on_extension_uses_duration_for_the_timer():
    call = pick_current_call("101", "1004", [], [live(sure=30)], now=1000.0)
    assert call is not None
    assert (call.number, call.direction, call.started_at) == ("05321234567", "in", 970.0)


def test_other_extensions_are_ignored():
    assert pick_current_call("101", "1004", [], [live(ext="1005", channel="SIP/1005-1")]) is None


def test_channel_name_identifies_extension_when_dahili_is_empty():
    call = pick_current_call("101", "1004", [], [live(ext="", channel="SIP/1004-00000002")])
    assert call is not None


def test_agent_call_start_time_when_no_live_row():
    start = datetime(2026, 11, 27, 10, 0, 0)
    acc = AgentCall("101", "02125551234", start, "")
    call = pick_current_call("101", "1004", [acc], [], now=start.timestamp() + 65)
    assert call is not None
    assert call.number == "02125551234"
    assert call.elapsed(start.timestamp() + 65) == 65


def test_tracker_announces_new_incoming_once_and_not_our_dials():
    tracker = CallTracker()
    incoming = pick_current_call("101", "1004", [], [live()])
    assert tracker.update(incoming) is True
    assert tracker.update(incoming) is False
    assert tracker.update(None) is False
    tracker.expect_outgoing("05321234567")
    second = pick_current_call("101", "1004", [], [live(channel="SIP/1004-2")])
    assert tracker.update(second) is False
    outgoing = pick_current_call("101", "1004", [], [live(direction="out", channel="SIP/1004-3")])
    assert tracker.update(outgoing) is False


def test_the_call_center_list_is_asked_only_when_it_adds_to_the_live_monitor() -> None:
    """The agent's own channel in activeCalls says number, direction and duration: the
    call-center list adds nothing then. It is asked when the channel lacks the number or the
    duration, or when there is no channel of the extension to go by."""
    complete = [live(), live(ext="1005", channel="SIP/1005-0000001b")]
    assert not needs_agent_calls("1004", complete)
    assert needs_agent_calls("1004", [live(number="")])
    assert needs_agent_calls("1004", [live(sure=None)])
    assert needs_agent_calls("", complete)  # no extension: only the call-center list tells
