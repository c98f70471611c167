"""The push button every panel tab makes the same way: its text, a tooltip, an accessible name."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def tab_button(parent: QWidget, text: str, tip: str, accessible: str) -> QPushButton:
    """A button labelled ``text`` (with its ``&`` mnemonic), ``tip`` on hover and
    ``accessible`` for screen readers."""
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.setAccessibleName(accessible)
    return button
