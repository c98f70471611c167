"""The GUI run on the qasync loop, phase by phase: read what the bar shows, build the windows,
connect the back end, start the services, serve until quit, shut down.

This is the composition root of a GUI run (``app.py`` prepares the process: arguments, paths,
the single-instance claim, logging, the Qt application and its loop). Each phase builds
objects and hands them on; the logic lives in the objects.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import logging
import secrets
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from agentbar.core.agent_state import save_state
from agentbar.core.commands import commands_from_namespace
from agentbar.core.credentials import CredentialStore, env_key
from agentbar.core.key_sources import FoundKey, KeySource, afind_key
from agentbar.core.logsetup import RedactingFilter, set_level
from agentbar.core.paths import Paths
from agentbar.core.phone import parse_dial_input
from agentbar.core.settings import Settings, is_cleartext, save_settings
from agentbar.desktop.single_instance import Claim
from agentbar.ui.activity import start_activity_log
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.client_gate import ClientGate, new_api_client
from agentbar.ui.gc_guard import MainThreadCollector
from agentbar.ui.i18n import install_translations
from agentbar.ui.messages import core_message
from agentbar.ui.notifier import Notifier
from agentbar.ui.startup.bench_hooks import install_bench_hooks
from agentbar.ui.startup.first_paint import painted
from agentbar.ui.startup.start_data import StartData, new_http_client, read_start_data
from agentbar.ui.startup.windows import AppWindows

if TYPE_CHECKING:
    # Loaded once the bar is painted: the first paint does not wait for them.
    import httpx

    from agentbar.desktop.busy import CallMarker
    from agentbar.desktop.instance_server import InstanceServer
    from agentbar.desktop.restart_manager import Joined
    from agentbar.ui.startup.remote_control import RemoteControl
    from agentbar.ui.startup.update_restart import UpdateRestart
    from agentbar.ui.tray import Tray

log = logging.getLogger(__name__)
DEMO_INCOMING_EVERY_S = 45.0
#: Seconds after start-up at which _warm_up runs.
WARM_UP_AFTER_S = 1.0
#: The longest the tray and the link server wait for the first poll's answer.
FIRST_POLL_WAIT_S = 0.3
#: Worker threads for disk, keyring and decoding work (made when first needed).
WORKER_THREADS = 8
#: How long --screenshot lets the windows settle before it grabs them.
SCREENSHOT_SETTLE_S = 1.5
#: What :func:`run` returns when the bar quit to restart into its updated program
#: (``agentbar.app`` then replaces the process with it).
RESTART_ASKED = 75


@dataclass
class _BackEnd:
    """Which server this run talks to, the key known at start ("" until the keyring is read)
    and where keys are kept (None in the demo: the key is the simulator's)."""

    settings: Settings
    key: str
    credentials: CredentialStore | None
    sim: Any = None  # the demo's Simulator
    note: str = ""  # said on the bar when nothing more important is
    #: Where ``key`` came from (the settings dialog and --self-test say so, never the key).
    source: KeySource | None = None


@dataclass
class _Services:
    """What runs beside the windows: the tray, remote commands, the link server."""

    tray: Tray
    remote: RemoteControl
    link_server: InstanceServer | None
    has_tray: bool
    #: ``call-active`` while a call is shown, for an upgrading installer (``agentbar --busy``).
    marker: CallMarker | None = None
    #: Windows: the bar's own answer to an installer's Restart Manager (never closed mid-call).
    restart_manager: Joined | None = None
    #: Linux/macOS: the restart into the new version after an upgrade under the running bar.
    update_restart: UpdateRestart | None = None


async def run(
    args: argparse.Namespace,
    paths: Paths,
    redactor: RedactingFilter,
    *,
    claim: Claim | None = None,
) -> int:
    """Run the toolbar until the user quits; returns the exit code, or :data:`RESTART_ASKED`
    when the bar quit to restart into its program, updated under it.

    ``claim`` makes this the single instance: it then serves other launches' commands.

    The bar is shown first, from the saved state, and painted; only then is the back end
    connected (httpx and the API client load, the keyring is read) and the client gate opened:
    a click meanwhile waits, then goes out with the key. A start at login (``--minimized``)
    connects and makes the tray first, to decide whether to show.
    """
    loop = asyncio.get_running_loop()
    _prepare_loop(loop, redactor)
    collector = MainThreadCollector()
    start = _read_start(args, paths)
    notes = list(start.notes)
    back_end = _choose_back_end(args, start.settings, redactor)
    windows = _build_windows(args, paths, start, back_end, redactor)
    minimized = _minimized(args)
    if not minimized:
        windows.show()
        await painted(windows.toolbar)
    http = await _connect_back_end(windows, back_end, start.locked, notes, redactor)
    await _first_contact(windows, back_end)
    services = _start_services(windows, claim, notes, paths, args)
    _show_or_stay_in_tray(windows, services, back_end, notes, minimized=minimized)
    try:
        await _serve_until_quit(args, windows, services, back_end)
    finally:
        await _shut_down(windows, services, http, back_end, collector)
    if services.update_restart is not None and services.update_restart.asked:
        return RESTART_ASKED
    return 0


# -- the phases, in order ----------------------------------------------------------------------


def _prepare_loop(loop: asyncio.AbstractEventLoop, redactor: RedactingFilter) -> None:
    """One error exit for the loop, and worker threads made on demand (qasync's default
    executor starts ten QThreads before its first job)."""
    loop.set_exception_handler(_loop_exception_handler(redactor))
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="agentbar-io")
    )


