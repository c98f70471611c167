"""Turkish demo data: agents and their extensions, breaks, queues, customers, campaigns."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from agentbar.sim.model import Agent, BreakReason, Campaign, CampaignCall, Queue

DEMO_API_KEY = "demo-key"
DEMO_AGENT = "101"
DEMO_EXTENSION = "1004"

#: Agents 100..119; agent ``100 + i`` sits at extension ``1003 + i`` (101 <-> 1004).
AGENT_NAMES = (
    "Zeynep Kaya",
    "Ayşe Yılmaz",
    "Mehmet Demir",
    "Emre Şahin",
    "Elif Çelik",
    "Mustafa Yıldız",
    "Fatma Yıldırım",
    "Ahmet Öztürk",
    "Merve Aydın",
    "Burak Özdemir",
    "Esra Arslan",
    "Hüseyin Doğan",
    "Büşra Kılıç",
    "Murat Aslan",
    "Gizem Çetin",
    "Oğuz Kara",
    "Seda Koç",
    "Serkan Kurt",
    "Derya Özkan",
    "Hakan Şimşek",
)
FIRST_AGENT = 100
FIRST_AGENT_EXTENSION = 1003
#: Every extension the PBX knows; 1001, 1002 and 1023..1030 have no agent.
EXTENSIONS = tuple(str(n) for n in range(1001, 1031))
#: Agents already at work when the simulator starts (the demo agent is not among them).
SEED_LOGGED_IN = ("100", "102", "105", "107", "104")
SEED_ON_BREAK = {"104": "3"}

BREAKS = (
    BreakReason("2", "YEMEK MOLASI"),
    BreakReason("3", "CAY SIGARA MOLASI"),
    BreakReason("4", "DIS ARAMA"),
    BreakReason("5", "TOPLANTI"),
    BreakReason("6", "EGITIM"),
)

TRUNK = "ttnet"

FIRST_NAMES = (
    "Ali",
    "Hasan",
    "Hülya",
    "Gül",
    "Cem",
    "Deniz",
    "Selin",
    "Kemal",
    "Leyla",
    "Canan",
    "Orhan",
    "Nur",
    "Tuba",
    "Yusuf",
    "İbrahim",
    "Şule",
    "Çağla",
    "Ömer",
    "Ebru",
    "Tolga",
    "Pınar",
    "Onur",
    "Nazlı",
    "Sibel",
    "Erkan",
    "Gökhan",
    "Aslı",
    "Volkan",
    "Şeyma",
    "İpek",
)
SURNAMES = (
    "Acar",
    "Polat",
    "Erdoğan",
    "Kalkan",
    "Tekin",
    "Güneş",
    "Bulut",
    "Ateş",
    "Korkmaz",
    "Uçar",
    "Turan",
    "Avcı",
    "Güler",
    "Sarı",
    "Işık",
    "Bozkurt",
    "Ekinci",
    "Tunç",
    "Keskin",
    "Çakır",
    "Aktaş",
    "Yavuz",
    "Eren",
    "Karaca",
    "Önal",
    "Şen",
    "Gündoğdu",
)
MOBILE_PREFIXES = (
    "530",
    "532",
    "533",
    "535",
    "536",
    "537",
    "539",
    "541",
    "542",
    "543",
    "544",
    "545",
    "505",
    "506",
    "507",
    "551",
    "552",
    "553",
    "555",
    "501",
)
AREA_CODES = ("212", "216", "312", "232", "224", "242", "322", "262", "352")


def make_agents() -> dict[str, Agent]:
    """The 20 demo agents keyed by number, all logged out."""
    agents = {}
    for i, name in enumerate(AGENT_NAMES):
        number = str(FIRST_AGENT + i)
        agents[number] = Agent(number, name, str(FIRST_AGENT_EXTENSION + i))
    return agents


def make_queues() -> dict[str, Queue]:
    """The vendor document's queues plus SATISQ, with dynamic members."""
    queues = (
        Queue("10000", "OPERATORQ", "1234", ["100", "101", "102", "103", "104", "105"]),
        Queue("10001", "TEKNIKQ", "1234", ["101", "106", "107", "108", "109", "110"]),
        Queue("10002", "TESTQ", "", ["101", "119"]),
        Queue("10003", "SATISQ", "4321", [str(n) for n in range(111, 119)]),
    )
    return {q.extension: q for q in queues}


def random_phone(rng: random.Random) -> str:
    """A Turkish number in national format: mostly mobile ``05xx...``, some landlines."""
    if rng.random() < 0.7:
        return "0" + rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**7):07d}"
    return "0" + rng.choice(AREA_CODES) + f"{rng.randrange(10**7):07d}"


def random_person(rng: random.Random) -> tuple[str, str]:
    """A (first name, surname) pair."""
    return rng.choice(FIRST_NAMES), rng.choice(SURNAMES)


def make_customers(rng: random.Random, count: int = 60) -> list[tuple[str, str]]:
    """Regular customers as (full name, number): callers come back, as in real life."""
    people = []
    for _ in range(count):
        first, last = random_person(rng)
        people.append((f"{first} {last}", random_phone(rng)))
    return people


_OUTCOMES = (
    ("Success", "", ""),
    ("Success", "", ""),
    ("Success", "", ""),
    ("NoAnswer", "19", "No answer"),
    ("Failure", "17", "User busy"),
    ("Failure", "1", "Unallocated number"),
    ("Failure", "34", "Circuit/channel congestion"),
    ("Abandoned", "", ""),
    ("", "", ""),
)


def _campaign_calls(
    rng: random.Random, agents: dict[str, Agent], members: list[str], first: datetime, n: int
) -> list[CampaignCall]:
    calls = []
    moment = first
    for _ in range(n):
        given, surname = random_person(rng)
        call = CampaignCall(random_phone(rng), given, surname)
        status, cause, cause_txt = rng.choice(_OUTCOMES)
        if status:
            moment += timedelta(minutes=rng.randint(3, 40))
            talk = rng.randint(35, 420) if status == "Success" else rng.randint(0, 40)
            call.status, call.failure_cause, call.failure_cause_txt = status, cause, cause_txt
            call.start_time = moment
            call.end_time = moment + timedelta(seconds=talk)
            if status == "Success":
                agent = agents[rng.choice(members)]
                call.agent_number, call.agent_name = agent.number, agent.name
        calls.append(call)
    return calls


def make_campaigns(
    rng: random.Random, agents: dict[str, Agent], queues: dict[str, Queue], now: datetime
) -> dict[int, Campaign]:
    """Two running campaigns with dialer results, relative to ``now``."""
    today = now.date()
    survey = Campaign(
        1,
        "Kasım Memnuniyet Anketi",
        today - timedelta(days=10),
        today + timedelta(days=20),
        time(9, 0),
        time(18, 0),
        3,
        "10000",
    )
    sales = Campaign(
        2,
        "Yılbaşı Satış Kampanyası",
        today - timedelta(days=3),
        today + timedelta(days=40),
        time(10, 0),
        time(19, 0),
        2,
        "10003",
    )
    survey.calls = _campaign_calls(
        rng,
        agents,
        queues["10000"].members,
        datetime.combine(today - timedelta(days=9), time(9, 30)),
        12,
    )
    sales.calls = _campaign_calls(
        rng,
        agents,
        queues["10003"].members,
        datetime.combine(today - timedelta(days=2), time(10, 15)),
        9,
    )
    return {survey.id: survey, sales.id: sales}
