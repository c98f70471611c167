"""The bar's own answer to an installer's Restart Manager (desktop/restart_manager.py): the
decision, the native event filter fed real ``MSG`` structures, restart registration, and that
only Windows gets any of it."""

from __future__ import annotations

import ctypes
import logging
import subprocess
import sys
from argparse import Namespace
from ctypes import wintypes
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from agentbar.desktop import restart_manager as rm
from agentbar.desktop.restart_manager import (
    ENDSESSION_CLOSEAPP,
    RESTART_FLAGS,
    WM_ENDSESSION,
    WM_QUERYENDSESSION,
    RestartManagerFilter,
    close_refusal,
    join_restart_manager,
    leave_restart_manager,
    register_restart,
    restart_arguments,
)

REPO = Path(__file__).resolve().parents[2]
ENDSESSION_LOGOFF = 0x80000000
WM_CLOSE = 0x0010


class Bar:
    """What the filter asks about: the session's state, and whether it was told to quit."""

    def __init__(self) -> None:
        self.in_call = False
        self.dialling = False
        self.acting = False
        self.quits = 0

    def refusal(self) -> str:
        return close_refusal(in_call=self.in_call, dialling=self.dialling, acting=self.acting)

    def quit(self) -> None:
        self.quits += 1


def send(event_filter: RestartManagerFilter, message: int, wparam: int, lparam: int):
    """Hand the filter a real MSG in memory, as Qt's Windows plugin does (its address)."""
    msg = wintypes.MSG()
    msg.message, msg.wParam, msg.lParam = message, wparam, lparam
    return event_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg))


def test_the_decision_refuses_during_a_call_a_dial_or_an_action_in_flight() -> None:
    assert close_refusal(in_call=False, dialling=False, acting=False) == ""
    assert close_refusal(in_call=True, dialling=False, acting=False) == "a call is shown"
    assert close_refusal(in_call=False, dialling=True, acting=False) == "a dial was just sent"
    assert "action" in close_refusal(in_call=False, dialling=False, acting=True)
    assert close_refusal(in_call=True, dialling=True, acting=True) == "a call is shown"


def test_the_restart_managers_question_is_refused_during_a_call(caplog) -> None:
    bar = Bar()
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    bar.in_call = True
    with caplog.at_level(logging.INFO, logger=rm.__name__):
        assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)
        assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)
    # Said once, though every top-level window is asked.
    assert [r.getMessage() for r in caplog.records] == [
        "refused to close for an update: a call is shown"
    ]
    assert bar.quits == 0


def test_refused_while_a_dial_is_on_its_way_or_not_yet_a_call() -> None:
    bar = Bar()
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    bar.acting = True  # the dial request is with the server
    assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)
    bar.acting, bar.dialling = False, True  # answered; the call has not shown up yet
    assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)


def test_an_idle_bar_allows_the_close_and_quits_once_when_it_goes_ahead(caplog) -> None:
    bar = Bar()
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 1)
    with caplog.at_level(logging.INFO, logger=rm.__name__):
        for _window in range(3):  # WM_ENDSESSION reaches each top-level window
            assert send(event_filter, WM_ENDSESSION, 1, ENDSESSION_CLOSEAPP) == (True, 0)
    assert bar.quits == 1 and event_filter.quitting
    assert "closing for an update" in caplog.text


def test_a_call_that_began_after_the_yes_keeps_the_bar_open() -> None:
    bar = Bar()
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    assert send(event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 1)
    bar.in_call = True  # rang in the milliseconds between the question and the close
    assert send(event_filter, WM_ENDSESSION, 1, ENDSESSION_CLOSEAPP) == (True, 0)
    assert bar.quits == 0  # the installer's close then fails, and it waits again


def test_a_cancelled_close_does_nothing() -> None:
    bar = Bar()
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    assert send(event_filter, WM_ENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)
    assert bar.quits == 0


@pytest.mark.parametrize("lparam", [0, ENDSESSION_LOGOFF])
def test_a_real_log_off_or_shutdown_is_never_refused(lparam: int) -> None:
    bar = Bar()
    bar.in_call = True
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    # Not handled here: Qt's own session handling answers, as before.
    assert send(event_filter, WM_QUERYENDSESSION, 0, lparam) == (False, 0)
    assert send(event_filter, WM_ENDSESSION, 1, lparam) == (False, 0)
    assert bar.quits == 0


