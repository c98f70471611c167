"""Every quirk the client tolerates (api.md), and every malformed or hostile reply it refuses.

Tolerated shapes decode to the same payload; refused ones raise the API layer's typed errors
(ApiError / AuthError / ProtocolError), never anything else.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agentbar.api import MODULES, ApiError, AuthError, CallCenterError, ProtocolError
from agentbar.api import models as m
from agentbar.api.transport import MAX_BODY_BYTES
from agentbar.api.wire import decode, php_list
from tests.api.conftest import MockClientFactory, reply

LOGIN = MODULES["loginAgent"]
CALLS = MODULES["activeCallsCallCenter"]
AGENTS = MODULES["queueAgents"]
BREAKS = MODULES["breakList"]

ROW = {"agentnumber": "1001", "fechainicio": "2019-10-24 15:03:14", "phone": "05332730130"}
ROW2 = {"agentnumber": "1002", "fechainicio": "Ringing", "phone": "05321234567"}


def js(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


# -- the success flag ----------------------------------------------------------------------


@pytest.mark.parametrize("result", [True, "true", 1, "1", "TRUE", " true "])
def test_result_true_in_every_shape_json(result: object) -> None:
    body = js({"result": result, "message": "Giriş yapıldı."})
    assert decode(body, LOGIN) == {"message": "Giriş yapıldı."}


@pytest.mark.parametrize("result", ["true", "1", " true ", "True"])
def test_result_true_in_every_shape_xml(result: str) -> None:
    body = f"<CallCenter><result>{result}</result><message>Giriş yapıldı.</message></CallCenter>"
    assert decode(body.encode(), LOGIN) == {"message": "Giriş yapıldı."}


@pytest.mark.parametrize("result", [False, "false", 0, "0", ""])
@pytest.mark.parametrize("field", ["message", "error"])
def test_result_false_carries_the_servers_message_json(result: object, field: str) -> None:
    body = js({"result": result, field: "Agent bulunamadı."})
    with pytest.raises(ApiError) as info:
        decode(body, LOGIN)
    assert type(info.value) is ApiError
    assert info.value.message == "Agent bulunamadı."
    assert info.value.module == "loginAgent"


@pytest.mark.parametrize("field", ["message", "error"])
def test_result_false_carries_the_servers_message_xml(field: str) -> None:
    body = f"<CallCenter><result>false</result><{field}>Kuyruk bulunamadı</{field}></CallCenter>"
    with pytest.raises(ApiError) as info:
        decode(body.encode(), AGENTS)
    assert type(info.value) is ApiError
    assert str(info.value) == "Kuyruk bulunamadı"


def test_error_without_result_is_a_failure() -> None:
    with pytest.raises(ApiError, match="Agent bulunamadı"):
        decode(js({"error": "Agent bulunamadı"}), LOGIN)


def test_result_false_without_a_reason_still_says_something() -> None:
    with pytest.raises(ApiError) as info:
        decode(js({"result": "false"}), LOGIN)
    assert info.value.message.strip()


@pytest.mark.parametrize(
    "body",
    [
        js({"result": "false", "message": "Geçersiz API anahtarı."}),
        b"<CallCenter><result>false</result><message>Ge\xc3\xa7ersiz API anahtar\xc4\xb1."
        b"</message></CallCenter>",
        js({"result": False, "error": "Geçersiz API anahtarı."}),
    ],
    ids=["json-message", "xml-message", "json-error"],
)
async def test_key_refusal_is_an_auth_error(mock_client: MockClientFactory, body: bytes) -> None:
    with pytest.raises(AuthError) as info:
        decode(body, CALLS)
    assert info.value.message == "Geçersiz API anahtarı."
    client, requests = mock_client(reply(body))
    with pytest.raises(AuthError, match="Geçersiz API anahtarı"):
        await client.active_calls_call_center()
    assert len(requests) == 1  # a refused key is not worth retrying


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><head><title>401 Unauthorized</title></head><body></body></html>",
        js({"result": "false", "message": "Yetkisiz"}),
    ],
    ids=["empty", "html", "json"],
)
async def test_http_401_403_are_auth_errors(
    mock_client: MockClientFactory, status: int, body: bytes
) -> None:
    client, requests = mock_client(reply(body, status))
    with pytest.raises(AuthError) as info:
        await client.active_calls()
    assert info.value.status == status
    assert len(requests) == 1


@pytest.mark.parametrize("result", ["yes", "ok", "2"])
def test_a_result_that_is_neither_true_nor_false_is_not_success(result: str) -> None:
    with pytest.raises(ProtocolError):
        decode(js({"result": result, "message": "x"}), LOGIN)


# -- PHP list shapes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([ROW, ROW2], [ROW, ROW2]),
        ({"0": ROW, "1": ROW2}, [ROW, ROW2]),
        ({"0": ROW, "2": ROW2}, [ROW, ROW2]),  # a PHP array with a hole (after unset())
        ({str(i): {**ROW, "agentnumber": str(i)} for i in range(12)}, None),
        (ROW, [ROW]),
        ([ROW], [ROW]),
        ([], []),
        (None, []),
        ("", []),
        (False, []),
    ],
    ids=[
        "list",
        "numeric-keys",
        "numeric-keys-with-hole",
        "numeric-keys-past-9",
        "single-object",
        "list-of-one",
        "empty-list",
        "null",
        "empty-string",
        "false",
    ],
)
def test_php_list_shapes(value: Any, expected: list[dict[str, str]] | None) -> None:
    body = js({"result": "true", "activecalls": value})
    rows = decode(body, CALLS)
    if expected is None:  # numeric keys sort as numbers: "10" after "9"
        assert isinstance(rows, list)
        assert [r["agentnumber"] for r in rows if isinstance(r, dict)] == [
            str(i) for i in range(12)
        ]
    else:
        assert rows == expected


def test_missing_list_key_is_an_empty_list() -> None:
    assert decode(js({"result": "true"}), CALLS) == []


def test_empty_object_is_an_empty_list() -> None:
    assert decode(js({"result": "true", "activecalls": {}}), CALLS) == []


def test_break_list_empty_object_is_an_empty_list() -> None:
    assert decode(b"{}", BREAKS) == []


def test_php_list_directly() -> None:
    assert php_list({"1": "b", "0": "a"}) == ["a", "b"]
    assert php_list({"id": "2"}) == [{"id": "2"}]
    assert php_list("100") == ["100"]
    assert php_list(None) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["100", "101"], ["100", "101"]),
        ({"0": "100", "1": "101"}, ["100", "101"]),
        ([100, 101], ["100", "101"]),
        ("100", ["100"]),
        ([" 100 "], ["100"]),
        ([], []),
        (None, []),
        ("", []),
    ],
)
def test_queue_agents_shapes(value: Any, expected: list[str]) -> None:
    assert decode(js({"result": "true", "agents": value}), AGENTS) == expected


def test_queue_agents_missing_key_is_empty() -> None:
    assert decode(js({"result": "true"}), AGENTS) == []


@pytest.mark.parametrize(
    "container",
    ["<activecalls/>", "<activecalls></activecalls>", "<activecalls>\n   \n</activecalls>", ""],
)
def test_xml_empty_container(container: str) -> None:
    body = f"<CallCenter><result>true</result>{container}</CallCenter>"
    assert decode(body.encode(), CALLS) == []


def test_xml_list_of_one() -> None:
    body = (
        "<CallCenter><result>true</result><activecalls><activecall>"
        "<agentnumber>1001</agentnumber><fechainicio>2019-10-24 15:03:14</fechainicio>"
        "<phone>05332730130</phone></activecall></activecalls></CallCenter>"
    )
    assert decode(body.encode(), CALLS) == [ROW]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<CallCenter><result>true</result><agents><agent>100</agent></agents></CallCenter>",
            ["100"],
        ),
        ("<CallCenter><result>true</result><agents/></CallCenter>", []),
    ],
)
def test_xml_agents_one_and_none(body: str, expected: list[str]) -> None:
    assert decode(body.encode(), AGENTS) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'[{"id": 2, "name": "YEMEK MOLASI"}]', [{"id": "2", "name": "YEMEK MOLASI"}]),
        (b"[]", []),
        (
            b"<CallCenter><result>true</result><break><id>2</id><name>YEMEK MOLASI</name>"
            b"</break></CallCenter>",
            [{"id": "2", "name": "YEMEK MOLASI"}],
        ),
        (b"<CallCenter><result>true</result></CallCenter>", []),
        (
            js({"result": "true", "data": [{"id": "4", "name": "DIS ARAMA"}]}),
            [{"id": "4", "name": "DIS ARAMA"}],
        ),
    ],
    ids=["bare-array", "bare-empty-array", "xml-one-break", "xml-no-break", "json-envelope"],
)
def test_break_list_shapes(body: bytes, expected: list[dict[str, str]]) -> None:
    assert decode(body, BREAKS) == expected


def test_break_list_failure_envelope() -> None:
    with pytest.raises(ApiError, match="Mola listesi alınamadı"):
        decode(js({"result": "false", "message": "Mola listesi alınamadı"}), BREAKS)


def test_a_bare_list_where_an_envelope_belongs() -> None:
    with pytest.raises(ProtocolError):
        decode(js([ROW]), CALLS)


# -- byte-level noise ----------------------------------------------------------------------

BOM = b"\xef\xbb\xbf"
JSON_OK = js({"result": "true", "message": "Giriş yapıldı."})
XML_OK = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<CallCenter><result>true</result><message>Giriş yapıldı.</message></CallCenter>"
).encode()
MOD_PHP_WARNING = (
    b"<br />\n<b>Warning</b>:  Undefined variable $agent in "
    b"<b>/var/www/html/api/index.php</b> on line <b>42</b><br />\n"
)
MOD_PHP_NOTICE = (
    b"<br />\n<b>Notice</b>:  Undefined index: tip in <b>/var/www/html/api/index.php</b>"
    b" on line <b>7</b><br />\n"
)
CLI_PHP_WARNING = (
    b"PHP Warning:  mysqli_connect(): (HY000/2002): Connection refused in "
    b"/var/www/html/api/db.php on line 42\n"
)
PLAIN_DEPRECATED = (
    b"\nDeprecated: Function each() is deprecated in /var/www/html/api/index.php on line 3\n"
)


@pytest.mark.parametrize("body", [JSON_OK, XML_OK], ids=["json", "xml"])
@pytest.mark.parametrize(
    "prefix",
    [
        BOM,
        MOD_PHP_WARNING,
        CLI_PHP_WARNING,
        PLAIN_DEPRECATED,
        MOD_PHP_WARNING + MOD_PHP_NOTICE,
        BOM + MOD_PHP_WARNING,
        CLI_PHP_WARNING + BOM,
        b"\r\n\r\n",
    ],
    ids=[
        "bom",
        "mod_php-warning",
        "cli-warning",
        "plain-deprecated",
        "two-notices",
        "bom-then-warning",
        "cli-warning-then-bom",
        "blank-lines",
    ],
)
def test_noise_before_the_body_is_skipped(prefix: bytes, body: bytes) -> None:
    assert decode(prefix + body, LOGIN) == {"message": "Giriş yapıldı."}


@pytest.mark.parametrize("body", [JSON_OK, XML_OK], ids=["json", "xml"])
def test_a_bom_after_a_mod_php_warning_is_skipped(body: bytes) -> None:
    # A warning, then an included file saved with a BOM, then the reply.
    assert decode(MOD_PHP_WARNING + BOM + body, LOGIN) == {"message": "Giriş yapıldı."}


async def test_warning_before_a_list_through_the_client(mock_client: MockClientFactory) -> None:
    body = CLI_PHP_WARNING + js({"result": "true", "activecalls": [ROW]})
    client, _ = mock_client(reply(body))
    (call,) = await client.active_calls_call_center()
    assert call.agent_number == "1001"


FATAL = (
    b"<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function mysql_connect() "
    b"in /var/www/html/api/db.php:12\nStack trace:\n#0 {main}\n  thrown in "
    b"<b>/var/www/html/api/db.php</b> on line <b>12</b><br />\n"
)


@pytest.mark.parametrize("status", [200, 500])
@pytest.mark.parametrize(
    "body", [FATAL, b"PHP Fatal error:  Allowed memory size exhausted in /x.php on line 9\n"]
)
def test_a_php_fatal_error_alone_is_an_api_error(status: int, body: bytes) -> None:
    with pytest.raises(ApiError) as info:
        decode(body, CALLS, status=status)
    assert "Fatal error" in info.value.message or "fatal" in info.value.message.lower()
    assert "<b>" not in info.value.message


@pytest.mark.parametrize("body", [b"", b"   \r\n", BOM])
def test_an_empty_body_is_a_protocol_error(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode(body, LOGIN)


APACHE_500 = b"""<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>500 Internal Server Error</title>
</head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or misconfiguration.</p>
</body></html>
"""
NGINX_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
    b"</html>\r\n"
)
LOGIN_PAGE = b"""<!DOCTYPE html>
<html lang="tr"><head><meta charset="utf-8"><title>Issabel - Giri&#351;</title></head>
<body><form method="post"><input name="input_user"><input name="input_pass" type="password">
</form></body></html>"""


async def test_an_html_error_page_with_500_is_an_api_error_with_status(
    mock_client: MockClientFactory,
) -> None:
    with pytest.raises(ApiError) as info:
        decode(APACHE_500, LOGIN, status=500)
    assert info.value.status == 500
    assert "500 Internal Server Error" in info.value.message
    assert "<title>" not in info.value.message
    client, requests = mock_client(reply(APACHE_500, 500, "text/html"))
    with pytest.raises(ApiError) as info:
        await client.queue_agents(10000)
    assert info.value.status == 500
    assert len(requests) == 1  # 500 is not transient


async def test_an_html_login_page_with_200_is_a_protocol_error(
    mock_client: MockClientFactory,
) -> None:
    with pytest.raises(ProtocolError) as info:
        decode(LOGIN_PAGE, CALLS)
    assert "Issabel - Giriş" in info.value.message  # the title, unescaped
    client, _ = mock_client(reply(LOGIN_PAGE, 200, "text/html; charset=UTF-8"))
    with pytest.raises(ProtocolError):
        await client.login_agent(1001)


@pytest.mark.parametrize("status", [400, 422, 500])
def test_a_non_2xx_json_failure_keeps_the_servers_message(status: int) -> None:
    body = js({"result": "false", "message": "Geçersiz dahili numarası"})
    with pytest.raises(ApiError) as info:
        decode(body, MODULES["dial"], status=status)
    assert info.value.status == status
    assert "Geçersiz dahili numarası" in info.value.message


def test_a_non_2xx_xml_failure_keeps_the_servers_message() -> None:
    body = "<CallCenter><result>false</result><message>Kuyruk yok</message></CallCenter>"
    with pytest.raises(ApiError) as info:
        decode(body.encode(), AGENTS, status=400)
    assert info.value.status == 400
    assert "Kuyruk yok" in info.value.message


def test_a_non_2xx_with_a_success_body_is_still_an_error() -> None:
    with pytest.raises(ApiError) as info:
        decode(JSON_OK, LOGIN, status=500)
    assert info.value.status == 500


@pytest.mark.parametrize("body", [b"", b"Not Found", b"<h1>Not Found</h1>", NGINX_502])
async def test_404_is_an_api_error(mock_client: MockClientFactory, body: bytes) -> None:
    client, requests = mock_client(reply(body, 404))
    with pytest.raises(ApiError) as info:
        await client.break_list()
    assert type(info.value) is ApiError
    assert info.value.status == 404
    assert "404" in info.value.message
    assert len(requests) == 1


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_a_redirect_is_an_api_error_and_not_followed(
    mock_client: MockClientFactory, status: int
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host != "pbx.example":
            return httpx.Response(200, content=js({"result": "true", "activecalls": []}))
        location = f"https://evil.example/api/?{request.url.query.decode()}"
        return httpx.Response(status, headers={"location": location}, content=b"")

    # Even an AsyncClient built to follow redirects must not follow this one.
    client, requests = mock_client(handler, follow_redirects=True)
    with pytest.raises(ApiError) as info:
        await client.active_calls_call_center()
    assert info.value.status == status
    assert len(requests) == 1
    assert [r.url.host for r in requests] == ["pbx.example"]


async def test_a_redirect_of_a_mutating_module_is_not_followed(
    mock_client: MockClientFactory,
) -> None:
    client, requests = mock_client(reply(b"", 302), follow_redirects=True)
    with pytest.raises(ApiError):
        await client.dial(1004, "05332730130")
    assert len(requests) == 1


# -- statuses that must stay transient whatever the body ------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"Service Unavailable",
        NGINX_502,
        js({"result": "false", "message": "Sunucu meşgul"}),
    ],
    ids=["empty", "text", "nginx", "json"],
)
async def test_503_is_transient_and_retried(mock_client: MockClientFactory, body: bytes) -> None:
    client, requests = mock_client(reply(body, 503))
    with pytest.raises(ApiError) as info:
        await client.active_calls()
    assert info.value.status == 503
    assert len(requests) == 3


@pytest.mark.parametrize(
    "body",
    [b"<h2>Service Unavailable</h2>\n<p>Try again later.</p>", b'{"result":"false","message":"Sun'],
    ids=["html-fragment", "truncated-json"],
)
async def test_an_unparseable_503_body_is_still_a_transient_api_error(
    mock_client: MockClientFactory, body: bytes
) -> None:
    client, requests = mock_client(reply(body, 503))
    with pytest.raises(ApiError) as info:
        await client.active_calls()
    assert info.value.status == 503
    assert len(requests) == 3


# -- malformed and hostile bodies -----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"result": "true", "activecalls": [{"agentnumber": "1001", "fechai',
        b'{"result": "true"',
        b"<CallCenter><result>true</result><activecalls><activecall><agentnumber>10",
        b"<CallCenter><result>true</result>",
        b"{not json at all}",
        b"<CallCenter><result>true</resu></CallCenter>",
    ],
)
async def test_truncated_or_malformed_bodies_are_protocol_errors(
    mock_client: MockClientFactory, body: bytes
) -> None:
    with pytest.raises(ProtocolError):
        decode(body, CALLS)
    client, requests = mock_client(reply(body))
    with pytest.raises(ProtocolError):
        await client.active_calls_call_center()
    assert len(requests) == 1  # a malformed reply is not retried


@pytest.mark.parametrize("body", [b"OK", b"true", b"Giris yapildi.", b"\x00\x01\x02\x03"], ids=str)
def test_neither_xml_nor_json(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode(body, LOGIN)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CallCenter><result>true</result><message>&lol9;</message></CallCenter>"""


