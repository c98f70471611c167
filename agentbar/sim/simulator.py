"""Simulator: the stateful vendor-API stand-in on loopback, for tests and ``agentbar --demo``."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from types import TracebackType

from agentbar.sim.clock import SimClock
from agentbar.sim.endpoint import Endpoint, HttpAnswer, RecordedRequest
from agentbar.sim.errors import SimFailure
from agentbar.sim.faults import Faults
from agentbar.sim.handlers import Options
from agentbar.sim.seed import DEMO_API_KEY
from agentbar.sim.server import AcceptHook, Listener
from agentbar.sim.state import SimState

JSON_RECORD_KEYS = ("activecalls", "call_records")
BREAK_END_JSON = ("block", "message")


class Simulator:
    """A faithful, stateful simulation of the call-center HTTP API in a background thread.

    ``start()`` binds ``host:port`` (0: a free port) and returns self; ``stop()`` closes every
    socket and joins every thread, so a test session may start and stop many of them. The
    key passed as ``api_key`` is never logged nor kept in ``requests``.
    """

    def __init__(
        self,
        api_key: str = DEMO_API_KEY,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: Faults | None = None,
        time_scale: float = 1.0,
        numeric_lists: bool = False,
        json_record_key: str = "activecalls",
        seed: int = 1234,
        *,
        break_end_json: str = "block",
        clock: SimClock | None = None,
    ) -> None:
        if json_record_key not in JSON_RECORD_KEYS:
            raise ValueError(f"json_record_key must be one of {JSON_RECORD_KEYS}")
        if break_end_json not in BREAK_END_JSON:
            raise ValueError(f"break_end_json must be one of {BREAK_END_JSON}")
        self.host = host
        self.clock = clock or SimClock(time_scale)
        self.state = SimState(self.clock, seed)
        self.faults = faults if faults is not None else Faults()
        self.options = Options(numeric_lists, json_record_key, break_end_json)
        #: Called with each accepted socket (after TCP_NODELAY is set); for tests.
        self.on_accept: AcceptHook | None = None
        self._endpoint = Endpoint(api_key, self.state, self.faults, self.options, seed)
        self._listener = Listener(host, self._endpoint, self._latency, lambda: self.on_accept)
        self._port = port
        self._lock = threading.RLock()
        self._running = False

    # -- properties ---------------------------------------------------------------------
    @property
    def port(self) -> int:
        """The bound port (the requested one before ``start()``)."""
        return self._port

    @property
    def url(self) -> str:
        """``http://HOST:PORT/api/``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._port}/api/"

    @property
    def requests(self) -> deque[RecordedRequest]:
        """The last 10,000 requests (method, module, params without the key, format)."""
        return self._endpoint.requests

    @property
    def on_request(self) -> Callable[[RecordedRequest], None] | None:
        """Called with each request as it arrives, in the server's thread (the key is never
        part of it); for the benches."""
        return self._endpoint.on_request

    @on_request.setter
    def on_request(self, hook: Callable[[RecordedRequest], None] | None) -> None:
        self._endpoint.on_request = hook

    @property
    def errors(self) -> list[str]:
        """Tracebacks of simulator bugs (answered HTTP 500); empty in a healthy run."""
        return self._endpoint.errors

    @property
    def running(self) -> bool:
        """True between ``start()`` and ``stop()`` (even while "down")."""
        return self._running

    def _latency(self) -> float:
        return float(self.faults.latency)

    def answer(self, method: str, target: str, content_type: str, body: bytes) -> HttpAnswer:
        """Answer one request without sockets (``target``: path and query, e.g.
        ``/api/?module=…``), as the HTTP side would; for the in-process transport
        (sim/inprocess.py). "down" and latency are the caller's to apply."""
        return self._endpoint.handle(method, target, content_type, body)

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> Simulator:
        """Bind and serve in a background thread; returns self. Starts "down" if asked."""
        with self._lock:
            if self._running:
                raise RuntimeError("simulator already running")
            self._port = self._listener.open(self._port)
            self._running = True
            self.faults.watch_down(self._apply_down)
            if self.faults.down:
                self._listener.close()
        return self

    def stop(self) -> None:
        """Close the port and every connection, join all threads. Idempotent."""
        with self._lock:
            self.faults.watch_down(None)
            self._listener.close()
            self._running = False

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def set_down(self, down: bool) -> None:
        """Down: connection refused (socket closed); up again: the same port reopens."""
        self.faults.down = down

    def _apply_down(self, down: bool) -> None:
        with self._lock:
            if not self._running:
                return
            if down and self._listener.is_open:
                self._listener.close()
            elif not down and not self._listener.is_open:
                self._listener.open(self._port)

    # -- calls --------------------------------------------------------------------------
    def inject_incoming_call(
        self,
        extension: str,
        number: str,
        name: str = "",
        *,
        ring_s: float | None = None,
        talk_s: float | None = None,
    ) -> None:
        """A call from ``number`` ringing ``extension``, answered after ``ring_s`` (default
        3-8) simulated seconds, ended by the caller ``talk_s`` (default 20-180) later, leaving a
        CDR and a recording. ValueError for an unknown extension."""
        try:
            self.state.calls.incoming(extension, number, name, ring_s, talk_s)
        except SimFailure as refusal:
            raise ValueError(refusal.message) from None

    def start_incoming_calls(
        self, mean_interval_s: float, *, extensions: Iterable[str] | None = None
    ) -> None:
        """Random incoming calls, one per ``mean_interval_s`` simulated seconds on average, to
        free agents (logged in, not on a break, not in a call), optionally only at
        ``extensions``. Time is lazy: calls appear when the server is asked (any request) or
        ``state.calls`` is looked at, dated when they were due."""
        self.state.calls.start_random(mean_interval_s, extensions)

    def stop_incoming_calls(self) -> None:
        """No more random incoming calls."""
        self.state.calls.stop_random()