def _read_start(args: argparse.Namespace, paths: Paths) -> StartData:
    """The settings, state and translations the bar is shown from; the log level and the
    language applied. A few small files, read before anything is shown (reading them in a
    worker thread while the GUI modules load measured no gain: README, Performance)."""
    start = read_start_data(paths, args)
    if is_cleartext(start.settings.server_url):
        log.warning(
            "the server URL uses plain http:// to a host that is not this machine: "
            "the API key travels unencrypted"
        )
    set_level(start.settings.log_level)
    install_translations(start.language, compiled=start.compiled)
    return start


def _choose_back_end(
    args: argparse.Namespace, settings: Settings, redactor: RedactingFilter
) -> _BackEnd:
    """The configured server (key from the environment now, else from the keyring once the
    bar is up), or for ``--demo`` a simulator started here."""
    if not args.demo:
        key = env_key() or ""
        redactor.add_secret(key)
        source = KeySource.ENVIRONMENT if key else None
        return _BackEnd(settings, key, CredentialStore(memory_only_fallback=True), source=source)
    from agentbar.sim import Simulator
    from agentbar.sim.seed import DEMO_AGENT, DEMO_EXTENSION

    key = secrets.token_urlsafe(16)
    redactor.add_secret(key)
    sim = Simulator(api_key=key, port=0).start()
    sim.start_incoming_calls(DEMO_INCOMING_EVERY_S)
    settings = settings.replace(server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    note = QApplication.translate("Runner", "Demo mode: a simulated server. Press Log in (Ctrl+L).")
    return _BackEnd(settings, key, None, sim, note)


def _build_windows(
    args: argparse.Namespace,
    paths: Paths,
    start: StartData,
    back_end: _BackEnd,
    redactor: RedactingFilter,
) -> AppWindows:
    """The session (its client gate still closed) and the windows, not yet shown."""
    session = AgentSession(
        ClientGate(back_end.key),
        back_end.settings,
        start.state,
        save_state=lambda st: save_state(paths.state_file, st),
        save_settings=lambda st: save_settings(paths, start.run_only.strip(st)),
    )
    notifier = Notifier(None)
    notifier.enabled = back_end.settings.notifications
    windows = AppWindows(
        session,
        back_end.credentials,
        key_source=back_end.source,
        locked=start.locked,
        register_secret=redactor.add_secret,
        notifier=notifier,
        recordings_dir=paths.recordings_cache_dir,
        basedir=args.basedir,
        log_file=paths.log_file,
    )
    install_bench_hooks(args, windows.toolbar)
    start_activity_log(session, windows)
    return windows


async def _connect_back_end(
    windows: AppWindows,
    back_end: _BackEnd,
    locked: frozenset[str],
    notes: list[str],
    redactor: RedactingFilter,
) -> httpx.AsyncClient:
    """Make the run's HTTP client and find the key (keyring, IT's key command or the machine's
    store; each in a worker thread, at the same time), then open the gate; returns the HTTP
    client (closed at shut-down). TLS problems (a bad ``ca_file``) become ``notes``."""
    key = back_end.key
    settings = back_end.settings
    if key or back_end.credentials is None:
        http = await asyncio.to_thread(_new_http_client, settings.ca_file, notes)
    else:  # the keyring is a D-Bus round trip, the key command a process: meanwhile
        http, found = await asyncio.gather(
            asyncio.to_thread(_new_http_client, settings.ca_file, notes),
            _api_key(settings, back_end.credentials, notes, "api_key_command" in locked),
        )
        key = found.key
        redactor.add_secret(key)
        windows.set_key_source(found.source if key else None)
    windows.gate.open(http, new_api_client(settings, key, http), key)
    return http


async def _first_contact(windows: AppWindows, back_end: _BackEnd) -> None:
    """Start polling, so that the first request reaches the server before the tray and the
    link server are made; they wait for its answer at most FIRST_POLL_WAIT_S
    (bench/startup.py: launch -> first request at the server)."""
    if _needs_setup(back_end.settings, windows.gate.key):
        return  # the settings dialog comes first (_serve_until_quit)
    windows.session.start()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(windows.session.first_poll_done.wait(), FIRST_POLL_WAIT_S)


def _start_services(
    windows: AppWindows,
    claim: Claim | None,
    notes: list[str],
    paths: Paths,
    args: argparse.Namespace,
) -> _Services:
    """The tray, remote commands (links, the tray's entries) and, for the single instance,
    the server other launches hand their commands to."""
    from agentbar.ui.startup.remote_control import RemoteControl
    from agentbar.ui.tray import Tray, TrayActions

    tray = Tray(windows.session)
    windows.notifier.tray = tray.icon
    remote = RemoteControl(windows)
    remote.install()
    tray.bind(
        TrayActions(
            toggle_toolbar=remote.toggle_toolbar,
            # Late-bound: a language switch rebuilds the bar.
            toolbar_visible=lambda: windows.toolbar.isVisible(),
            dial_clipboard=remote.dial_clipboard,
            settings=lambda: windows.toolbar.settings_requested.emit(),
            quit=lambda: windows.toolbar.quit_requested.emit(),
            show_recordings=windows.show_recordings,
            copy_diagnostics=windows.copy_diagnostics,
            open_log_folder=windows.open_log_folder,
            log_out=windows.request_logout,
        )
    )
    link_server = _serve(claim, remote, notes)
    marker = _call_marker(claim, windows.session, paths)
    restart_manager = _join_restart_manager(claim, windows, args)
    update_restart = _restart_after_update(claim, windows, args)
    _repair_links_soon(args)
    return _Services(
        tray,
        remote,
        link_server,
        has_tray=tray.show(),
        marker=marker,
        restart_manager=restart_manager,
        update_restart=update_restart,
    )


def _show_or_stay_in_tray(
    windows: AppWindows,
    services: _Services,
    back_end: _BackEnd,
    notes: list[str],
    *,
    minimized: bool,
) -> None:
    """--minimized (a start at login) stays in the tray, where Show/hide brings the bar back;
    without a tray, with settings to fill in or a warning to read, the bar shows. Then the
    bar says what the agent should know."""
    needs_setup = _needs_setup(back_end.settings, windows.gate.key)
    if minimized and not (services.has_tray and not notes and not needs_setup):
        windows.show()
    if not services.has_tray:
        windows.toolbar.show_message(
            "info",
            QApplication.translate(
                "Runner", "This desktop has no system tray: AgentBar works from the bar alone."
            ),
        )
    for note in notes:
        windows.toolbar.show_message("warning", core_message(note))
    if back_end.note and not notes:
        windows.toolbar.show_message("info", back_end.note)


async def _serve_until_quit(
    args: argparse.Namespace, windows: AppWindows, services: _Services, back_end: _BackEnd
) -> None:
    """Ask for the settings when some are missing, start polling, carry out this launch's
    commands, then wait for Quit (or take the --screenshot and quit)."""
    if _needs_setup(back_end.settings, windows.gate.key) and not args.screenshot:
        await windows.edit_settings()
    windows.session.start()  # unless _first_contact started it
    loop = asyncio.get_running_loop()
    loop.call_later(WARM_UP_AFTER_S, _warm_up, loop, back_end.settings.region)
    for command in commands_from_namespace(args):
        services.remote.execute(command)
    if args.screenshot:
        from agentbar.ui.startup.screenshot import save_screenshot

        await asyncio.sleep(SCREENSHOT_SETTLE_S)
        save_screenshot(args.screenshot)
        windows.quit_event.set()
    await windows.quit_event.wait()


async def _shut_down(
    windows: AppWindows,
    services: _Services,
    http: httpx.AsyncClient,
    back_end: _BackEnd,
    collector: MainThreadCollector,
) -> None:
    """Stop taking commands, let the running work finish, then close the HTTP client (the
    panel's player and downloads before it), the tray, the bar and the demo's simulator."""
    if services.link_server is not None:
        services.link_server.close()
    if services.marker is not None:
        services.marker.clear()
    if services.restart_manager is not None:
        from agentbar.desktop.restart_manager import leave_restart_manager

        leave_restart_manager(QApplication.instance(), services.restart_manager)
    if services.update_restart is not None:
        services.update_restart.stop()
    services.remote.uninstall()
    await windows.aclose()  # the panel's player and downloads, before the client closes
    await windows.session.aclose()
    await http.aclose()
    services.tray.close()
    windows.toolbar.hide()
    if back_end.sim is not None:
        back_end.sim.stop()
    collector.stop()


# -- helpers of the phases ---------------------------------------------------------------------


def _needs_setup(settings: Settings, key: str) -> bool:
    return not (settings.server_url and settings.agent and settings.extension and key)


def _minimized(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "minimized", False)) and not args.screenshot