async def test_an_entity_bomb_is_refused_and_does_not_hang(
    mock_client: MockClientFactory,
) -> None:
    # In a thread, so that a hang fails the test instead of freezing the run.
    with pytest.raises(ProtocolError):
        await asyncio.wait_for(asyncio.to_thread(decode, BILLION_LAUGHS, LOGIN), timeout=10)
    client, _ = mock_client(reply(BILLION_LAUGHS))
    with pytest.raises(ProtocolError):
        await asyncio.wait_for(client.login_agent(1001), timeout=10)


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE CallCenter [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"\n<CallCenter><result>false</result><message>&xxe;</message></CallCenter>",
        b'<?xml version="1.0"?>\n<!DOCTYPE CallCenter [<!ENTITY % p SYSTEM "file:///etc/passwd">'
        b" %p;]>\n<CallCenter><result>true</result></CallCenter>",
        b'<!DOCTYPE CallCenter SYSTEM "file:///etc/passwd">'
        b"<CallCenter><result>true</result></CallCenter>",
    ],
    ids=["general-entity", "parameter-entity", "external-dtd"],
)
async def test_external_entities_are_refused_and_never_read(
    mock_client: MockClientFactory, body: bytes
) -> None:
    client, _ = mock_client(reply(body))
    with pytest.raises(ProtocolError) as info:
        await client.login_agent(1001)
    text = repr(info.value) + str(info.value)
    assert "root:" not in text and "/bin/" not in text


