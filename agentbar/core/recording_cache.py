"""The downloaded-recordings cache: safe file names, a size bound, least recently played out.

Files are written by ``CallCenterClient.download_recording``, which renames a hidden
``.NAME.xxxx.part`` file into place only once the whole recording arrived and is audio, so a
visible file in the cache is always complete. The index remembers each file's size and when it
was last played; it is a hint rebuilt from the directory whenever it is missing, damaged or out
of date. Its name is hidden (``.index.json``) and every recording's name carries a hash of its
full server path, so neither can take the place of the other. Folders are 0700 and files 0600
(POSIX). Every method blocks on disk I/O: call them from a worker thread
(``asyncio.to_thread``). They are thread-safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from agentbar.core.paths import (
    DamagedFile,
    make_private_dir,
    make_private_file,
    read_json_object,
    write_atomic,
)
from agentbar.core.recordings import base_name

__all__ = ["INDEX_NAME", "MB", "RecordingCache", "cache_name", "safe_name"]

log = logging.getLogger(__name__)

MB = 1024 * 1024
#: The index's name: hidden, and no cache name starts with a dot (see cache_name), so no
#: recording can ever be stored over it.
INDEX_NAME = ".index.json"
_MAX_NAME = 120
_DIGEST = 12
_ODD = re.compile(r"[^A-Za-z0-9._-]+")
#: What cache_name makes: ``stem-<12 hex>`` and an optional extension.
_CACHE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*-[0-9a-f]{12}(?:\.[A-Za-z0-9_-]{1,10})?")
# Names Windows refuses whatever the extension (CON.wav cannot be created there).
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}


def safe_name(server_path: str) -> str:
    """A safe file name from the server path's base name (for a "save as" suggestion).

    Directories are dropped (``/`` and ``\\`` alike), characters other than letters,
    digits, ``.``, ``_`` and ``-`` become ``_``, leading dots go (no ``..``, no hidden files),
    Windows' reserved device names are prefixed, and the length is bounded. Two server paths
    may give the same safe name: the cache uses :func:`cache_name`.
    """
    stem, ext = _safe_parts(server_path)
    stem = stem[:_MAX_NAME]
    return f"{stem}.{ext}" if ext else stem


def cache_name(server_path: str) -> str:
    """The cache's file name for a recording: its safe name with a hash of the whole path.

    ``/2019/10/24/a.wav`` becomes ``a-<12 hex digits of SHA-256 of the path>.wav``: two paths
    with the same file name in different folders never share an entry, and the name never
    starts with a dot, so it can never be the cache's own (hidden) index.
    """
    stem, ext = _safe_parts(server_path)
    digest = hashlib.sha256(server_path.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST]
    stem = f"{stem[: _MAX_NAME - _DIGEST - 1]}-{digest}"
    return f"{stem}.{ext}" if ext else stem


def _safe_parts(server_path: str) -> tuple[str, str]:
    name = _ODD.sub("_", base_name(server_path)).lstrip(".")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ext[:10]
    if not stem.strip("._-"):
        stem = "recording"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem, ext


@dataclass(slots=True)
class _Entry:
    size: int
    played: float


class RecordingCache:
    """A directory of complete recordings, at most ``max_bytes`` in total.

    When a new recording is added the least recently *played* ones are deleted until the
    total fits; the names in ``protect`` (what is playing now) are never deleted, so the cache
    may briefly exceed the bound by the size of the playing file. ``protect`` arguments are
    server paths, like every other argument. ``now`` is injectable (tests).
    """

    def __init__(self, directory: Path, max_bytes: int, now: Callable[[], float] = time.time):
        self.directory = directory
        self.max_bytes = max(0, max_bytes)
        self._now = now
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self._opened = False

    # -- loading -------------------------------------------------------------------------

    def open(self) -> None:
        """Create the directory, drop leftovers of interrupted downloads, load the index.

        Call once before the first download starts: a ``.part`` file found here belongs to
        a run that died mid-download and is deleted.
        """
        with self._lock:
            make_private_dir(self.directory)  # 0700, also when an older version made it 0755
            stored = self._read_index()
            self._entries = {}
            for path in self.directory.iterdir():
                name = path.name
                if name.startswith("."):
                    if name.endswith((".part", ".tmp")):
                        with contextlib.suppress(OSError):
                            path.unlink()
                    continue
                if name == INDEX_NAME or not path.is_file():
                    continue
                if not _CACHE_NAME.fullmatch(name):
                    # An older version's index.json (which a recording of that name could
                    # overwrite), or a recording named without its path's hash (no lookup
                    # can reach it any more): deleted.
                    with contextlib.suppress(OSError):
                        path.unlink()
                    continue
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if stat.st_mode & 0o077:  # a recording an older version left readable
                    make_private_file(path)
                known = stored.get(name)
                played = known.played if known and known.size == stat.st_size else stat.st_mtime
                self._entries[name] = _Entry(stat.st_size, played)
            self._opened = True
            self._evict(frozenset())
            self._save()

    def _read_index(self) -> dict[str, _Entry]:
        try:
            data = read_json_object(self.directory / INDEX_NAME)
        except (OSError, DamagedFile) as exc:
            log.warning("recordings cache index unreadable (%s); rebuilding it", exc)
            return {}
        entries = (data or {}).get("entries")
        if not isinstance(entries, dict):
            return {}
        out = {}
        for name, value in entries.items():
            with contextlib.suppress(KeyError, TypeError, ValueError):
                out[str(name)] = _Entry(int(value["size"]), float(value["played"]))
        return out

    def _save(self) -> None:
        data = {
            "version": 1,
            "entries": {n: {"size": e.size, "played": e.played} for n, e in self._entries.items()},
        }
        try:
            write_atomic(self.directory / INDEX_NAME, json.dumps(data, indent=0).encode())
        except OSError as exc:  # the index is a hint: the directory is the truth
            log.warning("could not save the recordings cache index: %s", exc.strerror)

    def _ensure_open(self) -> None:
        if not self._opened:
            raise RuntimeError("RecordingCache.open() first")

    # -- queries -------------------------------------------------------------------------

    def path_for(self, server_path: str) -> Path:
        """Where the recording ``server_path`` is (or will be) kept."""
        return self.directory / cache_name(server_path)

    def lookup(self, server_path: str) -> Path | None:
        """The local file of ``server_path`` when it is cached and intact, else None."""
        name = cache_name(server_path)
        with self._lock:
            self._ensure_open()
            entry = self._entries.get(name)
            if entry is None:
                return None
            path = self.directory / name
            try:
                size = path.stat().st_size
            except OSError:
                size = -1
            if size != entry.size or size <= 0:
                # Deleted or changed behind our back: forget it, never play it.
                del self._entries[name]
                with contextlib.suppress(OSError):
                    path.unlink()
                self._save()
                return None
            return path

    def total_bytes(self) -> int:
        with self._lock:
            return sum(e.size for e in self._entries.values())

    def names(self) -> list[str]:
        """Cached file names, least recently played first."""
        with self._lock:
            return [n for n, _ in sorted(self._entries.items(), key=lambda kv: kv[1].played)]

    # -- changes -------------------------------------------------------------------------

    def add(self, server_path: str, protect: Collection[str] = ()) -> Path:
        """Register the file just downloaded for ``server_path``, then evict to the bound.

        The new file counts as just played and is never evicted by this call.
        """
        name = cache_name(server_path)
        path = self.directory / name
        with self._lock:
            self._ensure_open()
            self._entries[name] = _Entry(path.stat().st_size, self._now())
            self._evict(frozenset({name, *map(cache_name, protect)}))
            self._save()
        return path

    def touch(self, server_path: str) -> None:
        """Mark ``server_path`` as played now (it moves to the back of the eviction line)."""
        name = cache_name(server_path)
        with self._lock:
            entry = self._entries.get(name)
            if entry is not None:
                entry.played = self._now()
                self._save()

    def discard(self, server_path: str) -> None:
        """Delete ``server_path``'s file (e.g. the player could not decode it)."""
        name = cache_name(server_path)
        with self._lock:
            self._entries.pop(name, None)
            with contextlib.suppress(FileNotFoundError):
                (self.directory / name).unlink()
            self._save()

    def set_limit(self, max_bytes: int, protect: Collection[str] = ()) -> None:
        """Change the bound and evict down to it now."""
        with self._lock:
            self.max_bytes = max(0, max_bytes)
            if self._opened:
                self._evict(frozenset(map(cache_name, protect)))
                self._save()

    def _evict(self, protect: frozenset[str]) -> None:
        total = sum(e.size for e in self._entries.values())
        if total <= self.max_bytes:
            return
        for name, entry in sorted(self._entries.items(), key=lambda kv: kv[1].played):
            if total <= self.max_bytes:
                break
            if name in protect:
                continue
            try:
                (self.directory / name).unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:  # in use (Windows) or read-only: try again next time
                log.warning("could not evict a cached recording: %s", exc.strerror)
                continue
            del self._entries[name]
            total -= entry.size
