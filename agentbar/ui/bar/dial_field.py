"""The dial field: any common number shape in, the normalised number shown before dialling."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from agentbar.core.phone import DialTarget, InvalidNumber, SeveralNumbers
from agentbar.ui.messages import number_reason


class DialField(QLineEdit):
    """A line edit that validates as you type and emits ``dial_requested`` on Enter.

    ``parse`` is the session's number parser (pure); ``preview_changed`` carries the text to
    show under the bar ("Will dial 0532 123 45 67" or why the input is refused).
    """

    dial_requested = Signal(str)
    preview_changed = Signal(str, bool)  # text, ok

    def __init__(self, parse: Callable[[str], DialTarget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parse = parse
        self.setObjectName("dialField")
        self.setPlaceholderText(self.tr("Number to call"))
        self.setAccessibleName(self.tr("Number to call"))
        self.setToolTip(
            self.tr("Type or paste a number in any form (+90 532…, 0532…, tel: links); Enter dials")
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(150)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self._on_return_pressed)

    def set_recent(self, numbers: Sequence[str]) -> None:
        self._model.setStringList(list(numbers))

    def target(self) -> DialTarget | None:
        """The normalised number of the current text, or None when it is empty or refused."""
        try:
            return self._parse(self.text())
        except InvalidNumber:
            return None

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.preview_changed.emit("", True)
            return
        try:
            target = self._parse(text)
        except SeveralNumbers as exc:
            self.preview_changed.emit(
                self.tr("The text holds %d numbers: Enter lets you choose one") % len(exc.targets),
                True,
            )
            return
        except InvalidNumber as exc:
            self.preview_changed.emit(self.tr("Cannot dial: %s") % number_reason(exc), False)
            return
        if target.is_extension:
            self.preview_changed.emit(self.tr("Will dial extension %s") % target.display, True)
        else:
            self.preview_changed.emit(self.tr("Will dial %s") % target.display, True)

    def _on_return_pressed(self) -> None:
        if self.text().strip():
            self.dial_requested.emit(self.text())
