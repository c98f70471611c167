"""The polling schedule (core/polling.py): rates by activity, jitter, backoff with full jitter.

Pure: times are passed in, so no test sleeps or reads a clock.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter

import pytest

from agentbar.core.polling import (
    BACKOFF_CAP_S,
    JITTER,
    Activity,
    PollSchedule,
    activity_of,
    interval_s,
)

R = 2.0  # the default ready interval (Settings.poll_interval_s)


def test_each_activity_has_its_rate_derived_from_the_ready_interval() -> None:
    assert interval_s(Activity.READY, R) == 2.0  # 0.5 requests/s
    assert interval_s(Activity.BREAK, R) == 10.0  # 0.1 requests/s
    assert interval_s(Activity.ACTIVE, R) == 1.0  # 1 request/s during a call
    assert interval_s(Activity.LOGGED_OUT, R) is None  # none
    # IT raises or lowers the one setting; the others follow, a call never above 1/s
    # unless the ready rate itself is.
    assert interval_s(Activity.BREAK, 4.0) == 20.0
    assert interval_s(Activity.ACTIVE, 4.0) == 2.0
    assert interval_s(Activity.ACTIVE, 1.5) == 1.0
    assert interval_s(Activity.ACTIVE, 0.5) == 0.5


def test_the_activity_follows_the_agents_state() -> None:
    def of(**facts: bool) -> Activity:
        base = {"logged_in": True, "on_break": False, "on_call": False, "dialling": False}
        return activity_of(**(base | facts))

    assert of(logged_in=False, on_call=True) is Activity.LOGGED_OUT
    assert of() is Activity.READY
    assert of(on_break=True) is Activity.BREAK
    assert of(on_break=True, on_call=True) is Activity.ACTIVE  # a direct call on a break
    assert of(dialling=True) is Activity.ACTIVE


def test_the_first_poll_is_now_and_logged_out_never() -> None:
    schedule = PollSchedule(random.Random(1))
    assert schedule.due(Activity.READY, R) == -math.inf
    assert schedule.due(Activity.LOGGED_OUT, R) is None
    schedule.succeeded(100.0)
    assert schedule.due(Activity.LOGGED_OUT, R) is None


def test_a_change_of_activity_moves_the_next_poll_from_the_last_one() -> None:
    schedule = PollSchedule(random.Random(2), jitter=0.0)
    schedule.succeeded(0.0)  # the first: a random phase
    schedule.succeeded(10.0)  # then the nominal interval (no jitter here)
    assert schedule.due(Activity.BREAK, R) == 20.0
    # The break ends 5 s after the last poll: the ready rate applies from that poll, so the
    # next poll is due at once (12.0 is already past), not at 20.0.
    assert schedule.due(Activity.READY, R) == 12.0
    assert schedule.due(Activity.ACTIVE, R) == 11.0


def test_bars_started_together_spread_over_a_whole_interval() -> None:
    """The phase after the first poll is drawn over one interval, then each interval varies by
    up to JITTER: 1,000 bars started in the same second do not poll in the same second."""
    firsts = []
    gaps = []
    for seed in range(1000):
        schedule = PollSchedule(random.Random(seed))
        schedule.succeeded(0.0)
        second = schedule.due(Activity.READY, R)
        assert second is not None
        firsts.append(second)
        schedule.succeeded(second)
        third = schedule.due(Activity.READY, R)
        assert third is not None
        gaps.append(third - second)
    assert min(firsts) >= 0.5 * R and max(firsts) <= 1.5 * R
    per_tenth = Counter(int(t * 10) for t in firsts)
    assert max(per_tenth.values()) < 1000 * 0.1  # no tenth of a second holds a tenth of them
    assert statistics.pstdev(firsts) > 0.25 * R
    assert all((1 - JITTER) * R <= g <= (1 + JITTER) * R for g in gaps)
    assert statistics.pstdev(gaps) > 0.04 * R  # every bar has its own interval
    assert statistics.mean(gaps) == pytest.approx(R, rel=0.02)  # the rate is kept


def test_backoff_draws_from_a_doubling_window_up_to_the_cap() -> None:
    schedule = PollSchedule(random.Random(3))
    schedule.succeeded(0.0)
    windows = []
    for n in range(8):
        delay = schedule.failed(100.0, R)
        windows.append(min(BACKOFF_CAP_S, R * 2**n))
        assert 0.0 <= delay <= windows[-1]
        assert schedule.due(Activity.READY, R) == 100.0 + delay  # whatever the activity
        assert schedule.due(Activity.LOGGED_OUT, R) == 100.0 + delay
    assert windows[-1] == BACKOFF_CAP_S
    schedule.succeeded(200.0)
    assert not schedule.offline and schedule.failures == 0


def test_full_jitter_spreads_the_retries_over_the_window() -> None:
    delays = []
    for seed in range(2000):
        schedule = PollSchedule(random.Random(seed))
        for _ in range(6):  # the sixth failure in a row: the capped window
            delay = schedule.failed(0.0, R)
        delays.append(delay)
    assert min(delays) < 0.05 * BACKOFF_CAP_S and max(delays) > 0.95 * BACKOFF_CAP_S
    assert statistics.mean(delays) == pytest.approx(BACKOFF_CAP_S / 2, rel=0.1)


def test_a_restarted_server_is_not_met_by_the_whole_floor_at_once() -> None:
    """1,000 bars polling at the ready rate; the server is down from t=100 to t=160. Once it
    is back, no second sees more than a small share of the floor (the old schedule retried
    every bar on the same fixed steps: 2, 4, 8, 15, 30, 60 s)."""
    floor = 1000
    down, up = 100.0, 160.0
    schedules = [PollSchedule(random.Random(seed)) for seed in range(floor)]
    next_at = [0.0] * floor
    per_second: Counter[int] = Counter()
    for i, schedule in enumerate(schedules):
        t = next_at[i]
        while t < up + 120:
            if down <= t < up:
                delay = schedule.failed(t, R)
                t += delay
                continue
            per_second[int(t)] += 1
            schedule.succeeded(t)
            due = schedule.due(Activity.READY, R)
            assert due is not None
            t = due
    steady = max(per_second[s] for s in range(20, int(down)))
    herd = max(per_second[s] for s in range(int(up), int(up) + 120))
    assert steady <= floor / R * 1.3
    # Back in service, the busiest second is no worse than a busy second of normal polling.
    assert herd <= steady * 1.2


def test_a_refused_key_waits_minutes_spread_over_the_floor_and_a_new_key_retries_at_once():
    """No fast retries against a server that refuses the key; bars are not in step."""
    waits = []
    for seed in range(200):
        schedule = PollSchedule(random.Random(seed))
        schedule.succeeded(0.0)
        waits.append(schedule.refused(10.0, 300.0))
        assert schedule.due(Activity.READY, 2.0) == 10.0 + waits[-1]
    assert min(waits) >= 150.0 and max(waits) <= 300.0
    assert max(waits) - min(waits) > 100.0  # spread, not in step
    schedule.reset_backoff(20.0)  # the key changed: try now
    assert schedule.due(Activity.READY, 2.0) == 20.0
