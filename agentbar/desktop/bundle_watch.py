"""Linux/macOS: notice that the running bundle's program was replaced under the running bar.

A PyInstaller bundle reads its Python modules from an archive inside the program file
(``sys.executable``), reopening it *by path* for every import made after start-up
(``PyInstaller/loader/pyimod01_archive.py``: ``ZlibArchiveReader.extract`` opens
``self._filename``). AgentBar imports much lazily (the side panel, the settings dialog,
QtMultimedia on the first playback). When a package manager replaces the files while a bar
runs (``apt`` installing a new .deb: dpkg renames new files over the old ones), the old bar
would read the NEW archive with the OLD table of contents: its next lazy import fails or
crashes it mid-shift. :class:`BundleWatcher` notices the replacement, so that the bar can
restart itself into the new version once no call is active (ui/startup/update_restart.py).

Only a frozen build has such an archive (:func:`watched_program`); on Windows the running
program's files cannot be replaced (the installer closes the bar through the Restart
Manager: desktop/restart_manager.py). Nothing here blocks: one ``stat`` per check.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

__all__ = [
    "CHECK_EVERY_MS",
    "BundleWatcher",
    "ProgramIdentity",
    "program_identity",
    "watched_program",
]

log = logging.getLogger(__name__)

#: How often the program file is looked at.
CHECK_EVERY_MS = 10_000

StatFunction = Callable[[str], os.stat_result]


class ProgramIdentity(NamedTuple):
    """What changes when the file at a path is replaced (a new inode) or rewritten."""

    device: int
    inode: int
    size: int
    mtime_ns: int


def program_identity(path: str, stat: StatFunction = os.stat) -> ProgramIdentity | None:
    """The identity of the file at ``path``; None when it is gone or cannot be read."""
    try:
        st = stat(path)
    except OSError:
        return None
    return ProgramIdentity(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def watched_program(*, frozen: bool, executable: str, platform: str) -> str | None:
    """The file whose replacement makes this run stale: the bundle's program for a frozen
    build on Linux or macOS; None otherwise (a source run imports from files that a new
    version replaces consistently; Windows locks the running program's files)."""
    if not frozen or not executable or platform == "win32":
        return None
    return executable


class BundleWatcher(QObject):
    """Looks at ``path`` every ``interval_ms`` and emits :attr:`replaced` once when the file
    there is no longer the one that was there at :meth:`start` (another inode, size or
    modification time, or gone).

    The change is reported once it has held for two checks in a row: a package manager
    replaces many files one after the other, and the program is best restarted from a
    complete installation. ``stat`` is injectable for tests.
    """

    replaced = Signal()

    def __init__(
        self,
        path: str,
        *,
        interval_ms: int = CHECK_EVERY_MS,
        stat: StatFunction = os.stat,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._stat = stat
        self._original: ProgramIdentity | None = None
        self._seen: ProgramIdentity | None = None
        self._changes = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._check)

    def start(self) -> bool:
        """Remember what is at the path now and start watching; False (nothing watched) when
        the file cannot be read."""
        self._original = program_identity(self.path, self._stat)
        if self._original is None:
            log.warning("cannot watch %s for updates: it cannot be read", self.path)
            return False
        self._changes = 0
        self._timer.start()
        return True

    def stop(self) -> None:
        self._timer.stop()

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    def _check(self) -> None:
        now = program_identity(self.path, self._stat)
        if now == self._original:
            self._changes = 0
            return
        if self._changes and now == self._seen:
            self._changes += 1
        else:  # a first change, or the file changed again since the last check
            self._seen, self._changes = now, 1
        if self._changes >= 2:
            self._timer.stop()
            if now is None:
                log.warning("the program %s was removed while running", self.path)
            else:
                log.warning("the program %s was replaced while running (an update)", self.path)
            self.replaced.emit()
