"""The HTTP side: a quiet ThreadingHTTPServer in a background thread, closable and reopenable.

Every accepted socket gets TCP_NODELAY: http.server writes headers and body separately, and
without it each answer waits for Nagle's algorithm and the peer's delayed-ACK timer.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import sys
import threading
import traceback
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from agentbar.sim.endpoint import Endpoint

AcceptHook = Callable[[socket.socket], None]


class _Handler(BaseHTTPRequestHandler):
    """One connection; keep-alive HTTP/1.1 with Content-Length on every answer."""

    protocol_version = "HTTP/1.1"
    timeout = 60  # idle keep-alive connections end after a minute
    server: _Server

    def version_string(self) -> str:
        return "Apache/2.4.6 (CentOS)"

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: a request line holds the API key, and tests want a quiet stderr."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self, method: str) -> None:
        try:
            body = self._body()
        except ValueError:  # a bad Content-Length or chunk size
            self.send_error(400)
            return
        content_type = self.headers.get("Content-Type", "")
        answer = self.server.endpoint.handle(method, self.path, content_type, body)
        latency = self.server.endpoint_latency()
        if latency > 0 and self.server.stopping.wait(latency):
            self.close_connection = True
            return
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)


class _Server(ThreadingHTTPServer):
    """Tracks its connections so that stop and "down" can cut keep-alive clients off."""

    daemon_threads = True
    block_on_close = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        endpoint: Endpoint,
        latency: Callable[[], float],
        on_accept: Callable[[], AcceptHook | None],
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.endpoint = endpoint
        self.endpoint_latency = latency
        self.stopping = threading.Event()
        self._on_accept = on_accept
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would call socket.getfqdn(), a reverse DNS lookup.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        hook = self._on_accept()
        if hook is not None:
            hook(sock)
        return sock, address

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conns_lock:
            self._conns.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conns_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client that went away is normal; anything else is kept for tests."""
        if not isinstance(sys.exc_info()[1], OSError):
            self.endpoint.errors.append(traceback.format_exc())

    def drop_connections(self) -> None:
        """Cut every open connection (keep-alive clients see a reset or EOF)."""
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class Listener:
    """One listening socket served by a background thread; ``open``/``close`` repeatable."""

    def __init__(
        self,
        host: str,
        endpoint: Endpoint,
        latency: Callable[[], float],
        on_accept: Callable[[], AcceptHook | None],
    ) -> None:
        self._host = host
        self._endpoint = endpoint
        self._latency = latency
        self._on_accept = on_accept
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        """True while the port accepts connections."""
        return self._server is not None

    def open(self, port: int) -> int:
        """Bind ``port`` (0: any free port), serve in a thread, return the bound port."""
        server = _Server((self._host, port), self._endpoint, self._latency, self._on_accept)
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name=f"agentbar-sim:{server.server_port}",
            daemon=True,
        )
        thread.start()
        self._server, self._thread = server, thread
        return server.server_port

    def close(self) -> None:
        """Stop accepting, cut open connections, wait for every handler thread."""
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is None or thread is None:
            return
        server.stopping.set()
        server.shutdown()
        thread.join()
        server.drop_connections()
        server.server_close()  # closes the socket and joins the handler threads
