"""Fixtures for core tests: in-memory and misbehaving keyring backends, restored afterwards."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


def make_backend(cls: type[KeyringBackend]) -> KeyringBackend:
    """An instance of a keyring backend class (keyring's own ``__init__`` is untyped)."""
    factory: Callable[[], KeyringBackend] = cls
    return factory()


def _init_base(ring: KeyringBackend) -> None:
    base_init: Callable[[KeyringBackend], None] = KeyringBackend.__init__
    base_init(ring)


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict. Negative priority: keyring never picks it by itself."""

    priority = -100

    def __init__(self) -> None:
        _init_base(self)
        self.passwords: dict[tuple[str, str], str] = {}
        self.threads: list[int] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.append(threading.get_ident())
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.append(threading.get_ident())
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.append(threading.get_ident())
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError("not found") from None


class RaisingKeyring(KeyringBackend):
    """A keyring whose every call raises the exception made by ``make``."""

    priority = -100

    def __init__(self, make: Callable[[], Exception]) -> None:
        _init_base(self)
        self.make = make

    def get_password(self, service: str, username: str) -> str | None:
        raise self.make()

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.make()

    def delete_password(self, service: str, username: str) -> None:
        raise self.make()


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    """Install a keyring backend for one test; the previous backend comes back afterwards."""
    previous = keyring.get_keyring()

    def install(ring: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(ring)
        return ring

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    """An empty in-memory keyring, installed for this test only."""
    ring = MemoryKeyring()
    use_keyring(ring)
    return ring
