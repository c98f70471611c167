"""Every file and directory AgentBar uses (platformdirs or --basedir), and safe JSON file I/O."""

from __future__ import annotations

import contextlib
import json
import logging
import ntpath
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from agentbar.core import clock

__all__ = [
    "APP_AUTHOR",
    "APP_NAME",
    "MACHINE_DEFAULTS_ENV",
    "MACHINE_POLICY_NAME",
    "DamagedFile",
    "Paths",
    "copy_private",
    "machine_defaults_file",
    "machine_defaults_files",
    "make_private_dir",
    "make_private_file",
    "read_json_object",
    "set_aside",
    "write_atomic",
]

log = logging.getLogger(__name__)

APP_NAME = "AgentBar"
APP_AUTHOR = "AgentBar"
#: Environment variable naming the machine-wide defaults file (for IT and tests).
MACHINE_DEFAULTS_ENV = "AGENTBAR_MACHINE_DEFAULTS"
_MACHINE_DEFAULTS_NAME = "defaults.json"
#: Mandatory machine-wide settings, beside each defaults file (users cannot override them).
MACHINE_POLICY_NAME = "policy.json"
# Everything AgentBar creates may hold personal data (phone numbers in logs and state, call
# recordings in the cache): folders 0700 and files 0600, owner only, on POSIX.
_PRIVATE_MODE = 0o700
_PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class Paths:
    """Where AgentBar keeps its files.

    Building one never touches the disk; call :meth:`ensure` once at start-up to create the
    user directories.
    """

    config_dir: Path
    cache_dir: Path
    log_dir: Path
    state_dir: Path
    machine_defaults_file: Path
    #: Every machine-wide defaults file, the first winning; empty means just
    #: ``machine_defaults_file`` (see :attr:`machine_files`).
    machine_defaults_all: tuple[Path, ...] = ()
    #: Whether the operating system's policy stores (Windows registry, macOS managed
    #: preferences) are read; False under ``--basedir``, which is isolated from the machine.
    os_policy: bool = False

    @classmethod
    def default(cls) -> Paths:
        """The per-user platform directories (platformdirs, app and author "AgentBar").

        The machine-wide defaults file is the operating system's shared location (see
        :func:`machine_defaults_file`), unless ``AGENTBAR_MACHINE_DEFAULTS`` names another
        file. Does not block and does not touch the disk.
        """
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
            state_dir=Path(dirs.user_state_dir),
            machine_defaults_file=_machine_defaults_file(sys.platform, os.environ),
            machine_defaults_all=_machine_defaults_files(sys.platform, os.environ),
            os_policy=True,
        )

    @classmethod
    def under(cls, basedir: str | os.PathLike[str]) -> Paths:
        """Everything under one directory: the ``--basedir DIR`` override.

        ``DIR/config``, ``DIR/cache``, ``DIR/logs``, ``DIR/state`` and the machine-wide
        defaults file at ``DIR/machine/defaults.json``. ``AGENTBAR_MACHINE_DEFAULTS`` is
        ignored here so that a ``--basedir`` run (tests, the frozen self-test) is fully
        isolated from the machine it runs on. Does not touch the disk.
        """
        base = Path(basedir).expanduser().absolute()
        return cls(
            config_dir=base / "config",
            cache_dir=base / "cache",
            log_dir=base / "logs",
            state_dir=base / "state",
            machine_defaults_file=base / "machine" / _MACHINE_DEFAULTS_NAME,
        )

    @property
    def machine_files(self) -> tuple[Path, ...]:
        """The machine-wide defaults files, the first winning (every ``$XDG_CONFIG_DIRS``
        entry on Linux; one file elsewhere)."""
        return self.machine_defaults_all or (self.machine_defaults_file,)

    @property
    def machine_policy_files(self) -> tuple[Path, ...]:
        """The mandatory ``policy.json`` beside each machine-wide defaults file, first winning."""
        return tuple(path.with_name(MACHINE_POLICY_NAME) for path in self.machine_files)

    @property
    def recordings_cache_dir(self) -> Path:
        """Downloaded call recordings (may be deleted at any time)."""
        return self.cache_dir / "recordings"

    @property
    def settings_file(self) -> Path:
        """The user's settings (JSON, no secrets)."""
        return self.config_dir / "settings.json"

    @property
    def state_file(self) -> Path:
        """The agent's persisted login/break/call state."""
        return self.state_dir / "agent_state.json"

    @property
    def log_file(self) -> Path:
        """The rotating application log."""
        return self.log_dir / "agentbar.log"

    def ensure(self) -> None:
        """Create the user directories if missing.

        Config, state, log, cache and recordings directories are made owner-only (0o700) on
        POSIX, also when they already existed with looser permissions (older versions made the
        cache 0o755). Blocks on disk I/O; raises ``OSError`` when a directory cannot be
        created. The machine-wide defaults directory is never created.
        """
        for directory in (
            self.config_dir,
            self.state_dir,
            self.log_dir,
            self.cache_dir,
            self.recordings_cache_dir,
        ):
            make_private_dir(directory)


