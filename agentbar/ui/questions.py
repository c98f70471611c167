"""Window-modal questions that do not block the event loop (no nested exec())."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QMessageBox, QWidget


async def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """Ask ``text``; True only when ``yes`` is chosen. ``no`` is the default (Enter and
    Escape both answer it): the safe answer."""
    box = QMessageBox(parent)
    box.setObjectName("questionBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_code: int) -> None:
        if not future.done():
            future.set_result(None)

    box.finished.connect(finished)
    box.open()
    try:
        await future
        return box.clickedButton() is yes_button
    finally:
        box.deleteLater()
