"""Responsiveness: the largest gap of a 10 ms timer on AgentBar's event loop under load.

    python -m bench responsiveness [--quick]

The real AgentBar (bench/playback.py's driver: AgentBar's own ``main`` with a driver on its
event loop), logged in and polling every 1 s, offscreen. Told ``gaps R S`` on its stdin, the
driver starts a precise 10 ms QTimer and records the longest time between two of its ticks
(the longest the GUI could not react) during each load, R times:

- polling at 1 s, nothing else (S seconds);
- 10,000 recordings loading into the panel: two soundRecords replies decoded, merged, put into
  the table model and sorted (the first time by the bar's Panel button, which also loads the
  history and the queues; then by Refresh);
- 100 concurrent API calls (breakList and activeCalls, through the session's client);
- a 20 MB recording downloading into the recordings cache;
- the hostile bodies of ``agentbar.sim.faults.slow_pattern_bodies`` (8 MB each: runs of
  ``<``, nested unclosed tags) answered to concurrent calls and decoded into errors;
- all of these at once.

The server is a small stub in this process: it answers soundRecords with 10,000 rows (the
same rows as bench/recordings_list.py), downloadRecording with a 20 MB WAV and getCallDetail
with the hostile body its ``phone`` names, and forwards every other request to the simulator
(also here). Baseline: the same timer in the bare stack window with nothing running
(``python -m bench.baseline ticker S``). Target: at most 25 ms. Each load runs 3 times
(1 with --quick); the figure is the median of the runs' largest gaps (all of them are in the
JSON).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from bench.common import Figure

TARGET_MS = 25.0
ROWS = 10_000
DOWNLOAD_BYTES = 20 * 1024 * 1024
PHASES = (
    ("polling", "polling at 1 s"),
    ("calls", "100 concurrent API calls"),
    ("download", "a 20 MB recording downloading"),
    ("hostile", "8 MB hostile bodies decoding"),
    ("recordings", "10,000 recordings loading into the panel"),
    ("all", "all of these at once"),
)


# -- the stub server (bench process) ---------------------------------------------------------


def wav_header(data_bytes: int, rate: int = 8000) -> bytes:
    """A 16-bit mono PCM WAV header for ``data_bytes`` of samples."""
    import struct

    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


class _Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StubServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        query = parse_qs(urlsplit(self.path).query)
        module = query.get("module", [""])[0]
        if module == "soundRecords":
            form = parse_qs(body.decode("utf-8", "replace"))
            called = "aranan_numara" in form or "aranan_numara" in query
            self._reply(200, self.server.records[called], "application/json")
        elif module == "downloadRecording":
            self._download()
        elif module == "getCallDetail":
            form = parse_qs(body.decode("utf-8", "replace"))
            name = (form.get("phone") or query.get("phone") or [""])[0]
            self._reply(200, self.server.hostile.get(name, b""), "text/html")
        else:
            self._forward(body)

    def _download(self) -> None:
        size = DOWNLOAD_BYTES
        self.send_response(200)
        self.send_header("Content-Type", "audio/x-wav")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        header = wav_header(size - 44)
        self.wfile.write(header)
        chunk = bytes(64 * 1024)
        left = size - len(header)
        while left > 0:
            n = min(left, len(chunk))
            self.wfile.write(chunk[:n])
            left -= n

    def _forward(self, body: bytes) -> None:
        request = urllib.request.Request(
            self.server.upstream + self.path,
            data=body if self.command == "POST" else None,
            method=self.command,
            headers={"Content-Type": self.headers.get("Content-Type", "text/plain")},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, data = response.status, response.read()
                kind = response.headers.get("Content-Type", "text/plain")
        except urllib.error.HTTPError as exc:
            status, data = exc.code, exc.read()
            kind = exc.headers.get("Content-Type", "text/plain")
        self._reply(status, data, kind)


class StubServer(ThreadingHTTPServer):
    """soundRecords (10,000 rows), downloadRecording (20 MB) and getCallDetail (hostile
    bodies) here; the rest upstream."""

    daemon_threads = True

    def __init__(self, upstream_url: str, rows: int = ROWS) -> None:
        from agentbar.sim.faults import slow_pattern_bodies
        from bench.recordings_list import EXT, make_body

        super().__init__(("127.0.0.1", 0), _Stub)
        parts = urlsplit(upstream_url)
        self.upstream = f"{parts.scheme}://{parts.netloc}"
        everything = json.loads(make_body(rows))["activecalls"]
        self.records = {
            called: json.dumps(
                {
                    "result": "true",
                    "activecalls": [r for r in everything if (r["aranan_numara"] == EXT) == called],
                },
                ensure_ascii=False,
            ).encode()
            for called in (False, True)
        }
        self.hostile = slow_pattern_bodies()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        # http.server writes headers and body apart: without this each reply waits ~40 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, address

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/"

    def start(self) -> StubServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


# -- in AgentBar's process (through bench/playback.py's driver) --------------------------------


async def phases(repeats: int, quiet_s: float) -> dict[str, list[float]]:
    """Each load of the module text ``repeats`` times; the largest gap of each run (ms).

    Runs in a driven AgentBar (bench/playback.py): finds the bar among the top-level windows,
    and through it the session, its client and (once opened) the side panel.
    """
    from PySide6.QtWidgets import QApplication

    from bench.baseline import Ticker

    def window(name: str) -> Any:
        widgets = QApplication.topLevelWidgets()
        return next((w for w in widgets if type(w).__name__ == name), None)

    toolbar = window("Toolbar")
    session = toolbar.session
    ticker = Ticker()
    downloads = 0
    panel: Any = None

    async def calls() -> None:
        client = session.client
        await asyncio.gather(
            *(client.break_list() for _ in range(50)),
            *(client.active_calls() for _ in range(50)),
        )

    async def download() -> None:
        nonlocal downloads
        downloads += 1
        work = panel.panel
        done = asyncio.Event()
        work.recording_ready.connect(done.set)
        work.download_failed.connect(done.set)
        try:
            work.fetch(f"/var/spool/asterisk/monitor/bench/big-{downloads}.wav")
            await asyncio.wait_for(done.wait(), 120)
        finally:
            work.recording_ready.disconnect(done.set)
            work.download_failed.disconnect(done.set)

    async def recordings() -> None:
        nonlocal panel
        loaded = asyncio.Event()
        if panel is None:  # the first time: the bar's Panel button, which loads everything
            toolbar.panel_requested.emit()
            panel = window("SidePanel")
            panel.panel.recordings_loaded.connect(loaded.set)
        else:  # later: Refresh
            panel.panel.recordings_loaded.connect(loaded.set)
            panel.panel.load_recordings()
        try:
            await asyncio.wait_for(loaded.wait(), 120)
            await asyncio.sleep(0.3)  # the view repaints
            assert panel.recordings.model.rowCount() >= ROWS, "the stub's rows did not arrive"
        finally:
            panel.panel.recordings_loaded.disconnect(loaded.set)

    # Imported before any timing: the first import of the simulator's package is not a load.
    from agentbar.api import CallCenterError
    from agentbar.sim.faults import slow_pattern_bodies

    hostile_names = list(slow_pattern_bodies(64))

    async def hostile() -> None:
        async def one(name: str) -> None:
            try:
                await session.client.call("getCallDetail", {"phone": name})
            except CallCenterError:
                return
            raise AssertionError(f"the hostile body {name} was accepted")

        await asyncio.gather(*(one(name) for name in hostile_names))

    async def everything() -> None:
        await asyncio.gather(calls(), download(), recordings(), hostile())

    async def quiet() -> None:
        await asyncio.sleep(quiet_s)

    loads: dict[str, Callable[[], Awaitable[None]]] = {
        "polling": quiet,
        "recordings": recordings,  # before "download": it opens the panel
        "calls": calls,
        "download": download,
        "hostile": hostile,
        "all": everything,
    }
    gaps: dict[str, list[float]] = {name: [] for name in loads}
    for _ in range(repeats):
        for name, load in loads.items():
            ticker.start()
            await load()
            await asyncio.sleep(0.2)
            gaps[name].append(ticker.stop()["max_gap_ms"])
            await asyncio.sleep(0.5)
    return gaps


# -- the case (bench process) -----------------------------------------------------------------


def run(quick: bool = False) -> list[Figure]:
    import shutil
    import tempfile
    from pathlib import Path

    from agentbar.sim import Simulator
    from bench.common import KEY, Child, Figure, median, prepare_basedir, python, warm_basedir
    from bench.playback import driver_argv

    repeats = 1 if quick else 3
    quiet_s = 2.0 if quick else 4.0
    sim = Simulator(api_key=KEY, port=0).start()
    stub = StubServer(sim.url).start()
    work = Path(tempfile.mkdtemp(prefix="agentbar-bench-responsiveness-"))
    base: list[float] = []
    try:
        for _ in range(repeats):
            bare = Child(python("-m", "bench.baseline", "ticker", str(quiet_s)))
            try:
                line, _ = bare.wait_line("baseline-gaps", 60)
                base.append(json.loads(line.split(" ", 1)[1])["max_gap_ms"])
            finally:
                bare.close()
        basedir = prepare_basedir(work / "agentbar", stub.url, poll_interval_s=1.0)
        warm_basedir(basedir)
        ours = Child(driver_argv(basedir), stderr=work / "agentbar.stderr")
        try:
            ours.wait_line("agentbar-ready", 60)
            time.sleep(2.0)  # past the start-up warm-up (agentbar/ui/startup/runner.py)
            ours.send(f"gaps {repeats} {quiet_s}")
            line, _ = ours.wait_line("gaps ", 600)
        finally:
            ours.terminate()
        gaps: dict[str, list[float]] = json.loads(line.split(" ", 1)[1])
    finally:
        stub.stop()
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    figures = []
    for name, title in PHASES:
        values = gaps[name]
        figure = Figure(
            "responsiveness",
            f"largest gap, {title}",
            median(values),
            "ms",
            baseline=median(base),
            baseline_name="10 ms timer in the bare stack, nothing running",
            target=f"<= {TARGET_MS:g} ms",
            samples=values,
            baseline_samples=base,
        )
        figure.met = figure.value <= TARGET_MS
        figures.append(figure)
    return figures


if __name__ == "__main__":
    raise SystemExit(__doc__)
