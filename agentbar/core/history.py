"""The agent's call history: recent calls linked to their recordings, and today's summary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from agentbar.api.models import CallRecord
from agentbar.core.recordings import CallEntry, entries_for, merge_records

__all__ = [
    "TodaySummary",
    "history_entries",
    "link_recordings",
    "recording_link_key",
    "summarise",
]


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """What the agent did today: calls, answered calls, talk time and break time (seconds)."""

    calls: int = 0
    answered: int = 0
    talk_s: int = 0
    break_s: float = 0.0


def recording_link_key(record: CallRecord) -> tuple[str, ...]:
    """What a ``callRecords`` row and its ``soundRecords`` twin share (all but ``dosya``)."""
    when = record.date.isoformat() if record.date else ""
    return (
        when,
        record.caller_number,
        record.called_number,
        record.channel,
        record.inner_channel,
    )


def link_recordings(
    history: Sequence[CallEntry], recordings: Iterable[CallEntry]
) -> list[CallEntry]:
    """``history`` with each call that has a recording pointing at it (``file``)."""
    files = {recording_link_key(r.record): r.file for r in recordings if r.file}
    out = []
    for entry in history:
        file = entry.file or files.get(recording_link_key(entry.record))
        out.append(entry if file == entry.file else entry.with_file(file))
    return out


def history_entries(
    as_caller: Iterable[CallRecord],
    as_called: Iterable[CallRecord],
    extension: str,
    recordings: Iterable[CallEntry] = (),
) -> list[CallEntry]:
    """The two ``callRecords`` queries merged (like recordings), newest first, linked."""
    merged = merge_records(as_caller, as_called, extension=extension)
    return link_recordings(entries_for(merged, extension), recordings)


def summarise(entries: Iterable[CallEntry], day: date, break_s: float = 0.0) -> TodaySummary:
    """Counts for ``day``: calls, answered, talk time (answered calls' durations)."""
    calls = answered = talk = 0
    for entry in entries:
        if entry.date is None or entry.date.date() != day:
            continue
        calls += 1
        if entry.answered:
            answered += 1
            talk += entry.duration_s or 0
    return TodaySummary(calls, answered, talk, break_s)
