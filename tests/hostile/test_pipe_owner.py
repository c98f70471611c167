"""Another local user against the command pipe on Windows: who is at the other end?

A named pipe's name is shared by every user of the machine and has no peer user id. Each end
now asks Windows for the other end's process (``GetNamedPipeServerProcessId`` /
``GetNamedPipeClientProcessId``), reads that process's user SID and compares it with its own
(``EqualSid``); another user, or any call that fails, means nothing is sent or read.

The Win32 calls are replaced by a stand-in (:class:`FakeWin32`), so the decision and its
wiring into both ends run on every OS: ``sys.platform`` is set to ``win32`` where the code
reads it, and the pipe is the local socket of the system the suite runs on. The real ctypes
calls are type-checked for Windows here and run only on Windows.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from agentbar.core.commands import Command, encode, validate
from agentbar.desktop import single_instance as si
from agentbar.desktop import win_peer
from agentbar.desktop.instance_server import InstanceServer
from tests.desktop import conftest as desktop_fixtures
from tests.desktop.conftest import agentbar_env
from tests.hostile.conftest import listening_instance, received_before_a_marker

WAIT = 15000
REPO = Path(__file__).resolve().parents[2]
basedir = desktop_fixtures.basedir

# Two SIDs as Windows lays them out (revision 1, authority 5, sub-authorities 21-…-RID).
ME = bytes.fromhex("010500000000000515000000a1b2c3d4e5f60718293a4b5ce9030000")
OTHER = bytes.fromhex("010500000000000515000000a1b2c3d4e5f60718293a4b5cea030000")
SERVER_PID, CLIENT_PID = 4242, 5151


class FakeWin32:
    """The Win32 calls of :class:`win_peer.PipePeerApi`, with chosen answers and failures."""

    def __init__(
        self, *, server_sid: bytes = ME, client_sid: bytes = ME, failing: str = ""
    ) -> None:
        self.sids = {SERVER_PID: server_sid, CLIENT_PID: client_sid}
        self.failing = failing
        self.calls: list[tuple[str, object]] = []

    def _call(self, name: str, argument: object) -> None:
        self.calls.append((name, argument))
        if name == self.failing:
            raise OSError(5, "Access is denied")

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def pipe_server_pid(self, handle: int) -> int:
        self._call("pipe_server_pid", handle)
        return SERVER_PID

    def pipe_client_pid(self, handle: int) -> int:
        self._call("pipe_client_pid", handle)
        return CLIENT_PID

    def process_user_sid(self, pid: int) -> bytes:
        self._call("process_user_sid", pid)
        return self.sids[pid]

    def current_user_sid(self) -> bytes:
        self._call("current_user_sid", None)
        return ME

    def equal(self, first: bytes, second: bytes) -> bool:
        self._call("equal", (first, second))
        return first == second


CHECK_CALLS = ["process_user_sid", "current_user_sid", "equal"]


class FailsForTheLaunch(FakeWin32):
    """Fails ``failing`` only in the launch's check (the one that starts with
    ``pipe_server_pid``): the instance's check passes and would read what the launch sent,
    so only the launch's own check can hold a command back."""

    def __init__(self, failing: str) -> None:
        super().__init__()
        self._for_the_launch = failing

    def _call(self, name: str, argument: object) -> None:
        if name in ("pipe_server_pid", "pipe_client_pid"):  # a check starts
            self.failing = self._for_the_launch if name == "pipe_server_pid" else ""
        super()._call(name, argument)


# -- the decision ----------------------------------------------------------------------------


def test_the_same_user_at_the_other_end_passes_both_checks() -> None:
    api: win_peer.PipePeerApi = (fake := FakeWin32())
    assert win_peer.server_problem(7, api) == ""
    assert fake.calls == [
        ("pipe_server_pid", 7),
        ("process_user_sid", SERVER_PID),
        ("current_user_sid", None),
        ("equal", (ME, ME)),
    ]
    fake.calls.clear()
    assert win_peer.client_problem(9, api) == ""
    assert fake.calls[0] == ("pipe_client_pid", 9)
    assert fake.calls[1] == ("process_user_sid", CLIENT_PID)


