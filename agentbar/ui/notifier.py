"""Desktop notifications (through the system tray when there is one) and the screen pop."""

from __future__ import annotations

import logging
from urllib.parse import quote

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from agentbar.ui.plain_text import notification

log = logging.getLogger(__name__)


def screen_pop_url(template: str, phone: str) -> str | None:
    """The screen-pop address for ``phone``, or None when no usable template is set.

    The number is percent-encoded, so nothing from the server can change the URL's shape.
    """
    template = template.strip()
    if "{phone}" not in template or not template.lower().startswith(("http://", "https://")):
        return None
    return template.replace("{phone}", quote(phone, safe="+"))


class Notifier(QObject):
    """Shows notifications; falls back to ``fallback`` (the bar's message line) without a tray.

    The tray icon itself is owned by whoever creates it (the tray issue builds a full menu on
    it); this object only needs one to show balloon messages.
    """

    fallback = Signal(str, str)  # level, text

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self.enabled = True

    def notify(
        self, title: str, text: str, *, error: bool = False, window: QWidget | None = None
    ) -> None:
        if not self.enabled:
            return
        if self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            kind = (
                QSystemTrayIcon.MessageIcon.Critical
                if error
                else QSystemTrayIcon.MessageIcon.Information
            )
            # A caller's name or a server's words: never markup in a notification.
            self.tray.showMessage(notification(title), notification(text), kind, 8000)
        else:
            self.fallback.emit("error" if error else "info", f"{title}: {text}")
        if window is not None:
            QApplication.alert(window, 3000)

    def open_screen_pop(self, template: str, phone: str) -> bool:
        url = screen_pop_url(template, phone)
        if url is None:
            return False
        log.info("opening the screen pop for an incoming call")
        return QDesktopServices.openUrl(QUrl(url))


def make_tray(icon: QIcon, parent: QObject | None = None) -> QSystemTrayIcon | None:
    """A visible tray icon, or None when the desktop has no system tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon, parent)
    tray.setToolTip("AgentBar")
    tray.show()
    return tray
