"""The bar's keys work wherever the focus is in AgentBar: line edits must not take them.

A QLineEdit claims some Ctrl keys for editing (on Linux Ctrl+E moves to the end of the line,
Ctrl+H is Backspace, ...) by accepting the ShortcutOverride event, so an application-wide
shortcut never fires while the dial field has the focus. :class:`ShortcutPassThrough`,
installed on a line edit, declines that claim for the bar's keys only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

#: The bar's shortcuts (README "Keyboard"); they act from any AgentBar window.
BAR_KEYS = (
    "Ctrl+L",
    "Ctrl+B",
    "Ctrl+E",
    "Ctrl+D",
    "Ctrl+T",
    "Ctrl+H",
    "Ctrl+P",
    "Ctrl+,",
    "Ctrl+Q",
    "Alt+M",
)


class ShortcutPassThrough(QObject):
    """An event filter for line edits: the bar's keys go to the bar's shortcuts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = {QKeySequence(k).toString() for k in BAR_KEYS}

    def watch(self, *edits: QLineEdit) -> None:
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self._keys
        ):
            event.ignore()  # not the line edit's: the shortcut map may take it
            return True
        return False
