"""Windows: is the process at the other end of a named pipe this user's?

The Unix socket has ``SO_PEERCRED``/``getpeereid`` (:mod:`agentbar.desktop.peercred`); a named
pipe has none, and its name lives in one namespace shared by every user of the machine. The
pipe AgentBar listens on admits only this user (``QLocalServer.UserAccessOption``, see
``instance_server.py``), but a pipe of the same name created first by someone else carries
that other user's security descriptor, and Qt adds its own instances to it (no
``FILE_FLAG_FIRST_PIPE_INSTANCE``). So each end asks who is at the other end before a
command goes either way:

- the second launch (client): ``GetNamedPipeServerProcessId`` on its pipe handle;
- the running instance (server): ``GetNamedPipeClientProcessId``;

then ``OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION)`` on that process id,
``OpenProcessToken(TOKEN_QUERY)``, ``GetTokenInformation(TokenUser)`` and ``EqualSid``
against this process's own user SID. Another user, or any call failing (a process of
another user usually cannot even be opened), means "not ours": fail closed.

The Win32 calls sit behind :class:`PipePeerApi`, so the decision is tested on every OS with
a stand-in; :func:`native` gives the real calls (``ctypes``), on Windows only. Standard
library only (``ctypes`` on Windows): this is on the start-up path of every launch.
"""

from __future__ import annotations

import errno
import sys
from typing import Protocol

__all__ = ["PipePeerApi", "client_problem", "native", "server_problem"]


class PipePeerApi(Protocol):
    """The Win32 calls the check needs. Each raises OSError when its call fails."""

    def pipe_server_pid(self, handle: int) -> int:
        """The process id of the server end of the connected pipe ``handle``."""
        ...

    def pipe_client_pid(self, handle: int) -> int:
        """The process id of the client end of the connected pipe ``handle``."""
        ...

    def process_user_sid(self, pid: int) -> bytes:
        """The SID (its bytes) of the user the process ``pid`` runs as."""
        ...

    def current_user_sid(self) -> bytes:
        """The SID (its bytes) of the user this process runs as."""
        ...

    def equal(self, first: bytes, second: bytes) -> bool:
        """Whether two SIDs are the same (``EqualSid``)."""
        ...


def server_problem(handle: int, api: PipePeerApi | None = None) -> str:
    """For the launch that connected: "" when the pipe's server runs as this user, else why not.

    Nothing may be sent unless this is "".
    """
    failure, foreign_pid = _check(handle, api, server=True)
    if failure:
        return f"its owner cannot be checked ({failure})"
    return "" if foreign_pid is None else f"it belongs to another user (process {foreign_pid})"


def client_problem(handle: int, api: PipePeerApi | None = None) -> str:
    """For the running instance: "" when the client of ``handle`` runs as this user, else why.

    Nothing may be read from the client unless this is "".
    """
    failure, foreign_pid = _check(handle, api, server=False)
    if failure:
        return f"its user cannot be checked ({failure})"
    return "" if foreign_pid is None else f"it runs as another user (process {foreign_pid})"


def _check(handle: int, api: PipePeerApi | None, *, server: bool) -> tuple[str, int | None]:
    """(why the check failed, "" when it ran; the peer's process id when it is another user's)."""
    try:
        if handle <= 0:  # -1: QLocalSocket has no handle (INVALID_HANDLE_VALUE); 0: NULL
            raise OSError(errno.EBADF, "no pipe handle")
        api = native() if api is None else api
        pid = api.pipe_server_pid(handle) if server else api.pipe_client_pid(handle)
        same = api.equal(api.process_user_sid(pid), api.current_user_sid())
    except OSError as exc:
        return str(exc.strerror or exc), None
    except Exception as exc:  # fail closed: a check that breaks never lets a command through
        return f"{type(exc).__name__}: {exc}", None
    return "", (None if same else pid)


_native: PipePeerApi | None = None


def native() -> PipePeerApi:
    """The real Win32 calls (loaded once); raises OSError where there are none."""
    global _native
    if _native is None:
        import ctypes

        if sys.platform == "win32" and hasattr(ctypes, "WinDLL"):
            _native = _Win32()
        else:
            raise OSError(errno.ENOSYS, "the Windows security calls are not available")
    return _native


