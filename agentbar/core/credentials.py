"""The API key in the operating system's keyring: the only module that touches ``keyring``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from agentbar.api.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring itself is imported where it is used, in the worker threads that call it: it is a
# large import, which start-up need not pay when the key comes from AGENTBAR_API_KEY
# (bench/startup.py).

__all__ = [
    "API_KEY_ENV",
    "SERVICE",
    "CredentialStore",
    "CredentialsUnavailable",
    "account_for",
    "describe_keyring",
    "env_key",
    "keyring_round_trip",
]

log = logging.getLogger(__name__)

SERVICE = "AgentBar"
#: Environment variable with an API key for automation; read, never persisted.
API_KEY_ENV = "AGENTBAR_API_KEY"

_T = TypeVar("_T")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# (module, class) of backends that cannot keep a key: they raise on every call or drop it.
_NO_KEYRING = frozenset(
    {("keyring.backends.fail", "Keyring"), ("keyring.backends.null", "Keyring")}
)
# keyrings.alt backends keep keys in files, in plain text or behind a terminal prompt; never use
# them (Vorta's plain-text fallback drew a security report; Maestral refuses them too).
_UNSAFE_PREFIX = "keyrings.alt"
_MAX_DETAIL = 200

# Whole sentences, marked for translation: the UI translates a message sentence by sentence
# (agentbar/ui/messages.py), so each constant sentence here reaches the agent in Turkish.
_NO_KEYRING_REASON = QT_TRANSLATE_NOOP(
    "credentials", "No system keyring is available (no Secret Service / D-Bus session)."
)
_IN_MEMORY = QT_TRANSLATE_NOOP(
    "credentials", "The API key will be kept in memory for this session only."
)
_NO_KEYRING_HINT = QT_TRANSLATE_NOOP(
    "credentials",
    "Install and unlock a keyring such as GNOME Keyring or KWallet, or set AGENTBAR_API_KEY.",
)


class CredentialsUnavailable(Exception):
    """The system keyring cannot be used. ``str(exc)`` is for the user and never holds the key."""


class _Failure(Exception):
    def __init__(self, reason: str, hint: str, *, no_keyring: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint
        self.no_keyring = no_keyring


def account_for(url: str) -> str:
    """The keyring user name for a server: one key per server base URL.

    Lower-case scheme and host, the port unless it is the scheme's default, and the path without
    trailing slashes; no user info, query or fragment. ``https://PBX.example.com:443/api/``
    gives ``https://pbx.example.com/api``. Raises ``ValueError`` (without echoing the URL) when
    ``url`` is not an http(s) URL with a host.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError:
        raise ValueError("not a valid server URL") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not host:
        raise ValueError("not an http(s) server URL with a host")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def env_key() -> str | None:
    """The API key from ``AGENTBAR_API_KEY`` (for automation), or None. Never persisted."""
    return os.environ.get(API_KEY_ENV, "").strip() or None


def describe_keyring() -> tuple[bool, str]:
    """Which keyring backend would hold API keys, and whether AgentBar can use it.

    Returns ``(usable, detail)``: the backend's dotted name, or a message for the user saying
    why there is no usable one. For diagnostics (``agentbar --self-test``): it never reads or
    writes a key, so it never prompts to unlock; choosing the backend may wait briefly on
    D-Bus. Never raises.
    """
    try:
        import keyring

        ring = keyring.get_keyring()
        rings = list(getattr(ring, "backends", None) or [ring])
        _check_usable(ring)
    except _Failure as failure:
        return False, f"{failure.reason} {failure.hint}"
    except Exception as exc:
        return False, _failure_from(exc, "keyring", "").reason
    names = ", ".join(_backend_name(r) for r in rings)
    return True, names


#: The service of the dummy entry ``keyring_round_trip`` stores and deletes again.
SELF_TEST_SERVICE = "AgentBar self-test"


