"""Agent state: transitions, today's break total, persistence that survives damage."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from agentbar.core.agent_state import (
    MAX_BREAK_LOG,
    AgentState,
    BreakReason,
    load_state,
    save_state,
)

LUNCH = BreakReason("2", "YEMEK MOLASI")


def test_transitions():
    s = AgentState().logged_in_as("101")
    assert s.logged_in and s.agent == "101" and s.on_break is None
    s = s.break_started(LUNCH, 1000.0)
    assert s.on_break is not None and s.on_break.reason_name == "YEMEK MOLASI"
    s = s.break_ended(1300.0)
    assert s.on_break is None
    assert s.break_log[-1].duration_s == 300.0
    s = s.break_started(LUNCH, 2000.0).logged_out(2100.0)
    assert not s.logged_in and s.on_break is None
    assert s.break_log[-1].duration_s == 100.0


def test_server_times_win_when_given():
    s = AgentState().logged_in_as("101").break_started(LUNCH, 1000.0)
    s = s.break_ended(1500.0, started_at=990.0)
    assert (s.break_log[-1].started_at, s.break_log[-1].ended_at) == (990.0, 1500.0)


def test_break_ended_without_break_is_a_no_op():
    s = AgentState().logged_in_as("101")
    assert s.break_ended(5.0) is s


def test_break_log_is_bounded():
    s = AgentState().logged_in_as("101")
    for i in range(MAX_BREAK_LOG + 30):
        s = s.break_started(LUNCH, float(i)).break_ended(float(i) + 1)
    assert len(s.break_log) == MAX_BREAK_LOG


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 3, 10, 12, 0), datetime(2028, 2, 29, 0, 11), datetime(2026, 12, 31, 23, 59)],
)
def test_break_seconds_today_counts_running_break(moment):
    now = moment.timestamp()
    s = AgentState().logged_in_as("101").break_started(LUNCH, now - 600).break_ended(now - 300)
    s = s.break_started(LUNCH, now - 60)
    assert s.break_seconds_on(moment.date(), now) == 360
    assert s.break_seconds_on(date(2000, 1, 1), now) == 0


def test_a_break_counts_on_the_day_it_started():
    """Ten minutes after midnight, a break taken at 23:50 yesterday is yesterday's."""
    now = datetime(2027, 1, 1, 0, 10).timestamp()
    s = AgentState().logged_in_as("101").break_started(LUNCH, now - 1200).break_ended(now - 600)
    assert s.break_seconds_on(date(2027, 1, 1), now) == 0
    assert s.break_seconds_on(date(2026, 12, 31), now) == 600


def test_round_trip(tmp_path):
    path = tmp_path / "state" / "agent_state.json"
    s = AgentState().logged_in_as("101").with_reasons([LUNCH]).break_started(LUNCH, 1234.5)
    save_state(path, s)
    loaded, note = load_state(path)
    assert note is None
    assert loaded == s
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_missing_file_is_empty_state(tmp_path):
    assert load_state(tmp_path / "nope.json") == (AgentState(), None)


def test_damaged_file_is_kept_aside(tmp_path):
    path = tmp_path / "agent_state.json"
    path.write_bytes(b'{"logged_in": tru')
    state, note = load_state(path)
    assert state == AgentState()
    assert note and "damaged" in note
    backups = list(tmp_path.glob("agent_state.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == b'{"logged_in": tru'


def test_wrong_shape_is_kept_aside(tmp_path):
    path = tmp_path / "agent_state.json"
    path.write_text('{"on_break": {"reason_id": "2"}}')
    state, note = load_state(path)
    assert state == AgentState() and note
