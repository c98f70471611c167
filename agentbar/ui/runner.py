"""The GUI run on the qasync loop: load, build, show, wait for quit, clean up."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import ssl
import sys
import time
from concurrent.futures import Future
from typing import Any

import httpx
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from agentbar.api import CallCenterClient
from agentbar.api.transport import DEFAULT_TIMEOUT
from agentbar.core.agent_state import load_state, save_state
from agentbar.core.commands import commands_from_namespace
from agentbar.core.credentials import CredentialStore, CredentialsUnavailable, env_key
from agentbar.core.logsetup import RedactingFilter, set_level
from agentbar.core.paths import Paths
from agentbar.core.phone import parse_dial_input
from agentbar.core.settings import Settings, load_settings, save_settings
from agentbar.desktop.instance_server import InstanceServer
from agentbar.desktop.single_instance import Claim
from agentbar.ui.crash import show_crash
from agentbar.ui.gc_guard import MainThreadCollector
from agentbar.ui.i18n import choose_language, install_translations
from agentbar.ui.i18n import prepare as i18n_prepare
from agentbar.ui.notifier import Notifier
from agentbar.ui.remote_control import RemoteControl
from agentbar.ui.screenshot import save_screenshot
from agentbar.ui.session import AgentSession
from agentbar.ui.shell import Shell
from agentbar.ui.texts import core_message
from agentbar.ui.tray import Tray, TrayActions

log = logging.getLogger(__name__)
DEMO_INCOMING_EVERY_S = 45.0
#: Seconds after start-up at which _warm_up runs.
WARM_UP_AFTER_S = 1.0


def _overrides(settings: Settings, args: argparse.Namespace) -> Settings:
    changes = {
        name: value
        for name, value in (
            ("server_url", args.url),
            ("agent", args.agent),
            ("extension", args.extension),
        )
        if value
    }
    return settings.replace(**changes) if changes else settings


def _needs_setup(settings: Settings, key: str) -> bool:
    return not (settings.server_url and settings.agent and settings.extension and key)


def _minimized(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "minimized", False)) and not args.screenshot


async def _api_key(settings: Settings, credentials: CredentialStore, notes: list[str]) -> str:
    """The key from AGENTBAR_API_KEY, else the keyring (off the loop thread)."""
    key = env_key()
    if key or not settings.server_url:
        return key or ""
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
    tls: Future[ssl.SSLContext] | None = None,
) -> int:
    """Run the toolbar until the user quits; returns the exit code.

    ``claim`` makes this the single instance: it then serves other launches' commands.
    ``tls`` is the HTTP client's TLS context being built in a worker thread (default: httpx
    builds its own, on this thread).
    """
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_loop_exception_handler(redactor))
    collector = MainThreadCollector()
    loaded = await asyncio.to_thread(load_settings, paths)
    notes = list(loaded.messages)
    settings = _overrides(loaded.settings, args)
    set_level(settings.log_level)
    language = choose_language(settings.language)
    qm = await asyncio.to_thread(i18n_prepare, language, paths.cache_dir)
    install_translations(language, compiled=qm)
    credentials: CredentialStore | None = CredentialStore(memory_only_fallback=True)
    sim: Any = None
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
        assert credentials is not None
        key = await _api_key(settings, credentials, notes)
    redactor.add_secret(key)
    state, state_note = await asyncio.to_thread(load_state, paths.state_file)
    if state_note:
        notes.append(state_note)

    verify: ssl.SSLContext | bool = True
    if tls is not None:
        verify = await asyncio.wrap_future(tls)
    http = httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, follow_redirects=False, verify=verify)

    def make_client(s: Settings, k: str) -> CallCenterClient:
        return CallCenterClient(
            s.server_url or "http://invalid.invalid/api/", k, wire=s.wire, client=http
        )

    session = AgentSession(
        make_client(settings, key),
        settings,
        state,
        save_state=lambda st: save_state(paths.state_file, st),
        save_settings=lambda st: save_settings(paths, st),
    )
    tray = Tray(session)
    notifier = Notifier(tray.icon)
    notifier.enabled = settings.notifications
    shell = Shell(
        session,
        http,
        credentials,
        key,
        make_client=make_client,
        register_secret=redactor.add_secret,
        notifier=notifier,
        recordings_dir=paths.recordings_cache_dir,
        basedir=args.basedir,
    )
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
    if getattr(args, "bench_ready", False):
        _ReadyAnnouncer(shell.toolbar)
    has_tray = tray.show()
    # --minimized (a start at login): into the tray only, where Show/hide brings the bar back;
    # without a tray, with settings to fill in or a warning to read, the bar shows.
    if not (has_tray and _minimized(args) and not notes and not _needs_setup(settings, key)):
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
    if args.demo and not notes:
        shell.toolbar.show_message("info", demo_note)
    try:
        if _needs_setup(settings, key) and not args.screenshot:
            await shell.edit_settings()
        session.start()
        loop.call_later(WARM_UP_AFTER_S, _warm_up, loop, settings.region)
        for command in commands_from_namespace(args):
            remote.execute(command)
        if args.screenshot:
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


def _warm_up(loop: asyncio.AbstractEventLoop, region: str) -> None:
    """Load what the first dial needs in a worker thread, once the bar is up.

    phonenumbers and its metadata for ``region`` load on first use (~50 ms): neither the first
    paint nor the first dial should wait for that (bench/startup.py, bench/click_to_dial.py).
    """

    def parse_sample() -> None:
        try:
            parse_dial_input("0212 000 00 00", region=region)
        except Exception:  # only a warm-up: the real dial reports any problem
            log.debug("number parser warm-up failed", exc_info=True)

    loop.run_in_executor(None, parse_sample)


def _serve(claim: Claim | None, remote: RemoteControl, notes: list[str]) -> InstanceServer | None:
    """Listen for other launches' commands while this process holds the instance claim."""
    if claim is None or claim.lock is None:
        return None
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


class _ReadyAnnouncer(QObject):
    """``--bench-ready``: print ``agentbar-ready SECONDS`` after the widget's first paint and
    one more turn of the event loop (painted and responsive), for bench/startup.py."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._announce)
        return False

    def _announce(self) -> None:
        sys.stdout.write(f"agentbar-ready {process_age_s():.4f}\n")
        sys.stdout.flush()


def _loop_exception_handler(redactor: RedactingFilter) -> Any:
    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        log.error("asyncio: %s", context.get("message"), exc_info=exc)
        if isinstance(exc, Exception):
            show_crash(redactor.redact(f"{type(exc).__name__}: {exc}"))

    return handler
