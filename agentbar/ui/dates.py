"""Dates and times as the UI shows them: one format per language, everywhere.

The table, the summary, the tooltips and the player all word a date the same way, one
pattern per UI language: Turkish ``16.11.2026 09:30``, English ``16 Nov 2026 09:30`` (day
first and a month name: never the ambiguous ``11/16/26``). The language is the default
QLocale's, which follows the language setting (ui/i18n.py); so do the month names. Times are
24-hour in both languages; tooltips add the seconds.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_DATE_PATTERNS = {QLocale.Language.Turkish: "dd.MM.yyyy"}
_DEFAULT_DATE_PATTERN = "d MMM yyyy"  # English


def date_pattern() -> str:
    """The UI language's date pattern (QLocale format characters)."""
    return _DATE_PATTERNS.get(QLocale().language(), _DEFAULT_DATE_PATTERN)


def time_pattern(*, seconds: bool = False) -> str:
    return "HH:mm:ss" if seconds else "HH:mm"


def date_text(day: date) -> str:
    """``day`` in the language's one date format."""
    return QLocale().toString(QDate(day.year, day.month, day.day), date_pattern())


def time_text(moment: datetime, *, seconds: bool = False) -> str:
    when = QTime(moment.hour, moment.minute, moment.second)
    return QLocale().toString(when, time_pattern(seconds=seconds))


def date_time_text(moment: datetime, *, seconds: bool = False) -> str:
    """The date and the time, as the table shows them (tooltips add the seconds)."""
    pattern = f"{date_pattern()} {time_pattern(seconds=seconds)}"
    return QLocale().toString(QDateTime(moment.replace(tzinfo=None)), pattern)
