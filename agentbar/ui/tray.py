"""The tray icon: the agent's state by colour and badge shape, a timer tooltip, the bar's menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from agentbar.core import clock
from agentbar.core.agent_state import AgentState
from agentbar.core.break_reasons import menu_numbers
from agentbar.core.calls import CurrentCall
from agentbar.ui.agent_session import AgentSession, Connection
from agentbar.ui.clipboard import clipboard_several, clipboard_target
from agentbar.ui.plain_text import notification, tooltip
from agentbar.ui.resources import icon
from agentbar.ui.state_view import Mode, display_number, mmss

ICON_SIZE = 64
_BADGE_COLOURS = {
    Mode.LOGGED_OUT: "#546e7a",
    Mode.READY: "#2e7d32",
    Mode.BREAK: "#ef6c00",
    Mode.CALL: "#8e24aa",  # not the icon's own blue: the badge must stand out
    Mode.OFFLINE: "#c62828",
}


def tray_mode(state: AgentState, call: CurrentCall | None, connection: Connection) -> Mode:
    """The state the tray shows (the same precedence as the bar's status pill)."""
    if not connection.online:
        return Mode.OFFLINE
    if call is not None and state.logged_in:
        return Mode.CALL
    if state.on_break:
        return Mode.BREAK
    return Mode.READY if state.logged_in else Mode.LOGGED_OUT


@cache
def state_icon(mode: Mode, size: int = ICON_SIZE) -> QIcon:
    """The app icon with a badge in the lower right: its colour AND shape tell the state.

    Logged out: a grey ring (and a faded icon); ready: a green disc; break: an orange square
    with pause bars; call: a purple diamond; offline: a red disc with a white cross.
    """
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mode is Mode.LOGGED_OUT:
        painter.setOpacity(0.55)
    icon("agentbar").paint(painter, 0, 0, size, size)
    painter.setOpacity(1.0)
    colour = QColor(_BADGE_COLOURS[mode])
    s = size / 64.0
    box = QRectF(34 * s, 34 * s, 28 * s, 28 * s)
    outline = QPen(QColor("white"), 3 * s)
    painter.setPen(outline)
    painter.setBrush(QBrush(colour))
    if mode is Mode.LOGGED_OUT:
        painter.setBrush(QBrush(QColor("white")))
        painter.drawEllipse(box)
        painter.setPen(QPen(colour, 6 * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(5 * s, 5 * s, -5 * s, -5 * s))
    elif mode is Mode.READY:
        painter.drawEllipse(box)
    elif mode is Mode.BREAK:
        painter.drawRoundedRect(box, 4 * s, 4 * s)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRect(QRectF(41 * s, 40 * s, 5 * s, 16 * s))
        painter.drawRect(QRectF(50 * s, 40 * s, 5 * s, 16 * s))
    elif mode is Mode.CALL:
        c = box.center()
        r = box.width() / 2 + 2 * s
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y()),
                    QPointF(c.x(), c.y() + r),
                    QPointF(c.x() - r, c.y()),
                ]
            )
        )
    else:  # offline
        painter.drawEllipse(box)
        painter.setPen(QPen(QColor("white"), 5 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        inner = box.adjusted(8 * s, 8 * s, -8 * s, -8 * s)
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())
    painter.end()
    return QIcon(pixmap)


@dataclass(slots=True)
class TrayActions:
    """What the menu does beyond the session's own actions (from AppWindows and RemoteControl)."""

    toggle_toolbar: Callable[[], None]
    toolbar_visible: Callable[[], bool]
    dial_clipboard: Callable[[], object]
    settings: Callable[[], None]
    quit: Callable[[], None]
    show_recordings: Callable[[], None] | None = None
    copy_diagnostics: Callable[[], None] | None = None
    open_log_folder: Callable[[], None] | None = None
    #: Log out as the bar does: asks first during a break or a call.
    log_out: Callable[[], None] | None = None


class Tray(QObject):
    """Owns the QSystemTrayIcon and its menu; renders the session's signals.

    The menu is rebuilt in ``aboutToShow``, so it always shows the current state, the
    current break reasons and the current clipboard. Works (invisibly) without a tray.
    """

    def __init__(self, session: AgentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actions: TrayActions | None = None
        self.mode: Mode | None = None
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(self.tr("AgentBar menu"))
        self.menu.setToolTipsVisible(True)
        self.break_menu = QMenu(self.tr("&Break"), self.menu)
        self.break_menu.setObjectName("trayBreakMenu")
        self.break_menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        session.state_changed.connect(self.refresh)
        session.call_changed.connect(self.refresh)
        session.connection_changed.connect(self.refresh)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        self.refresh()

    @staticmethod
    def available() -> bool:
        """Whether this desktop has a system tray (some Linux desktops do not)."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def bind(self, actions: TrayActions) -> None:
        self.actions = actions

    def show(self) -> bool:
        """Show the icon; False (and nothing shown) when there is no system tray."""
        if not self.available():
            return False
        self.icon.show()
        return True

    def close(self) -> None:
        self._tick.stop()
        self.icon.hide()
        self.menu.deleteLater()  # the icon holds the menu by QPointer: safe to delete

    # -- icon and tooltip ----------------------------------------------------------------

    def refresh(self, *_args: object) -> None:
        s = self.session
        mode = tray_mode(s.state, s.call, s.connection)
        if mode != self.mode:
            self.mode = mode
            self.icon.setIcon(state_icon(mode))
        if mode in (Mode.BREAK, Mode.CALL) or (mode is Mode.OFFLINE and s.state.on_break):
            self._tick.start()
        else:
            self._tick.stop()
        tip = notification("AgentBar — " + self.status_text())  # a reason name, a number
        if self.icon.toolTip() != tip:
            self.icon.setToolTip(tip)

    def status_text(self, now: float | None = None) -> str:
        """The state with its running timer: "On break: Lunch · 05:12"."""
        s = self.session
        now = clock.time() if now is None else now
        mode = tray_mode(s.state, s.call, s.connection)
        brk = s.state.on_break
        if mode is Mode.OFFLINE:
            wait = max(0, int(s.connection.retry_at - now))
            text = self.tr("Offline, retrying in %d s") % wait
            if brk:
                text += " · " + self.tr("break %s") % mmss(brk.elapsed(now))
            return text
        if mode is Mode.CALL and s.call is not None:
            number = display_number(s.call.number) if s.call.number else self.tr("unknown")
            timer = self.tr("Ringing…") if s.call.ringing else mmss(s.call.elapsed(now))
            return self.tr("On a call: %s · %s") % (number, timer)
        if mode is Mode.BREAK and brk is not None:
            return self.tr("On break: %s · %s") % (brk.reason_name, mmss(brk.elapsed(now)))
        return self.tr("Ready") if mode is Mode.READY else self.tr("Logged out")

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self.actions is not None:
            self.actions.toggle_toolbar()

    # -- menu ----------------------------------------------------------------------------

    def _add(self, text: str, name: str, slot: Callable[[], object] | None, tip: str = "") -> None:
        action = self.menu.addAction(text)
        action.setObjectName(name)
        # Always set: a menu shows the action's text as its tooltip otherwise, as rich text
        # when it looks like HTML (the status line holds a break reason's name).
        action.setToolTip(tooltip(tip or action.iconText()))
        if slot is None:
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _=False: slot())

    def rebuild_menu(self) -> None:
        """Fill the menu from the current state (connected to ``aboutToShow``)."""
        s = self.session
        self.menu.clear()
        self._add(self.status_text(), "trayStatus", None)
        self.menu.addSeparator()
        online, state = s.connection.online, s.state
        if state.logged_in:
            log_out = self.actions.log_out if self.actions and self.actions.log_out else s.logout
            self._add(self.tr("Log &out"), "trayLogin", log_out if online else None)
        else:
            can = online and bool(s.settings.agent)
            self._add(self.tr("Log &in"), "trayLogin", s.login if can else None)
        if state.on_break:
            text = self.tr("&End break (%s)") % mmss(state.on_break.elapsed())
            self._add(text, "trayEndBreak", s.end_break if online else None)
        else:
            self._fill_break_menu(enabled=online and state.logged_in)
            self.menu.addMenu(self.break_menu)
        self.menu.addSeparator()
        target, why = clipboard_target(s.parse_number)
        several = clipboard_several(s.parse_number) if target is None else ()
        actions = self.actions
        # Logged out, a dial is refused (README "Dialling while logged out"): say so here.
        dial = actions.dial_clipboard if actions is not None and state.logged_in else None
        if target is not None and actions is not None:
            tip = self.tr("Dial %s") % target.number if dial else self.tr("Log in to dial.")
            self._add(
                self.tr("&Dial clipboard number: %s") % target.display,
                "trayDialClipboard",
                dial,
                tip,
            )
        elif several and actions is not None:
            tip = self.tr("Choose one of them") if dial else self.tr("Log in to dial.")
            text = self.tr("&Dial a clipboard number (%d found)…") % len(several)
            self._add(text, "trayDialClipboard", dial, tip)
        else:
            self._add(self.tr("Dial clipboard number (%s)") % why, "trayDialClipboard", None, why)
        self.menu.addSeparator()
        if actions is not None:
            visible = actions.toolbar_visible()
            text = self.tr("&Hide toolbar") if visible else self.tr("&Show toolbar")
            self._add(text, "trayToggleToolbar", actions.toggle_toolbar)
            if actions.show_recordings is not None:
                self._add(self.tr("&Recordings…"), "trayRecordings", actions.show_recordings)
            self._add(self.tr("Se&ttings…"), "traySettings", actions.settings)
            if actions.copy_diagnostics is not None:
                self._add(self.tr("Copy &diagnostics"), "trayDiagnostics", actions.copy_diagnostics)
            if actions.open_log_folder is not None:
                self._add(self.tr("Open &log folder"), "trayLogFolder", actions.open_log_folder)
            self.menu.addSeparator()
            self._add(self.tr("&Quit"), "trayQuit", actions.quit)

    def _fill_break_menu(self, *, enabled: bool) -> None:
        menu = self.break_menu
        menu.clear()
        menu.setEnabled(enabled)
        menu.menuAction().setObjectName("trayBreak")
        if not enabled:
            menu.setTitle(self.tr("&Break (log in first)"))
            return
        menu.setTitle(self.tr("&Break"))
        reasons = self.session.state.break_reasons
        for reason, number in zip(reasons, menu_numbers(reasons), strict=True):
            action = menu.addAction((f"&{number} " if number else "") + reason.name)
            action.setObjectName(f"trayBreakReason:{reason.id}")
            action.triggered.connect(lambda _=False, r=reason: self.session.start_break(r))
        if not reasons:
            action = menu.addAction(self.tr("No break reasons yet (server offline?)"))
            action.setEnabled(False)
            self.session.refresh_reasons()