def test_deeply_nested_json_is_a_protocol_error() -> None:
    body = b'{"result": "true", "activecalls": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ProtocolError):
        decode(body, CALLS)
    with pytest.raises(ProtocolError):
        decode(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, CALLS)


def test_deeply_nested_xml_is_a_protocol_error() -> None:
    body = b"<CallCenter><result>true</result>" + b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(ProtocolError):
        decode(body + b"</CallCenter>", CALLS)


@pytest.mark.parametrize(
    "body",
    [
        # Windows-1254 (Turkish) bytes in a JSON reply: "Giriş yapıldı."
        b'{"result": "true", "message": "Giri\xfe yap\xfdld\xfd."}',
        b'{"result": "true", "message": "\xff\xfe"}',
        b'{"result": "true", "message": "\xc3"}',
    ],
)
def test_invalid_utf8_json_is_a_protocol_error(body: bytes) -> None:
    with pytest.raises(ProtocolError, match="UTF-8"):
        decode(body, LOGIN)


def test_legacy_turkish_xml_encoding_is_decoded() -> None:
    body = (
        '<?xml version="1.0" encoding="ISO-8859-9"?>'
        "<CallCenter><result>true</result><message>Giriş yapıldı.</message></CallCenter>"
    ).encode("iso-8859-9")
    assert decode(body, LOGIN) == {"message": "Giriş yapıldı."}