def keyring_round_trip() -> tuple[bool | None, str]:
    """Store, read back and delete a dummy entry, proving the keyring works end to end.

    Returns ``(None, why)`` when there is no usable keyring (nothing is tried), ``(False,
    what failed)``, or ``(True, backend)``. Uses the service "AgentBar self-test", never a
    real key; the dummy is deleted also when reading it back fails. Blocks on the keyring
    (it may ask to unlock it); for ``--self-test``. Never raises.
    """
    import secrets

    usable, detail = describe_keyring()
    if not usable:
        return None, detail
    store = CredentialStore(service=SELF_TEST_SERVICE)
    url, dummy = "https://self-test.invalid", f"self-test-{secrets.token_hex(8)}"
    try:
        store.set(url, dummy)
        try:
            if store.get(url) != dummy:
                return False, f"{detail}: the stored entry read back differently"
        finally:
            store.delete(url)
        if store.get(url) is not None:
            return False, f"{detail}: the entry was still there after deleting it"
    except (CredentialsUnavailable, ValueError) as exc:
        return False, str(exc).replace(dummy, "***")
    return True, f"{detail}: stored, read back and deleted a dummy entry"


class CredentialStore:
    """Get, set and delete the API key of a server in the system keyring.

    The plain methods block (Secret Service and Keychain may wait on D-Bus or a prompt): the CLI
    calls them directly, the GUI awaits ``aget``/``aset``/``adelete``, which run them in a
    worker thread. Backend failures become :class:`CredentialsUnavailable` with a message the
    user can act on. With ``memory_only_fallback=True`` a failed ``set`` keeps the key in
    process memory instead (see :attr:`persistent` and :attr:`problem`); the key is never
    written to any file. Keys are never logged and never shown by ``repr``.
    """

    def __init__(self, *, memory_only_fallback: bool = False, service: str = SERVICE) -> None:
        self._fallback = memory_only_fallback
        self._service = service
        self._memory: dict[str, str] = {}
        self._problem: str | None = None
        self._state_lock = threading.Lock()
        # One keyring call at a time: backends are not documented as thread-safe.
        self._backend_lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(service={self._service!r}, "
            f"memory_only_fallback={self._fallback}, persistent={self.persistent})"
        )

    @property
    def persistent(self) -> bool:
        """False while a key is held in memory only or the keyring last failed."""
        with self._state_lock:
            return self._problem is None and not self._memory

    @property
    def problem(self) -> str | None:
        """Why keys are not persistent (a message for the user), or None."""
        with self._state_lock:
            return self._problem

    def get(self, url: str) -> str | None:
        """The stored key for the server at ``url``, or None. Blocks on the keyring.

        Raises ``CredentialsUnavailable`` when the keyring fails, unless the memory fallback is
        on: then the key kept in memory this session (or None) is returned.
        """
        account = account_for(url)
        with self._state_lock:
            if account in self._memory:
                return self._memory[account]
        try:
            key = self._call(lambda ring: ring.get_password(self._service, account))
        except _Failure as failure:
            self._fail(
                failure, QT_TRANSLATE_NOOP("credentials", "The saved API key could not be read.")
            )
            return None
        self._succeeded()
        return key

    def set(self, url: str, key: str) -> None:
        """Store ``key`` (surrounding whitespace removed) for the server at ``url``. Blocks.

        Raises ``ValueError`` for an empty key and ``CredentialsUnavailable`` when the keyring
        fails, unless the memory fallback is on: then the key is kept in memory only.
        """
        account = account_for(url)
        key = key.strip()
        if not key:
            raise ValueError("the API key is empty")
        try:
            self._call(lambda ring: ring.set_password(self._service, account, key), secret=key)
        except _Failure as failure:
            if self._fallback:
                with self._state_lock:
                    self._memory[account] = key
            self._fail(failure, QT_TRANSLATE_NOOP("credentials", "The API key was not saved."))
            return
        with self._state_lock:
            self._memory.pop(account, None)
        self._succeeded()

    def delete(self, url: str) -> None:
        """Forget the key for the server at ``url`` (memory and keyring). Blocks.

        Deleting a key that is not stored is not an error, nor is having no keyring at all
        with the memory fallback on (nothing can be stored there). Any other keyring failure
        raises ``CredentialsUnavailable``, because a stored key may remain.
        """
        account = account_for(url)
        with self._state_lock:
            self._memory.pop(account, None)

        def delete(ring: KeyringBackend) -> None:
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):  # nothing stored for this server
                ring.delete_password(self._service, account)

        try:
            self._call(delete)
        except _Failure as failure:
            if self._fallback and failure.no_keyring:
                self._fail(failure, "")
                return
            raise CredentialsUnavailable(
                _join(
                    failure.reason,
                    failure.hint,
                    QT_TRANSLATE_NOOP("credentials", "The saved API key could not be removed."),
                )
            ) from None
        self._succeeded()

    async def aget(self, url: str) -> str | None:
        """:meth:`get` in a worker thread, so the event loop never waits on the keyring."""
        return await asyncio.to_thread(self.get, url)

    async def aset(self, url: str, key: str) -> None:
        """:meth:`set` in a worker thread, so the event loop never waits on the keyring."""
        await asyncio.to_thread(self.set, url, key)

    async def adelete(self, url: str) -> None:
        """:meth:`delete` in a worker thread, so the event loop never waits on the keyring."""
        await asyncio.to_thread(self.delete, url)

    def _fail(self, failure: _Failure, consequence: str) -> None:
        """Record the problem (memory fallback) or raise it for the user."""
        if not self._fallback:
            raise CredentialsUnavailable(_join(failure.reason, failure.hint, consequence)) from None
        with self._state_lock:
            self._problem = _join(failure.reason, _IN_MEMORY)

    def _succeeded(self) -> None:
        with self._state_lock:
            if not self._memory:
                self._problem = None

    def _call(self, op: Callable[[KeyringBackend], _T], *, secret: str = "") -> _T:
        """Run ``op`` on the current backend; any failure becomes a ``_Failure``."""
        import keyring

        with self._backend_lock:
            try:
                ring = keyring.get_keyring()
            except Exception as exc:
                raise _failure_from(exc, "keyring", secret) from None
            _check_usable(ring)
            try:
                return op(ring)
            except Exception as exc:
                raise _failure_from(exc, _backend_name(ring), secret) from None