async def _api_key(
    settings: Settings, credentials: CredentialStore, notes: list[str], command_first: bool
) -> FoundKey:
    """The key from the keyring, IT's key command or the machine's store (core/key_sources.py),
    in a worker thread; its problems go into ``notes``. A key found by the command or in the
    machine's store is never stored anywhere."""
    found = await afind_key(
        settings.server_url,
        settings.api_key_command,
        credentials=credentials,
        command_first=command_first,
    )
    notes.extend(found.problems)
    return found


def _call_marker(claim: Claim | None, session: AgentSession, paths: Paths) -> CallMarker | None:
    """The single instance keeps ``call-active`` while a call is shown, so that an upgrading
    installer (``agentbar --busy``) waits instead of closing the bar mid-call."""
    if claim is None:
        return None
    from agentbar.desktop.busy import CallMarker

    marker = CallMarker(paths.state_dir)
    marker.update(session.call is not None)
    session.call_changed.connect(lambda call: marker.update(call is not None))
    return marker


def _join_restart_manager(
    claim: Claim | None,
    windows: AppWindows,
    args: argparse.Namespace,
    *,
    platform: str = sys.platform,
    register: Callable[[str, int], int] | None = None,
) -> Joined | None:
    """Windows: the single instance answers an upgrading installer's Restart Manager itself,
    refusing to close while a call is shown, a dial is on its way or an action is in flight
    (the gap between ``--busy`` saying idle and the close), and quits the orderly way when
    it may; it registers to be restarted, as the new version, afterwards. Not for the demo,
    whose restart would be another demo."""
    if claim is None or args.demo or platform != "win32":
        return None
    from agentbar.desktop.restart_manager import (
        close_refusal,
        join_restart_manager,
        restart_arguments,
    )

    session = windows.session

    def refusal() -> str:
        return close_refusal(
            in_call=session.call is not None, dialling=session.dialling, acting=session.busy
        )

    return join_restart_manager(
        QApplication.instance(),
        refusal,
        windows.quit_event.set,
        restart_arguments(args),
        platform=platform,
        register=register,
    )


