"""The GUI run on the qasync loop: load, build, show, wait for quit, clean up."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import logging
import os
import secrets
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from agentbar.core.agent_state import save_state
from agentbar.core.commands import commands_from_namespace
from agentbar.core.credentials import CredentialStore, CredentialsUnavailable, env_key
from agentbar.core.logsetup import RedactingFilter, set_level
from agentbar.core.paths import Paths
from agentbar.core.phone import parse_dial_input
from agentbar.core.settings import Settings, save_settings
from agentbar.desktop.single_instance import Claim
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.gc_guard import MainThreadCollector
from agentbar.ui.i18n import install_translations
from agentbar.ui.messages import core_message
from agentbar.ui.notifier import Notifier
from agentbar.ui.startup.shell import Shell
from agentbar.ui.startup.start_data import new_http_client, read_start_data

if TYPE_CHECKING:
    # Loaded once the bar is painted: the first paint does not wait for them.
    import httpx

    from agentbar.api.client import CallCenterClient
    from agentbar.desktop.instance_server import InstanceServer
    from agentbar.ui.startup.remote_control import RemoteControl

log = logging.getLogger(__name__)
DEMO_INCOMING_EVERY_S = 45.0
#: Seconds after start-up at which _warm_up runs.
WARM_UP_AFTER_S = 1.0
#: The longest the run waits for the bar's first paint before it goes on without it.
PAINT_WAIT_S = 0.5
#: The longest the tray and the link server wait for the first poll's answer.
FIRST_POLL_WAIT_S = 0.3
#: Worker threads for disk, keyring and decoding work (made when first needed).
WORKER_THREADS = 8


def _needs_setup(settings: Settings, key: str) -> bool:
    return not (settings.server_url and settings.agent and settings.extension and key)


def _minimized(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "minimized", False)) and not args.screenshot


async def _api_key(settings: Settings, credentials: CredentialStore, notes: list[str]) -> str:
    """The key from the keyring (off the loop thread); "" when there is none."""
    if not settings.server_url:
        return ""
    try:
        return await credentials.aget(settings.server_url) or ""
    except CredentialsUnavailable as exc:
        notes.append(str(exc))
        return ""


async def run(
    args: argparse.Namespace,
    paths: Paths,
    redactor: RedactingFilter,
    *,
    claim: Claim | None = None,
) -> int:
    """Run the toolbar until the user quits; returns the exit code.

    ``claim`` makes this the single instance: it then serves other launches' commands.

    The bar is shown first, from the saved state, and painted; only then come the HTTP
    client (httpx and the API client load then), the keyring, the tray, the link server and
    the first poll (bench/startup.py). Until the client and the key are there the session is
    held: a click waits, then goes out with the key. A start at login (``--minimized``) reads
    the key and makes the tray first, to decide whether to show.
    """
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_loop_exception_handler(redactor))
    # Threads made on demand (qasync's default starts ten QThreads before its first job).
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="agentbar-io")
    )
    collector = MainThreadCollector()
    # A few small files, read before anything is shown (a worker thread measured no gain).
    start = read_start_data(paths, args)
    settings, notes = start.settings, list(start.notes)
    set_level(settings.log_level)
    install_translations(start.language, compiled=start.compiled)
    credentials: CredentialStore | None = CredentialStore(memory_only_fallback=True)
    sim: Any = None
    demo_note = ""
    if args.demo:
        from agentbar.sim import Simulator
        from agentbar.sim.seed import DEMO_AGENT, DEMO_EXTENSION

        key = secrets.token_urlsafe(16)
        sim = Simulator(api_key=key, port=0).start()
        sim.start_incoming_calls(DEMO_INCOMING_EVERY_S)
        settings = settings.replace(server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
        credentials = None
        demo_note = QApplication.translate(
            "Runner", "Demo mode: a simulated server. Press Log in (Ctrl+L)."
        )
    else:
        key = env_key() or ""  # the keyring is read once the bar is up
    redactor.add_secret(key)
    http: httpx.AsyncClient | None = None  # made once the bar is painted (below)

    def make_client(s: Settings, k: str) -> CallCenterClient:
        from agentbar.api.client import CallCenterClient

        assert http is not None, "called once the HTTP client is made (Shell waits for it)"
        return CallCenterClient(
            s.server_url or "http://invalid.invalid/api/", k, wire=s.wire, client=http
        )

    session = AgentSession(
        None,  # held: a click before the client and the key are there waits for them
        settings,
        start.state,
        save_state=lambda st: save_state(paths.state_file, st),
        save_settings=lambda st: save_settings(paths, st),
    )
    notifier = Notifier(None)
    notifier.enabled = settings.notifications
    shell = Shell(
        session,
        None,
        credentials,
        key,
        make_client=make_client,
        register_secret=redactor.add_secret,
        notifier=notifier,
        recordings_dir=paths.recordings_cache_dir,
        basedir=args.basedir,
    )
    if getattr(args, "bench_ready", False):
        _announce_ready(shell.toolbar)
    minimized = _minimized(args)
    if not minimized:
        shell.show()
        await _painted(shell.toolbar)
    if key or credentials is None:
        made = await asyncio.to_thread(_new_http_client)
    else:  # the keyring (a D-Bus round trip) meanwhile, in another thread
        made, key = await asyncio.gather(
            asyncio.to_thread(_new_http_client), _api_key(settings, credentials, notes)
        )
        if key:
            redactor.add_secret(key)
            shell.set_api_key(key)
    http = made
    shell.set_http(http)
    session.release(make_client(settings, key))
    if not _needs_setup(settings, key):
        # First contact before the tray and the link server, which can wait a round trip
        # (bench/startup.py: launch -> first request at the server).
        session.start()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(session.first_poll_done.wait(), FIRST_POLL_WAIT_S)

    from agentbar.ui.startup.remote_control import RemoteControl
    from agentbar.ui.tray import Tray, TrayActions

    tray = Tray(session)
    notifier.tray = tray.icon
    remote = RemoteControl(shell)
    remote.install()
    tray.bind(
        TrayActions(
            toggle_toolbar=remote.toggle_toolbar,
            # Late-bound: a language switch rebuilds the bar.
            toolbar_visible=lambda: shell.toolbar.isVisible(),
            dial_clipboard=remote.dial_clipboard,
            settings=lambda: shell.toolbar.settings_requested.emit(),
            quit=lambda: shell.toolbar.quit_requested.emit(),
            show_recordings=getattr(shell, "show_recordings", None),
        )
    )
    server = _serve(claim, remote, notes)
    has_tray = tray.show()
    # --minimized (a start at login): into the tray only, where Show/hide brings the bar back;
    # without a tray, with settings to fill in or a warning to read, the bar shows.
    if minimized and not (has_tray and not notes and not _needs_setup(settings, key)):
        shell.show()
    if not has_tray:
        shell.toolbar.show_message(
            "info",
            QApplication.translate(
                "Runner", "This desktop has no system tray: AgentBar works from the bar alone."
            ),
        )
    for note in notes:
        shell.toolbar.show_message("warning", core_message(note))
    if demo_note and not notes:
        shell.toolbar.show_message("info", demo_note)
    try:
        if _needs_setup(settings, key) and not args.screenshot:
            await shell.edit_settings()
        session.start()  # unless already started above
        loop.call_later(WARM_UP_AFTER_S, _warm_up, loop, settings.region)
        for command in commands_from_namespace(args):
            remote.execute(command)
        if args.screenshot:
            from agentbar.ui.startup.screenshot import save_screenshot

            await asyncio.sleep(1.5)
            save_screenshot(args.screenshot)
            shell.quit_event.set()
        await shell.quit_event.wait()
    finally:
        if server is not None:
            server.close()
        remote.uninstall()
        await shell.aclose()  # the panel's player and downloads, before the client closes
        await session.aclose()
        await http.aclose()
        tray.close()
        shell.toolbar.hide()
        if sim is not None:
            sim.stop()
        collector.stop()
    return 0


def _new_http_client() -> httpx.AsyncClient:
    """The run's HTTP client, made once the bar is painted, in a worker thread: httpx and the
    API client's modules load (~60 ms) and the TLS context reads the CA bundle (~50 ms)."""
    importlib.import_module("agentbar.api.client")  # for make_client, on the loop thread
    importlib.import_module("agentbar.api.models")  # for the first poll's reply
    return new_http_client()


