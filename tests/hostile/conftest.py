"""The hostile world: a raw loopback server that forwards to the simulator or attacks.

:class:`Hostile` sits in front of a :class:`~agentbar.sim.Simulator` (or nothing). Each request
is forwarded unchanged, or, while ``attack`` is set (optionally only for some modules), answered
by the attack: whatever no well-behaved server would send. Attacks are plain functions of the
accepted socket; the helpers below build the common ones. Everything listens on 127.0.0.1 only.

Fixtures for the GUI reuse the UI suite's qasync loop and GC-on-the-GUI-thread pattern
(tests/ui/conftest.py); ``spy`` records every exception that escapes the session's error exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from agentbar.api import CallCenterClient
from agentbar.core.agent_state import AgentState, save_state
from agentbar.core.paths import Paths
from agentbar.core.settings import Settings, save_settings
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.client_gate import ClientGate
from tests.api.conftest import RawServer, read_request
from tests.ui import conftest as ui_fixtures

KEY = "HOSTILE-key-5f1c9e27b80d"
#: Any 8 consecutive characters of the key count as a leak.
FRAGMENTS = frozenset(KEY[i : i + 8] for i in range(len(KEY) - 7))
WAIT_MS = 8000
FAST = httpx.Timeout(connect=2.0, read=1.0, write=2.0, pool=2.0)

Attack = Callable[[socket.socket, bytes, "Hostile"], None]

# The UI suite's qasync loop, shared (not copied); tests/conftest.py collects on the main
# thread after each test, as the app does.
qloop = ui_fixtures.qloop


def leaks(text: str | bytes, key: str = KEY) -> list[str]:
    """The fragments of ``key`` found in ``text`` (empty: no leak)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    parts = {key[i : i + 8] for i in range(len(key) - 7)}
    return sorted(p for p in parts if p in text)


def module_of(request: bytes) -> str:
    """The ``module=`` of a raw HTTP request (query string), "" if none."""
    line = request.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ")
    target = parts[1] if len(parts) > 1 else ""
    return dict(parse_qsl(urlsplit(target).query)).get("module", "")


# -- the server ------------------------------------------------------------------------------


class Hostile:
    """A raw HTTP server on 127.0.0.1 in front of ``upstream`` (a port), or of nothing.

    ``attack`` (None: forward) answers every request whose module is in ``only`` (None: all).
    ``modules`` lists the module of every request received, in order. One request per
    connection: answers carry ``Connection: close``.
    """

    def __init__(self, upstream: int | None = None) -> None:
        self.upstream = upstream
        self.attack: Attack | None = None
        self.only: frozenset[str] | None = None
        self.modules: list[str] = []
        self._lock = threading.Lock()
        self.raw = RawServer(self._serve)

    @property
    def url(self) -> str:
        return self.raw.url

    @property
    def port(self) -> int:
        return self.raw.port

    @property
    def stop(self) -> threading.Event:
        return self.raw.stop

    def set(self, attack: Attack | None, only: Iterable[str] | None = None) -> None:
        self.only = None if only is None else frozenset(only)
        self.attack = attack

    def count(self, module: str) -> int:
        with self._lock:
            return self.modules.count(module)

    def _serve(self, conn: socket.socket, raw: RawServer) -> None:
        request = read_request(conn)
        if not request:
            return
        raw.record(request)
        module = module_of(request)
        with self._lock:
            self.modules.append(module)
        attack = self.attack
        if attack is not None and (self.only is None or module in self.only):
            attack(conn, request, self)
            return
        if self.upstream is None:
            conn.sendall(response(b"no upstream", status=502))
            return
        conn.sendall(forward(request, self.upstream))

    def close(self) -> None:
        self.raw.stop.set()
        with contextlib.suppress(OSError):  # wakes the acceptor now rather than at its timeout
            self.raw._sock.shutdown(socket.SHUT_RDWR)
        self.raw.close()


def forward(request: bytes, port: int) -> bytes:
    """Send ``request`` to 127.0.0.1:``port`` and return its answer, marked Connection: close."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as up:
        up.sendall(request)
        message = read_request(up)  # an HTTP message is read the same way either direction
    if b"\r\n\r\n" not in message:
        return response(b"upstream closed", status=502)
    head, _, body = message.partition(b"\r\n\r\n")
    lines = [
        line
        for line in head.split(b"\r\n")
        if not line.lower().startswith((b"connection:", b"keep-alive:"))
    ]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def response(
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "application/json",
    headers: Iterable[tuple[str, str]] = (),
    length: int | None = None,
) -> bytes:
    """A raw HTTP/1.1 answer; ``length`` overrides the Content-Length (None: the real one)."""
    head = [
        f"HTTP/1.1 {status} X",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body) if length is None else length}",
        "Connection: close",
        *(f"{k}: {v}" for k, v in headers),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def request_line(request: bytes) -> str:
    """The request line, key included: attacks echo it back to prove redaction."""
    return request.split(b"\r\n", 1)[0].decode("latin-1")


def reset(conn: socket.socket) -> None:
    """Close with a TCP reset (RST) instead of a clean FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


