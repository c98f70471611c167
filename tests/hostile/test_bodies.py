"""Attacks in the reply body: each one is a typed error with a human message, never a crash.

Every case is played twice: against the client (the exact error type and message, the key in
no part of it) and against the GUI session (a human message on the ``notified`` signal, the
agent's state unchanged, nothing escaping, and the bar working again once the server heals).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest

from agentbar.api import CallCenterClient, CallCenterError, NetworkError, ProtocolError
from agentbar.sim import DEMO_AGENT
from agentbar.sim.faults import login_page, slow_pattern_bodies
from tests.hostile.conftest import (
    WAIT_MS,
    Attack,
    Hostile,
    SessionFactory,
    Spy,
    answer,
    client_for,
    cut_short,
    huge,
    leaks,
    log_in,
    request_line,
)

MB = 1024 * 1024

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CallCenter><result>true</result><message>&lol9;</message></CallCenter>"""
XXE_FILE = (
    b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<CallCenter><result>true</result><message>&x;</message></CallCenter>"
)
DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
DEEP_JSON_FIELD = b'{"result":"true","message":' + b"[" * 5000 + b"]" * 5000 + b"}"
DEEP_XML = b"<CallCenter>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</CallCenter>"
OK_BREAK = '{"result":"true","message":"Mola Başladı"}'.encode()


def _login_page_echoing(request: bytes) -> bytes:
    """Issabel's login page whose title quotes the request (key included)."""
    return login_page().replace(
        b"<title>Issabel - Giri", f"<title>{request_line(request)} Issabel - Giri".encode()
    )


def _fatal_echoing(request: bytes) -> bytes:
    return (
        f"<br />\n<b>Fatal error</b>: {request_line(request)} in <b>/var/www/api.php</b> "
        "on line <b>3</b><br />\n"
    ).encode()


@dataclass(frozen=True)
class Case:
    attack: Attack
    action: str  # which client call / session action meets it
    error: type[CallCenterError]
    message: str  # a regex the message must match


HTML = "text/html; charset=UTF-8"
XML = "text/xml"

