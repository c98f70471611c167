"""CallCenterClient: request encoding (captured with MockTransport), retry policy, timeouts."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from agentbar.api import (
    MODULES,
    ApiError,
    CallCenterClient,
    NetworkError,
    ProtocolError,
)
from agentbar.api import models as m
from tests.api.conftest import KEY, MockClientFactory, RawServer, read_request

WAV = b"RIFF" + (36 + 160).to_bytes(4, "little") + b"WAVEfmt " + bytes(24) + b"data" + bytes(164)

OK_MESSAGE = {"result": "true", "message": "Tamam"}
OK_BREAK_END = {"result": "true", "message": "Mola Bitti"}
OK_ROWS = {"result": "true", "activecalls": [], "call_records": [], "data": []}
OK_AGENTS = {"result": "true", "agents": ["100"]}
OK_QUEUES = {"result": "true", "message": [{"extension": "10000", "descr": "OPERATORQ"}]}
OK_CAMPAIGN = {"result": "true", "id_campaign": 17, "name": "Ekim"}
OK_BREAKS = [{"id": "2", "name": "YEMEK MOLASI"}]


@dataclass(frozen=True)
class Case:
    """One typed method: how to call it, and what must go on the wire."""

    module: str
    call: Callable[[CallCenterClient, Path], Awaitable[Any]]
    params: list[tuple[str, str]]
    reply: Any


CASES: list[Case] = [
    Case("loginAgent", lambda c, _: c.login_agent(1001), [("agent", "1001")], OK_MESSAGE),
    Case("logoutAgent", lambda c, _: c.logout_agent("1001"), [("agent", "1001")], OK_MESSAGE),
    Case("breakList", lambda c, _: c.break_list(), [], OK_BREAKS),
    Case(
        "breakStart",
        lambda c, _: c.break_start(1001, 2),
        [("agent", "1001"), ("breakId", "2")],
        OK_MESSAGE,
    ),
    Case("breakEnd", lambda c, _: c.break_end(1001), [("agent", "1001")], OK_BREAK_END),
    Case(
        "dial",
        lambda c, _: c.dial(1004, "05332730130"),
        [("extension", "1004"), ("number", "05332730130")],
        OK_MESSAGE,
    ),
    Case(
        "redirect",
        lambda c, _: c.redirect(1004, "1002"),
        [("from", "1004"), ("extension", "1002")],
        OK_MESSAGE,
    ),
    Case("hangup", lambda c, _: c.hangup(1004), [("extension", "1004")], OK_MESSAGE),
    Case("activeCallsCallCenter", lambda c, _: c.active_calls_call_center(), [], OK_ROWS),
    Case("activeCalls", lambda c, _: c.active_calls(), [], OK_ROWS),
    Case(
        "callRecords",
        lambda c, _: c.call_records(
            orderby="arayan_numara",
            order="desc",
            limit=50,
            start=date(2019, 10, 1),
            end=date(2019, 10, 24),
            caller_name="Ayşe Yılmaz",
            caller_number="1004",
            called_number="05332730130",
        ),
        [
            ("orderby", "arayan_numara"),
            ("sira", "desc"),
            ("limit", "50"),
            ("baslangic_tarihi", "2019-10-01"),
            ("bitis_tarihi", "2019-10-24"),
            ("arayan_adi", "Ayşe Yılmaz"),
            ("arayan_numara", "1004"),
            ("aranan_numara", "05332730130"),
        ],
        OK_ROWS,
    ),
    Case(
        "soundRecords",
        lambda c, _: c.sound_records(caller_number="1004", order="asc"),
        [("sira", "asc"), ("arayan_numara", "1004")],
        OK_ROWS,
    ),
    Case(
        "downloadRecording",
        lambda c, d: c.download_recording("/var/spool/asterisk/monitor/2019/10/24/x.wav", d),
        [("listen", "/var/spool/asterisk/monitor/2019/10/24/x.wav")],
        WAV,
    ),
    Case("listQueue", lambda c, _: c.list_queue(), [], OK_QUEUES),
    Case(
        "createQueue",
        lambda c, _: c.create_queue(10003, "SATIŞQ", "s3&cr=t", [100, "101"]),
        [
            ("account", "10003"),
            ("name", "SATIŞQ"),
            ("password", "s3&cr=t"),
            ("dynmembers[]", "100"),
            ("dynmembers[]", "101"),
        ],
        OK_MESSAGE,
    ),
    Case("deleteQueue", lambda c, _: c.delete_queue(10003), [("account", "10003")], OK_MESSAGE),
    Case("queueAgents", lambda c, _: c.queue_agents(10000), [("account", "10000")], OK_AGENTS),
    Case(
        "agentsQueue",
        lambda c, _: c.agents_queue(10000, ["100", "101"], True),
        [("account", "10000"), ("dynmembers[]", "100"), ("dynmembers[]", "101"), ("make", "true")],
        OK_MESSAGE,
    ),
    Case(
        "createCampaign",
        lambda c, _: c.create_campaign(
            "Ekim Kampanyası", date(2019, 10, 1), date(2019, 10, 31), time(9), time(18, 30, 5), 3
        ),
        [
            ("name", "Ekim Kampanyası"),
            ("start_date", "2019-10-01"),
            ("end_date", "2019-10-31"),
            ("start_time", "09:00:00"),
            ("end_time", "18:30:05"),
            ("retries", "3"),
            ("queue", "191"),
        ],
        OK_CAMPAIGN,
    ),
    Case("deleteCampaign", lambda c, _: c.delete_campaign(17), [("id_campaign", "17")], OK_MESSAGE),
    Case(
        "campaignAddPhone",
        lambda c, _: c.campaign_add_phone(17, "05321234567", "Ali", "Veli"),
        [("name", "Ali"), ("surname", "Veli"), ("phone", "05321234567"), ("id_campaign", "17")],
        OK_MESSAGE,
    ),
    Case(
        "campaignDeletePhone",
        lambda c, _: c.campaign_delete_phone(17, "05321234567"),
        [("id_campaign", "17"), ("phone", "05321234567")],
        OK_MESSAGE,
    ),
    Case(
        "getCallDetail",
        lambda c, _: c.get_call_detail(phone="05321234567"),
        [("phone", "05321234567")],
        OK_ROWS,
    ),
]
CASE_BY_MODULE = {case.module: case for case in CASES}

READ_ONLY = [
    "breakList",
    "activeCallsCallCenter",
    "activeCalls",
    "callRecords",
    "queueAgents",
    "listQueue",
    "getCallDetail",
    "soundRecords",
    "downloadRecording",
]
MUTATING = [
    "loginAgent",
    "logoutAgent",
    "breakStart",
    "breakEnd",
    "dial",
    "redirect",
    "hangup",
    "createQueue",
    "deleteQueue",
    "agentsQueue",
    "createCampaign",
    "deleteCampaign",
    "campaignAddPhone",
    "campaignDeletePhone",
]


def body_of(value: Any) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False).encode()


def ok_handler(case: Case) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        ctype = "audio/x-wav" if isinstance(case.reply, bytes) else "application/json"
        return httpx.Response(200, content=body_of(case.reply), headers={"content-type": ctype})

    return handler


def form(request: httpx.Request) -> list[tuple[str, str]]:
    """The form body's parameters, without the key (a POST module's key travels there)."""
    pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
    return [(k, v) for k, v in pairs if k != "apikey"]


def query_params(request: httpx.Request) -> list[tuple[str, str]]:
    return [
        (k, v) for k, v in request.url.params.multi_items() if k not in ("apikey", "module", "type")
    ]


def test_the_table_covers_all_23_modules() -> None:
    assert sorted(CASE_BY_MODULE) == sorted(MODULES)
    assert len(CASES) == 23
    assert sorted(READ_ONLY + MUTATING) == sorted(MODULES)
    assert {n for n in MODULES if MODULES[n].mutating} == set(MUTATING)


# -- request encoding ----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.module for c in CASES])
async def test_each_typed_method_encodes_its_request(
    mock_client: MockClientFactory, case: Case, tmp_path: Path
) -> None:
    client, requests = mock_client(ok_handler(case))
    await case.call(client, tmp_path / "rec.wav")
    (request,) = requests
    spec = MODULES[case.module]
    assert request.method == spec.method
    assert request.url.host == "pbx.example"
    assert request.url.path == "/api/"
    assert request.url.params.get_list("module") == [case.module]
    assert request.url.params.get_list("type") == ["json"]
    if spec.method == "GET":
        assert request.url.params.get_list("apikey") == [KEY]
        assert request.content == b""
        sent = [(k, v) for k, v in query_params(request) if k != "tip"]
    else:  # the key in the body, out of access logs (issue 15 item 7)
        assert "apikey" not in request.url.params
        assert query_params(request) == []
        assert parse_qsl(request.content.decode())[0] == ("apikey", KEY)
        sent = form(request)
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent == case.params


async def test_results_of_the_typed_methods(mock_client: MockClientFactory, tmp_path: Path) -> None:
    """A few typed returns (the full set is in test_wire_vendor_bodies)."""
    results: dict[str, Any] = {}
    for case in CASES:
        client, _ = mock_client(ok_handler(case))
        results[case.module] = await case.call(client, tmp_path / "rec.wav")
    assert results["loginAgent"] == m.Ack("Tamam")
    assert results["breakList"] == [m.BreakListEntry("2", "YEMEK MOLASI")]
    assert results["breakEnd"] == m.BreakEnd("Mola Bitti", None, None, None, None)
    assert results["queueAgents"] == ["100"]
    assert results["listQueue"] == [m.Queue("10000", "OPERATORQ")]
    assert results["createCampaign"] == m.Campaign("17", "Ekim")
    assert results["downloadRecording"] == m.Download(tmp_path / "rec.wav", len(WAV), "wav")
    assert results["callRecords"] == []


@pytest.mark.parametrize("case", CASES, ids=[c.module for c in CASES])
async def test_xml_wire_asks_for_xml_except_list_queue(
    mock_client: MockClientFactory, case: Case, tmp_path: Path
) -> None:
    client, requests = mock_client(ok_handler(case), wire="xml")
    await case.call(client, tmp_path / "rec.wav")
    expected = "json" if case.module == "listQueue" else "xml"
    assert requests[0].url.params.get_list("type") == [expected]


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_break_list_sends_both_tip_and_type(mock_client: MockClientFactory, fmt: str) -> None:
    body = "<CallCenter><result>true</result></CallCenter>" if fmt == "xml" else "[]"
    client, requests = mock_client(lambda r: httpx.Response(200, text=body), wire=fmt)
    assert await client.break_list() == []
    params = requests[0].url.params
    assert params.get_list("tip") == [fmt]
    assert params.get_list("type") == [fmt]
    assert requests[0].method == "GET"


async def test_make_false_and_raw_php_array_syntax(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(lambda r: httpx.Response(200, json=OK_MESSAGE))
    await client.agents_queue(10000, [100, 101], make=False)
    raw = requests[0].content.decode()
    key, _, raw = raw.partition("&")  # the key comes first (a POST module's key is in the body)
    assert parse_qsl(key) == [("apikey", KEY)]
    assert raw == "account=10000&dynmembers%5B%5D=100&dynmembers%5B%5D=101&make=false"


async def test_none_params_are_omitted(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(lambda r: httpx.Response(200, json=OK_ROWS))
    await client.call_records()
    await client.get_call_detail()
    await client.get_call_detail(id_campaign=7)
    assert [form(r) for r in requests] == [[], [], [("id_campaign", "7")]]


async def test_create_queue_without_members_sends_no_member_field(
    mock_client: MockClientFactory,
) -> None:
    client, requests = mock_client(lambda r: httpx.Response(200, json=OK_MESSAGE))
    await client.create_queue(10003, "Q", "p")
    assert form(requests[0]) == [("account", "10003"), ("name", "Q"), ("password", "p")]


async def test_a_single_member_is_still_a_php_array(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(lambda r: httpx.Response(200, json=OK_MESSAGE))
    await client.agents_queue(10000, ["100"], True)
    assert ("dynmembers[]", "100") in form(requests[0])


async def test_the_lower_layer_call(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(lambda r: httpx.Response(200, json=OK_MESSAGE))
    payload = await client.call("deleteQueue", {"account": 5, "unused": None})
    assert payload == {"message": "Tamam"}
    assert form(requests[0]) == [("account", "5")]


async def test_base_url_without_trailing_slash(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(
        lambda r: httpx.Response(200, json=OK_MESSAGE), base_url="http://10.0.0.5/api"
    )
    await client.hangup(1004)
    assert str(requests[0].url).startswith("http://10.0.0.5/api/?")
    assert client.base_url == "http://10.0.0.5/api/"


async def test_argument_errors() -> None:
    async with httpx.AsyncClient() as http:
        with pytest.raises(ValueError):
            CallCenterClient("http://x/api/", KEY, wire="yaml", client=http)  # type: ignore[arg-type]
        client = CallCenterClient("http://x/api/", KEY, client=http)
        with pytest.raises(ValueError, match="unknown module"):
            await client.call("noSuchModule")
        with pytest.raises(ValueError, match="download_recording"):
            await client.call("downloadRecording", {"listen": "/x.wav"})
        assert client.wire == "json"


@pytest.mark.parametrize("url", ["pbx.example/api/", "ftp://pbx.example/api/"])
async def test_an_unusable_server_url_is_a_final_network_error(url: str) -> None:
    async with httpx.AsyncClient() as http:
        client = CallCenterClient(url, KEY, client=http, retry_delays=(0, 0))
        with pytest.raises(NetworkError, match="URL") as info:
            await client.active_calls()
        assert not info.value.transient


@pytest.mark.parametrize("url", ["http://[::1/api/", "http://pbx.example:abc/api/"])
async def test_an_invalid_server_url_is_a_typed_error(url: str) -> None:
    async with httpx.AsyncClient() as http:
        try:
            client = CallCenterClient(url, KEY, client=http, retry_delays=(0, 0))
        except ValueError:
            return  # refusing the URL up front is as good
        with pytest.raises(NetworkError) as info:
            await client.active_calls()
        assert not info.value.transient


# -- retry policy --------------------------------------------------------------------------

Failure = Callable[[httpx.Request], httpx.Response]


def _raise(exc_type: type[httpx.TransportError]) -> Failure:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated", request=request)

    return handler


def _status(status: int, body: bytes = b"") -> Failure:
    return lambda request: httpx.Response(status, content=body)


TRANSIENT: dict[str, tuple[Failure, type[Exception]]] = {
    "connect-error": (_raise(httpx.ConnectError), NetworkError),
    "connect-timeout": (_raise(httpx.ConnectTimeout), NetworkError),
    "read-timeout": (_raise(httpx.ReadTimeout), NetworkError),
    "remote-protocol": (_raise(httpx.RemoteProtocolError), NetworkError),
    "502": (_status(502), ApiError),
    "503": (_status(503, b"Service Unavailable"), ApiError),
    "504": (_status(504), ApiError),
}
NOT_TRANSIENT: dict[str, tuple[Failure, type[Exception]]] = {
    "500": (_status(500, b"<html><title>500</title></html>"), ApiError),
    "result-false": (
        lambda r: httpx.Response(200, json={"result": "false", "message": "Olmadı"}),
        ApiError,
    ),
    "404": (_status(404), ApiError),
    "malformed": (lambda r: httpx.Response(200, content=b'{"result": "tr'), ProtocolError),
}


@pytest.mark.parametrize("failure", list(TRANSIENT), ids=list(TRANSIENT))
@pytest.mark.parametrize("module", READ_ONLY)
async def test_read_only_modules_are_retried_on_transient_failures(
    mock_client: MockClientFactory, module: str, failure: str, tmp_path: Path
) -> None:
    handler, error = TRANSIENT[failure]
    client, requests = mock_client(handler, retry_delays=(0, 0))
    with pytest.raises(error):
        await CASE_BY_MODULE[module].call(client, tmp_path / "rec.wav")
    assert len(requests) == 3
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("module", READ_ONLY)
async def test_a_retry_that_succeeds_returns_the_result(
    mock_client: MockClientFactory, module: str, tmp_path: Path
) -> None:
    case = CASE_BY_MODULE[module]
    good = ok_handler(case)

    def handler(request: httpx.Request) -> httpx.Response:
        if len(requests) == 1:
            raise httpx.ConnectError("refused", request=request)
        if len(requests) == 2:
            return httpx.Response(503)
        return good(request)

    client, requests = mock_client(handler)
    result = await case.call(client, tmp_path / "rec.wav")
    assert len(requests) == 3
    assert result is not None


@pytest.mark.parametrize("failure", list(NOT_TRANSIENT), ids=list(NOT_TRANSIENT))
@pytest.mark.parametrize("module", READ_ONLY)
async def test_read_only_modules_are_not_retried_on_final_failures(
    mock_client: MockClientFactory, module: str, failure: str, tmp_path: Path
) -> None:
    handler, error = NOT_TRANSIENT[failure]
    client, requests = mock_client(handler)
    with pytest.raises(error):
        await CASE_BY_MODULE[module].call(client, tmp_path / "rec.wav")
    assert len(requests) == 1


@pytest.mark.parametrize("failure", [*TRANSIENT, *NOT_TRANSIENT], ids=[*TRANSIENT, *NOT_TRANSIENT])
@pytest.mark.parametrize("module", MUTATING)
async def test_mutating_modules_are_sent_exactly_once(
    mock_client: MockClientFactory, module: str, failure: str, tmp_path: Path
) -> None:
    handler, error = {**TRANSIENT, **NOT_TRANSIENT}[failure]
    client, requests = mock_client(handler, retry_delays=(0, 0, 0))
    with pytest.raises(error):
        await CASE_BY_MODULE[module].call(client, tmp_path / "x")
    assert len(requests) == 1


async def test_retry_waits_the_configured_delays(
    mock_client: MockClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    waited: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(delay: float, *args: Any, **kwargs: Any) -> None:
        waited.append(delay)
        await real_sleep(0)

    client, requests = mock_client(_status(503), retry_delays=(0.25, 1.75))
    monkeypatch.setattr("agentbar.api.client.asyncio.sleep", fake_sleep)
    with pytest.raises(ApiError):
        await client.list_queue()
    monkeypatch.undo()
    assert waited == [0.25, 1.75]
    assert len(requests) == 3


async def test_no_retry_delays_means_one_attempt(mock_client: MockClientFactory) -> None:
    client, requests = mock_client(_raise(httpx.ConnectError), retry_delays=())
    with pytest.raises(NetworkError):
        await client.active_calls()
    assert len(requests) == 1


async def test_network_errors_say_what_happened(mock_client: MockClientFactory) -> None:
    client, _ = mock_client(_raise(httpx.ReadTimeout))
    with pytest.raises(NetworkError) as info:
        await client.hangup(1004)
    assert "in time" in info.value.message
    assert info.value.transient
    assert info.value.module == "hangup"
    client, _ = mock_client(_raise(httpx.ConnectError))
    with pytest.raises(NetworkError, match="connect"):
        await client.hangup(1004)


# -- timeouts and real sockets -------------------------------------------------------------


def _stall(conn: socket.socket, server: RawServer) -> None:
    server.record(read_request(conn))
    server.stop.wait(10)


async def test_a_stalled_server_times_out_as_a_network_error(
    raw_server: Callable[[Callable[[socket.socket, RawServer], None]], RawServer],
    real_http: httpx.AsyncClient,
) -> None:
    server = raw_server(_stall)
    client = CallCenterClient(
        server.url,
        KEY,
        client=real_http,
        retry_delays=(0, 0),
        timeout=httpx.Timeout(0.2),
    )
    with pytest.raises(NetworkError, match="in time"):
        await asyncio.wait_for(client.dial(1004, "05332730130"), timeout=5)
    assert server.connections == 1  # a mutating module: sent once, even on a timeout
    assert len(server.requests) == 1
    with pytest.raises(NetworkError, match="in time"):
        await asyncio.wait_for(client.active_calls(), timeout=5)
    assert server.connections == 4  # read-only: three attempts


async def test_connection_refused_is_a_network_error(
    closed_port: int, real_http: httpx.AsyncClient
) -> None:
    client = CallCenterClient(
        f"http://127.0.0.1:{closed_port}/api/", KEY, client=real_http, retry_delays=(0, 0)
    )
    with pytest.raises(NetworkError, match="connect") as info:
        await client.login_agent(1001)
    assert info.value.transient


def _answer(body: bytes, status: str = "200 OK") -> Callable[[socket.socket, RawServer], None]:
    def on_connection(conn: socket.socket, server: RawServer) -> None:
        server.record(read_request(conn))
        head = (
            f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + body)

    return on_connection


async def test_a_real_round_trip_over_loopback(
    raw_server: Callable[[Callable[[socket.socket, RawServer], None]], RawServer],
    real_http: httpx.AsyncClient,
) -> None:
    server = raw_server(_answer(json.dumps(OK_QUEUES).encode()))
    client = CallCenterClient(server.url, KEY, client=real_http, wire="xml")
    assert await client.list_queue() == [m.Queue("10000", "OPERATORQ")]
    (request,) = server.requests
    assert request.startswith(b"GET /api/?apikey=" + KEY.encode() + b"&module=listQueue&type=json")
