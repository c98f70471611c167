"""Save one PNG of every visible top-level window (``--screenshot`` and the README script)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from agentbar.core.paths import write_atomic

_GAP = 12


def visible_windows() -> list[QWidget]:
    """Visible top-level widgets, top to bottom (menus and tooltips included)."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.width() > 1]
    return sorted(windows, key=lambda w: (w.y(), w.x()))


def grab(windows: list[QWidget] | None = None) -> QImage:
    """One image with the given windows stacked vertically on a neutral background.

    Never spins the event loop itself: called from a coroutine on the qasync loop, a nested
    processEvents() would re-enter asyncio ("Cannot enter into task …").
    """
    shots = [w.grab().toImage() for w in (windows or visible_windows())]
    if not shots:
        return QImage()
    width = max(s.width() for s in shots) + 2 * _GAP
    height = sum(s.height() for s in shots) + _GAP * (len(shots) + 1)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#cfd8dc"))
    painter = QPainter(image)
    y = _GAP
    for shot in shots:
        painter.drawImage(QPoint(_GAP, y), shot)
        y += shot.height() + _GAP
    painter.end()
    return image


def save_screenshot(path: str | Path, windows: list[QWidget] | None = None) -> bool:
    """Write the grab to ``path`` (PNG); False when nothing is visible or the write failed.

    The file is owner-only, as every file AgentBar writes: the bar may show a caller's number.
    """
    image = grab(windows)
    if image.isNull():
        return False
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes str
        return False
    try:
        write_atomic(Path(path), bytes(data.data()))
    except OSError:
        return False
    return True