CASES: dict[str, Case] = {
    # -- cut short ------------------------------------------------------------------------
    "truncated-with-content-length": Case(
        cut_short(OK_BREAK, declare_full=True), "breakStart", NetworkError, "broke off"
    ),
    "truncated-json-until-close": Case(
        cut_short(OK_BREAK, declare_full=False), "breakStart", ProtocolError, "cut short"
    ),
    "truncated-xml": Case(
        answer(b"<CallCenter><result>true</result><mess", content_type=XML),
        "breakStart",
        ProtocolError,
        "XML reply is malformed or cut short",
    ),
    # -- size --------------------------------------------------------------------------------
    "over-the-cap-declared": Case(
        huge(64 * MB, declared=True), "breakStart", ProtocolError, "larger than 8 MB"
    ),
    "over-the-cap-chunked": Case(
        huge(9 * MB, declared=False), "breakStart", ProtocolError, "larger than 8 MB"
    ),
    # -- XML attacks -----------------------------------------------------------------------
    "xml-entity-bomb": Case(
        answer(BOMB, content_type=XML), "breakStart", ProtocolError, "refused as unsafe"
    ),
    "xml-external-entity": Case(
        answer(XXE_FILE, content_type=XML), "breakStart", ProtocolError, "refused as unsafe"
    ),
    # -- encoding ----------------------------------------------------------------------------
    "invalid-utf8-json": Case(
        answer(b'{"result":"true","message":"Mola \xff\xfe Ba\xc5"}'),
        "breakStart",
        ProtocolError,
        "not valid UTF-8",
    ),
    "invalid-utf8-xml": Case(
        answer(b"<CallCenter><result>true</result><message>\xff\xfe</message></CallCenter>"),
        "breakStart",
        ProtocolError,
        "XML reply is malformed",
    ),
    "utf16-json": Case(
        answer('{"result":"true"}'.encode("utf-16")),
        "breakStart",
        ProtocolError,
        "neither XML nor JSON",
    ),
    # -- the envelope ------------------------------------------------------------------------
    "result-missing": Case(
        answer('{"message":"Mola Başladı"}'.encode()), "breakStart", ProtocolError, "no result"
    ),
    "result-missing-xml": Case(
        answer("<CallCenter><message>Mola Başladı</message></CallCenter>".encode()),
        "breakStart",
        ProtocolError,
        "no result",
    ),
    "result-is-an-object": Case(
        answer(b'{"result":{"0":"true"},"message":"x"}'),
        "breakStart",
        ProtocolError,
        "unexpected structure",
    ),
    "result-is-a-number": Case(
        answer(b'{"result":5,"message":"x"}'), "breakStart", ProtocolError, "not true or false"
    ),
    "message-is-a-list": Case(
        answer('{"result":"true","message":["Mola","Başladı"]}'.encode()),
        "breakStart",
        ProtocolError,
        "unexpected structure",
    ),
    "message-is-an-object": Case(
        answer(b'{"result":"true","message":{"tr":{"text":"x"}}}'),
        "breakStart",
        ProtocolError,
        "unexpected structure",
    ),
    "a-list-where-the-envelope-belongs": Case(
        answer(b'[{"result":"true","message":"x"}]'), "breakStart", ProtocolError, "bare list"
    ),
    "a-number-for-the-envelope": Case(
        answer(b"42"), "breakStart", ProtocolError, "neither XML nor JSON"
    ),
    "null-for-the-envelope": Case(
        answer(b"null"), "breakStart", ProtocolError, "neither XML nor JSON"
    ),
    "deeply-nested-json": Case(answer(DEEP_JSON), "breakStart", ProtocolError, "nested too deeply"),
    "deeply-nested-json-field": Case(
        answer(DEEP_JSON_FIELD),
        "breakStart",
        ProtocolError,
        "nested too deeply|unexpected structure",
    ),
    "deeply-nested-xml": Case(
        answer(DEEP_XML, content_type=XML), "breakStart", ProtocolError, "nested too deeply"
    ),
    # -- pages instead of API data -----------------------------------------------------------
    "html-login-page-with-200": Case(
        answer(_login_page_echoing, content_type=HTML),
        "breakStart",
        ProtocolError,
        "web page .*login page",
    ),
    "php-fatal-error-with-200": Case(
        answer(_fatal_echoing, content_type=HTML), "breakStart", CallCenterError, "PHP error"
    ),
    "empty-200": Case(answer(b""), "breakStart", ProtocolError, "empty reply"),
    # -- wrong types in lists ----------------------------------------------------------------
    "break-list-of-strings": Case(
        answer(b'["YEMEK MOLASI","CAY SIGARA MOLASI"]'), "breakList", ProtocolError, "not a record"
    ),
    "break-list-of-numbers": Case(answer(b"[2,3,4]"), "breakList", ProtocolError, "not a record"),
    "break-list-replaced-by-a-refusal": Case(
        answer('{"message":"Geçersiz API anahtarı"}'.encode()),
        "breakList",
        ProtocolError,
        "no result",
    ),
    "calls-as-a-string": Case(
        answer(b'{"result":"true","activecalls":"yok"}'), "activeCalls", ProtocolError, "record"
    ),
    "calls-as-numbers": Case(
        answer(b'{"result":"true","activecalls":[1,2,3]}'), "activeCalls", ProtocolError, "record"
    ),
    "call-fields-as-objects": Case(
        answer(b'{"result":"true","activecalls":[{"kanal":{"a":1},"dahili":[1004]}]}'),
        "activeCalls",
        ProtocolError,
        "unexpected structure",
    ),
    "agents-as-objects": Case(
        answer(b'{"result":"true","agents":[{"agent":{"no":"101"}}]}'),
        "queueAgents",
        ProtocolError,
        "unexpected structure|malformed",
    ),
    "agents-as-a-number-object": Case(
        answer(b'{"result":"true","agents":{"count":{"n":2}}}'),
        "queueAgents",
        ProtocolError,
        "unexpected structure|malformed",
    ),
}

# -- bodies built for slow patterns (issue 15, item 1): each one answered in milliseconds --
SLOW_PATTERN_ERRORS: dict[str, tuple[type[CallCenterError], str]] = {
    "lt-run": (ProtocolError, "XML reply is malformed"),
    "lt-run-in-a-page": (ProtocolError, "web page"),
    "lt-groups-in-a-page": (ProtocolError, "web page"),
    "php-warning-of-lt": (ProtocolError, "neither XML nor JSON"),
    "php-warning-of-lt-in-window": (CallCenterError, "PHP error"),
    "nested-unclosed-title": (ProtocolError, "web page"),
    "nested-unclosed-h1": (ProtocolError, "web page"),
    "nested-unclosed-xml": (ProtocolError, "nested too deeply"),
}
SLOW_PATTERN_BODIES = slow_pattern_bodies()
assert set(SLOW_PATTERN_BODIES) == set(SLOW_PATTERN_ERRORS)
for _name, (_error, _message) in SLOW_PATTERN_ERRORS.items():
    CASES[f"slow-pattern-{_name}"] = Case(
        answer(SLOW_PATTERN_BODIES[_name], content_type=HTML), "breakStart", _error, _message
    )

