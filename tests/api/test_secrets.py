"""The API key never leaks: not in any error (message, repr, args, traceback, chain), nor logs.

Every error kind is provoked with a recognisable key, including servers that echo the key back.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import traceback
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from agentbar.api import (
    ApiError,
    AuthError,
    CallCenterClient,
    CallCenterError,
    NetworkError,
    ProtocolError,
    errors,
    redact,
)
from agentbar.core.logsetup import RedactingFilter
from tests.api.conftest import KEY, MockClientFactory, RawServer, read_request

ServerFactory = Callable[[Callable[[socket.socket, RawServer], None]], RawServer]
# Any 8 consecutive characters of the key count as a leak (a truncated key is still a leak).
FRAGMENTS = {KEY[i : i + 8] for i in range(len(KEY) - 7)}
ECHOED_URL = f"http://pbx.example/api/?apikey={KEY}&module=loginAgent&type=json"


def leaks(text: str) -> list[str]:
    return sorted(f for f in FRAGMENTS if f in text)


def exception_texts(exc: BaseException) -> list[str]:
    """Every text an error handler might log or show, for ``exc`` and its whole chain."""
    texts: list[str] = []
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        texts += [str(e), repr(e), repr(e.args), "".join(traceback.format_exception(e))]
        texts += [repr(v) for v in vars(e).values()]
        todo += [c for c in (e.__cause__, e.__context__) if c is not None]
    return texts


def assert_no_key(exc: BaseException) -> None:
    assert isinstance(exc, CallCenterError), repr(exc)
    for text in exception_texts(exc):
        assert not leaks(text), text
    assert exc.__cause__ is None
    assert exc.__context__ is None


def assert_logs_clean(records: list[logging.LogRecord]) -> None:
    for record in records:
        assert not leaks(record.getMessage()), record.getMessage()
        assert not leaks(repr(record.args)), record.args


# -- errors provoked through MockTransport ---------------------------------------------------

Handler = Callable[[httpx.Request], httpx.Response]


def _json(status: int, doc: object) -> Handler:
    return lambda request: httpx.Response(status, json=doc)


def _body(status: int, body: str, content_type: str = "text/html") -> Handler:
    return lambda request: httpx.Response(
        status, content=body.encode(), headers={"content-type": content_type}
    )


def _raise_with_url(exc_type: type[httpx.TransportError]) -> Handler:
    """httpx-style errors that carry the full request URL (key included) in their message."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise exc_type(f"failed to reach {request.url}", request=request)

    return handler


def _redirect_with_key(request: httpx.Request) -> httpx.Response:
    location = f"https://login.example/?next={request.url}&apikey={KEY}"
    return httpx.Response(302, headers={"location": location}, content=location.encode())


MOCK_CASES: dict[str, tuple[Handler, type[CallCenterError]]] = {
    "result-false": (_json(200, {"result": "false", "message": "Agent bulunamadı"}), ApiError),
    "result-false-echoing-url": (
        _json(200, {"result": "false", "message": f"Hatalı istek: {ECHOED_URL}"}),
        ApiError,
    ),
    "result-false-echoing-key": (
        _json(200, {"result": "false", "error": f"Bilinmeyen modül ({KEY})"}),
        ApiError,
    ),
    "auth-refusal-echoing-key": (
        _json(200, {"result": "false", "message": f"Geçersiz API anahtarı: {KEY}"}),
        AuthError,
    ),
    "http-401": (_body(401, ""), AuthError),
    "http-403-echoing-url": (
        _body(403, f"<html><title>Forbidden {ECHOED_URL}</title></html>"),
        AuthError,
    ),
    "http-500-html": (
        _body(500, "<html><head><title>500 Internal Server Error</title></head></html>"),
        ApiError,
    ),
    "http-500-html-echoing-url": (
        _body(500, f"<!DOCTYPE html><html><title>Error at {ECHOED_URL}</title></html>"),
        ApiError,
    ),
    "http-502-text-echoing-url": (
        _body(502, f"Bad gateway for {ECHOED_URL}", "text/plain"),
        ApiError,
    ),
    "http-500-json-echoing-key": (
        _json(500, {"result": "false", "message": f"key {KEY} is locked"}),
        ApiError,
    ),
    "login-page-echoing-url": (
        _body(200, f"<html><title>Login - {ECHOED_URL}</title><form></form></html>"),
        ProtocolError,
    ),
    "plain-text-echoing-url": (_body(200, f"apikey={KEY} rejected", "text/plain"), ProtocolError),
    "php-fatal-echoing-url": (
        _body(
            200,
            f"<br />\n<b>Fatal error</b>: bad request {ECHOED_URL} in "
            "<b>/var/www/html/api/index.php</b> on line <b>3</b><br />\n",
        ),
        ApiError,
    ),
    "truncated-json-with-key": (
        _body(200, f'{{"result": "true", "message": "{KEY}', "application/json"),
        ProtocolError,
    ),
    "xml-malformed-with-key": (
        _body(200, f"<CallCenter><result>false</result><message>{KEY}</mes", "text/xml"),
        ProtocolError,
    ),
    "redirect-with-key-in-location": (_redirect_with_key, ApiError),
    "connect-error-with-url": (_raise_with_url(httpx.ConnectError), NetworkError),
    "read-timeout-with-url": (_raise_with_url(httpx.ReadTimeout), NetworkError),
    "read-error-with-url": (_raise_with_url(httpx.ReadError), NetworkError),
    "protocol-error-with-url": (_raise_with_url(httpx.RemoteProtocolError), NetworkError),
    "unsupported-protocol-with-url": (_raise_with_url(httpx.UnsupportedProtocol), NetworkError),
}


