"""agentbar-cli on a managed desk: the key from IT's api_key_command or the computer's store,
found as the toolbar finds it, and TLS with the toolbar's context (system store + ca_file)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import select
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentbar import cli
from agentbar.core import key_sources
from agentbar.core.credentials import CredentialStore
from agentbar.sim import SimClock, Simulator
from tests.hostile.certs import OTHER_HOST, Certs, NoCertTool, make_certs
from tests.sim.helpers import START
from tests.test_cli import KEY, MemoryKeyring, assert_one_error_line, isolated, memory_keyring

__all__ = ["isolated", "memory_keyring"]  # fixtures, used by name (isolated is autouse)

PY = sys.executable


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(api_key=KEY, port=0, clock=SimClock(start=START)) as sim:
        yield sim
        assert sim.errors == []


def machine_file(name: str, values: dict[str, Any]) -> Path:
    """Write IT's ``defaults.json`` or ``policy.json`` where the toolbar reads it (the isolated
    fixture points XDG_CONFIG_DIRS into tmp)."""
    folder = Path(os.environ["XDG_CONFIG_DIRS"]) / "agentbar"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def key_command(tmp_path: Path, body: str) -> list[str]:
    """A tiny Python program as the api_key_command, run by this interpreter (no shell)."""
    script = tmp_path / "vault.py"
    script.write_text(body, encoding="utf-8")
    return [PY, str(script)]


def cat_key(tmp_path: Path) -> list[str]:
    """The command IT deploys on Linux: print the key kept in a root-owned file."""
    key_file = tmp_path / "etc-agentbar-api-key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    return key_command(
        tmp_path,
        "import pathlib, sys\n"
        f"pathlib.Path({str(tmp_path / 'ran')!r}).write_text('yes')\n"
        f"sys.stdout.write(pathlib.Path({str(key_file)!r}).read_text())\n",
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_holding(root: Path, secret: str, *, besides: tuple[Path, ...] = ()) -> list[Path]:
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and path not in besides and secret.encode() in path.read_bytes()
    ]


# -- the key -------------------------------------------------------------------------------------


def test_key_from_api_key_command_end_to_end(
    sim: Simulator,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    command = cat_key(tmp_path)
    machine_file("defaults.json", {"server_url": sim.url, "api_key_command": command})
    code, out, err = run(capsys, "--output", "table", "breakList")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == ["id  name", "2   YEMEK MOLASI"]
    assert (tmp_path / "ran").exists()
    # The key it gave is never written: not the keyring, not a settings or cache file.
    assert memory_keyring.passwords == {}
    key_file = tmp_path / "etc-agentbar-api-key"
    assert files_holding(tmp_path, KEY, besides=(key_file,)) == []
    assert KEY not in out


def test_explicit_key_options_come_before_the_command(
    sim: Simulator,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    machine_file("policy.json", {"server_url": sim.url, "api_key_command": cat_key(tmp_path)})
    code, _, err = run(capsys, "breakList")
    assert (code, err) == (0, "")
    (tmp_path / "ran").unlink()  # it ran: the policy's command gave the key
    given = tmp_path / "given-key"
    given.write_text(KEY + "\n")
    assert run(capsys, "--api-key-file", str(given), "breakList")[:1] == (0,)
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    assert run(capsys, "breakList")[:1] == (0,)
    assert not (tmp_path / "ran").exists()


def test_a_command_set_by_policy_wins_over_the_users_key_as_in_the_app(
    sim: Simulator,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    CredentialStore().set(sim.url, "users-own-stale-key")
    command = cat_key(tmp_path)
    machine_file("defaults.json", {"server_url": sim.url})
    policy = machine_file("policy.json", {"api_key_command": command})
    code, out, err = run(capsys, "breakList")
    assert (code, err) == (0, ""), err
    assert json.loads(out)[0]["name"] == "YEMEK MOLASI"
    # From defaults.json instead, the user's own saved key comes first (and is wrong here).
    policy.unlink()
    machine_file("defaults.json", {"server_url": sim.url, "api_key_command": command})
    code, out, err = run(capsys, "breakList")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "users-own-stale-key" not in err


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            f"import sys\nprint({KEY!r})\nprint('hunter2', file=sys.stderr)\nsys.exit(3)\n",
            "The API key command failed. (python",
        ),
        ("import time\ntime.sleep(30)\n", "The API key command did not finish in time. (python"),
        ("pass\n", "The API key command printed no key. (python"),
        (None, "The API key command was not found. (agentbar-vault)"),
    ],
    ids=["fails", "timeout", "prints-nothing", "not-found"],
)
def test_a_failing_command_is_one_line_naming_only_the_program(
    sim: Simulator,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str | None,
    says: str,
) -> None:
    # The timeout is 10 s in the app and here; the test waits half a second instead.
    short = functools.partial(key_sources.run_key_command, timeout=0.5)
    monkeypatch.setattr(key_sources, "run_key_command", short)
    if body is None:
        command = ["/nonexistent/agentbar-vault", "--token", "hunter2"]
    else:
        command = [*key_command(tmp_path, body), "--token", "hunter2"]
    machine_file("policy.json", {"server_url": sim.url, "api_key_command": command})
    code, out, err = run(capsys, "breakList")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert err.startswith("error: no API key: ") and says in err
    assert "hunter2" not in err and "vault.py" not in err
    assert list(sim.requests) == []


def test_the_key_installed_for_the_computer(
    sim: Simulator,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' DPAPI file or macOS' System keychain (key_sources reads them; the platform is
    stood in for here): used when the user has no key of their own, never stored."""
    seen: list[str] = []

    def machine(platform: str, environ: object) -> str:
        seen.append(platform)
        return KEY

    monkeypatch.setattr(key_sources, "_machine_key", machine)
    code, out, err = run(capsys, "--url", sim.url, "breakList")
    assert (code, err) == (0, "") and json.loads(out)[0]["id"] == "2"
    assert seen == [sys.platform]
    assert memory_keyring.passwords == {}


