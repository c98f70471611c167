"""Show texts that core and api mark for translation (QT_TRANSLATE_NOOP) in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from agentbar.core.phone import InvalidNumber


def translated(context: str, template: str, params: Mapping[str, str] | None = None) -> str:
    """``template`` translated under ``context`` and filled with ``params``.

    A translation whose placeholders do not match falls back to the English template, so a
    translator's slip can never crash the program or hide the message.
    """
    values = dict(params or {})
    text = QCoreApplication.translate(context, template)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def number_reason(exc: InvalidNumber) -> str:
    """Why a number cannot be dialled, in the user's language."""
    return translated("phone", exc.template, exc.params)
