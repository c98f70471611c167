"""Windows: store the call center's API key for the whole machine, as the installer's /APIKEY=.

``agentbar --store-machine-key`` (run by the all-users installer, never by people) reads the
key from the environment variable ``AGENTBAR_INSTALL_API_KEY`` (never from the command line,
which other programs and logs can see), protects it with DPAPI in *machine* scope and writes
the blob to ``%PROGRAMDATA%\\AgentBar\\api-key.dpapi``:

- the file holds exactly ``CryptProtectData(key.encode("utf-8"), "AgentBar API key", no
  entropy, flags CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN)``; AgentBar reads it
  with ``CryptUnprotectData`` when the user has no key of their own;
- machine scope: any account on this computer can decrypt it, no other computer can (a copied
  file or disk image is useless elsewhere);
- written atomically; the key is never printed, logged or left in the environment.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path

__all__ = [
    "INSTALL_KEY_ENV",
    "MACHINE_KEY_NAME",
    "dpapi_protect",
    "machine_key_file",
    "store_machine_key",
    "store_machine_key_main",
]

MACHINE_KEY_NAME = "api-key.dpapi"
INSTALL_KEY_ENV = "AGENTBAR_INSTALL_API_KEY"
DESCRIPTION = "AgentBar API key"
CRYPTPROTECT_UI_FORBIDDEN = 0x1
CRYPTPROTECT_LOCAL_MACHINE = 0x4

Protect = Callable[[bytes], bytes]


def machine_key_file(environ: Mapping[str, str] | None = None) -> Path:
    """``%PROGRAMDATA%\\AgentBar\\api-key.dpapi`` (``C:\\ProgramData`` when unset)."""
    env = os.environ if environ is None else environ
    base = env.get("PROGRAMDATA") or env.get("ALLUSERSPROFILE") or r"C:\ProgramData"
    return Path(base) / "AgentBar" / MACHINE_KEY_NAME


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


def dpapi_protect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    """DPAPI ``CryptProtectData`` in machine scope; raises OSError."""
    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    buffer = ctypes.create_string_buffer(data, len(data))
    source = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    out = _Blob()
    flags = CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN
    ok = windll.crypt32.CryptProtectData(
        ctypes.byref(source), DESCRIPTION, None, None, None, flags, ctypes.byref(out)
    )
    ctypes.memset(buffer, 0, len(data))
    if not ok:
        raise OSError(f"CryptProtectData failed (error {windll.kernel32.GetLastError()})")
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        windll.kernel32.LocalFree(out.pbData)


def store_machine_key(key: str, path: Path, protect: Protect = dpapi_protect) -> Path:
    """Protect ``key`` and write it to ``path`` atomically; returns ``path``.

    Raises ValueError for an empty key or one with control characters, OSError otherwise.
    """
    key = key.strip()
    if not key or any(ord(c) < 0x20 for c in key):
        raise ValueError("the API key is empty or has control characters")
    blob = protect(key.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0))
    try:
        os.write(fd, blob)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)
    return path


def store_machine_key_main(
    environ: MutableMapping[str, str] | None = None,
    *,
    protect: Protect = dpapi_protect,
    platform: str = sys.platform,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """``agentbar --store-machine-key``: 0 stored, 1 failed, 2 no key given. Never shows it."""
    env = os.environ if environ is None else environ
    key = env.pop(INSTALL_KEY_ENV, "")  # gone from this process's environment at once
    if platform != "win32":
        err("--store-machine-key is for the Windows installer; elsewhere use api_key_command")
        return 1
    if not key.strip():
        err(f"--store-machine-key: no key in {INSTALL_KEY_ENV}")
        return 2
    try:
        path = store_machine_key(key, machine_key_file(env), protect)
    except (OSError, ValueError) as exc:
        err(f"could not store the machine-wide API key: {exc}")
        return 1
    err(f"stored the machine-wide API key in {path}")
    return 0
