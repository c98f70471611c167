"""Another local user against the command socket: squatting its name, or standing in a peer.

Without ``XDG_RUNTIME_DIR`` the socket used to fall back to a predictable name in the shared
temp directory: another user who bound it first received the agent's dials (and their
numbers) and swallowed every link, ``--break`` and ``--quit``. Now the socket lives in a
directory only this user can enter (the runtime directory, or ``<temp>/agentbar-<uid>`` made
0700), a directory another user made or opened is refused, each end checks the other's user
id, a bar that cannot listen says so and keeps saying so, and a launch that cannot reach this
user's instance says why and exits non-zero.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication

from agentbar.app import build_parser
from agentbar.core.commands import encode, validate
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.desktop import peercred
from agentbar.desktop import single_instance as si
from agentbar.desktop.peercred import UnsafeSocketDir
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.runner import run
from tests.desktop import conftest as desktop_fixtures
from tests.desktop.conftest import REPO, agentbar_env
from tests.hostile.conftest import KEY, listening_instance, received_before_a_marker

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="POSIX sockets only")
WAIT = 15000
basedir = desktop_fixtures.basedir
NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


class Squatter:
    """Another user's listener: accepts on every path given and keeps what it receives."""

    def __init__(self, paths: list[Path]) -> None:
        self.received: list[bytes] = []
        self.connections = 0
        self._socks = []
        for path in paths:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.bind(str(path))
            sock.listen(8)
            sock.settimeout(0.2)
            self._socks.append(sock)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            for sock in self._socks:
                try:
                    conn, _ = sock.accept()
                except (TimeoutError, OSError):
                    continue
                self.connections += 1
                conn.settimeout(1)
                with contextlib.suppress(OSError):
                    self.received.append(conn.recv(65536))
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for sock in self._socks:
            sock.close()


def _squat(temp: Path, how: str) -> Path:
    """Make ``temp/agentbar-<uid>`` the way another user would; return it."""
    folder = temp / f"agentbar-{os.getuid()}"
    if how == "symlink":
        target = temp / "elsewhere"
        target.mkdir(mode=0o700)
        folder.symlink_to(target)
        return folder
    folder.mkdir(mode=0o700)
    if how == "another owner":
        os.chown(folder, NOBODY, NOBODY)
    else:
        folder.chmod(0o777)
    return folder


SQUATS = [
    pytest.param("another owner", marks=pytest.mark.skipif(not IS_ROOT, reason="needs chown")),
    "open to all",
    "symlink",
]


@pytest.mark.parametrize("how", SQUATS)
def test_a_socket_folder_another_user_could_use_is_refused(tmp_path: Path, how: str) -> None:
    folder = _squat(tmp_path, how)
    with pytest.raises(UnsafeSocketDir) as caught:
        si.socket_dir(environ={}, platform="linux", temp=str(tmp_path))
    assert str(folder) in str(caught.value)
    assert "Remove it" in str(caught.value)
    # A runtime directory that is not private is passed over for the (checked) temp folder.
    open_runtime = tmp_path / "run"
    open_runtime.mkdir(mode=0o777)
    open_runtime.chmod(0o777)
    with pytest.raises(UnsafeSocketDir):
        si.socket_dir(environ={"XDG_RUNTIME_DIR": str(open_runtime)}, temp=str(tmp_path))