@pytest.mark.parametrize("case", list(MOCK_CASES), ids=list(MOCK_CASES))
@pytest.mark.parametrize("module", ["loginAgent", "activeCalls"], ids=["mutating", "read-only"])
async def test_no_error_holds_the_key(
    mock_client: MockClientFactory, case: str, module: str
) -> None:
    handler, error = MOCK_CASES[case]
    client, requests = mock_client(handler)
    call = client.login_agent(1001) if module == "loginAgent" else client.active_calls()
    with pytest.raises(error) as info:
        await call
    assert_no_key(info.value)
    assert all(r.url.host == "pbx.example" for r in requests)


@pytest.mark.parametrize(
    ("case", "content_type"),
    [
        ("result-false-echoing-key", "application/json"),
        ("http-500-html-echoing-url", "text/html"),
        ("plain-text-echoing-url", "text/plain"),
    ],
)
async def test_no_download_error_holds_the_key(
    mock_client: MockClientFactory, tmp_path: Path, case: str, content_type: str
) -> None:
    handler, _ = MOCK_CASES[case]
    client, _ = mock_client(handler)
    with pytest.raises(CallCenterError) as info:
        await client.download_recording("/var/spool/asterisk/monitor/x.wav", tmp_path / "x.wav")
    assert_no_key(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "handler",
    [
        _body(200, f"Invalid key for this server: {KEY}", "text/plain"),
        _body(500, "<html><title>" + "x" * 290 + f" {KEY}</title></html>"),
    ],
    ids=["text-snippet", "html-title"],
)
async def test_a_truncated_echo_leaks_no_part_of_the_key(
    mock_client: MockClientFactory, handler: Handler
) -> None:
    client, _ = mock_client(handler)
    with pytest.raises(CallCenterError) as info:
        await client.hangup(1004)
    assert_no_key(info.value)


# -- errors provoked over real sockets ------------------------------------------------------


def _stall(conn: socket.socket, server: RawServer) -> None:
    server.record(read_request(conn))
    server.stop.wait(10)


def _plain_http(conn: socket.socket, server: RawServer) -> None:
    server.record(conn.recv(65536))
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


async def test_connection_refused_holds_no_key(
    closed_port: int, real_http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="httpcore")
    client = CallCenterClient(
        f"http://127.0.0.1:{closed_port}/api/", KEY, client=real_http, retry_delays=(0,)
    )
    with pytest.raises(NetworkError) as info:
        await client.active_calls()
    assert_no_key(info.value)
    assert_logs_clean([r for r in caplog.records if r.name.startswith("httpcore")])


async def test_a_timeout_holds_no_key(
    raw_server: ServerFactory, real_http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="httpcore")
    server = raw_server(_stall)
    client = CallCenterClient(
        server.url, KEY, client=real_http, retry_delays=(), timeout=httpx.Timeout(0.2)
    )
    with pytest.raises(NetworkError) as info:
        await asyncio.wait_for(client.break_end(1001), timeout=5)
    assert_no_key(info.value)
    httpcore_records = [r for r in caplog.records if r.name.startswith("httpcore")]
    assert httpcore_records  # httpcore did log at DEBUG: the check below means something
    assert_logs_clean(httpcore_records)


