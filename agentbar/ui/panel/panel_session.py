"""PanelSession: the side panel's work (recordings, downloads, history, queues) as signals.

Like :class:`~agentbar.ui.agent_session.AgentSession`: widgets call a method, which starts a task
and returns at once; outcomes arrive as signals; every task has one error exit
(:meth:`_report`). Network through the session's client gate on the qasync loop (a load asked
for before the client is there waits for it); cache disk work in worker threads. Downloads go
into the recordings cache and are played only from there.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from agentbar.api.errors import CallCenterError
from agentbar.api.models import CallRecord
from agentbar.core import clock
from agentbar.core.history import TodaySummary, history_entries, link_recordings, summarise
from agentbar.core.paths import copy_private
from agentbar.core.recording_cache import MB, RecordingCache
from agentbar.core.recordings import CallEntry, entries_for, merge_records
from agentbar.core.settings import Settings
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.messages import error_text, os_error_text
from agentbar.ui.panel.call_model import Column, SortedEntries
from agentbar.ui.tasks import TaskOwner
from agentbar.workers import let_go, on_cpu_lane

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
    # QueueInfo, message, outcome: "changed" (the member list shows it), "unchanged" (it
    # already was so) or "unconfirmed" (the list does not show it, or could not be read)
    queue_changed = Signal(object, str, str)
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
        today: Callable[[], date] = clock.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.gate = session.gate
        self.cache = RecordingCache(cache_dir, session.settings.recordings_cache_mb * MB)
        self._today = today
        self._cache_open: asyncio.Task[None] | None = None
        self._tasks = TaskOwner(report=self._report)
        self._busy: Counter[str] = Counter()
        self._download: tuple[str, asyncio.Task[Any]] | None = None
        self._playing: str | None = None
        self.since: date | None = None
        self._records: list[CallRecord] = []
        self.recordings: list[CallEntry] = []
        self.history: list[CallEntry] = []
        #: The order each tab shows (its header's sort indicator, kept by the tab): a load's
        #: rows are put in it in the worker, with the rows (call_model.SortedEntries).
        self.recordings_order: tuple[Column, bool] = (Column.WHEN, True)
        self.history_order: tuple[Column, bool] = (Column.WHEN, True)
        self.has_history = False  # True once the history came (even an empty one)
        self.queues: list[QueueInfo] = []
        self._history_wanted = False
        self._last_call: object = session.call
        session.settings_changed.connect(self._on_settings_changed)
        session.call_changed.connect(self._on_call_changed)

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
        await self._tasks.wait()

    def _spawn(
        self,
        work: Awaitable[Any],
        what: str,
        kind: str,
        on_error: Callable[[str], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Run ``work``, busy of ``kind`` meanwhile; an error's message goes to ``on_error``
        (else ``notified``)."""

        def busy(delta: int) -> None:
            self._set_busy(kind, delta)

        def report(exc: Exception, what: str) -> None:
            self._report(exc, what, on_error)

        return self._tasks.start(work, what, busy=busy, report=report)

    def _report(
        self, exc: Exception, what: str, on_error: Callable[[str], None] | None = None
    ) -> None:
        """The one error exit of the panel's tasks."""
        if isinstance(exc, CallCenterError):
            message = self.tr("%s failed: %s") % (what, error_text(exc))
        elif isinstance(exc, OSError):
            log.warning("%s: %s", what, exc)
            message = self.tr("%s failed: %s") % (what, os_error_text(exc))
        else:
            log.error("unexpected error during %s", what, exc_info=exc)
            message = self.tr("%s failed because of an internal error (details in the log).")
            message %= what
        if on_error is not None:
            on_error(message)
        else:
            self.notified.emit("error", message)

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
        client = await self.gate.client()
        as_caller, as_called = await asyncio.gather(
            client.sound_records(start=since, end=until, caller_number=ext),
            client.sound_records(start=since, end=until, called_number=ext),
        )
        earlier = [] if replace else self._records
        history = self.history
        orders = self.recordings_order, self.history_order

        def build(
            earlier: list[CallRecord], history: list[CallEntry]
        ) -> tuple[list[CallRecord], list[CallEntry], list[CallEntry]]:
            merged = merge_records(as_caller, as_called, earlier, extension=ext)
            entries = SortedEntries(entries_for(merged, ext), *orders[0])
            if not history:
                return merged, entries, []
            return merged, entries, SortedEntries(link_recordings(history, entries), *orders[1])

        # Pure Python on plain values: a worker thread keeps 10,000 rows from stalling the UI
        # (linking the history to them too, a stall on the loop: bench/responsiveness.py).
        replaced: list[Any] = [self._records, self.recordings]
        self._records, self.recordings, linked = await on_cpu_lane(build, earlier, history)
        self.since = since if replace or self.since is None else min(since, self.since)
        self.recordings_loaded.emit(self.recordings, self.since)
        await asyncio.sleep(0)  # the bar and the timers get a turn before the history's
        if self.history:  # link calls to recordings that just arrived
            if self.history is not history:  # the history was reloaded meanwhile
                linked = SortedEntries(
                    link_recordings(self.history, self.recordings), *self.history_order
                )
            replaced.append(self.history)
            self.history = linked
            self.history_loaded.emit(self.history, self.summary())
        # The tables have let go of the rows this load replaced: they are freed in the worker.
        del earlier, history, linked
        await let_go(replaced)

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
            client = await self.gate.client()
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
        await asyncio.to_thread(copy_private, source, dest)  # 0600: a call is personal
        self.notified.emit("info", self.tr("Recording saved to %s") % dest)

    # -- history ---------------------------------------------------------------------------

    def _on_call_changed(self, call: object) -> None:
        """A call ended: today's counts change, so the history is asked for again (only once
        the panel has shown it; the server writes the call's record when it ends)."""
        ended = self._last_call is not None and call is None
        self._last_call = call
        if ended and self._history_wanted and not self.busy("history"):
            self.load_history()

    def load_history(self) -> asyncio.Task[Any]:
        """Load the last 7 days of calls and today's summary."""
        self._history_wanted = True
        return self._spawn(self._load_history(), self.tr("Loading the call history"), "history")

    async def _load_history(self) -> None:
        ext = self.extension
        today = self._today()
        since = today - timedelta(days=PAGE_DAYS - 1)
        client = await self.gate.client()
        as_caller, as_called = await asyncio.gather(
            client.call_records(start=since, end=today, caller_number=ext),
            client.call_records(start=since, end=today, called_number=ext),
        )
        # In a worker thread: linking to 10,000 recordings is a stall on the loop (as above).
        recordings = self.recordings
        order = self.history_order

        def linked(history: list[CallEntry], recordings: list[CallEntry]) -> SortedEntries:
            return SortedEntries(link_recordings(history, recordings), *order)

        history: list[CallEntry] = await on_cpu_lane(
            lambda: SortedEntries(history_entries(as_caller, as_called, ext, recordings), *order)
        )
        while self.recordings is not recordings:  # recordings arrived meanwhile: link those
            recordings = self.recordings
            history = await on_cpu_lane(linked, history, recordings)
        replaced: list[Any] = [self.history]
        self.history = history
        self.has_history = True
        self.history_loaded.emit(self.history, self.summary())
        del history  # the rows this load replaced are freed in the worker (as above)
        await let_go(replaced)

    def today(self) -> date:
        """The day "today" means for the summary (injectable for tests)."""
        return self._today()

    def summary(self) -> TodaySummary:
        """Today's numbers from the loaded history, with the break time as of now."""
        today = self._today()
        return summarise(self.history, today, self.session.state.break_seconds_on(today))

    # -- queues ----------------------------------------------------------------------------

    def load_queues(self) -> asyncio.Task[Any]:
        return self._spawn(self._load_queues(), self.tr("Loading the queues"), "queues")

    async def _membership(self, queue: str) -> bool | None:
        try:
            client = await self.gate.client()
            members = await client.queue_agents(queue)
        except CallCenterError as exc:
            log.warning("queueAgents %s: %s", queue, exc)
            return None
        return self.agent in {m.strip() for m in members}

    async def _load_queues(self) -> None:
        client = await self.gate.client()
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
        client = await self.gate.client()
        old = next((q for q in self.queues if q.extension == queue), None)
        before = await self._membership(queue)  # fresh: the list shown may be stale
        ack = await client.agents_queue(queue, [agent], make=join)
        member = await self._membership(queue)
        info = QueueInfo(queue, old.description if old else "", member)
        self.queues = [info if q.extension == queue else q for q in self.queues]
        # Success only when the server's own list shows the change (the "done" answer alone
        # proves nothing: the vendor server answers it whatever happened).
        outcome = "unconfirmed"
        if member == join and before is not None and before != join:
            outcome = "changed"
            message = self.tr("Joined queue %s.") if join else self.tr("Left queue %s.")
            message %= queue
        elif member == join:
            outcome = "unchanged"
            message = self.tr("You were already in queue %s.") if join else ""
            message = message or self.tr("You were not in queue %s.")
            message %= queue
        elif member is None:
            message = self.tr("The server answered “%s”, but queue %s could not be checked.")
            message %= (ack.message, queue)
        else:
            message = self.tr("The server answered “%s”, but queue %s still lists agent %s as %s.")
            state = self.tr("not a member") if join else self.tr("a member")
            message %= (ack.message, queue, agent, state)
        self.queue_changed.emit(info, message, outcome)