def test_another_user_at_the_other_end_is_refused() -> None:
    fake = FakeWin32(server_sid=OTHER, client_sid=OTHER)
    assert win_peer.server_problem(7, fake) == f"it belongs to another user (process {SERVER_PID})"
    assert win_peer.client_problem(7, fake) == f"it runs as another user (process {CLIENT_PID})"


@pytest.mark.parametrize("failing", ["pipe_server_pid", *CHECK_CALLS])
def test_the_launch_refuses_when_any_call_fails(failing: str) -> None:
    fake = FakeWin32(failing=failing)
    assert win_peer.server_problem(7, fake) == "its owner cannot be checked (Access is denied)"
    assert fake.names()[-1] == failing  # nothing after the failed call


@pytest.mark.parametrize("failing", ["pipe_client_pid", *CHECK_CALLS])
def test_the_instance_refuses_when_any_call_fails(failing: str) -> None:
    fake = FakeWin32(failing=failing)
    assert win_peer.client_problem(7, fake) == "its user cannot be checked (Access is denied)"


def test_a_check_that_breaks_in_another_way_still_refuses() -> None:
    class Broken(FakeWin32):
        def equal(self, first: bytes, second: bytes) -> bool:
            raise TypeError("wrong type")

    assert win_peer.server_problem(7, Broken()).startswith("its owner cannot be checked")
    assert win_peer.client_problem(7, Broken()).startswith("its user cannot be checked")


@pytest.mark.parametrize("handle", [-1, 0])
def test_a_socket_without_a_pipe_handle_is_refused_unasked(handle: int) -> None:
    fake = FakeWin32()
    assert win_peer.server_problem(handle, fake) == "its owner cannot be checked (no pipe handle)"
    assert fake.calls == []


@pytest.mark.skipif(sys.platform == "win32", reason="the real calls exist there")
def test_without_the_win32_calls_the_check_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(win_peer, "_native", None)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(OSError):
        win_peer.native()
    assert win_peer.server_problem(7).startswith("its owner cannot be checked")


def test_the_win32_calls_type_check_for_windows() -> None:
    """The ctypes code runs only on Windows; mypy reads it as Windows would here."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--platform", "win32", "agentbar/desktop/win_peer.py"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


# -- both ends, on "Windows" -----------------------------------------------------------------


@pytest.fixture
def instance(qapp, basedir: Path):
    with listening_instance(basedir / "state") as (server, received, refused, _claim):
        yield server, received, refused


def _as_windows(monkeypatch: pytest.MonkeyPatch, fake: FakeWin32) -> None:
    monkeypatch.setattr(win_peer, "native", lambda: fake)
    monkeypatch.setattr(sys, "platform", "win32")


SECOND_LAUNCH = """
import sys
from pathlib import Path
from agentbar.core.commands import validate
from agentbar.desktop import single_instance as si, win_peer
from tests.hostile.test_pipe_owner import FakeWin32

fake = FakeWin32()
win_peer.native = lambda: fake
sys.platform = "win32"
code = si.claim_or_forward(Path(sys.argv[1]), [validate("show", {})], timeout_s=10)
print(" ".join(fake.names()))
sys.exit(code)
"""


def test_on_windows_a_launch_sends_to_this_users_instance(
    qtbot, instance, basedir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second process (a blocking launch cannot share this thread with the instance)."""
    _server, received, refused = instance
    fake = FakeWin32()
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, str(basedir / "state")],
        cwd=REPO, env=agentbar_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _as_windows(monkeypatch, fake)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert received == [Command("show")] and refused == []
    # Both ends asked who is at the other end, before anything was sent or read.
    assert out.split()[0] == "pipe_server_pid", out
    assert fake.names()[0] == "pipe_client_pid"


