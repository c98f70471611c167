"""What the bar and the tray both show: the agent's mode, and how times and numbers read."""

from __future__ import annotations

from enum import StrEnum

from agentbar.core.phone import InvalidNumber, normalize


class Mode(StrEnum):
    LOGGED_OUT = "logged_out"
    READY = "ready"
    BREAK = "break"
    CALL = "call"
    OFFLINE = "offline"


def mmss(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss`` past an hour) of a duration."""
    total = int(max(0, seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def display_number(number: str) -> str:
    """A number grouped for reading (``0532 123 45 67``), or as given when it does not parse."""
    try:
        return normalize(number).display
    except (InvalidNumber, ValueError):
        return number
