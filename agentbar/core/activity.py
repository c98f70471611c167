"""The activity log's lines: one plain English line per action and state change, for IT.

Pure functions, no Qt: ``ui/activity.py`` feeds them from the session's signals and writes
them to the ``agentbar.activity`` logger, which goes to the rotating, redacted log file
(core/logsetup.py). Phone numbers are masked to their last four digits unless the settings
say otherwise (``log_full_numbers``); no line ever holds the API key (the settings summary
leaves out every secret-looking name, and the log's filter redacts the key anyway).
"""

from __future__ import annotations

import platform
import re
import sys
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path

from agentbar.api.errors import redact
from agentbar.core.settings import Settings

__all__ = [
    "LOGGER",
    "break_ended",
    "break_started",
    "diagnostics",
    "dialled",
    "hung_up",
    "logged_in",
    "logged_out",
    "mask_number",
    "outage_ended",
    "outage_started",
    "refused",
    "settings_summary",
    "start_lines",
    "tail",
    "transferred",
]

#: The logger the activity lines go to.
LOGGER = "agentbar.activity"
#: Settings that are personal history or window layout, not configuration: left out.
_NOT_CONFIG = frozenset({"recent_numbers", "recent_transfer_targets", "toolbar_positions"})
_SECRET_PARTS = ("key", "secret", "password", "token")
# In a URL: a password in the user part, a secret-looking query parameter's value.
_URL_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")
_URL_SECRET_PARAM = re.compile(
    r"((?:key|secret|password|passwd|pass|token|auth)[^=&#\s]*=)[^&#\s]*", re.IGNORECASE
)


def mask_number(number: str, *, full: bool = False) -> str:
    """``number`` with all but its last four digits hidden (``•••••••4567``); ``full`` keeps it.

    Non-digits (``+``, spaces) are dropped from a masked number; a number of four digits or
    fewer (an extension) is kept, since it identifies no customer.
    """
    number = number.strip()
    if full:
        return number
    digits = [c for c in number if c.isdigit()]
    if len(digits) <= 4:
        return "".join(digits) or number
    return "•" * (len(digits) - 4) + "".join(digits[-4:])


def _quote(text: str) -> str:
    """Outside text in one line: quoted, newlines and control characters made visible."""
    clean = "".join(c if c.isprintable() else " " for c in text).strip()
    return '"' + clean.replace('"', "'")[:300] + '"'


def logged_in(agent: str, extension: str) -> str:
    return f"login: agent {agent} at extension {extension}"


def logged_out(agent: str) -> str:
    return f"logout: agent {agent}"


def break_started(reason_name: str, reason_id: str) -> str:
    return f"break start: reason {_quote(reason_name)} (id {reason_id})"


def break_ended(reason_name: str, reason_id: str, seconds: float) -> str:
    return f"break end: reason {_quote(reason_name)} (id {reason_id}), {_duration(seconds)}"


def dialled(number: str, *, full: bool = False) -> str:
    return f"dial: {mask_number(number, full=full)}"


def transferred(number: str, *, full: bool = False) -> str:
    return f"transfer: to {mask_number(number, full=full)}"


def hung_up(number: str = "", *, full: bool = False) -> str:
    return f"hang-up: call with {mask_number(number, full=full)}" if number else "hang-up"


def outage_started(reason: str) -> str:
    return f"outage start: server unreachable: {_quote(reason)}"


def outage_ended(seconds: float) -> str:
    return f"outage end: the server answers again after {_duration(seconds)}"


def refused(action: str, server_text: str) -> str:
    return f"server refused: {action}: {_quote(server_text)}"


def _duration(seconds: float) -> str:
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _is_secret(name: str) -> bool:
    lower = name.lower()
    return any(part in lower for part in _SECRET_PARTS)


def settings_summary(settings: Settings) -> str:
    """``name=value`` for each setting, without secrets, recents or window positions."""
    parts = []
    for f in fields(settings):
        if f.name in _NOT_CONFIG or _is_secret(f.name):
            continue
        value = getattr(settings, f.name)
        if isinstance(value, Mapping):
            value = dict(value)
        elif isinstance(value, str):
            value = _URL_SECRET_PARAM.sub(r"\1***", _URL_USERINFO.sub("***@", value))
        parts.append(f"{f.name}={value!r}")
    return redact(", ".join(parts))


def system_text() -> str:
    """The operating system and Python, in one phrase."""
    return f"{platform.platform(terse=True)}, Python {sys.version.split()[0]}"


def start_lines(version: str, settings: Settings, qt_version: str = "") -> list[str]:
    """What the log says at start: the version, the OS and the settings."""
    qt = f", Qt {qt_version}" if qt_version else ""
    return [
        f"start: AgentBar {version} on {system_text()}{qt}",
        f"settings: {settings_summary(settings)}",
    ]


def tail(log_file: Path, count: int = 200) -> list[str]:
    """The last ``count`` lines of the log, reaching into the rotated files when needed.

    Reads from disk (blocks): call it from a worker thread. Missing files are skipped.
    """
    lines: deque[str] = deque(maxlen=count)
    rotated = sorted(
        (p for p in log_file.parent.glob(log_file.name + ".*") if p.suffix[1:].isdigit()),
        key=lambda p: int(p.suffix[1:]),
        reverse=True,
    )
    for path in [*rotated, log_file]:
        try:
            with path.open(encoding="utf-8", errors="replace") as fh:
                lines.extend(line.rstrip("\n") for line in fh)
        except OSError:
            continue
    return list(lines)


def diagnostics(
    version: str, settings: Settings, log_lines: Iterable[str], qt_version: str = ""
) -> str:
    """The text "Copy diagnostics" puts on the clipboard: version, settings, the log's end."""
    lines = list(log_lines)
    out = [
        *start_lines(version, settings, qt_version),
        "",
        f"last {len(lines)} log lines:",
        *lines,
    ]
    return "\n".join(out) + "\n"
