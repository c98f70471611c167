"""Register AgentBar as the handler of tel:, callto: and sip: links (Linux, Windows, macOS).

``agentbar --register-handlers [--set-default]`` and ``--unregister-handlers`` call
:func:`register_handlers` / :func:`unregister_handlers`. What is written is data built by pure
functions (the ``.desktop`` text, the Windows registry values) so that tests can check it on
any OS and the Windows installer can write exactly the same keys
(``desktop/windows_registry.py``).

- Linux: ``$XDG_DATA_HOME/applications/agentbar-links.desktop`` declaring the
  ``x-scheme-handler/…`` types, then ``update-desktop-database``; with ``--set-default`` also
  ``xdg-mime default`` for each scheme (the user asked: we never take links over silently).
- Windows: per-user ``HKCU\\Software\\Classes`` scheme keys, a ProgID, ``Capabilities`` and
  ``RegisteredApplications``; Windows lets only the user pick the default, so
  ``--set-default`` opens the Default-apps page.
- macOS: links are declared by ``CFBundleURLTypes`` in the bundle's Info.plist
  (:func:`macos_url_types`, used by the installer) and reach the running app as
  ``QFileOpenEvent``; there is nothing to register at run time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from agentbar.desktop.windows_registry import (
    SCHEMES,
    WinRegistry,
    windows_command,
    windows_register,
    windows_registry_values,
    windows_unregister,
)

__all__ = [
    "DESKTOP_FILE_NAME",
    "SCHEMES",
    "UnsafeDesktopPath",
    "desktop_entry",
    "exec_line",
    "launch_command",
    "linux_register",
    "linux_unregister",
    "macos_url_types",
    "register_handlers",
    "repair_link_registration",
    "unregister_handlers",
]

DESKTOP_FILE_NAME = "agentbar-links.desktop"
_DEFAULT_APPS_URL = "ms-settings:defaultapps?registeredAppUser=AgentBar"

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def launch_command(basedir: str | None = None) -> list[str]:
    """How the desktop should start AgentBar: the frozen exe, the ``agentbar`` script, or
    ``python -m agentbar``; with ``--basedir`` when this run has one (links go to it)."""
    if getattr(sys, "frozen", False):
        argv = [sys.executable]
    else:
        script = shutil.which("agentbar")
        argv = [script] if script else [sys.executable, "-m", "agentbar"]
    if basedir:
        argv += ["--basedir", str(Path(basedir).expanduser().absolute())]
    return argv


# -- Linux ------------------------------------------------------------------------------------


#: Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec
#: key"): space, tab, newline, the quotes, backslash, redirections, tilde, pipes, ampersand,
#: semicolon, dollar, globs, hash, parentheses, backtick.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
#: Escaped with a backslash inside double quotes (the spec's quoting rule).
_QUOTE_ESCAPED = frozenset('"`$\\')


class UnsafeDesktopPath(OSError):
    """A program path or argument that no ``.desktop`` Exec line can carry faithfully."""


def _check_arg(arg: str, *, program: bool) -> None:
    where = "The program path" if program else "An argument"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in arg):
        raise UnsafeDesktopPath(
            f"{where} contains a line break or another control character, which a .desktop "
            f"file cannot hold: {arg!r}. Install or run AgentBar from a folder without one."
        )
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        raise UnsafeDesktopPath(
            f"{where} is not valid UTF-8, which a .desktop file must be: {arg!r}. "
            "Install or run AgentBar from a folder with a UTF-8 name."
        ) from None
    if program and "%" in arg:
        # GLib looks for the program under its path as written, %% and all, before any field
        # code is expanded: such an entry is never loaded (links and autostart silently die).
        raise UnsafeDesktopPath(
            f"The program path contains '%', which desktops cannot start from a .desktop "
            f"file: {arg!r}. Install or run AgentBar from a folder without '%' in its name."
        )


def _desktop_quote(arg: str, *, program: bool = False) -> str:
    """One Exec argument, quoted and escaped exactly as the Desktop Entry spec says.

    Two layers. The Exec quoting rule: an argument with a reserved character goes in double
    quotes, inside which the double quote, backtick, dollar and backslash take a backslash,
    and a literal percent sign is written twice. Then the escape rule of every string value
    in a desktop file, which doubles each backslash. So a literal dollar in a quoted argument
    is written as two backslashes and the dollar, and one backslash as four, as the spec's
    own examples say. Raises :class:`UnsafeDesktopPath` for what cannot be written.
    """
    _check_arg(arg, program=program)
    arg = arg.replace("%", "%%")
    if arg and not any(c in _RESERVED for c in arg):
        return arg
    quoted = '"' + "".join("\\" + c if c in _QUOTE_ESCAPED else c for c in arg) + '"'
    return quoted.replace("\\", "\\\\")  # the string-value escape: each backslash doubled


def exec_line(command: Sequence[str]) -> str:
    """``command`` as a Desktop Entry ``Exec`` value (also the autostart entry's).

    Raises :class:`UnsafeDesktopPath` (an OSError) when an argument cannot be written safely.
    """
    return " ".join(_desktop_quote(a, program=i == 0) for i, a in enumerate(command))


def desktop_entry(command: Sequence[str]) -> str:
    """The ``agentbar-links.desktop`` text. ``--`` before ``%u`` keeps a link from ever
    being read as an option."""
    exec_value = exec_line(command) + " -- %u"
    mime = "".join(f"x-scheme-handler/{s};" for s in SCHEMES)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=AgentBar\n"
        "GenericName=Call-center toolbar\n"
        "Comment=Dial tel:, callto: and sip: links with AgentBar\n"
        f"Exec={exec_value}\n"
        "Icon=agentbar\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "StartupNotify=false\n"
        "Categories=Network;Telephony;\n"
        f"MimeType={mime}\n"
    )


def _data_home(environ: Mapping[str, str]) -> Path:
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def _config_home(environ: Mapping[str, str]) -> Path:
    value = environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def _run_tool(argv: Sequence[str], run: Runner, missing: str) -> str:
    """Run a desktop tool; "" on success, else a sentence saying what did not happen."""
    if shutil.which(argv[0]) is None:
        return missing
    try:
        done = run(argv)
    except OSError as exc:
        return f"{argv[0]} could not run: {exc}"
    if done.returncode != 0:
        detail = (done.stderr or "").strip().splitlines()
        return f"{argv[0]} failed ({detail[-1] if detail else done.returncode})"
    return ""


def _run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=30, check=False)


_NO_UPDATE_DB = (
    "update-desktop-database was not found (package desktop-file-utils): "
    "the links work after the desktop rereads its applications (at the latest, next login)"
)
_NO_XDG_MIME = (
    "xdg-mime was not found (package xdg-utils): choose AgentBar for tel:, callto: and sip: "
    "links in your desktop's default-applications settings"
)


def linux_register(
    command: Sequence[str],
    *,
    set_default: bool = False,
    environ: Mapping[str, str] | None = None,
    run: Runner = _run,
) -> list[str]:
    """Write the .desktop file and tell the desktop; returns the lines to show the user.

    Raises OSError when the file cannot be written. Missing tools are reported, not fatal.
    """
    env = os.environ if environ is None else environ
    applications = _data_home(env) / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    path = applications / DESKTOP_FILE_NAME
    path.write_text(desktop_entry(command), encoding="utf-8")
    lines = [f"Wrote {path}"]
    problem = _run_tool(["update-desktop-database", str(applications)], run, _NO_UPDATE_DB)
    lines.append(problem or "Updated the desktop database")
    if set_default:
        for scheme in SCHEMES:
            argv = ["xdg-mime", "default", DESKTOP_FILE_NAME, f"x-scheme-handler/{scheme}"]
            problem = _run_tool(argv, run, _NO_XDG_MIME)
            if problem:
                lines.append(problem)
                break
            lines.append(f"AgentBar now opens {scheme}: links")
    else:
        lines.append("Run again with --set-default to make AgentBar open these links")
    return lines


def linux_unregister(*, environ: Mapping[str, str] | None = None, run: Runner = _run) -> list[str]:
    """Remove what :func:`linux_register` wrote: the file and our default associations."""
    env = os.environ if environ is None else environ
    applications = _data_home(env) / "applications"
    path = applications / DESKTOP_FILE_NAME
    lines = []
    if path.exists():
        path.unlink()
        lines.append(f"Removed {path}")
        problem = _run_tool(["update-desktop-database", str(applications)], run, _NO_UPDATE_DB)
        lines.append(problem or "Updated the desktop database")
    else:
        lines.append("No link handler was registered")
    for mimeapps in (_config_home(env) / "mimeapps.list", applications / "mimeapps.list"):
        if _drop_default_associations(mimeapps):
            lines.append(f"Removed AgentBar's default link associations from {mimeapps}")
    return lines


def _drop_default_associations(path: Path) -> bool:
    """Remove our .desktop from ``x-scheme-handler/<scheme>=`` entries; True when changed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return False
    keys = {f"x-scheme-handler/{s}" for s in SCHEMES}
    out, changed = [], False
    for line in text.splitlines(keepends=True):
        key, eq, value = line.rstrip("\r\n").partition("=")
        if eq and key.strip() in keys:
            apps = [a for a in value.split(";") if a.strip()]
            kept = [a for a in apps if a.strip() != DESKTOP_FILE_NAME]
            if kept != apps:
                changed = True
                if not kept:
                    continue
                line = f"{key}={';'.join(kept)};\n"
        out.append(line)
    if changed:
        path.write_text("".join(out), encoding="utf-8")
    return changed


# -- macOS ------------------------------------------------------------------------------------


def macos_url_types() -> list[dict[str, object]]:
    """The ``CFBundleURLTypes`` entry of the bundle's Info.plist (the installer writes it)."""
    return [
        {
            "CFBundleURLName": "AgentBar call link",
            "CFBundleURLSchemes": list(SCHEMES),
            "CFBundleTypeRole": "Viewer",
        }
    ]


# -- the command-line entry points ------------------------------------------------------------


def register_handlers(
    *, set_default: bool = False, basedir: str | None = None, platform: str = sys.platform
) -> tuple[int, list[str]]:
    """``--register-handlers``: (exit code, lines for the user). Blocks (files, registry)."""
    command = launch_command(basedir)
    try:
        if platform == "win32":  # pragma: no cover - Windows only
            exe, *rest = command
            windows_register(
                windows_registry_values(windows_command(exe, rest), f'"{exe}",0'), WinRegistry()
            )
            lines = ["Registered AgentBar for tel:, callto: and sip: links"]
            if set_default:
                os.startfile(_DEFAULT_APPS_URL)  # type: ignore[attr-defined,unused-ignore]
                lines.append("Choose AgentBar in the Default apps page that just opened")
            return 0, lines
        if platform == "darwin":
            return 0, [
                "On macOS the AgentBar bundle declares tel:, callto: and sip: itself "
                "(CFBundleURLTypes); choose it in FaceTime > Settings > Default for calls"
            ]
        return 0, linux_register(command, set_default=set_default)
    except OSError as exc:
        return 1, [f"Could not register the link handler: {exc}"]


def unregister_handlers(
    *, basedir: str | None = None, platform: str = sys.platform
) -> tuple[int, list[str]]:
    """``--unregister-handlers``: remove exactly what :func:`register_handlers` wrote."""
    try:
        if platform == "win32":  # pragma: no cover - Windows only
            exe, *rest = launch_command(basedir)
            values = windows_registry_values(windows_command(exe, rest), f'"{exe}",0')
            return 0, ["Unregistered AgentBar", *windows_unregister(values, WinRegistry())]
        if platform == "darwin":
            return 0, ["On macOS the link types go away with the AgentBar bundle"]
        return 0, linux_unregister()
    except OSError as exc:
        return 1, [f"Could not unregister the link handler: {exc}"]


# -- a per-user registration whose program is gone ----------------------------------------------


def _exec_program(entry: str) -> str:
    """The program (first argument) of a desktop entry's ``Exec=`` line, unquoted; "" if none."""
    for line in entry.splitlines():
        key, eq, value = line.partition("=")
        if eq and key.strip() == "Exec":
            value = value.strip()
            if value.startswith('"'):
                out, i = [], 1
                while i < len(value) and value[i] != '"':
                    if value[i] == "\\" and i + 1 < len(value):
                        i += 1
                    out.append(value[i])
                    i += 1
                return "".join(out)
            return value.split(maxsplit=1)[0] if value else ""
    return ""


def _program_exists(program: str) -> bool:
    if os.path.isabs(program):
        return os.path.isfile(program) and os.access(program, os.X_OK)
    return bool(program) and shutil.which(program) is not None


def repair_link_registration(
    command: Sequence[str], *, environ: Mapping[str, str] | None = None, run: Runner = _run
) -> list[str]:
    """Rewrite a per-user ``agentbar-links.desktop`` whose program no longer exists.

    A registration made by an older copy (an AppImage deleted since, a removed virtualenv)
    would keep sending every link to nothing, ahead of the package's own system-wide entry.
    The file is rewritten with ``command`` under the same name, so a default the user chose
    (``mimeapps.list``) keeps pointing at it. Returns lines for the log, [] when there was
    nothing to repair. Blocks on the file and ``update-desktop-database``: call it off the
    GUI thread. Raises OSError when the file cannot be written.
    """
    env = os.environ if environ is None else environ
    applications = _data_home(env) / "applications"
    path = applications / DESKTOP_FILE_NAME
    try:
        program = _exec_program(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []
    if _program_exists(program):
        return []
    path.write_text(desktop_entry(command), encoding="utf-8")
    lines = [f"Repaired {path}: it started {program!r}, which no longer exists"]
    problem = _run_tool(["update-desktop-database", str(applications)], run, _NO_UPDATE_DB)
    return [*lines, problem] if problem else lines
