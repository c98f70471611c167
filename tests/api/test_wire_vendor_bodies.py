"""Bodies copied from the vendor document (seeds/call-center-api.tr.txt), decoded and typed.

Where the document's JSON is not JSON (lists written as ``[ "0": {...} ]``), the two shapes a
PHP server really produces are used instead: a real list, and an object with numeric keys
(with PHP's default escaping: ``\\u00e7`` for non-ASCII and ``\\/`` for slashes).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time
from typing import Any

import pytest

from agentbar.api import MODULES, ProtocolError
from agentbar.api import models as m
from agentbar.api.wire import decode
from tests.api.conftest import MockClientFactory, reply

# -- helpers -------------------------------------------------------------------------------


def php_list_json(key: str | None, rows: list[Any]) -> str:
    """``json_encode`` of a PHP list that is a real list (``[...]``), unescaped."""
    value: Any = rows
    doc = value if key is None else {"result": "true", key: value}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def php_object_json(key: str | None, rows: list[Any]) -> str:
    """``json_encode`` of a PHP array with numeric keys, with PHP's default escaping."""
    value: Any = {str(i): row for i, row in enumerate(rows)}
    doc = value if key is None else {"result": "true", key: value}
    return json.dumps(doc, ensure_ascii=True).replace("/", "\\/")


def both_shapes(key: str | None, rows: list[Any]) -> list[str]:
    return [php_list_json(key, rows), php_object_json(key, rows)]