@pytest.mark.parametrize(
    "body",
    [
        js({"message": "Giriş yapıldı."}),
        b"<CallCenter><message>Giris yapildi.</message></CallCenter>",
        js({"status": "ok"}),
        b"{}",
    ],
)
def test_missing_result_is_a_protocol_error(body: bytes) -> None:
    with pytest.raises(ProtocolError, match="result"):
        decode(body, LOGIN)


@pytest.mark.parametrize(
    "body",
    [
        js({"result": "true", "activecalls": [{**ROW, "phone": {"number": "0532"}}]}),
        js({"result": "true", "activecalls": [{**ROW, "phone": ["0532", "0533"]}]}),
        js({"result": {"value": "true"}, "message": "x"}),
        js({"result": "true", "activecalls": ["not a record"]}),
        b"<CallCenter><result>true</result><activecalls><activecall><agentnumber>1001"
        b"</agentnumber><phone><n>0532</n></phone></activecall></activecalls></CallCenter>",
        b"<CallCenter><result><v>true</v></result></CallCenter>",
        js({"result": "true", "agents": [{"agent": "100"}]}),
    ],
    ids=[
        "record-field-object",
        "record-field-list",
        "result-object",
        "record-is-a-string",
        "xml-record-field-element",
        "xml-result-element",
        "agent-is-an-object",
    ],
)
def test_a_structure_where_a_scalar_belongs_is_a_protocol_error(body: bytes) -> None:
    module = AGENTS if b"agents" in body else CALLS
    with pytest.raises(ProtocolError):
        decode(body, module)


