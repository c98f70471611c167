"""Mark English texts for translation without Qt; the UI translates them when it shows them.

``QT_TRANSLATE_NOOP`` is the name Qt's lupdate looks for, so ``tools/i18n.py update`` puts
these texts into the .ts files under their context. Templates use ``{name}`` placeholders,
filled after translation, so a translator can move them.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    """Return ``text`` unchanged; marks it for lupdate under ``context``."""
    del context
    return text
