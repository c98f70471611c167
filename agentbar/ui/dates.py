"""Dates and times as the UI shows them: one format per language, everywhere.

The table, the summary, the tooltips and the player all word a date the same way. The
patterns are translatable (context ``Dates``), so each language has exactly one: Turkish
``16.11.2026 09:30``, English ``16 Nov 2026 09:30`` (day first and a month name: never the
ambiguous ``11/16/26``). Month names come from the UI language's locale (QLocale.setDefault
follows the language setting, ui/i18n.py). Times are 24-hour in both languages.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def date_pattern() -> str:
    """The language's date pattern (QLocale format characters)."""
    return QCoreApplication.translate("Dates", "d MMM yyyy", "the date format, e.g. 16 Nov 2026")


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
