"""The process: arguments, paths, the single-instance claim, logging, QApplication, the loop.

:func:`main` does what every launch needs and hands the GUI run to
:func:`agentbar.ui.startup.runner.run`, which builds and wires the windows in its phases. A
second launch forwards its commands to the running instance and exits here, before any GUI,
qasync or httpx import; so does ``--self-test``, before anything else.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from agentbar import __version__
from agentbar.core.commands import (
    Command,
    CommandError,
    add_command_options,
    commands_from_namespace,
)
from agentbar.core.paths import Paths

if TYPE_CHECKING:
    from agentbar.core.logsetup import RedactingFilter
    from agentbar.desktop.single_instance import Claim

log = logging.getLogger("agentbar")
#: sys.setswitchinterval() for the GUI run (Python's default is 0.005).
GIL_SWITCH_INTERVAL_S = 0.0002


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agentbar",
        description="AgentBar: the always-on-top call-center agent toolbar.",
    )
    parser.add_argument("target", nargs="?", help="a number or tel:/callto:/sip: link to dial")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against a built-in simulated server (no settings needed)",
    )
    parser.add_argument(
        "--basedir", metavar="DIR", help="keep all config, state, cache and logs under DIR"
    )
    parser.add_argument("--url", help="API base URL for this run, e.g. https://pbx/api/")
    parser.add_argument("--agent", help="agent number for this run")
    parser.add_argument("--extension", help="phone extension for this run")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="show the bar, let it settle, save a grab of every window, exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check in a few seconds that this installation is complete (no server needed), "
        "print a line per check and exit 0 (passed) or 1 (failed)",
    )
    parser.add_argument(
        "--register-handlers",
        action="store_true",
        help="make AgentBar a handler of tel:, callto: and sip: links, then exit",
    )
    parser.add_argument(
        "--unregister-handlers",
        action="store_true",
        help="remove what --register-handlers wrote, then exit",
    )
    parser.add_argument(
        "--set-default",
        action="store_true",
        help="with --register-handlers: also make AgentBar the default for those links",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start with the bar hidden in the system tray (how AgentBar starts at login); "
        "without a tray the bar shows",
    )
    parser.add_argument(
        "--busy",
        action="store_true",
        help="for installers: exit 3 when a running AgentBar is in a call, else 0 (nothing starts)",
    )
    parser.add_argument(
        "--all-users",
        action="store_true",
        help="with --busy: look at every user's AgentBar (needs administrator rights)",
    )
    parser.add_argument(
        "--store-machine-key",
        action="store_true",
        help="for the Windows installer's /APIKEY=: store the key given in the environment "
        "variable AGENTBAR_INSTALL_API_KEY for every user of this computer (DPAPI)",
    )
    # Measurement hook for bench/, not for people: see ui/startup/bench_hooks.py.
    parser.add_argument("--bench-ready", action="store_true", help=argparse.SUPPRESS)
    add_command_options(parser)
    parser.add_argument("--version", action="version", version=f"AgentBar {__version__}")
    return parser


def main(
    argv: list[str] | None = None,
    *,
    exec_program: Callable[[str, list[str]], object] = os.execv,
) -> int:
    """Run AgentBar; returns the process exit code.

    A bar whose program was updated under it (ui/startup/update_restart.py) ends its run
    asking for a restart: once Qt's loop is closed and the single-instance claim released,
    ``exec_program`` (``os.execv``) replaces this process with the new program, with this
    run's lasting arguments (never a one-shot link or command)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        commands = commands_from_namespace(args)
    except CommandError as exc:
        parser.error(str(exc))
    from agentbar.desktop.pyside_setup import skip_feature_scan

    skip_feature_scan()  # before anything else imports: start-up time and memory (see the module)
    if args.self_test:
        # Before any settings, logging, single-instance or GUI work: it must run anywhere.
        from agentbar.desktop.selftest import run_self_test

        return run_self_test()
    paths, demo_dir = _paths_for(args)
    if args.store_machine_key:
        from agentbar.desktop.machine_key import store_machine_key_main

        return store_machine_key_main()
    if args.busy:  # an installer asks before an upgrade: no files, no Qt, no instance
        from agentbar.desktop.busy import busy_main

        return busy_main(paths.state_dir, all_users=args.all_users)
    claim: Claim | None = None
    try:
        paths.ensure()
        if args.register_handlers or args.unregister_handlers:
            return _handlers(args)
        if not args.screenshot:
            outcome = _claim_instance(args, paths, commands)
            if isinstance(outcome, int):
                return outcome
            claim = outcome
        # Only now: logsetup (and the logging.handlers it imports), which a second launch
        # must not pay.
        from agentbar.core.logsetup import setup_logging

        redactor = setup_logging(paths.log_file, stderr=True)
        code = _run_qt(args, paths, redactor, claim)
        if code != _restart_asked():
            return code
    finally:
        if claim is not None:
            claim.give_up()
        if demo_dir:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return _restart(args, exec_program)


