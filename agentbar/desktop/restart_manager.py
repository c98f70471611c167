"""Windows: the running bar answers the Restart Manager itself, so an upgrade never closes it
during a call.

An upgrading installer asks ``agentbar --busy`` first (:mod:`agentbar.desktop.busy`), then
closes the bars through the Windows Restart Manager. A call that starts between that answer
and the close (check, then act) would be cut off. Only the bar knows, at the moment it is asked
to close, whether a call is shown, so it takes part in the Restart Manager's protocol
(https://learn.microsoft.com/windows/win32/rstmgr/guidelines-for-applications):

- ``WM_QUERYENDSESSION`` with ``ENDSESSION_CLOSEAPP`` in lParam: the Restart Manager asks.
  The bar answers FALSE (refuses) while a call is shown, a dial was just sent and has not
  shown up as a call yet, or an action (a dial, a transfer, ...) is on its way to the server;
  TRUE otherwise. A refusal fails the installer's non-forced ``RmShutdown``
  (``ERROR_FAIL_SHUTDOWN``) and its script goes back to waiting.
- ``WM_ENDSESSION`` with ``ENDSESSION_CLOSEAPP`` and wParam TRUE: the close goes ahead. The
  bar quits the orderly way (state saved, no "log out first?" question: it stays logged in
  and the restarted bar resumes), unless a call began in the few milliseconds since it said
  yes: then it stays, and the installer, whose close then fails, waits again.
- A real log-off or shutdown (no ``ENDSESSION_CLOSEAPP``) is never refused: Qt's own session
  handling answers as before.

At start the bar also calls ``RegisterApplicationRestart``, so the installer's ``RmRestart``
brings an idle bar back, as the new version, once the files are replaced.

The decision (:func:`close_refusal`) is pure; the Win32 pieces (reading a ``MSG``,
``RegisterApplicationRestart``) are injected, so everything here is tested on any OS.
Nothing here blocks: each answer reads a few attributes of the session.
"""

from __future__ import annotations

import ctypes
import logging
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractNativeEventFilter
from PySide6.QtGui import QWindow

__all__ = [
    "ENDSESSION_CLOSEAPP",
    "NATIVE_EVENT_TYPE",
    "RESTART_FLAGS",
    "WM_ENDSESSION",
    "WM_QUERYENDSESSION",
    "Message",
    "RestartManagerFilter",
    "close_refusal",
    "join_restart_manager",
    "leave_restart_manager",
    "read_msg",
    "register_restart",
    "restart_arguments",
]

log = logging.getLogger(__name__)

WM_QUERYENDSESSION = 0x0011
WM_ENDSESSION = 0x0016
#: lParam bit: the Restart Manager closes this application (an installer), not a log-off.
ENDSESSION_CLOSEAPP = 0x00000001
#: What Qt's Windows plugin calls a message sent to a top-level window.
NATIVE_EVENT_TYPE = b"windows_generic_MSG"
#: RegisterApplicationRestart flags: RESTART_NO_CRASH | RESTART_NO_HANG | RESTART_NO_REBOOT,
#: i.e. only after an installer's Restart Manager closed the bar (never after a crash, a hang
#: or a reboot for Windows Update: the Run key starts it at login).
RESTART_FLAGS = 0x1 | 0x2 | 0x8
#: RESTART_MAX_CMD_LINE, in characters.
RESTART_MAX_CMD_LINE = 1024
#: Seconds between two "refused" log lines (the question comes once per top-level window).
_LOG_EVERY_S = 5.0


class Message(NamedTuple):
    """The fields of a Win32 ``MSG`` the decision needs."""

    message: int
    wparam: int
    lparam: int


def close_refusal(*, in_call: bool, dialling: bool, acting: bool) -> str:
    """Why the Restart Manager must not close the bar now, or "" when it may.

    ``in_call``: a call (or a ringing one) is shown; ``dialling``: a dial was sent and the
    call has not shown up yet; ``acting``: an action is on its way to the server (a dial or a
    transfer may be about to start a call). Never holds a number or the key.
    """
    if in_call:
        return "a call is shown"
    if dialling:
        return "a dial was just sent"
    if acting:
        return "an action is on its way to the server"
    return ""


def read_msg(address: int) -> Message:
    """The ``MSG`` at ``address`` (what Qt's Windows plugin hands a native event filter)."""
    from ctypes import wintypes

    msg = wintypes.MSG.from_address(address)
    return Message(int(msg.message), int(msg.wParam or 0), int(msg.lParam or 0))


