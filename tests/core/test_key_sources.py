"""Tests for core.key_sources: the key command, the machine's key, and the order of sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agentbar.core.credentials import CredentialStore
from agentbar.core.key_sources import (
    FoundKey,
    KeySource,
    KeySourceFailed,
    afind_key,
    find_key,
    machine_key_file,
    read_dpapi_key,
    read_system_keychain,
    run_key_command,
)
from tests.core.conftest import MemoryKeyring

URL = "https://pbx.example/api/"
PY = sys.executable


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTBAR_API_KEY", raising=False)


def test_the_command_gives_its_first_line_without_a_shell(tmp_path: Path) -> None:
    key = run_key_command([PY, "-c", "print('  k3y-from-vault  '); print('second line')"])
    assert key == "k3y-from-vault"
    # No shell: a ';' is just an argument, nothing else runs.
    marker = tmp_path / "ran"
    argv = [PY, "-c", "import sys; print(sys.argv[1])", f"x; touch {marker}"]
    assert run_key_command(argv) == f"x; touch {marker}"
    assert not marker.exists()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([PY, "-c", "import sys; print('secret-out'); sys.exit(3)"], "failed. (python"),
        ([PY, "-c", "pass"], "printed no key"),
        (["/nonexistent/agentbar-vault", "--token", "hunter2"], "was not found. (agentbar-vault)"),
        ([], "is empty"),
    ],
)
def test_command_failures_name_the_program_only(argv: list[str], says: str) -> None:
    with pytest.raises(KeySourceFailed) as caught:
        run_key_command(argv)
    assert says in str(caught.value)
    assert "hunter2" not in str(caught.value) and "secret-out" not in str(caught.value)


def test_the_command_times_out() -> None:
    with pytest.raises(KeySourceFailed, match=r"did not finish in time. \(python.*, 0.5 s\)"):
        run_key_command([PY, "-c", "import time; time.sleep(30)"], timeout=0.5)


def test_machine_key_file_is_the_installers_name() -> None:
    path = machine_key_file({"PROGRAMDATA": r"D:\ProgramData"})
    assert str(path) == r"D:\ProgramData\AgentBar\api-key.dpapi"
    assert str(machine_key_file({})) == r"C:\ProgramData\AgentBar\api-key.dpapi"


def test_dpapi_key_is_decrypted_by_the_injected_function(tmp_path: Path) -> None:
    blob = tmp_path / "api-key.dpapi"
    assert read_dpapi_key(blob, decrypt=lambda b: b"never") is None  # no file: no key
    blob.write_bytes(b"BLOB")
    seen: list[bytes] = []

    def decrypt(data: bytes) -> bytes:
        seen.append(data)
        return "the-key\r\n".encode("utf-16-le")  # Inno Setup's strings are UTF-16

    assert read_dpapi_key(blob, decrypt) == "the-key"
    assert seen == [b"BLOB"]
    assert read_dpapi_key(blob, lambda b: b"\xef\xbb\xbfutf8-key\n") == "utf8-key"

    def refuses(data: bytes) -> bytes:
        raise OSError(13, "The data is invalid")

    with pytest.raises(KeySourceFailed, match="could not be decrypted on it"):
        read_dpapi_key(blob, refuses)
    with pytest.raises(KeySourceFailed, match="is empty"):
        read_dpapi_key(blob, lambda b: b"  \n")


def test_system_keychain_reads_through_security() -> None:
    calls: list[list[str]] = []

    def run(argv: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0, b"mac-key\n", b"")

    assert read_system_keychain(run) == "mac-key"
    assert calls[0][:2] == ["/usr/bin/security", "find-generic-password"]
    assert calls[0][-1] == "/Library/Keychains/System.keychain"

    def missing(argv: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(argv, 44, b"", b"could not be found")

    assert read_system_keychain(missing) is None

    def refused(argv: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(argv, 51, b"", b"")

    with pytest.raises(KeySourceFailed, match="exit status 51"):
        read_system_keychain(refused)


def _echo(key: str) -> tuple[str, ...]:
    return (PY, "-c", f"print({key!r})")


def test_order_env_keyring_command_machine(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CredentialStore()
    machine = lambda: "machine-key"  # noqa: E731
    found = find_key(URL, (), credentials=store, machine_key=machine)
    assert (found.key, found.source) == ("machine-key", KeySource.MACHINE)
    found = find_key(URL, _echo("cmd-key"), credentials=store, machine_key=machine)
    assert (found.key, found.source) == ("cmd-key", KeySource.COMMAND)
    store.set(URL, "users-own")
    found = find_key(URL, _echo("cmd-key"), credentials=store, machine_key=machine)
    assert (found.key, found.source) == ("users-own", KeySource.KEYRING)
    # The administrator's policy sets the command: it comes before the user's key.
    found = find_key(
        URL, _echo("cmd-key"), credentials=store, command_first=True, machine_key=machine
    )
    assert (found.key, found.source) == ("cmd-key", KeySource.COMMAND)
    monkeypatch.setenv("AGENTBAR_API_KEY", "env-key")
    found = find_key(URL, _echo("cmd-key"), credentials=store, machine_key=machine)
    assert (found.key, found.source) == ("env-key", KeySource.ENVIRONMENT)


def test_a_key_from_the_command_or_machine_is_never_stored(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    find_key(URL, _echo("cmd-key"), credentials=store, machine_key=lambda: None)
    find_key(URL, (), credentials=store, machine_key=lambda: "machine-key")
    assert memory_keyring.passwords == {}
    assert "cmd-key" not in repr(FoundKey("cmd-key", KeySource.COMMAND))


def test_failing_sources_are_problems_and_the_next_source_is_tried(
    memory_keyring: MemoryKeyring,
) -> None:
    def broken() -> str | None:
        raise KeySourceFailed("The API key installed for this computer could not be decrypted.")

    failing = (PY, "-c", "import sys; sys.exit(2)")
    found = find_key(URL, failing, credentials=CredentialStore(), machine_key=broken)
    assert found.key == "" and found.source is None
    assert len(found.problems) == 2
    assert "exit status 2" in found.problems[0]
    found = find_key(URL, failing, credentials=CredentialStore(), machine_key=lambda: "m")
    assert (found.key, found.source) == ("m", KeySource.MACHINE)
    assert len(found.problems) == 1


async def test_afind_key_runs_off_the_event_loop_thread(memory_keyring: MemoryKeyring) -> None:
    import threading

    CredentialStore().set(URL, "users-own")
    memory_keyring.threads.clear()
    found = await afind_key(URL, (), credentials=CredentialStore())
    assert found.source is KeySource.KEYRING
    assert memory_keyring.threads and threading.get_ident() not in memory_keyring.threads
