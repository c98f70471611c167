"""The user's settings: a typed schema, machine-wide defaults, and a loader that survives damage."""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.core.paths import DamagedFile, Paths, read_json_object, set_aside, write_atomic
from agentbar.core.policy import os_policy_sources
from agentbar.core.validation import (
    is_cleartext,
    validate_agent,
    validate_extension,
    validate_server_url,
)

__all__ = [
    "POLL_INTERVAL_RANGE_S",
    "RECENT_MAX",
    "RECORDINGS_CACHE_RANGE_MB",
    "LoadedSettings",
    "Settings",
    "is_cleartext",
    "load_settings",
    "save_settings",
    "validate_agent",
    "validate_extension",
    "validate_server_url",
    "with_recent_number",
    "with_recent_transfer_target",
]

log = logging.getLogger(__name__)

RECENT_MAX = 20
POLL_INTERVAL_RANGE_S = (0.5, 60.0)
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_MAX_BREAK_MIN = 24 * 60
_MAX_CACHE_MB = 1_000_000
#: What ``recordings_cache_mb`` accepts; 0 keeps only the recording that is playing.
RECORDINGS_CACHE_RANGE_MB = (0, _MAX_CACHE_MB)
# Key names that look like a secret. Secrets live in the keyring (core/credentials.py) only.
_SECRET_NAMES = frozenset({"key", "apikey", "apitoken", "token", "secret", "password", "passwd"})
_SECRET_PARTS = ("apikey", "secret", "password")
# Names that look secret but hold none: a command that prints the key is not the key.
_NOT_SECRET = frozenset({"api_key_command"})


