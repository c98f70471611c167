"""Where the API key comes from: the environment, the user's keyring, IT's command, the machine.

The order (:func:`find_key`): ``AGENTBAR_API_KEY``; the user's own key in the keyring
(:mod:`agentbar.core.credentials`, the only keyring user); the ``api_key_command`` setting;
the key IT installed for the whole machine (Windows: a DPAPI blob, machine scope, at
``%PROGRAMDATA%\\AgentBar\\api-key.dpapi``, written by the installer's ``/APIKEY=``; macOS: the
System keychain). When the administrator's policy sets ``api_key_command``, the command comes
before the user's keyring. A key found by the command or in the machine's store is never
written anywhere (not the keyring, not a settings file), and no message here holds a key.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import ntpath
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.core.credentials import CredentialsUnavailable, env_key

if TYPE_CHECKING:
    from agentbar.core.credentials import CredentialStore

__all__ = [
    "KEY_COMMAND_TIMEOUT_S",
    "MACHINE_KEY_NAME",
    "FoundKey",
    "KeySource",
    "KeySourceFailed",
    "afind_key",
    "find_key",
    "machine_key_file",
    "read_dpapi_key",
    "read_system_keychain",
    "run_key_command",
]

log = logging.getLogger(__name__)

KEY_COMMAND_TIMEOUT_S = 10.0
# The file the Windows installer's ``/APIKEY=`` writes under ``%PROGRAMDATA%\AgentBar``.
MACHINE_KEY_NAME = "api-key.dpapi"
# The macOS System keychain item: ``security add-generic-password -s AgentBar -a api-key``.
KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT = "AgentBar", "api-key"
SYSTEM_KEYCHAIN = "/Library/Keychains/System.keychain"
_SECURITY = "/usr/bin/security"
_SECURITY_NOT_FOUND = 44  # errSecItemNotFound, as security(1) exits
_CRYPTPROTECT_UI_FORBIDDEN = 0x1

Runner = Callable[..., "subprocess.CompletedProcess[bytes]"]


class KeySource(StrEnum):
    """Where a key came from (shown to the user and by ``--self-test``; never the key)."""

    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    COMMAND = "command"
    MACHINE = "machine"


class KeySourceFailed(Exception):
    """A key source was configured but gave no key; ``str(exc)`` is for the user, keyless."""


@dataclass(frozen=True)
class FoundKey:
    """The key ("" when none), its source, and problems met on the way (keyless messages)."""

    key: str = field(default="", repr=False)
    source: KeySource | None = None
    problems: tuple[str, ...] = ()


def run_key_command(
    argv: Sequence[str], *, timeout: float = KEY_COMMAND_TIMEOUT_S, run: Runner = subprocess.run
) -> str:
    """Run ``argv`` (no shell) and return the first line of its output, stripped.

    Blocks up to ``timeout`` seconds (the program is then killed); call it off the event loop.
    Raises :class:`KeySourceFailed` naming only the program (arguments and error output may
    hold secrets) when it cannot start, fails, times out or prints nothing.
    """
    if not argv or not argv[0].strip():
        raise KeySourceFailed(QT_TRANSLATE_NOOP("keys", "The API key command is empty."))
    program = ntpath.basename(argv[0]) or argv[0]
    extra: dict[str, Any] = {}
    if sys.platform == "win32":  # pragma: no cover - no console window flashing up
        extra["creationflags"] = subprocess.CREATE_NO_WINDOW
    try:
        done = run(
            list(argv),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
            **extra,
        )
    except FileNotFoundError:
        text = QT_TRANSLATE_NOOP("keys", "The API key command was not found.")
        raise KeySourceFailed(f"{text} ({program})") from None
    except subprocess.TimeoutExpired:
        text = QT_TRANSLATE_NOOP("keys", "The API key command did not finish in time.")
        raise KeySourceFailed(f"{text} ({program}, {timeout:g} s)") from None
    except OSError as exc:
        text = QT_TRANSLATE_NOOP("keys", "The API key command could not be started.")
        raise KeySourceFailed(f"{text} ({program}: {exc.strerror or exc})") from None
    if done.returncode != 0:
        text = QT_TRANSLATE_NOOP("keys", "The API key command failed.")
        raise KeySourceFailed(f"{text} ({program}, exit status {done.returncode})")
    lines = done.stdout.decode("utf-8-sig", "replace").splitlines()
    key = lines[0].strip() if lines else ""
    if not key:
        text = QT_TRANSLATE_NOOP("keys", "The API key command printed no key.")
        raise KeySourceFailed(f"{text} ({program})")
    return key


def machine_key_file(environ: Mapping[str, str] | None = None) -> Path:
    """``%PROGRAMDATA%\\AgentBar\\api-key.dpapi``: the Windows installer's machine-wide key."""
    env = os.environ if environ is None else environ
    program_data = env.get("PROGRAMDATA") or env.get("ALLUSERSPROFILE") or r"C:\ProgramData"
    return Path(ntpath.join(program_data, "AgentBar", MACHINE_KEY_NAME))


