"""AppWindows: the run's windows and what they ask for: bar, panel, settings, notices, quit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from agentbar.core.calls import CurrentCall
from agentbar.core.credentials import CredentialStore, CredentialsUnavailable
from agentbar.core.key_sources import KeySource
from agentbar.core.paths import Paths
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.i18n import choose_language, install_translations
from agentbar.ui.i18n import prepare as prepare_translation
from agentbar.ui.messages import core_message
from agentbar.ui.notifier import Notifier
from agentbar.ui.questions import ask, run_dialog
from agentbar.ui.startup.panel_host import PanelHost
from agentbar.ui.tasks import TaskOwner

if TYPE_CHECKING:
    from agentbar.core.connection_check import ConnectionReport

log = logging.getLogger(__name__)
#: Keys that are never shown in the dialog nor stored: IT's key command and the machine's store.
_NOT_STORED = (KeySource.COMMAND, KeySource.MACHINE)


class AppWindows(QObject):
    """Owns the bar, the side panel and the dialogs for one run; ``quit_event`` is set when
    the run should end.

    The API client and the key come through the session's client gate (``session.gate``):
    a settings change with another server or key makes a new client there. ``credentials``
    is None in the demo (the key is the simulator's). ``register_secret`` tells the log
    redactor about a key the user typed; ``basedir`` (the run's ``--basedir``) goes into the
    link-handler and start-at-login commands.
    """

    def __init__(
        self,
        session: AgentSession,
        credentials: CredentialStore | None,
        *,
        key_source: KeySource | None = None,
        locked: frozenset[str] = frozenset(),
        register_secret: Callable[[str], None],
        notifier: Notifier,
        recordings_dir: Path | None = None,
        basedir: str | None = None,
        log_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.gate = session.gate
        self.credentials = credentials
        self._key_source = key_source
        self._locked = locked
        self._register_secret = register_secret
        self._basedir = basedir
        self.log_file = log_file
        self.notifier = notifier
        self.quit_event = asyncio.Event()
        self._tasks = TaskOwner()
        self.toolbar = self._make_toolbar()
        # The side panel (Panel button, Ctrl+P); made on first use.
        self.panel = PanelHost(
            session,
            self.toolbar,
            recordings_dir or Paths.default().recordings_cache_dir,
            parent=self,
        )
        session.incoming_call.connect(self._on_incoming_call)
        notifier.fallback.connect(lambda level, text: self.toolbar.show_message(level, text))
        session.notified.connect(self._on_notified)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(1000)
        self._position_timer.timeout.connect(self._save_position)
        self._pending_position: tuple[str, int, int] | None = None

    def __repr__(self) -> str:
        return "AppWindows()"

    def set_key_source(self, source: KeySource | None) -> None:
        """Where the key found after the bar was shown came from (the dialog says so)."""
        self._key_source = source

    def _make_toolbar(self) -> Toolbar:
        bar = Toolbar(self.session)
        bar.settings_requested.connect(
            lambda: self._tasks.start(self.edit_settings(), "the settings")
        )
        bar.key_settings_requested.connect(
            lambda: self._tasks.start(self.edit_settings(focus_key=True), "the settings")
        )
        bar.quit_requested.connect(lambda: self._tasks.start(self.request_quit(), "quitting"))
        bar.position_changed.connect(self._on_position_changed)
        bar.diagnostics_requested.connect(self.copy_diagnostics)
        bar.log_folder_requested.connect(self.open_log_folder)
        return bar

    async def apply_language(self, language: str) -> None:
        """Switch the UI language now: new translators, then the windows are rebuilt.

        The session (login, break, call, polling) goes on untouched; only the bar and the
        side panel are made again, in place, in the new language.
        """
        cache_dir = self.panel.recordings_dir.parent
        compiled = await asyncio.to_thread(prepare_translation, language, cache_dir)
        install_translations(language, compiled=compiled)
        old = self.toolbar
        visible = old.isVisible()
        new = self._make_toolbar()
        new.move(old.pos())
        new.dial_field.setText(old.dial_field.text())  # what the agent typed stays
        new.transfer_field.setText(old.transfer_field.text())
        typing = old.dial_field.hasFocus()
        self.toolbar = new
        self.panel.rebind(new)
        if visible:
            new.show()
            new.raise_()
        if typing:
            new.activateWindow()
            new.dial_field.setFocus()
        old.hide()
        old.deleteLater()

    def show(self) -> None:
        self.toolbar.place(dict(self.session.settings.toolbar_positions))
        self.toolbar.show()
        self.toolbar.raise_()

    def show_recordings(self) -> None:
        """Open the side panel on its Recordings tab (for the tray)."""
        self.panel.show_recordings()

    async def aclose(self) -> None:
        """Stop playback and the panel's downloads (at quit, before the HTTP client closes)."""
        await self.panel.aclose()

    # -- settings ------------------------------------------------------------------------

    async def _check(self, url: str, key: str, wire: str) -> ConnectionReport:
        from agentbar.core.connection_check import check_connection

        return await check_connection(url, key, wire, client=await self.gate.http())

    async def edit_settings(
        self, parent: QWidget | None = None, *, focus_key: bool = False
    ) -> bool:
        """Open the settings dialog (at the API key field with ``focus_key``); apply and
        store what the user accepted."""
        # Imported on first use: start-up need not load the dialog's modules (bench/startup.py).
        from agentbar.ui.settings.dialog import SettingsDialog

        problem = self.credentials.problem if self.credentials else None
        problem = core_message(problem) if problem else None
        # A key from IT's command or the machine's store is never shown, nor saved.
        external = self._key_source in _NOT_STORED
        dialog = SettingsDialog(
            self.session.settings,
            "" if external else self.gate.key,
            key_problem=problem,
            key_source=self._key_source if self.gate.key else None,
            locked=self._locked,
            checker=self._check,
            basedir=self._basedir,
            break_reasons=self.session.state.break_reasons,
            parent=parent or self.toolbar,
        )
        if focus_key:
            dialog.focus_key()
        try:
            if not await run_dialog(dialog):
                return False
            settings, key = dialog.result_settings(), dialog.result_key()
        finally:
            dialog.deleteLater()
        if key:
            self._register_secret(key)
        elif external:
            key = self.gate.key  # left empty: the administrator's key stays in use, unsaved
        old = self.session.settings
        changed_server = (settings.server_url, settings.wire, key) != (
            old.server_url,
            old.wire,
            self.gate.key,
        )
        typed = key != self.gate.key
        if typed:
            self._key_source = KeySource.KEYRING if key else None
        if self.credentials is not None and key and settings.server_url and (typed or not external):
            try:
                await self.credentials.aset(settings.server_url, key)
            except CredentialsUnavailable as exc:
                self.session.notified.emit("warning", core_message(str(exc)))
            if self.credentials.problem:
                self.session.notified.emit("warning", core_message(self.credentials.problem))
        if changed_server:
            await self.gate.connect(settings, key)  # waits for the gate while it is closed
        self.session.apply_settings(settings)
        self.notifier.enabled = settings.notifications
        if settings.language != old.language:
            await self.apply_language(choose_language(settings.language))
        return True

    def _on_position_changed(self, screen: str, x: int, y: int) -> None:
        self._pending_position = (screen, x, y)
        self._position_timer.start()

    def _save_position(self) -> None:
        if self._pending_position is None:
            return
        screen, x, y = self._pending_position
        settings = self.session.settings
        positions = dict(settings.toolbar_positions)
        if positions.get(screen) != (x, y):
            positions[screen] = (x, y)
            self.session.remember(settings.replace(toolbar_positions=positions))

    # -- notifications -------------------------------------------------------------------

    def _on_incoming_call(self, call: CurrentCall) -> None:
        number = call.number or self.tr("unknown number")
        self.notifier.notify(self.tr("Incoming call"), number, window=self.toolbar)
        template = self.session.settings.screen_pop_url
        if template and call.number:
            self.notifier.open_screen_pop(template, call.number)

    def _on_notified(self, level: str, text: str) -> None:
        if level == "error" and not self.toolbar.isActiveWindow():
            self.notifier.notify("AgentBar", text, error=True)

    # -- for the people who support agents -------------------------------------------------

    def copy_diagnostics(self) -> None:
        """Put the version, the settings (no secrets) and the log's last 200 lines on the
        clipboard; the log is read in a worker thread."""
        self._tasks.start(self._copy_diagnostics(), "copying the diagnostics")

    async def _copy_diagnostics(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtGui import QGuiApplication

        from agentbar import __version__
        from agentbar.api.errors import redact
        from agentbar.core import activity

        lines: list[str] = []
        if self.log_file is not None:
            lines = await asyncio.to_thread(activity.tail, self.log_file, 200)
        text = activity.diagnostics(__version__, self.session.settings, lines, pyside_version)
        QGuiApplication.clipboard().setText(redact(text, (self.gate.key,)))
        self.toolbar.show_message(
            "info",
            self.tr(
                "Diagnostics copied: version, settings without secrets and the last %n log "
                "line(s). Paste them into your message to IT.",
                "",
                len(lines),
            ),
        )

    def open_log_folder(self) -> None:
        """Open the folder of the log files in the file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = (self.log_file or Paths.default().log_file).parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.toolbar.show_message(
                "warning", self.tr("Could not open the log folder: %s") % folder
            )

    # -- quitting ------------------------------------------------------------------------

    def request_logout(self) -> None:
        """Log out as the bar's button does (asks first during a break or a call)."""
        self.toolbar.request_logout()

    async def request_quit(self) -> None:
        """Quit; while logged in or on a break, ask whether to end it first."""
        state = self.session.state
        if state.logged_in or state.on_break:
            if self.session.call is not None:
                question = self.tr(
                    "You are on a call; quitting does not end it, but the bar stops "
                    "showing it. Log out before quitting?"
                )
            elif state.on_break:
                question = self.tr("You are on a break. End the break and log out before quitting?")
            else:
                question = self.tr("You are logged in. Log out before quitting?")
            logout, stay = 0, 1
            answer = await ask(
                self.toolbar,
                self.tr("Quit AgentBar"),
                question,
                [
                    (self.tr("&Log out and quit"), QMessageBox.ButtonRole.AcceptRole),
                    (self.tr("&Quit, stay logged in"), QMessageBox.ButtonRole.DestructiveRole),
                ],
            )
            if answer == logout:
                if state.on_break:
                    await self.session.end_break()
                await self.session.logout()
                if self.session.state.logged_in:
                    return  # logout failed: the message says why; stay open
            elif answer != stay:
                return
        self.quit_event.set()