def _restart_asked() -> int:
    from agentbar.ui.startup.runner import RESTART_ASKED  # loaded by the run

    return RESTART_ASKED


def _restart(args: argparse.Namespace, exec_program: Callable[[str, list[str]], object]) -> int:
    """Replace this process with the (updated) program; returns 1 when that fails."""
    # Loaded at start-up by the run that asked (ui/startup/runner.py): nothing is read from
    # the bundle's archive now, which is the new version's.
    from agentbar.desktop.restart_manager import restart_arguments

    program = sys.executable
    arguments = [program, *restart_arguments(args)]
    log.warning("restarting: %s", " ".join(arguments))
    if getattr(sys, "frozen", False):
        # The new bootloader starts afresh, not as a child of this one (PyInstaller >= 6.9).
        os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    # exec runs no atexit handler: flush what is buffered (the log files close on exec).
    for handler in [*logging.getLogger().handlers, *log.handlers]:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        exec_program(program, arguments)
    except OSError as exc:
        print(f"AgentBar could not restart itself ({exc}); start it again.", file=sys.stderr)
        return 1
    return 0  # only a stand-in for exec returns


def _paths_for(args: argparse.Namespace) -> tuple[Paths, str | None]:
    """Where this run keeps its files, and the demo's temporary folder (removed at exit)."""
    if args.basedir:
        return Paths.under(args.basedir), None
    if args.demo:
        # The demo never touches the user's real settings, state or keyring.
        demo_dir = tempfile.mkdtemp(prefix="agentbar-demo-")
        return Paths.under(demo_dir), demo_dir
    return Paths.default(), None


def _claim_instance(args: argparse.Namespace, paths: Paths, commands: list[Command]) -> Claim | int:
    """Become the single instance, or hand ``commands`` to the running one and return the
    exit code. The light path: QtCore + QtNetwork only."""
    from agentbar.desktop.single_instance import claim as claim_first
    from agentbar.desktop.single_instance import claim_or_forward

    if args.minimized and not commands:
        # Started at login while AgentBar already runs: leave it be (do not show it).
        first = claim_first(paths.state_dir)
        outcome: Claim | int = 0 if first is None else first
    else:
        outcome = claim_or_forward(paths.state_dir, commands)
    if isinstance(outcome, int):
        return outcome
    if [c.name for c in commands] == ["quit"]:
        outcome.give_up()
        print("AgentBar is not running.", file=sys.stderr)
        return 0
    return outcome


def _handlers(args: argparse.Namespace) -> int:
    from agentbar.desktop.handlers import register_handlers, unregister_handlers

    if args.unregister_handlers:
        code, lines = unregister_handlers(basedir=args.basedir)
    else:
        code, lines = register_handlers(set_default=args.set_default, basedir=args.basedir)
    for line in lines:
        print(line, file=sys.stderr if code else sys.stdout)
    return code


def _run_qt(
    args: argparse.Namespace, paths: Paths, redactor: RedactingFilter, claim: Claim | None
) -> int:
    from PySide6.QtWidgets import QApplication  # PySide6 before qasync (design.md)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentBar")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AgentBar")
    app.setDesktopFileName("agentbar")
    app.setQuitOnLastWindowClosed(False)
    import qasync

    from agentbar.ui.startup.runner import run

    _install_excepthook(redactor)
    import asyncio

    # Worker threads (decoding 10,000 recordings, the keyring, disk) hold the GIL in 5 ms
    # slices by default. Each of the GUI thread's short Python calls (a timer, a socket, each
    # cell a repaint asks for) may wait a whole slice while a worker computes: short slices
    # keep the largest stall of a 10,000-row load small (the figures per slice length:
    # README, Performance; bench/responsiveness.py).
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    result: int = asyncio.run(
        run(args, paths, redactor, claim=claim),
        loop_factory=qasync.QEventLoop,
    )
    return result


def _install_excepthook(redactor: RedactingFilter) -> None:
    """Uncaught exceptions: log them (the log redacts keys) and tell the user, never exit."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        from agentbar.ui.startup.crash import show_crash

        show_crash(redactor.redact("".join(traceback.format_exception(kind, exc, tb))))

    sys.excepthook = hook


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
