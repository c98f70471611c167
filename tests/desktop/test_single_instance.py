"""One instance per user session: the lock, the local socket, forwarding, crash recovery."""

from __future__ import annotations

import io
import logging
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from agentbar.core.commands import MAX_MESSAGE_BYTES, Command, decode_reply, encode, validate
from agentbar.desktop import instance_server
from agentbar.desktop import single_instance as si
from agentbar.desktop.instance_server import InstanceServer
from agentbar.desktop.single_instance import (
    claim,
    claim_or_forward,
    instance_key,
    server_name,
    session_id,
)
from tests.desktop.conftest import REPO, agentbar_env, launch

WAIT = 15000


@pytest.fixture
def server(qapp, basedir):
    mine = claim(basedir / "state")
    assert mine is not None and mine.lock is not None
    instance = InstanceServer(mine.name)
    assert instance.listen(stale=mine.recovered)
    received: list[Command] = []
    refused: list[str] = []
    instance.command_received.connect(received.append)
    instance.refused.connect(refused.append)
    instance.received = received  # type: ignore[attr-defined]
    instance.refusals = refused  # type: ignore[attr-defined]
    yield instance
    instance.close()
    mine.give_up()


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"DISPLAY": ":0"}, "x11::0"),
        ("linux", {"DISPLAY": ":0.0"}, "x11::0"),  # the screen number is the same session
        ("linux", {"DISPLAY": ":10.0", "XDG_SESSION_ID": "7"}, "x11::10"),  # XRDP session
        ("linux", {"DISPLAY": "localhost:11.0"}, "x11:localhost:11"),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":1"}, "wayland:wayland-0"),
        ("linux", {"XDG_SESSION_ID": "c3"}, "xdg:c3"),
        ("linux", {}, ""),
        ("darwin", {"DISPLAY": ":0"}, ""),
    ],
)
def test_session_id(platform, environ, expected):
    assert session_id(environ, platform) == expected


def test_windows_session_id_falls_back_to_the_session_name():
    assert session_id({"SESSIONNAME": "RDP-Tcp#3"}, "win32").startswith("win:")


