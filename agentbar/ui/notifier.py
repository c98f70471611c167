"""Desktop notifications (through the system tray when there is one) and the screen pop."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from agentbar.ui.plain_text import notification

log = logging.getLogger(__name__)


_DIALLABLE = re.compile(r"\+?[0-9]+", re.ASCII)


def screen_pop_url(template: str, phone: str) -> str | None:
    """The screen-pop address for ``phone``, or None when none may be opened.

    The caller ID comes from the server: every character but an ASCII digit or ``+`` is
    percent-encoded (dots included), so it cannot change the URL's shape. Where ``{phone}``
    sits before the query (host or path), only a number (``+`` and digits) is accepted at
    all: browsers and QUrl read ``%2E%2E`` as ``..`` in a path, so encoding alone would not
    keep a caller ID of ``..`` from climbing out of the template's path. None, too, without
    a usable template.
    """
    template = template.strip()
    if "{phone}" not in template or not template.lower().startswith(("http://", "https://")):
        return None
    phone = phone.strip()
    query = min((i for i in (template.find("?"), template.find("#")) if i >= 0), default=None)
    in_path = query is None or template.find("{phone}") < query
    if in_path and not _DIALLABLE.fullmatch(phone):
        log.info("no screen pop: the caller ID is not a number and the template uses it in a path")
        return None
    return template.replace("{phone}", "".join(_percent(c) for c in phone))


def _percent(char: str) -> str:
    """``char`` itself when it is an ASCII digit or ``+``, else its UTF-8 bytes as ``%XX``."""
    if char in "+0123456789":
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


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
