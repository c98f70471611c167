"""Call history: the two callRecords queries merged, linked to recordings, today's summary."""

from __future__ import annotations

from datetime import date, datetime

from agentbar.api.models import CallRecord
from agentbar.core.history import TodaySummary, history_entries, summarise
from agentbar.core.recordings import Direction, entries_for

EXT = "1004"
TODAY = date(2026, 11, 27)


def rec(caller, called, when, durum="ANSWERED", sure=60, file=None, channel="SIP/1004-1"):
    return CallRecord(
        when,
        "Ali Acar" if caller != EXT else "Me",
        caller,
        called,
        "",
        channel,
        "SIP/x-2",
        "",
        "",
        sure,
        durum,
        file,
    )


def test_history_merges_both_queries_newest_first_and_links_recordings():
    out = rec(EXT, "05321234567", datetime(2026, 11, 27, 10, 0))
    inc = rec("05551112233", EXT, datetime(2026, 11, 27, 11, 0), channel="SIP/ttnet-3")
    old = rec("05551112233", EXT, datetime(2026, 11, 26, 9, 0), durum="NO ANSWER")
    recorded = rec(
        inc.caller_number, EXT, inc.date, channel="SIP/ttnet-3", file="/m/in-0555-1004-x.WAV"
    )
    recordings = entries_for([recorded], EXT)
    rows = history_entries([out], [inc, old, inc], EXT, recordings)
    assert [r.date for r in rows] == [inc.date, out.date, old.date]
    assert rows[0].file == "/m/in-0555-1004-x.WAV"
    assert rows[0].direction is Direction.IN and rows[0].name == "Ali Acar"
    assert rows[1].file is None and rows[1].direction is Direction.OUT and rows[1].name == ""


def test_summary_counts_only_today():
    rows = entries_for(
        [
            rec(EXT, "0532", datetime(2026, 11, 27, 9, 0), sure=100),
            rec("0532", EXT, datetime(2026, 11, 27, 9, 30), sure=50, channel="c2"),
            rec("0532", EXT, datetime(2026, 11, 27, 10, 0), durum="NO ANSWER", sure=20),
            rec("0532", EXT, datetime(2026, 11, 26, 10, 0), sure=999),
            rec("0532", EXT, None),
        ],
        EXT,
    )
    assert summarise(rows, TODAY, break_s=900.0) == TodaySummary(3, 2, 150, 900.0)


def test_empty_summary():
    assert summarise([], TODAY) == TodaySummary()


def test_break_times_take_the_servers_record_only_when_it_is_plausible():
    from agentbar.core.agent_state import break_times

    seen_start = datetime(2026, 11, 16, 10, 0).timestamp()
    seen_end = seen_start + 600
    near = (datetime(2026, 11, 16, 9, 59, 30), datetime(2026, 11, 16, 10, 9, 40))
    # Plausible (a little clock skew): the server's own record wins.
    assert break_times(seen_start, seen_end, *near) == (near[0].timestamp(), near[1].timestamp())
    # Missing, fixed, reversed, other-time-zone times: this machine's, both of them.
    assert break_times(seen_start, seen_end, None, near[1]) == (seen_start, seen_end)
    assert break_times(seen_start, seen_end, near[0], None) == (seen_start, seen_end)
    fixed = (datetime(2020, 1, 6, 9, 0), datetime(2020, 1, 6, 9, 10))
    assert break_times(seen_start, seen_end, *fixed) == (seen_start, seen_end)
    assert break_times(seen_start, seen_end, near[1], near[0]) == (seen_start, seen_end)
    shifted = (datetime(2026, 11, 16, 13, 0), datetime(2026, 11, 16, 13, 10))
    assert break_times(seen_start, seen_end, *shifted) == (seen_start, seen_end)
    assert break_times(seen_start, seen_end, datetime(1, 1, 1), datetime(1, 1, 1)) == (
        seen_start,
        seen_end,
    )