@pytest.mark.parametrize(
    ("module", "body"),
    [
        ("loginAgent", js({"result": "true", "message": {"tr": "Giriş yapıldı."}})),
        ("createCampaign", js({"result": "true", "id_campaign": {"id": 17}, "name": "Ekim"})),
        ("redirect", js({"result": "true", "message": "ok", "extension": ["1002"]})),
    ],
    ids=["message-object", "id_campaign-object", "extension-list"],
)
def test_a_structure_in_a_message_modules_scalar_field_is_a_protocol_error(
    module: str, body: bytes
) -> None:
    with pytest.raises(ProtocolError):
        decode(body, MODULES[module])


# -- size caps -----------------------------------------------------------------------------


async def test_a_body_over_8mb_with_content_length_is_refused(
    mock_client: MockClientFactory,
) -> None:
    big = b'{"result": "true", "message": "' + b"x" * MAX_BODY_BYTES + b'"}'
    client, _ = mock_client(reply(big))
    with pytest.raises(ProtocolError, match="8 MB"):
        await client.login_agent(1001)


async def test_a_streamed_body_over_8mb_without_length_is_refused_early(
    mock_client: MockClientFactory,
) -> None:
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"result": "true", "message": "'
        for _ in range(64):  # 64 MiB if nobody stops reading
            sent += 1
            yield b"x" * (1024 * 1024)
        yield b'"}'

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    client, _ = mock_client(handler)
    with pytest.raises(ProtocolError, match="8 MB"):
        await client.login_agent(1001)
    assert 8 <= sent <= 10


