"""The session polls at the rate the agent's activity needs (issue 17), measured on the
simulator's clock: sessions run on a virtual-time loop against the simulator in process
(agentbar/sim/inprocess.py), so ten simulated minutes take a fraction of a second and no test
sleeps."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from agentbar.api import CallCenterClient
from agentbar.core.agent_state import AgentState, BreakReason
from agentbar.core.polling import PollSchedule
from agentbar.core.settings import Settings
from agentbar.sim import Simulator
from agentbar.sim.inprocess import LoopClock, VirtualTimeLoop, transport
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.client_gate import ClientGate

KEY = "SECRET-POLL-KEY-123456"
FIRST_AGENT, FIRST_EXTENSION = 3000, 30000


class Floor:
    """``count`` sessions against one in-process simulator on a virtual clock."""

    def __init__(self, loop: VirtualTimeLoop, count: int, *, logged_in: bool = True) -> None:
        self.loop = loop
        self.clock = LoopClock(loop)
        self.sim = Simulator(api_key=KEY, clock=self.clock)
        self.sim.state.add_floor(count, FIRST_AGENT, FIRST_EXTENSION)
        self.log: list[tuple[float, int, str]] = []  # (loop time, session, module)
        self.sessions = [self._session(i, logged_in) for i in range(count)]

    def _session(self, i: int, logged_in: bool) -> AgentSession:
        number, extension = str(FIRST_AGENT + i), str(FIRST_EXTENSION + i)

        def seen(request: httpx.Request) -> None:
            self.log.append((self.loop.time(), i, request.url.params.get("module", "")))

        http = httpx.AsyncClient(transport=transport(self.sim, seen))
        client = CallCenterClient(self.sim.url, KEY, wire="json", client=http)
        settings = Settings(server_url=self.sim.url, agent=number, extension=extension)
        state = AgentState()
        if logged_in:
            state = state.logged_in_as(number)
            self.sim.state.agents.login(number, self.clock.now())
        return AgentSession(
            ClientGate.opened(http, client, KEY),
            settings,
            state,
            save_state=lambda _s: None,
            save_settings=lambda _s: None,
            schedule=PollSchedule(random.Random(i)),
        )

    def polls(self, start: float, end: float, session: int | None = None) -> Counter[str]:
        return Counter(m for t, i, m in self.log if start <= t < end and session in (None, i))

    async def until(self, check: Callable[[], bool], limit: float = 60.0) -> float:
        """Simulated seconds until ``check()`` holds (looked at every 10 ms of loop time)."""
        start = self.loop.time()
        while not check():
            assert self.loop.time() - start < limit, "not within the limit"
            await asyncio.sleep(0.01)
        return self.loop.time() - start


def run(body: Callable[[VirtualTimeLoop], Coroutine[Any, Any, None]]) -> None:
    loop = VirtualTimeLoop()
    try:
        loop.run_until_complete(body(loop))
    finally:
        loop.close()


def test_each_activity_polls_at_its_own_rate() -> None:
    async def body(loop: VirtualTimeLoop) -> None:
        floor = Floor(loop, 1)
        session = floor.sessions[0]
        session.start()
        await asyncio.sleep(600)  # ready and idle, ten minutes
        ready = floor.polls(0, 600)
        assert ready.keys() == {"activeCalls"}  # the agent's own channels are enough
        assert 0.45 * 600 <= ready["activeCalls"] <= 0.5 * 600 + 2

        await session.start_break(BreakReason("2", "YEMEK MOLASI"))
        t0 = loop.time()
        await asyncio.sleep(600)
        on_break = floor.polls(t0 + 10, t0 + 600)
        assert set(on_break) <= {"activeCalls"}
        assert 0.08 * 590 <= sum(on_break.values()) <= 0.1 * 590 + 1

        await session.end_break()
        t1 = loop.time()
        # The rate changes with the state, not at the break's next tick: ready again at once.
        assert await floor.until(lambda: bool(floor.polls(t1, loop.time()))) <= 2.2

        floor.sim.inject_incoming_call(session.settings.extension, "02120000000", talk_s=300)
        arrived = loop.time()
        await floor.until(lambda: session.call is not None)
        assert loop.time() - arrived <= 2.2  # shown within one ready interval
        t2 = loop.time()
        await asyncio.sleep(200)  # during the call (ringing, then talking)
        in_call = floor.polls(t2, t2 + 200)
        assert 0.9 * 200 <= sum(in_call.values()) <= 200 + 1  # about 1/s, never more

        await session.logout()
        t3 = loop.time()
        await asyncio.sleep(600)
        assert not floor.polls(t3 + 0.001, t3 + 600)  # logged out: none
        await session.aclose()

    run(body)


def test_a_call_ringing_while_on_a_break_is_still_shown() -> None:
    async def body(loop: VirtualTimeLoop) -> None:
        floor = Floor(loop, 1)
        session = floor.sessions[0]
        session.start()
        await session.start_break(BreakReason("2", "YEMEK MOLASI"))
        await asyncio.sleep(33)
        floor.sim.inject_incoming_call(session.settings.extension, "02120000000", ring_s=20)
        waited = await floor.until(lambda: session.call is not None)
        assert waited <= 11.5  # one break interval (10 s) and its jitter
        await session.aclose()

    run(body)


def test_after_a_dial_the_bar_polls_at_the_call_rate() -> None:
    async def body(loop: VirtualTimeLoop) -> None:
        floor = Floor(loop, 1)
        session = floor.sessions[0]
        session.start()
        await asyncio.sleep(30)
        await session.dial("05321234567")
        await floor.until(lambda: session.call is not None, limit=2)
        t0 = loop.time()
        await asyncio.sleep(20)
        assert sum(floor.polls(t0, t0 + 20).values()) >= 17
        await session.hangup()
        await floor.until(lambda: session.call is None)
        t1 = loop.time()
        await asyncio.sleep(60)
        assert sum(floor.polls(t1 + 2, t1 + 60).values()) <= 0.5 * 58 + 1  # ready again
        await session.aclose()

    run(body)


def test_bars_started_together_do_not_poll_in_step() -> None:
    async def body(loop: VirtualTimeLoop) -> None:
        floor = Floor(loop, 200)
        for session in floor.sessions:  # a login script: every bar in the same instant
            session.start()
        await asyncio.sleep(60)
        per_tenth = Counter(int(t * 10) for t, _i, _m in floor.log if t >= 5)
        # 200 bars at 0.5/s: 10 requests per tenth of a second on average; in step, 200.
        assert max(per_tenth.values()) <= 30
        for session in floor.sessions:
            await session.aclose()

    run(body)


@pytest.mark.slow
def test_a_restarted_server_sees_the_floor_spread_out() -> None:
    async def body(loop: VirtualTimeLoop) -> None:
        floor = Floor(loop, 300)
        for session in floor.sessions:
            session.start()
        await asyncio.sleep(60)
        floor.sim.faults.down = True
        await asyncio.sleep(90)
        assert all(not s.connection.online for s in floor.sessions)
        # The offline pill says when the next try is: within the backoff's cap.
        assert all(s.connection.retry_at > 0 for s in floor.sessions)
        floor.sim.faults.down = False
        back = loop.time()
        await asyncio.sleep(120)
        per_second = Counter(int(t) for t, _i, _m in floor.log)
        steady = max(per_second[s] for s in range(10, 60))
        herd = max(per_second[s] for s in range(int(back), int(back) + 120))
        assert herd <= steady * 1.25  # no second after the restart is busier than a usual one
        assert all(s.connection.online for s in floor.sessions)
        for session in floor.sessions:
            await session.aclose()

    run(body)
