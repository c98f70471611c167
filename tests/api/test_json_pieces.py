"""json_pieces.loads_in_pieces answers exactly as json.loads, and lets the GIL go between rows."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable

import pytest

from agentbar.api.json_pieces import loads_in_pieces
from agentbar.api.modules import MODULES
from agentbar.api.wire import PIECES_FROM, decode

DOCUMENTS = [
    "[]",
    "{}",
    ' [1, 2 ,{"a":[1]}] ',
    '{"a": {"b": [1, 2]}, "c": null, "d": true, "e": false, "f": -1.5e3}',
    '"x"',
    "3",
    "null",
    '{"result": "true", "data": {"0": {"a": "1"}, "1": {"a": "2"}}}',
    '{"a": 1, "a": 2}',  # the last one wins, as in json.loads
    '{"k\\u00fc": "\\u0130stanbul \\ud83d\\ude00", "t": "tab\\there"}',
    "[NaN, Infinity, -Infinity]",
    "\t\n\r [ ] \n",
    "[[[[[[1]]]]]]",
    '{"a": [{"b": [{"c": {}}]}]}',
]

BROKEN = [
    "", " ", "[", "{", "[1,]", '{"a" 1}', "[1 2]", '{"a":1,}', "[1] x", '{"a":', "{'a': 1}",
    '{"a": 1 "b": 2}', "[1,,2]", '["unterminated]', '{1: 2}', "tru", '["\x01"]',
]  # fmt: skip


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_same_value_as_json_loads(text: str) -> None:
    expected = json.loads(text)
    got = loads_in_pieces(text)
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    for depth in (0, 1, 3, 10):
        assert json.dumps(loads_in_pieces(text, depth), sort_keys=True) == json.dumps(
            expected, sort_keys=True
        )


@pytest.mark.parametrize("text", BROKEN)
def test_the_same_refusal_as_json_loads(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        loads_in_pieces(text)


def test_deep_nesting_is_a_recursion_error_as_in_json_loads() -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        loads_in_pieces(text)


def _rows_body(rows: int) -> str:
    row = {
        "arama_tarihi": "2026-11-20 10:00:00",
        "arayan_adi": "İSMAİL IŞIK",
        "arayan_numara": "05321234567",
        "aranan_numara": "1004",
        "sure": "42",
        "dosya": "/var/spool/asterisk/monitor/2026/11/20/in-05321234567-1004-x.WAV",
    }
    many = [dict(row, sure=str(i)) for i in range(rows)]
    return json.dumps({"result": "true", "activecalls": many})


def test_a_long_reply_decodes_in_pieces_to_the_same_rows() -> None:
    body = _rows_body(4000)
    assert len(body) >= PIECES_FROM
    rows = decode(body.encode(), MODULES["soundRecords"])
    assert isinstance(rows, list) and len(rows) == 4000
    first, eighth = rows[0], rows[7]
    assert isinstance(first, dict) and isinstance(eighth, dict)
    assert eighth["sure"] == "7" and first["arayan_adi"] == "İSMAİL IŞIK"


def test_another_thread_runs_while_a_long_reply_decodes() -> None:
    """The point of it: json.loads holds the GIL for the whole body; this lets it go."""
    body = _rows_body(20_000)
    longest: dict[str, float] = {}

    def longest_pause(decoder: Callable[[str], object]) -> float:
        gaps = [0.0]
        done = threading.Event()

        def ticker() -> None:
            last = time.perf_counter()
            while not done.is_set():
                now = time.perf_counter()
                gaps[0] = max(gaps[0], now - last)
                last = now
                time.sleep(0.0005)

        thread = threading.Thread(target=ticker)
        previous = sys.getswitchinterval()
        sys.setswitchinterval(0.001)
        try:
            thread.start()
            time.sleep(0.01)
            decoder(body)
            done.set()
            thread.join()
        finally:
            sys.setswitchinterval(previous)
        return gaps[0]

    single = json.loads(body)
    longest["json.loads"] = longest_pause(json.loads)
    longest["pieces"] = longest_pause(loads_in_pieces)
    assert loads_in_pieces(body) == single
    # One C call for the whole body against one per row: the other thread waits far less.
    assert longest["pieces"] < longest["json.loads"] / 2, longest