def test_the_key_separates_users_sessions_and_base_directories(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    key = instance_key(a, environ={"DISPLAY": ":0"}, user="ayse:1000")
    assert key == instance_key(a, environ={"DISPLAY": ":0.0"}, user="ayse:1000")
    assert key != instance_key(b, environ={"DISPLAY": ":0"}, user="ayse:1000")
    assert key != instance_key(a, environ={"DISPLAY": ":10"}, user="ayse:1000")
    assert key != instance_key(a, environ={"DISPLAY": ":0"}, user="mehmet:1001")
    assert len(key) == 24 and all(c in "0123456789abcdef" for c in key)
    assert "ayse" not in key


def test_server_name_prefers_our_own_runtime_directory(tmp_path, monkeypatch):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    name = server_name("abc", environ={"XDG_RUNTIME_DIR": str(runtime)}, platform="linux")
    assert name == str(runtime / "agentbar-abc.sock")
    # No usable runtime directory: a private agentbar-<uid> folder in the temp directory,
    # never a bare name in a namespace shared with other users.
    # A short temp directory: under a long one (pytest-xdist's) the socket path would pass
    # the 108-byte limit and fall back to /tmp, which is tested below.
    short = Path(tempfile.mkdtemp(prefix="ab-", dir="/tmp"))
    try:
        monkeypatch.setattr(tempfile, "tempdir", str(short))
        private = short / f"agentbar-{os.getuid()}" / "agentbar-abc.sock"
        no_runtime: list[dict[str, str]] = [
            {},
            {"XDG_RUNTIME_DIR": "run/user"},
            {"XDG_RUNTIME_DIR": str(tmp_path / "x")},
        ]
        for environ in no_runtime:
            assert server_name("abc", environ=environ, platform="linux") == str(private)
        assert stat.S_IMODE(private.parent.stat().st_mode) == 0o700
    finally:
        shutil.rmtree(short, ignore_errors=True)
    assert server_name("abc", environ={}, platform="win32") == "agentbar-abc"


# -- the lock --------------------------------------------------------------------------------


def test_first_claim_wins_and_a_second_one_is_refused(basedir):
    first = claim(basedir / "state")
    assert first is not None and first.lock is not None and not first.recovered
    try:
        assert claim(basedir / "state") is None
        other = basedir.parent / "other"
        other.mkdir()
        independent = claim(other)  # another --basedir: another instance
        assert independent is not None and independent.lock is not None
        independent.give_up()
    finally:
        first.give_up()
    again = claim(basedir / "state")
    assert again is not None and not again.recovered
    again.give_up()


def test_an_unusable_lock_directory_runs_without_the_guarantee(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    mine = claim(tmp_path / "does-not-exist")
    assert mine is not None and mine.lock is None
    assert "one instance is not enforced" in caplog.text


def _child(code: str, basedir: Path) -> subprocess.Popen[str]:
    script = textwrap.dedent(code).format(state=str(basedir / "state"))
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=agentbar_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_lock_left_by_a_crashed_process_is_taken_over(basedir):
    # os._exit skips QLockFile's destructor: the file stays, naming a pid that is gone.
    child = _child(
        """
        import os, pathlib
        from agentbar.desktop.single_instance import claim
        mine = claim(pathlib.Path({state!r}))
        assert mine.lock is not None
        os._exit(0)
        """,
        basedir,
    )
    assert child.wait(30) == 0, child.stderr.read() if child.stderr else ""
    locks = list((basedir / "state").glob("instance-*.lock"))
    assert len(locks) == 1
    mine = claim(basedir / "state")
    assert mine is not None and mine.recovered and mine.lock is not None
    mine.give_up()


def test_stale_socket_of_a_killed_instance_is_recovered(qtbot, qapp, basedir):
    child = _child(
        """
        import pathlib, sys, time
        from PySide6.QtCore import QCoreApplication
        from agentbar.desktop.instance_server import InstanceServer
        from agentbar.desktop.single_instance import claim
        app = QCoreApplication([])
        mine = claim(pathlib.Path({state!r}))
        server = InstanceServer(mine.name)
        assert server.listen()
        print(server.full_name, flush=True)
        time.sleep(60)
        """,
        basedir,
    )
    assert child.stdout is not None
    socket_path = child.stdout.readline().strip()
    assert socket_path
    child.kill()  # no clean-up at all: lock file and socket stay behind
    child.wait(10)
    if os.name == "posix":
        assert Path(socket_path).exists()
    mine = claim(basedir / "state")
    assert mine is not None and mine.recovered
    instance = InstanceServer(mine.name)
    try:
        assert instance.listen(stale=mine.recovered)
        received: list[Command] = []
        instance.command_received.connect(received.append)
        second = launch("--basedir", str(basedir), "--show")
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
        assert second.returncode == 0, second.stderr.read() if second.stderr else ""
        assert received == [Command("show")]
    finally:
        instance.close()
        mine.give_up()


# -- the server ------------------------------------------------------------------------------


def test_only_the_same_user_may_connect(server):
    assert server.socket_options & QLocalServer.SocketOption.UserAccessOption
    if os.name == "posix":
        mode = os.stat(server.full_name).st_mode
        assert stat.S_ISSOCK(mode)
        assert mode & 0o077 == 0, oct(mode)


def test_second_launch_forwards_a_link_and_exits_0(qtbot, server, basedir):
    second = launch("--basedir", str(basedir), "tel:+905321234567")
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert server.received == [Command("dial", {"target": "tel:+905321234567"})]
    assert "Traceback" not in err


def test_second_launch_without_arguments_shows_the_bar(qtbot, server, basedir):
    second = launch("--basedir", str(basedir))
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
    assert second.returncode == 0
    assert server.received == [Command("show")]


def test_second_launch_carries_several_commands_in_order(qtbot, server, basedir):
    second = launch("--basedir", str(basedir), "--quit", "--break", "2", "--dial-clipboard")
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
    assert second.returncode == 0
    assert [c.name for c in server.received] == ["break", "dial_clipboard", "quit"]


class _Client:
    """A non-blocking client in the test's own event loop (the blocking one would deadlock)."""

    def __init__(self, qtbot, name: str) -> None:
        self.qtbot = qtbot
        self.socket = QLocalSocket()
        self.socket.connectToServer(name)
        connected = QLocalSocket.LocalSocketState.ConnectedState
        qtbot.waitUntil(lambda: self.socket.state() == connected, timeout=WAIT)
        self.replies: list[str] = []

    def send(self, payload: bytes, replies: int = 1) -> list[str]:
        self.socket.write(payload)
        self.socket.flush()
        want = len(self.replies) + replies

        def answered() -> bool:
            while self.socket.canReadLine():
                self.replies.append(decode_reply(bytes(self.socket.readLine().data())))
            return len(self.replies) >= want

        self.qtbot.waitUntil(answered, timeout=WAIT)
        return self.replies[want - replies : want]

    def wait_closed(self) -> None:
        unconnected = QLocalSocket.LocalSocketState.UnconnectedState
        self.qtbot.waitUntil(lambda: self.socket.state() == unconnected, timeout=WAIT)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"not json\n", "not JSON"),
        (b"\xc3\x28\n", "not UTF-8"),
        (b'{"v":2,"cmd":"show","args":{}}\n', "protocol version"),
        (b'{"v":1,"cmd":"format_disk","args":{}}\n', "unknown command"),
        (b'{"v":1,"cmd":"dial","args":{"target":5}}\n', "must be a string"),
        (b'{"v":1,"cmd":"show","args":{},"x":1}\n', "exactly v, cmd and args"),
    ],
)
def test_malformed_and_unknown_messages_are_refused_and_logged(
    qtbot, server, caplog, payload, reason
):
    caplog.set_level(logging.WARNING, logger="agentbar.desktop.single_instance")
    client = _Client(qtbot, server.name)
    [reply] = client.send(payload)
    assert reason in reply
    assert server.received == []
    assert server.refusals and reason in server.refusals[0]
    assert "refused a message from another launch" in caplog.text
    # The connection stays usable for a correct message after a refused one.
    assert client.send(encode(validate("show", {}))) == [""]
    assert server.received == [Command("show")]


