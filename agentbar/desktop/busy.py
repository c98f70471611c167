"""Whether a running AgentBar is in a call: a marker file the bar keeps, ``agentbar --busy``.

An installer that upgrades AgentBar must never close a bar while its agent is in a call.
The running bar (the single instance) keeps ``STATE_DIR/call-active`` while a call is shown,
holding its process id, and removes it when the call ends and when it quits.
``agentbar --busy`` answers from those files, without Qt and without talking to the bar:

- exit code ``BUSY_EXIT`` (3): a live AgentBar is in a call; ``0``: none is (or none runs);
- ``--all-users``: every profile's state directory, not only this user's (an all-users
  installer runs as an administrator or as SYSTEM, which cannot reach the users' own
  single-instance sockets but can read their profiles).

A marker whose process is gone (a crash, a power cut) is stale and ignored. Nothing here
blocks for long: a few small file reads and one process query per marker.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "BUSY_EXIT",
    "MARKER_NAME",
    "CallMarker",
    "busy_main",
    "live_markers",
    "pid_alive",
    "profile_state_dirs",
]

MARKER_NAME = "call-active"
#: ``agentbar --busy``'s exit code when a call is active (0: no call; 1/2: it could not run).
BUSY_EXIT = 3
_PROFILE_LIST = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"


class CallMarker:
    """The running bar's ``call-active`` file: :meth:`update` on every call change.

    Written with the owner-only mode every AgentBar file has. Errors (a full disk) are
    swallowed: the marker only delays an upgrade, it must never disturb the bar.
    """

    def __init__(self, state_dir: Path, pid: int | None = None) -> None:
        self.path = state_dir / MARKER_NAME
        self.pid = os.getpid() if pid is None else pid

    def update(self, in_call: bool) -> None:
        if in_call:
            with contextlib.suppress(OSError):
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="ascii") as handle:
                    handle.write(f"{self.pid}\n")
        else:
            self.clear()

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def pid_alive(pid: int, platform: str = sys.platform) -> bool:
    """Whether process ``pid`` exists (never signals it: ``os.kill`` on Windows kills)."""
    if pid <= 0:
        return False
    if platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return False
    return True


def live_markers(
    state_dirs: Iterable[Path], alive: Callable[[int], bool] = pid_alive
) -> list[Path]:
    """The markers in ``state_dirs`` whose process still runs (unreadable ones are skipped)."""
    found = []
    for directory in state_dirs:
        marker = directory / MARKER_NAME
        try:
            text = marker.read_text(encoding="ascii", errors="replace")[:32].strip()
        except OSError:
            continue
        if text.isdigit() and alive(int(text)):
            found.append(marker)
    return found


def profile_state_dirs(own_state_dir: Path, own_home: Path, homes: Iterable[Path]) -> list[Path]:
    """This user's state directory and the same place in every other home folder.

    ``own_state_dir`` relative to ``own_home`` (e.g. ``AppData/Local/AgentBar/AgentBar`` or
    ``.local/state/AgentBar``) is looked up under each of ``homes``; a state directory
    outside the home folder (a custom ``XDG_STATE_HOME``) is only this user's.
    """
    dirs = [own_state_dir]
    try:
        relative = own_state_dir.relative_to(own_home)
    except ValueError:
        return dirs
    for home in homes:
        candidate = home / relative
        if candidate not in dirs:
            dirs.append(candidate)
    return dirs


def _homes(platform: str = sys.platform) -> list[Path]:  # pragma: no cover - OS lookups
    """Every user profile folder: Windows' ProfileList, else the password database."""
    if platform == "win32":
        winreg: Any = importlib.import_module("winreg")
        homes = []
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _PROFILE_LIST) as key:
            index = 0
            while True:
                try:
                    sid = winreg.EnumKey(key, index)
                except OSError:
                    break
                index += 1
                with (
                    contextlib.suppress(OSError),
                    winreg.OpenKey(key, sid) as profile,
                ):
                    path, _kind = winreg.QueryValueEx(profile, "ProfileImagePath")
                    homes.append(Path(os.path.expandvars(str(path))))
        return homes
    import pwd

    return [Path(entry.pw_dir) for entry in pwd.getpwall() if entry.pw_dir not in ("", "/")]


def busy_main(state_dir: Path, *, all_users: bool, out: Callable[[str], None] = print) -> int:
    """``agentbar --busy [--all-users]``: prints what it found, returns 0 or ``BUSY_EXIT``."""
    dirs: Sequence[Path] = [state_dir]
    if all_users:
        dirs = profile_state_dirs(state_dir, Path.home(), _homes())
    markers = live_markers(dirs)
    if markers:
        out(f"busy: a call is active ({len(markers)} running AgentBar)")
        return BUSY_EXIT
    out("idle: no running AgentBar is in a call")
    return 0