def _restart_after_update(
    claim: Claim | None,
    windows: AppWindows,
    args: argparse.Namespace,
    *,
    frozen: bool | None = None,
    executable: str = sys.executable,
    platform: str = sys.platform,
    interval_ms: int | None = None,
    check_every_ms: int | None = None,
) -> UpdateRestart | None:
    """Linux/macOS, a frozen bundle: the single instance watches its program file; replaced
    under it (an ``apt`` upgrade), it says so and restarts into the new version once no call
    is active (ui/startup/update_restart.py). Not for the demo, whose restart would be another
    demo. ``frozen`` (default ``sys.frozen``) and the rest stand in for a bundle in tests."""
    from agentbar.desktop.bundle_watch import CHECK_EVERY_MS, BundleWatcher, watched_program

    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    path = watched_program(frozen=frozen, executable=executable, platform=platform)
    if claim is None or args.demo or path is None:
        return None
    # Imported now, while the bundle is whole, with desktop/restart_manager.py, from which
    # agentbar.app takes the restart's arguments after the run, when the archive may be the
    # new version's.
    from agentbar.ui.startup.update_restart import CHECK_IDLE_EVERY_MS, UpdateRestart

    watcher = BundleWatcher(
        path, interval_ms=CHECK_EVERY_MS if interval_ms is None else interval_ms, parent=windows
    )
    restart = UpdateRestart(
        windows.session,
        lambda: windows.toolbar,  # late-bound: a language switch rebuilds the bar
        watcher,
        windows.quit_event.set,
        check_every_ms=CHECK_IDLE_EVERY_MS if check_every_ms is None else check_every_ms,
        parent=windows,
    )
    if not restart.start():
        return None
    log.info("watching %s for updates under the running bar", path)
    return restart


