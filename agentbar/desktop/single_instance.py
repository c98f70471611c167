"""One AgentBar per user session: a lock file picks the instance, a local socket brings it commands.

This module is on the start-up path of every launch, including a second launch from a
``tel:`` link that only forwards its command and exits, so it imports QtCore and QtNetwork
only (no widgets, no qasync, no httpx) and does no work at import time.

How it fits together:

- :func:`instance_key` hashes the user, the desktop session and the state directory (so a
  ``--basedir`` run, a test or a bench never talks to the user's real instance).
- A :class:`~PySide6.QtCore.QLockFile` named after the key decides who is first. Qt removes a
  lock whose process is dead (a crash), so a killed instance never blocks the next launch.
- The first instance listens on the same key (``desktop/instance_server.py``), for the same
  user only; a second launch connects, sends one JSON line per command
  (``agentbar.core.commands``) and waits for one answer line per command.
- No other user can stand in for either end. On Unix the socket lives in a directory only
  this user can enter: ``$XDG_RUNTIME_DIR`` when it is ours and closed, else
  ``<temp>/agentbar-<uid>``, created 0700 and refused when another user owns it or others
  may enter it (:mod:`agentbar.desktop.peercred`). Each end also checks the other's user id
  (``SO_PEERCRED`` / ``getpeereid``) before reading or sending a command. On Windows the
  named pipe admits only this user (``UserAccessOption``), and each end compares the user
  SID of the process at the other end with its own (:mod:`agentbar.desktop.win_peer`).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalSocket

from agentbar.core.commands import (
    MAX_MESSAGE_BYTES,
    Command,
    CommandError,
    decode_reply,
    encode,
    validate,
)
from agentbar.desktop import peercred, win_peer
from agentbar.desktop.peercred import UnsafeSocketDir, my_uid, private_dir

__all__ = [
    "Claim",
    "claim",
    "claim_or_forward",
    "forward",
    "instance_key",
    "server_name",
    "session_id",
    "socket_dir",
]

log = logging.getLogger(__name__)

#: How long a second launch waits for a starting (or busy) first instance to answer.
FORWARD_TIMEOUT_S = 10.0
_SUN_PATH_MAX = 100  # sockaddr_un.sun_path is 104-108 bytes depending on the OS


def session_id(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """The desktop session this process belongs to, "" when there is only one per user.

    - Windows: the Terminal Services session id (each RDP session has its own), which the
      named pipe namespace does not separate by itself.
    - X11/Wayland: the display (``:10`` under XRDP/X2Go; ``.screen`` dropped). The display is
      preferred to ``XDG_SESSION_ID`` because programs started by the desktop through
      ``systemd --user`` (browsers opening a ``tel:`` link) often lack XDG_SESSION_ID but
      always have the display; a different answer there would start a second bar.
    - Without a display (headless, offscreen tests): ``XDG_SESSION_ID`` when set.
    - macOS: "" (each user's GUI session has its own temp directory and processes).
    """
    env = os.environ if environ is None else environ
    if platform == "win32":
        return _windows_session_id(env)
    if platform == "darwin":
        return ""
    wayland = env.get("WAYLAND_DISPLAY", "").strip()
    if wayland:
        return f"wayland:{wayland}"
    display = env.get("DISPLAY", "").strip()
    if display:
        host, _, number = display.rpartition(":")
        return f"x11:{host}:{number.partition('.')[0]}"
    xdg = env.get("XDG_SESSION_ID", "").strip()
    return f"xdg:{xdg}" if xdg else ""


def _windows_session_id(env: Mapping[str, str]) -> str:
    try:
        import ctypes
        from ctypes import wintypes

        sid = wintypes.DWORD()
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
        if windll.kernel32.ProcessIdToSessionId(os.getpid(), ctypes.byref(sid)):
            return f"win:{sid.value}"
    except (ImportError, AttributeError, OSError):
        pass
    return f"win:{env.get('SESSIONNAME', '')}"


def _user() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name (containers): the uid still tells users apart
        name = ""
    uid = getattr(os, "getuid", lambda: -1)()
    return f"{name}:{uid}"


def instance_key(
    state_dir: Path,
    *,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    user: str | None = None,
) -> str:
    """A short hash of the user, the session and ``state_dir``: same key, same instance."""
    parts = [user if user is not None else _user(), session_id(environ, platform)]
    parts.append(str(Path(state_dir).expanduser().absolute()))
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:24]


def socket_dir(
    *,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    uid: int | None = None,
    temp: str | None = None,
) -> Path | None:
    """The directory only this user can enter where the socket goes; None on Windows.

    ``$XDG_RUNTIME_DIR`` when it is absolute, ours and closed to others; otherwise
    ``agentbar-<uid>`` in the temp directory (per user on macOS, shared ``/tmp`` elsewhere),
    created 0700. Raises :class:`~agentbar.desktop.peercred.UnsafeSocketDir` when that
    directory exists but belongs to another user, is open to others or is a link: never a
    name another user could have bound first.
    """
    if platform == "win32":
        return None
    uid = my_uid() if uid is None else uid
    env = os.environ if environ is None else environ
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        with contextlib.suppress(UnsafeSocketDir):
            peercred.check_private_dir(Path(runtime), uid)
            return Path(runtime)
    return private_dir(Path(temp or tempfile.gettempdir()), f"agentbar-{uid}", uid)


def server_name(
    key: str, *, environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> str:
    """The QLocalServer name for ``key``: a socket path in :func:`socket_dir` (Unix), or a
    pipe name (Windows). Raises UnsafeSocketDir when no private directory can be had.
    """
    name = f"agentbar-{key}"
    directory = socket_dir(environ=environ, platform=platform)
    if directory is None:
        return name
    path = directory / f"{name}.sock"
    if len(os.fsencode(path)) >= _SUN_PATH_MAX:  # a long $TMPDIR: the short /tmp instead
        path = private_dir(Path("/tmp"), f"agentbar-{my_uid()}") / f"{name}.sock"
    return str(path)


def _name(key: str, environ: Mapping[str, str] | None) -> tuple[str, str]:
    """(server name, "") or ("", why no safe name can be had)."""
    try:
        return server_name(key, environ=environ), ""
    except UnsafeSocketDir as exc:
        log.warning("no private place for the instance socket: %s", exc.strerror or exc)
        return "", exc.strerror or str(exc)


@dataclass(eq=False)
class Claim:
    """This process is the instance for ``key``: it holds ``lock`` until :meth:`give_up`.

    ``recovered`` is True when a crashed instance left its lock (and maybe socket) behind.
    ``lock`` is None when the lock file could not be used at all (read-only directory); the
    program then runs without the single-instance guarantee rather than not at all.
    ``name`` is "" when no private place for the socket could be had; ``problem`` says why.
    """

    key: str
    name: str
    lock: QLockFile | None
    recovered: bool = False
    problem: str = ""

    def give_up(self) -> None:
        """Stop being the instance: unlock the lock file so that another launch can claim it."""
        if self.lock is not None and self.lock.isLocked():
            self.lock.unlock()


def claim(state_dir: Path, *, environ: Mapping[str, str] | None = None) -> Claim | None:
    """Become the instance for this user, session and state directory; None when one runs.

    Never waits. Blocks only on the lock file's disk I/O.
    """
    key = instance_key(state_dir, environ=environ)
    path = Path(state_dir) / f"instance-{key}.lock"
    existed = path.exists()
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when the owner's process is gone, never by age
    if lock.tryLock(0):
        if existed:
            log.info("a previous instance did not exit cleanly; taking over its lock")
        name, problem = _name(key, environ)
        return Claim(key, name, lock, recovered=existed, problem=problem)
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    log.warning(
        "cannot use the lock file %s (%s): one instance is not enforced", path, lock.error()
    )
    name, problem = _name(key, environ)
    return Claim(key, name, None, problem=problem)


_REASONS = {
    QLocalSocket.LocalSocketError.ServerNotFoundError: "it is not listening",
    QLocalSocket.LocalSocketError.ConnectionRefusedError: "it refuses connections",
    QLocalSocket.LocalSocketError.SocketTimeoutError: "it did not accept the connection in time",
    QLocalSocket.LocalSocketError.SocketAccessError: "this user may not connect to it",
}


class NotOurInstance(Exception):
    """The socket is served by another user's process: nothing was sent to it."""


def _check_peer(socket: QLocalSocket) -> None:
    """Raise NotOurInstance unless the process at the other end runs as this user."""
    if sys.platform == "win32":  # the descriptor is the pipe's HANDLE: ask for its server's user
        why = win_peer.server_problem(int(socket.socketDescriptor()))
        if why:
            raise NotOurInstance(why)
        return
    try:
        uid = peercred.peer_uid(int(socket.socketDescriptor()))
    except OSError as exc:
        raise NotOurInstance(f"its owner cannot be checked ({exc.strerror or exc})") from None
    if uid is not None and uid != my_uid():
        raise NotOurInstance(f"it belongs to another user (uid {uid})")


def forward(
    name: str,
    commands: Sequence[Command],
    *,
    connect_timeout_s: float = 2.0,
    reply_timeout_s: float = FORWARD_TIMEOUT_S,
) -> str:
    """Send ``commands`` to the instance listening on ``name``; "" when all were accepted.

    Returns the refusal reason otherwise. Raises ConnectionError when no connection is made
    within ``connect_timeout_s`` (not listening yet, or gone): nothing was sent, so the
    caller may retry. Raises NotOurInstance, before sending anything, when the listening
    process runs as another user. Raises TimeoutError when the commands were sent but not
    all answered within ``reply_timeout_s``: they may still run, so they must not be sent
    again.
    Blocks (this is the second launch's only job).
    """

    def ms_until(deadline: float) -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(ms_until(time.monotonic() + connect_timeout_s)):
        raise ConnectionError(_REASONS.get(socket.error(), socket.errorString()))
    try:
        _check_peer(socket)
    except NotOurInstance:
        socket.abort()
        raise
    deadline = time.monotonic() + reply_timeout_s
    try:
        for command in commands:
            socket.write(encode(command))
        while socket.bytesToWrite() > 0:
            if not socket.waitForBytesWritten(ms_until(deadline)):
                raise TimeoutError(socket.errorString())
        for _command in commands:
            while not socket.canReadLine():
                if time.monotonic() > deadline or not socket.waitForReadyRead(ms_until(deadline)):
                    raise TimeoutError("no answer")
            error = decode_reply(bytes(socket.readLine(MAX_MESSAGE_BYTES).data()))
            if error:
                return error
        return ""
    except CommandError as exc:
        return str(exc)
    finally:
        socket.disconnectFromServer()


def claim_or_forward(
    state_dir: Path,
    commands: Sequence[Command],
    *,
    timeout_s: float = FORWARD_TIMEOUT_S,
    err: TextIO | None = None,
) -> Claim | int:
    """The early path of every launch: a Claim when this process is first, else an exit code.

    A second launch forwards ``commands`` (``show`` when there are none) and returns 0, or
    prints why not to ``err`` (stderr) and returns 1 (no answer, or no instance of this user
    can be reached safely) or 2 (refused). Until it
    is connected it keeps trying the lock too: if the running instance quits meanwhile, this
    launch becomes the instance instead of failing. Commands are sent at most once.
    """
    err = sys.stderr if err is None else err
    to_send = list(commands) or [validate("show", {})]
    deadline = time.monotonic() + timeout_s
    while True:
        mine = claim(state_dir)
        if mine is not None:
            return mine
        try:
            name = server_name(instance_key(state_dir))
        except UnsafeSocketDir as exc:
            print(f"AgentBar cannot reach the running instance safely: {exc.strerror}", file=err)
            return 1
        left = max(0.1, deadline - time.monotonic())
        try:
            error = forward(name, to_send, connect_timeout_s=min(2.0, left), reply_timeout_s=left)
        except NotOurInstance as exc:
            print(f"Not sent: the AgentBar socket {name} is not yours: {exc}.", file=err)
            return 1
        except ConnectionError as exc:
            if time.monotonic() > deadline:
                print(f"AgentBar is running but does not answer ({exc}).", file=err)
                return 1
            time.sleep(0.05)
            continue
        except TimeoutError:
            print("AgentBar took the command but did not confirm it in time.", file=err)
            return 1
        if error:
            print(f"AgentBar refused the command: {error}", file=err)
            return 2
        return 0