class RestartManagerFilter(QAbstractNativeEventFilter):
    """Answers the Restart Manager's ``WM_QUERYENDSESSION``/``WM_ENDSESSION`` for the bar.

    ``refusal()`` says why the bar must stay ("" when it may close); ``quit()`` starts the
    orderly quit. Every other message (and every other platform's event) passes through
    untouched. Keep a reference: Qt does not own it.
    """

    def __init__(
        self,
        refusal: Callable[[], str],
        quit: Callable[[], None],
        *,
        read: Callable[[int], Message] = read_msg,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._refusal = refusal
        self._quit = quit
        self._read = read
        self._clock = clock
        self._logged: tuple[str, float] = ("", -_LOG_EVERY_S)
        self.quitting = False

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        if bytes(eventType) != NATIVE_EVENT_TYPE:
            return False, 0
        msg = self._read(int(message))
        if msg.message not in (WM_QUERYENDSESSION, WM_ENDSESSION):
            return False, 0
        if not msg.lparam & ENDSESSION_CLOSEAPP:
            return False, 0  # a real log-off or shutdown: Qt answers, as before
        if msg.message == WM_QUERYENDSESSION:
            reason = self._refusal()
            if reason:
                self._log_refusal(reason)
                return True, 0  # FALSE: the installer's non-forced close fails
            return True, 1
        if msg.wparam and not self.quitting:  # WM_ENDSESSION: the close goes ahead
            reason = self._refusal()
            if reason:  # began since the bar said yes: stay; the installer's close fails
                self._log_refusal(reason)
            else:
                self.quitting = True
                log.info("closing for an update (the installer's Restart Manager asked)")
                self._quit()
        return True, 0

    def _log_refusal(self, reason: str) -> None:
        now = self._clock()
        last_reason, last_at = self._logged
        if reason != last_reason or now - last_at >= _LOG_EVERY_S:
            log.info("refused to close for an update: %s", reason)
            self._logged = (reason, now)


def restart_arguments(args: Any) -> list[str]:
    """The arguments a bar restarted after an upgrade gets: the run's base folder and its
    run-only server settings (``--basedir``, ``--url``, ``--agent``, ``--extension``)."""
    arguments: list[str] = []
    for option in ("basedir", "url", "agent", "extension"):
        value = getattr(args, option, None)
        if value:
            arguments += [f"--{option}", str(value)]
    return arguments


def register_restart(
    arguments: Sequence[str],
    register: Callable[[str, int], int] | None = None,
) -> bool:
    """``RegisterApplicationRestart(command line, RESTART_FLAGS)``; False (logged) when it
    fails or the command line is too long. ``register`` stands in for the Win32 call."""
    command_line = subprocess.list2cmdline(list(arguments))
    if len(command_line) >= RESTART_MAX_CMD_LINE:
        log.warning("not registered for a restart after updates: the command line is too long")
        return False
    call = _register_application_restart if register is None else register
    try:
        result = call(command_line, RESTART_FLAGS)
    except OSError as exc:
        log.warning("not registered for a restart after updates: %s", exc)
        return False
    if result != 0:  # an HRESULT: S_OK is 0
        log.warning("not registered for a restart after updates (HRESULT %#x)", result & 0xFFFFFFFF)
        return False
    return True


def _register_application_restart(command_line: str, flags: int) -> int:
    """kernel32's ``RegisterApplicationRestart``; raises OSError off Windows."""
    if sys.platform != "win32":
        raise OSError("RegisterApplicationRestart exists on Windows only")
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    function = kernel32.RegisterApplicationRestart
    function.argtypes = [ctypes.c_wchar_p, ctypes.c_uint32]
    function.restype = ctypes.c_long
    return int(function(command_line or None, flags))


class Joined(NamedTuple):
    """What :func:`join_restart_manager` installed (kept for the run, removed at quit)."""

    event_filter: RestartManagerFilter
    window: QWindow


def join_restart_manager(
    app: Any,
    refusal: Callable[[], str],
    quit: Callable[[], None],
    arguments: Sequence[str],
    *,
    platform: str = sys.platform,
    register: Callable[[str, int], int] | None = None,
) -> Joined | None:
    """On Windows: answer the Restart Manager for this bar, and register for a restart after
    updates; elsewhere (None) nothing.

    A hidden native window is made as well: the Restart Manager asks top-level windows, and a
    bar started at login (``--minimized``) has none of its own until it is first shown (the
    tray's window answers with Windows' default, "yes").
    """
    if platform != "win32":
        return None
    event_filter = RestartManagerFilter(refusal, quit)
    app.installNativeEventFilter(event_filter)
    window = QWindow()
    window.setTitle("AgentBar")
    window.create()  # a native window, never shown
    register_restart(arguments, register)
    return Joined(event_filter, window)


def leave_restart_manager(app: Any, joined: Joined | None) -> None:
    """Undo :func:`join_restart_manager` (at quit)."""
    if joined is None:
        return
    app.removeNativeEventFilter(joined.event_filter)
    joined.window.destroy()
