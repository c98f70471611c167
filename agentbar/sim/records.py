"""Call detail records and recordings: storage, the callRecords/soundRecords filters."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from agentbar.sim.model import CallRecord

MONITOR_DIR = "/var/spool/asterisk/monitor"
#: Fields ``orderby`` may name (the wire names of a soundRecords row).
ORDER_FIELDS = (
    "arama_tarihi",
    "arayan_adi",
    "arayan_numara",
    "aranan_numara",
    "kaynak",
    "kanal",
    "ic_kanal",
    "sonislem",
    "sondata",
    "sure",
    "durum",
    "dosya",
)


def recording_path(
    kind: str, other: str, extension: str, started: datetime, uniqueid: str, ext: str
) -> str:
    """Asterisk monitor naming: ``{kind}-{other}-{extension}-{YYYYMMDD}-{HHMMSS}-{uid}.{ext}``."""
    day = started.strftime("%Y/%m/%d")
    name = f"{kind}-{other}-{extension}-{started:%Y%m%d}-{started:%H%M%S}-{uniqueid}.{ext}"
    return f"{MONITOR_DIR}/{day}/{name}"


@dataclass(frozen=True)
class RecordQuery:
    """The optional filters of callRecords/soundRecords, already validated.

    Text filters are case-insensitive substrings (SQL ``LIKE '%x%'``); ``until`` is inclusive.
    """

    orderby: str = "arama_tarihi"
    descending: bool = True
    limit: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    arayan_adi: str = ""
    arayan_numara: str = ""
    aranan_numara: str = ""
    recorded_only: bool = False

    def matches(self, rec: CallRecord) -> bool:
        """True when ``rec`` passes every filter."""
        if self.recorded_only and not rec.dosya:
            return False
        if self.since and rec.arama_tarihi < self.since:
            return False
        if self.until and rec.arama_tarihi > self.until:
            return False
        pairs = (
            (self.arayan_adi, rec.arayan_adi),
            (self.arayan_numara, rec.arayan_numara),
            (self.aranan_numara, rec.aranan_numara),
        )
        return all(want.casefold() in have.casefold() for want, have in pairs if want)


def _sort_key(field: str, rec: CallRecord) -> tuple[object, ...]:
    if field == "sure":
        primary: object = rec.sure
    elif field == "arama_tarihi":
        primary = rec.arama_tarihi
    else:
        primary = rec.row(with_file=True)[field].casefold()
    return (primary, rec.arama_tarihi, rec.uniqueid)


class RecordStore:
    """All CDRs of the simulated PBX, shared under the state's lock."""

    def __init__(self, lock: threading.RLock, records: Iterable[CallRecord] = ()) -> None:
        self._lock = lock
        self._records: list[CallRecord] = list(records)
        self._files = {r.dosya: r for r in self._records if r.dosya}

    def add(self, record: CallRecord) -> None:
        """Store a finished call (and index its recording)."""
        with self._lock:
            self._records.append(record)
            if record.dosya:
                self._files[record.dosya] = record

    def all(self) -> list[CallRecord]:
        """Every record, oldest first."""
        with self._lock:
            return sorted(self._records, key=lambda r: (r.arama_tarihi, r.uniqueid))

    def query(self, q: RecordQuery) -> list[CallRecord]:
        """Filter, sort and limit like the PHP front end's SQL would."""
        with self._lock:
            found = [r for r in self._records if q.matches(r)]
        found.sort(key=lambda r: _sort_key(q.orderby, r), reverse=q.descending)
        return found if q.limit is None else found[: q.limit]

    def find_file(self, path: str) -> CallRecord | None:
        """The record whose recording is exactly ``path`` (no normalisation: no traversal)."""
        with self._lock:
            return self._files.get(path)