if sys.platform == "win32":
    # Reviewed against the Win32 documentation and type-checked for Windows
    # (tests/hostile/test_pipe_owner.py); the single-instance tests reach it only when the
    # suite runs on Windows, which CI does not do yet.
    import ctypes
    from ctypes import wintypes

    _PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    _TOKEN_QUERY = 0x0008
    _TOKEN_USER = 1  # TOKEN_INFORMATION_CLASS.TokenUser

    class _SidAndAttributes(ctypes.Structure):
        """TOKEN_USER: one SID_AND_ATTRIBUTES (the SID pointer points into the same buffer)."""

        _fields_ = [("Sid", ctypes.c_void_p), ("Attributes", wintypes.DWORD)]

    def _fail(call: str) -> OSError:
        error = ctypes.get_last_error()
        return OSError(errno.EACCES, f"{call} failed: {ctypes.FormatError(error)} ({error})")

    class _Win32:
        """:class:`PipePeerApi` over kernel32 and advapi32."""

        def __init__(self) -> None:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
            handle, dword, pvoid = wintypes.HANDLE, wintypes.DWORD, ctypes.c_void_p
            self._server_pid = kernel32.GetNamedPipeServerProcessId
            self._server_pid.argtypes = [handle, ctypes.POINTER(wintypes.ULONG)]
            self._server_pid.restype = wintypes.BOOL
            self._client_pid = kernel32.GetNamedPipeClientProcessId
            self._client_pid.argtypes = [handle, ctypes.POINTER(wintypes.ULONG)]
            self._client_pid.restype = wintypes.BOOL
            self._open_process = kernel32.OpenProcess
            self._open_process.argtypes = [dword, wintypes.BOOL, dword]
            self._open_process.restype = handle
            self._current_process = kernel32.GetCurrentProcess
            self._current_process.argtypes = []
            self._current_process.restype = handle
            self._close = kernel32.CloseHandle
            self._close.argtypes = [handle]
            self._close.restype = wintypes.BOOL
            self._open_token = advapi32.OpenProcessToken
            self._open_token.argtypes = [handle, dword, ctypes.POINTER(handle)]
            self._open_token.restype = wintypes.BOOL
            self._token_info = advapi32.GetTokenInformation
            self._token_info.argtypes = [handle, ctypes.c_int, pvoid, dword, ctypes.POINTER(dword)]
            self._token_info.restype = wintypes.BOOL
            self._valid_sid = advapi32.IsValidSid
            self._valid_sid.argtypes = [pvoid]
            self._valid_sid.restype = wintypes.BOOL
            self._sid_length = advapi32.GetLengthSid
            self._sid_length.argtypes = [pvoid]
            self._sid_length.restype = dword
            self._equal_sid = advapi32.EqualSid
            self._equal_sid.argtypes = [pvoid, pvoid]
            self._equal_sid.restype = wintypes.BOOL

        def pipe_server_pid(self, handle: int) -> int:
            pid = wintypes.ULONG()
            if not self._server_pid(handle, ctypes.byref(pid)):
                raise _fail("GetNamedPipeServerProcessId")
            return int(pid.value)

        def pipe_client_pid(self, handle: int) -> int:
            pid = wintypes.ULONG()
            if not self._client_pid(handle, ctypes.byref(pid)):
                raise _fail("GetNamedPipeClientProcessId")
            return int(pid.value)

        def process_user_sid(self, pid: int) -> bytes:
            process = self._open_process(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
            if not process:
                raise _fail("OpenProcess")
            try:
                return self._token_user_sid(process)
            finally:
                self._close(process)

        def current_user_sid(self) -> bytes:
            # A pseudo handle: nothing to close.
            return self._token_user_sid(self._current_process())

        def equal(self, first: bytes, second: bytes) -> bool:
            one = ctypes.create_string_buffer(first, len(first))
            two = ctypes.create_string_buffer(second, len(second))
            if not (self._valid_sid(one) and self._valid_sid(two)):
                raise OSError(errno.EINVAL, "not a valid SID")
            return bool(self._equal_sid(one, two))

        def _token_user_sid(self, process: int) -> bytes:
            token = wintypes.HANDLE()
            if not self._open_token(process, _TOKEN_QUERY, ctypes.byref(token)):
                raise _fail("OpenProcessToken")
            try:
                size = wintypes.DWORD(0)
                # The first call only asks for the size (and fails with "buffer too small").
                self._token_info(token, _TOKEN_USER, None, 0, ctypes.byref(size))
                if size.value < ctypes.sizeof(_SidAndAttributes):
                    raise _fail("GetTokenInformation")
                buffer = ctypes.create_string_buffer(size.value)
                if not self._token_info(token, _TOKEN_USER, buffer, size, ctypes.byref(size)):
                    raise _fail("GetTokenInformation")
                sid = _SidAndAttributes.from_buffer(buffer).Sid
                if not sid or not self._valid_sid(sid):
                    raise OSError(errno.EINVAL, "the token holds no valid user SID")
                return ctypes.string_at(sid, self._sid_length(sid))
            finally:
                self._close(token)
