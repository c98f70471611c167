"""About 300 realistic past calls (CDRs and recordings) over the 30 days before "now"."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from agentbar.sim.model import Agent, CallRecord
from agentbar.sim.records import recording_path
from agentbar.sim.seed import DEMO_EXTENSION, TRUNK

_DISPOSITIONS = ("ANSWERED", "NO ANSWER", "BUSY", "FAILED")
_WEIGHTS = (72, 15, 8, 5)
_FORMATS = ("WAV", "wav", "mp3")
_FORMAT_WEIGHTS = (70, 20, 10)


def _moment(rng: random.Random, now: datetime) -> datetime:
    """A past moment in office hours (Mon-Sat, 08:30-19:00)."""
    while True:
        moment = now - timedelta(seconds=rng.uniform(300, 30 * 86400))
        minutes = moment.hour * 60 + moment.minute
        if moment.weekday() < 6 and 8 * 60 + 30 <= minutes < 19 * 60:
            return moment.replace(microsecond=0)


def _duration(rng: random.Random, durum: str) -> int:
    if durum == "ANSWERED":
        return rng.randint(4, 20) + int(rng.lognormvariate(4.6, 0.8))
    if durum == "NO ANSWER":
        return rng.randint(15, 45)
    if durum == "BUSY":
        return rng.randint(1, 8)
    return rng.randint(0, 2)


class _Channels:
    """Asterisk-like channel suffixes and unique ids."""

    def __init__(self, rng: random.Random) -> None:
        self.counter = rng.randrange(0x1000, 0x8000)
        self.seq = rng.randrange(1000, 40000)

    def channel(self, peer: str) -> str:
        self.counter += 1
        return f"SIP/{peer}-{self.counter:08x}"

    def uniqueid(self, moment: datetime) -> str:
        self.seq += 1
        return f"{int(moment.timestamp())}.{self.seq}"


def _one(
    rng: random.Random,
    moment: datetime,
    ids: _Channels,
    agents: list[Agent],
    customers: list[tuple[str, str]],
) -> CallRecord:
    by_ext = {a.extension: a for a in agents}
    me = by_ext[DEMO_EXTENSION] if rng.random() < 0.4 else rng.choice(agents)
    kind = rng.choices(("out", "in", "q", "exten"), weights=(45, 25, 20, 10))[0]
    durum = rng.choices(_DISPOSITIONS, weights=_WEIGHTS)[0]
    if kind == "exten":
        durum = "ANSWERED" if rng.random() < 0.8 else "NO ANSWER"
    sure = _duration(rng, durum)
    uid = ids.uniqueid(moment)
    cust_name, cust_phone = rng.choice(customers)
    if kind == "out":
        caller, caller_name, called, other = me.extension, me.name, cust_phone, cust_phone
        context, app, data = "from-internal", "Dial", f"SIP/{TRUNK}/{cust_phone},60,tT"
        chan, inner = ids.channel(me.extension), ids.channel(TRUNK)
    elif kind == "exten":
        peer = rng.choice([a for a in agents if a is not me])
        if rng.random() < 0.5:
            me, peer = peer, me
        caller, caller_name, called, other = me.extension, me.name, peer.extension, peer.extension
        context, app, data = "from-internal", "Dial", f"SIP/{peer.extension},20,tr"
        chan, inner = ids.channel(me.extension), ids.channel(peer.extension)
    else:
        known = rng.random() < 0.8
        caller, caller_name, called, other = cust_phone, cust_name if known else "", "", cust_phone
        called = me.extension
        if kind == "q":
            context, app, data = "ext-queues", "Queue", "10000,t,,,300"
        else:
            context, app, data = "from-trunk", "Dial", f"SIP/{me.extension},30,tTr"
        chan, inner = ids.channel(TRUNK), ids.channel(me.extension)
    dosya = ""
    if durum == "ANSWERED":
        fmt = rng.choices(_FORMATS, weights=_FORMAT_WEIGHTS)[0]
        dosya = recording_path(kind, other, me.extension, moment, uid, fmt)
    return CallRecord(
        arama_tarihi=moment,
        arayan_adi=caller_name,
        arayan_numara=caller,
        aranan_numara=called,
        kaynak=context,
        kanal=chan,
        ic_kanal="" if durum == "FAILED" else inner,
        sonislem=app,
        sondata=data,
        sure=sure,
        durum=durum,
        dosya=dosya,
        uniqueid=uid,
    )


def make_history(
    rng: random.Random,
    now: datetime,
    agents: list[Agent],
    customers: list[tuple[str, str]],
    count: int = 300,
) -> list[CallRecord]:
    """``count`` past calls, a good share of them on the demo extension, oldest first."""
    ids = _Channels(rng)
    moments = sorted(_moment(rng, now) for _ in range(count))
    return [_one(rng, moment, ids, agents, customers) for moment in moments]
