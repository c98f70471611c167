"""check_connection: one read-only breakList call, every error kind as a plain report, no key."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from agentbar.core.connection_check import ConnectionReport, check_connection

URL = "https://pbx.example.com/api/"
KEY = "s3cret-KEY-4711"
BREAKS_JSON = b'[{"id":"2","name":"YEMEK MOLASI"},{"id":"3","name":"CAY SIGARA MOLASI"}]'
BREAKS_XML = (
    b"<CallCenter><result>true</result><break><id>2</id><name>YEMEK MOLASI</name></break>"
    b"<break><id>3</id><name>CAY SIGARA MOLASI</name></break>"
    b"<break><id>4</id><name>DIS ARAMA</name></break></CallCenter>"
)

Handler = Callable[[httpx.Request], httpx.Response]


async def run(
    handler: Handler, *, url: str = URL, key: str = KEY, wire: str = "json"
) -> tuple[ConnectionReport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(record)) as client:
        report = await check_connection(url, key, wire, client=client)
    assert KEY not in report.message
    return report, seen


def reply(status: int, body: bytes, ctype: str = "application/json") -> Handler:
    return lambda request: httpx.Response(status, content=body, headers={"content-type": ctype})


async def test_success_counts_break_reasons_with_one_read_only_request() -> None:
    report, seen = await run(reply(200, BREAKS_JSON))
    assert report == ConnectionReport(
        True, "Connected: the server answered and lists 2 break reasons.", 2
    )
    assert len(seen) == 1
    assert seen[0].method == "GET"
    assert seen[0].url.params["module"] == "breakList"
    assert seen[0].url.params["apikey"] == KEY  # sent to the server, never reported


async def test_success_in_xml_and_singular_and_empty_lists() -> None:
    report, seen = await run(reply(200, BREAKS_XML, "text/xml"), wire="xml")
    assert report.ok
    assert "lists 3 break reasons" in report.message
    assert seen[0].url.params["type"] == "xml"
    one, _ = await run(reply(200, b'[{"id":"2","name":"YEMEK"}]'))
    assert one.message == "Connected: the server answered and lists 1 break reason."
    none, _ = await run(reply(200, b"[]"))
    assert none.ok
    assert "no break reasons" in none.message


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        (reply(401, b""), "The server refused the API key. (HTTP 401)"),
        (
            reply(200, b'{"result":"false","message":"Invalid API key"}'),
            "The server refused the API key. Invalid API key",
        ),
    ],
)
async def test_auth_error(handler: Handler, expected: str) -> None:
    report, _ = await run(handler)
    assert report == ConnectionReport(False, expected)


async def test_network_error_is_reported_without_the_key() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"connection refused for {request.url}", request=request)

    report, seen = await run(refuse)
    assert not report.ok
    assert report.message.startswith("Cannot reach the server. ")
    assert "connection refused" in report.message
    assert len(seen) == 1  # no retry: the user waits for an answer


async def test_timeout_is_a_network_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    report, _ = await run(slow)
    assert report == ConnectionReport(
        False, "Cannot reach the server. The server did not answer in time."
    )


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        (reply(500, b""), "The server answered with an error. The server failed. (HTTP 500)"),
        (reply(503, b""), "The server answered with an error. The server failed. (HTTP 503)"),
        (
            reply(200, b'{"result":false,"message":"Module disabled"}'),
            "The server answered with an error. Module disabled",
        ),
    ],
)
async def test_api_error(handler: Handler, expected: str) -> None:
    report, seen = await run(handler)
    assert report == ConnectionReport(False, expected)
    assert len(seen) == 1


async def test_protocol_error() -> None:
    page = b"<!DOCTYPE html><html><head><title>Login</title></head><body>x</body></html>"
    report, _ = await run(reply(200, page, "text/html"))
    assert not report.ok
    assert report.message.startswith("The server's reply is not the call-center API. ")
    assert "web page" in report.message
    garbage, _ = await run(reply(200, b"hello"))
    assert garbage.message.startswith("The server's reply is not the call-center API. ")


async def test_a_server_echoing_the_key_is_redacted() -> None:
    body = b'{"result":false,"message":"bad request s3cret-KEY-4711 apikey=s3cret-KEY-4711"}'
    report, _ = await run(reply(200, body))
    assert not report.ok
    assert KEY not in report.message
    assert "***" in report.message


async def test_bad_input_is_reported_without_a_request() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    bad_url, seen = await run(fail, url="ftp://pbx.example.com/")
    assert not bad_url.ok
    assert "https://" in bad_url.message
    no_key, _ = await run(fail, key="  ")
    assert no_key == ConnectionReport(False, "Enter the API key first.")
    bad_wire, _ = await run(fail, wire="yaml")
    assert not bad_wire.ok
    assert seen == []