def test_an_oversized_message_is_refused_and_the_connection_dropped(qtbot, server):
    client = _Client(qtbot, server.name)
    [reply] = client.send(b"{" + b" " * (MAX_MESSAGE_BYTES + 10))
    assert "longer than" in reply
    client.wait_closed()
    assert server.received == []


def test_too_many_messages_on_one_connection(qtbot, server):
    client = _Client(qtbot, server.name)
    line = encode(validate("show", {}))
    replies = client.send(
        line * (instance_server.MAX_MESSAGES_PER_CONNECTION + 1),
        instance_server.MAX_MESSAGES_PER_CONNECTION + 1,
    )
    assert replies[:-1] == [""] * instance_server.MAX_MESSAGES_PER_CONNECTION
    assert "too many messages" in replies[-1]
    client.wait_closed()
    assert len(server.received) == instance_server.MAX_MESSAGES_PER_CONNECTION


def test_a_client_that_never_finishes_is_dropped(qtbot, server, monkeypatch, caplog):
    monkeypatch.setattr(instance_server, "CONNECTION_TIMEOUT_MS", 200)
    client = _Client(qtbot, server.name)
    client.socket.write(b'{"v":1,"cmd":')
    client.socket.flush()
    client.wait_closed()
    assert server.received == []


# -- the launch's early path -----------------------------------------------------------------


def test_running_but_silent_instance_times_out_with_a_message(basedir):
    holder = claim(basedir / "state")  # holds the lock, never listens (a hung first launch)
    assert holder is not None
    err = io.StringIO()
    try:
        code = claim_or_forward(basedir / "state", [validate("show", {})], timeout_s=0.3, err=err)
    finally:
        holder.give_up()
    assert code == 1
    assert "running but does not answer" in err.getvalue()
    assert "it is not listening" in err.getvalue()


def test_a_command_sent_but_not_confirmed_is_not_sent_again(qtbot, qapp, basedir):
    holder = claim(basedir / "state")
    assert holder is not None
    mute = QLocalServer()  # accepts (the OS backlog does) but never answers
    assert mute.listen(holder.name)
    err = io.StringIO()
    try:
        code = claim_or_forward(basedir / "state", [validate("show", {})], timeout_s=0.5, err=err)
        assert code == 1
        assert "did not confirm" in err.getvalue()
        qtbot.waitUntil(mute.hasPendingConnections, timeout=WAIT)
        connection = mute.nextPendingConnection()
        qtbot.waitUntil(lambda: connection.bytesAvailable() > 0, timeout=WAIT)
        assert bytes(connection.readAll().data()) == encode(validate("show", {}))
        assert not mute.hasPendingConnections()  # one connection, one message: no retry
    finally:
        mute.close()
        holder.give_up()


def test_no_instance_means_this_launch_is_first(basedir):
    outcome = claim_or_forward(basedir / "state", [validate("show", {})])
    assert isinstance(outcome, si.Claim)
    outcome.give_up()


def test_quit_with_nothing_running_exits_at_once(basedir):
    done = subprocess.run(
        [sys.executable, "-m", "agentbar", "--basedir", str(basedir), "--quit"],
        cwd=REPO,
        env=agentbar_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "not running" in done.stderr


def test_the_forwarding_path_imports_no_gui_no_qasync_no_httpx(qtbot, server, basedir):
    second = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "agentbar", "--basedir", str(basedir), "--show"],
        cwd=REPO,
        env=agentbar_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    modules = {line.rpartition("|")[2].strip() for line in err.splitlines() if "|" in line}
    heavy_modules = ("PySide6.QtWidgets", "PySide6.QtGui", "qasync", "httpx", "phonenumbers")
    for heavy in (*heavy_modules, "agentbar.desktop.instance_server", "agentbar.api"):
        assert heavy not in modules
    assert "PySide6.QtNetwork" in modules
