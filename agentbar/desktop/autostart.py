"""Start AgentBar at login, minimised to the tray: Linux autostart, Windows Run key, macOS agent.

The state shown to the user is read from the operating system every time (:func:`is_enabled`),
never remembered in our settings: an entry written by the installer, removed by hand or
switched off in Task Manager or in the desktop's startup settings is shown as it is.

- Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/agentbar.desktop``. A
  system-wide ``$XDG_CONFIG_DIRS/autostart/agentbar.desktop`` counts too, and is switched off
  for this user the XDG way, by a user file of the same name with ``Hidden=true``.
- Windows: the ``AgentBar`` value of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``;
  Task Manager's "Disabled" (an odd first byte in ``…\\Explorer\\StartupApproved\\Run``) is
  honoured, and cleared when the user turns the entry on here. The same value under HKLM (an
  all-users install) counts too; only an administrator can remove it, so disabling says so.
- macOS: ``~/Library/LaunchAgents/com.agentbar.AgentBar.plist`` with ``RunAtLoad``. (The
  "Allow in the Background" switch of macOS 13+ cannot be read without root; not shown.)

Every function takes the platform, directory, environment and registry as keyword
arguments, so tests run each OS's writer against a temporary directory or a dict. All of
them block on small file or registry I/O only; none raises except ``OSError`` on a write.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import plistlib
import subprocess
import sys
import xml.parsers.expat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from agentbar.core.paths import write_atomic
from agentbar.desktop.handlers import exec_line
from agentbar.desktop.windows_registry import RegistryValue

__all__ = [
    "DESKTOP_FILE_NAME",
    "LAUNCH_AGENT_LABEL",
    "MINIMIZED_OPTION",
    "RUN_KEY",
    "RUN_VALUE_NAME",
    "STARTUP_APPROVED_KEY",
    "RunRegistry",
    "WinRunRegistry",
    "autostart_entry",
    "command",
    "disable",
    "enable",
    "is_enabled",
    "launch_agent",
    "windows_run_value",
]

MINIMIZED_OPTION = "--minimized"
DESKTOP_FILE_NAME = "agentbar.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE_NAME = "AgentBar"
LAUNCH_AGENT_LABEL = "com.agentbar.AgentBar"


def command(
    *,
    basedir: str | None = None,
    platform: str = sys.platform,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """The program to start at login, without ``--minimized``.

    The frozen executable when frozen; else the ``agentbar`` console script next to the
    interpreter (an installed AgentBar); else ``python -m agentbar`` (a source checkout). On
    Windows an unfrozen AgentBar starts through ``pythonw.exe`` when there is one, so that no
    console window opens at login. With ``--basedir`` when this run has one.
    """
    exe = Path(executable or sys.executable)
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    windows = platform == "win32"
    script = exe.with_name("agentbar.exe" if windows else "agentbar")
    pythonw = exe.with_name("pythonw.exe")
    if frozen:
        argv = [str(exe)]
    elif windows and pythonw.is_file():
        argv = [str(pythonw), "-m", "agentbar"]
    elif script.is_file():
        argv = [str(script)]
    else:
        argv = [str(exe), "-m", "agentbar"]
    if basedir:
        argv += ["--basedir", str(Path(basedir).expanduser().absolute())]
    return argv


def is_enabled(
    *,
    platform: str = sys.platform,
    directory: Path | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunRegistry | None = None,
    machine: RunRegistry | None = None,
) -> bool:
    """Whether the desktop will start AgentBar at the next login, read from the OS now.

    ``directory`` replaces the autostart (Linux) or LaunchAgents (macOS) directory; with it,
    Linux consults no system-wide directory. ``registry`` replaces HKCU and ``machine`` HKLM
    (with ``registry`` given and ``machine`` not, HKLM is not consulted).
    """
    if platform == "win32":
        hkcu, hklm = _hives(registry, machine)
        return _windows_is_enabled(hkcu) or (hklm is not None and _windows_is_enabled(hklm))
    if platform == "darwin":
        return _macos_is_enabled(_agents_dir(directory))
    user, system = _autostart_dirs(directory, environ)
    return _linux_is_enabled(user, system)


def enable(
    *,
    argv: Sequence[str] | None = None,
    basedir: str | None = None,
    platform: str = sys.platform,
    directory: Path | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunRegistry | None = None,
) -> None:
    """Start ``argv`` (default :func:`command`) with ``--minimized`` at every login.

    Replaces an entry of ours or someone else's with the same name. Raises OSError.
    """
    program = list(argv) if argv is not None else command(basedir=basedir, platform=platform)
    if platform == "win32":
        _windows_enable(windows_run_value(program), registry or WinRunRegistry())
    elif platform == "darwin":
        payload = plistlib.dumps(launch_agent(program))
        write_atomic(_agents_dir(directory) / f"{LAUNCH_AGENT_LABEL}.plist", payload)
    else:
        user, _system = _autostart_dirs(directory, environ)
        write_atomic(user / DESKTOP_FILE_NAME, autostart_entry(program).encode("utf-8"))


def disable(
    *,
    platform: str = sys.platform,
    directory: Path | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunRegistry | None = None,
    machine: RunRegistry | None = None,
) -> None:
    """Stop starting AgentBar at login: remove our entry and nothing else. Raises OSError.

    On Linux a system-wide entry that would still start it is hidden for this user. On
    Windows an all-users (HKLM) entry is left to the administrator: PermissionError.
    """
    if platform == "win32":
        hkcu, hklm = _hives(registry, machine)
        _windows_disable(hkcu)
        if hklm is not None and _windows_is_enabled(hklm):
            raise PermissionError(
                errno.EACCES, "AgentBar is started for all users; only an administrator can stop it"
            )
    elif platform == "darwin":
        with contextlib.suppress(FileNotFoundError):
            (_agents_dir(directory) / f"{LAUNCH_AGENT_LABEL}.plist").unlink()
    else:
        user, system = _autostart_dirs(directory, environ)
        with contextlib.suppress(FileNotFoundError):
            (user / DESKTOP_FILE_NAME).unlink()
        if _linux_is_enabled(user, system):
            write_atomic(user / DESKTOP_FILE_NAME, _HIDDEN_ENTRY.encode("utf-8"))


# -- Linux ------------------------------------------------------------------------------------

_HIDDEN_ENTRY = "[Desktop Entry]\nType=Application\nName=AgentBar\nHidden=true\n"


def autostart_entry(argv: Sequence[str]) -> str:
    """The ``agentbar.desktop`` autostart text: ``Exec=<argv> --minimized``."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=AgentBar\n"
        "Comment=Start AgentBar in the system tray at login\n"
        f"Exec={exec_line([*argv, MINIMIZED_OPTION])}\n"
        "Icon=agentbar\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _autostart_dirs(
    directory: Path | None, environ: Mapping[str, str] | None
) -> tuple[Path, list[Path]]:
    """The user's autostart directory, then the system-wide ones in priority order."""
    if directory is not None:
        return Path(directory), []
    env = os.environ if environ is None else environ
    home = env.get("XDG_CONFIG_HOME", "")
    user = Path(home) if os.path.isabs(home) else Path.home() / ".config"
    dirs = [d for d in env.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
    return user / "autostart", [Path(d) / "autostart" for d in dirs or ["/etc/xdg"]]


def _entry_enabled(path: Path) -> bool | None:
    """None when there is no such file; else whether the desktop would start it."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return False  # unreadable by us, so by the desktop too
    group = ""
    keys: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys.setdefault(key.strip(), value.strip().lower())
    return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"


def _linux_is_enabled(user: Path, system: Sequence[Path]) -> bool:
    # A user file shadows system-wide files of the same name (XDG Autostart spec).
    for directory in (user, *system):
        state = _entry_enabled(directory / DESKTOP_FILE_NAME)
        if state is not None:
            return state
    return False


# -- Windows ----------------------------------------------------------------------------------


class RunRegistry(Protocol):
    """The HKCU operations autostart needs (winreg in real life, a dict in tests)."""

    def get(self, key: str, name: str) -> object | None: ...
    def set(self, key: str, name: str, value: str) -> None: ...
    def delete_value(self, key: str, name: str) -> None: ...


def windows_run_value(argv: Sequence[str]) -> RegistryValue:
    """The ``Run`` value: ``"<exe>" [args] --minimized``, quoted for the Windows C runtime."""
    exe, *rest = argv
    line = f'"{exe}" ' + subprocess.list2cmdline([*rest, MINIMIZED_OPTION])
    return RegistryValue(RUN_KEY, RUN_VALUE_NAME, line)


def _hives(
    registry: RunRegistry | None, machine: RunRegistry | None
) -> tuple[RunRegistry, RunRegistry | None]:
    """HKCU and HKLM: the real ones unless tests hand in theirs."""
    if registry is None:
        return WinRunRegistry(), machine or WinRunRegistry(machine=True)
    return registry, machine


def _windows_is_enabled(registry: RunRegistry) -> bool:
    if registry.get(RUN_KEY, RUN_VALUE_NAME) is None:
        return False
    # Task Manager's switch: 02/06… enabled, 03/07… (odd first byte) disabled.
    approved = registry.get(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)
    return not (isinstance(approved, bytes) and approved[:1] and approved[0] & 1)


def _windows_enable(value: RegistryValue, registry: RunRegistry) -> None:
    registry.set(value.key, value.name, value.value)
    if registry.get(STARTUP_APPROVED_KEY, RUN_VALUE_NAME) is not None:
        registry.delete_value(STARTUP_APPROVED_KEY, RUN_VALUE_NAME)  # no longer "Disabled"


def _windows_disable(registry: RunRegistry) -> None:
    for key in (RUN_KEY, STARTUP_APPROVED_KEY):
        if registry.get(key, RUN_VALUE_NAME) is not None:
            registry.delete_value(key, RUN_VALUE_NAME)


class WinRunRegistry:  # pragma: no cover - Windows only
    """:class:`RunRegistry` over ``winreg``: HKCU, or HKLM with ``machine`` (read it only)."""

    def __init__(self, *, machine: bool = False) -> None:
        self.w: Any = importlib.import_module("winreg")
        self.hive = self.w.HKEY_LOCAL_MACHINE if machine else self.w.HKEY_CURRENT_USER

    def get(self, key: str, name: str) -> object | None:
        try:
            with self.w.OpenKey(self.hive, key) as handle:
                value: object = self.w.QueryValueEx(handle, name)[0]
                return value
        except OSError:
            return None

    def set(self, key: str, name: str, value: str) -> None:
        with self.w.CreateKeyEx(self.hive, key, 0, self.w.KEY_SET_VALUE) as h:
            self.w.SetValueEx(h, name, 0, self.w.REG_SZ, value)

    def delete_value(self, key: str, name: str) -> None:
        with (
            contextlib.suppress(FileNotFoundError),
            self.w.OpenKey(self.hive, key, 0, self.w.KEY_SET_VALUE) as h,
        ):
            self.w.DeleteValue(h, name)


# -- macOS ------------------------------------------------------------------------------------


def launch_agent(argv: Sequence[str]) -> dict[str, object]:
    """The LaunchAgent property list: run ``argv --minimized`` once at login."""
    return {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": [*argv, MINIMIZED_OPTION],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def _agents_dir(directory: Path | None) -> Path:
    return Path(directory) if directory is not None else Path.home() / "Library" / "LaunchAgents"


def _macos_is_enabled(directory: Path) -> bool:
    try:
        agent = plistlib.loads((directory / f"{LAUNCH_AGENT_LABEL}.plist").read_bytes())
    except (OSError, ValueError, xml.parsers.expat.ExpatError):
        return False  # missing or unreadable: launchd will not start it either
    return isinstance(agent, dict) and agent.get("RunAtLoad") is True and not agent.get("Disabled")
