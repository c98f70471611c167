"""The bar's state display: text, a shape and a colour for each state of the agent."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from agentbar.core import clock
from agentbar.core.agent_state import AgentState
from agentbar.core.calls import CurrentCall
from agentbar.ui.agent_session import Connection
from agentbar.ui.plain_text import tooltip
from agentbar.ui.state_view import Mode, display_number, mmss

# Each state has its own symbol (shape) as well as a colour, so it reads without colour vision.
_STYLE = {
    Mode.LOGGED_OUT: ("○", "#eceff1", "#37474f", "solid"),
    Mode.READY: ("●", "#e8f5e9", "#1b5e20", "solid"),
    Mode.BREAK: ("❚❚", "#fff3e0", "#8d4b00", "solid"),
    Mode.CALL: ("☎", "#e3f2fd", "#0d47a1", "solid"),
    Mode.OFFLINE: ("✖", "#ffebee", "#b71c1c", "dashed"),
}
_BUDGET_NEAR = ("#ffe0b2", "#e65100")
_BUDGET_OVER = ("#ffcdd2", "#b71c1c")


@dataclass(frozen=True, slots=True)
class View:
    """What the pill shows, computed from the session's state (pure, testable)."""

    mode: Mode
    text: str
    timer: str = ""  # always shown in full; ``text`` is elided first when space runs out
    budget: str = ""  # "", "near", "over"
    limit: str = ""  # the budget ("10 min"), shown after the timer when the name still fits


class StatusPill(QLabel):
    """Renders a :class:`View`; the toolbar recomputes it every second while a timer runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPill")
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        # A fixed width keeps the bar from jumping as the state changes; the reason or number
        # is elided before the timer is.
        self.setFixedWidth(250)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Agent status"))
        self.view = View(Mode.LOGGED_OUT, "")

    def compute(
        self,
        state: AgentState,
        call: CurrentCall | None,
        connection: Connection,
        budgets_min: dict[str, int],
        now: float | None = None,
    ) -> View:
        now = clock.time() if now is None else now
        if not connection.online:
            wait = max(0, int(connection.retry_at - now))
            # The retry countdown (↻) and a running break's timer stay visible in full.
            timer = self.tr("↻ %d s", "retrying in") % wait
            if state.on_break:
                timer = self.tr("Break %s") % mmss(state.on_break.elapsed(now)) + " · " + timer
            text = self.tr("API key refused") if connection.auth_failed else self.tr("Offline")
            return View(Mode.OFFLINE, text, timer)
        if call is not None and state.logged_in:
            arrow = {"in": "↙ ", "out": "↗ "}.get(call.direction, "")
            number = call.number or self.tr("unknown number")
            # Ringing is not talking: the talk timer starts at the answer (core/calls.py).
            timer = self.tr("Ringing…") if call.ringing else mmss(call.elapsed(now))
            return View(Mode.CALL, f"{arrow}{display_number(number)}", timer)
        if state.on_break:
            brk = state.on_break
            elapsed = brk.elapsed(now)
            budget = ""
            limit = budgets_min.get(brk.reason_id)
            if limit:
                if elapsed > limit * 60:
                    budget = "over"
                elif elapsed > limit * 60 * 0.8:
                    budget = "near"
            shown_limit = self.tr("%d min", "break budget") % limit if budget else ""
            return View(Mode.BREAK, brk.reason_name, mmss(elapsed), budget, shown_limit)
        if state.logged_in:
            return View(Mode.READY, self.tr("Ready"))
        return View(Mode.LOGGED_OUT, self.tr("Logged out"))

    def show_view(self, view: View) -> None:
        if view == self.view and self.text():
            return
        self.view = view
        symbol, bg, fg, border = _STYLE[view.mode]
        if view.budget == "near":
            bg, fg = _BUDGET_NEAR
        elif view.budget == "over":
            bg, fg = _BUDGET_OVER
            symbol = "⚠"
        suffix = f" · {view.timer}" if view.timer else ""
        full = f"{suffix} / {view.limit}" if view.limit else suffix
        metrics = self.fontMetrics()

        def room(tail: str) -> int:
            return self.width() - 28 - metrics.horizontalAdvance(f"{symbol}  {tail}")

        # The reason's name comes first: the budget gives way (it is in the tooltip), then
        # a long name keeps its start and end ("Eğitim … molası"), which tell reasons apart.
        shown = full if metrics.horizontalAdvance(view.text) <= room(full) else suffix
        text = metrics.elidedText(view.text, Qt.TextElideMode.ElideMiddle, max(room(shown), 60))
        self.setText(f"{symbol}  {text}{shown}")
        style = (
            f"#statusPill {{ background: {bg}; color: {fg}; border: 2px {border} {fg};"
            " border-radius: 11px; padding: 2px 10px; font-weight: bold; }"
        )
        if style != self.styleSheet():  # not each second for the timer: a restyle costs
            self.setStyleSheet(style)
        label = self.mode_label(view.mode)
        tip = f"{label}: {view.text}{full}"
        if view.budget == "near":
            tip += "\n" + self.tr("Nearly at the break budget (%s).") % view.limit
        elif view.budget == "over":
            tip += "\n" + self.tr("Over the break budget (%s).") % view.limit
        self.setToolTip(tooltip(tip))  # a caller, a reason: plain text
        self.setAccessibleDescription(tip)

    def mode_label(self, mode: Mode) -> str:
        return {
            Mode.LOGGED_OUT: self.tr("Logged out"),
            Mode.READY: self.tr("Ready"),
            Mode.BREAK: self.tr("On break"),
            Mode.CALL: self.tr("On a call"),
            Mode.OFFLINE: self.tr("Offline"),
        }[mode]
