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
