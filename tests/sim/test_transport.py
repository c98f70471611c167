"""Transport quirks: paths, key, module, format, $_REQUEST, PHP arrays, headers, keep-alive."""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET

import httpx

from agentbar.sim import DEMO_AGENT, DEMO_API_KEY, Simulator
from tests.sim.helpers import Api


def test_endpoint_paths(sim: Simulator, client: httpx.Client) -> None:
    query = {"apikey": DEMO_API_KEY, "module": "breakList", "type": "json"}
    base = sim.url.removesuffix("/api/")
    for path in ("/api/", "/api", "/api/index.php"):
        r = client.get(base + path, params=query)
        assert r.status_code == 200 and r.json()[0]["id"] == "2"
    r = client.get(base + "/other/", params=query)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Not Found" in r.text
    assert DEMO_API_KEY not in r.text


def test_wrong_or_missing_key(api: Api) -> None:
    for key in ("wrong", ""):
        r = api.raw("loginAgent", "json", key=key, agent=DEMO_AGENT)
        assert r.status_code == 200
        assert r.json() == {"result": "false", "message": "Geçersiz API anahtarı."}
        root = ET.fromstring(api.raw("breakList", "xml", key=key).content)
        assert root.findtext("result") == "false"
        assert root.findtext("message") == "Geçersiz API anahtarı."


def test_wrong_key_changes_nothing(sim: Simulator, api: Api) -> None:
    api.raw("loginAgent", "json", key="wrong", agent=DEMO_AGENT)
    assert not sim.state.agents.get(DEMO_AGENT).logged_in


def test_key_in_body_is_read_as_php_reads_request(api: Api) -> None:
    # PHP's $_REQUEST holds the body too: AgentBar sends a POST module's key there.
    r = api.client.post(
        "", params={"module": "breakList", "type": "json"}, data={"apikey": DEMO_API_KEY}
    )
    assert isinstance(r.json(), list)
    r = api.client.post("", params={"module": "breakList", "type": "json"}, data={"apikey": "x"})
    assert r.json()["result"] == "false"


def test_unknown_or_missing_module(api: Api) -> None:
    api.fails("noSuchModule", "Geçersiz modül.")
    r = api.client.get("", params={"apikey": DEMO_API_KEY, "type": "json"})
    assert r.json() == {"result": "false", "message": "Geçersiz modül."}


def test_default_format_is_xml(api: Api) -> None:
    r = api.raw("loginAgent", None, agent=DEMO_AGENT)
    assert r.headers["content-type"] == "text/xml; charset=utf-8"
    assert ET.fromstring(r.content).findtext("message") == "Giriş yapıldı."


def test_params_from_query_or_body_get_or_post(sim: Simulator, api: Api) -> None:
    query = {"apikey": DEMO_API_KEY, "module": "loginAgent", "type": "json", "agent": DEMO_AGENT}
    assert api.client.post("", params=query).json()["result"] == "true"
    query["module"] = "logoutAgent"
    assert api.client.get("", params=query).json()["result"] == "true"
    assert api.raw("loginAgent", "json", method="GET", agent=DEMO_AGENT).json()["result"] == "true"
    methods = [(r.method, r.module) for r in sim.requests]
    assert methods == [("POST", "loginAgent"), ("GET", "logoutAgent"), ("GET", "loginAgent")]


def test_body_wins_over_query_like_php_request(sim: Simulator, api: Api) -> None:
    query = {"apikey": DEMO_API_KEY, "module": "loginAgent", "type": "json", "agent": "999"}
    r = api.client.post("", params=query, data={"agent": DEMO_AGENT})
    assert r.json()["result"] == "true"
    assert sim.state.agents.get(DEMO_AGENT).logged_in


def test_php_arrays_are_recorded_as_lists(sim: Simulator, api: Api) -> None:
    api.ok(
        "createQueue",
        account="10050",
        name="YENIQ",
        password="x",
        **{"dynmembers[]": ["100", "101"]},
    )
    api.ok("agentsQueue", account="10050", dynmembers=["102", "103"], make="true")
    recorded = [r.params for r in sim.requests]
    assert recorded[0]["dynmembers"] == ["100", "101"]
    assert recorded[1]["dynmembers"] == ["102", "103"]
    assert api.ok("queueAgents", account="10050")["agents"] == ["100", "101", "102", "103"]


def test_requests_never_hold_the_key(sim: Simulator, api: Api) -> None:
    api.raw("loginAgent", "json", agent=DEMO_AGENT, note=DEMO_API_KEY)
    api.raw("breakList", "xml", key="wrong")
    for request in sim.requests:
        assert "apikey" not in request.params
        assert DEMO_API_KEY not in repr(request)
    assert sim.requests[0].params == {"agent": DEMO_AGENT, "note": "[redacted]"}
    assert [r.fmt for r in sim.requests] == ["json", "xml"]


def test_json_is_php_json_encode(api: Api) -> None:
    text = api.raw("loginAgent", "json", agent=DEMO_AGENT).text
    assert text == '{"result":"true","message":"Giri\\u015f yap\\u0131ld\\u0131."}'
    text = api.raw("soundRecords", "json", limit="1").text
    assert '"dosya":"\\/var\\/spool\\/asterisk\\/monitor\\/' in text


def test_headers(api: Api) -> None:
    r = api.raw("breakList", "xml")
    assert r.headers["server"].startswith("Apache/")
    assert r.headers["x-powered-by"].startswith("PHP/")
    assert int(r.headers["content-length"]) == len(r.content)
    assert r.http_version == "HTTP/1.1"


def test_chunked_form_body(sim: Simulator, api: Api) -> None:
    query = {"apikey": DEMO_API_KEY, "module": "loginAgent", "type": "json"}
    body = iter([b"agent=", DEMO_AGENT.encode()])
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    r = api.client.post("", params=query, content=body, headers=headers)
    assert r.json()["result"] == "true"


def test_tcp_nodelay_on_accepted_sockets_and_keep_alive(sim: Simulator, api: Api) -> None:
    seen: list[int] = []
    sim.on_accept = lambda s: seen.append(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    started = time.perf_counter()
    for _ in range(20):
        assert api.raw("breakList", "json").status_code == 200
    elapsed = time.perf_counter() - started
    assert seen == [1]  # one keep-alive connection, with TCP_NODELAY
    assert elapsed < 20 * 0.04  # without TCP_NODELAY each answer waits ~40 ms


def test_many_start_stop_cycles() -> None:
    with httpx.Client(trust_env=False) as c:
        for _ in range(5):
            with Simulator() as sim:
                r = c.get(sim.url, params={"apikey": DEMO_API_KEY, "module": "breakList"})
                assert r.status_code == 200
    with Simulator() as a, Simulator() as b:
        assert a.port != b.port


def test_bad_content_length_is_a_400(sim: Simulator) -> None:
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as conn:
        conn.sendall(b"POST /api/ HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        head = conn.recv(100)
    assert head.startswith(b"HTTP/1.1 400 ")
