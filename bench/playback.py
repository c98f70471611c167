"""Playback: a click on a cached recording until its position advances; and the bench driver.

    python -m bench playback [--quick]

Ours: the real AgentBar (``python -m bench.playback drive …``: AgentBar's own ``main`` with a
driver on its event loop, see :func:`drive`) against the simulator in this process. The driver
opens the side panel as the bar's Panel button does, plays two recordings once (so both are
downloaded into the cache), then "clicks" them in turn: it selects the row (which stops what
played) and presses play (``RecordingsTab.toggle``: cache lookup, load, play), timing until the
player's position is past 0. Baseline: ``python -m bench.baseline playback FILE N``, one
QMediaPlayer + QAudioOutput in the bare stack, timing ``setSource(FILE); play()`` until the
position is past 0, with the same stop between clicks, on the file our run cached.

The driver (``drive``) also serves bench/memory.py and bench/responsiveness.py. On stdin:
``play`` opens the panel, plays the first recording to its end, closes the panel and prints
``played PATH``; ``clicks N`` does the clicks above and prints ``click MS`` lines, then
``clicks-done``; ``gaps R S`` runs :func:`bench.responsiveness.phases` and prints
``gaps {json}``. Nothing of the driver is
imported before AgentBar's own start-up code runs, except QtWidgets to make the QApplication
that AgentBar then reuses.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.common import Figure

TARGET = 1.2


# -- the driver, in AgentBar's process --------------------------------------------------------


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def _until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


class _Driver:
    """Reads commands on stdin (a QSocketNotifier, on the GUI thread) and runs them."""

    def __init__(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        self._buffer = b""
        self._tasks: set[asyncio.Task[None]] = set()
        os.set_blocking(0, False)
        self._notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            chunk = os.read(0, 4096)
        except BlockingIOError:
            return
        if not chunk:
            self._notifier.setEnabled(False)
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            raw, self._buffer = self._buffer.split(b"\n", 1)
            line = raw.decode().strip()
            if line == "play":
                self._spawn(self._play())
            elif line.startswith("clicks "):
                self._spawn(self._clicks(int(line.split()[1])))
            elif line.startswith("gaps "):
                _, repeats, quiet = line.split()
                self._spawn(self._gaps(int(repeats), float(quiet)))

    def _spawn(self, coro: Any) -> None:
        async def guarded() -> None:
            try:
                await coro
            except Exception as exc:  # tell the parent instead of hanging it
                _say(f"driver-error {type(exc).__name__}: {exc}")

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    def _window(name: str) -> Any:
        from PySide6.QtWidgets import QApplication

        return next((w for w in QApplication.topLevelWidgets() if type(w).__name__ == name), None)

    async def _panel(self) -> Any:
        """The side panel, opened like the bar's Panel button does, with recordings listed."""
        panel = self._window("SidePanel")
        if panel is None or not panel.isVisible():
            self._window("Toolbar").panel_requested.emit()
        panel = await _until(
            lambda: (p := self._window("SidePanel")) is not None and p.isVisible() and p,
            30,
            "the side panel",
        )
        tab = panel.recordings
        await _until(lambda: tab.model.rowCount() > 0, 60, "the recordings list")
        return panel

    @staticmethod
    def _rows(tab: Any) -> list[int]:
        proxy = tab.proxy
        return [r for r in range(proxy.rowCount()) if proxy.entry_at(proxy.index(r, 0)).file]

    @staticmethod
    async def _click(tab: Any, row: int) -> float:
        """Select ``row``, press play; seconds until the position is past 0."""
        tab.view.selectRow(row)
        await asyncio.sleep(0.3)
        moved: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_position(ms: int) -> None:
            if ms > 0 and not moved.done():
                moved.set_result(None)

        tab.player.position_changed.connect(on_position)
        try:
            start = time.perf_counter()
            tab.toggle()
            await asyncio.wait_for(moved, 30)
            return time.perf_counter() - start
        finally:
            tab.player.position_changed.disconnect(on_position)

    async def _play(self) -> None:
        panel = await self._panel()
        tab = panel.recordings
        finished = asyncio.Event()
        tab.player.finished.connect(finished.set)
        try:
            await self._click(tab, self._rows(tab)[0])
            path = tab.player.source
            await asyncio.wait_for(finished.wait(), 60)
        finally:
            tab.player.finished.disconnect(finished.set)
        panel.hide()
        _say(f"played {path}")

    async def _clicks(self, n: int) -> None:
        panel = await self._panel()
        tab = panel.recordings
        rows = self._rows(tab)[:2]
        for row in rows:  # downloads them into the cache: not timed
            await self._click(tab, row)
        _say(f"cached {tab.player.source}")
        for i in range(n):
            seconds = await self._click(tab, rows[i % len(rows)])
            _say(f"click {seconds * 1000:.2f}")
        tab.player.stop()
        _say("clicks-done")

    @staticmethod
    async def _gaps(repeats: int, quiet_s: float) -> None:
        import json

        from bench.responsiveness import phases

        _say("gaps " + json.dumps(await phases(repeats, quiet_s)))