def test_a_damaged_settings_file_is_read_around_never_renamed(
    sim: Simulator, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI reads the settings as the app does, but a script changes no file: the app sets a
    damaged file aside at start; the CLI leaves it for the app (and uses IT's defaults)."""
    from agentbar.core.paths import Paths

    settings = Paths.default().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text("{ damaged")
    machine_file("defaults.json", {"server_url": sim.url})
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    code, _, err = run(capsys, "breakList")
    assert (code, err) == (0, "")
    assert settings.read_text() == "{ damaged"
    assert sorted(p.name for p in settings.parent.iterdir()) == ["settings.json"]


# -- TLS -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [None, b"garbage\n"], ids=["missing", "not-pem"])
def test_a_bad_ssl_cert_file_is_one_error_line(
    sim: Simulator,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes | None,
) -> None:
    bundle = tmp_path / "bundle.pem"
    if content is not None:
        bundle.write_bytes(content)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    code, out, err = run(capsys, "--url", sim.url.replace("http:", "https:"), "breakList")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert f"SSL_CERT_FILE={bundle} is not usable" in err
    assert list(sim.requests) == []


@pytest.mark.parametrize("content", [None, b"not a certificate\n"], ids=["missing", "not-pem"])
def test_a_bad_ca_file_is_one_error_line(
    sim: Simulator,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes | None,
) -> None:
    ca_file = tmp_path / "corp-ca.pem"
    if content is not None:
        ca_file.write_bytes(content)
    machine_file("defaults.json", {"server_url": sim.url, "ca_file": str(ca_file)})
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    code, out, err = run(capsys, "breakList")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert f"the ca_file setting {ca_file} could not be loaded" in err
    assert list(sim.requests) == []


class TlsFront:
    """TLS for the simulator: a certificate for OTHER_HOST signed by the test CA, in front of
    the simulator's plain port (the simulator itself speaks http only)."""

    def __init__(self, certs: Certs, backend_port: int) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(certs.cert, certs.key)
        self._backend = backend_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.handshakes_ok = 0
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            conn.settimeout(10)
            tls = self._context.wrap_socket(conn, server_side=True)
            self.handshakes_ok += 1
            with tls, socket.create_connection(("127.0.0.1", self._backend), timeout=10) as up:
                while True:
                    ready, _, _ = select.select([tls, up], [], [], 10)
                    if not ready:
                        return
                    if tls in ready or tls.pending():
                        data = tls.recv(65536)
                        if not data:
                            return
                        up.sendall(data)
                    if up in ready:
                        data = up.recv(65536)
                        if not data:
                            return
                        tls.sendall(data)

    def close(self) -> None:
        # shutdown() wakes the accepting and serving threads at once (close() alone leaves
        # them blocked until their timeouts).
        for sock in (self._listener, *self._conns):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._accepting.join(10)
        for thread in self._threads:
            thread.join(10)


@pytest.fixture
def certs(tmp_path: Path) -> Certs:
    try:
        return make_certs(tmp_path / "certs")
    except NoCertTool as exc:
        pytest.skip(str(exc))


@pytest.fixture
def https_sim(sim: Simulator, certs: Certs, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """``https://other.example:PORT/api/`` reaching the simulator (the name resolves to
    loopback in this process only)."""
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in (OTHER_HOST, OTHER_HOST.encode()):
            host = "127.0.0.1"
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    front = TlsFront(certs, sim.port)
    yield f"https://{OTHER_HOST}:{front.port}/api/"
    front.close()


def test_the_company_ca_in_ca_file_lets_the_cli_reach_an_https_server(
    https_sim: str,
    sim: Simulator,
    certs: Certs,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    machine_file("defaults.json", {"server_url": https_sim})
    code, out, err = run(capsys, "breakList")  # the CA is not trusted: refused
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert list(sim.requests) == []
    machine_file("defaults.json", {"server_url": https_sim, "ca_file": str(certs.ca)})
    code, out, err = run(capsys, "breakList")
    assert (code, err) == (0, ""), err
    assert json.loads(out)[0]["name"] == "YEMEK MOLASI"
    assert [r.module for r in sim.requests] == ["breakList"]