# -- attacks -----------------------------------------------------------------------------------


def answer(
    body: bytes | Callable[[bytes], bytes],
    *,
    status: int = 200,
    content_type: str = "application/json",
    headers: Iterable[tuple[str, str]] = (),
) -> Attack:
    """Always answer ``body`` (or ``body(request)``), with a correct Content-Length."""
    extra = tuple(headers)

    def attack(conn: socket.socket, request: bytes, server: Hostile) -> None:
        data = body(request) if callable(body) else body
        conn.sendall(response(data, status=status, content_type=content_type, headers=extra))

    return attack


def cut_short(body: bytes, *, declare_full: bool) -> Attack:
    """Send the first half of ``body`` and close; Content-Length full or absent."""

    def attack(conn: socket.socket, request: bytes, server: Hostile) -> None:
        half = body[: len(body) // 2]
        if declare_full:
            conn.sendall(response(half, length=len(body)))
        else:
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            conn.sendall(head + b"\r\n" + half)
        conn.shutdown(socket.SHUT_WR)

    return attack


def huge(size: int, *, declared: bool, chunk: bytes = b" ") -> Attack:
    """A body of ``size`` bytes: declared up front, or streamed chunked with no length."""

    def attack(conn: socket.socket, request: bytes, server: Hostile) -> None:
        if declared:
            conn.sendall(response(b'{"result":"true","message":"', length=size))
        else:
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            )
        block = chunk * (65536 // len(chunk))
        sent = 0
        with contextlib.suppress(OSError):
            while sent < size and not server.stop.is_set():
                piece = block if declared else b"%x\r\n%s\r\n" % (len(block), block)
                conn.sendall(piece)
                sent += len(block)
            if not declared:
                conn.sendall(b"0\r\n\r\n")

    return attack


def stall_after_headers(length: int = 100) -> Attack:
    """Send the headers (and nothing else) and hold the connection until the test ends."""

    def attack(conn: socket.socket, request: bytes, server: Hostile) -> None:
        conn.sendall(response(b"", length=length))
        server.stop.wait(30)

    return attack


def never_answer(conn: socket.socket, request: bytes, server: Hostile) -> None:
    """Take the request and say nothing, ever (until the test ends)."""
    server.stop.wait(30)


def drip(every_s: float) -> Attack:
    """Headers, then one byte every ``every_s`` seconds: never a read timeout, never done."""

    def attack(conn: socket.socket, request: bytes, server: Hostile) -> None:
        conn.sendall(response(b"", length=1_000_000))
        while not server.stop.wait(every_s):
            conn.sendall(b" ")

    return attack


def close_at_once(conn: socket.socket, request: bytes, server: Hostile) -> None:
    """Accept, read, and hang up without a word."""
    reset(conn)


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def hostile_factory() -> Iterator[Callable[..., Hostile]]:
    """``hostile_factory(upstream=None) -> Hostile``; every server closed at teardown."""
    made: list[Hostile] = []

    def make(upstream: int | None = None) -> Hostile:
        server = Hostile(upstream)
        made.append(server)
        return server

    yield make
    for server in made:
        server.close()


@pytest.fixture
def other_host(hostile_factory: Callable[..., Hostile]) -> Hostile:
    """A second server standing for "another host": it must never be contacted."""
    return hostile_factory()


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(api_key=KEY, port=0).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def hostile(sim: Simulator, hostile_factory: Callable[..., Hostile]) -> Hostile:
    """A hostile server in front of the simulator, forwarding until an attack is set."""
    return hostile_factory(sim.port)


@pytest.fixture(scope="session")
def tls_context() -> ssl.SSLContext:
    """httpx's default verification, built once (loading the CA bundle costs ~60 ms)."""
    return httpx.create_ssl_context()


@pytest.fixture
async def api_http(tls_context: ssl.SSLContext) -> Any:
    """A real AsyncClient for the plain-asyncio tests (its own loop: pytest-asyncio)."""
    async with httpx.AsyncClient(verify=tls_context) as http:
        yield http


def client_for(
    url: str,
    http: httpx.AsyncClient,
    *,
    timeout: httpx.Timeout = FAST,
    deadline: float = 5.0,
    retry_delays: tuple[float, ...] = (),
    key: str = KEY,
) -> CallCenterClient:
    return CallCenterClient(
        url, key, client=http, timeout=timeout, deadline=deadline, retry_delays=retry_delays
    )


# -- the GUI side ----------------------------------------------------------------------------------


@dataclass
class Spy:
    """What escaped: asyncio handler calls, ERROR log records, and the session's messages."""

    loop_errors: list[dict[str, Any]] = field(default_factory=list)
    hook_errors: list[BaseException] = field(default_factory=list)
    log_errors: list[logging.LogRecord] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)

    def escaped(self) -> list[str]:
        out = [str(c.get("message")) + " " + repr(c.get("exception")) for c in self.loop_errors]
        out += [repr(e) for e in self.hook_errors]
        out += [r.getMessage() for r in self.log_errors]
        return out

    def errors(self) -> list[str]:
        return [text for level, text in self.messages if level == "error"]