async def _painted(widget: QWidget, timeout: float = PAINT_WAIT_S) -> None:
    """Until ``widget`` has been painted once (at most ``timeout``: a window manager may be slow
    to map it, and nothing after this must wait long for that)."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def painted() -> None:
        if not done.done():
            done.set_result(None)

    watcher = _PaintWatcher(widget, painted)
    try:
        await asyncio.wait_for(done, timeout)
    except TimeoutError:
        pass
    finally:
        watcher.stop()


def _warm_up(loop: asyncio.AbstractEventLoop, region: str) -> None:
    """Load what the first dial and the panel's first opening need in a worker thread, once
    the bar is up.

    phonenumbers and its metadata for ``region`` load on first use (~50 ms): neither the first
    paint nor the first dial should wait for that (bench/startup.py, bench/click_to_dial.py).
    The side panel's modules (~70 ms) made its first opening a long stall; they are plain
    Python and Qt class definitions. QtMultimedia is not among them: it comes with the first
    recording played (ui/panel/player.py).
    """

    def parse_sample() -> None:
        try:
            parse_dial_input("0212 000 00 00", region=region)
        except Exception:  # only a warm-up: the real dial reports any problem
            log.debug("number parser warm-up failed", exc_info=True)

    def import_panel() -> None:
        try:
            importlib.import_module("agentbar.ui.panel.side_panel")
        except Exception:  # only a warm-up: the panel's first opening reports any problem
            log.debug("panel warm-up failed", exc_info=True)

    loop.run_in_executor(None, parse_sample)
    loop.run_in_executor(None, import_panel)


def _serve(claim: Claim | None, remote: RemoteControl, notes: list[str]) -> InstanceServer | None:
    """Listen for other launches' commands while this process holds the instance claim."""
    if claim is None or claim.lock is None:
        return None
    from agentbar.desktop.instance_server import InstanceServer

    server = InstanceServer(claim.name)
    server.command_received.connect(remote.execute)
    if server.listen(stale=claim.recovered):
        return server
    notes.append(
        QApplication.translate(
            "Runner", "Links and other launches cannot reach this AgentBar (details in the log)."
        )
    )
    return None


