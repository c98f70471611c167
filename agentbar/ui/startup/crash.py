"""The crash dialog: a human message for an unexpected error; the program keeps running."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.api.errors import redact

_open: list[QMessageBox] = []


def show_crash(details: str) -> None:
    """Tell the user something went wrong (non-blocking); ``details`` must be redacted already.

    ``redact`` is applied once more for any ``apikey=`` left in a URL.
    """
    if QApplication.instance() is None or len(_open) >= 3:
        return
    text = redact(details)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Crash", "AgentBar — unexpected error"),
        QCoreApplication.translate(
            "Crash",
            "Something went wrong inside AgentBar. It keeps running; details are in the log.",
        ),
    )
    box.setDetailedText(text)
    box.setAccessibleName(box.windowTitle())
    _open.append(box)
    box.finished.connect(lambda _code: _open.remove(box))
    box.open()
