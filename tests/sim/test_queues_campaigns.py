"""Queues and campaigns: listQueue, queue members, campaigns, phones and call details."""

from __future__ import annotations

from agentbar.sim import Simulator
from tests.sim.helpers import Api

QUEUES = [
    {"extension": "10000", "descr": "OPERATORQ"},
    {"extension": "10001", "descr": "TEKNIKQ"},
    {"extension": "10002", "descr": "TESTQ"},
    {"extension": "10003", "descr": "SATISQ"},
]
DETAIL = [
    "name",
    "phone",
    "status",
    "start_time",
    "end_time",
    "duration",
    "failure_cause",
    "failure_cause_txt",
    "agent_number",
    "agent_name",
]


def test_list_queue_is_json_whatever_the_type(api: Api) -> None:
    for fmt in ("json", "xml", None):
        r = api.raw("listQueue", fmt=fmt, method="GET")
        assert r.headers["content-type"] == "application/json; charset=utf-8"
        assert r.json() == {"result": "true", "message": QUEUES}
    r = api.raw("listQueue", fmt="xml", key="wrong")
    assert r.json() == {"result": "false", "message": "Geçersiz API anahtarı."}


def test_queue_lifecycle(api: Api) -> None:
    doc = api.ok(
        "createQueue",
        account="10050",
        name="DESTEKQ",
        password="gizli",
        **{"dynmembers[]": ["101", "100"]},
    )
    assert doc["message"] == "Kuyruk Eklendi"
    assert {"extension": "10050", "descr": "DESTEKQ"} in api.ok("listQueue")["message"]
    assert api.ok("queueAgents", account="10050")["agents"] == ["100", "101"]
    root = api.xml("queueAgents", account="10050")
    assert [a.text for a in root.findall("agents/agent")] == ["100", "101"]
    doc = api.ok("agentsQueue", account="10050", make="true", **{"dynmembers[]": ["102", "100"]})
    assert doc["message"] == "İşleminiz Gerçekleşti"
    assert api.ok("queueAgents", account="10050")["agents"] == ["100", "101", "102"]
    api.ok("agentsQueue", account="10050", make="false", dynmembers=["100", "101", "102"])
    assert api.ok("queueAgents", account="10050")["agents"] == []
    assert api.raw("queueAgents", account="10050").text.endswith("<agents/></CallCenter>\n")
    assert api.xml("deleteQueue", account="10050").findtext("message") == "Kuyruk Silindi"
    api.fails("queueAgents", "Kuyruk bulunamadı.", account="10050")
    assert api.ok("listQueue")["message"] == QUEUES


def test_queue_agents_numeric_lists(sim: Simulator, api: Api) -> None:
    sim.options.numeric_lists = True
    assert api.ok("queueAgents", account="10002")["agents"] == {"0": "101", "1": "119"}
    assert api.ok("listQueue")["message"]["3"] == QUEUES[3]


def test_queue_errors(api: Api) -> None:
    api.fails("createQueue", "account parametresi eksik.", name="X")
    api.fails("createQueue", "Geçersiz kuyruk numarası.", account="abc", name="X")
    api.fails("createQueue", "name parametresi eksik.", account="10060")
    api.fails("createQueue", "Kuyruk zaten mevcut.", account="10000", name="X")
    api.fails(
        "createQueue", "Geçersiz agent numarası.", account="10060", name="X", dynmembers=["10x"]
    )
    api.fails(
        "createQueue", "Agent bulunamadı: 555.", account="10060", name="X", dynmembers=["555"]
    )
    api.fails("deleteQueue", "Kuyruk bulunamadı.", account="10060")
    api.fails("agentsQueue", "dynmembers parametresi eksik.", account="10000", make="true")
    api.fails("agentsQueue", "make parametresi eksik.", account="10000", dynmembers=["100"])
    api.fails(
        "agentsQueue",
        "Geçersiz make değeri (true veya false bekleniyor).",
        account="10000",
        dynmembers=["100"],
        make="evet",
    )
    api.fails("agentsQueue", "Kuyruk bulunamadı.", account="1", dynmembers=["100"], make="1")


