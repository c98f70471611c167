"""UI fixtures: a qasync loop driven by pytest-qt, the simulator on loopback, a session, a bar.

pytest-qt spins the Qt event loop (``qtbot.waitUntil``/``waitSignal``); a qasync loop marked
as already running lets asyncio tasks (httpx on loopback) progress while it does.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
import qasync
from PySide6.QtWidgets import QApplication

from agentbar.api import CallCenterClient
from agentbar.core import clock
from agentbar.core.agent_state import AgentState, load_state, save_state
from agentbar.core.paths import Paths
from agentbar.core.settings import Settings, save_settings
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, SimClock, Simulator
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.client_gate import ClientGate
from tests.core.conftest import MemoryKeyring, make_backend
from tests.sim.helpers import START

os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
KEY = "SECRET-UI-KEY-123456"


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    deadline = loop.time() + 5
    while any(not t.done() for t in pending) and loop.time() < deadline:
        qapp.processEvents()
    with contextlib.suppress(RuntimeError, TypeError):
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False  # qasync has no public way to end "already running"
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """The simulator on loopback, its clock pinned to START (a Tuesday afternoon) and running
    from there; the bar reads the same clock (core/clock.py), so both agree on "today"
    whatever the real date and hour."""
    simulator = Simulator(api_key=KEY, port=0, clock=SimClock(start=START)).start()
    clock.follow(lambda: simulator.clock.now().timestamp())
    yield simulator
    clock.follow(None)
    simulator.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = make_backend(MemoryKeyring)
    assert isinstance(ring, MemoryKeyring)
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    p = Paths.under(tmp_path / "base")
    p.ensure()
    return p


@pytest.fixture
def settings(sim: Simulator) -> Settings:
    return Settings(
        server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION, poll_interval_s=0.5
    )


@pytest.fixture
def http(qloop: asyncio.AbstractEventLoop) -> Iterator[httpx.AsyncClient]:
    client = httpx.AsyncClient()
    yield client
    # Closing needs the loop; the transport is loopback-only, so dropping it is safe.
    task = qloop.create_task(client.aclose())
    app = QApplication.instance()
    while not task.done() and app is not None:
        app.processEvents()


SessionFactory = Callable[..., AgentSession]


@pytest.fixture
def make_session(
    qloop: asyncio.AbstractEventLoop, http: httpx.AsyncClient, paths: Paths, settings: Settings
) -> Iterator[SessionFactory]:
    made: list[AgentSession] = []

    def factory(
        *,
        key: str = KEY,
        state: AgentState | None = None,
        start: bool = True,
        without_client: bool = False,
        **changes: Any,
    ) -> AgentSession:
        s = settings.replace(**changes) if changes else settings
        if state is None:
            state, _ = load_state(paths.state_file)
        gate = ClientGate(key)
        if not without_client:
            client = CallCenterClient(s.server_url, key, wire=s.wire, client=http, retry_delays=())
            gate.open(http, client, key)
        session = AgentSession(
            gate,
            s,
            state,
            save_state=lambda st: save_state(paths.state_file, st),
            save_settings=lambda st: save_settings(paths, st),
        )
        made.append(session)
        if start:
            session.start()
        return session

    yield factory
    for session in made:
        task = qloop.create_task(session.aclose())
        app = QApplication.instance()
        while not task.done() and app is not None:
            app.processEvents()
