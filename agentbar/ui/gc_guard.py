"""Run Python's cyclic garbage collector on the GUI thread only, and out of large loads' way.

A Qt object caught in a reference cycle is destroyed by whichever thread happens to trigger
the collector. When that is a worker thread (``asyncio.to_thread``, the demo's simulator),
Qt aborts ("Timers cannot be stopped from another thread") or crashes. So automatic
collection is switched off and done here, on the GUI thread, from a timer, generation by
generation as the thresholds say (the same approach as Anki's and pyqtgraph's collectors:
https://github.com/ankitects/anki/blob/main/qt/aqt/__init__.py).

After the first full collection, what survived it (modules, classes, functions: most of the
objects of a started AgentBar) is frozen (``gc.freeze``), so that later full collections skip
it: each full collection then walks only what the run made since, a short stall instead of a
long one (the figures: README, Performance; bench/responsiveness.py).

While rows are being built on the CPU lane (workers.py), a check waits (at most
:data:`MAX_WAITS` checks in a row): it would walk a half-built load that is about to be
handed to the GUI. Loads themselves are not frozen: garbage alive at that moment would be
frozen with them, and freezing each load measured no gain worth that
(README, Performance).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from agentbar.workers import cpu_lane_busy

#: Checks in a row that wait for the CPU lane to finish building before one collects anyway.
MAX_WAITS = 5


def collect_due(froze: bool) -> tuple[int | None, bool]:
    """Collect the oldest generation whose allocation count passed its threshold, as Python's
    own collector would, on the calling thread; after the first full collection freeze what
    survived it (module text). ``froze``: whether that freeze happened already. Returns the
    generation collected (None for none) and whether the freeze has happened now. The app's
    collector calls it from its timer, the test suite after each test (tests/conftest.py)."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            if generation == 2 and not froze:
                gc.freeze()
                froze = True
            return generation, froze
    return None, froze


class MainThreadCollector(QObject):
    """Disables automatic GC and collects on a timer in the thread that owns this object."""

    def __init__(
        self,
        interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._froze = False
        self._waits = 0
        #: Collections made, by generation.
        self.collections = [0, 0, 0]
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds; wait while
        a load is being built (module text)."""
        if cpu_lane_busy() and self._waits < MAX_WAITS:
            self._waits += 1
            return
        self._waits = 0
        generation, self._froze = collect_due(self._froze)
        if generation is not None:
            self.collections[generation] += 1

    def stop(self) -> None:
        """Collect once more and give collection back to Python."""
        self._timer.stop()
        if self._froze:
            gc.unfreeze()
            self._froze = False
        gc.collect()
        if self._was_enabled:
            gc.enable()