def dt(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


# -- message modules: literal XML and JSON bodies of the document ----------------------------

MESSAGE_BODIES = [
    (
        "deleteCampaign",
        "Kampanya Silindi",
        "<CallCenter>\n<result>true</result>\n<message>Kampanya Silindi</message>\n</CallCenter>",
        '{\n"result": "true",\n"message": "Kampanya Silindi"\n}',
    ),
    (
        "createQueue",
        "Kuyruk Eklendi",
        "<CallCenter>\n  <result>true</result>\n  <message>Kuyruk Eklendi</message>\n</CallCenter>",
        '{\n   "result": "true",\n   "message": "Kuyruk Eklendi"\n}',
    ),
    (
        "deleteQueue",
        "Kuyruk Silindi",
        "<CallCenter>\n  <result>true</result>\n  <message>Kuyruk Silindi</message>\n</CallCenter>",
        '{\n  "result": "true",\n  "message": "Kuyruk Silindi"\n}',
    ),
    (
        "loginAgent",
        "Giriş yapıldı.",
        "<CallCenter>\n  <result>true</result>\n  <message>Giriş yapıldı.</message>\n</CallCenter>",
        '{\n   "result": "true",\n   "message": "Giriş yapıldı."\n}',
    ),
    (
        "logoutAgent",
        "Çıkış yapıldı.",
        "<CallCenter>\n   <result>true</result>\n   <message>Çıkış yapıldı.</message>\n"
        "</CallCenter>",
        '{\n  "result": "true",\n  "message": "Çıkış yapıldı."\n}',
    ),
    (
        "agentsQueue",
        "İşleminiz Gerçekleşti",
        "<CallCenter>\n  <result>true</result>\n  <message>İşleminiz Gerçekleşti</message>\n"
        "</CallCenter>",
        '{\n  "result": "true",\n  "message": "İşleminiz Gerçekleşti"\n}',
    ),
    (
        "campaignAddPhone",
        "Kampanyaya Yeni Telefon Eklendi",
        "<CallCenter>\n  <result>true</result>\n"
        "  <message>Kampanyaya Yeni Telefon Eklendi</message>\n</CallCenter>",
        '{\n   "result": "true",\n   "message": "Kampanyaya Yeni Telefon Eklendi"\n}',
    ),
    (
        "campaignDeletePhone",
        "Kampanyadan Telefon Silindi",
        "<CallCenter>\n  <result>true</result>\n"
        "  <message>Kampanyadan Telefon Silindi</message>\n</CallCenter>",
        '{\n  "result": "true",\n  "message": "Kampanyadan Telefon Silindi"\n}',
    ),
    (
        "breakStart",
        "Mola Başladı",
        "<CallCenter>\n  <result>true</result>\n  <message>Mola Başladı</message>\n</CallCenter>",
        '{\n  "result": "true",\n  "message": "Mola Başladı"\n}',
    ),
    (
        "dial",
        "Arama Başladı",
        "<CallCenter>\n  <result>true</result>\n  <message>Arama Başladı</message>\n</CallCenter>",
        '{\n  "result": "true",\n  "message": "Arama Başladı"\n}',
    ),
    (
        "hangup",
        "Çağrı Sonlandırıldı",
        "<CallCenter>\n  <result>true</result>\n  <message>Çağrı Sonlandırıldı</message>\n"
        "</CallCenter>",
        '{\n   "result": "true",\n   "message": "Çağrı Sonlandırıldı"\n}',
    ),
]


@pytest.mark.parametrize(("module", "message", "xml", "js"), MESSAGE_BODIES)
def test_message_bodies_decode_to_their_message(
    module: str, message: str, xml: str, js: str
) -> None:
    assert decode(xml.encode(), MODULES[module]) == {"message": message}
    assert decode(js.encode(), MODULES[module]) == {"message": message}


def _call_message_module(client: Any, module: str) -> Any:
    calls = {
        "deleteCampaign": lambda: client.delete_campaign(7),
        "createQueue": lambda: client.create_queue(10003, "SATISQ", "s3cret", ["100", "101"]),
        "deleteQueue": lambda: client.delete_queue(10003),
        "loginAgent": lambda: client.login_agent(1001),
        "logoutAgent": lambda: client.logout_agent(1001),
        "agentsQueue": lambda: client.agents_queue(10000, [100, 101], True),
        "campaignAddPhone": lambda: client.campaign_add_phone(7, "05321234567", "Ali", "Veli"),
        "campaignDeletePhone": lambda: client.campaign_delete_phone(7, "05321234567"),
        "breakStart": lambda: client.break_start(1001, 2),
        "dial": lambda: client.dial(1004, "05332730130"),
        "hangup": lambda: client.hangup(1004),
    }
    return calls[module]()


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(("module", "message", "xml", "js"), MESSAGE_BODIES)
async def test_message_bodies_through_the_client(
    mock_client: MockClientFactory, fmt: str, module: str, message: str, xml: str, js: str
) -> None:
    client, requests = mock_client(reply(xml if fmt == "xml" else js), wire=fmt)
    ack = await _call_message_module(client, module)
    assert ack == m.Ack(message=message, extension=None)
    assert len(requests) == 1
    assert requests[0].url.params["module"] == module
    assert requests[0].url.params["type"] == fmt


REDIRECT_XML = """<CallCenter>
  <result>true</result>
  <message>Çağrı Yönlendirildi</message>
  <extension>DAHİLİ_NO</extension>
</CallCenter>"""
# The document writes ``"extension": DAHİLİ_NO`` (not JSON); PHP sends the number.
REDIRECT_JSON = (
    '{\n   "result": "true",\n   "message": "Çağrı Yönlendirildi",\n   "extension": 1002\n}'
)


async def test_redirect_bodies(mock_client: MockClientFactory) -> None:
    assert decode(REDIRECT_XML.encode(), MODULES["redirect"]) == {
        "message": "Çağrı Yönlendirildi",
        "extension": "DAHİLİ_NO",
    }
    client, _ = mock_client(reply(REDIRECT_JSON))
    assert await client.redirect(1004, 1002) == m.Ack("Çağrı Yönlendirildi", "1002")
    client, _ = mock_client(reply(REDIRECT_XML), wire="xml")
    assert await client.redirect(1004, 1002) == m.Ack("Çağrı Yönlendirildi", "DAHİLİ_NO")


CREATE_CAMPAIGN_XML = """<CallCenter>
<result>true</result>
<id_campaign>Oluşan Kampanyanın ID</id_campaign>
<name>Oluşan Kampnayanın Adı</name>
</CallCenter>"""
# ``"id_campaign": Oluşan Kampanya ID,`` in the document: a PHP integer on a real server.
CREATE_CAMPAIGN_JSON = (
    '{\n    "result": "true",\n    "id_campaign": 17,\n    "name": "Ekim Kampanyası"\n}'
)


async def test_create_campaign_bodies(mock_client: MockClientFactory) -> None:
    assert decode(CREATE_CAMPAIGN_XML.encode(), MODULES["createCampaign"]) == {
        "id_campaign": "Oluşan Kampanyanın ID",
        "name": "Oluşan Kampnayanın Adı",
    }
    assert decode(CREATE_CAMPAIGN_JSON.encode(), MODULES["createCampaign"]) == {
        "id_campaign": "17",
        "name": "Ekim Kampanyası",
    }
    client, _ = mock_client(reply(CREATE_CAMPAIGN_JSON))
    campaign = await client.create_campaign(
        "Ekim Kampanyası", date(2019, 10, 1), date(2019, 10, 31), time(9), time(18), 3
    )
    assert campaign == m.Campaign(id="17", name="Ekim Kampanyası")
    client, _ = mock_client(reply(CREATE_CAMPAIGN_XML), wire="xml")
    campaign = await client.create_campaign(
        "x", date(2019, 10, 1), date(2019, 10, 31), time(9), time(18), 3
    )
    assert campaign == m.Campaign(id="Oluşan Kampanyanın ID", name="Oluşan Kampnayanın Adı")


def test_the_documents_pseudo_json_lists_are_refused_not_crashed() -> None:
    """The document's ``[ "0": {...} ]`` is not JSON: a clear ProtocolError, nothing else."""
    body = """{
   "result": "true",
   "agents": [
   "0": "100",
   "1": "101",
   "2": "102",
    ...
    ]
}"""
    with pytest.raises(ProtocolError, match="JSON"):
        decode(body.encode(), MODULES["queueAgents"])


def test_the_documents_unclosed_agent_tags_are_refused_not_crashed() -> None:
    body = """<CallCenter>
  <result>true</result>
  <agents>
    <agent>100<agent>
    <agent>101<agent>
    <agent>102<agent>
    <agent>...<agent>
  </agents>
</CallCenter>"""
    with pytest.raises(ProtocolError, match="XML"):
        decode(body.encode(), MODULES["queueAgents"])


# -- breakList -----------------------------------------------------------------------------

BREAK_LIST_XML = """<CallCenter>
  <result>true</result>
  <break>
    <id>2</id>
    <name>YEMEK MOLASI</name>
  </break>
  <break>
    <id>3</id>
    <name>CAY SIGARA MOLASI</name>
  </break>
  <break>
    <id>4</id>
    <name>DIS ARAMA</name>
  </break>
</CallCenter>"""
BREAK_LIST_JSON = """[
   {
      "id": "2",
      "name": "YEMEK MOLASI"
   },
   {
      "id": "3",
      "name": "CAY SIGARA MOLASI"
   },
   {
      "id": "4",
      "name": "DIS ARAMA"
   }
]"""
BREAKS = [
    {"id": "2", "name": "YEMEK MOLASI"},
    {"id": "3", "name": "CAY SIGARA MOLASI"},
    {"id": "4", "name": "DIS ARAMA"},
]
BREAK_REASONS = [
    m.BreakListEntry("2", "YEMEK MOLASI"),
    m.BreakListEntry("3", "CAY SIGARA MOLASI"),
    m.BreakListEntry("4", "DIS ARAMA"),
]


@pytest.mark.parametrize("body", [BREAK_LIST_XML, BREAK_LIST_JSON, php_object_json(None, BREAKS)])
def test_break_list_bodies(body: str) -> None:
    assert decode(body.encode(), MODULES["breakList"]) == BREAKS


@pytest.mark.parametrize(
    ("fmt", "body"),
    [("xml", BREAK_LIST_XML), ("json", BREAK_LIST_JSON), ("json", php_object_json(None, BREAKS))],
)
async def test_break_list_through_the_client(
    mock_client: MockClientFactory, fmt: str, body: str
) -> None:
    client, _ = mock_client(reply(body), wire=fmt)
    assert await client.break_list() == BREAK_REASONS


# -- breakEnd ------------------------------------------------------------------------------

BREAK_END_XML = """<CallCenter>
  <result>true</result>
  <break>
    <agent> 1000 </agent>
    <starttime> 2017-06-01 10:00:00 </starttime>
    <endtime> 2017-06-01 10:00:08 </endtime>
    <duration> 8 </duration>
  </break>
</CallCenter>"""
# The document's JSON for breakEnd (a copy-paste slip: only a message).
BREAK_END_JSON = '{\n  "result": "true",\n  "message": "Mola Başladı"\n}'
BREAK_END_JSON_WITH_BLOCK = json.dumps(
    {
        "result": "true",
        "message": "Mola Bitti",
        "break": {
            "agent": "1000",
            "starttime": "2017-06-01 10:00:00",
            "endtime": "2017-06-01 10:00:08",
            "duration": 8,
        },
    },
    ensure_ascii=False,
)


def test_break_end_xml_block() -> None:
    assert decode(BREAK_END_XML.encode(), MODULES["breakEnd"]) == {
        "agent": "1000",
        "starttime": "2017-06-01 10:00:00",
        "endtime": "2017-06-01 10:00:08",
        "duration": "8",
    }


@pytest.mark.parametrize(
    ("fmt", "body", "expected"),
    [
        (
            "xml",
            BREAK_END_XML,
            m.BreakEnd(
                "", "1000", dt("2017-06-01 10:00:00"), dt("2017-06-01 10:00:08"), duration_s=8
            ),
        ),
        ("json", BREAK_END_JSON, m.BreakEnd("Mola Başladı", None, None, None, None)),
        (
            "json",
            BREAK_END_JSON_WITH_BLOCK,
            m.BreakEnd(
                "Mola Bitti",
                "1000",
                dt("2017-06-01 10:00:00"),
                dt("2017-06-01 10:00:08"),
                duration_s=8,
            ),
        ),
    ],
    ids=["xml-block", "json-message-only", "json-block"],
)
async def test_break_end_through_the_client(
    mock_client: MockClientFactory, fmt: str, body: str, expected: m.BreakEnd
) -> None:
    client, requests = mock_client(reply(body), wire=fmt)
    assert await client.break_end(1000) == expected
    assert requests[0].url.params["module"] == "breakEnd"


# -- queueAgents ---------------------------------------------------------------------------

QUEUE_AGENTS_XML = """<CallCenter>
  <result>true</result>
  <agents>
    <agent>100</agent>
    <agent>101</agent>
    <agent>102</agent>
  </agents>
</CallCenter>"""


@pytest.mark.parametrize(
    ("fmt", "body"),
    [("xml", QUEUE_AGENTS_XML)]
    + [("json", b) for b in both_shapes("agents", ["100", "101", "102"])]
    + [("json", '{"result": "true", "agents": [100, 101, 102]}')],
    ids=["xml", "json-list", "json-numeric-keys", "json-integers"],
)
async def test_queue_agents(mock_client: MockClientFactory, fmt: str, body: str) -> None:
    assert decode(body.encode(), MODULES["queueAgents"]) == ["100", "101", "102"]
    client, requests = mock_client(reply(body), wire=fmt)
    assert await client.queue_agents(10000) == ["100", "101", "102"]
    assert requests[0].url.params["module"] == "queueAgents"


# -- listQueue -----------------------------------------------------------------------------

LIST_QUEUE_JSON = """{
   "result": "true",
        "message": [
          {
             "extension": "10000",
             "descr": "OPERATORQ"
          },
          {
              "extension": "10001",
              "descr": "TEKNIKQ"
          },
          {
              "extension": "10002",
              "descr": "TESTQ"
           }
         ]
}"""
QUEUES = [
    {"extension": "10000", "descr": "OPERATORQ"},
    {"extension": "10001", "descr": "TEKNIKQ"},
    {"extension": "10002", "descr": "TESTQ"},
]


@pytest.mark.parametrize("body", [LIST_QUEUE_JSON, php_object_json("message", QUEUES)])
async def test_list_queue(mock_client: MockClientFactory, body: str) -> None:
    assert decode(body.encode(), MODULES["listQueue"]) == QUEUES
    client, _ = mock_client(reply(body), wire="xml")
    assert await client.list_queue() == [
        m.Queue("10000", "OPERATORQ"),
        m.Queue("10001", "TEKNIKQ"),
        m.Queue("10002", "TESTQ"),
    ]


# -- activeCallsCallCenter ------------------------------------------------------------------

AGENT_CALLS = [
    {"agentnumber": "1001", "fechainicio": "2019-10-24 15:03:14", "phone": "05332730130"},
    # The document's own placeholder values: fechainicio is "the call state" there.
    {"agentnumber": "Agent Numarası", "fechainicio": "Çağrı Durumu", "phone": " Telefon Numarası "},
]
AGENT_CALLS_XML = """<CallCenter>
  <result>true</result>
  <activecalls>
  <activecall>
  <agentnumber>1001</agentnumber>
  <fechainicio>2019-10-24 15:03:14</fechainicio>
  <phone>05332730130</phone>
  </activecall>
  <activecall>
  <agentnumber> Agent Numarası </agentnumber>
  <fechainicio> Çağrı Durumu </fechainicio>
  <phone> Telefon Numarası </phone>
  </activecall>
  </activecalls>
</CallCenter>"""
AGENT_CALL_MODELS = [
    m.AgentCall("1001", "05332730130", dt("2019-10-24 15:03:14"), ""),
    m.AgentCall("Agent Numarası", "Telefon Numarası", None, "Çağrı Durumu"),
]


def test_the_documents_active_calls_call_center_xml_is_refused_not_crashed() -> None:
    body = """<CallCenter>
  <result>true</result>
  <activecalls>
  <activecall>
  <agentnumber> Agent Numarası </agentnumber>
  <fechainicio> Çağrı Durumu </fechainicio>
  <phone> Telefon Numarası </phone>
  <activecall>...</activecalls>
</CallCenter>"""
    with pytest.raises(ProtocolError):
        decode(body.encode(), MODULES["activeCallsCallCenter"])


@pytest.mark.parametrize(
    ("fmt", "body"),
    [("xml", AGENT_CALLS_XML)] + [("json", b) for b in both_shapes("activecalls", AGENT_CALLS)],
    ids=["xml", "json-list", "json-numeric-keys"],
)
async def test_active_calls_call_center(
    mock_client: MockClientFactory, fmt: str, body: str
) -> None:
    rows = decode(body.encode(), MODULES["activeCallsCallCenter"])
    assert isinstance(rows, list) and len(rows) == 2
    assert rows[0] == AGENT_CALLS[0]
    client, _ = mock_client(reply(body), wire=fmt)
    assert await client.active_calls_call_center() == AGENT_CALL_MODELS


# -- activeCalls (live monitor) -------------------------------------------------------------

LIVE_CALLS_DOC_XML = """<CallCenter>
  <result>true</result>
  <calls>
     <call>
        <kanal> Kanal Adı </kanal>
        <kaynak> Kaynak </kaynak>
        <dahili> Dahili </dahili>
        <oncelik> Öncelik </oncelik>
        <yon> Yön </yon>
        <islem> İşlem  </islem>
        <data> Veriler </data>
        <arayan_numara> Telefon Numarası </arayan_numara>
        <sure> Süre </sure>
     </call>
  </calls>
</CallCenter>"""
LIVE_CALLS = [
    {
        "kanal": "SIP/1004-00000a1b",
        "kaynak": "from-internal",
        "dahili": "1004",
        "oncelik": "1",
        "yon": "Giden",
        "islem": "Dial",
        "data": "SIP/trunk/05332730130,60,tTr",
        "arayan_numara": "1004",
        "sure": "125",
    },
    {
        "kanal": "SIP/trunk-00000a1c",
        "kaynak": "from-trunk",
        "dahili": "s",
        "oncelik": "3",
        "yon": "Gelen",
        "islem": "Queue",
        "data": "10000,t",
        "arayan_numara": "05321234567",
        "sure": "7",
    },
]
LIVE_CALL_MODELS = [
    m.LiveCall(
        "SIP/1004-00000a1b",
        "from-internal",
        "1004",
        "1",
        "Giden",
        "Dial",
        "SIP/trunk/05332730130,60,tTr",
        "1004",
        125,
    ),
    m.LiveCall(
        "SIP/trunk-00000a1c", "from-trunk", "s", "3", "Gelen", "Queue", "10000,t", "05321234567", 7
    ),
]


def _xml_list(container: str, item: str, rows: list[dict[str, str]]) -> str:
    items = "".join(
        f"    <{item}>\n"
        + "".join(f"      <{k}>{v}</{k}>\n" for k, v in row.items())
        + f"    </{item}>\n"
        for row in rows
    )
    return (
        f"<CallCenter>\n  <result>true</result>\n  <{container}>\n{items}  </{container}>\n"
        "</CallCenter>"
    )


def test_the_documents_live_calls_xml() -> None:
    assert decode(LIVE_CALLS_DOC_XML.encode(), MODULES["activeCalls"]) == [
        {
            "kanal": "Kanal Adı",
            "kaynak": "Kaynak",
            "dahili": "Dahili",
            "oncelik": "Öncelik",
            "yon": "Yön",
            "islem": "İşlem",
            "data": "Veriler",
            "arayan_numara": "Telefon Numarası",
            "sure": "Süre",
        }
    ]


async def test_the_documents_live_calls_xml_typed(mock_client: MockClientFactory) -> None:
    client, _ = mock_client(reply(LIVE_CALLS_DOC_XML), wire="xml")
    (call,) = await client.active_calls()
    assert call.channel == "Kanal Adı"
    assert call.application == "İşlem"
    assert call.duration_s is None  # "Süre" is no number


@pytest.mark.parametrize(
    ("fmt", "body"),
    [("xml", _xml_list("calls", "call", LIVE_CALLS))]
    + [("json", b) for b in both_shapes("activecalls", LIVE_CALLS)],
    ids=["xml", "json-list", "json-numeric-keys"],
)
async def test_active_calls(mock_client: MockClientFactory, fmt: str, body: str) -> None:
    assert decode(body.encode(), MODULES["activeCalls"]) == LIVE_CALLS
    client, requests = mock_client(reply(body), wire=fmt)
    assert await client.active_calls() == LIVE_CALL_MODELS
    assert requests[0].url.params["module"] == "activeCalls"


# -- callRecords / soundRecords -------------------------------------------------------------

CALL_RECORDS_DOC_XML = """<CallCenter>
  <result>true</result>
    <call_records>
      <call_record>
        <arama_tarihi> Arama Tarihi </arama_tarihi>
        <arayan_adi> Arayan Adı </arayan_adi>
        <arayan_numara> Arayan Numara </arayan_numara>
        <aranan_numara> Aranan Numara </aranan_numara>
        <kaynak> Kaynak </kaynak>
        <kanal> Kanal  </kanal>
        <ic_kanal> İç Kanal </ic_kanal>
        <sonislem> Son İşlem </sonislem>
        <sondata> Son Veriler </sondata>
        <sure> Süre </sure>
        <durum> Durum </durum>
     </call_record>
   </call_records>
</CallCenter>"""
FILE_1 = (
    "/var/spool/asterisk/monitor/2019/10/24/"
    "out-05332730130-1004-20191024-150314-1571918594.40633.WAV"
)
FILE_2 = (
    "/var/spool/asterisk/monitor/2019/10/24/"
    "q-10000-05321234567-20191024-141000-1571915400.40101.wav"
)
SOUND_RECORDS = [
    {
        "arama_tarihi": "2019-10-24 15:03:14",
        "arayan_adi": "Ayşe Yılmaz",
        "arayan_numara": "1004",
        "aranan_numara": "05332730130",
        "kaynak": "1004",
        "kanal": "SIP/1004-00000a1b",
        "ic_kanal": "SIP/trunk-00000a1c",
        "sonislem": "Dial",
        "sondata": "SIP/trunk/05332730130,60,tTr",
        "sure": "125",
        "durum": "ANSWERED",
        "dosya": FILE_1,
    },
    {
        "arama_tarihi": "2019-10-24 14:10:00",
        "arayan_adi": "Mehmet Öztürk",
        "arayan_numara": "05321234567",
        "aranan_numara": "1004",
        "kaynak": "05321234567",
        "kanal": "SIP/trunk-00000a10",
        "ic_kanal": "SIP/1004-00000a11",
        "sonislem": "Queue",
        "sondata": "10000,t",
        "sure": "0",
        "durum": "NO ANSWER",
        "dosya": FILE_2,
    },
]
CALL_RECORDS = [{k: v for k, v in row.items() if k != "dosya"} for row in SOUND_RECORDS]
SOUND_RECORD_MODELS = [
    m.CallRecord(
        dt("2019-10-24 15:03:14"),
        "Ayşe Yılmaz",
        "1004",
        "05332730130",
        "1004",
        "SIP/1004-00000a1b",
        "SIP/trunk-00000a1c",
        "Dial",
        "SIP/trunk/05332730130,60,tTr",
        125,
        "ANSWERED",
        FILE_1,
    ),
    m.CallRecord(
        dt("2019-10-24 14:10:00"),
        "Mehmet Öztürk",
        "05321234567",
        "1004",
        "05321234567",
        "SIP/trunk-00000a10",
        "SIP/1004-00000a11",
        "Queue",
        "10000,t",
        0,
        "NO ANSWER",
        FILE_2,
    ),
]
CALL_RECORD_MODELS = [dataclasses.replace(r, file=None) for r in SOUND_RECORD_MODELS]


def test_the_documents_call_records_xml() -> None:
    rows = decode(CALL_RECORDS_DOC_XML.encode(), MODULES["callRecords"])
    assert rows == [
        {
            "arama_tarihi": "Arama Tarihi",
            "arayan_adi": "Arayan Adı",
            "arayan_numara": "Arayan Numara",
            "aranan_numara": "Aranan Numara",
            "kaynak": "Kaynak",
            "kanal": "Kanal",
            "ic_kanal": "İç Kanal",
            "sonislem": "Son İşlem",
            "sondata": "Son Veriler",
            "sure": "Süre",
            "durum": "Durum",
        }
    ]


async def test_the_documents_call_records_xml_typed(mock_client: MockClientFactory) -> None:
    client, _ = mock_client(reply(CALL_RECORDS_DOC_XML), wire="xml")
    (record,) = await client.call_records()
    assert record.date is None and record.duration_s is None and record.file is None
    assert record.caller_name == "Arayan Adı"
    assert record.inner_channel == "İç Kanal"


def _record_bodies(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return (
        [("xml", _xml_list("call_records", "call_record", rows))]
        + [("json", b) for b in both_shapes("activecalls", rows)]
        + [("json", b) for b in both_shapes("call_records", rows)]
    )


_RECORD_IDS = [
    "xml",
    "json-activecalls-list",
    "json-activecalls-numeric-keys",
    "json-call_records-list",
    "json-call_records-numeric-keys",
]


@pytest.mark.parametrize(("fmt", "body"), _record_bodies(CALL_RECORDS), ids=_RECORD_IDS)
async def test_call_records(mock_client: MockClientFactory, fmt: str, body: str) -> None:
    assert decode(body.encode(), MODULES["callRecords"]) == CALL_RECORDS
    client, requests = mock_client(reply(body), wire=fmt)
    assert await client.call_records() == CALL_RECORD_MODELS
    assert requests[0].url.params["module"] == "callRecords"


@pytest.mark.parametrize(("fmt", "body"), _record_bodies(SOUND_RECORDS), ids=_RECORD_IDS)
async def test_sound_records(mock_client: MockClientFactory, fmt: str, body: str) -> None:
    assert decode(body.encode(), MODULES["soundRecords"]) == SOUND_RECORDS
    client, requests = mock_client(reply(body), wire=fmt)
    records = await client.sound_records()
    assert records == SOUND_RECORD_MODELS
    assert records[0].file is not None and records[0].file.endswith(".40633.WAV")
    assert requests[0].url.params["module"] == "soundRecords"


# -- getCallDetail -------------------------------------------------------------------------

CALL_DETAIL_DOC_XML = """<CallCenter>
  <result>true</result>
  <Datas>
    <Data>
      <name> Kampanya Adı </name>
      <phone> Telefon Numarası </phone>
      <status> Durum </status>
      <start_time> Başlama Zamanı </start_time>
      <end_time> Bitiş Zamanı </end_time>
      <duration> Süre </duration>
      <failure_cause> Başarısız ID </failure_cause>
      <failure_cause_txt> Başarısız olma sebebi metni </failure_cause_txt>
      <agent_number> Agent Numarası </agent_number>
      <agent_name> Agent Adı </agent_name>
    </Data>
  </Datas>
</CallCenter>"""
CALL_DETAILS = [
    {
        "name": "Ekim Kampanyası",
        "phone": "05332730130",
        "status": "Success",
        "start_time": "2019-10-24 15:03:14",
        "end_time": "2019-10-24 15:05:19",
        "duration": "125",
        "failure_cause": "0",
        "failure_cause_txt": "",
        "agent_number": "Agent/1001",
        "agent_name": "Ayşe Yılmaz",
    },
    {
        "name": "Ekim Kampanyası",
        "phone": "05321234567",
        "status": "Failure",
        "start_time": "",
        "end_time": "",
        "duration": "",
        "failure_cause": "17",
        "failure_cause_txt": "Kullanıcı meşgul",
        "agent_number": "",
        "agent_name": "",
    },
]
CALL_DETAIL_MODELS = [
    m.CallDetail(
        "Ekim Kampanyası",
        "05332730130",
        "Success",
        dt("2019-10-24 15:03:14"),
        dt("2019-10-24 15:05:19"),
        125,
        "0",
        "",
        "Agent/1001",
        "Ayşe Yılmaz",
    ),
    m.CallDetail(
        "Ekim Kampanyası",
        "05321234567",
        "Failure",
        None,
        None,
        None,
        "17",
        "Kullanıcı meşgul",
        "",
        "",
    ),
]


def test_the_documents_call_detail_xml() -> None:
    (row,) = decode(CALL_DETAIL_DOC_XML.encode(), MODULES["getCallDetail"])
    assert isinstance(row, dict)
    assert row["name"] == "Kampanya Adı"
    assert row["failure_cause_txt"] == "Başarısız olma sebebi metni"
    assert row["agent_name"] == "Agent Adı"


@pytest.mark.parametrize(
    ("fmt", "body"),
    [("xml", _xml_list("Datas", "Data", CALL_DETAILS))]
    + [("json", b) for b in both_shapes("data", CALL_DETAILS)],
    ids=["xml", "json-list", "json-numeric-keys"],
)
async def test_get_call_detail(mock_client: MockClientFactory, fmt: str, body: str) -> None:
    assert decode(body.encode(), MODULES["getCallDetail"]) == CALL_DETAILS
    client, _ = mock_client(reply(body), wire=fmt)
    assert await client.get_call_detail(id_campaign=7) == CALL_DETAIL_MODELS


async def test_get_call_detail_single_xml_data_is_a_list_of_one(
    mock_client: MockClientFactory,
) -> None:
    client, _ = mock_client(reply(CALL_DETAIL_DOC_XML), wire="xml")
    (detail,) = await client.get_call_detail()
    assert detail.campaign == "Kampanya Adı"
    assert detail.start is None and detail.duration_s is None


# -- a realistic duration shape -----------------------------------------------------------


async def test_live_call_duration_as_hh_mm_ss(mock_client: MockClientFactory) -> None:
    row = {**LIVE_CALLS[0], "sure": "00:02:05"}
    client, _ = mock_client(reply(php_list_json("activecalls", [row])))
    (call,) = await client.active_calls()
    assert call.duration_s == 125


def test_mock_transport_sanity() -> None:
    """The helpers above produce what they claim (guards the parametrisations)."""
    obj = json.loads(php_object_json("activecalls", AGENT_CALLS))
    assert list(obj["activecalls"]) == ["0", "1"]
    assert "\\/" in php_object_json("x", [{"p": "/a"}])
    assert "\\u00e7" in php_object_json("x", [{"p": "ç"}])


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("125", 125),
        (" 8 ", 8),
        ("8.0", 8),
        ("00:02:05", 125),
        ("2:05", 125),
        ("01:00:00", 3600),
        ("Süre", None),
        ("", None),
        (None, None),
        ("nan", None),
    ],
)
def test_duration_shapes(text: str | None, seconds: int | None) -> None:
    assert m.parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-10-24 15:03:14", dt("2019-10-24 15:03:14")),
        (" 2017-06-01 10:00:08 ", dt("2017-06-01 10:00:08")),
        ("2019-10-24T15:03:14", dt("2019-10-24 15:03:14")),
        ("Çağrı Durumu", None),
        ("0000-00-00 00:00:00", None),  # MySQL's zero date
        ("", None),
    ],
)
def test_datetime_shapes(text: str, expected: datetime | None) -> None:
    assert m.parse_datetime(text) == expected


def test_unknown_nested_fields_of_a_message_reply_are_kept_as_text() -> None:
    body = json.dumps({"result": "true", "message": "Tamam", "extra": {"a": 1}})
    assert decode(body.encode(), MODULES["loginAgent"]) == {
        "message": "Tamam",
        "extra": '{"a":1}',
    }
