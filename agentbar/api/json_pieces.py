"""``json.loads`` for long replies, in pieces, so that a worker thread shares the GIL.

The C decoder holds the GIL for a whole document: for the soundRecords reply of 10,000 rows
that freezes the GUI thread although the parse runs in a worker (bench/responsiveness.py).
Here the outer containers (the envelope, the list of rows) are walked in Python and each value
below ``split_depth`` (a row) is handed to the same C scanner: the GIL can change hands between
two rows. Same result and same errors (ValueError, RecursionError) as ``json.loads``, at a
little more of its time.
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable
from typing import Any

# The C scanner and string scanner that json.loads uses (not in the typing stubs).
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_STRING: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\n\r]*")
#: Containers at depth 0 and 1 (the envelope and its lists) are walked in Python.
SPLIT_DEPTH = 2


def loads_in_pieces(text: str, split_depth: int = SPLIT_DEPTH) -> Any:
    """Decode the JSON document ``text`` like ``json.loads(text)``."""
    value, end = _value(text, _skip(text, 0), 0, split_depth)
    end = _skip(text, end)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip(text: str, idx: int) -> int:
    """The index of the first non-blank character from ``idx``."""
    blank = _WS.match(text, idx)
    return blank.end() if blank else idx


def _value(text: str, idx: int, depth: int, split_depth: int) -> tuple[Any, int]:
    char = text[idx : idx + 1]
    if depth < split_depth:
        if char == "[":
            return _array(text, idx + 1, depth, split_depth)
        if char == "{":
            return _object(text, idx + 1, depth, split_depth)
    try:
        return _SCAN(text, idx)
    except StopIteration as stop:
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None


def _array(text: str, idx: int, depth: int, split_depth: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    idx = _skip(text, idx)
    if text[idx : idx + 1] == "]":
        return items, idx + 1
    while True:
        item, idx = _value(text, idx, depth + 1, split_depth)
        items.append(item)
        idx = _skip(text, idx)
        char = text[idx : idx + 1]
        if char == "]":
            return items, idx + 1
        if char != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, idx)
        idx = _skip(text, idx + 1)


def _object(text: str, idx: int, depth: int, split_depth: int) -> tuple[dict[str, Any], int]:
    members: dict[str, Any] = {}
    idx = _skip(text, idx)
    if text[idx : idx + 1] == "}":
        return members, idx + 1
    while True:
        if text[idx : idx + 1] != '"':
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, idx
            )
        key, idx = _STRING(text, idx + 1)
        idx = _skip(text, idx)
        if text[idx : idx + 1] != ":":
            raise json.JSONDecodeError("Expecting ':' delimiter", text, idx)
        idx = _skip(text, idx + 1)
        members[key], idx = _value(text, idx, depth + 1, split_depth)
        idx = _skip(text, idx)
        char = text[idx : idx + 1]
        if char == "}":
            return members, idx + 1
        if char != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, idx)
        idx = _skip(text, idx + 1)
