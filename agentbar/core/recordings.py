"""The agent's recordings and calls: merge the two queries, direction, other party, list rows.

The API has no "my calls" query: the agent's calls are those whose caller number *or* called
number is the agent's extension, asked as two queries and merged (api.md). The server's
number filters are SQL ``LIKE '%x%'`` substrings (extension 1004 also matches a customer's
0532 100 45 67), so rows are kept only when a number *equals* the extension.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from agentbar.api.models import CallRecord
from agentbar.core.turkish import search_key

__all__ = [
    "CallEntry",
    "Direction",
    "base_name",
    "call_key",
    "direction_of",
    "entries_for",
    "entry_for",
    "is_mine",
    "merge_records",
    "other_party",
]

_PREFIXES = {"out": "out", "in": "in", "q": "queue", "exten": "internal"}
_NOT_DIGIT = re.compile(r"\D")
_EXTENSION = re.compile(r"\d{2,6}")


class Direction(StrEnum):
    """Which way a call went, from the agent's side."""

    OUT = "out"
    IN = "in"
    QUEUE = "queue"  # incoming through a queue
    INTERNAL = "internal"  # extension to extension
    UNKNOWN = "unknown"


def base_name(server_path: str) -> str:
    """The last component of a server path, whichever separator the server used."""
    return re.split(r"[/\\]", server_path)[-1]


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _same(number: str, extension: str) -> bool:
    ext = _digits(extension)
    return bool(ext) and _digits(number) == ext


def is_mine(record: CallRecord, extension: str) -> bool:
    """True when the caller or the called number is exactly ``extension``."""
    return _same(record.caller_number, extension) or _same(record.called_number, extension)


def _file_prefix(record: CallRecord) -> tuple[Direction | None, str]:
    """Direction and other number from Asterisk's ``{dir}-{other}-{ext}-…`` file name."""
    if not record.file:
        return None, ""
    parts = base_name(record.file).split("-")
    if len(parts) < 3 or parts[0].lower() not in _PREFIXES:
        return None, ""
    return Direction(_PREFIXES[parts[0].lower()]), parts[1]


def direction_of(record: CallRecord, extension: str) -> Direction:
    """The direction from the recording's name when it has one, else from the numbers
    (an incoming call whose last application was ``Queue`` came through a queue)."""
    from_file, _other = _file_prefix(record)
    if from_file is not None:
        return from_file
    caller_is_me = _same(record.caller_number, extension)
    called_is_me = _same(record.called_number, extension)
    if caller_is_me and not called_is_me:
        internal = _EXTENSION.fullmatch(_digits(record.called_number)) is not None
        return Direction.INTERNAL if internal else Direction.OUT
    if called_is_me and not caller_is_me:
        if record.last_app.strip().lower() == "queue":  # Asterisk's last application
            return Direction.QUEUE
        internal = _EXTENSION.fullmatch(_digits(record.caller_number)) is not None
        return Direction.INTERNAL if internal else Direction.IN
    return Direction.UNKNOWN


def other_party(record: CallRecord, extension: str) -> tuple[str, str]:
    """(number, name) of the person at the other end; the name may be empty.

    ``caller_name`` is the *caller's* name: on an outgoing call that is the agent, so it is
    not shown as the other party's.
    """
    if _same(record.caller_number, extension):
        number, name = record.called_number, ""
    elif _same(record.called_number, extension):
        number, name = record.caller_number, record.caller_name
    elif direction_of(record, extension) is Direction.OUT:
        number, name = record.called_number, ""
    else:
        number, name = record.caller_number, record.caller_name
    if not number:
        number = _file_prefix(record)[1]
    return number, name


def call_key(record: CallRecord) -> tuple[str, ...]:
    """What identifies one call across queries (the recording path when there is one)."""
    if record.file:
        return ("file", record.file)
    when = record.date.isoformat() if record.date else ""
    return (
        "cdr",
        when,
        record.caller_number,
        record.called_number,
        record.channel,
        record.inner_channel,
    )


def _newest_first(record: CallRecord) -> tuple[bool, datetime, tuple[str, ...]]:
    # The call key breaks ties, so two calls in the same second keep one order whichever
    # query answered first (a total order: the list never reshuffles between loads).
    return (record.date is not None, record.date or datetime.min, call_key(record))


def merge_records(*batches: Iterable[CallRecord], extension: str = "") -> list[CallRecord]:
    """One list from several queries: duplicates (same :func:`call_key`) once, newest first.

    With ``extension``, rows that are not the agent's (see :func:`is_mine`) are dropped.
    Rows without a date go last.
    """
    seen: dict[tuple[str, ...], CallRecord] = {}
    for batch in batches:
        for record in batch:
            if extension and not is_mine(record, extension):
                continue
            seen.setdefault(call_key(record), record)
    return sorted(seen.values(), key=_newest_first, reverse=True)


@dataclass(frozen=True, slots=True)
class CallEntry:
    """One row of the panel's lists: a call seen from the agent's side.

    ``file`` is the recording's server path (for a history row: the recording linked to the
    call, when one was found); ``key`` is the precomputed search key (see core/turkish.py).
    """

    date: datetime | None
    direction: Direction
    number: str
    name: str
    duration_s: int | None
    disposition: str
    file: str | None
    key: str
    record: CallRecord

    @property
    def answered(self) -> bool:
        return self.disposition.strip().upper() == "ANSWERED"

    def with_file(self, file: str | None) -> CallEntry:
        """The same row linked to a recording."""
        return CallEntry(
            self.date,
            self.direction,
            self.number,
            self.name,
            self.duration_s,
            self.disposition,
            file,
            self.key,
            self.record,
        )


def entry_for(record: CallRecord, extension: str) -> CallEntry:
    """The list row for ``record`` as the agent at ``extension`` sees it."""
    number, name = other_party(record, extension)
    return CallEntry(
        date=record.date,
        direction=direction_of(record, extension),
        number=number,
        name=name,
        duration_s=record.duration_s,
        disposition=record.disposition,
        file=record.file,
        key=search_key((name,), (number,)),
        record=record,
    )


def entries_for(records: Iterable[CallRecord], extension: str) -> list[CallEntry]:
    """:func:`entry_for` over ``records``, order kept."""
    return [entry_for(r, extension) for r in records]
