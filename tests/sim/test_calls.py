"""Calls: dial, ringing, the two active-call modules, redirect, hangup, incoming calls."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from agentbar.sim import DEMO_AGENT, DEMO_API_KEY, DEMO_EXTENSION, Simulator
from tests.sim.helpers import Api

NUMBER = "05321234567"


def monitor(api: Api) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = api.ok("activeCalls")["activecalls"]
    return rows


def callcenter(api: Api) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = api.ok("activeCallsCallCenter")["activecalls"]
    return rows


def test_no_calls_empty_lists(api: Api) -> None:
    assert api.ok("activeCalls")["activecalls"] == []
    assert api.ok("activeCallsCallCenter")["activecalls"] == []
    assert api.raw("activeCalls").text.endswith("<result>true</result><calls/></CallCenter>\n")
    text = api.raw("activeCallsCallCenter").text
    assert text.endswith("<result>true</result><activecalls/></CallCenter>\n")


def test_dial_ring_up_redirect_hangup_record_recording(sim: Simulator, api: Api) -> None:
    before = len(sim.state.records.all())
    doc = api.ok("dial", extension=DEMO_EXTENSION, number=NUMBER)
    assert doc == {"result": "true", "message": "Arama Başladı"}
    started = sim.clock.now().strftime("%Y-%m-%d %H:%M:%S")

    (ringing,) = monitor(api)
    assert ringing["islem"] == "Dial" and ringing["yon"] == "out"
    assert re.fullmatch(r"SIP/1004-[0-9a-f]{8}", ringing["kanal"])
    assert ringing["dahili"] == DEMO_EXTENSION and ringing["arayan_numara"] == NUMBER
    assert ringing["oncelik"] == "1" and ringing["data"] == f"SIP/ttnet/{NUMBER},60,tT"

    sim.clock.advance(3)
    (up,) = monitor(api)
    assert up["islem"] == "Up" and int(up["sure"]) >= 3
    sim.clock.advance(5)
    assert int(monitor(api)[0]["sure"]) == int(up["sure"]) + 5
    assert callcenter(api) == [{"agentnumber": DEMO_AGENT, "fechainicio": started, "phone": NUMBER}]

    root = api.xml("activeCalls")
    call = root.find("calls/call")
    assert call is not None
    assert [c.tag for c in call] == [
        "kanal",
        "kaynak",
        "dahili",
        "oncelik",
        "yon",
        "islem",
        "data",
        "arayan_numara",
        "sure",
    ]
    root = api.xml("activeCallsCallCenter")
    assert root.findtext("activecalls/activecall/agentnumber") == DEMO_AGENT
    assert root.findtext("activecalls/activecall/phone") == NUMBER

    doc = api.ok("redirect", **{"from": DEMO_EXTENSION, "extension": "1010"})
    assert doc == {"result": "true", "message": "Çağrı Yönlendirildi", "extension": "1010"}
    (moved,) = callcenter(api)
    assert moved["agentnumber"] == "107" and moved["phone"] == NUMBER
    api.fails("hangup", "Aktif çağrı bulunamadı.", extension=DEMO_EXTENSION)
    sim.clock.advance(4)
    assert api.xml("hangup", extension="1010").findtext("message") == "Çağrı Sonlandırıldı"
    assert monitor(api) == []

    records = sim.state.records.all()[before:]
    assert [(r.arayan_numara, r.aranan_numara, r.durum) for r in records] == [
        (DEMO_EXTENSION, NUMBER, "ANSWERED"),
        ("1010", NUMBER, "ANSWERED"),
    ]
    assert records[0].arayan_adi == "Ayşe Yılmaz" and records[0].sure == 8
    mine = api.ok("soundRecords", arayan_numara=DEMO_EXTENSION, limit="1")["activecalls"][0]
    assert mine["dosya"] == records[0].dosya
    assert re.fullmatch(
        r"/var/spool/asterisk/monitor/\d{4}/\d\d/\d\d/out-05321234567-1004-\d{8}-\d{6}-\d+\.\d+\.WAV",
        mine["dosya"],
    )
    audio = api.raw("downloadRecording", method="GET", listen=mine["dosya"])
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/x-wav"
    assert audio.content[:4] == b"RIFF" and audio.content[8:12] == b"WAVE"


def test_hangup_while_ringing_is_no_answer(sim: Simulator, api: Api) -> None:
    api.ok("dial", extension=DEMO_EXTENSION, number="+905321234567")
    api.ok("hangup", extension=DEMO_EXTENSION)
    last = sim.state.records.all()[-1]
    assert last.durum == "NO ANSWER" and last.dosya == "" and last.aranan_numara == "+905321234567"


def test_dial_errors(api: Api) -> None:
    api.fails("dial", "extension parametresi eksik.", number=NUMBER)
    api.fails("dial", "number parametresi eksik.", extension=DEMO_EXTENSION)
    api.fails("dial", "Geçersiz dahili numarası.", extension="10a4", number=NUMBER)
    api.fails("dial", "Dahili bulunamadı.", extension="1099", number=NUMBER)
    for bad in ("0532-abc", "0532 123 45 67", "tel:05321234567", "5"):
        api.fails("dial", "Geçersiz telefon numarası.", extension=DEMO_EXTENSION, number=bad)
    api.fails("dial", "Dahili kendisini arayamaz.", extension=DEMO_EXTENSION, number="1004")
    api.ok("dial", extension=DEMO_EXTENSION, number=NUMBER)
    api.fails("dial", "Dahili meşgul.", extension=DEMO_EXTENSION, number=NUMBER)


def test_redirect_and_hangup_errors(sim: Simulator, api: Api) -> None:
    api.fails("hangup", "extension parametresi eksik.")
    api.fails("hangup", "Aktif çağrı bulunamadı.", extension=DEMO_EXTENSION)
    api.fails("redirect", "from parametresi eksik.", extension="1010")
    api.fails("redirect", "Aktif çağrı bulunamadı.", **{"from": "1004", "extension": "1010"})
    api.ok("dial", extension=DEMO_EXTENSION, number=NUMBER)
    api.fails("redirect", "Dahili bulunamadı.", **{"from": "1004", "extension": "2000"})
    api.fails("redirect", "Çağrı zaten bu dahilide.", **{"from": "1004", "extension": "1004"})
    api.ok("dial", extension="1010", number="02121234567")
    api.fails("redirect", "Hedef dahili meşgul.", **{"from": "1004", "extension": "1010"})


def test_internal_call_has_two_legs(sim: Simulator, api: Api) -> None:
    api.ok("dial", extension=DEMO_EXTENSION, number="1005")
    sim.clock.advance(3)
    rows = {r["agentnumber"]: r["phone"] for r in callcenter(api)}
    assert rows == {DEMO_AGENT: "1005", "102": DEMO_EXTENSION}
    legs = {r["dahili"]: r["yon"] for r in monitor(api)}
    assert legs == {DEMO_EXTENSION: "out", "1005": "in"}
    api.ok("hangup", extension="1005")
    assert callcenter(api) == []
    assert sim.state.records.all()[-1].dosya.split("/")[-1].startswith("exten-1005-1004-")


def test_unowned_extension_has_empty_agentnumber(api: Api) -> None:
    api.ok("dial", extension="1001", number=NUMBER)
    assert callcenter(api)[0]["agentnumber"] == ""


def test_incoming_call_rings_answers_ends_and_records(sim: Simulator, api: Api) -> None:
    sim.inject_incoming_call(DEMO_EXTENSION, "05559876543", "Ali Acar", ring_s=2, talk_s=10)
    (ringing,) = monitor(api)
    assert ringing["yon"] == "in" and ringing["islem"] == "Ringing"
    assert ringing["arayan_numara"] == "05559876543" and ringing["dahili"] == DEMO_EXTENSION
    assert callcenter(api)[0]["phone"] == "05559876543"
    sim.clock.advance(3)
    assert monitor(api)[0]["islem"] == "Up"
    sim.clock.advance(10)
    assert monitor(api) == []
    (row,) = api.ok("callRecords", arayan_numara="05559876543")["activecalls"]
    assert row["arayan_adi"] == "Ali Acar" and row["aranan_numara"] == DEMO_EXTENSION
    assert row["durum"] == "ANSWERED" and row["sure"] == "12" and row["kaynak"] == "from-trunk"
    (rec,) = api.ok("soundRecords", arayan_numara="05559876543")["activecalls"]
    assert rec["dosya"].split("/")[-1].startswith("in-05559876543-1004-")


def test_incoming_call_can_be_rejected_or_hit_a_busy_phone(sim: Simulator, api: Api) -> None:
    sim.inject_incoming_call(DEMO_EXTENSION, "05559876543", ring_s=5, talk_s=5)
    api.ok("hangup", extension=DEMO_EXTENSION)
    assert sim.state.records.all()[-1].durum == "NO ANSWER"
    api.ok("dial", extension=DEMO_EXTENSION, number=NUMBER)
    sim.inject_incoming_call(DEMO_EXTENSION, "05559876543")
    assert sim.state.records.all()[-1].durum == "BUSY"
    assert len(monitor(api)) == 1


def test_inject_to_unknown_extension(sim: Simulator) -> None:
    with pytest.raises(ValueError, match="Dahili bulunamadı"):
        sim.inject_incoming_call("999", NUMBER)


def test_random_incoming_calls_go_to_free_agents_only(sim: Simulator, api: Api) -> None:
    api.ok("loginAgent", agent=DEMO_AGENT)
    free = set(sim.state.agents.available_extensions())
    assert DEMO_EXTENSION in free and "1007" not in free  # agent 104 is on a break
    before = len(sim.state.records.all())
    sim.start_incoming_calls(20)
    for _ in range(30):
        sim.clock.advance(60)
        for call in sim.state.calls.active():
            assert call.extension in free and call.inbound
    sim.stop_incoming_calls()
    sim.clock.advance(600)
    assert sim.state.calls.active() == []
    new = sim.state.records.all()[before:]
    assert len(new) > 20
    assert {r.aranan_numara for r in new} <= free
    assert DEMO_EXTENSION in {r.aranan_numara for r in new}


def test_random_incoming_calls_to_chosen_extensions(sim: Simulator, api: Api) -> None:
    api.ok("loginAgent", agent=DEMO_AGENT)
    before = len(sim.state.records.all())
    sim.start_incoming_calls(30, extensions=[DEMO_EXTENSION])
    for _ in range(20):
        sim.clock.advance(120)
        api.ok("activeCalls")
    sim.stop_incoming_calls()
    new = sim.state.records.all()[before:]
    assert new and {r.aranan_numara for r in new} == {DEMO_EXTENSION}


def test_time_scale_accelerates_calls() -> None:
    with Simulator(time_scale=50) as fast, httpx.Client(trust_env=False) as c:
        query = {"apikey": DEMO_API_KEY, "module": "dial", "type": "json"}
        c.post(fast.url, params=query, data={"extension": DEMO_EXTENSION, "number": NUMBER})
        time.sleep(0.1)  # 5 simulated seconds: past the 2 s ring
        query["module"] = "activeCalls"
        (row,) = c.post(fast.url, params=query).json()["activecalls"]
        assert row["islem"] == "Up" and int(row["sure"]) >= 4
