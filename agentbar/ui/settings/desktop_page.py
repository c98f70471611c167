"""The settings dialog's Desktop group: start at login and phone links, applied at once."""

from __future__ import annotations

import asyncio
import logging

import shiboken6
from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from agentbar.desktop import autostart
from agentbar.desktop.handlers import register_handlers
from agentbar.ui.messages import os_error_text
from agentbar.ui.settings.fields import ERROR_COLOUR, OK_COLOUR, Form, box, describe, message

__all__ = ["DesktopSettings"]

log = logging.getLogger(__name__)


class DesktopSettings(QObject):
    """Adds the Desktop rows to ``form``. Both act on the OS at once, not on OK or Cancel.

    - The start-at-login checkbox shows :func:`autostart.is_enabled`, the operating system's
      own answer, and writes through :mod:`~agentbar.desktop.autostart` when toggled (one
      small file or registry value, on the GUI thread); then it shows the OS's answer again.
    - The links button runs :func:`~agentbar.desktop.handlers.register_handlers` with
      ``set_default`` (the click is the user's consent; on Windows it opens the Default-apps
      page, where only the user may choose) in a worker thread, as a task on the running
      asyncio loop, and shows what was done line by line.

    ``basedir`` (the run's ``--basedir``) is passed on, so links and logins reach this profile.
    """

    def __init__(
        self, form: Form, *, basedir: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._basedir = basedir
        self._task: asyncio.Task[None] | None = None
        form.heading(self.tr("Desktop"))
        self.autostart = QCheckBox(self.tr("Start AgentBar when I log &in"))
        tip = self.tr(
            "Start AgentBar in the system tray when you log in to this computer. "
            "Takes effect at once, even if you cancel this window."
        )
        describe(self.autostart, self.tr("Start AgentBar at login"), tip)
        self.autostart_problem = message(self.tr("Start at login problem"), colour=ERROR_COLOUR)
        form.addRow("", box(self.autostart, self.autostart_problem, vertical=True))
        self.links = QPushButton(self.tr("Handle ph&one links (tel:, callto:, sip:)"))
        tip = self.tr(
            "Make AgentBar open the phone links you click in browsers, e-mails and other "
            "programs. On Windows, then choose AgentBar in the Default apps page that opens."
        )
        describe(self.links, self.tr("Handle phone links"), tip)
        self.links_result = message(self.tr("Phone links result"))
        self.links_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.links, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.links_result)
        form.addRow("", column)
        self._show_autostart()
        self.autostart.toggled.connect(self._on_autostart_toggled)
        self.links.clicked.connect(self._on_links_clicked)

    # -- start at login --------------------------------------------------------------------

    def _show_autostart(self, problem: str = "") -> None:
        """Show the OS's current answer (not what was asked for) and ``problem`` if any."""
        with QSignalBlocker(self.autostart):
            self.autostart.setChecked(autostart.is_enabled())
        self.autostart_problem.setText(f"✖ {problem}" if problem else "")
        self.autostart_problem.setVisible(bool(problem))

    def _on_autostart_toggled(self, on: bool) -> None:
        problem = ""
        try:
            if on:
                autostart.enable(basedir=self._basedir)
            else:
                autostart.disable()
        except OSError as exc:
            log.warning("start at login could not be %s: %s", "set" if on else "removed", exc)
            if on:
                problem = self.tr("Could not turn on start at login: %1")
            else:
                problem = self.tr("Could not turn off start at login: %1")
            problem = problem.replace("%1", os_error_text(exc))
        self._show_autostart(problem)

    # -- phone links -----------------------------------------------------------------------

    def _on_links_clicked(self) -> None:
        if self._task is not None:
            return
        self.links.setEnabled(False)
        self.links_result.setStyleSheet("")
        self.links_result.setText(self.tr("Registering…"))
        self.links_result.setVisible(True)
        self._task = asyncio.ensure_future(self._register())

    async def _register(self) -> None:
        """The registration's one exit: its lines, or a plain message when it broke."""
        try:
            code, lines = await asyncio.to_thread(
                register_handlers, set_default=True, basedir=self._basedir
            )
        except Exception as exc:  # a bug, not a desktop problem: log it, say so
            log.exception("registering the link handler failed")
            text = self.tr("Registering failed unexpectedly (%1).")
            code, lines = 1, [text.replace("%1", type(exc).__name__)]
        finally:
            alive = shiboken6.isValid(self)  # the dialog may be gone by now
            if alive and self._task is asyncio.current_task():
                self._task = None
                self.links.setEnabled(True)
        if alive:
            self.links_result.setStyleSheet(f"color: {ERROR_COLOUR if code else OK_COLOUR};")
            first, *rest = lines or [""]
            marked = [f"{'✖' if code else '✔'} {first}", *(f"• {line}" for line in rest)]
            self.links_result.setText("\n".join(marked))
