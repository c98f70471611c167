"""Window-modal dialogs awaited without a nested event loop, and the one way to ask a question
(the bar, the tray, links and quitting all ask through it)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from agentbar.ui.plain_text import plain_labels


async def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` window-modally without a nested event loop; True when accepted."""
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code == QDialog.DialogCode.Accepted)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


async def run_dialog_box(box: QMessageBox) -> None:
    """Show a message box window-modally and wait for any button."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_code: int) -> None:
        if not future.done():
            future.set_result(None)

    box.finished.connect(finished)
    box.open()
    await future


async def ask(
    parent: QWidget,
    title: str,
    text: str,
    answers: Sequence[tuple[str, QMessageBox.ButtonRole]],
    *,
    details: str = "",
    name: str = "",
    default: int | None = 0,
    warning: bool = False,
    cancel: str = "",
) -> int | None:
    """Ask a question window-modally, with ``answers`` (text, role) and Cancel after them.

    ``default`` is the index of the default button (Enter), None for Cancel: the safe answer
    when the question is a warning. Returns the index of the answer chosen, None for Cancel
    (or Esc, or the window closed). ``details`` is the informative text, ``name`` the box's
    object name (for tests and accessibility tools). ``cancel`` names the Cancel button
    (e.g. "&Stay"); Esc answers it. Both texts show as plain text.
    """
    box = QMessageBox(parent)
    if name:
        box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)  # both texts: a link's text is outside text
    plain_labels(box)  # the box's own labels too: never rich text (ui/plain_text.py)
    buttons = [box.addButton(label, role) for label, role in answers]
    if cancel:
        no = box.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
    else:
        no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(no)
    if default is not None and 0 <= default < len(buttons):
        box.setDefaultButton(buttons[default])
    else:
        box.setDefaultButton(no)
    try:
        await run_dialog_box(box)
        clicked = box.clickedButton()
    finally:
        box.deleteLater()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)


async def confirm(
    parent: QWidget, title: str, text: str, yes: str, no: str, *, name: str = "questionBox"
) -> bool:
    """Ask ``text``; True only when ``yes`` is chosen. ``no`` is the default (Enter and Esc
    both answer it): the safe answer."""
    answer = await ask(
        parent,
        title,
        text,
        [(yes, QMessageBox.ButtonRole.AcceptRole)],
        name=name,
        default=None,
        cancel=no,
    )
    return answer == 0
