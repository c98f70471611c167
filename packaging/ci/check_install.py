#!/usr/bin/env python3
"""After a silent install or uninstall in CI: is everything there, or is nothing left?

    python packaging/ci/check_install.py installed linux
    python packaging/ci/check_install.py removed windows --program-dir "C:\\Program Files\\AgentBar"
    python packaging/ci/check_install.py installed windows --expect-key

Prints one line per problem and exits 1 when there is any. What is checked is data built by
pure functions (:func:`expected_paths`, :func:`expected_registry`), unit-tested in
tests/test_ci_scripts.py; the Windows registry values are the ones the installers write
(agentbar/desktop/windows_registry.py, agentbar/desktop/autostart.py), under HKLM.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from agentbar.desktop.machine_key import machine_key_file  # noqa: E402
from agentbar.desktop.windows_registry import (  # noqa: E402
    windows_command,
    windows_registry_values,
)

LINUX_MIME_CACHE = "/usr/share/applications/mimeinfo.cache"


@dataclass(frozen=True)
class Expected:
    """Paths that an install creates (``paths``) and, on Windows, HKLM values (key, name)."""

    paths: tuple[str, ...]
    registry: tuple[tuple[str, str, str], ...] = ()


def expected_paths(
    system: str, environ: Mapping[str, str], program_dir: str | None = None
) -> tuple[str, ...]:
    """What a machine-wide install of AgentBar puts on disk, per system."""
    if system == "linux":
        return (
            "/opt/agentbar/agentbar",
            "/usr/bin/agentbar",
            "/usr/share/applications/agentbar.desktop",
            "/usr/share/doc/agentbar/copyright",
            "/usr/share/doc/agentbar/changelog.gz",
            "/usr/share/man/man1/agentbar.1.gz",
            "/usr/share/icons/hicolor/scalable/apps/agentbar.svg",
        )
    if system == "windows":
        folder = program_dir or str(
            Path(environ.get("ProgramFiles", r"C:\Program Files")) / "AgentBar"
        )
        return (str(Path(folder) / "agentbar.exe"),)
    if system == "macos":
        return ("/Applications/AgentBar.app/Contents/MacOS/agentbar",)
    raise ValueError(f"unknown system {system!r}")


def expected_registry(program_dir: str) -> tuple[tuple[str, str, str], ...]:
    """The HKLM values of the phone-link registration for an install in ``program_dir``."""
    exe = str(Path(program_dir) / "agentbar.exe")
    values = windows_registry_values(windows_command(exe), f'"{exe}",0')
    return tuple((v.key, v.name, v.value) for v in values)


def problems(
    mode: str,
    system: str,
    *,
    environ: Mapping[str, str],
    exists: Callable[[str], bool] = os.path.lexists,
    read_text: Callable[[str], str | None],
    registry_get: Callable[[str, str], str | None] = lambda _key, _name: None,
    program_dir: str | None = None,
    expect_key: bool = False,
) -> list[str]:
    """Lines describing what is missing (``installed``) or left behind (``removed``)."""
    found: list[str] = []
    paths = expected_paths(system, environ, program_dir)
    key_file = str(machine_key_file(environ)) if system == "windows" else None
    folder = str(Path(paths[0]).parent) if system == "windows" else ""
    registry = expected_registry(folder) if system == "windows" else ()
    if mode == "installed":
        found += [f"missing {p}" for p in paths if not exists(p)]
        for key, name, value in registry:
            current = registry_get(key, name)
            if current != value:
                found.append(f"HKLM\\{key} [{name or '(default)'}] is {current!r}, not {value!r}")
        if key_file and expect_key and not exists(key_file):
            found.append(f"missing {key_file}")
        if system == "linux":
            cache = read_text(LINUX_MIME_CACHE)
            if cache is not None and "agentbar.desktop" not in _mime_line(cache, "tel"):
                found.append(f"{LINUX_MIME_CACHE} does not offer agentbar.desktop for tel:")
    elif mode == "removed":
        found += [f"left behind {p}" for p in paths if exists(p)]
        if system == "windows":
            found += [f"left behind {folder}"] if exists(folder) else []
            for key, name, _value in registry:
                if registry_get(key, name) is not None:
                    found.append(f"left behind HKLM\\{key} [{name or '(default)'}]")
            if key_file and exists(key_file):
                found.append(f"left behind {key_file}")
        if system == "linux":
            for leftover in ("/opt/agentbar", "/usr/share/doc/agentbar"):
                if exists(leftover):
                    found.append(f"left behind {leftover}")
            cache = read_text(LINUX_MIME_CACHE)
            if cache is not None and "agentbar.desktop" in cache:
                found.append(f"{LINUX_MIME_CACHE} still names agentbar.desktop")
        if system == "macos":
            agent = (
                Path(environ.get("HOME", "~")) / "Library/LaunchAgents/com.agentbar.AgentBar.plist"
            )
            if exists(str(agent)):
                found.append(f"left behind {agent}")
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return found


def _mime_line(cache: str, scheme: str) -> str:
    prefix = f"x-scheme-handler/{scheme}="
    return next((line for line in cache.splitlines() if line.startswith(prefix)), "")


def _read_text(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _hklm_get() -> Callable[[str, str], str | None]:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")

    def get(key: str, name: str) -> str | None:
        try:
            access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key, 0, access) as handle:
                return str(winreg.QueryValueEx(handle, name)[0])
        except OSError:
            return None

    return get


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("installed", "removed"))
    parser.add_argument("system", choices=("linux", "windows", "macos"))
    parser.add_argument("--program-dir", help="Windows: the install folder (default Program Files)")
    parser.add_argument("--expect-key", action="store_true", help="Windows: /APIKEY= was given")
    args = parser.parse_args(argv)
    found = problems(
        args.mode,
        args.system,
        environ=os.environ,
        read_text=_read_text,
        registry_get=_hklm_get() if sys.platform == "win32" else (lambda _k, _n: None),
        program_dir=args.program_dir,
        expect_key=args.expect_key,
    )
    for line in found:
        print(line)
    print(f"{args.mode} {args.system}: {'FAILED' if found else 'ok'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
