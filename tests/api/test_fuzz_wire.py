"""Property-based fuzzing of the JSON and XML decoders (issue 15, item 10).

Whatever the server sends, ``wire.decode`` either returns a payload of the module's shape or
raises one of the API layer's typed errors, and the models built from a payload never raise.
Runs are reproducible and bounded: derandomized, no example database, a few hundred examples.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agentbar.api import CallCenterError, models, wire
from agentbar.api.modules import MODULES, Kind

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
DECODED = [m for m in MODULES.values() if m.kind is not Kind.DOWNLOAD]
MODULE = st.sampled_from(DECODED)
STATUS = st.sampled_from([200, 200, 200, 302, 401, 404, 500, 503])

# Keys a PHP server (or a hostile one) may use: list indexes, their Unicode look-alikes
# ("²", Arabic-Indic digits), numbers too long for int(), and the envelope's own names.
KEYS = st.one_of(
    st.sampled_from(
        ["result", "message", "error", "activecalls", "agents", "break", "data", "datas", "id"]
    ),
    st.sampled_from(["0", "1", "2", "10", "01", "²", "٣", "１", "9" * 5000, "-1", " 1"]),
    st.text(max_size=12),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["true", "false", "1", "0", "", "9" * 400, "0001-01-01 00:00:00"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=25,
)
ENVELOPES = st.builds(
    lambda result, fields: {"result": result, **fields},
    st.sampled_from(["true", "false", True, 1, "1", None, "yes", {"0": "true"}]),
    st.dictionaries(KEYS, VALUES, max_size=4),
)


def _json_text(value: Any) -> str:
    """JSON text of ``value``; ints longer than str() allows are written out by hand."""
    if isinstance(value, dict):
        inner = ",".join(f"{json.dumps(k)}:{_json_text(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    return json.dumps(value)


def _check(body: bytes, module: Any, status: int = 200) -> None:
    try:
        payload = wire.decode(body, module, status=status)
    except CallCenterError as exc:
        assert exc.message and len(exc.message) < 2000
        return
    assert isinstance(payload, dict | list)
    if isinstance(payload, dict):
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in payload.items())
        rows = [payload]
    else:
        rows = [r for r in payload if isinstance(r, dict)]
        assert len(rows) == len(payload) or module.kind is Kind.AGENTS
    for row in rows:  # what the client builds from the payload never raises either
        for build in BUILDERS:
            build(row)


BUILDERS = [
    models.Ack.from_wire,
    models.BreakListEntry.from_wire,
    models.BreakEnd.from_wire,
    models.AgentCall.from_wire,
    models.LiveCall.from_wire,
    models.CallRecord.from_wire,
    models.Queue.from_wire,
    models.Campaign.from_wire,
    models.CallDetail.from_wire,
]


@FUZZ
@given(MODULE, ENVELOPES, STATUS)
@example(MODULES["activeCalls"], {"result": "true", "activecalls": {"²": {"a": "b"}}}, 200)
@example(MODULES["activeCalls"], {"result": "true", "activecalls": {"9" * 5000: {}}}, 200)
@example(MODULES["breakList"], {"result": None, "٣": {"id": "1"}}, 200)
def test_json_envelopes_decode_or_raise_a_typed_error(module, doc, status) -> None:
    _check(_json_text(doc).encode(), module, status)


@FUZZ
@given(MODULE, VALUES)
@example(MODULES["breakList"], {"²": {"id": "1", "name": "x"}})
@example(MODULES["breakList"], {"9" * 5000: {"id": "1"}})
def test_any_json_document_decodes_or_raises_a_typed_error(module, doc) -> None:
    _check(_json_text(doc).encode(), module)


@FUZZ
@given(MODULE, st.binary(max_size=200))
@example(MODULES["breakStart"], b'{"result":"true","message":' + b"9" * 5000 + b"}")
@example(MODULES["breakStart"], b"Warning <<<<<<<<<<< on line 1")
def test_any_bytes_decode_or_raise_a_typed_error(module, body: bytes) -> None:
    _check(body, module)


@FUZZ
@given(
    MODULE,
    st.lists(
        st.sampled_from(
            [b"{", b"}", b"[", b"]", b'"', b":", b",", b"0", b"9" * 50, b'"result"', b'"true"']
            + [b"<", b">", b"</", b"/>", b"a", b"CallCenter", b"&amp;", b"&#0;", b"\xff", b" "]
            + [b"<br />", b"Warning", b"on line 3", b"<title>", b"</title>", b"<html>"]
        ),
        max_size=40,
    ).map(b"".join),
)
def test_token_soup_decodes_or_raises_a_typed_error(module, body: bytes) -> None:
    _check(body, module)


TAGS = st.sampled_from(
    ["result", "message", "activecalls", "call", "agents", "agent", "Datas", "Data", "id", "a"]
)


def _element(tag: str, children: list[Any] | str, attrs: dict[str, str]) -> str:
    attr = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    inner = escape(children) if isinstance(children, str) else "".join(children)
    return f"<{tag}{attr}>{inner}</{tag}>"


XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=20,
)
XML_TREES = st.recursive(
    st.builds(_element, TAGS, XML_TEXT, st.dictionaries(st.sampled_from(["x", "y"]), XML_TEXT)),
    lambda inner: st.builds(_element, TAGS, st.lists(inner, max_size=4), st.just({})),
    max_leaves=20,
)


@FUZZ
@given(MODULE, st.sampled_from(["true", "false", "1", "", "x"]), st.lists(XML_TREES, max_size=4))
def test_xml_envelopes_decode_or_raise_a_typed_error(module, result: str, children) -> None:
    body = f"<CallCenter><result>{result}</result>{''.join(children)}</CallCenter>"
    _check(body.encode(), module)


@FUZZ
@given(MODULE, XML_TREES, st.integers(min_value=0, max_value=60))
def test_xml_cut_anywhere_decodes_or_raises_a_typed_error(module, tree: str, cut: int) -> None:
    body = f"<CallCenter><result>true</result>{tree}</CallCenter>".encode()
    _check(body[: len(body) - cut], module)


@pytest.mark.parametrize(
    "body",
    [
        b'{"result":"true","activecalls":{"\xc2\xb2":{"kanal":"x"}}}',
        b'{"result":"true","activecalls":{"' + b"9" * 5000 + b'":{"kanal":"x"}}}',
        b'{"result":"true","activecalls":{"1":{"kanal":"a"},"' + b"0" * 5000 + b'2":{}}}',
    ],
)
def test_php_array_keys_that_int_refuses_are_typed_errors_or_in_order(body: bytes) -> None:
    try:
        rows = wire.decode(body, MODULES["activeCalls"])
    except CallCenterError:
        return
    assert isinstance(rows, list)
    if len(rows) == 2:  # "1" before "000…002", as numbers
        assert rows[0] == {"kanal": "a"}
