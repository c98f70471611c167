"""Run Python's cyclic garbage collector on the GUI thread only, and out of large loads' way.

A Qt object caught in a reference cycle is destroyed by whichever thread happens to trigger
the collector. When that is a worker thread (``asyncio.to_thread``, the demo's simulator),
Qt aborts ("Timers cannot be stopped from another thread") or crashes. So automatic
collection is switched off and done here, on the GUI thread, from a timer, generation by
generation as the thresholds say (the same approach as Anki's and pyqtgraph's collectors:
https://github.com/ankitects/anki/blob/main/qt/aqt/__init__.py).

After the first full collection, what survived it (modules, classes, functions: most of the
~45,000 objects of a started AgentBar) is frozen (``gc.freeze``), so that later full
collections skip it: a GUI stall of ~20 ms each time becomes a few (bench/responsiveness.py).

Large loads are adopted the same way (:func:`freeze_loaded_rows`). 10,000 recordings are
~20,000 new objects; the collector walked them in three passes after each load (the young,
the middle, then the full generation), each a GUI stall of 10-35 ms. Rows are freed by
reference counting, never by the collector, so they are frozen as they arrive (O(1)). Freezing
also puts aside any cycle that was garbage at that moment: :meth:`MainThreadCollector.sweep`
collects those with one full collection, at most :data:`SWEEP_AFTER_S` after an adoption.
While rows are being built on the CPU lane (workers.py), a check waits (at most
:data:`MAX_WAITS` checks in a row): it would walk the half-built load it is about to adopt.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

from agentbar.workers import cpu_lane_busy

#: A sweep (one full collection, then everything frozen again) follows an adoption within
#: this many seconds: what garbage an adoption froze lives at most this long.
SWEEP_AFTER_S = 600.0
#: Checks in a row that wait for the CPU lane to finish building before one collects anyway.
MAX_WAITS = 5

_running: list[MainThreadCollector] = []  # the run's collector, while it runs


def freeze_loaded_rows() -> None:
    """A large, long-lived load just arrived: keep it out of later collections (see the
    module text). Without a running collector (a test, a script), nothing happens."""
    if _running:
        _running[-1].adopt()


class MainThreadCollector(QObject):
    """Disables automatic GC and collects on a timer in the thread that owns this object."""

    def __init__(
        self,
        interval_ms: int = 1000,
        parent: QObject | None = None,
        *,
        sweep_after_s: float = SWEEP_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._froze = False
        self._sweep_after_s = sweep_after_s
        self._adopted_at: float | None = None  # the first adoption since the last sweep
        self._waits = 0
        #: Collections made, by generation; and adoptions, and sweeps.
        self.collections = [0, 0, 0]
        self.adoptions = 0
        self.sweeps = 0
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        _running.append(self)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds (or sweep,
        when an adoption is due one); wait while a load is being built (module text)."""
        if cpu_lane_busy() and self._waits < MAX_WAITS:
            self._waits += 1
            return
        self._waits = 0
        adopted_at = self._adopted_at
        if adopted_at is not None and time.monotonic() - adopted_at >= self._sweep_after_s:
            self.sweep()
            return
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                self.collections[generation] += 1
                if generation == 2 and not self._froze:
                    gc.freeze()  # see the module text
                    self._froze = True
                break

    def adopt(self) -> None:
        """Freeze everything tracked now: a load's rows skip the passes that would walk them."""
        gc.freeze()
        self._froze = True
        self.adoptions += 1
        if self._adopted_at is None:
            self._adopted_at = time.monotonic()

    def sweep(self) -> None:
        """One full collection over everything, frozen or not, then freeze what survived."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._froze = True
        self._adopted_at = None
        self.sweeps += 1

    def stop(self) -> None:
        """Collect once more and give collection back to Python."""
        self._timer.stop()
        if self in _running:
            _running.remove(self)
        if self._froze:
            gc.unfreeze()
            self._froze = False
        gc.collect()
        if self._was_enabled:
            gc.enable()
