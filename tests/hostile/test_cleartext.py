"""A key that may travel in clear: POST modules carry it in the body, and the bar says so.

The vendor document puts the key in the query string of every call, and query strings end up
in the access logs of the server and of every proxy on the way. POST modules now carry it in
the form body (the PHP server reads ``$_REQUEST``; the simulator too); only GET modules keep
it in the query. A plain ``http://`` URL to a host that is not this machine gets a warning
that stays on the bar and a log line at start.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from agentbar.api import CallCenterClient
from agentbar.api.modules import MODULES
from agentbar.app import build_parser
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.runner import run
from tests.hostile.conftest import KEY

WAIT = 8000


def _sent(
    requests: list[httpx.Request],
) -> list[tuple[str, dict[str, list[str]], dict[str, list[str]]]]:
    return [
        (r.method, parse_qs(r.url.query.decode()), parse_qs(r.content.decode())) for r in requests
    ]


async def test_post_modules_carry_the_key_in_the_body_get_modules_in_the_query() -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        module = parse_qs(request.url.query.decode())["module"][0]
        if module == "breakList":
            return httpx.Response(200, json={"result": "true", "breaks": []})
        return httpx.Response(200, json={"result": "true", "message": "ok"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        client = CallCenterClient("https://pbx.example/api/", KEY, client=http)
        await client.login_agent(DEMO_AGENT)
        await client.dial(DEMO_EXTENSION, "05321234567")
        await client.break_list()
    (login_m, login_q, login_f), (dial_m, dial_q, dial_f), (list_m, list_q, list_f) = _sent(
        requests
    )
    assert MODULES["loginAgent"].method == login_m == dial_m == "POST"
    for query, form in ((login_q, login_f), (dial_q, dial_f)):
        assert "apikey" not in query and KEY not in json.dumps(query)
        assert form["apikey"] == [KEY]
    assert dial_f["number"] == ["05321234567"]
    assert list_m == "GET" and list_q["apikey"] == [KEY] and list_f == {}


async def test_the_simulator_takes_the_key_from_the_body_or_the_query() -> None:
    with Simulator(api_key=KEY, port=0) as sim:
        async with httpx.AsyncClient() as http:
            client = CallCenterClient(sim.url, KEY, client=http)
            await client.login_agent(DEMO_AGENT)  # POST: key in the body
            assert await client.break_list()  # GET: key in the query
            # An old client (the key in the query of a POST) is still served, as PHP would.
            reply = await http.post(
                sim.url,
                params={"apikey": KEY, "module": "logoutAgent", "type": "json"},
                data={"agent": DEMO_AGENT},
            )
            assert reply.json()["result"] in ("true", True)
            wrong = await http.post(
                sim.url, params={"module": "loginAgent", "type": "json"},
                data={"apikey": "wrong", "agent": DEMO_AGENT},
            )  # fmt: skip
            assert wrong.json()["result"] in ("false", False)
    assert [r.module for r in sim.requests][:2] == ["loginAgent", "breakList"]


def _bar() -> Toolbar | None:
    bars = [w for w in QApplication.topLevelWidgets() if isinstance(w, Toolbar) and w.isVisible()]
    return bars[0] if bars else None


@pytest.mark.parametrize(
    ("url", "warned"),
    [("http://pbx.example.com/api/", True), ("http://127.0.0.1:9/api/", False),
     ("https://pbx.example.com/api/", False)],
)  # fmt: skip
def test_a_cleartext_url_is_warned_on_the_bar_and_in_the_log(
    qtbot, qloop, monkeypatch, tmp_path, caplog, url, warned
):
    caplog.set_level(logging.WARNING)
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "clear"
    argv = ["--basedir", str(base), "--url", url, "--agent", DEMO_AGENT]
    argv += ["--extension", DEMO_EXTENSION]
    task = qloop.create_task(run(build_parser().parse_args(argv), Paths.under(base),
                                 RedactingFilter()))  # fmt: skip
    qtbot.waitUntil(lambda: _bar() is not None, timeout=WAIT)
    bar = _bar()
    assert bar is not None
    if warned:
        qtbot.waitUntil(bar.notes.isVisible, timeout=WAIT)
    assert bar.notes.isVisible() is warned
    assert ("travels in clear" in bar.notes.text()) is warned
    # Lasting: the bar's ordinary messages come and go, the warning stays.
    bar.show_message("info", "something else")
    bar._clear_message()
    assert bar.notes.isVisible() is warned
    bar.quit_requested.emit()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0
    # The whole run is over: a warning not given by now was never given, on the bar or in the log.
    assert ("travels in clear" in bar.notes.text()) is warned
    assert ("the API key travels unencrypted" in caplog.text) is warned
    assert KEY not in caplog.text
