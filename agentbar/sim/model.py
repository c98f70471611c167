"""Plain data records of the simulated PBX: agents, breaks, queues, calls, CDRs, campaigns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

STAMP = "%Y-%m-%d %H:%M:%S"


def stamp(moment: datetime | None) -> str:
    """Format a moment the way MySQL/Asterisk print it (``YYYY-MM-DD HH:MM:SS``); None -> ""."""
    return moment.strftime(STAMP) if moment else ""


@dataclass(frozen=True)
class BreakReason:
    """One entry of ``breakList``."""

    id: str
    name: str


@dataclass
class Agent:
    """A call-center agent; ``extension`` is the phone the agent sits at."""

    number: str
    name: str
    extension: str
    logged_in: bool = False
    login_time: datetime | None = None
    break_id: str | None = None
    break_start: datetime | None = None

    @property
    def on_break(self) -> bool:
        """True while a break started with ``breakStart`` is running."""
        return self.break_start is not None


@dataclass
class Queue:
    """An Asterisk queue with dynamic members (agent numbers)."""

    extension: str
    descr: str
    password: str = ""
    members: list[str] = field(default_factory=list)


@dataclass
class Call:
    """A live call seen from one PBX extension (``extension``) and the other party.

    ``kind`` is the recording prefix: ``out`` (dialled outside), ``in`` (from a trunk),
    ``q`` (from a trunk through a queue) or ``exten`` (extension to extension).
    The call rings until ``answer_at``; ``end_at`` (if set) is when the far end hangs up.
    """

    uniqueid: str
    kind: str
    extension: str
    other: str
    other_name: str
    started: datetime
    answer_at: datetime
    end_at: datetime | None
    channel: str
    peer_channel: str
    context: str
    app: str
    data: str

    @property
    def inbound(self) -> bool:
        """True for calls that came from a trunk (``in`` or ``q``)."""
        return self.kind in ("in", "q")

    def is_up(self, now: datetime) -> bool:
        """True once the call has been answered."""
        return now >= self.answer_at

    def seconds(self, now: datetime) -> int:
        """Whole seconds since the call started on this extension."""
        return max(0, int((now - self.started) / timedelta(seconds=1)))


@dataclass(frozen=True)
class CallRecord:
    """A CDR row; ``dosya`` is the recording path ("" when the call was not recorded)."""

    arama_tarihi: datetime
    arayan_adi: str
    arayan_numara: str
    aranan_numara: str
    kaynak: str
    kanal: str
    ic_kanal: str
    sonislem: str
    sondata: str
    sure: int
    durum: str
    dosya: str
    uniqueid: str

    def row(self, with_file: bool) -> dict[str, str]:
        """The wire fields, all text like PHP over MySQL (``dosya`` only for soundRecords)."""
        out = {
            "arama_tarihi": stamp(self.arama_tarihi),
            "arayan_adi": self.arayan_adi,
            "arayan_numara": self.arayan_numara,
            "aranan_numara": self.aranan_numara,
            "kaynak": self.kaynak,
            "kanal": self.kanal,
            "ic_kanal": self.ic_kanal,
            "sonislem": self.sonislem,
            "sondata": self.sondata,
            "sure": str(self.sure),
            "durum": self.durum,
        }
        if with_file:
            out["dosya"] = self.dosya
        return out


@dataclass
class CampaignCall:
    """One phone of an outbound campaign and the dialer's result for it (empty: pending)."""

    phone: str
    name: str
    surname: str
    status: str = ""
    start_time: datetime | None = None
    end_time: datetime | None = None
    failure_cause: str = ""
    failure_cause_txt: str = ""
    agent_number: str = ""
    agent_name: str = ""

    @property
    def duration(self) -> str:
        """Seconds between start and end as text, "" while not called."""
        if self.start_time is None or self.end_time is None:
            return ""
        return str(int((self.end_time - self.start_time).total_seconds()))


@dataclass
class Campaign:
    """An outbound dialer campaign."""

    id: int
    name: str
    start_date: date
    end_date: date
    start_time: time
    end_time: time
    retries: int
    queue: str
    calls: list[CampaignCall] = field(default_factory=list)
