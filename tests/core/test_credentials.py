"""Tests for core.credentials: keyring use, failures turned into messages, memory fallback."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import InitError, KeyringError, KeyringLocked, PasswordSetError

from agentbar.core.credentials import (
    SERVICE,
    CredentialStore,
    CredentialsUnavailable,
    account_for,
    env_key,
)
from tests.core.conftest import MemoryKeyring, RaisingKeyring, make_backend

URL = "https://pbx.example.com/api"
KEY = "s3cr3t-api-key-0123456789"
NO_KEYRING_MESSAGE = (
    "No system keyring is available (no Secret Service / D-Bus session). "
    "The API key will be kept in memory for this session only."
)

Install = Callable[[KeyringBackend], KeyringBackend]


@pytest.mark.parametrize(
    ("url", "account"),
    [
        ("https://pbx.example.com/api", "https://pbx.example.com/api"),
        ("HTTPS://PBX.Example.COM:443/api/", "https://pbx.example.com/api"),
        ("http://pbx.example.com:80", "http://pbx.example.com"),
        ("https://pbx.example.com:8443/", "https://pbx.example.com:8443"),
        ("https://pbx.example.com/api?x=1#frag", "https://pbx.example.com/api"),
        ("https://user:pw@pbx.example.com/api", "https://pbx.example.com/api"),
        ("  https://pbx.example.com/Api  ", "https://pbx.example.com/Api"),
        ("http://[::1]:8080/", "http://[::1]:8080"),
    ],
)
def test_account_for_normalises_the_server(url: str, account: str) -> None:
    assert account_for(url) == account


@pytest.mark.parametrize("url", ["", "pbx.example.com", "ftp://pbx.example.com", "https://"])
def test_account_for_rejects_non_server_urls_without_echoing_them(url: str) -> None:
    with pytest.raises(ValueError) as info:
        account_for(url)
    assert url not in str(info.value) or not url


def test_set_get_delete_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.get(URL) is None
    store.set(URL, f"  {KEY}\n")
    assert memory_keyring.passwords == {(SERVICE, "https://pbx.example.com/api"): KEY}
    assert store.get("HTTPS://pbx.example.com:443/api/") == KEY
    assert store.get("https://other.example.com/api") is None
    assert store.persistent
    assert store.problem is None
    store.delete(URL)
    assert store.get(URL) is None
    store.delete(URL)  # deleting what is not there is fine


def test_empty_key_is_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError):
        CredentialStore().set(URL, "   ")
    assert memory_keyring.passwords == {}


def test_no_keyring_without_fallback_raises_a_helpful_message(use_keyring: Install) -> None:
    use_keyring(make_backend(fail.Keyring))
    store = CredentialStore()
    with pytest.raises(CredentialsUnavailable) as info:
        store.set(URL, KEY)
    message = str(info.value)
    assert message.startswith("No system keyring is available (no Secret Service / D-Bus session).")
    assert "AGENTBAR_API_KEY" in message
    assert KEY not in message
    with pytest.raises(CredentialsUnavailable):
        store.get(URL)
    with pytest.raises(CredentialsUnavailable):
        store.delete(URL)


def test_no_keyring_with_fallback_keeps_the_key_in_memory_only(
    use_keyring: Install, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    use_keyring(make_backend(fail.Keyring))
    store = CredentialStore(memory_only_fallback=True)
    assert store.persistent
    store.set(URL, KEY)
    assert not store.persistent
    assert store.problem == NO_KEYRING_MESSAGE
    assert store.get(URL) == KEY
    assert store.get("https://other.example.com") is None
    assert KEY not in repr(store)
    # Never a plain-text fallback: nothing was written anywhere we can see.
    assert list(tmp_path.rglob("*")) == []
    store.delete(URL)  # no keyring: nothing can be stored there, so this is not an error
    assert store.get(URL) is None


def test_null_backend_that_drops_keys_counts_as_no_keyring(use_keyring: Install) -> None:
    use_keyring(make_backend(null.Keyring))
    with pytest.raises(CredentialsUnavailable, match="No system keyring"):
        CredentialStore().set(URL, KEY)


def test_plain_text_backends_are_refused(use_keyring: Install) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    ring = use_keyring(PlaintextKeyring())
    store = CredentialStore(memory_only_fallback=True)
    store.set(URL, KEY)
    assert isinstance(ring, MemoryKeyring)
    assert ring.passwords == {}
    assert store.problem is not None
    assert "without protection" in store.problem


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: KeyringError("backend exploded"), "backend exploded"),
        (lambda: InitError("cannot initialise"), "InitError: cannot initialise"),
        (lambda: PasswordSetError("refused"), "PasswordSetError: refused"),
        (
            lambda: RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"),
            "org.freedesktop.DBus.Error.ServiceUnknown",
        ),
        (lambda: KeyringLocked("locked"), "The system keyring is locked. Unlock it"),
        (lambda: OSError(5, "I/O error"), "OSError"),
    ],
)
def test_backend_errors_become_credentials_unavailable(
    use_keyring: Install, make: Callable[[], Exception], expected: str
) -> None:
    use_keyring(RaisingKeyring(make))
    store = CredentialStore()
    calls: list[Callable[[], object]] = [
        lambda: store.set(URL, KEY),
        lambda: store.get(URL),
        lambda: store.delete(URL),
    ]
    for call in calls:
        with pytest.raises(CredentialsUnavailable) as info:
            call()
        assert expected in str(info.value)
        assert KEY not in str(info.value)


def test_the_key_is_scrubbed_from_backend_messages(use_keyring: Install) -> None:
    use_keyring(RaisingKeyring(lambda: PasswordSetError(f"could not store {KEY!r}")))
    with pytest.raises(CredentialsUnavailable) as info:
        CredentialStore().set(URL, KEY)
    assert KEY not in str(info.value)
    assert "***" in str(info.value)


def test_fallback_records_backend_errors_and_recovers(use_keyring: Install) -> None:
    use_keyring(RaisingKeyring(lambda: RuntimeError("D-Bus went away")))
    store = CredentialStore(memory_only_fallback=True)
    assert store.get(URL) is None
    assert store.problem is not None
    assert store.problem.endswith("The API key will be kept in memory for this session only.")
    store.set(URL, KEY)
    assert store.get(URL) == KEY
    with pytest.raises(CredentialsUnavailable, match="could not be removed"):
        store.delete(URL)  # the keyring may still hold a key: say so
    assert store.get(URL) is None  # but the memory copy is gone

    ring = use_keyring(MemoryKeyring())
    store.set(URL, KEY)
    assert isinstance(ring, MemoryKeyring)
    assert ring.passwords == {(SERVICE, URL): KEY}
    assert store.persistent
    assert store.problem is None


def test_repr_never_shows_the_key(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(memory_only_fallback=True)
    store.set(URL, KEY)
    assert KEY not in repr(store)
    assert "AgentBar" in repr(store)


async def test_async_wrappers_run_off_the_calling_thread(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    await store.aset(URL, KEY)
    assert await store.aget(URL) == KEY
    await store.adelete(URL)
    assert await store.aget(URL) is None
    caller = threading.get_ident()
    assert len(memory_keyring.threads) == 4
    assert caller not in memory_keyring.threads


async def test_async_wrappers_raise_the_same_errors(use_keyring: Install) -> None:
    use_keyring(make_backend(fail.Keyring))
    with pytest.raises(CredentialsUnavailable):
        await CredentialStore().aset(URL, KEY)


def test_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTBAR_API_KEY", raising=False)
    assert env_key() is None
    monkeypatch.setenv("AGENTBAR_API_KEY", "   ")
    assert env_key() is None
    monkeypatch.setenv("AGENTBAR_API_KEY", f" {KEY} ")
    assert env_key() == KEY


def test_keyring_round_trip_stores_reads_and_deletes_a_dummy(
    memory_keyring: MemoryKeyring,
) -> None:
    from agentbar.core.credentials import keyring_round_trip

    memory_keyring.passwords[("AgentBar", "https://pbx.example")] = "real-key"
    ok, detail = keyring_round_trip()
    assert ok is True, detail
    assert "MemoryKeyring" in detail
    # Three calls at least (store, read, delete); the real key is untouched, nothing is left.
    assert len(memory_keyring.threads) >= 3
    assert memory_keyring.passwords == {("AgentBar", "https://pbx.example"): "real-key"}


def test_keyring_round_trip_without_a_keyring_is_skipped(use_keyring: Install) -> None:
    from keyring.backends import fail

    from agentbar.core.credentials import keyring_round_trip

    use_keyring(make_backend(fail.Keyring))
    ok, detail = keyring_round_trip()
    assert ok is None
    assert "No system keyring" in detail


def test_keyring_round_trip_reports_a_keyring_that_loses_entries(use_keyring: Install) -> None:
    from agentbar.core.credentials import keyring_round_trip

    class Forgetful(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            self.threads.append(0)  # accepted, then lost

    ring = Forgetful()
    use_keyring(ring)
    ok, detail = keyring_round_trip()
    assert ok is False
    assert "read back differently" in detail
    assert "self-test-" not in detail
    assert ring.threads  # it did try


def test_keyring_round_trip_reports_backend_errors_without_the_dummy(use_keyring: Install) -> None:
    from agentbar.core.credentials import keyring_round_trip

    use_keyring(RaisingKeyring(lambda: RuntimeError("dbus went away")))
    ok, detail = keyring_round_trip()
    assert ok is False
    assert "dbus went away" in detail
