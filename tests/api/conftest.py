"""Fixtures for the API tests: a MockTransport-backed client factory and raw loopback servers.

``mock_client(handler)`` gives a :class:`CallCenterClient` over ``httpx.MockTransport`` plus
the list of requests it sent. ``raw_server(on_connection)`` starts a real TCP server on
127.0.0.1 (one thread per connection) for what MockTransport cannot show: bodies cut short,
stalls, timeouts, TLS failures. Every server and client is closed at teardown.
"""

from __future__ import annotations

import contextlib
import inspect
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Protocol

import httpx
import pytest

from agentbar.api import CallCenterClient

KEY = "SECRET-K3Y-abc123"
BASE_URL = "http://pbx.example/api/"

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class MockClientFactory(Protocol):
    def __call__(
        self,
        handler: Handler,
        *,
        wire: str = ...,
        key: str = ...,
        base_url: str = ...,
        retry_delays: tuple[float, ...] = ...,
        timeout: httpx.Timeout | None = ...,
        follow_redirects: bool = ...,
    ) -> tuple[CallCenterClient, list[httpx.Request]]: ...


@pytest.fixture
async def mock_client() -> AsyncIterator[MockClientFactory]:
    """Factory: ``mock_client(handler) -> (client, requests)``; retries have no delay."""
    opened: list[httpx.AsyncClient] = []

    def factory(
        handler: Handler,
        *,
        wire: str = "json",
        key: str = KEY,
        base_url: str = BASE_URL,
        retry_delays: tuple[float, ...] = (0, 0),
        timeout: httpx.Timeout | None = None,
        follow_redirects: bool = False,
    ) -> tuple[CallCenterClient, list[httpx.Request]]:
        requests: list[httpx.Request] = []

        async def recording(request: httpx.Request) -> httpx.Response:
            requests.append(request)
            result = handler(request)
            if inspect.isawaitable(result):
                result = await result
            return result

        http = httpx.AsyncClient(
            transport=httpx.MockTransport(recording), follow_redirects=follow_redirects
        )
        opened.append(http)
        extra: dict[str, Any] = {} if timeout is None else {"timeout": timeout}
        client = CallCenterClient(
            base_url,
            key,
            wire=wire,  # type: ignore[arg-type]
            client=http,
            retry_delays=retry_delays,
            **extra,
        )
        return client, requests

    yield factory
    for http in opened:
        await http.aclose()


def reply(body: str | bytes, status: int = 200, content_type: str | None = None) -> Handler:
    """A handler that always answers ``body`` (str bodies are sent as UTF-8)."""
    data = body.encode() if isinstance(body, str) else body
    headers = {"content-type": content_type} if content_type else {}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=data, headers=headers)

    return handler


# -- raw loopback servers ------------------------------------------------------------------


def read_request(conn: socket.socket) -> bytes:
    """Read one HTTP/1.1 request (head and Content-Length body) from ``conn``."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class RawServer:
    """A TCP server on 127.0.0.1 that runs ``on_connection(conn, server)`` per connection.

    ``stop`` is set at teardown: stalling handlers wait on it so that their threads end.
    """

    def __init__(self, on_connection: Callable[[socket.socket, RawServer], None]) -> None:
        self.on_connection = on_connection
        self.stop = threading.Event()
        self.requests: list[bytes] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self.port: int = self._sock.getsockname()[1]
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def record(self, request: bytes) -> None:
        with self._lock:
            self.requests.append(request)

    def _accept_loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(10)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.connections += 1
                self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self.on_connection(conn, self)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self._acceptor.join(timeout=5)
        self._sock.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()
        for thread in self._threads:
            thread.join(timeout=5)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket, RawServer], None]], RawServer]]:
    """Factory: ``raw_server(on_connection) -> RawServer``; all closed at teardown."""
    servers: list[RawServer] = []

    def start(on_connection: Callable[[socket.socket, RawServer], None]) -> RawServer:
        server = RawServer(on_connection)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening (connecting to it is refused)."""
    sock = socket.create_server(("127.0.0.1", 0))
    port: int = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture
async def real_http() -> AsyncIterator[httpx.AsyncClient]:
    """A real httpx.AsyncClient (for the loopback servers); closed at teardown."""
    async with httpx.AsyncClient() as http:
        yield http