def process_age_s() -> float:
    """Seconds since this process started (Linux: /proc, 10 ms steps; else since this import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in ticks
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


_IMPORTED = time.monotonic()


class _PaintWatcher(QObject):
    """Calls ``then`` once, when ``widget`` receives its first paint event."""

    def __init__(self, widget: QWidget, then: Any) -> None:
        super().__init__(widget)
        self._then = then
        self._widget: QWidget | None = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._widget is not None:
            self.stop()
            self._then()
        return False

    def stop(self) -> None:
        if self._widget is not None:
            self._widget.removeEventFilter(self)
            self._widget = None


def _announce_ready(widget: QWidget) -> None:
    """``--bench-ready``: print ``agentbar-ready SECONDS`` after the widget's first paint and
    one more turn of the event loop (painted and responsive), for bench/startup.py."""

    def announce() -> None:
        sys.stdout.write(f"agentbar-ready {process_age_s():.4f}\n")
        sys.stdout.flush()

    _PaintWatcher(widget, lambda: QTimer.singleShot(0, announce))


def _loop_exception_handler(redactor: RedactingFilter) -> Any:
    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        log.error("asyncio: %s", context.get("message"), exc_info=exc)
        if isinstance(exc, Exception):
            from agentbar.ui.startup.crash import show_crash

            show_crash(redactor.redact(f"{type(exc).__name__}: {exc}"))

    return handler
