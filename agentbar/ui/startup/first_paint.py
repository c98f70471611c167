"""Knowing when a window has been painted once: the start-up waits for the bar's first paint."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

#: The longest the run waits for the bar's first paint before it goes on without it.
PAINT_WAIT_S = 0.5


class PaintWatcher(QObject):
    """Calls ``then`` once, when ``widget`` receives its first paint event."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._widget: QWidget | None = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._widget is not None:
            self.stop()
            self._then()
        return False

    def stop(self) -> None:
        if self._widget is not None:
            self._widget.removeEventFilter(self)
            self._widget = None


async def painted(widget: QWidget, timeout: float = PAINT_WAIT_S) -> None:
    """Until ``widget`` has been painted once (at most ``timeout``: a window manager may be slow
    to map it, and nothing after this must wait long for that)."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_paint() -> None:
        if not done.done():
            done.set_result(None)

    watcher = PaintWatcher(widget, on_paint)
    try:
        await asyncio.wait_for(done, timeout)
    except TimeoutError:
        pass
    finally:
        watcher.stop()