@dataclass(frozen=True)
class Settings:
    """Everything the user can set, except secrets (the API key lives in the keyring).

    Immutable: change with :meth:`replace`. Mappings are read-only views and sequences are
    tuples, so a ``Settings`` can be shared between threads. Not hashable (it holds mappings).
    """

    server_url: str = ""
    agent: str = ""
    extension: str = ""
    wire: Literal["xml", "json"] = "json"
    #: Seconds between two polls while the agent is ready; every other rate (break, call)
    #: derives from it (core/polling.py).
    poll_interval_s: float = 2.0
    region: str = "TR"
    dial_format: Literal["national", "e164"] = "national"
    confirm_before_dial: bool = False
    #: Break id -> allowed minutes.
    break_budgets_min: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    #: Template with ``{phone}``, opened in the browser when a call arrives.
    screen_pop_url: str = ""
    language: Literal["system", "tr", "en"] = "system"
    #: Screen name -> (x, y) of the toolbar on that screen.
    toolbar_positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    recent_numbers: tuple[str, ...] = ()
    recent_transfer_targets: tuple[str, ...] = ()
    recordings_cache_mb: int = 500
    notifications: bool = True
    log_level: str = "INFO"
    #: A program and its arguments (no shell) whose output's first line is the API key; for
    #: IT, in the machine-wide files. The key it gives is never stored (core/key_sources.py).
    api_key_command: tuple[str, ...] = ()
    #: One extra certificate authority (PEM file) to trust besides the system's.
    ca_file: str = ""
    #: The activity log writes dialled and transfer numbers in full (else: the last 4 digits).
    log_full_numbers: bool = False
    #: A link's 2-6 digit number dials only when its length is in this range (inclusive):
    #: the site's extensions. Anything shorter or longer is refused.
    link_extension_lengths: tuple[int, int] = (3, 5)
    #: A link to a number outside the region's country asks first (emergency, short service
    #: and premium-rate numbers always do).
    confirm_international_links: bool = True

    def __post_init__(self) -> None:
        # Normalise containers so that no caller can mutate a Settings through a shared dict.
        low, high = POLL_INTERVAL_RANGE_S
        _set(self, "poll_interval_s", min(max(float(self.poll_interval_s), low), high))
        _set(self, "break_budgets_min", MappingProxyType(dict(self.break_budgets_min)))
        positions = {name: (int(xy[0]), int(xy[1])) for name, xy in self.toolbar_positions.items()}
        _set(self, "toolbar_positions", MappingProxyType(positions))
        _set(self, "recent_numbers", tuple(self.recent_numbers)[:RECENT_MAX])
        _set(self, "recent_transfer_targets", tuple(self.recent_transfer_targets)[:RECENT_MAX])
        _set(self, "api_key_command", tuple(self.api_key_command))
        low, high = self.link_extension_lengths
        _set(self, "link_extension_lengths", (int(low), int(high)))

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (``dataclasses.replace``)."""
        return dataclasses.replace(self, **changes)


def _set(obj: Settings, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True)
class LoadedSettings:
    """What :func:`load_settings` found: the settings, plain-English notes, and first run."""

    settings: Settings
    #: Human-readable notes about ignored values or a damaged file; never contain secrets.
    messages: tuple[str, ...] = ()
    #: True when the user's settings file did not exist.
    first_run: bool = False
    #: Settings set by the administrator's policy: they win over the user's file.
    locked: frozenset[str] = frozenset()


def with_recent_number(settings: Settings, number: str) -> Settings:
    """Put ``number`` first in the recent numbers, without duplicates, at most 20."""
    return settings.replace(recent_numbers=_push_recent(settings.recent_numbers, number))


def with_recent_transfer_target(settings: Settings, target: str) -> Settings:
    """Put ``target`` first in the recent transfer targets, without duplicates, at most 20."""
    targets = _push_recent(settings.recent_transfer_targets, target)
    return settings.replace(recent_transfer_targets=targets)


def _push_recent(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    item = item.strip()
    return (item, *(old for old in items if old != item))[:RECENT_MAX] if item else items


class _Bad(Exception):
    """A value of the wrong type or out of range; the text says what was expected."""


_Note = Callable[[str], None]
_Coerce = Callable[[Any, _Note], Any]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _simple(
    ok: Callable[[Any], bool], expected: str, convert: Callable[[Any], Any] = str
) -> _Coerce:
    def coerce(value: Any, note: _Note) -> Any:
        if not ok(value):
            raise _Bad(expected)
        return convert(value)

    return coerce


def _one_of(*allowed: str) -> _Coerce:
    return _simple(lambda v: v in allowed, "one of " + ", ".join(f'"{a}"' for a in allowed))


def _poll_interval(value: Any, note: _Note) -> float:
    # No float() before clamping: a huge JSON integer would overflow it.
    if not (_is_int(value) or (isinstance(value, float) and math.isfinite(value))):
        raise _Bad("a number of seconds")
    low, high = POLL_INTERVAL_RANGE_S
    clamped = float(min(max(value, low), high))
    if clamped != value:
        note(f"must be between {low:g} and {high:g} seconds; using {clamped:g}.")
    return clamped


def _entries(
    label: str, ok: Callable[[Any], bool], convert: Callable[[Any], Any], rule: str
) -> _Coerce:
    """An object whose bad entries are dropped one by one, each with a note."""

    def coerce(value: Any, note: _Note) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _Bad(f"an object of {label} entries")
        result: dict[str, Any] = {}
        for name, item in value.items():
            if ok(item):
                result[str(name)] = convert(item)
            else:
                note(f'{label} "{name}" must have {rule}; ignored.')
        return result

    return coerce


def _recent(value: Any, note: _Note) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad("a list of text")
    items: tuple[str, ...] = ()
    for item in reversed(value):
        if isinstance(item, str):
            items = _push_recent(items, item)
    return items


def _command(value: Any, note: _Note) -> tuple[str, ...]:
    ok = isinstance(value, list) and all(isinstance(a, str) for a in value)
    if not ok or (value and not value[0].strip()):
        raise _Bad('a list of a program and its arguments, such as ["cat", "/etc/agentbar/key"]')
    return tuple(value)


_TEXT = _simple(lambda v: isinstance(v, str), "text")
_FLAG = _simple(lambda v: isinstance(v, bool), "true or false", bool)
_FIELDS: Mapping[str, _Coerce] = MappingProxyType(
    {
        "server_url": _TEXT,
        "agent": _TEXT,
        "extension": _TEXT,
        "wire": _one_of("xml", "json"),
        "poll_interval_s": _poll_interval,
        "region": _simple(
            lambda v: isinstance(v, str) and re.fullmatch("[A-Za-z]{2}", v) is not None,
            'a two-letter country code such as "TR"',
            str.upper,
        ),
        "dial_format": _one_of("national", "e164"),
        "confirm_before_dial": _FLAG,
        "break_budgets_min": _entries(
            "break",
            lambda m: _is_int(m) and 0 <= m <= _MAX_BREAK_MIN,
            int,
            f"whole minutes from 0 to {_MAX_BREAK_MIN}",
        ),
        "screen_pop_url": _TEXT,
        "language": _one_of("system", "tr", "en"),
        "toolbar_positions": _entries(
            "screen",
            lambda xy: isinstance(xy, list) and len(xy) == 2 and all(map(_is_int, xy)),
            tuple,
            "a position [x, y] in whole pixels",
        ),
        "recent_numbers": _recent,
        "recent_transfer_targets": _recent,
        "recordings_cache_mb": _simple(
            lambda v: _is_int(v) and 0 <= v <= _MAX_CACHE_MB,
            f"a whole number from 0 to {_MAX_CACHE_MB}",
            int,
        ),
        "notifications": _FLAG,
        "log_level": _simple(
            lambda v: isinstance(v, str) and v.upper() in _LOG_LEVELS,
            "one of " + ", ".join(_LOG_LEVELS),
            str.upper,
        ),
        "api_key_command": _command,
        "ca_file": _TEXT,
        "log_full_numbers": _FLAG,
        "link_extension_lengths": _simple(
            lambda v: (
                isinstance(v, list)
                and len(v) == 2
                and all(_is_int(n) and 2 <= n <= 6 for n in v)
                and v[0] <= v[1]
            ),
            "[shortest, longest] whole digits from 2 to 6, such as [3, 5]",
            tuple,
        ),
        "confirm_international_links": _FLAG,
    }
)


def _looks_secret(key: str) -> bool:
    name = re.sub(r"[^a-z0-9]", "", key.lower())
    return name in _SECRET_NAMES or any(part in name for part in _SECRET_PARTS)


def _apply(values: dict[str, Any], data: Mapping[str, Any], source: str, out: list[str]) -> None:
    """Validate ``data`` key by key into ``values``; one bad value never discards the others."""
    for key, raw in data.items():
        if _looks_secret(key) and key not in _NOT_SECRET:
            out.append(
                f'{source}: ignored "{key}". The API key is never kept in a settings file; '
                "it belongs in the system keyring (enter it in AgentBar's settings)."
            )
            continue
        coerce = _FIELDS.get(key)
        if coerce is None:
            continue  # unknown: maybe from a newer AgentBar; ignored quietly

        def note(text: str, key: str = key) -> None:
            out.append(f'{source}: "{key}" {text}')

        try:
            values[key] = coerce(raw, note)
        except _Bad as exc:
            out.append(f'{source}: ignored "{key}" because it must be {exc}.')


def _machine_values(paths: Paths, out: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for path in reversed(paths.machine_files):  # the first file wins: it is applied last
        _apply_file(values, path, f"Machine-wide defaults ({path})", out)
    return values


def _policy_values(paths: Paths, out: list[str]) -> dict[str, Any]:
    """The administrator's mandatory values: the OS's policy store, then each policy.json;
    the first source wins."""
    values: dict[str, Any] = {}
    for path in reversed(paths.machine_policy_files):
        _apply_file(values, path, f"Machine-wide policy ({path})", out)
    if paths.os_policy:
        defaults = Settings()
        names = {f.name: getattr(defaults, f.name) for f in dataclasses.fields(Settings)}
        for source, data in reversed(os_policy_sources(names, out)):
            _apply(values, dict(data), source, out)
    return values


def _apply_file(values: dict[str, Any], path: Path, source: str, out: list[str]) -> None:
    try:
        data = read_json_object(path)
    except DamagedFile as exc:
        out.append(f"{source} were not used because {exc}.")
        return
    except OSError as exc:
        out.append(f"{source} could not be read ({exc.strerror or exc}).")
        return
    if data is not None:
        _apply(values, data, source, out)


def load_settings(paths: Paths) -> LoadedSettings:
    """Defaults, the machine-wide defaults files, the user's file, then the administrator's policy.

    Machine-wide defaults come from every file of ``paths.machine_files`` (the first winning);
    the policy (``policy.json`` beside each defaults file, and the Windows registry or macOS
    managed preferences unless under ``--basedir``) wins over the user's file, and its
    settings are listed in ``LoadedSettings.locked``.

    Missing keys keep their defaults, unknown keys are ignored, and a value of the wrong type is
    dropped on its own with a message. A damaged user file is renamed to
    ``settings.json.corrupt-YYYYMMDD-HHMMSS`` (kept as a backup) and the defaults are used.
    Secret-looking keys (``api_key`` ...) are ignored. Never raises for file problems.

    Blocks on disk I/O: call it off the event-loop thread. Messages and logs never contain
    setting values.
    """
    messages: list[str] = []
    values = _machine_values(paths, messages)
    path = paths.settings_file
    source = f"Settings file ({path})"
    data, first_run = None, False
    try:
        data = read_json_object(path)
        first_run = data is None
    except DamagedFile as exc:
        try:
            kept = f"Backup: {set_aside(path)} ({exc})."
        except OSError as err:
            kept = f"It could not be set aside ({err.strerror or err}); {path} ({exc})."
        # The first sentence is whole and constant, so the UI can show it translated.
        damaged = QT_TRANSLATE_NOOP(
            "settings", "Your settings file was damaged, so AgentBar started with default settings."
        )
        messages.append(f"{damaged} {kept}")
    except OSError as exc:
        unreadable = QT_TRANSLATE_NOOP(
            "settings", "Your settings file could not be read, so AgentBar started with defaults."
        )
        messages.append(f"{unreadable} {path}: {exc.strerror or exc}.")
    if data is not None:
        _apply(values, data, source, messages)
    policy = _policy_values(paths, messages)
    values.update(policy)  # the administrator's policy wins over the user's file
    for message in messages:
        log.warning("%s", message)
    return LoadedSettings(Settings(**values), tuple(messages), first_run, frozenset(policy))


def save_settings(paths: Paths, settings: Settings) -> None:
    """Write the user's settings file atomically (temp file, fsync, ``os.replace``), mode 0o600.

    Only values that differ from the defaults plus the machine-wide defaults are written, so a
    fleet-wide change by IT still reaches users who never touched that setting; settings the
    administrator's policy sets are never written (lifting the policy then gives the defaults).
    UTF-8 JSON, sorted keys, indented. Never writes a secret (Settings has no such field).

    Blocks on disk I/O (reads the machine-wide file, writes and fsyncs the user's): call it off
    the event-loop thread. Raises ``OSError`` when the file cannot be written; the previous
    file is then left intact.
    """
    baseline = Settings(**_machine_values(paths, []))
    locked = _policy_values(paths, [])  # policy values are the administrator's, not the user's
    names = [f.name for f in dataclasses.fields(Settings) if f.name not in locked]
    data = {n: getattr(settings, n) for n in names if getattr(settings, n) != getattr(baseline, n)}
    # default=dict: the read-only mappings; tuples become JSON lists by themselves.
    text = json.dumps(data, default=dict, indent=2, sort_keys=True, ensure_ascii=False)
    write_atomic(paths.settings_file, (text + "\n").encode("utf-8"))