def drive(argv: list[str]) -> int:
    """AgentBar's ``main(argv)`` with a :class:`_Driver` on its event loop."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    driver = _Driver()
    from agentbar.app import main

    try:
        return main(argv)
    finally:
        del driver, app


def driver_argv(base: os.PathLike[str] | str, *extra: str) -> list[str]:
    """The command line of a driven AgentBar on ``base`` (key from the environment)."""
    return [
        sys.executable,
        "-m",
        "bench.playback",
        "drive",
        "--basedir",
        str(base),
        "--bench-ready",
        *extra,
    ]


# -- the case, in the bench process ------------------------------------------------------------


def run(quick: bool = False) -> list[Figure]:
    import shutil
    import tempfile
    from pathlib import Path

    from agentbar.sim import Simulator
    from bench.common import KEY, Child, Figure, median, prepare_basedir, python, warm_basedir

    processes = 1 if quick else 2
    clicks = 4 if quick else 8
    sim = Simulator(api_key=KEY, port=0).start()
    work = Path(tempfile.mkdtemp(prefix="agentbar-bench-playback-"))
    ours: list[float] = []
    base: list[float] = []
    try:
        template = prepare_basedir(work / "template", sim.url)
        warm_basedir(template)
        for i in range(processes):
            basedir = work / f"run-{i}"
            shutil.copytree(template, basedir)
            child = Child(driver_argv(basedir), stderr=work / "agentbar.stderr")
            try:
                child.wait_line("agentbar-ready", 60)
                child.send(f"clicks {clicks}")
                line, _ = child.wait_line("cached ", 120)
                cached = line.split(" ", 1)[1]
                for _ in range(clicks):
                    line, _ = child.wait_line("click ", 60)
                    ours.append(float(line.split()[1]))
                child.wait_line("clicks-done", 30)
            finally:
                child.terminate()
            bare = Child(python("-m", "bench.baseline", "playback", cached, str(clicks)))
            try:
                for _ in range(clicks):
                    line, _ = bare.wait_line("baseline-click", 60)
                    base.append(float(line.split()[1]))
                bare.wait_line("baseline-done", 30)
            finally:
                bare.close()
    finally:
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    figure = Figure(
        "playback",
        "click on a cached recording -> position advancing",
        median(ours),
        "ms",
        baseline=median(base),
        baseline_name="QMediaPlayer on the same file in the bare stack",
        target=f"<= {TARGET}x",
        samples=ours,
        baseline_samples=base,
    )
    figure.judge_ratio(TARGET)
    return [figure]


if __name__ == "__main__":
    if sys.argv[1:2] == ["drive"]:
        raise SystemExit(drive(sys.argv[2:]))
    raise SystemExit(__doc__)