def test_on_windows_a_launch_never_sends_to_a_pipe_of_another_user(
    qtbot, instance, basedir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, received, refused = instance
    fake = FakeWin32(server_sid=OTHER)  # the instance sees this user's client: it would read
    _as_windows(monkeypatch, fake)
    err = io.StringIO()
    dial = validate("dial", {"target": "05321234567"})
    code = si.claim_or_forward(basedir / "state", [dial], timeout_s=2, err=err)
    assert code == 1
    assert "is not yours" in err.getvalue()
    assert f"another user (process {SERVER_PID})" in err.getvalue()
    qtbot.waitUntil(lambda: "pipe_client_pid" in fake.names(), timeout=WAIT)  # it connected
    assert received_before_a_marker(qtbot, server.name, received) == []
    assert refused == []  # the instance took the launch's connection: nothing was in it


@pytest.mark.parametrize("failing", ["pipe_server_pid", *CHECK_CALLS])
def test_on_windows_a_launch_that_cannot_check_the_owner_sends_nothing(
    qtbot, instance, basedir: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    server, received, refused = instance
    _as_windows(monkeypatch, FailsForTheLaunch(failing))
    err = io.StringIO()
    code = si.claim_or_forward(basedir / "state", [validate("quit", {})], timeout_s=2, err=err)
    assert code == 1
    assert "is not yours: its owner cannot be checked (Access is denied)" in err.getvalue()
    assert received_before_a_marker(qtbot, server.name, received) == []
    assert refused == []  # the instance took the launch's connection: nothing was in it


@pytest.mark.skipif(sys.platform == "win32", reason="the real calls exist there")
def test_on_windows_without_the_win32_calls_nothing_is_sent(
    qtbot, instance, basedir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check itself cannot run (no kernel32 here): the launch fails closed."""
    server, received, refused = instance
    monkeypatch.setattr(win_peer, "_native", None)
    monkeypatch.setattr(sys, "platform", "win32")
    # The instance's end checks with the stand-in and passes: only the launch's check stands.
    instance_check = win_peer.client_problem
    monkeypatch.setattr(
        win_peer, "client_problem", lambda handle, api=None: instance_check(handle, FakeWin32())
    )
    err = io.StringIO()
    code = si.claim_or_forward(basedir / "state", [validate("quit", {})], timeout_s=2, err=err)
    assert code == 1
    assert "is not yours: its owner cannot be checked" in err.getvalue()
    assert received_before_a_marker(qtbot, server.name, received) == []
    assert refused == []  # the instance took the launch's connection: nothing was in it


def _send_dial(qtbot, server: InstanceServer) -> None:
    client = QLocalSocket()
    client.connectToServer(server.name)
    client.write(encode(validate("dial", {"target": "05321234567"})))
    client.flush()
    unconnected = QLocalSocket.LocalSocketState.UnconnectedState
    qtbot.waitUntil(lambda: client.state() == unconnected, timeout=WAIT)


def test_on_windows_the_instance_refuses_a_client_of_another_user(
    qtbot, instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, received, refused = instance
    _as_windows(monkeypatch, FakeWin32(client_sid=OTHER))
    _send_dial(qtbot, server)
    assert received == []
    assert refused == [f"it runs as another user (process {CLIENT_PID})"]


@pytest.mark.parametrize("failing", ["pipe_client_pid", *CHECK_CALLS])
def test_on_windows_the_instance_refuses_a_client_it_cannot_check(
    qtbot, instance, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    server, received, refused = instance
    _as_windows(monkeypatch, FakeWin32(failing=failing))
    _send_dial(qtbot, server)
    assert received == []
    assert refused == ["its user cannot be checked (Access is denied)"]


# -- the pipe's own security descriptor ------------------------------------------------------


def test_every_listen_asks_for_a_pipe_only_this_user_can_open(qapp, basedir: Path) -> None:
    """UserAccessOption is what gives the Windows pipe its user-only DACL; Qt reads it at
    listen(), so it must be set before each one, including the retry over a stale name."""
    mine = si.claim(basedir / "state")
    assert mine is not None and mine.name
    server = InstanceServer(mine.name)
    seen: list[QLocalServer.SocketOption] = []
    real_listen = server._server.listen
    in_use = QAbstractSocket.SocketError.AddressInUseError

    def listen(name: str) -> bool:  # the first try finds the name in use (a stale socket)
        seen.append(server._server.socketOptions())
        return len(seen) > 1 and real_listen(name)

    server._server.listen = listen  # type: ignore[method-assign,assignment]
    server._server.serverError = lambda: in_use  # type: ignore[method-assign]
    try:
        assert server.listen()
    finally:
        server.close()
        mine.give_up()
    user_only = QLocalServer.SocketOption.UserAccessOption
    assert seen == [user_only, user_only]
