"""The always-on-top agent bar: status, login, breaks, dial, transfer, hang up, messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMoveEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agentbar.core import clock
from agentbar.core.agent_state import AgentState, BreakReason
from agentbar.core.break_reasons import menu_numbers
from agentbar.core.calls import CurrentCall
from agentbar.core.phone import DialTarget, InvalidNumber, SeveralNumbers
from agentbar.core.settings import Settings, is_cleartext
from agentbar.ui.agent_session import AgentSession, Connection
from agentbar.ui.bar.dial_field import DialField
from agentbar.ui.bar.status_pill import StatusPill
from agentbar.ui.bar.widgets import Grip, LastingNotes, TransferMenu
from agentbar.ui.plain_text import tooltip
from agentbar.ui.questions import confirm
from agentbar.ui.resources import icon
from agentbar.ui.shortcuts import ShortcutPassThrough
from agentbar.ui.state_view import Mode
from agentbar.ui.tasks import TaskOwner

_MESSAGE_COLOURS = {"info": "#263238", "warning": "#8d4b00", "error": "#b71c1c"}
_MESSAGE_SYMBOLS = {"info": "ℹ", "warning": "⚠", "error": "✖"}


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class Toolbar(QFrame):
    """The bar. Renders the session's signals; every button calls a session method."""

    settings_requested = Signal()
    key_settings_requested = Signal()  # Settings, opened at the API key field
    panel_requested = Signal()
    quit_requested = Signal()
    diagnostics_requested = Signal()
    log_folder_requested = Signal()
    position_changed = Signal(str, int, int)  # screen name, x, y

    def __init__(self, session: AgentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("agentBar")
        self.setWindowTitle("AgentBar")
        self.setWindowIcon(icon("agentbar"))
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAccessibleName(self.tr("AgentBar toolbar"))
        self._tasks = TaskOwner()
        self._asking = False
        self._keymap: list[tuple[str, Callable[[], object]]] = []
        self._build()
        self._connect()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_status)
        self._tick.start()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_message)
        self._on_state_changed(session.state)
        self._on_settings_changed(session.settings)
        self._on_call_changed(session.call)

    # -- building ------------------------------------------------------------------------

    def _button(
        self,
        text: str,
        icon_name: str,
        tip: str,
        shortcut: str,
        slot: Callable[[], object],
        key_slot: Callable[[], object] | None = None,
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(text.replace("&", ""))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tip} ({keys})")
        button.clicked.connect(slot)
        key = key_slot or slot
        self._shortcut(shortcut, lambda: button.isEnabled() and key())
        return button

    def _shortcut(self, keys: str, slot: Callable[[], object], *, here: bool = True) -> None:
        """A bar key: on the bar (unless ``here`` is False: a menu action has it) and on
        every window given to :meth:`bind_shortcuts`. Line edits let them through
        (ui/shortcuts.py)."""
        self._keymap.append((keys, slot))
        if here:
            self._bind(self, keys, slot)

    @staticmethod
    def _bind(window: QWidget, keys: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        if isinstance(window, QMenu):  # a popup: it closes, then the key acts
            shortcut.activated.connect(window.close)
        shortcut.activated.connect(slot)
        return shortcut

    def bind_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """Make the bar's keys act in ``window`` too (the side panel), and let its line
        edits pass them on. Window-scoped rather than application-wide: a bar that is being
        replaced (a language switch) never makes a key ambiguous."""
        self.shortcut_guard.watch(*window.findChildren(QLineEdit))
        return [self._bind(window, keys, slot) for keys, slot in self._keymap]

    @staticmethod
    def _fit(button: QToolButton, texts: Sequence[str]) -> None:
        """Size ``button`` for the widest of its texts, so a state change never moves the
        buttons to its right (the texts are in the current language)."""
        shown = button.text()
        widths = []
        for text in texts:
            button.setText(text)
            widths.append(button.sizeHint().width())
        button.setText(shown)
        button.setMinimumWidth(max(widths))

    def _build(self) -> None:
        self.grip = Grip(self)
        self.status = StatusPill(self)
        self.login_button = self._button(
            self.tr("Log in"),
            "login",
            self.tr("Log in or out of the call center"),
            "Ctrl+L",
            self._on_login_clicked,
        )
        self.break_button = self._button(
            self.tr("Break"),
            "pause",
            self.tr("Start a break or change its reason; on a break the button ends it"),
            "Ctrl+B",
            self._on_break_clicked,
            self._show_break_menu,
        )
        self.break_menu = QMenu(self)
        self.break_menu.setAccessibleName(self.tr("Break reasons"))
        self.dial_field = DialField(self.session.parse_number, self)
        self.number_menu = QMenu(self)
        self.number_menu.setObjectName("numberChooser")
        self.number_menu.setAccessibleName(self.tr("Choose the number to dial"))
        self.number_menu.setToolTipsVisible(True)
        self.call_button = self._button(
            self.tr("Call"),
            "phone",
            self.tr("Call the number in the field"),
            "Ctrl+Return",
            self._on_call_clicked,
        )
        self.transfer_button = self._button(
            self.tr("Transfer"),
            "transfer",
            self.tr("Blind-transfer the call to an extension"),
            "Ctrl+T",
            self._on_transfer_clicked,
        )
        self.transfer_menu = TransferMenu(self)
        self.transfer_field = self.transfer_menu.field
        self.transfer_menu.target_chosen.connect(self._transfer)
        self.hangup_button = self._button(
            self.tr("Hang up"),
            "hangup",
            self.tr("End the current call"),
            "Ctrl+H",
            self._on_hangup_clicked,
        )
        self.panel_button = self._button(
            self.tr("Panel"),
            "panel",
            self.tr("Recordings, history and queues"),
            "Ctrl+P",
            self.panel_requested.emit,
        )
        self.menu_button = QToolButton(self)
        self.menu_button.setIcon(icon("menu"))
        self.menu_button.setAccessibleName(self.tr("Menu"))
        self.menu_button.setToolTip(self.tr("Settings, about and quit (Alt+M)"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for text, shortcut, slot in (
            (self.tr("&Settings…"), "Ctrl+,", self.settings_requested.emit),
            (self.tr("Copy &diagnostics"), "", self.diagnostics_requested.emit),
            (self.tr("Open &log folder"), "", self.log_folder_requested.emit),
            (self.tr("&Quit"), "Ctrl+Q", self.quit_requested.emit),
        ):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self._shortcut(shortcut, slot, here=False)
            menu.addAction(action)
            self.addAction(action)
        self.menu_button.setMenu(menu)
        self._shortcut("Alt+M", self.menu_button.showMenu)
        self._shortcut("Ctrl+D", self._focus_dial)
        self._shortcut("Ctrl+E", self._end_break_shortcut)

        self.message = QLabel(self)
        self.message.setObjectName("barMessage")
        self.message.setAccessibleName(self.tr("Last message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(False)
        self.key_button = QToolButton(self)
        self.key_button.setObjectName("keyButton")
        self.key_button.setText(self.tr("Enter the API &key…"))
        self.key_button.setAccessibleName(self.tr("Enter the API key"))
        self.key_button.setToolTip(self.tr("Open Settings at the API key field"))
        self.key_button.clicked.connect(self.key_settings_requested.emit)
        self.key_button.hide()
        self.shortcut_guard = ShortcutPassThrough(self)
        self.shortcut_guard.watch(self.dial_field)
        for popup in (self.transfer_menu, self.break_menu):  # popups are windows of their own
            self.bind_shortcuts(popup)
        self._fit(self.login_button, (self.tr("Log in"), self.tr("Log out")))
        self._fit(self.break_button, (self.tr("Break"), self.tr("End break")))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (
            self.grip,
            self.status,
            self.login_button,
            self.break_button,
            self.dial_field,
            self.call_button,
            self.transfer_button,
            self.hangup_button,
            self.panel_button,
            self.menu_button,
        ):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 3)
        layout.setSpacing(2)
        layout.addLayout(row)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.key_button)
        layout.addLayout(message_row)
        self.notes = LastingNotes(self)
        layout.addWidget(self.notes)
        self._offline_frame: bool | None = None
        self._set_frame(offline=False)

    def _connect(self) -> None:
        s = self.session
        s.state_changed.connect(self._on_state_changed)
        s.call_changed.connect(self._on_call_changed)
        s.connection_changed.connect(self._on_connection_changed)
        s.notified.connect(self._on_notified)
        s.busy_changed.connect(self._on_busy_changed)
        s.settings_changed.connect(self._on_settings_changed)
        s.dial_sent.connect(lambda _target: self.dial_field.clear())
        self.dial_field.dial_requested.connect(self._dial)
        self.dial_field.preview_changed.connect(self._on_preview_changed)

    # -- rendering -----------------------------------------------------------------------

    def _refresh_status(self) -> None:
        s = self.session
        view = self.status.compute(
            s.state, s.call, s.connection, dict(s.settings.break_budgets_min), clock.time()
        )
        self.status.show_view(view)
        self._set_frame(offline=view.mode is Mode.OFFLINE)
        self._update_enabled()

    def _set_frame(self, *, offline: bool) -> None:
        """The bar's frame: dashed red when offline. A style sheet is set only on a change:
        each one restyles every widget of the bar, and the bar's running timers refresh it
        every second (bench/idle.py and bench/responsiveness.py measure the cost)."""
        if offline == self._offline_frame:
            return
        self._offline_frame = offline
        border = "2px dashed #b71c1c" if offline else "1px solid #90a4ae"
        self.setStyleSheet(
            f"#agentBar {{ background: {'#fff8f8' if offline else '#fafafa'}; border: {border};"
            " border-radius: 6px; }"
            "#barMessage { font-size: 11px; padding-left: 22px; }"
        )

    def _update_enabled(self) -> None:
        s = self.session
        online = s.connection.online
        logged_in = s.state.logged_in
        on_call = s.call is not None
        self.login_button.setEnabled(online and bool(s.settings.agent) and not self._asking)
        self.break_button.setEnabled(online and logged_in)
        # Logged out, Call stays clickable and says "Log in to dial" (README).
        self.call_button.setEnabled(online and bool(s.settings.extension))
        self.dial_field.setEnabled(True)  # typing never needs the server
        self.transfer_button.setEnabled(online and on_call)
        self.hangup_button.setEnabled(online and on_call)

    def _on_state_changed(self, state: AgentState) -> None:
        if state.logged_in:
            self.login_button.setText(self.tr("Log out"))
            self.login_button.setIcon(icon("logout"))
        else:
            self.login_button.setText(self.tr("Log in"))
            self.login_button.setIcon(icon("login"))
        self.login_button.setAccessibleName(self.login_button.text())
        if state.on_break:
            self.break_button.setText(self.tr("End break"))
            self.break_button.setIcon(icon("play"))
        else:
            self.break_button.setText(self.tr("Break"))
            self.break_button.setIcon(icon("pause"))
        self.break_button.setAccessibleName(self.break_button.text())
        self._rebuild_break_menu(state.break_reasons)
        self._refresh_status()

    def _rebuild_break_menu(self, reasons: tuple[BreakReason, ...]) -> None:
        """The reasons, numbered as everywhere (core/break_reasons.py). On a break the
        current reason is checked and another one changes the reason."""
        self.break_menu.clear()
        current = self.session.state.on_break
        for reason, number in zip(reasons, menu_numbers(reasons), strict=True):
            action = self.break_menu.addAction((f"&{number} " if number else "") + reason.name)
            action.setObjectName(f"breakReason:{reason.id}")
            if current is not None and current.reason_id == reason.id:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
            action.triggered.connect(lambda _=False, r=reason: self._on_reason_chosen(r))
        if not reasons:
            action = self.break_menu.addAction(self.tr("No break reasons yet (server offline?)"))
            action.setEnabled(False)
        if current is not None:
            self.break_menu.addSeparator()
            end = self.break_menu.addAction(self.tr("&End break") + "\t" + _native("Ctrl+E"))
            end.setObjectName("endBreak")
            end.triggered.connect(self._end_break_shortcut)

    def _on_reason_chosen(self, reason: BreakReason) -> None:
        if self.session.state.on_break:
            self.session.change_break(reason)
        else:
            self.session.start_break(reason)

    def _on_call_changed(self, _call: CurrentCall | None) -> None:
        self._refresh_status()

    def _on_connection_changed(self, connection: Connection) -> None:
        refused = not connection.online and connection.auth_failed
        self.key_button.setVisible(refused)
        if refused:
            self._show_message("error", self.tr("The server refused the API key."), 0)
        elif not connection.online:
            self._show_message("error", self.tr("Server unreachable: %s") % connection.reason, 0)
        self._refresh_status()

    def show_message(self, level: str, text: str) -> None:
        """Show ``text`` on the bar's message line (level: info, warning, error)."""
        self._on_notified(level, text)

    def _on_notified(self, level: str, text: str) -> None:
        self._show_message(level, text, 8000 if level == "info" else 15000)

    def _on_busy_changed(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_settings_changed(self, settings: Settings) -> None:
        self.dial_field.set_recent(settings.recent_numbers)
        cleartext = is_cleartext(settings.server_url)
        self.notes.set(
            "cleartext",
            self.tr("Unencrypted connection (http://): the API key travels in clear text.")
            if cleartext
            else "",
        )
        self._update_enabled()

    def _on_preview_changed(self, text: str, ok: bool) -> None:
        if text:
            self._show_message("info" if ok else "warning", text, 0)
        else:
            self._clear_message()

    def _show_message(self, level: str, text: str, timeout_ms: int) -> None:
        self.message.setText(f"{_MESSAGE_SYMBOLS.get(level, '')} {text}")
        self.message.setStyleSheet(f"color: {_MESSAGE_COLOURS.get(level, '#263238')};")
        self.message.setToolTip(tooltip(text))  # outside text: never rich text
        self._message_timer.stop()
        if timeout_ms:
            self._message_timer.start(timeout_ms)

    def _clear_message(self) -> None:
        self.message.setText("")
        self.message.setToolTip("")

    # -- actions -------------------------------------------------------------------------

    def _on_login_clicked(self) -> None:
        if self.session.state.logged_in:
            self.request_logout()
        else:
            self.session.login()

    def request_logout(self) -> None:
        """Log out; during a break or a call ask first (No is the default). Yes ends the
        break (breakEnd) before logoutAgent. The tray and remote commands come here too."""
        self._tasks.start(self._logout(), "logging out")

    async def _logout(self) -> None:
        s = self.session
        if not s.state.logged_in or self._asking:
            return
        if s.state.on_break or s.call is not None:
            if s.call is not None:
                text = self.tr("You are on a call. Log out anyway?")
            else:
                text = self.tr("You are on a break. End the break and log out?")
            self._asking = True
            self._update_enabled()
            try:
                sure = await confirm(
                    self, self.tr("Log out"), text, self.tr("&Log out"), self.tr("&Stay")
                )
            finally:
                self._asking = False
                self._update_enabled()
            if not sure:
                return
        if s.state.on_break:
            await s.end_break()
            if s.state.on_break:
                return  # breakEnd failed: the message says why; still on the break
        await s.logout()

    def _on_break_clicked(self) -> None:
        """The button: on a break it ends the break; otherwise the reasons."""
        if self.session.state.on_break:
            self.session.end_break()
            return
        self._show_break_menu()

    def _show_break_menu(self) -> None:
        if not self.session.state.break_reasons:
            self.session.refresh_reasons()
        self._rebuild_break_menu(self.session.state.break_reasons)
        pos = self.break_button.mapToGlobal(QPoint(0, self.break_button.height()))
        self.break_menu.popup(pos)

    def _end_break_shortcut(self) -> None:
        if self.session.state.on_break and self.break_button.isEnabled():
            self.session.end_break()

    def _focus_dial(self) -> None:
        self.activateWindow()
        self.dial_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dial_field.selectAll()

    def _dial(self, text: str) -> None:
        if not self.call_button.isEnabled():
            return
        try:
            self.session.parse_number(text)
        except SeveralNumbers as exc:
            self.choose_number(exc.targets)
            return
        except (InvalidNumber, ValueError):
            pass  # the session says why
        self.session.dial(text)

    def choose_number(self, targets: Sequence[DialTarget]) -> None:
        """The text held several numbers: a small menu under the dial field asks which one
        (1-9 choose, Escape dials none). Links and the clipboard use it too."""
        menu = self.number_menu
        menu.clear()
        for index, target in enumerate(targets[:9]):
            action = menu.addAction(f"&{index + 1} " + self.tr("Call %s") % target.display)
            action.setToolTip(target.source)
            action.triggered.connect(lambda _=False, t=target: self.session.dial(t.number))
        self._show_message("info", self.tr("The text holds several numbers: which one?"), 8000)
        menu.popup(self.dial_field.mapToGlobal(QPoint(0, self.dial_field.height())))

    def _on_call_clicked(self) -> None:
        self._dial(self.dial_field.text())

    def _on_transfer_clicked(self) -> None:
        self.transfer_menu.rebuild(self.session.settings.recent_transfer_targets)
        pos = self.transfer_button.mapToGlobal(QPoint(0, self.transfer_button.height()))
        self.transfer_menu.popup(pos)
        self.transfer_field.setFocus(Qt.FocusReason.PopupFocusReason)

    def _transfer(self, target: str) -> None:
        if self.transfer_button.isEnabled():
            self.session.transfer(target)

    def _on_hangup_clicked(self) -> None:
        self.session.hangup()

    # -- window --------------------------------------------------------------------------

    def place(self, positions: dict[str, tuple[int, int]]) -> None:
        """Put the bar where it was on this screen, or top-centre if that place is gone."""
        self.adjustSize()
        screen = QApplication.primaryScreen()
        for candidate in QApplication.screens():
            saved = positions.get(candidate.name())
            if saved is None:
                continue
            x, y = saved
            if candidate.availableGeometry().contains(QPoint(x + 20, y + 10)):
                self.move(x, y)
                return
        if screen is not None:
            area = screen.availableGeometry()
            x = area.center().x() - self.width() // 2
            x = max(area.left(), min(x, area.right() - self.width()))
            self.move(x, area.top() + 8)

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        screen = self.screen()
        if screen is not None and self.isVisible():
            self.position_changed.emit(screen.name(), self.x(), self.y())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the bar is quitting; the app asks about an open break or login first.
        event.ignore()
        self.quit_requested.emit()
