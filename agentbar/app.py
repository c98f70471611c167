"""Composition root: arguments, logging, QApplication, the qasync loop, wiring and shutdown."""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import sys
import tempfile
import traceback
from types import TracebackType

from agentbar import __version__
from agentbar.core.logsetup import RedactingFilter, setup_logging
from agentbar.core.paths import Paths

log = logging.getLogger("agentbar")


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
    parser.add_argument("--version", action="version", version=f"AgentBar {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run AgentBar; returns the process exit code."""
    args = build_parser().parse_args(argv)
    demo_dir: str | None = None
    if args.basedir:
        paths = Paths.under(args.basedir)
    elif args.demo:
        # The demo never touches the user's real settings, state or keyring.
        demo_dir = tempfile.mkdtemp(prefix="agentbar-demo-")
        paths = Paths.under(demo_dir)
    else:
        paths = Paths.default()
    try:
        paths.ensure()
        redactor = setup_logging(paths.log_file, stderr=True)
        return _run_qt(args, paths, redactor)
    finally:
        if demo_dir:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _run_qt(args: argparse.Namespace, paths: Paths, redactor: RedactingFilter) -> int:
    from PySide6.QtWidgets import QApplication  # PySide6 before qasync (design.md)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentBar")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AgentBar")
    app.setDesktopFileName("agentbar")
    app.setQuitOnLastWindowClosed(False)
    import qasync

    from agentbar.ui.runner import run

    _install_excepthook(redactor)
    result: int = asyncio.run(run(args, paths, redactor), loop_factory=qasync.QEventLoop)
    return result


def _install_excepthook(redactor: RedactingFilter) -> None:
    """Uncaught exceptions: log them (the log redacts keys) and tell the user, never exit."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        from agentbar.ui.crash import show_crash

        show_crash(redactor.redact("".join(traceback.format_exception(kind, exc, tb))))

    sys.excepthook = hook


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
