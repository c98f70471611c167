"""The whole program, as an installer's Restart Manager meets it on Windows: the running bar
refuses to be closed while a dial is on its way or a call is shown (the gap between
``agentbar --busy`` saying idle and the close), and quits the orderly way, staying logged in,
once it may. Windows is stood in for: the platform and RegisterApplicationRestart are injected
(ui/startup/runner.py), the Restart Manager's messages are real MSG structures."""

from __future__ import annotations

import ctypes
import json
import threading
from ctypes import wintypes
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.app import build_parser
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.desktop.busy import MARKER_NAME
from agentbar.desktop.restart_manager import (
    ENDSESSION_CLOSEAPP,
    WM_ENDSESSION,
    WM_QUERYENDSESSION,
    Joined,
)
from agentbar.desktop.single_instance import claim
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup import runner
from agentbar.ui.startup.runner import run
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY

WAIT = 8000


def _ask(joined: Joined, message: int, wparam: int = 0, lparam: int = ENDSESSION_CLOSEAPP):
    msg = wintypes.MSG()
    msg.message, msg.wParam, msg.lParam = message, wparam, lparam
    return joined.event_filter.nativeEventFilter(
        QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)
    )


def _may_close(joined: Joined) -> bool:
    """The Restart Manager's question: True when the bar says yes."""
    handled, result = _ask(joined, WM_QUERYENDSESSION)
    assert handled
    return bool(result == 1)


def test_an_upgrade_never_closes_the_bar_during_a_dial_or_a_call(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    base = tmp_path / "upgrade"
    paths = Paths.under(base)
    paths.ensure()
    paths.settings_file.write_text(
        json.dumps({"server_url": sim.url, "agent": DEMO_AGENT, "extension": DEMO_EXTENSION})
    )
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    joined: list[Joined] = []
    toolbars: list[Toolbar] = []
    registered: list[str] = []
    real_join = runner._join_restart_manager

    def as_on_windows(claim_, windows, args):
        def register(line: str, flags: int) -> int:
            registered.append(line)
            return 0

        result = real_join(claim_, windows, args, platform="win32", register=register)
        if result is not None:
            joined.append(result)
            toolbars.append(windows.toolbar)  # this run's bar, not an earlier test's
        return result

    monkeypatch.setattr(runner, "_join_restart_manager", as_on_windows)
    held = claim(paths.state_dir)
    assert held is not None
    released: list[threading.Event] = []
    try:
        args = build_parser().parse_args(["--basedir", str(base)])
        task = qloop.create_task(run(args, paths, RedactingFilter(), claim=held))
        qtbot.waitUntil(lambda: bool(joined), timeout=WAIT)
        [rm] = joined
        assert registered == [f"--basedir {base}"]  # restarted as this run after the upgrade
        [toolbar] = toolbars
        qtbot.waitUntil(toolbar.login_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
        session = toolbar.session
        qtbot.waitUntil(lambda: not session.busy, timeout=WAIT)  # the break reasons loaded
        assert _may_close(rm)  # idle: the installer may close it

        # The server holds the dial until the test lets it go (no timed wait: the suite also
        # runs under libfaketime, tests/test_any_day.py).
        arrived, release = threading.Event(), threading.Event()
        real_dial = sim.state.calls.dial

        def held_dial(extension: str, number: str) -> None:
            arrived.set()
            release.wait()
            real_dial(extension, number)

        monkeypatch.setattr(sim.state.calls, "dial", held_dial)
        released.append(release)
        toolbar.dial_field.setFocus()
        qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
        qtbot.waitUntil(arrived.is_set, timeout=WAIT)
        assert session.busy
        assert not _may_close(rm)  # the dial is on its way: it may start a call
        release.set()
        qtbot.waitUntil(lambda: not session.busy, timeout=WAIT)
        assert not _may_close(rm)  # sent, the call not (or just) shown
        qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT)
        assert not _may_close(rm)  # in the call
        # Even a "yes" already given does not close a bar a call has reached since.
        assert _ask(rm, WM_ENDSESSION, wparam=1) == (True, 0)
        assert not task.done() and (paths.state_dir / MARKER_NAME).exists()
        # A real log-off is not the installer's: Qt answers it, as before.
        assert _ask(rm, WM_QUERYENDSESSION, lparam=0) == (False, 0)

        qtbot.keyClick(toolbar, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # hang up
        qtbot.waitUntil(lambda: session.call is None and not session.busy, timeout=WAIT)
        qtbot.waitUntil(lambda: not session.dialling, timeout=WAIT)
        assert _may_close(rm)
        assert _ask(rm, WM_ENDSESSION, wparam=1) == (True, 0)  # the close goes ahead
        qtbot.waitUntil(task.done, timeout=WAIT)
        assert task.result() == 0
        # Quit without the "log out first?" question: still logged in, for the restarted bar.
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                    and w.isVisible()]  # fmt: skip
        assert sim.state.agents.get(DEMO_AGENT).logged_in
        assert not (paths.state_dir / MARKER_NAME).exists()
    finally:
        for release in released:
            release.set()
        held.give_up()


def test_the_demo_and_other_systems_do_not_join(qapp, tmp_path: Path) -> None:
    args = build_parser().parse_args(["--demo"])
    assert runner._join_restart_manager(object(), None, args, platform="win32") is None  # type: ignore[arg-type]
    args = build_parser().parse_args(["--basedir", str(tmp_path)])
    assert runner._join_restart_manager(object(), None, args, platform="linux") is None  # type: ignore[arg-type]
    assert runner._join_restart_manager(None, None, args, platform="win32") is None  # type: ignore[arg-type]
