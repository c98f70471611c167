"""The bare stack every case is compared with: a PySide6 window with QtMultimedia, httpx and
qasync imported, on a qasync loop, and nothing else.

    python -m bench.baseline startup            print "baseline-ready SECONDS" once painted, exit
    python -m bench.baseline first_request URL  the same, then one POST to URL with httpx
                                                ("baseline-sent"), exit
    python -m bench.baseline idle               the same, then stay up; stdin "play FILE"
                                                plays a file with one QMediaPlayer ("played")
    python -m bench.baseline ticker SECONDS     a 10 ms QTimer for SECONDS with nothing running:
                                                "baseline-gaps {json}" (largest gap, ms)
    python -m bench.baseline playback FILE N    N times: stop, then set FILE and play until the
                                                position advances ("baseline-click MS")

The ready line carries the seconds since the process started, as AgentBar's ``--bench-ready``
does; the cases time the same moment from the parent (launch until the line arrives). Every
mode except ``startup`` quits when its standard input ends.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any

# The whole stack, in the order AgentBar imports it: PySide6 first, then (in run()) httpx and
# qasync once the QApplication exists.
from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Qt, QTimer, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

# Nothing from bench/ (bench.common alone costs ~25 ms of imports the bare stack does not pay).


def process_age_s() -> float:
    """Seconds since this process started (as AgentBar's --bench-ready reports it)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


_IMPORTED = time.monotonic()


class Ticker:
    """A precise 10 ms QTimer that keeps its largest gap between two ticks (ms)."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.ticks = 0
        self.max_gap_ms = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.ticks, self.max_gap_ms = 0, 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        self._tick()
        return {"max_gap_ms": round(self.max_gap_ms, 2), "ticks": self.ticks}

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1


class FirstPaint(QObject):
    """Calls ``then`` one event-loop turn after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Any) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class StdinLines(QObject):
    """Feeds each line of standard input to ``on_line`` on the GUI thread; "" at the end."""

    def __init__(self, on_line: Any) -> None:
        super().__init__()
        self._on_line = on_line
        self._buffer = b""
        fd = sys.stdin.fileno()
        os.set_blocking(fd, False)
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            chunk = os.read(sys.stdin.fileno(), 4096)
        except BlockingIOError:
            return
        if not chunk:
            self._notifier.setEnabled(False)
            self._on_line("")
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if line.strip():
                self._on_line(line.decode().strip())


def window() -> QWidget:
    w = QWidget()
    w.setWindowTitle("baseline")
    layout = QHBoxLayout(w)
    layout.addWidget(QLabel("A bare PySide6 window"))
    layout.addWidget(QPushButton("OK"))
    w.resize(600, 40)
    return w


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def wait_position(player: QMediaPlayer, timeout: float = 10.0) -> None:
    """Until the player's position is past 0."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def moved(ms: int) -> None:
        if ms > 0 and not done.done():
            done.set_result(None)

    player.positionChanged.connect(moved)
    try:
        await asyncio.wait_for(done, timeout)
    finally:
        player.positionChanged.disconnect(moved)


async def main(mode: str, args: list[str]) -> int:
    w = window()
    quit_ = asyncio.Event()
    painted = asyncio.Event()

    def ready() -> None:
        say(f"baseline-ready {process_age_s():.4f}")
        painted.set()
        if mode in ("startup", "first_request"):
            quit_.set()

    FirstPaint(w, ready)
    w.show()
    if mode == "startup":
        await quit_.wait()
        return 0
    if mode == "first_request":
        import httpx

        await quit_.wait()
        async with httpx.AsyncClient() as client:
            await client.post(args[0])
        say("baseline-sent")
        return 0
    await painted.wait()
    if mode == "ticker":
        ticker = Ticker()
        ticker.start()
        await asyncio.sleep(float(args[0]))
        say("baseline-gaps " + json.dumps(ticker.stop()))
        return 0
    player = QMediaPlayer()
    output = QAudioOutput()
    player.setAudioOutput(output)
    if mode == "playback":
        url = QUrl.fromLocalFile(args[0])
        for _ in range(int(args[1])):
            player.stop()
            player.setSource(QUrl())
            await asyncio.sleep(0.3)
            start = time.perf_counter()
            player.setSource(url)
            player.play()
            await wait_position(player)
            say(f"baseline-click {(time.perf_counter() - start) * 1000:.2f}")
        player.stop()
        player.setSource(QUrl())
        say("baseline-done")
        return 0
    # idle: wait for "play FILE" lines until stdin ends
    tasks: set[asyncio.Task[None]] = set()

    async def play(path: str) -> None:
        finished = asyncio.Event()

        def status(s: QMediaPlayer.MediaStatus) -> None:
            if s in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
                finished.set()

        player.mediaStatusChanged.connect(status)
        player.setSource(QUrl.fromLocalFile(path))
        player.play()
        try:
            await asyncio.wait_for(finished.wait(), 60)
        finally:
            player.mediaStatusChanged.disconnect(status)
            player.stop()
            player.setSource(QUrl())
        say("played")

    def on_line(line: str) -> None:
        if not line:
            quit_.set()
        elif line.startswith("play "):
            task = asyncio.ensure_future(play(line[5:]))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    stdin = StdinLines(on_line)
    await quit_.wait()
    del stdin
    return 0


def run(argv: list[str]) -> int:
    mode, rest = argv[0], argv[1:]
    if mode not in ("startup", "first_request", "idle", "ticker", "playback"):
        raise SystemExit(__doc__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    import httpx  # noqa: F401  (part of the baseline's cost)
    import qasync

    result: int = asyncio.run(main(mode, rest), loop_factory=qasync.QEventLoop)
    return result


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
