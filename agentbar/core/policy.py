"""Mandatory settings from the operating system's policy stores.

Windows: Group Policy writes ``HKLM\\Software\\Policies\\AgentBar`` (and, for user policies,
``HKCU\\Software\\Policies\\AgentBar``; the machine wins); the ADMX template in
``packaging/windows/policy`` describes those values. macOS: a configuration profile for the
domain ``com.agentbar.AgentBar`` lands in ``/Library/Managed Preferences`` (per user and for
the machine; the user's wins, as in macOS itself). Both give values under the settings' own
names; :mod:`agentbar.core.settings` validates them like any settings file, and they win over
the user's file. The ``policy.json`` files beside the machine-wide defaults are read by
``settings.py`` itself. Never raises for a missing or damaged store: the problem becomes a note.
"""

from __future__ import annotations

import json
import logging
import os
import plistlib
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "MAC_DOMAIN",
    "MANAGED_PREFERENCES",
    "REGISTRY_KEY",
    "RegistryKey",
    "from_registry",
    "os_policy_sources",
    "read_managed_preferences",
]

log = logging.getLogger(__name__)

REGISTRY_KEY = r"Software\Policies\AgentBar"
MAC_DOMAIN = "com.agentbar.AgentBar"
MANAGED_PREFERENCES = Path("/Library/Managed Preferences")

# winreg's value types (the numbers are Windows' own, so this module imports no winreg here).
REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_QWORD = 1, 2, 4, 7, 11
_TEXT_TYPES = (REG_SZ, REG_EXPAND_SZ)
_NUMBER_TYPES = (REG_DWORD, REG_QWORD)

#: One registry key: its values (name -> (data, type)) and its subkeys' values.
RegistryValues = Mapping[str, tuple[object, int]]
RegistryKey = tuple[RegistryValues, Mapping[str, RegistryValues]]
#: ``reader(hive)`` with hive "HKLM" or "HKCU": the policy key there, or None when absent.
RegistryReader = Callable[[str], RegistryKey | None]
#: A source for the settings loader: (a label for messages, the values by setting name).
Source = tuple[str, Mapping[str, Any]]


def from_registry(key: RegistryKey, defaults: Mapping[str, object]) -> dict[str, Any]:
    """Registry values as settings values, converted by the type of each setting's default.

    A DWORD is true/false for a yes/no setting and a number for a numeric one; text may also
    say ``true``/``false`` or a number; a list setting comes from a REG_MULTI_SZ (one item a
    line, as the ADMX ``multiText`` element writes it) or from text holding a JSON array; a
    mapping setting (``break_budgets_min``) is a subkey of that name with one DWORD per entry.
    Unknown names are left out; a value of the wrong kind is passed on for the settings
    loader to refuse with a message.
    """
    values, subkeys = key
    out: dict[str, Any] = {}
    for name, (data, kind) in values.items():
        if name in defaults and not isinstance(defaults[name], Mapping):
            out[name] = _convert(data, kind, defaults[name])
    for name, sub in subkeys.items():
        if isinstance(defaults.get(name), Mapping):
            out[name] = {entry: _convert(data, kind, 0) for entry, (data, kind) in sub.items()}
    return out


def _convert(data: object, kind: int, default: object) -> Any:
    text = str(data).strip() if kind in _TEXT_TYPES else None
    if isinstance(default, bool):
        if kind in _NUMBER_TYPES and isinstance(data, int):
            return data != 0
        if text is not None and text.lower() in ("1", "true", "0", "false"):
            return text.lower() in ("1", "true")
    elif isinstance(default, int | float):
        if text is not None:
            for number in (int, float):
                try:
                    return number(text)
                except ValueError:
                    pass
    elif isinstance(default, tuple):
        if kind == REG_MULTI_SZ and isinstance(data, list):
            return [str(item) for item in data if str(item).strip()]
        if text is not None and text.startswith("["):
            try:
                return json.loads(text)
            except ValueError:
                return text
    return text if text is not None else data


def read_managed_preferences(
    root: Path = MANAGED_PREFERENCES, user: str | None = None, out: list[str] | None = None
) -> list[Source]:
    """The configuration-profile values for AgentBar: the user's first, then the machine's.

    Reads ``ROOT/<user>/com.agentbar.AgentBar.plist`` and ``ROOT/com.agentbar.AgentBar.plist``
    with plistlib (XML or binary). A damaged file becomes a note in ``out``. Blocks on disk.
    """
    notes = out if out is not None else []
    name = f"{MAC_DOMAIN}.plist"
    files = ([root / user / name] if user else []) + [root / name]
    sources: list[Source] = []
    for path in files:
        label = f"Managed preferences ({path})"
        try:
            with path.open("rb") as fh:
                data = plistlib.load(fh)
        except FileNotFoundError:
            continue
        except OSError as exc:
            notes.append(f"{label} could not be read ({exc.strerror or exc}).")
            continue
        except Exception:  # plistlib raises InvalidFileException, ValueError, ExpatError ...
            notes.append(f"{label} were not used because the file is not a property list.")
            continue
        if isinstance(data, dict):
            sources.append((label, data))
        else:
            notes.append(f"{label} were not used because the file does not hold a dictionary.")
    return sources


def os_policy_sources(
    defaults: Mapping[str, object],
    out: list[str],
    *,
    platform: str = sys.platform,
    registry_reader: RegistryReader | None = None,
    managed_root: Path = MANAGED_PREFERENCES,
    user: str | None = None,
) -> list[Source]:
    """The operating system's policy values for AgentBar, the first source winning.

    Windows: HKLM, then HKCU (``registry_reader`` is injected by tests; by default winreg).
    macOS: the managed preferences of ``user`` (default: the login name), then the machine's.
    Other systems have none (their policy is ``policy.json``). Blocks briefly on the registry
    or the disk; problems become notes in ``out``.
    """
    if platform == "win32":
        reader = registry_reader or _read_registry
        sources: list[Source] = []
        for hive in ("HKLM", "HKCU"):
            try:
                key = reader(hive)
            except OSError as exc:
                out.append(f"Group Policy ({hive}\\{REGISTRY_KEY}) could not be read ({exc}).")
                continue
            if key is not None:
                label = f"Group Policy ({hive}\\{REGISTRY_KEY})"
                sources.append((label, from_registry(key, defaults)))
        return sources
    if platform == "darwin":
        return read_managed_preferences(managed_root, user or _login_name(), out)
    return []


def _login_name() -> str | None:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or None


def _read_registry(hive: str) -> RegistryKey | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return None
    import winreg

    root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
    try:
        key = winreg.OpenKey(root, REGISTRY_KEY, 0, winreg.KEY_READ)
    except FileNotFoundError:
        return None
    with key:
        values = _registry_values(key)
        subkeys: dict[str, RegistryValues] = {}
        index = 0
        while True:
            try:
                name = winreg.EnumKey(key, index)
            except OSError:
                break
            index += 1
            with winreg.OpenKey(key, name, 0, winreg.KEY_READ) as sub:
                subkeys[name] = _registry_values(sub)
    return values, subkeys


def _registry_values(key: Any) -> dict[str, tuple[object, int]]:  # pragma: no cover - Windows
    if sys.platform != "win32":  # for mypy too: winreg exists only there
        return {}
    import winreg

    values: dict[str, tuple[object, int]] = {}
    index = 0
    while True:
        try:
            name, data, kind = winreg.EnumValue(key, index)
        except OSError:
            return values
        index += 1
        values[name] = (data, kind)