class _ErrorRecords(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


@pytest.fixture
def spy(qloop: asyncio.AbstractEventLoop) -> Iterator[Spy]:
    """Records exceptions that escape (asyncio handler, excepthook, logged ERRORs).

    pytest-qt additionally fails a test on any exception raised in a Qt slot.
    """
    found = Spy()
    qloop.set_exception_handler(lambda loop, context: found.loop_errors.append(context))
    handler = _ErrorRecords(found.log_errors)
    logging.getLogger().addHandler(handler)
    previous_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        found.hook_errors.append(exc)

    sys.excepthook = hook
    yield found
    sys.excepthook = previous_hook
    logging.getLogger().removeHandler(handler)
    qloop.set_exception_handler(None)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    p = Paths.under(tmp_path / "base")
    p.ensure()
    return p


def drain(task: Any) -> None:
    """Run the Qt loop until ``task`` is done (fixture teardown, no qtbot there)."""
    app = QApplication.instance()
    deadline = time.monotonic() + 10
    while not task.done() and app is not None and time.monotonic() < deadline:
        app.processEvents()


@pytest.fixture
def gui_http(
    qloop: asyncio.AbstractEventLoop, tls_context: ssl.SSLContext
) -> Iterator[httpx.AsyncClient]:
    client = httpx.AsyncClient(verify=tls_context)
    yield client
    drain(qloop.create_task(client.aclose()))


SessionFactory = Callable[..., AgentSession]


@pytest.fixture
def make_session(
    qloop: asyncio.AbstractEventLoop, gui_http: httpx.AsyncClient, paths: Paths, spy: Spy
) -> Iterator[SessionFactory]:
    """``make_session(url, state=None, timeout=FAST, deadline=5, retry_delays=(), **settings)``.

    Started (polling every 0.5 s); every message it emits is recorded in ``spy.messages``.
    """
    made: list[AgentSession] = []

    def factory(
        url: str,
        *,
        state: AgentState | None = None,
        timeout: httpx.Timeout = FAST,
        deadline: float = 5.0,
        retry_delays: tuple[float, ...] = (),
        start: bool = True,
        **changes: Any,
    ) -> AgentSession:
        values: dict[str, Any] = {
            "server_url": url,
            "agent": DEMO_AGENT,
            "extension": DEMO_EXTENSION,
            "poll_interval_s": 0.5,
            **changes,
        }
        settings = Settings(**values)
        client = client_for(
            url, gui_http, timeout=timeout, deadline=deadline, retry_delays=retry_delays
        )
        session = AgentSession(
            ClientGate.opened(gui_http, client, KEY),
            settings,
            state or AgentState(),
            save_state=lambda st: save_state(paths.state_file, st),
            save_settings=lambda st: save_settings(paths, st),
        )
        session.notified.connect(lambda level, text: spy.messages.append((level, text)))
        made.append(session)
        if start:
            session.start()
        return session

    yield factory
    for session in made:
        drain(qloop.create_task(session.aclose()))


def log_in(qtbot: Any, session: AgentSession) -> None:
    """Log in through the session; wait for the break reasons and for nothing in flight."""
    session.login()
    qtbot.waitUntil(
        lambda: session.state.logged_in and bool(session.state.break_reasons), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT_MS)  # its reasons refresh too


# -- the command socket ------------------------------------------------------------------------

#: A harmless command sent after the thing under test (see received_before_a_marker).
MARKER_COMMAND = "show"


@contextlib.contextmanager
def listening_instance(state_dir: Path) -> Iterator[tuple[Any, list[Any], list[str], Any]]:
    """The single instance of ``state_dir``, claimed and listening: (its InstanceServer, the
    commands it took, the refusals it reported, the claim). Closed and given up after."""
    from agentbar.desktop import single_instance as si
    from agentbar.desktop.instance_server import InstanceServer

    mine = si.claim(state_dir)
    assert mine is not None and mine.name
    server = InstanceServer(mine.name)
    assert server.listen(stale=mine.recovered)
    received: list[Any] = []
    refused: list[str] = []
    server.command_received.connect(received.append)
    server.refused.connect(refused.append)
    try:
        yield server, received, refused, mine
    finally:
        server.close()
        mine.give_up()


def received_before_a_marker(qtbot: Any, name: str, received: list[Any]) -> list[Any]:
    """The commands the instance listening on ``name`` took before a marker from this user.

    A launch that refused to send connected and then hung up; a command it wrongly sent would
    already sit in that connection. The marker comes on a later connection, so once the
    instance has taken it, it has accepted the earlier one and read what was in it.
    """
    from PySide6.QtNetwork import QLocalSocket

    from agentbar.core.commands import encode, validate

    marker = validate(MARKER_COMMAND, {})
    client = QLocalSocket()
    client.connectToServer(name)
    client.write(encode(marker))
    client.flush()
    qtbot.waitUntil(lambda: marker in received, timeout=WAIT_MS)
    client.disconnectFromServer()
    return [command for command in received if command != marker]