def read_dpapi_key(path: Path, decrypt: Callable[[bytes], bytes] | None = None) -> str | None:
    """The key in the DPAPI blob at ``path`` (machine scope, no extra entropy), or None.

    The plain text is the key in UTF-8 or UTF-16-LE (Inno Setup's strings), surrounding
    whitespace removed. ``decrypt`` is CryptUnprotectData (ctypes) unless a test injects one.
    Blocks on disk. Raises :class:`KeySourceFailed` when the file is unreadable or does not
    decrypt (another machine's blob, a damaged file).
    """
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        text = QT_TRANSLATE_NOOP(
            "keys", "The API key installed for this computer could not be read."
        )
        raise KeySourceFailed(f"{text} ({path}: {exc.strerror or exc})") from None
    try:
        plain = (decrypt or _crypt_unprotect)(blob)
    except OSError:
        text = QT_TRANSLATE_NOOP(
            "keys", "The API key installed for this computer could not be decrypted on it."
        )
        raise KeySourceFailed(f"{text} ({path})") from None
    # ASCII in UTF-16-LE: every second byte is zero.
    looks_utf16 = len(plain) % 2 == 0 and plain[1::2].count(0) * 2 >= len(plain) // 2 > 0
    text = plain.decode("utf-16-le" if looks_utf16 else "utf-8-sig", "replace")
    key = text.replace("\x00", "").strip().lstrip("\ufeff")
    if not key:
        text = QT_TRANSLATE_NOOP("keys", "The API key installed for this computer is empty.")
        raise KeySourceFailed(f"{text} ({path})")
    return key


class _Blob(ctypes.Structure):
    _fields_ = (("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char)))


def _crypt_unprotect(blob: bytes) -> bytes:  # pragma: no cover - Windows only
    """CryptUnprotectData through ctypes; raises OSError when it fails or off Windows."""
    if sys.platform != "win32":
        raise OSError("DPAPI exists only on Windows")
    buffer = ctypes.create_string_buffer(blob, len(blob))
    source = _Blob(len(blob), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    result = _Blob()
    ok = ctypes.windll.crypt32.CryptUnprotectData(
        ctypes.byref(source),
        None,
        None,
        None,
        None,
        _CRYPTPROTECT_UI_FORBIDDEN,
        ctypes.byref(result),
    )
    if not ok:
        raise ctypes.WinError()
    try:
        return ctypes.string_at(result.pbData, result.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(result.pbData)


def read_system_keychain(run: Runner = subprocess.run) -> str | None:
    """The key IT put in the macOS System keychain (service AgentBar, account api-key), or None.

    Uses ``security find-generic-password``; blocks up to the command timeout. Raises
    :class:`KeySourceFailed` when the item exists but cannot be read (access refused).
    """
    argv = [_SECURITY, "find-generic-password", "-s", KEYCHAIN_SERVICE, "-a", KEYCHAIN_ACCOUNT]
    try:
        done = run(
            [*argv, "-w", SYSTEM_KEYCHAIN],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=KEY_COMMAND_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        raise KeySourceFailed(
            QT_TRANSLATE_NOOP("keys", "The System keychain could not be read.")
        ) from None
    if done.returncode == _SECURITY_NOT_FOUND:
        return None
    if done.returncode != 0:
        text = QT_TRANSLATE_NOOP("keys", "The System keychain refused to give the API key.")
        raise KeySourceFailed(f"{text} (exit status {done.returncode})")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    return (lines[0].strip() if lines else "") or None


def _machine_key(platform: str, environ: Mapping[str, str] | None) -> str | None:
    if platform == "win32":
        return read_dpapi_key(machine_key_file(environ))
    if platform == "darwin":
        return read_system_keychain()
    return None


def find_key(
    url: str,
    command: Sequence[str] = (),
    *,
    credentials: CredentialStore | None,
    command_first: bool = False,
    machine_key: Callable[[], str | None] | None = None,
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
) -> FoundKey:
    """The API key for the server at ``url`` and where it came from (see the module's order).

    ``command`` is the ``api_key_command`` setting; ``command_first`` is True when the
    administrator's policy sets it. ``machine_key`` replaces the machine store (tests).
    Blocks (keyring, a command up to its timeout, the disk): use :func:`afind_key` on the
    event loop. Never raises for a source that fails: its message goes into ``problems``.
    """
    problems: list[str] = []
    key = env_key()
    if key:
        return FoundKey(key, KeySource.ENVIRONMENT)

    def from_command() -> str | None:
        if not command:
            return None
        try:
            return run_key_command(command)
        except KeySourceFailed as exc:
            problems.append(str(exc))
            return None

    def from_keyring() -> str | None:
        if credentials is None or not url:
            return None
        try:
            return credentials.get(url) or None
        except (CredentialsUnavailable, ValueError) as exc:
            problems.append(str(exc))
            return None

    def from_machine() -> str | None:
        try:
            if machine_key is not None:
                return machine_key()
            return _machine_key(platform, environ)
        except KeySourceFailed as exc:
            problems.append(str(exc))
            return None

    order: list[tuple[KeySource, Callable[[], str | None]]] = [
        (KeySource.KEYRING, from_keyring),
        (KeySource.COMMAND, from_command),
    ]
    if command_first:
        order.reverse()
    order.append((KeySource.MACHINE, from_machine))
    found = FoundKey("", None)
    for source, get in order:
        key = get()
        if key:
            found = FoundKey(key, source)
            break
    for problem in problems:
        log.warning("API key: %s", problem)
    return FoundKey(found.key, found.source, tuple(problems))


async def afind_key(
    url: str,
    command: Sequence[str] = (),
    *,
    credentials: CredentialStore | None,
    command_first: bool = False,
) -> FoundKey:
    """:func:`find_key` in a worker thread: the event loop never waits on a key source."""
    return await asyncio.to_thread(
        find_key, url, command, credentials=credentials, command_first=command_first
    )