CLIENT_CALLS: dict[str, Callable[[CallCenterClient], Awaitable[object]]] = {
    "breakStart": lambda c: c.break_start(DEMO_AGENT, 2),
    "breakList": lambda c: c.break_list(),
    "activeCalls": lambda c: c.active_calls(),
    "queueAgents": lambda c: c.queue_agents(500),
}


# -- through the client --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
async def test_client_raises_a_typed_error(
    name: str, hostile_factory: Callable[..., Hostile], api_http: httpx.AsyncClient
) -> None:
    case = CASES[name]
    server = hostile_factory()
    server.set(case.attack)
    client = client_for(server.url, api_http)
    with pytest.raises(CallCenterError) as info:
        await CLIENT_CALLS[case.action](client)
    error = info.value
    assert isinstance(error, case.error), repr(error)
    assert re.search(case.message, error.message), error.message
    assert len(error.message) < 600
    for text in (str(error), repr(error), repr(error.args)):
        assert not leaks(text), text
    assert error.__cause__ is None and error.__context__ is None
    if name == "xml-external-entity":
        assert "root:" not in error.message  # /etc/passwd was never read into the message


# -- through the GUI session ----------------------------------------------------------------------

GUI_ACTION_CASES = [n for n, c in CASES.items() if c.action in ("breakStart", "breakList")]
GUI_POLL_CASES = [n for n, c in CASES.items() if c.action == "activeCalls"] + [
    "truncated-with-content-length",
    "over-the-cap-chunked",
    "html-login-page-with-200",
    "xml-entity-bomb",
]


def _assert_human(text: str) -> None:
    assert text.strip()
    assert "Traceback" not in text and "internal error" not in text, text
    assert len(text) < 700, text
    assert not leaks(text), text


@pytest.mark.parametrize("name", GUI_ACTION_CASES)
def test_session_action_meets_the_attack(
    name: str, qtbot, hostile: Hostile, sim, make_session: SessionFactory, spy: Spy
) -> None:
    case = CASES[name]
    session = make_session(hostile.url)
    log_in(qtbot, session)
    reason = session.state.break_reasons[0]
    before = session.state
    label = "Starting the break" if case.action == "breakStart" else "Loading break reasons"

    hostile.set(case.attack, only={case.action})
    errors_before = len(spy.errors())
    if case.action == "breakStart":
        session.start_break(reason)
    else:
        session.refresh_reasons()
    qtbot.waitUntil(lambda: len(spy.errors()) > errors_before, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT_MS)
    message = spy.errors()[-1]
    _assert_human(message)
    assert message.startswith(f"{label} failed: "), message
    assert re.search(case.message, message), message
    assert session.state == before  # logged in, not on a break, same reasons
    assert not sim.state.agents.get(DEMO_AGENT).on_break

    # The server heals: the bar is usable again without a restart.
    hostile.set(None)
    session.poke()
    qtbot.waitUntil(lambda: session.connection.online, timeout=WAIT_MS)
    session.start_break(reason)
    qtbot.waitUntil(lambda: session.state.on_break is not None, timeout=WAIT_MS)
    assert sim.state.agents.get(DEMO_AGENT).on_break
    assert spy.escaped() == []


@pytest.mark.parametrize("name", GUI_POLL_CASES)
def test_session_poll_meets_the_attack(
    name: str, qtbot, hostile: Hostile, sim, make_session: SessionFactory, spy: Spy
) -> None:
    case = CASES[name]
    session = make_session(hostile.url)
    log_in(qtbot, session)
    before = session.state
    hostile.set(case.attack, only={"activeCalls"})
    session.poke()
    qtbot.waitUntil(lambda: not session.connection.online, timeout=WAIT_MS)
    reason = session.connection.reason
    _assert_human(reason)
    assert not session.connection.auth_failed
    assert session.state == before
    if case.action == "activeCalls":
        assert re.search(case.message, reason), reason

    hostile.set(None)
    session.poke()
    qtbot.waitUntil(lambda: session.connection.online, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ("info", "The server answers again.") in spy.messages, timeout=WAIT_MS)
    assert session.state == before
    assert spy.escaped() == []
