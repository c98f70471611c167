"""PanelSession: the side panel's work (recordings, downloads, history, queues) as signals.

Like :class:`~agentbar.ui.agent_session.AgentSession`: widgets call a method, which starts a task
and returns at once; outcomes arrive as signals; every task has one error exit (:meth:`_run`).
Network through the session's current client on the qasync loop; cache disk work in worker
threads. Downloads go into the recordings cache and are played only from there.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from agentbar.api.errors import CallCenterError
from agentbar.api.models import CallRecord
from agentbar.core.history import TodaySummary, history_entries, link_recordings, summarise
from agentbar.core.recording_cache import MB, RecordingCache
from agentbar.core.recordings import CallEntry, entries_for, merge_records
from agentbar.core.settings import Settings
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.messages import error_text
from agentbar.workers import on_cpu_lane

log = logging.getLogger(__name__)

PAGE_DAYS = 7


@dataclass(frozen=True, slots=True)
class QueueInfo:
    """A queue and whether this agent is in it (None: the server did not say)."""

    extension: str
    description: str
    member: bool | None


class PanelSession(QObject):
    """Loads the agent's recordings, history and queues; fetches recordings into the cache.

    Busy kinds (``busy_changed``): ``recordings``, ``history``, ``queues``, ``download``.
    """

    recordings_loaded = Signal(object, object)  # list[CallEntry], since: date
    history_loaded = Signal(object, object)  # list[CallEntry], TodaySummary
    queues_loaded = Signal(object)  # list[QueueInfo]
    queue_changed = Signal(object, str)  # QueueInfo, message
    queue_failed = Signal(str, str)  # queue, message
    download_started = Signal(str)  # server path
    download_progressed = Signal(str, object, object)  # server path, bytes, total | None
    recording_ready = Signal(str, object)  # server path, local Path
    download_failed = Signal(str, str)  # server path, message
    download_cancelled = Signal(str)  # server path
    busy_changed = Signal(str, bool)
    notified = Signal(str, str)  # level, text

    def __init__(
        self,
        session: AgentSession,
        cache_dir: Path,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.cache = RecordingCache(cache_dir, session.settings.recordings_cache_mb * MB)
        self._today = today
        self._cache_open: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy: Counter[str] = Counter()
        self._download: tuple[str, asyncio.Task[Any]] | None = None
        self._playing: str | None = None
        self.since: date | None = None
        self._records: list[CallRecord] = []
        self.recordings: list[CallEntry] = []
        self.history: list[CallEntry] = []
        self.queues: list[QueueInfo] = []
        session.settings_changed.connect(self._on_settings_changed)

    @property
    def extension(self) -> str:
        return self.session.settings.extension

    @property
    def agent(self) -> str:
        return self.session.state.agent or self.session.settings.agent

    def _on_settings_changed(self, settings: Settings) -> None:
        limit = settings.recordings_cache_mb * MB
        if self._cache_open is not None and limit != self.cache.max_bytes:
            protect = [p for p in (self._playing,) if p]
            work = asyncio.to_thread(self.cache.set_limit, limit, protect)
            self._spawn(work, self.tr("Resizing the recordings cache"), "cache")

    # -- lifecycle and the one error exit --------------------------------------------------

    async def aclose(self) -> None:
        """Cancel a running download and wait for the other tasks."""
        self.cancel_download()
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=10)

    def _spawn(
        self,
        coro: Coroutine[Any, Any, Any],
        what: str,
        kind: str,
        on_error: Callable[[str], None] | None = None,
    ) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(self._run(coro, what, kind, on_error))
        self._tasks.add(task)  # keep a reference: an unreferenced task can be collected
        task.add_done_callback(self._tasks.discard)
        return task

    async def _run(
        self, coro: Awaitable[Any], what: str, kind: str, on_error: Callable[[str], None] | None
    ) -> Any:
        self._set_busy(kind, +1)
        try:
            return await coro
        except CallCenterError as exc:
            message = self.tr("%s failed: %s") % (what, error_text(exc))
        except OSError as exc:
            log.warning("%s: %s", what, exc)
            message = self.tr("%s failed: %s") % (what, exc.strerror or type(exc).__name__)
        except Exception:
            log.exception("unexpected error during %s", what)
            message = self.tr("%s failed because of an internal error (details in the log).")
            message %= what
        finally:
            self._set_busy(kind, -1)
        if on_error is not None:
            on_error(message)
        else:
            self.notified.emit("error", message)
        return None

    def _set_busy(self, kind: str, delta: int) -> None:
        before = self._busy[kind] > 0
        self._busy[kind] += delta
        if (self._busy[kind] > 0) != before:
            self.busy_changed.emit(kind, self._busy[kind] > 0)

    def busy(self, kind: str) -> bool:
        return self._busy[kind] > 0

    # -- recordings list -------------------------------------------------------------------

    def load_recordings(self) -> asyncio.Task[Any]:
        """(Re)load the recordings from ``since`` (default: the last 7 days) to today."""
        today = self._today()
        since = self.since or today - timedelta(days=PAGE_DAYS - 1)
        return self._spawn(
            self._load_recordings(since, today, replace=True),
            self.tr("Loading recordings"),
            "recordings",
        )

    def load_older(self) -> asyncio.Task[Any]:
        """Add the 7 days before the oldest day loaded."""
        first = self.since or self._today() - timedelta(days=PAGE_DAYS - 1)
        since = first - timedelta(days=PAGE_DAYS)
        return self._spawn(
            self._load_recordings(since, first - timedelta(days=1), replace=False),
            self.tr("Loading older recordings"),
            "recordings",
        )

    async def _load_recordings(self, since: date, until: date, *, replace: bool) -> None:
        ext = self.extension
        client = await self.session.ready_client()
        as_caller, as_called = await asyncio.gather(
            client.sound_records(start=since, end=until, caller_number=ext),
            client.sound_records(start=since, end=until, called_number=ext),
        )
        earlier = [] if replace else self._records
        history = self.history

        def build() -> tuple[list[CallRecord], list[CallEntry], list[CallEntry]]:
            merged = merge_records(as_caller, as_called, earlier, extension=ext)
            entries = entries_for(merged, ext)
            return merged, entries, link_recordings(history, entries) if history else []

        # Pure Python on plain values: a worker thread keeps 10,000 rows from stalling the UI
        # (linking the history to them too: ~25 ms on the loop, bench/responsiveness.py).
        self._records, self.recordings, linked = await on_cpu_lane(build)
        self.since = since if replace or self.since is None else min(since, self.since)
        self.recordings_loaded.emit(self.recordings, self.since)
        await asyncio.sleep(0)  # the bar and the timers get a turn before the history's
        if self.history:  # link calls to recordings that just arrived
            if self.history is not history:  # the history was reloaded meanwhile
                linked = link_recordings(self.history, self.recordings)
            self.history = linked
            self.history_loaded.emit(self.history, self.summary())

    # -- downloads and the cache -----------------------------------------------------------

    async def _ready_cache(self) -> RecordingCache:
        if self._cache_open is None:
            self._cache_open = asyncio.ensure_future(asyncio.to_thread(self.cache.open))
        await asyncio.shield(self._cache_open)
        return self.cache

    def fetch(self, file: str) -> asyncio.Task[Any]:
        """Make ``file`` playable: from the cache, else downloaded into it (cancel-able).

        Ends in ``recording_ready`` or ``download_failed``/``download_cancelled``. A download
        of another file still running is cancelled (the agent changed their mind).
        """
        if self._download is not None:
            running_file, task = self._download
            if running_file == file and not task.done():
                return task
            task.cancel()

        def failed(message: str) -> None:
            self.download_failed.emit(file, message)

        task = self._spawn(
            self._fetch(file), self.tr("Downloading the recording"), "download", failed
        )
        self._download = (file, task)
        return task

    async def _fetch(self, file: str) -> None:
        cache = await self._ready_cache()
        cached = await asyncio.to_thread(cache.lookup, file)
        if cached is not None:
            self.recording_ready.emit(file, cached)
            return
        self.download_started.emit(file)

        def progress(got: int, total: int | None) -> None:
            self.download_progressed.emit(file, got, total)

        try:
            client = await self.session.ready_client()
            result = await client.download_recording(
                file, cache.path_for(file), on_progress=progress
            )
        except asyncio.CancelledError:
            # The client removed its partial file; nothing of this download is kept.
            self.download_cancelled.emit(file)
            raise
        limit = self.session.settings.recordings_cache_mb * MB
        protect = [p for p in (self._playing,) if p]

        def store() -> Path:
            cache.set_limit(limit, protect=[*protect, file])
            return cache.add(file, protect=protect)

        path = await asyncio.to_thread(store)
        log.info("recording downloaded (%d bytes, %s)", result.size, result.kind)
        self.recording_ready.emit(file, path)

    def cancel_download(self) -> None:
        """Stop the running download; its partial file is removed."""
        if self._download is not None:
            self._download[1].cancel()
            self._download = None

    def played(self, file: str | None) -> None:
        """The player now plays ``file`` (None: nothing): it moves to the back of eviction."""
        self._playing = file
        if file is not None and self._cache_open is not None:
            self._spawn(asyncio.to_thread(self.cache.touch, file), self.tr("Caching"), "cache")

    def discard(self, file: str) -> asyncio.Task[Any]:
        """Forget a cached file the player could not decode (the next play downloads again)."""
        if self._playing == file:
            self._playing = None
        return self._spawn(self._discard(file), self.tr("Clearing the cache"), "cache")

    async def _discard(self, file: str) -> None:
        cache = await self._ready_cache()
        await asyncio.to_thread(cache.discard, file)

    def save_copy(self, file: str, dest: Path) -> asyncio.Task[Any]:
        """Copy the recording out to ``dest`` (downloading it first when needed)."""
        return self._spawn(self._save_copy(file, dest), self.tr("Saving the recording"), "save")

    async def _save_copy(self, file: str, dest: Path) -> None:
        cache = await self._ready_cache()
        source = await asyncio.to_thread(cache.lookup, file)
        if source is None:
            await self.fetch(file)
            source = await asyncio.to_thread(cache.lookup, file)
            if source is None:
                return  # the download failed and said why
        await asyncio.to_thread(shutil.copyfile, source, dest)
        self.notified.emit("info", self.tr("Recording saved to %s") % dest)

    # -- history ---------------------------------------------------------------------------

    def load_history(self) -> asyncio.Task[Any]:
        """Load the last 7 days of calls and today's summary."""
        return self._spawn(self._load_history(), self.tr("Loading the call history"), "history")

    async def _load_history(self) -> None:
        ext = self.extension
        today = self._today()
        since = today - timedelta(days=PAGE_DAYS - 1)
        client = await self.session.ready_client()
        as_caller, as_called = await asyncio.gather(
            client.call_records(start=since, end=today, caller_number=ext),
            client.call_records(start=since, end=today, called_number=ext),
        )
        # In a worker thread: linking to 10,000 recordings takes ~25 ms (see _load_recordings).
        recordings = self.recordings
        history = await on_cpu_lane(history_entries, as_caller, as_called, ext, recordings)
        while self.recordings is not recordings:  # recordings arrived meanwhile: link those
            recordings = self.recordings
            history = await on_cpu_lane(link_recordings, history, recordings)
        self.history = history
        self.history_loaded.emit(self.history, self.summary())

    def summary(self) -> TodaySummary:
        """Today's numbers from the loaded history, with the break time as of now."""
        today = self._today()
        return summarise(self.history, today, self.session.state.break_seconds_on(today))

    # -- queues ----------------------------------------------------------------------------

    def load_queues(self) -> asyncio.Task[Any]:
        return self._spawn(self._load_queues(), self.tr("Loading the queues"), "queues")

    async def _membership(self, queue: str) -> bool | None:
        try:
            client = await self.session.ready_client()
            members = await client.queue_agents(queue)
        except CallCenterError as exc:
            log.warning("queueAgents %s: %s", queue, exc)
            return None
        return self.agent in {m.strip() for m in members}

    async def _load_queues(self) -> None:
        client = await self.session.ready_client()
        queues = await client.list_queue()
        members = await asyncio.gather(*(self._membership(q.extension) for q in queues))
        self.queues = [
            QueueInfo(q.extension, q.description, member)
            for q, member in zip(queues, members, strict=True)
        ]
        self.queues_loaded.emit(self.queues)

    def join_queue(self, queue: str) -> asyncio.Task[Any]:
        """Add this agent to ``queue``; ends in ``queue_changed`` or ``queue_failed``."""
        return self._change(queue, True, self.tr("Joining queue %s") % queue)

    def leave_queue(self, queue: str) -> asyncio.Task[Any]:
        """Remove this agent from ``queue``; ends in ``queue_changed`` or ``queue_failed``."""
        return self._change(queue, False, self.tr("Leaving queue %s") % queue)

    def _change(self, queue: str, join: bool, what: str) -> asyncio.Task[Any]:
        def failed(message: str) -> None:
            self.queue_failed.emit(queue, message)

        return self._spawn(self._change_queue(queue, join), what, "queues", failed)

    async def _change_queue(self, queue: str, join: bool) -> None:
        agent = self.agent
        client = await self.session.ready_client()
        ack = await client.agents_queue(queue, [agent], make=join)
        member = await self._membership(queue)
        old = next((q for q in self.queues if q.extension == queue), None)
        info = QueueInfo(queue, old.description if old else "", member)
        self.queues = [info if q.extension == queue else q for q in self.queues]
        if member is None or member == join:
            done = self.tr("Joined queue %s.") if join else self.tr("Left queue %s.")
            message = f"{ack.message} — {done % queue}" if ack.message else done % queue
        else:
            message = self.tr("The server answered “%s”, but queue %s still lists agent %s as %s.")
            state = self.tr("not a member") if join else self.tr("a member")
            message %= (ack.message, queue, agent, state)
        self.queue_changed.emit(info, message)
