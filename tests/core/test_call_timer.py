"""Ringing is not talking: reading a channel's state in both readings of activeCalls, and a
talk timer that starts at the answer and does not wobble with the server's whole seconds."""

from __future__ import annotations

import pytest

from agentbar.api.models import LiveCall
from agentbar.core.calls import follow, is_ringing, pick_current_call


def row(yon: str, islem: str, sure: int = 10) -> LiveCall:
    return LiveCall("SIP/1004-1", "", "1004", "1", yon, islem, "", "05321234567", sure)


@pytest.mark.parametrize(
    ("yon", "islem", "ringing"),
    [
        # The simulator's reading: yon is the direction, islem the state.
        ("out", "Dial", True),
        ("in", "Ringing", True),
        ("in", "Up", False),
        # Asterisk's reading (api.md): yon the channel state, islem the application.
        ("Ringing", "AppDial", True),
        ("Ring", "Dial", True),
        ("Up", "AppDial", False),  # the agent's leg stays AppDial once answered
        ("Up", "Bridge", False),
        ("Up", "Queue", False),
        ("in", "Queue", False),  # nothing says it rings: not claimed
    ],
)
def test_both_readings_of_the_live_monitor(yon, islem, ringing):
    assert is_ringing(row(yon, islem)) is ringing


def test_the_talk_timer_starts_at_the_answer_and_holds_within_two_seconds():
    now = 1000.0
    ringing = follow(None, pick_current_call("101", "1004", [], [row("out", "Dial", 3)], now), now)
    assert ringing is not None and ringing.ringing and ringing.answered_at is None
    now = 1004.0  # answered since the last poll; the channel is 7 s old
    up = pick_current_call("101", "1004", [], [row("out", "Up", 7)], now)
    talking = follow(ringing, up, now)
    assert talking is not None and talking.answered_at == 1004.0
    assert talking.elapsed(1010.0) == 6.0  # from the answer, not from the first ring
    # The server's whole seconds wobble: a start 1 s off keeps the timer where it is…
    wobble = follow(
        talking, pick_current_call("101", "1004", [], [row("out", "Up", 12)], 1011.0), 1011.0
    )
    assert wobble == talking
    # …more than 2 s off corrects it, start and answer together.
    off = follow(
        talking, pick_current_call("101", "1004", [], [row("out", "Up", 20)], 1011.0), 1011.0
    )
    assert off is not None and off.started_at == 991.0 and off.answered_at == 1004.0 - 6.0


def test_a_call_first_seen_answered_counts_from_the_servers_duration():
    call = follow(
        None, pick_current_call("101", "1004", [], [row("Up", "AppDial", 42)], 500.0), 500.0
    )
    assert call is not None and call.elapsed(500.0) == 42.0
