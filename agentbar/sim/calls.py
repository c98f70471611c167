"""Live calls: dial, ringing, answer, redirect, hangup, incoming calls, and their CDRs.

Time is lazy: a call's phase (ringing or up) and the far end hanging up are worked out from
the clock whenever the board is looked at (``tick``), so an accelerated or advanced clock
needs no timers or threads.
"""

from __future__ import annotations

import dataclasses
import random
import threading
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from agentbar.sim.clock import SimClock
from agentbar.sim.errors import SimFailure
from agentbar.sim.model import Call, CallRecord, stamp
from agentbar.sim.records import RecordStore, recording_path
from agentbar.sim.seed import TRUNK

if TYPE_CHECKING:  # state.py imports this module
    from agentbar.sim.state import AgentBook

RING_S = 2.0
MAX_CATCH_UP = 20


def _leg_rows(call: Call) -> list[tuple[str, str, str, bool]]:
    """(extension, other party, channel, outgoing) for each PBX extension in the call."""
    legs = [(call.extension, call.other, call.channel, not call.inbound)]
    if call.kind == "exten":
        legs.append((call.other, call.extension, call.peer_channel, False))
    return legs


class CallBoard:
    """Every live call on the PBX. Methods take the shared lock and advance lazy time."""

    def __init__(
        self,
        lock: threading.RLock,
        clock: SimClock,
        rng: random.Random,
        agents: AgentBook,
        records: RecordStore,
        extensions: frozenset[str],
        customers: Sequence[tuple[str, str]],
    ) -> None:
        self._lock = lock
        self._clock = clock
        self._rng = rng
        self._agents = agents
        self._records = records
        self._extensions = extensions
        self._customers = list(customers)
        self._calls: list[Call] = []
        self._chan = rng.randrange(0x100, 0x1000)
        self._seq = rng.randrange(40000, 60000)
        self._mean: float | None = None
        self._targets: frozenset[str] | None = None
        self._next_incoming: datetime | None = None

    def add_extensions(self, extensions: Iterable[str]) -> None:
        """More extensions the PBX knows (SimState.add_floor)."""
        with self._lock:
            self._extensions = self._extensions | frozenset(extensions)

    # -- identities -------------------------------------------------------------------
    def _channel(self, peer: str) -> str:
        self._chan += 1
        return f"SIP/{peer}-{self._chan:08x}"

    def _uniqueid(self, moment: datetime) -> str:
        self._seq += 1
        return f"{int(moment.timestamp())}.{self._seq}"

    def _find(self, extension: str) -> Call | None:
        for call in self._calls:
            if extension in (leg[0] for leg in _leg_rows(call)):
                return call
        return None

    def _busy(self, extension: str) -> bool:
        return self._find(extension) is not None

    def _check_extension(self, extension: str) -> None:
        if extension not in self._extensions:
            raise SimFailure("Dahili bulunamadı.")

    # -- lazy time ----------------------------------------------------------------------
    def tick(self) -> datetime:
        """Bring the board to the clock's now: spawn due random calls, end finished ones."""
        with self._lock:
            now = self._clock.now()
            self._spawn_due(now)
            ended = sorted(
                (c for c in self._calls if c.end_at and c.end_at <= now),
                key=lambda c: c.end_at or now,
            )
            for call in ended:
                self._calls.remove(call)
                self._records.add(self._record(call, call.end_at or now))
            return now

    def _spawn_due(self, now: datetime) -> None:
        if self._mean is None or self._next_incoming is None:
            return
        for _ in range(MAX_CATCH_UP):
            if self._next_incoming > now:
                return
            self._spawn_random(self._next_incoming)
            self._next_incoming += timedelta(seconds=self._rng.expovariate(1 / self._mean))
        self._next_incoming = now + timedelta(seconds=self._rng.expovariate(1 / self._mean))

    def _spawn_random(self, at: datetime) -> None:
        free = [e for e in self._agents.available_extensions() if not self._busy(e)]
        if self._targets is not None:
            free = [e for e in free if e in self._targets]
        if not free or not self._customers:
            return
        name, number = self._rng.choice(self._customers)
        if self._rng.random() < 0.2:
            name = ""
        kind = "q" if self._rng.random() < 0.4 else "in"
        self._incoming(self._rng.choice(free), number, name, at, None, None, kind)

    def start_random(self, mean_interval_s: float, extensions: Iterable[str] | None = None) -> None:
        """Random incoming calls, one every ``mean_interval_s`` simulated seconds on average,
        to free agents (optionally only those at ``extensions``)."""
        if mean_interval_s <= 0:
            raise ValueError("mean_interval_s must be > 0")
        with self._lock:
            self._mean = mean_interval_s
            self._targets = frozenset(extensions) if extensions is not None else None
            delay = self._rng.expovariate(1 / mean_interval_s)
            self._next_incoming = self._clock.now() + timedelta(seconds=delay)

    def stop_random(self) -> None:
        """No more random incoming calls (calls already ringing go on)."""
        with self._lock:
            self._mean, self._next_incoming = None, None

    # -- CDRs ---------------------------------------------------------------------------
    def _record(self, call: Call, end: datetime, durum: str | None = None) -> CallRecord:
        answered = durum is None and call.is_up(end)
        durum = durum or ("ANSWERED" if answered else "NO ANSWER")
        dosya = ""
        if answered:
            dosya = recording_path(
                call.kind, call.other, call.extension, call.started, call.uniqueid, "WAV"
            )
        if call.inbound:
            name, caller, called = call.other_name, call.other, call.extension
            kanal, ic_kanal = call.peer_channel, call.channel
        else:
            agent = self._agents.by_extension(call.extension)
            name, caller, called = (agent.name if agent else ""), call.extension, call.other
            kanal, ic_kanal = call.channel, call.peer_channel
        return CallRecord(
            arama_tarihi=call.started,
            arayan_adi=name,
            arayan_numara=caller,
            aranan_numara=called,
            kaynak=call.context,
            kanal=kanal,
            ic_kanal=ic_kanal,
            sonislem=call.app,
            sondata=call.data,
            sure=call.seconds(end),
            durum=durum,
            dosya=dosya,
            uniqueid=call.uniqueid,
        )

    # -- actions ------------------------------------------------------------------------
    def dial(self, extension: str, number: str) -> None:
        """dial: ring ``extension`` for RING_S, then the call is up until someone hangs up.

        A busy internal target gives a BUSY record at once (the PBX still says "started").
        """
        with self._lock:
            now = self.tick()
            self._check_extension(extension)
            if number == extension:
                raise SimFailure("Dahili kendisini arayamaz.")
            if self._busy(extension):
                raise SimFailure("Dahili meşgul.")
            internal = number in self._extensions
            peer = number if internal else TRUNK
            data = f"SIP/{number},20,tr" if internal else f"SIP/{TRUNK}/{number},60,tT"
            other_name = ""
            if internal:
                agent = self._agents.by_extension(number)
                other_name = agent.name if agent else ""
            call = Call(
                uniqueid=self._uniqueid(now),
                kind="exten" if internal else "out",
                extension=extension,
                other=number,
                other_name=other_name,
                started=now,
                answer_at=now + timedelta(seconds=RING_S),
                end_at=None,
                channel=self._channel(extension),
                peer_channel=self._channel(peer),
                context="from-internal",
                app="Dial",
                data=data,
            )
            if internal and self._busy(number):
                self._records.add(self._record(call, now, durum="BUSY"))
                return
            self._calls.append(call)

    def incoming(
        self, extension: str, number: str, name: str, ring_s: float | None, talk_s: float | None
    ) -> None:
        """A call from ``number`` ringing ``extension``; answered and ended on its own."""
        with self._lock:
            now = self.tick()
            self._check_extension(extension)
            self._incoming(extension, number, name, now, ring_s, talk_s, "in")

    def _incoming(
        self,
        extension: str,
        number: str,
        name: str,
        at: datetime,
        ring_s: float | None,
        talk_s: float | None,
        kind: str,
    ) -> None:
        ring = ring_s if ring_s is not None else self._rng.uniform(3, 8)
        talk = talk_s if talk_s is not None else self._rng.uniform(20, 180)
        queued = kind == "q"
        call = Call(
            uniqueid=self._uniqueid(at),
            kind=kind,
            extension=extension,
            other=number,
            other_name=name,
            started=at,
            answer_at=at + timedelta(seconds=ring),
            end_at=at + timedelta(seconds=ring + talk),
            channel=self._channel(extension),
            peer_channel=self._channel(TRUNK),
            context="ext-queues" if queued else "from-trunk",
            app="Queue" if queued else "Dial",
            data="10000,t,,,300" if queued else f"SIP/{extension},30,tTr",
        )
        if self._busy(extension):
            self._records.add(self._record(call, at, durum="BUSY"))
            return
        self._calls.append(call)

    def redirect(self, source: str, target: str) -> None:
        """redirect (blind transfer): the leaving leg gets its CDR, the target then rings."""
        with self._lock:
            now = self.tick()
            self._check_extension(source)
            self._check_extension(target)
            call = self._find(source)
            if call is None:
                raise SimFailure("Aktif çağrı bulunamadı.")
            if target in (leg[0] for leg in _leg_rows(call)):
                raise SimFailure("Çağrı zaten bu dahilide.")
            if self._busy(target):
                raise SimFailure("Hedef dahili meşgul.")
            if source != call.extension:  # the second leg of an internal call moves
                agent = self._agents.by_extension(call.extension)
                call.extension, call.other = call.other, call.extension
                call.channel, call.peer_channel = call.peer_channel, call.channel
                call.other_name = agent.name if agent else ""
            self._records.add(self._record(call, now))
            call.extension, call.channel = target, self._channel(target)
            call.uniqueid, call.started = self._uniqueid(now), now
            call.answer_at = now + timedelta(seconds=RING_S)
            if call.end_at is not None:
                call.end_at = max(call.end_at, call.answer_at + timedelta(seconds=10))
            if call.inbound:
                call.data = f"SIP/{target},30,tTr"

    def hangup(self, extension: str) -> CallRecord:
        """hangup: ends the call on ``extension`` and returns its CDR."""
        with self._lock:
            now = self.tick()
            self._check_extension(extension)
            call = self._find(extension)
            if call is None:
                raise SimFailure("Aktif çağrı bulunamadı.")
            self._calls.remove(call)
            record = self._record(call, now)
            self._records.add(record)
            return record

    # -- views --------------------------------------------------------------------------
    def active(self) -> list[Call]:
        """Copies of the live calls, oldest first."""
        with self._lock:
            self.tick()
            return [dataclasses.replace(c) for c in self._calls]

    def callcenter_rows(self) -> list[dict[str, str]]:
        """activeCallsCallCenter rows: one per extension in a call."""
        with self._lock:
            self.tick()
            rows = []
            for call in self._calls:
                for extension, other, _channel, _out in _leg_rows(call):
                    agent = self._agents.by_extension(extension)
                    rows.append(
                        {
                            "agentnumber": agent.number if agent else "",
                            "fechainicio": stamp(call.started),
                            "phone": other,
                        }
                    )
            return rows

    def monitor_rows(self) -> list[dict[str, str]]:
        """activeCalls rows (the live monitor): one per extension channel."""
        with self._lock:
            now = self.tick()
            rows = []
            for call in self._calls:
                up = call.is_up(now)
                for extension, other, channel, outgoing in _leg_rows(call):
                    state = "Up" if up else ("Dial" if outgoing else "Ringing")
                    rows.append(
                        {
                            "kanal": channel,
                            "kaynak": call.context,
                            "dahili": extension,
                            "oncelik": "1",
                            "yon": "out" if outgoing else "in",
                            "islem": state,
                            "data": call.data,
                            "arayan_numara": other,
                            "sure": str(call.seconds(now)),
                        }
                    )
            return rows