def _join(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def _backend_name(ring: KeyringBackend) -> str:
    cls = type(ring)
    return f"{cls.__module__}.{cls.__qualname__}"


def _check_usable(ring: KeyringBackend) -> None:
    """Refuse backends that would fail, silently drop the key, or keep it in a file."""
    rings = [ring]
    members = getattr(ring, "backends", None)
    if type(ring).__name__ == "ChainerBackend" and isinstance(members, list):
        rings = members  # the chainer writes to its first member and is "null" when empty
        if not rings:
            raise _no_keyring()
    first = type(rings[0])
    if (first.__module__, first.__name__) in _NO_KEYRING:
        raise _no_keyring()
    if first.__module__.startswith(_UNSAFE_PREFIX):
        raise _Failure(
            f"The configured keyring ({_backend_name(rings[0])}) would keep the key in a file "
            "without protection, so AgentBar does not use it.",
            "Configure a system keyring (Keychain, Credential Manager, Secret Service) or set "
            f"{API_KEY_ENV}.",
            no_keyring=True,
        )


def _no_keyring() -> _Failure:
    return _Failure(
        _NO_KEYRING_REASON,
        _NO_KEYRING_HINT,
        no_keyring=True,
    )


def _failure_from(exc: Exception, backend: str, secret: str) -> _Failure:
    """Turn a backend exception into a user message; the key is scrubbed from every detail."""
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(exc, NoKeyringError):
        failure = _no_keyring()
    elif isinstance(exc, KeyringLocked):
        failure = _Failure(
            QT_TRANSLATE_NOOP("credentials", "The system keyring is locked."),
            QT_TRANSLATE_NOOP("credentials", "Unlock it and try again."),
            no_keyring=False,
        )
    else:
        detail = str(exc)
        if secret:
            detail = detail.replace(secret, "***")
        if len(detail) > _MAX_DETAIL:
            detail = detail[:_MAX_DETAIL] + "…"
        detail = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        failure = _Failure(
            f"The system keyring ({backend}) failed ({detail}).",
            QT_TRANSLATE_NOOP(
                "credentials", "Check that the keyring is running and unlocked, then try again."
            ),
            no_keyring=False,
        )
    log.warning("Keyring call failed: %s", failure.reason)
    return failure
