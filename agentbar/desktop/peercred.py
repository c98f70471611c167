"""Who is at the other end of a local socket, and a private directory to put the socket in.

No Qt here: :mod:`agentbar.desktop.single_instance` (both ends) and the instance server use
it on the start-up path, so it imports only the standard library.

- :func:`peer_uid`: the user id of the peer of a connected Unix socket: ``SO_PEERCRED`` on
  Linux, ``getpeereid()`` on macOS and the BSDs. None on Windows, where a named pipe has no
  user id: the pipe admits only the user (``QLocalServer.UserAccessOption``) and
  :mod:`agentbar.desktop.win_peer` compares the other end's user SID with ours.
- :func:`private_dir`: a directory that only this user can enter, created 0700 when missing
  and refused (:class:`UnsafeSocketDir`) when another user owns it, others may enter it, or it
  is a symbolic link. A socket there cannot be bound first by someone else.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import struct
import sys
from pathlib import Path

__all__ = ["UnsafeSocketDir", "check_private_dir", "my_uid", "peer_uid", "private_dir"]


class UnsafeSocketDir(OSError):
    """The socket's directory could be used by another user; its text says what to do."""


def my_uid() -> int:
    """This process's user id (-1 where there is none: Windows)."""
    return getattr(os, "getuid", lambda: -1)()


def peer_uid(fd: int, platform: str = sys.platform) -> int | None:
    """The user id of the process at the other end of the Unix socket ``fd``.

    None where the OS has no such call (Windows). Raises OSError when the call fails.
    """
    if platform.startswith("linux"):
        # A duplicate: closing the Python socket object must leave ``fd`` open.
        with socket.socket(fileno=os.dup(fd)) as sock:
            creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        _pid, uid, _gid = struct.unpack("3i", creds)
        return int(uid)
    if platform == "darwin" or "bsd" in platform:
        import ctypes  # only here: the start-up path of every launch need not load it

        libc = ctypes.CDLL(None, use_errno=True)
        uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
        if libc.getpeereid(fd, ctypes.byref(uid), ctypes.byref(gid)) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))
        return uid.value
    return None


def check_private_dir(path: Path, uid: int | None = None) -> None:
    """Raise UnsafeSocketDir unless ``path`` is a real directory of ``uid``, closed to others."""
    uid = my_uid() if uid is None else uid
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise UnsafeSocketDir(
            exc.errno or errno.EIO, f"{path} cannot be checked ({exc.strerror or exc})"
        ) from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        problem = "is not a directory (a link or a file put there)"
    elif info.st_uid != uid:
        problem = f"belongs to another user (uid {info.st_uid})"
    elif info.st_mode & 0o077:
        problem = f"is open to other users (mode {stat.S_IMODE(info.st_mode):o})"
    else:
        return
    raise UnsafeSocketDir(
        errno.EPERM,
        f"{path} {problem}, so another user could receive the commands meant for AgentBar. "
        f"Remove it (or set XDG_RUNTIME_DIR to a private directory) and start AgentBar again.",
    )


def private_dir(base: Path, name: str, uid: int | None = None) -> Path:
    """``base/name``, made 0700 if missing; raises UnsafeSocketDir when it is not private."""
    path = Path(base) / name
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass  # checked below: whoever made it, it must be ours and closed
    except OSError as exc:
        raise UnsafeSocketDir(
            exc.errno or errno.EIO, f"{path} cannot be created ({exc.strerror or exc})"
        ) from None
    check_private_dir(path, uid)
    return path
