"""Outside text (links, server messages, caller names, numbers, file names) shown as text only.

Qt renders a label in ``AutoText`` format, a tooltip and a message box as rich text as soon as
the text looks like HTML (``Qt.mightBeRichText``): a link or a server message could then show
large type, images or a clickable ``file://`` link. Labels that show outside text are
``Qt.TextFormat.PlainText``; tooltips, which have no format of their own, go through
:func:`tooltip`; desktop notifications through :func:`notification`.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["notification", "plain_labels", "tooltip"]

_MARKUP_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: escaped inside a paragraph of rich text."""
    if not text:
        return ""
    # WhiteSpaceNormal: a long tooltip wraps (Pre would turn every space into a no-break one).
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def notification(text: str) -> str:
    """Text for a desktop notification or the tray icon's tooltip.

    Notification servers that declare ``body-markup`` (and Qt's own balloon, a rich-text label)
    read markup, while others show it as it is; an escaped entity would show as ``&lt;`` on the
    latter. So the three markup characters become look-alikes that every sink shows as text.
    """
    return text.translate(_MARKUP_LOOKALIKES)


def plain_labels(widget: QWidget) -> None:
    """Every label inside ``widget`` (a message box's text and informative text) plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