def test_other_messages_and_platforms_pass_through() -> None:
    bar = Bar()
    bar.in_call = True
    event_filter = RestartManagerFilter(bar.refusal, bar.quit)
    assert send(event_filter, WM_CLOSE, 0, ENDSESSION_CLOSEAPP) == (False, 0)
    # Another platform's events are never read as a MSG.
    read: list[int] = []

    def reader(address: int) -> rm.Message:
        read.append(address)
        raise AssertionError("an X11 event read as a MSG")

    event_filter = RestartManagerFilter(bar.refusal, bar.quit, read=reader)
    assert event_filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), 1234) == (False, 0)
    assert read == []


def test_restart_arguments_keep_the_runs_base_folder_and_server() -> None:
    args = Namespace(basedir=r"C:\Agent Bar", url="https://pbx/api/", agent="", extension="12")
    assert restart_arguments(args) == [
        "--basedir", r"C:\Agent Bar", "--url", "https://pbx/api/", "--extension", "12",
    ]  # fmt: skip
    assert restart_arguments(Namespace(basedir=None)) == []


def test_register_restart_quotes_the_arguments_and_asks_only_for_updates(caplog) -> None:
    calls: list[tuple[str, int]] = []

    def register(line: str, flags: int) -> int:
        calls.append((line, flags))
        return 0

    assert register_restart(["--basedir", r"C:\Agent Bar"], register)
    assert calls == [('--basedir "C:\\Agent Bar"', RESTART_FLAGS)]
    assert RESTART_FLAGS == 0x1 | 0x2 | 0x8  # no crash, no hang, no reboot: updates only
    assert register_restart([], register) and calls[-1][0] == ""
    assert not register_restart(["x" * 2000], register)  # RESTART_MAX_CMD_LINE
    assert not register_restart([], lambda _l, _f: -2147024809)  # E_INVALIDARG
    assert "HRESULT 0x80070057" in caplog.text


def test_joins_only_on_windows_and_leaves_cleanly(qapp) -> None:
    class App:
        def __init__(self) -> None:
            self.filters: list[object] = []

        def installNativeEventFilter(self, f: object) -> None:  # noqa: N802
            self.filters.append(f)

        def removeNativeEventFilter(self, f: object) -> None:  # noqa: N802
            self.filters.remove(f)

    bar, app, registered = Bar(), App(), []
    args = ["--basedir", "b"]

    def register(line: str, flags: int) -> int:
        registered.append(line)
        return 0

    for platform in ("linux", "darwin"):
        assert join_restart_manager(app, bar.refusal, bar.quit, args, platform=platform) is None
    assert app.filters == [] and registered == []
    joined = join_restart_manager(
        app, bar.refusal, bar.quit, args, platform="win32", register=register
    )
    assert joined is not None and app.filters == [joined.event_filter]
    assert registered == ["--basedir b"]
    # A native top-level window of its own, never shown: a bar started at login has no
    # other window for the Restart Manager to ask.
    assert joined.window.winId() and not joined.window.isVisible()
    bar.in_call = True
    assert send(joined.event_filter, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP) == (True, 0)
    leave_restart_manager(app, joined)
    assert app.filters == []


def test_a_real_application_accepts_the_filter(qapp) -> None:
    bar = Bar()
    joined = join_restart_manager(qapp, bar.refusal, bar.quit, [], platform="win32",
                                  register=lambda _l, _f: 0)  # fmt: skip
    assert joined is not None
    leave_restart_manager(qapp, joined)


def test_register_application_restart_is_windows_only_here() -> None:
    if sys.platform == "win32":  # pragma: no cover - the suite runs on Linux
        pytest.skip("would register this test process")
    assert not register_restart([])  # OSError from the stand-in for kernel32, logged


def test_the_win32_calls_type_check_for_windows() -> None:
    """The ctypes code runs only on Windows; mypy reads it as Windows would here."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--platform", "win32",
         "agentbar/desktop/restart_manager.py"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