async def test_a_gzip_bomb_is_refused(mock_client: MockClientFactory) -> None:
    raw = b'{"result": "true", "message": "' + b"x" * (MAX_BODY_BYTES + 1024) + b'"}'
    packed = gzip.compress(raw)
    assert len(packed) < MAX_BODY_BYTES // 100

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=packed, headers={"content-encoding": "gzip"})

    client, _ = mock_client(handler)
    with pytest.raises(ProtocolError, match="8 MB"):
        await client.login_agent(1001)


async def test_a_body_just_under_the_cap_is_accepted(mock_client: MockClientFactory) -> None:
    message = "x" * (MAX_BODY_BYTES - 100)
    client, _ = mock_client(reply(js({"result": "true", "message": message})))
    assert await client.login_agent(1001) == m.Ack(message)


# -- nothing but typed errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"\x89PNG\r\n\x1a\n",
        b"[1, 2, 3]",
        b'"just a string"',
        b"123",
        b"null",
        b"<CallCenter/>",
        b"<a><b>1</b><b><c>2</c></b></a>",
        b'{"result": "true", "activecalls": 5}',
        b'{"result": "true", "activecalls": {"0": 1}}',
        b"\xef\xbb\xbf\xef\xbb\xbf",
        b"<br />\n<b>Warning</b>: x on line <b>1</b><br />\n<html><title>t</title></html>",
    ],
)
@pytest.mark.parametrize(
    "module", ["activeCallsCallCenter", "queueAgents", "breakList", "breakEnd"]
)
def test_any_junk_raises_only_typed_errors(body: bytes, module: str) -> None:
    with contextlib.suppress(CallCenterError):
        decode(body, MODULES[module])
