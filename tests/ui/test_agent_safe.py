"""Issue 14: every key and click does what the agent meant. Driven through the shown bar,
panel and dialogs (key presses and clicks), against the simulator with its clock pinned."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason
from agentbar.core.calls import CurrentCall
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.panel_host import PanelHost
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY

WAIT = 8000
CTRL = Qt.KeyboardModifier.ControlModifier
#: The simulator's clock stands still unless a test moves it (SimClock.advance).
FROZEN = 1e-9


@pytest.fixture
def sim() -> Iterator[Simulator]:
    clock = SimClock(time_scale=FROZEN, start=datetime(2026, 12, 7, 10, 0, 0))
    simulator = Simulator(api_key=KEY, port=0, clock=clock).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def bar(qtbot, make_session):
    def build(**kwargs) -> Toolbar:
        toolbar = Toolbar(make_session(**kwargs))
        # Closing the bar is quitting (closeEvent is ignored): hide it first, or its keys
        # would stay live for the next test.
        qtbot.addWidget(toolbar, before_close_func=lambda w: w.hide())
        toolbar.show()
        qtbot.waitExposed(toolbar)
        return toolbar

    return build


def modules(sim: Simulator) -> list[str]:
    return [r.module for r in list(sim.requests)]


def message_box(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT)
    return found[-1]


def click_button(qtbot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def activate(qtbot, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)


def log_in(qtbot, toolbar: Toolbar) -> None:
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(toolbar.session.state.break_reasons), timeout=WAIT)
    qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)


def drain(qtbot, coro) -> None:
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=WAIT)


def close_popups() -> None:
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    QApplication.processEvents()


# -- 1. the bar's keys work wherever the focus is in AgentBar ---------------------------------

REASONS = (BreakReason("1", "ÇAY MOLASI"), BreakReason("2", "YEMEK MOLASI"))


def _busy_state() -> tuple[AgentState, CurrentCall]:
    """Logged in, on a break and on a call: every bar key has something to act on."""
    state = (
        AgentState(break_reasons=REASONS)
        .logged_in_as(DEMO_AGENT)
        .break_started(REASONS[1], time.time() - 30)
    )
    call = CurrentCall("SIP/1001-1", "05321234567", "in", time.time() - 5, "Up", False, None)
    return state, call


INPUTS = ("dial field", "transfer field", "panel", "panel search")


@pytest.fixture
def keyed(qtbot, bar, sim, tmp_path):
    """A bar (and its panel) in the busy state, and a way to put the focus in each input."""
    sim.state.agents.login(DEMO_AGENT, sim.state.now())
    toolbar = bar(start=False)
    host = PanelHost(toolbar.session, toolbar, tmp_path / "recordings")
    host.show()
    panel = host.ensure()
    qtbot.waitExposed(panel)
    emitted: list[str] = []
    toolbar.panel_requested.disconnect()  # the host would toggle the panel away
    toolbar.panel_requested.connect(lambda: emitted.append("panel"))
    toolbar.settings_requested.connect(lambda: emitted.append("settings"))
    toolbar.quit_requested.connect(lambda: emitted.append("quit"))

    def reset() -> None:
        close_popups()
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                box.reject()
        qtbot.waitUntil(lambda: not toolbar._asking, timeout=WAIT)
        # An answer still on its way would change the state after the reset.
        qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)
        toolbar.session.state, call = _busy_state()
        toolbar.session._set_call(call)
        toolbar._on_state_changed(toolbar.session.state)
        emitted.clear()

    def focus(name: str) -> QWidget:
        reset()
        if name == "dial field":
            activate(qtbot, toolbar)
            qtbot.mouseClick(toolbar.dial_field, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(toolbar.dial_field, "0532")
            return toolbar.dial_field
        if name == "transfer field":
            activate(qtbot, toolbar)
            qtbot.mouseClick(toolbar.transfer_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(toolbar.transfer_menu.isVisible, timeout=WAIT)
            qtbot.keyClicks(toolbar.transfer_field, "10")
            return toolbar.transfer_field
        activate(qtbot, panel)
        if name == "panel":
            panel.tabs.setFocus()
            return panel.tabs
        search = panel.recordings.search
        qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(search, "ay")
        return search

    yield toolbar, panel, focus, emitted
    close_popups()
    drain(qtbot, host.aclose())
    panel.deleteLater()


def _acted(key: str, toolbar: Toolbar, sim: Simulator, emitted: list[str]) -> Callable[[], bool]:
    return {
        "L": lambda: toolbar._asking,  # on a break and a call: Log out asks first
        "B": toolbar.break_menu.isVisible,
        "E": lambda: "breakEnd" in modules(sim),
        "D": toolbar.dial_field.hasFocus,
        "T": toolbar.transfer_menu.isVisible,
        "H": lambda: "hangup" in modules(sim),
        "P": lambda: "panel" in emitted,
        ",": lambda: "settings" in emitted,
        "Q": lambda: "quit" in emitted,
    }[key]


_KEYS = {
    "L": Qt.Key.Key_L,
    "B": Qt.Key.Key_B,
    "E": Qt.Key.Key_E,
    "D": Qt.Key.Key_D,
    "T": Qt.Key.Key_T,
    "H": Qt.Key.Key_H,
    "P": Qt.Key.Key_P,
    ",": Qt.Key.Key_Comma,
    "Q": Qt.Key.Key_Q,
}


@pytest.mark.parametrize("where", INPUTS)
def test_every_bar_shortcut_acts_from_every_input(qtbot, keyed, sim, where):
    toolbar, _panel, focus, emitted = keyed
    for name, key in _KEYS.items():
        sim.requests.clear()
        widget = focus(where)
        if name == "D" and where == "dial field":
            toolbar.dial_field.deselect()  # Ctrl+D there selects the number to retype it
        qtbot.keyClick(widget, key, CTRL)
        acted = _acted(name, toolbar, sim, emitted)
        if name == "D" and where == "dial field":
            acted = toolbar.dial_field.hasSelectedText
        try:
            qtbot.waitUntil(acted, timeout=WAIT)
        except Exception as exc:
            raise AssertionError(f"Ctrl+{name} did nothing from the {where}") from exc