def _repair_links_soon(args: argparse.Namespace) -> None:
    """Linux: a per-user link registration whose program is gone (an old AppImage) would keep
    sending links to nothing; rewrite it, in a thread (desktop/handlers.py). Never for a
    ``--basedir`` or demo run, which must not touch the user's desktop files."""
    if not sys.platform.startswith("linux") or args.basedir or args.demo or args.screenshot:
        return

    def work() -> None:
        from agentbar.desktop.handlers import launch_command, repair_link_registration

        try:
            for line in repair_link_registration(launch_command()):
                log.info("%s", line)
        except OSError as exc:
            log.warning("could not repair the link registration: %s", exc)

    threading.Thread(target=work, name="agentbar-links", daemon=True).start()


def _new_http_client(ca_file: str = "", notes: list[str] | None = None) -> httpx.AsyncClient:
    """The run's HTTP client, made once the bar is painted, in a worker thread: httpx and the
    API client's modules load and the TLS context reads certificates, each long enough to
    delay the first paint (bench/startup.py); a bad ``ca_file`` or ``SSL_CERT_FILE`` becomes
    a message in ``notes``."""
    importlib.import_module("agentbar.api.client")  # for new_api_client, on the loop thread
    importlib.import_module("agentbar.api.models")  # for the first poll's reply
    return new_http_client(ca_file, notes)


def _warm_up(loop: asyncio.AbstractEventLoop, region: str) -> None:
    """Load what the first dial and the panel's first opening need in a worker thread, once
    the bar is up.

    phonenumbers and its metadata for ``region`` load on first use: neither the first paint nor
    the first dial should wait for that (bench/startup.py, bench/click_to_dial.py). The side
    panel's modules made its first opening a long stall; they are plain Python and Qt class
    definitions. QtMultimedia is not among them: it comes with the first
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
    server.answer = remote.answer  # a refused command makes the sending launch exit non-zero
    if server.listen(stale=claim.recovered):
        return server
    if claim.problem:  # a socket folder another user owns or may enter: never used
        text = QApplication.translate(
            "Runner",
            "Links and other launches cannot reach this AgentBar: its socket folder is not "
            "private to you (details in the log).",
        )
    else:
        text = QApplication.translate(
            "Runner", "Links and other launches cannot reach this AgentBar (details in the log)."
        )
    notes.append(text)
    remote.windows.toolbar.notes.set("socket", text)  # stays on the bar, unlike a message
    return None


def _loop_exception_handler(redactor: RedactingFilter) -> Any:
    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        log.error("asyncio: %s", context.get("message"), exc_info=exc)
        if isinstance(exc, Exception):
            from agentbar.ui.startup.crash import show_crash

            show_crash(redactor.redact(f"{type(exc).__name__}: {exc}"))

    return handler
