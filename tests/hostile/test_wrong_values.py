"""Well-formed replies with absurd values: they must not crash the bar nor corrupt its state.

A 400-digit call duration, a break that started in year 1, a reason without an id, a message
that is a lone UTF-16 surrogate: each one once reached code that does arithmetic or Qt string
conversion on it. The bar must carry on as if the field were missing.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from agentbar.api import ProtocolError
from agentbar.api import models as m
from agentbar.core.calls import MAX_EXPECTED_DIALS, CallTracker, CurrentCall
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from tests.hostile.conftest import (
    WAIT_MS,
    Hostile,
    SessionFactory,
    Spy,
    answer,
    client_for,
    log_in,
)

HUGE = "9" * 400


def _calls(**fields: str) -> bytes:
    row = {"kanal": f"SIP/{DEMO_EXTENSION}-00000001", "dahili": DEMO_EXTENSION, "yon": "in"}
    row |= {"arayan_numara": "02125551234", **fields}
    return json.dumps({"result": "true", "activecalls": [row]}).encode()


async def test_absurd_numbers_and_dates_read_as_missing(
    hostile_factory: Callable[..., Hostile], api_http: httpx.AsyncClient
) -> None:
    server = hostile_factory()
    client = client_for(server.url, api_http)
    server.set(answer(_calls(sure=HUGE)))
    [live] = await client.active_calls()
    assert live.duration_s is None
    server.set(answer(_calls(sure=f"{HUGE}:00:00")))
    [live] = await client.active_calls()
    assert live.duration_s is None
    body = {
        "result": "true",
        "break": {"starttime": "0001-01-01 00:00:00", "endtime": "9999-12-31 23:59:59"},
    }
    server.set(answer(json.dumps(body).encode()))
    ended = await client.break_end(DEMO_AGENT)
    assert ended.start is None  # not representable as a timestamp: as if absent
    assert ended.end is not None and ended.end.year == 9999
    assert m.parse_int(str(2**53)) is None and m.parse_int(str(2**53 - 1)) == 2**53 - 1


async def test_break_reasons_without_an_id_are_dropped(
    hostile_factory: Callable[..., Hostile], api_http: httpx.AsyncClient
) -> None:
    server = hostile_factory()
    body = {"result": "true", "break": [{"name": "ghost"}, {"id": "2", "name": "YEMEK MOLASI"}]}
    server.set(answer(json.dumps(body).encode()))
    reasons = await client_for(server.url, api_http).break_list()
    assert reasons == [m.BreakListEntry("2", "YEMEK MOLASI")]


def test_a_400_digit_call_duration_does_not_take_the_bar_offline(
    qtbot, hostile: Hostile, make_session: SessionFactory, spy: Spy, sim
) -> None:
    session = make_session(hostile.url)
    log_in(qtbot, session)
    hostile.set(answer(_calls(sure=HUGE)), only={"activeCalls"})
    polls = hostile.count("activeCalls")
    session.poke()
    qtbot.waitUntil(lambda: hostile.count("activeCalls") >= polls + 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT_MS)
    assert session.connection.online  # it went "offline: internal error" on every poll
    assert session.call is not None and session.call.number == "02125551234"
    assert 0 <= session.call.elapsed() < 60
    assert spy.escaped() == []


def test_a_break_from_year_one_still_ends_the_break(
    qtbot, hostile: Hostile, make_session: SessionFactory, spy: Spy, sim
) -> None:
    session = make_session(hostile.url)
    log_in(qtbot, session)
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT_MS)
    assert session.state.on_break is not None
    started = session.state.on_break.started_at
    body = {"result": "true", "break": {"starttime": "0001-01-01 00:00:00"}}
    hostile.set(answer(json.dumps(body).encode()), only={"breakEnd"})
    session.end_break()
    qtbot.waitUntil(lambda: session.state.on_break is None, timeout=WAIT_MS)
    assert session.state.break_log[-1].started_at == started  # ours, not year 1
    assert "internal error" not in " ".join(spy.errors())
    assert spy.escaped() == []


def test_a_lone_surrogate_in_a_message_reaches_the_agent(
    qtbot, hostile: Hostile, make_session: SessionFactory, spy: Spy, sim
) -> None:
    session = make_session(hostile.url)
    log_in(qtbot, session)
    body = b'{"result":"false","message":"Hata \\ud800 olu\\u015ftu"}'
    hostile.set(answer(body), only={"breakStart"})
    session.start_break(session.state.break_reasons[0])
    qtbot.waitUntil(lambda: bool(spy.errors()), timeout=WAIT_MS)
    # The server's own words, marked as the server's (issue 14, item 11).
    assert spy.errors()[-1].startswith("Starting the break failed: Server: “Hata")
    assert session.state.on_break is None
    assert spy.escaped() == []


def test_refused_dials_are_not_remembered_forever() -> None:
    tracker = CallTracker()
    for n in range(500):  # a shift of dials that never became calls
        tracker.expect_outgoing(f"0532{n:07d}")
    assert tracker.expected_count == MAX_EXPECTED_DIALS
    # The latest dial is still recognised when its call shows up: not announced as incoming.
    mine = CurrentCall("SIP/1004-1", "05320000499", "in", 0.0)
    assert tracker.update(mine) is False
    stranger = CurrentCall("SIP/1004-2", "05320000000", "in", 0.0)  # an early, forgotten dial
    assert tracker.update(stranger) is True


def _php_array_calls(key: str) -> bytes:
    """activeCalls as PHP encodes an array with the index ``key`` (an object, not a list)."""
    row = {"kanal": f"SIP/{DEMO_EXTENSION}-00000001", "dahili": DEMO_EXTENSION, "yon": "in"}
    row["arayan_numara"] = "02125551234"
    return json.dumps({"result": "true", "activecalls": {key: row}}).encode()


async def test_php_array_keys_int_refuses_are_typed_or_read(
    hostile_factory: Callable[..., Hostile], api_http: httpx.AsyncClient
) -> None:
    """A key "²" (a digit to str.isdigit, not to int) or of 5,000 digits (over int()'s limit)
    raised a plain ValueError: the bar went offline with "internal error" on every poll."""
    server = hostile_factory()
    client = client_for(server.url, api_http)
    server.set(answer(_php_array_calls("²")))
    with pytest.raises(ProtocolError, match="unexpected structure"):
        await client.active_calls()
    server.set(answer(_php_array_calls("9" * 5000)))
    [live] = await client.active_calls()  # a list index, however long: the one call
    assert live.caller_number == "02125551234"


@pytest.mark.parametrize("key", ["²", "9" * 5000])
def test_a_php_array_key_int_refuses_does_not_crash_the_poll(
    key: str, qtbot, hostile: Hostile, make_session: SessionFactory, spy: Spy, sim
) -> None:
    session = make_session(hostile.url)
    log_in(qtbot, session)
    hostile.set(answer(_php_array_calls(key)), only={"activeCalls"})
    polls = hostile.count("activeCalls")
    session.poke()
    qtbot.waitUntil(lambda: hostile.count("activeCalls") >= polls + 2, timeout=WAIT_MS)
    reason = session.connection.reason or ""
    assert "internal error" not in reason, reason
    if key == "²":
        qtbot.waitUntil(lambda: not session.connection.online, timeout=WAIT_MS)
        assert "unexpected structure" in (session.connection.reason or "")
    else:
        qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT_MS)
        assert session.connection.online
    assert spy.escaped() == []
