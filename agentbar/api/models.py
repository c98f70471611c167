"""Frozen dataclasses for what the API returns, built from normalised wire payloads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_MAX_INT = 2**53
#: ``YYYY-MM-DD HH:MM:SS`` exactly (ASCII digits): what fromisoformat reads as strptime would.
_PLAIN_DT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_DT_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S")


def parse_datetime(text: str | None) -> datetime | None:
    """Parse the server's date-times (``YYYY-MM-DD HH:MM:SS`` and close variants) or None.

    A date that this platform cannot turn into an epoch timestamp (``0001-01-01``, or before
    1970 on Windows) is None too: callers compute with ``.timestamp()`` and must not crash on
    what a server sends.
    """
    if not text:
        return None
    text = text.strip()
    if _PLAIN_DT.fullmatch(text):  # the usual shape: fromisoformat is C, the fallback Python
        try:
            value = datetime.fromisoformat(text)
        except ValueError:  # a 31st of February
            return None
        return _usable(value)
    for fmt in _DT_FORMATS:
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return _usable(value)
    return None


def _usable(value: datetime) -> datetime | None:
    """``value``, or None where this platform cannot make it a timestamp."""
    try:
        value.timestamp()
    except (ValueError, OverflowError, OSError):
        return None
    return value


def parse_int(text: str | None) -> int | None:
    """Parse an integer the server sent as text (``" 42 "``, ``"42.0"``) or None.

    Values of 2**53 or more are None: they are garbage here, and callers mix them with floats
    (a 400-digit ``sure`` would raise OverflowError in ``time.time() - sure``).
    """
    if text is None:
        return None
    text = text.strip()
    try:
        number = int(text)
    except ValueError:
        try:
            value = float(text)
        except ValueError:
            return None
        return int(value) if value == value and abs(value) < _MAX_INT else None
    return number if abs(number) < _MAX_INT else None


def parse_duration(text: str | None) -> int | None:
    """Seconds from ``"42"``, ``"42.0"`` or Asterisk's ``"HH:MM:SS"`` / ``"MM:SS"``, or None."""
    if text is None:
        return None
    parts = text.strip().split(":")
    if len(parts) in (2, 3) and all(p.isdigit() and len(p) <= 6 for p in parts):
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds
    return parse_int(text)


def _s(row: Mapping[str, str], key: str) -> str:
    """A field's stripped text; the wire's case may differ (``Message``)."""
    value = row.get(key)
    if value is None:
        value = next((v for k, v in row.items() if k.lower() == key), "")
    return value.strip()


@dataclass(frozen=True, slots=True)
class Ack:
    """A module that answers with a message (and maybe an extension)."""

    message: str
    extension: str | None = None

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> Ack:
        return cls(_s(row, "message"), _s(row, "extension") or None)


@dataclass(frozen=True, slots=True)
class BreakListEntry:
    """One entry of ``breakList``."""

    id: str
    name: str

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> BreakListEntry:
        return cls(_s(row, "id"), _s(row, "name"))


@dataclass(frozen=True, slots=True)
class BreakEnd:
    """``breakEnd``: the server's record of the break when it sends one, else only a message."""

    message: str
    agent: str | None
    start: datetime | None
    end: datetime | None
    duration_s: int | None

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> BreakEnd:
        return cls(
            message=_s(row, "message"),
            agent=_s(row, "agent") or None,
            start=parse_datetime(row.get("starttime")),
            end=parse_datetime(row.get("endtime")),
            duration_s=parse_duration(row.get("duration")),
        )


@dataclass(frozen=True, slots=True)
class AgentCall:
    """``activeCallsCallCenter``: an agent's active call.

    ``fechainicio`` is a start time in Issabel; when it does not parse as one it is kept as
    ``state_text`` (the vendor document calls it the call state).
    """

    agent_number: str
    phone: str
    start: datetime | None
    state_text: str

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> AgentCall:
        raw = _s(row, "fechainicio")
        start = parse_datetime(raw)
        return cls(_s(row, "agentnumber"), _s(row, "phone"), start, "" if start else raw)


@dataclass(frozen=True, slots=True)
class LiveCall:
    """``activeCalls``: one channel of the live monitor."""

    channel: str
    source: str
    extension: str
    priority: str
    direction: str
    application: str
    data: str
    caller_number: str
    duration_s: int | None

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> LiveCall:
        return cls(
            channel=_s(row, "kanal"),
            source=_s(row, "kaynak"),
            extension=_s(row, "dahili"),
            priority=_s(row, "oncelik"),
            direction=_s(row, "yon"),
            application=_s(row, "islem"),
            data=_s(row, "data"),
            caller_number=_s(row, "arayan_numara"),
            duration_s=parse_duration(row.get("sure")),
        )


@dataclass(frozen=True, slots=True)
class CallRecord:
    """``callRecords`` / ``soundRecords`` row; ``file`` is the recording path (``dosya``)."""

    date: datetime | None
    caller_name: str
    caller_number: str
    called_number: str
    source: str
    channel: str
    inner_channel: str
    last_app: str
    last_data: str
    duration_s: int | None
    disposition: str
    file: str | None

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> CallRecord:
        return cls(
            date=parse_datetime(row.get("arama_tarihi")),
            caller_name=_s(row, "arayan_adi"),
            caller_number=_s(row, "arayan_numara"),
            called_number=_s(row, "aranan_numara"),
            source=_s(row, "kaynak"),
            channel=_s(row, "kanal"),
            inner_channel=_s(row, "ic_kanal"),
            last_app=_s(row, "sonislem"),
            last_data=_s(row, "sondata"),
            duration_s=parse_duration(row.get("sure")),
            disposition=_s(row, "durum"),
            file=_s(row, "dosya") or None,
        )


@dataclass(frozen=True, slots=True)
class Queue:
    """``listQueue`` entry."""

    extension: str
    description: str

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> Queue:
        return cls(_s(row, "extension"), _s(row, "descr"))


@dataclass(frozen=True, slots=True)
class Campaign:
    """``createCampaign`` result."""

    id: str
    name: str

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> Campaign:
        return cls(_s(row, "id_campaign"), _s(row, "name"))


@dataclass(frozen=True, slots=True)
class CallDetail:
    """``getCallDetail`` row: one campaign call."""

    campaign: str
    phone: str
    status: str
    start: datetime | None
    end: datetime | None
    duration_s: int | None
    failure_cause: str
    failure_cause_text: str
    agent_number: str
    agent_name: str

    @classmethod
    def from_wire(cls, row: Mapping[str, str]) -> CallDetail:
        return cls(
            campaign=_s(row, "name"),
            phone=_s(row, "phone"),
            status=_s(row, "status"),
            start=parse_datetime(row.get("start_time")),
            end=parse_datetime(row.get("end_time")),
            duration_s=parse_duration(row.get("duration")),
            failure_cause=_s(row, "failure_cause"),
            failure_cause_text=_s(row, "failure_cause_txt"),
            agent_number=_s(row, "agent_number"),
            agent_name=_s(row, "agent_name"),
        )


@dataclass(frozen=True, slots=True)
class Download:
    """A completed ``downloadRecording``: the final file, its size and the audio kind."""

    path: Path
    size: int
    kind: str