def test_create_campaign_and_phones(api: Api) -> None:
    fields = {
        "name": "Bahar Kampanyası",
        "start_date": "2026-12-01",
        "end_date": "2026-12-31",
        "start_time": "09:00:00",
        "end_time": "18:00:00",
        "retries": "3",
        "queue": "191",
    }
    doc = api.ok("createCampaign", **fields)
    assert doc == {"result": "true", "id_campaign": 3, "name": "Bahar Kampanyası"}
    root = api.xml("createCampaign", **fields)
    assert [(c.tag, c.text) for c in root] == [
        ("result", "true"),
        ("id_campaign", "4"),
        ("name", "Bahar Kampanyası"),
    ]
    doc = api.ok(
        "campaignAddPhone", name="Ali", surname="Acar", phone="05321112233", id_campaign="3"
    )
    assert doc["message"] == "Kampanyaya Yeni Telefon Eklendi"
    api.fails(
        "campaignAddPhone",
        "Telefon numarası kampanyada zaten var.",
        name="Ali",
        phone="05321112233",
        id_campaign="3",
    )
    (row,) = api.ok("getCallDetail", id_campaign="3")["data"]
    assert list(row) == DETAIL
    assert row["name"] == "Bahar Kampanyası" and row["phone"] == "05321112233"
    assert row["status"] == "" and row["start_time"] == "" and row["duration"] == ""
    doc = api.ok("campaignDeletePhone", id_campaign="3", phone="05321112233")
    assert doc["message"] == "Kampanyadan Telefon Silindi"
    assert api.ok("getCallDetail", id_campaign="3")["data"] == []
    assert api.raw("getCallDetail", id_campaign="3").text.endswith("<Datas/></CallCenter>\n")
    api.fails(
        "campaignDeletePhone",
        "Telefon numarası kampanyada bulunamadı.",
        id_campaign="3",
        phone="05321112233",
    )
    assert api.ok("deleteCampaign", id_campaign="3")["message"] == "Kampanya Silindi"
    api.fails("deleteCampaign", "Kampanya bulunamadı.", id_campaign="3")


def test_campaign_validation(api: Api) -> None:
    good = {
        "name": "K",
        "start_date": "2026-12-01",
        "end_date": "2026-12-31",
        "start_time": "09:00:00",
        "end_time": "18:00:00",
        "retries": "3",
        "queue": "191",
    }
    cases = [
        ({"name": ""}, "name parametresi eksik."),
        ({"start_date": "01.12.2026"}, "Geçersiz start_date değeri (YYYY-MM-DD bekleniyor)."),
        ({"end_date": "2026-02-30"}, "Geçersiz end_date değeri (YYYY-MM-DD bekleniyor)."),
        ({"start_time": "9:00"}, "Geçersiz start_time değeri (HH:MM:SS bekleniyor)."),
        ({"end_time": "25:00:00"}, "Geçersiz end_time değeri (HH:MM:SS bekleniyor)."),
        ({"retries": "üç"}, "Geçersiz retries değeri."),
        ({"queue": "q1"}, "Geçersiz queue değeri."),
        ({"end_date": "2026-11-01"}, "end_date, start_date tarihinden önce olamaz."),
        ({"end_time": "08:00:00"}, "end_time, start_time saatinden sonra olmalı."),
    ]
    for change, message in cases:
        api.fails("createCampaign", message, **{**good, **change})
    api.fails(
        "createCampaign",
        "retries parametresi eksik.",
        **{k: v for k, v in good.items() if k != "retries"},
    )
    api.fails("campaignAddPhone", "Kampanya bulunamadı.", name="A", phone="0532", id_campaign="77")
    api.fails(
        "campaignAddPhone", "Geçersiz telefon numarası.", name="A", phone="x", id_campaign="1"
    )
    api.fails("deleteCampaign", "Geçersiz kampanya numarası.", id_campaign="bir")


def test_get_call_detail_filters(api: Api) -> None:
    rows = api.ok("getCallDetail")["data"]
    assert len(rows) == 21
    assert {r["name"] for r in rows} == {"Kasım Memnuniyet Anketi", "Yılbaşı Satış Kampanyası"}
    assert {"Success", "NoAnswer", "Failure"} <= {r["status"] for r in rows}
    success = next(r for r in rows if r["status"] == "Success")
    assert success["agent_number"] and success["agent_name"] and int(success["duration"]) > 0
    failure = next(r for r in rows if r["status"] == "Failure")
    assert failure["failure_cause"] and failure["failure_cause_txt"]
    first = api.ok("getCallDetail", id_campaign="1")["data"]
    assert len(first) == 12 and {r["name"] for r in first} == {"Kasım Memnuniyet Anketi"}
    by_phone = api.ok("getCallDetail", phone=rows[0]["phone"])["data"]
    assert by_phone == [rows[0]]
    root = api.xml("getCallDetail", id_campaign="2")
    data = root.findall("Datas/Data")
    assert len(data) == 9 and [c.tag for c in data[0]] == DETAIL
    api.fails("getCallDetail", "Kampanya bulunamadı.", id_campaign="99")
