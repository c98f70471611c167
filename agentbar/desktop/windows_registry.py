"""The Windows registry values that make AgentBar a tel:/callto:/sip: handler, as data.

Pure functions build the list of HKCU values; :func:`windows_register` and
:func:`windows_unregister` apply it through a small :class:`Registry` interface (``winreg``
on Windows, a dict in tests), and :func:`inno_setup_registry` renders the same list for the
installer, so both write exactly the same keys.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "SCHEMES",
    "Registry",
    "RegistryValue",
    "WinRegistry",
    "inno_setup_registry",
    "windows_command",
    "windows_register",
    "windows_registry_values",
    "windows_unregister",
]

#: The link schemes AgentBar registers for, on every OS.
SCHEMES = ("tel", "callto", "sip")
PROG_ID = "AgentBar.Link"
CAPABILITIES_KEY = r"Software\AgentBar\Capabilities"


@dataclass(frozen=True, slots=True)
class RegistryValue:
    """One REG_SZ value under HKEY_CURRENT_USER: ``key`` path, value ``name`` ("" = default)."""

    key: str
    name: str
    value: str


def windows_command(exe: str, arguments: Sequence[str] = ()) -> str:
    """The ``shell\\open\\command`` line: ``"exe" [args] -- "%1"``, quoted for Windows."""
    quoted = [f'"{exe}"', *(f'"{a}"' if " " in a else a for a in arguments)]
    return " ".join(quoted) + ' -- "%1"'


def windows_registry_values(command: str, icon: str) -> list[RegistryValue]:
    """Every value AgentBar writes under HKCU (or HKLM), in writing order (keys before their
    children).

    Only AgentBar's own keys: its ProgID ``AgentBar.Link`` (which opens the links), its
    ``Capabilities`` naming that ProgID for each scheme, and its ``RegisteredApplications``
    entry, which is how Windows' Default apps lists AgentBar for tel:, callto: and sip:. The
    scheme keys themselves (``Software\\Classes\\tel\\shell\\open\\command``) belong to
    whichever program the user or IT chose and are never written: the choice is the user's
    (Default apps) or IT's (a default-associations file, see the README).

    ``command`` is :func:`windows_command`'s line, ``icon`` an ``"exe",0`` icon reference.
    The installer writes exactly this list (see :func:`inno_setup_registry`).
    """
    values: list[RegistryValue] = []
    prog = rf"Software\Classes\{PROG_ID}"
    values += [
        RegistryValue(prog, "", "AgentBar call link"),
        RegistryValue(prog, "URL Protocol", ""),
        RegistryValue(rf"{prog}\DefaultIcon", "", icon),
        RegistryValue(rf"{prog}\shell\open\command", "", command),
        RegistryValue(CAPABILITIES_KEY, "ApplicationName", "AgentBar"),
        RegistryValue(
            CAPABILITIES_KEY, "ApplicationDescription", "Call-center agent toolbar: dials links"
        ),
    ]
    values += [
        RegistryValue(rf"{CAPABILITIES_KEY}\URLAssociations", scheme, PROG_ID) for scheme in SCHEMES
    ]
    values.append(RegistryValue(r"Software\RegisteredApplications", "AgentBar", CAPABILITIES_KEY))
    return values


class Registry(Protocol):
    """The few HKCU operations needed (winreg in real life, a dict in tests)."""

    def get(self, key: str, name: str) -> str | None: ...
    def set(self, key: str, name: str, value: str) -> None: ...
    def delete_value(self, key: str, name: str) -> None: ...
    def delete_key_if_empty(self, key: str) -> bool: ...


def windows_register(values: Sequence[RegistryValue], registry: Registry) -> None:
    """Write ``values``; raises OSError."""
    for item in values:
        registry.set(item.key, item.name, item.value)


_PROTECTED_KEYS = {"software", "software\\classes", "software\\registeredapplications"}


def _root(key: str) -> str:
    """The tree a value belongs to: ``Software\\Classes\\tel``, ``Software\\AgentBar``…"""
    return "\\".join(key.split("\\")[:3])


def windows_unregister(values: Sequence[RegistryValue], registry: Registry) -> list[str]:
    """Delete what :func:`windows_register` wrote, then our keys left empty.

    A tree where another program changed any of our values since (it took ``tel:`` over) is
    left entirely alone, so its registration keeps working. Returns lines for the user.
    """
    foreign = set()
    for item in values:
        current = registry.get(item.key, item.name)
        if current is not None and current != item.value:
            foreign.add(_root(item.key))
    for item in reversed(values):
        if _root(item.key) not in foreign and registry.get(item.key, item.name) is not None:
            registry.delete_value(item.key, item.name)
    keys = set()
    for item in values:
        if _root(item.key) in foreign:
            continue
        parts = item.key.split("\\")
        for depth in range(len(parts), 1, -1):  # also the …\\shell\\open keys we created
            key = "\\".join(parts[:depth])
            if key.lower() not in _PROTECTED_KEYS:
                keys.add(key)
    for key in sorted(keys, key=lambda k: k.count("\\"), reverse=True):
        registry.delete_key_if_empty(key)
    return [f"Left {root} alone: another program changed it" for root in sorted(foreign)]


def inno_setup_registry(values: Sequence[RegistryValue]) -> str:
    """The same values as Inno Setup ``[Registry]`` lines (HKCU, removed on uninstall)."""

    def q(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    lines = ["[Registry]"]
    for v in values:
        lines.append(
            f"Root: HKCU; Subkey: {q(v.key)}; ValueType: string; ValueName: {q(v.name)}; "
            f"ValueData: {q(v.value)}; Flags: uninsdeletevalue"
        )
    return "\n".join(lines) + "\n"


class WinRegistry:  # pragma: no cover - Windows only
    def __init__(self) -> None:
        self.w: Any = importlib.import_module("winreg")

    def get(self, key: str, name: str) -> str | None:
        try:
            with self.w.OpenKey(self.w.HKEY_CURRENT_USER, key) as handle:
                value, _type = self.w.QueryValueEx(handle, name)
                return str(value)
        except OSError:
            return None

    def set(self, key: str, name: str, value: str) -> None:
        with self.w.CreateKeyEx(self.w.HKEY_CURRENT_USER, key, 0, self.w.KEY_SET_VALUE) as h:
            self.w.SetValueEx(h, name, 0, self.w.REG_SZ, value)

    def delete_value(self, key: str, name: str) -> None:
        with (
            contextlib.suppress(OSError),
            self.w.OpenKey(self.w.HKEY_CURRENT_USER, key, 0, self.w.KEY_SET_VALUE) as h,
        ):
            self.w.DeleteValue(h, name)

    def delete_key_if_empty(self, key: str) -> bool:
        try:
            with self.w.OpenKey(self.w.HKEY_CURRENT_USER, key) as handle:
                subkeys, values, _ = self.w.QueryInfoKey(handle)
            if subkeys or values:
                return False
            self.w.DeleteKey(self.w.HKEY_CURRENT_USER, key)
            return True
        except OSError:
            return False