async def test_a_tls_failure_holds_no_key(
    raw_server: ServerFactory, real_http: httpx.AsyncClient
) -> None:
    server = raw_server(_plain_http)
    client = CallCenterClient(
        f"https://127.0.0.1:{server.port}/api/", KEY, client=real_http, retry_delays=(0, 0)
    )
    with pytest.raises(NetworkError) as info:
        await asyncio.wait_for(client.list_queue(), timeout=5)
    assert not info.value.transient  # TLS failures are not retried
    assert server.connections == 1
    assert_no_key(info.value)
    # The key never crossed the wire in clear either: the TLS handshake failed first.
    assert all(KEY.encode() not in r for r in server.requests)


# -- logging -------------------------------------------------------------------------------


async def test_the_apps_redacting_filter_hides_the_key_in_httpx_logs(
    mock_client: MockClientFactory,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """httpx logs 'HTTP Request: POST <URL with apikey>' at INFO: the app's filter hides it."""
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")
    redactor = RedactingFilter()
    redactor.add_secret(KEY)
    caplog.handler.addFilter(redactor)
    try:
        client, _ = mock_client(_json(200, {"result": "false", "message": f"Olmadı {KEY}"}))
        with pytest.raises(ApiError) as info:
            await client.active_calls()
        logging.getLogger("agentbar.test").exception("failed: %s", ECHOED_URL, exc_info=info.value)
        client, _ = mock_client(MOCK_CASES["http-500-html-echoing-url"][0])
        with pytest.raises(ApiError):
            await client.download_recording("/x.wav", tmp_path / "x.wav")
        messages = [r.getMessage() for r in caplog.records if r.name == "httpx"]
        assert len(messages) == 2  # activeCalls (a refusal: not retried), downloadRecording
        assert "apikey" not in messages[0]  # activeCalls is POST: its key is in the body
        assert "apikey=***" in messages[1]  # downloadRecording is GET: the query, redacted
        assert_logs_clean(caplog.records)
        assert not leaks(caplog.text)
    finally:
        caplog.handler.removeFilter(redactor)  # the handler outlives this test


# -- repr and redact -----------------------------------------------------------------------


async def test_repr_of_the_client_has_no_key() -> None:
    async with httpx.AsyncClient() as http:
        client = CallCenterClient("http://pbx.example/api/", KEY, client=http)
        assert not leaks(repr(client))
        assert not leaks(str(client))
        assert "pbx.example" in repr(client)
        assert not leaks(repr(vars(client)))


async def test_a_server_url_pasted_with_the_key_does_not_show_it() -> None:
    async with httpx.AsyncClient() as http:
        try:
            client = CallCenterClient(f"{ECHOED_URL}", KEY, client=http)
        except ValueError as exc:  # refusing such a URL is as good, if it says no key
            assert not leaks(str(exc))
            return
        assert not leaks(repr(client))
        assert not leaks(client.base_url)


async def test_client_redact_hides_its_key() -> None:
    async with httpx.AsyncClient() as http:
        client = CallCenterClient("http://pbx.example/api/", KEY, client=http)
        assert client.redact(f"a {KEY} b") == "a *** b"
        assert client.redact(f"?apikey={KEY}&module=x") == "?apikey=***&module=x"


@pytest.mark.parametrize(
    ("text", "secrets", "expected"),
    [
        ("http://h/api/?apikey=abc-123&module=x", (), "http://h/api/?apikey=***&module=x"),
        ("http://h/api/?APIKEY=abc", (), "http://h/api/?APIKEY=***"),
        ("ApiKey=abc#frag", (), "ApiKey=***#frag"),
        ("apikey=abc def", (), "apikey=*** def"),
        ("'apikey=abc' \"apikey=def\"", (), "'apikey=***' \"apikey=***\""),
        ("<a href=?apikey=abc>x</a>", (), "<a href=?apikey=***>x</a>"),
        ("apikey=", (), "apikey=***"),
        ("key is abc-123, again abc-123", ("abc-123",), "key is ***, again ***"),
        ("short ab", ("ab",), "short *** "[:-1]),
        ("nothing to hide", ("", "zzz"), "nothing to hide"),
        ("", ("abc",), ""),
    ],
)
def test_redact(text: str, secrets: tuple[str, ...], expected: str) -> None:
    assert redact(text, secrets) == expected
    assert errors.redact(text, secrets) == expected


def test_redact_without_secrets_keeps_other_text() -> None:
    text = "module=dial&number=05332730130"
    assert redact(text) == text


def test_error_reprs() -> None:
    exc = ApiError("Agent bulunamadı", module="loginAgent", status=400)
    assert str(exc) == "Agent bulunamadı"
    assert repr(exc) == "ApiError('Agent bulunamadı', module='loginAgent')"
    assert exc.status == 400
    assert issubclass(AuthError, ApiError)
    assert NetworkError("x").transient
