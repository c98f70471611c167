"""ClientGate: the one wait for the run's HTTP client, API client and key."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from agentbar.api import CallCenterClient
from agentbar.core.settings import Settings
from agentbar.ui.client_gate import NO_SERVER_URL, ClientGate

KEY = "GATE-SECRET-KEY-0001"


def test_waiters_wait_until_the_gate_opens_then_all_get_the_client() -> None:
    async def main() -> None:
        gate = ClientGate()
        waiting = [asyncio.ensure_future(gate.client()) for _ in range(3)]
        http_waiting = asyncio.ensure_future(gate.http())
        await asyncio.sleep(0)  # one turn of the loop: each waiter has run up to the gate
        assert not any(w.done() for w in waiting) and not http_waiting.done()
        with pytest.raises(RuntimeError):
            _ = gate.current
        async with httpx.AsyncClient() as http:
            client = CallCenterClient("http://127.0.0.1:9/api/", KEY, client=http)
            gate.open(http, client, KEY)
            assert [await w for w in waiting] == [client] * 3
            assert await http_waiting is http
            assert gate.current is client and gate.key == KEY
            with pytest.raises(RuntimeError):
                gate.open(http, client, KEY)  # one event, once

    asyncio.run(main())


def test_connect_waits_for_the_gate_then_replaces_the_client_and_the_key() -> None:
    """A settings change accepted before the client was there: the new server and key win
    over the ones the start-up opens the gate with."""

    async def main() -> None:
        gate = ClientGate("")
        settings = Settings(server_url="http://127.0.0.1:9/other/", wire="xml")
        connecting = asyncio.ensure_future(gate.connect(settings, "NEW-KEY-000000"))
        await asyncio.sleep(0)  # one turn of the loop: it has run up to the gate
        assert not connecting.done()
        async with httpx.AsyncClient() as http:
            first = CallCenterClient("http://127.0.0.1:9/api/", KEY, client=http)
            gate.open(http, first, KEY)
            new = await connecting
            assert gate.current is new is await gate.client()
            assert new.base_url.startswith("http://127.0.0.1:9/other") and new.wire == "xml"
            assert gate.key == "NEW-KEY-000000"
            empty = await gate.connect(Settings(), KEY)
            assert empty.base_url == NO_SERVER_URL

    asyncio.run(main())


def test_the_key_is_not_in_the_gates_repr() -> None:
    async def main() -> str:
        async with httpx.AsyncClient() as http:
            gate = ClientGate.opened(
                http, CallCenterClient("http://127.0.0.1:9/api/", KEY, client=http), KEY
            )
            return repr(gate)

    text = asyncio.run(main())
    assert KEY not in text and "open=True" in text