@pytest.fixture
def short_tmp():
    """A temp directory with a short path: a socket path must fit in ~100 bytes."""
    import shutil

    path = Path(tempfile.mkdtemp(prefix="sq", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _env_without_runtime(temp: Path) -> dict[str, str]:
    env = agentbar_env(TMPDIR=str(temp))
    env.pop("XDG_RUNTIME_DIR", None)
    return env


@pytest.mark.parametrize("how", SQUATS)
def test_a_second_launch_never_talks_to_a_squatter(
    short_tmp: Path, basedir: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """AgentBar runs (it holds the lock) but the socket's place was taken by another user."""
    temp = short_tmp
    folder = _squat(temp, how)
    key = si.instance_key(basedir / "state")
    # The names another user can predict: the old bare name in the temp directory and the
    # one inside the folder they made.
    squatter = Squatter([temp / f"agentbar-{key}", folder / f"agentbar-{key}.sock"])
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    holder = si.claim(basedir / "state")
    assert holder is not None
    try:
        done = subprocess.run(
            [sys.executable, "-m", "agentbar", "--basedir", str(basedir), "tel:05321234567"],
            cwd=REPO, env=_env_without_runtime(temp), capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        holder.give_up()
        squatter.close()
    assert squatter.connections == 0 and squatter.received == []  # no number leaked
    assert done.returncode != 0, done.stderr
    assert holder.name == "" and "Remove it" in holder.problem  # the bar did not listen there
    assert "cannot reach the running instance safely" in done.stderr
    assert str(folder) in done.stderr


def _bar() -> Toolbar | None:
    bars = [w for w in QApplication.topLevelWidgets() if isinstance(w, Toolbar) and w.isVisible()]
    return bars[0] if bars else None


def test_a_bar_that_cannot_listen_says_so_and_keeps_saying_it(
    qtbot, qloop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    _squat(temp, "open to all")
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "bar"
    paths = Paths.under(base)
    paths.ensure()
    mine = si.claim(paths.state_dir)
    assert mine is not None and mine.lock is not None and mine.problem
    argv = ["--basedir", str(base), "--url", "http://127.0.0.1:9/api/", "--agent", DEMO_AGENT,
            "--extension", DEMO_EXTENSION]  # fmt: skip
    task = qloop.create_task(
        run(build_parser().parse_args(argv), paths, RedactingFilter(), claim=mine)
    )
    try:
        qtbot.waitUntil(lambda: _bar() is not None, timeout=WAIT)
        bar = _bar()
        assert bar is not None
        qtbot.waitUntil(lambda: "socket" in bar.notes.notes(), timeout=WAIT)
        assert bar.notes.isVisible()
        assert "socket folder is not private" in bar.notes.text()
        bar.show_message("info", "a later message")  # messages come and go: the note stays
        assert "socket folder is not private" in bar.notes.text()
        assert list(temp.glob(f"agentbar-{os.getuid()}/*")) == []  # nothing put in there
        bar.quit_requested.emit()
        qtbot.waitUntil(task.done, timeout=WAIT)
        assert task.result() == 0
    finally:
        mine.give_up()


# -- the peer's user -------------------------------------------------------------------------


def test_peer_uid_names_the_user_at_the_other_end() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        assert peercred.peer_uid(left.fileno()) == os.getuid()
        assert left.fileno() >= 0 and left.recv(0) == b""  # the fd was not closed by the check


@pytest.fixture
def instance(qapp, basedir: Path, short_tmp: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(short_tmp))  # a socket folder of its own
    with listening_instance(basedir / "state") as running:
        yield running


def test_the_instance_refuses_a_client_of_another_user(
    qtbot, instance, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    server, received, refused, _mine = instance
    monkeypatch.setattr(peercred, "peer_uid", lambda fd, platform=sys.platform: 4242)
    client = QLocalSocket()
    client.connectToServer(server.name)
    client.write(encode(validate("dial", {"target": "05321234567"})))
    client.flush()
    unconnected = QLocalSocket.LocalSocketState.UnconnectedState
    qtbot.waitUntil(lambda: client.state() == unconnected, timeout=WAIT)
    assert received == []
    assert refused == ["it runs as uid 4242"]
    assert "another user's process" in caplog.text


def test_a_launch_never_sends_to_an_instance_of_another_user(
    qtbot, instance, basedir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, received, refused, _mine = instance
    # Only the launch sees another user at the other end: the instance sees this user and
    # would take the command, so only the launch's own check can hold it back.
    launch_view = types.ModuleType(peercred.__name__)
    launch_view.__dict__.update(vars(peercred))
    launch_view.peer_uid = lambda fd, platform=sys.platform: 4242  # type: ignore[attr-defined]
    monkeypatch.setattr(si, "peercred", launch_view)
    err = io.StringIO()
    code = si.claim_or_forward(basedir / "state", [validate("quit", {})], timeout_s=2, err=err)
    assert code == 1
    assert "is not yours" in err.getvalue() and "uid 4242" in err.getvalue()
    assert received_before_a_marker(qtbot, server.name, received) == []
    assert refused == []  # the instance took the launch's connection: nothing was in it


@pytest.mark.skipif(not IS_ROOT, reason="needs another real user (setuid)")
def test_a_real_process_of_another_user_is_refused(qtbot, instance, tmp_path: Path) -> None:
    """The socket and its folder opened up on purpose: only the peer check is left."""
    server, received, refused, _mine = instance
    path = Path(server.full_name)
    assert path.parent.parent.name.startswith("sq")  # the test's own folder, not /tmp's
    path.parent.parent.chmod(0o755)
    path.parent.chmod(0o755)
    path.chmod(0o777)
    script = textwrap.dedent(
        f"""
        import os, socket
        os.setgid({NOBODY}); os.setuid({NOBODY})
        s = socket.socket(socket.AF_UNIX)
        s.connect({str(path)!r})
        s.settimeout(10)
        try:
            s.sendall({encode(validate("show", {}))!r})
            print("answer", repr(s.recv(100)))
        except (BrokenPipeError, ConnectionResetError):
            print("closed")
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=WAIT)
    out, err = child.communicate()
    assert child.returncode == 0, err
    assert out.strip() in ("closed", "answer b''")  # dropped without an answer
    assert received == []
    assert refused == [f"it runs as uid {NOBODY}"]
