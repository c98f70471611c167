"""Small parts of the bar: the drag handle, the transfer menu and the lasting warnings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QWidget, QWidgetAction

from agentbar.ui.plain_text import tooltip
from agentbar.ui.resources import icon


class Grip(QLabel):
    """The drag handle: moves the frameless window (the system move where available)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setPixmap(icon("grip").pixmap(14, 28))
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip(self.tr("Drag to move the bar"))
        self.setAccessibleName(self.tr("Move handle"))
        self._offset: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        window = self.window().windowHandle()
        if window is not None and window.startSystemMove():
            return
        self._offset = event.globalPosition().toPoint() - self.window().pos()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._offset is not None:
            self.window().move(event.globalPosition().toPoint() - self._offset)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._offset = None


class TransferMenu(QMenu):
    """A field for the target extension (Enter transfers) and the recent targets (1–9)."""

    target_chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Transfer targets"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Extension, then Enter"))
        self.field.setAccessibleName(self.tr("Transfer target"))
        self.field.setToolTip(self.tr("The extension to transfer the call to"))
        # Wide enough for its hint in either language (it was cut off).
        hint = self.field.fontMetrics().horizontalAdvance(self.field.placeholderText())
        self.field.setMinimumWidth(hint + 24)
        self.field.returnPressed.connect(self._on_field_entered)
        self._field_action = QWidgetAction(self)
        self._field_action.setDefaultWidget(self.field)
        self.addAction(self._field_action)

    def rebuild(self, recent: Sequence[str]) -> None:
        """Fresh recent targets under the field (the menu is rebuilt each time it opens)."""
        for action in self.actions():
            if action is not self._field_action:
                self.removeAction(action)
                action.deleteLater()
        self.addSeparator()
        for index, target in enumerate(recent[:9]):
            action = self.addAction(f"&{index + 1} " + self.tr("Transfer to %s") % target)
            action.triggered.connect(lambda _=False, t=target: self.target_chosen.emit(t))

    def _on_field_entered(self) -> None:
        text = self.field.text().strip()
        if text:
            self.close()
            self.field.clear()
            self.target_chosen.emit(text)


class LastingNotes(QLabel):
    """Warnings that stay on the bar while their cause lasts (not on a timer like messages).

    Each note has a key (``cleartext``, ``socket``); ``set(key, "")`` removes it. Plain text
    with a warning sign; hidden when there is none.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("barNotes")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #8d4b00; font-size: 11px; padding-left: 22px;")
        self.setAccessibleName(self.tr("Warnings"))
        self._notes: dict[str, str] = {}
        self.hide()

    def set(self, key: str, text: str) -> None:
        if text:
            self._notes[key] = text
        else:
            self._notes.pop(key, None)
        shown = "\n".join(f"⚠ {note}" for note in self._notes.values())
        self.setText(shown)
        self.setToolTip(tooltip(shown))
        self.setVisible(bool(shown))

    def notes(self) -> dict[str, str]:
        return dict(self._notes)
