"""The number in the clipboard, for the tray's "Dial the clipboard" and the remote dial."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

from agentbar.core.phone import DialTarget, InvalidNumber, SeveralNumbers
from agentbar.ui.messages import number_reason


def clipboard_several(parse: Callable[[str], DialTarget]) -> tuple[DialTarget, ...]:
    """The numbers in the clipboard when it holds several (ask which one), else ()."""
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text().strip() if clipboard is not None else ""
    try:
        parse(text[:1000])
    except SeveralNumbers as exc:
        return exc.targets
    except ValueError:
        pass
    return ()


def clipboard_target(parse: Callable[[str], DialTarget]) -> tuple[DialTarget | None, str]:
    """The dialable number in the clipboard, or None and why not (a translated phrase)."""
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text().strip() if clipboard is not None else ""
    if not text:
        return None, QGuiApplication.translate("Tray", "the clipboard is empty")
    try:
        return parse(text[:1000]), ""
    except InvalidNumber as exc:
        return None, QGuiApplication.translate("Tray", "no number in the clipboard: %s") % (
            number_reason(exc)
        )
    except ValueError:  # a region misconfigured in settings
        return None, QGuiApplication.translate("Tray", "the phone region setting is invalid")
