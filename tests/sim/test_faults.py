"""Fault switches: latency, error rate, each malformed mode, and downtime on the same port."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from agentbar.sim import DEMO_AGENT, DEMO_API_KEY, Faults, SimClock, Simulator
from tests.sim.helpers import START, Api, sim_threads

XML_OK = '<?xml version="1.0" encoding="UTF-8"?>\n<CallCenter><result>true</result>'


def logged_in(sim: Simulator) -> bool:
    return sim.state.agents.get(DEMO_AGENT).logged_in


def test_latency_is_added(sim: Simulator, api: Api) -> None:
    sim.faults.latency = 0.3
    started = time.perf_counter()
    assert api.raw("breakList").status_code == 200
    assert time.perf_counter() - started >= 0.3
    sim.faults.latency = 0


def test_error_rate_one_gives_500_html_and_changes_nothing(sim: Simulator, api: Api) -> None:
    sim.faults.error_rate = 1.0
    r = api.raw("loginAgent", "json", agent=DEMO_AGENT)
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert "Internal Server Error" in r.text and DEMO_API_KEY not in r.text
    assert not logged_in(sim)
    sim.faults.error_rate = 0.0
    assert api.raw("loginAgent", "json", agent=DEMO_AGENT).json()["result"] == "true"


def test_error_rate_is_a_seeded_share(sim: Simulator, api: Api) -> None:
    sim.faults.error_rate = 0.5
    codes = [api.raw("breakList").status_code for _ in range(60)]
    assert 10 < codes.count(500) < 50 and codes.count(200) + codes.count(500) == 60


@pytest.mark.parametrize(
    ("mode", "status", "applied"),
    [
        ("truncated", 200, True),
        ("html500", 500, False),
        ("php_warning", 200, True),
        ("bom", 200, True),
        ("empty", 200, False),
        ("html_login", 200, False),
    ],
)
def test_malformed_modes(sim: Simulator, api: Api, mode: str, status: int, applied: bool) -> None:
    clean = api.raw("loginAgent", "xml", agent="999").content
    sim.faults.malformed = mode
    r = api.raw("loginAgent", "xml", agent=DEMO_AGENT)
    assert r.status_code == status
    assert logged_in(sim) is applied
    body = r.content
    if mode == "truncated":
        assert 0 < len(body) < len(clean) and r.text.startswith("<?xml")
        assert not body.rstrip().endswith(b"</CallCenter>")
    elif mode == "php_warning":
        assert body.startswith(b"<br />\n<b>Warning</b>:  Undefined index: agent in <b>")
        assert body.split(b"<br />\n")[-1].decode().startswith(XML_OK)
    elif mode == "bom":
        assert body.startswith(b"\xef\xbb\xbf" + XML_OK.encode())
    elif mode == "empty":
        assert body == b""
    elif mode == "html_login":
        assert b"<form" in body and b"input_pass" in body
    else:
        assert b"Internal Server Error" in body
    sim.faults.malformed = None
    assert api.raw("breakList").text.startswith(XML_OK)


def test_truncated_json(sim: Simulator, api: Api) -> None:
    sim.faults.malformed = "truncated"
    text = api.raw("breakList", "json").text
    assert text.startswith('[{"id":"2"') and not text.endswith("]")


def test_faults_validate_values() -> None:
    faults = Faults()
    with pytest.raises(ValueError):
        faults.malformed = "garbage"
    with pytest.raises(ValueError):
        faults.error_rate = 1.5
    with pytest.raises(ValueError):
        faults.latency = -1
    with pytest.raises(ValueError):
        Faults(malformed="nope")


def test_down_refuses_then_comes_back_on_the_same_port(sim: Simulator, api: Api) -> None:
    port = sim.port
    assert api.raw("loginAgent", "json", agent=DEMO_AGENT).json()["result"] == "true"
    sim.set_down(True)
    assert sim.faults.down and sim.running
    for _ in range(2):  # the kept-alive connection is cut, then new ones are refused
        with pytest.raises((httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError)):
            api.raw("breakList")
    with pytest.raises(httpx.ConnectError):
        httpx.post(sim.url, params={"apikey": DEMO_API_KEY, "module": "breakList"}, trust_env=False)
    sim.set_down(False)
    assert sim.port == port
    assert api.raw("logoutAgent", "json", agent=DEMO_AGENT).json()["result"] == "true"
    assert not logged_in(sim)


def test_down_via_the_faults_object_and_at_start() -> None:
    faults = Faults(down=True)
    with (
        Simulator(faults=faults, clock=SimClock(start=START)) as sim,
        httpx.Client(trust_env=False) as c,
    ):
        assert sim.port > 0
        with pytest.raises(httpx.ConnectError):
            c.get(sim.url)
        faults.down = False
        assert c.get(sim.url, params={"apikey": DEMO_API_KEY, "module": "breakList"}).is_success
        faults.clear()
        faults.down = True
        with pytest.raises(httpx.ConnectError):
            c.get(sim.url)
    assert sim_threads() == []


def test_stop_interrupts_a_slow_answer() -> None:
    sim = Simulator(faults=Faults(latency=30), clock=SimClock(start=START)).start()
    errors: list[BaseException] = []

    def slow() -> None:
        try:
            httpx.get(sim.url, params={"apikey": DEMO_API_KEY}, timeout=10, trust_env=False)
        except httpx.HTTPError as error:
            errors.append(error)

    thread = threading.Thread(target=slow)
    thread.start()
    deadline = time.monotonic() + 10
    while not sim.requests:  # until the request is in: answered, then held for the latency
        assert time.monotonic() < deadline, "the request never reached the simulator"
        time.sleep(0.01)
    started = time.perf_counter()
    sim.stop()
    thread.join()
    assert time.perf_counter() - started < 2
    assert len(errors) == 1 and sim_threads() == []