def machine_defaults_file(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> Path:
    """The machine-wide defaults file that IT may deploy to every desk.

    ``AGENTBAR_MACHINE_DEFAULTS`` wins when set and non-empty. Otherwise: Windows
    ``%PROGRAMDATA%\\AgentBar\\defaults.json``; macOS
    ``/Library/Application Support/AgentBar/defaults.json``; elsewhere
    ``agentbar/defaults.json`` in the first entry of ``$XDG_CONFIG_DIRS`` (default
    ``/etc/xdg``); :func:`machine_defaults_files` lists every entry. Does not touch the disk.
    """
    return _machine_defaults_file(platform, os.environ if environ is None else environ)


def machine_defaults_files(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> tuple[Path, ...]:
    """Every machine-wide defaults file, the first winning over later ones.

    On Linux and the BSDs, ``agentbar/defaults.json`` in every entry of ``$XDG_CONFIG_DIRS``
    (Ubuntu's GNOME session puts ``/etc/xdg/xdg-ubuntu`` first, so reading only the first entry
    would miss ``/etc/xdg``); relative entries are ignored (XDG Base Directory spec), and
    ``/etc/xdg`` is the default. Elsewhere, or with ``AGENTBAR_MACHINE_DEFAULTS``, one file.
    """
    return _machine_defaults_files(platform, os.environ if environ is None else environ)


def _machine_defaults_file(platform: str, environ: Mapping[str, str]) -> Path:
    return _machine_defaults_files(platform, environ)[0]


def _machine_defaults_files(platform: str, environ: Mapping[str, str]) -> tuple[Path, ...]:
    override = environ.get(MACHINE_DEFAULTS_ENV, "").strip()
    if override:
        return (Path(override).expanduser(),)
    if platform == "win32":
        program_data = environ.get("PROGRAMDATA") or environ.get("ALLUSERSPROFILE")
        if not program_data:
            program_data = r"C:\ProgramData"
        return (Path(ntpath.join(program_data, APP_NAME, _MACHINE_DEFAULTS_NAME)),)
    if platform == "darwin":
        return (Path("/Library/Application Support") / APP_NAME / _MACHINE_DEFAULTS_NAME,)
    entries = [e for e in environ.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(e)]
    found: list[Path] = []
    for entry in entries or ["/etc/xdg"]:
        path = Path(entry) / "agentbar" / _MACHINE_DEFAULTS_NAME
        if path not in found:
            found.append(path)
    return tuple(found)


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and missing parents) owner-only, or tighten it to 0o700.

    POSIX only tightens; elsewhere the directory is just created. Raises ``OSError`` when it
    cannot be created; a directory that cannot be tightened (owned by someone else) is logged
    and used as it is. Blocks on disk I/O.
    """
    directory.mkdir(mode=_PRIVATE_MODE, parents=True, exist_ok=True)
    _tighten(directory, _PRIVATE_MODE)


def make_private_file(path: Path) -> None:
    """Tighten the existing file ``path`` to 0o600 (POSIX; best effort, logged). Blocks."""
    _tighten(path, _PRIVATE_FILE_MODE)


def copy_private(source: Path, dest: Path) -> None:
    """Copy ``source`` to ``dest``, which is owner-only (0o600) from its first byte.

    A file already at ``dest`` is replaced and tightened. Raises ``OSError``. Blocks.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, _PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        _tighten(dest, _PRIVATE_FILE_MODE)  # an existing dest keeps its mode through O_CREAT
        shutil.copyfileobj(src, out, 1024 * 1024)


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError as exc:
        # Owned by someone else (an odd --basedir): usable, just not tightened.
        log.warning("Could not restrict permissions of %s: %s", path, exc)


# --- safe JSON files: shared by settings and any other state kept on disk ---------------------


class DamagedFile(ValueError):
    """A file exists but does not hold what it should; ``str(exc)`` is a plain reason."""


def read_json_object(path: Path) -> dict[str, Any] | None:
    """The JSON object stored in ``path``, or None when the file does not exist.

    Accepts a UTF-8 byte-order mark (Windows Notepad adds one when IT edits a file). Raises
    :class:`DamagedFile` when the bytes are not UTF-8 JSON holding an object, ``OSError`` when
    the file cannot be read. Blocks on disk I/O.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DamagedFile("it is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise DamagedFile("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise DamagedFile("it does not hold a JSON object")
    return data


def set_aside(path: Path) -> Path:
    """Rename ``path`` to ``NAME.corrupt-YYYYMMDD-HHMMSS`` beside it (kept as a backup).

    Never overwrites an earlier backup. Returns the new path; raises ``OSError``. Blocks.
    """
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, backup)
    return backup


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` atomically: temp file, fsync, ``os.replace``.

    The file is owner-only (0o600) on POSIX from its first byte; a missing parent directory is
    created owner-only. Readers see the old or the new file, never a half-written one. Raises
    ``OSError`` (the old file is then intact and no temp file is left). Blocks on disk I/O.
    """
    directory = path.parent
    directory.mkdir(mode=_PRIVATE_MODE, parents=True, exist_ok=True)
    # mkstemp creates the file with mode 0o600 on POSIX, so it is never readable by others.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        # Make the rename itself durable; best effort (some file systems refuse).
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
