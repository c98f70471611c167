"""The running program's window-level wiring: bar, session, settings dialog, notifications, quit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from agentbar.core.calls import CurrentCall
from agentbar.core.credentials import CredentialStore, CredentialsUnavailable
from agentbar.core.paths import Paths
from agentbar.core.settings import Settings
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.i18n import choose_language, install_translations
from agentbar.ui.i18n import prepare as prepare_translation
from agentbar.ui.messages import core_message
from agentbar.ui.notifier import Notifier
from agentbar.ui.startup.panel_host import PanelHost

if TYPE_CHECKING:
    import httpx

    from agentbar.api.client import CallCenterClient
    from agentbar.core.connection_check import ConnectionReport

log = logging.getLogger(__name__)


async def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` window-modally without a nested event loop; True when accepted."""
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code == QDialog.DialogCode.Accepted)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


class Shell(QObject):
    """Owns the bar and the dialogs for one run; ``quit_event`` is set when the run should end.

    ``make_client(settings, key)`` builds a CallCenterClient over the run's one AsyncClient,
    ``http``; a run that shows the bar before that client exists passes None and hands it over
    with :meth:`set_http` (settings wait for it meanwhile). ``register_secret`` tells the log
    redactor about a key the user typed; ``basedir`` (the run's ``--basedir``) goes into the
    link-handler and start-at-login commands.
    """

    def __init__(
        self,
        session: AgentSession,
        http: httpx.AsyncClient | None,
        credentials: CredentialStore | None,
        api_key: str,
        *,
        make_client: Callable[[Settings, str], CallCenterClient],
        register_secret: Callable[[str], None],
        notifier: Notifier,
        recordings_dir: Path | None = None,
        basedir: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.http = http
        self._http_set = asyncio.Event()
        if http is not None:
            self._http_set.set()
        self.credentials = credentials
        self._key = api_key
        self._make_client = make_client
        self._register_secret = register_secret
        self._basedir = basedir
        self.notifier = notifier
        self.quit_event = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
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
        return "Shell()"

    def set_api_key(self, key: str) -> None:
        """The key read after the bar was shown (the keyring is read once the bar is up)."""
        self._key = key

    def set_http(self, http: httpx.AsyncClient) -> None:
        """The run's HTTP client, made after the bar was shown."""
        self.http = http
        self._http_set.set()

    async def _ready_http(self) -> httpx.AsyncClient:
        if not self._http_set.is_set():
            await self._http_set.wait()
        assert self.http is not None  # set together with the event
        return self.http

    def _make_toolbar(self) -> Toolbar:
        bar = Toolbar(self.session)
        bar.settings_requested.connect(lambda: self._spawn(self.edit_settings()))
        bar.key_settings_requested.connect(lambda: self._spawn(self.edit_settings(focus_key=True)))
        bar.quit_requested.connect(lambda: self._spawn(self.request_quit()))
        bar.position_changed.connect(self._on_position_changed)
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
        self.toolbar = new
        self.panel.rebind(new)
        if visible:
            new.show()
            new.raise_()
        old.hide()
        old.deleteLater()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

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

        return await check_connection(url, key, wire, client=await self._ready_http())

    async def edit_settings(
        self, parent: QWidget | None = None, *, focus_key: bool = False
    ) -> bool:
        """Open the settings dialog (at the API key field with ``focus_key``); apply and
        store what the user accepted."""
        # Imported on first use: the dialog's modules cost start-up ~20 ms (bench/startup.py).
        from agentbar.ui.settings.dialog import SettingsDialog

        problem = self.credentials.problem if self.credentials else None
        problem = core_message(problem) if problem else None
        dialog = SettingsDialog(
            self.session.settings,
            self._key,
            key_problem=problem,
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
        old = self.session.settings
        changed_server = (settings.server_url, settings.wire, key) != (
            old.server_url,
            old.wire,
            self._key,
        )
        self._key = key
        if self.credentials is not None and key and settings.server_url:
            try:
                await self.credentials.aset(settings.server_url, key)
            except CredentialsUnavailable as exc:
                self.session.notified.emit("warning", core_message(str(exc)))
            if self.credentials.problem:
                self.session.notified.emit("warning", core_message(self.credentials.problem))
        if changed_server:
            await self._ready_http()  # make_client builds on it
        client = self._make_client(settings, key) if changed_server else None
        self.session.apply_settings(settings, client)
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

    # -- quitting ------------------------------------------------------------------------

    def request_logout(self) -> None:
        """Log out as the bar's button does (asks first during a break or a call)."""
        self.toolbar.request_logout()

    async def request_quit(self) -> None:
        """Quit; while logged in or on a break, ask whether to end it first."""
        state = self.session.state
        if state.logged_in or state.on_break:
            box = QMessageBox(self.toolbar)
            box.setObjectName("quitBox")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Quit AgentBar"))
            if self.session.call is not None:
                box.setText(
                    self.tr(
                        "You are on a call; quitting does not end it, but the bar stops "
                        "showing it. Log out before quitting?"
                    )
                )
            elif state.on_break:
                box.setText(
                    self.tr("You are on a break. End the break and log out before quitting?")
                )
            else:
                box.setText(self.tr("You are logged in. Log out before quitting?"))
            logout = box.addButton(self.tr("&Log out and quit"), QMessageBox.ButtonRole.AcceptRole)
            stay = box.addButton(
                self.tr("&Quit, stay logged in"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(logout)
            await run_dialog_box(box)
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is logout:
                if state.on_break:
                    await self.session.end_break()
                await self.session.logout()
                if self.session.state.logged_in:
                    return  # logout failed: the message says why; stay open
            elif clicked is not stay:
                return
        self.quit_event.set()


async def run_dialog_box(box: QMessageBox) -> None:
    """Show a message box window-modally and wait for any button."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_code: int) -> None:
        if not future.done():
            future.set_result(None)

    box.finished.connect(finished)
    box.open()
    await future
