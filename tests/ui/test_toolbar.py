"""The bar driven through its real widgets (clicks, keys, menus) against the simulator."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from agentbar.core import clock
from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.state_view import Mode

WAIT = 8000


@pytest.fixture
def bar(qtbot, make_session):
    def build(**kwargs):
        toolbar = Toolbar(make_session(**kwargs))
        qtbot.addWidget(toolbar)
        toolbar.show()
        qtbot.waitExposed(toolbar)
        return toolbar

    return build


def _log_in(qtbot, toolbar):
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(toolbar.session.state.break_reasons), timeout=WAIT)
    qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)


def test_starts_logged_out_with_actions_that_need_a_call_disabled(bar):
    toolbar = bar()
    assert toolbar.status.view.mode is Mode.LOGGED_OUT
    assert "Logged out" in toolbar.status.text()
    assert toolbar.login_button.text() == "Log in"
    assert not toolbar.break_button.isEnabled()
    assert not toolbar.transfer_button.isEnabled()
    assert not toolbar.hangup_button.isEnabled()
    assert toolbar.call_button.isEnabled()


def test_login_and_logout_by_click_and_shortcut(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    assert toolbar.login_button.text() == "Log out"
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    toolbar.activateWindow()
    qtbot.keyClick(toolbar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.LOGGED_OUT, timeout=WAIT)
    assert not sim.state.agents.get(DEMO_AGENT).logged_in


def test_break_menu_lists_reasons_and_the_timer_runs(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    names = [a.text() for a in toolbar.break_menu.actions()]
    assert any("YEMEK MOLASI" in n for n in names)
    toolbar.break_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.BREAK, timeout=WAIT)
    assert "YEMEK MOLASI" in toolbar.status.text()
    assert "00:0" in toolbar.status.text()
    assert toolbar.break_button.text() == "End break"
    qtbot.mouseClick(toolbar.break_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).break_id in (None, "")


def test_break_budget_turns_amber_then_red(qtbot, bar):
    def state(minutes_ago: float) -> AgentState:
        return AgentState(
            logged_in=True,
            agent=DEMO_AGENT,
            on_break=ActiveBreak("2", "YEMEK MOLASI", clock.time() - minutes_ago * 60),
            break_reasons=(BreakReason("2", "YEMEK MOLASI"),),
        )

    near = bar(state=state(9), start=False, break_budgets_min={"2": 10})
    near._refresh_status()
    assert near.status.view.budget == "near"
    over = bar(state=state(12), start=False, break_budgets_min={"2": 10})
    over._refresh_status()
    assert over.status.view.budget == "over"
    assert "YEMEK MOLASI" in over.status.text()  # the reason stays readable
    assert "Over the break budget (10 min)" in over.status.toolTip()
    assert over.status.text().startswith("⚠")


def test_dial_field_previews_then_enter_dials(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    field = toolbar.dial_field
    qtbot.keyClicks(field, "+90 (532) 123-45-67")
    assert "0532 123 45 67" in toolbar.message.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.module == "dial" for r in sim.requests), timeout=WAIT)
    dial = next(r for r in sim.requests if r.module == "dial")
    assert dial.params == {"extension": DEMO_EXTENSION, "number": "05321234567"}
    qtbot.waitUntil(lambda: "rings first" in toolbar.message.text(), timeout=WAIT)
    assert field.text() == ""


def test_junk_in_dial_field_is_refused_with_a_reason(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)  # so that the bar polls
    qtbot.keyClicks(toolbar.dial_field, "abc; rm -rf")
    assert "Cannot dial" in toolbar.message.text()
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Cannot dial" in toolbar.message.text(), timeout=WAIT)
    # The refusal sends nothing: the next poll reaches the server with no dial before it.
    mark = len(sim.requests)
    qtbot.waitUntil(lambda: len(sim.requests) > mark, timeout=WAIT)
    assert not any(r.module == "dial" for r in sim.requests)


def test_call_enables_transfer_and_hangup_then_transfer_by_menu(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    qtbot.keyClicks(toolbar.dial_field, "05321234567")
    qtbot.mouseClick(toolbar.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.CALL, timeout=WAIT)
    assert "0532 123 45 67" in toolbar.status.text()
    assert toolbar.transfer_button.isEnabled() and toolbar.hangup_button.isEnabled()
    qtbot.mouseClick(toolbar.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(toolbar.transfer_field, "1005")
    qtbot.keyClick(toolbar.transfer_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert [r.params for r in sim.requests if r.module == "redirect"] == [
        {"from": DEMO_EXTENSION, "extension": "1005"}
    ]
    assert not toolbar.hangup_button.isEnabled()


def test_hangup_by_shortcut(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    toolbar.session.dial("05321234567")
    qtbot.waitUntil(lambda: toolbar.hangup_button.isEnabled(), timeout=WAIT)
    toolbar.activateWindow()
    qtbot.keyClick(toolbar, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert any(r.module == "hangup" for r in sim.requests)


def test_offline_is_unmistakable_and_recovers(qtbot, bar, sim):
    toolbar = bar()
    _log_in(qtbot, toolbar)
    sim.set_down(True)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.OFFLINE, timeout=WAIT)
    assert toolbar.status.text().startswith("✖")
    assert "↻" in toolbar.status.text()  # the retry countdown
    assert "dashed" in toolbar.styleSheet()
    assert not toolbar.break_button.isEnabled()
    assert "unreachable" in toolbar.message.text().lower()
    sim.set_down(False)
    toolbar.session.poke()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert "dashed" not in toolbar.styleSheet()


def test_every_control_has_an_accessible_name_and_tooltip(bar):
    toolbar = bar(start=False)
    controls = toolbar.findChildren(QAbstractButton) + toolbar.findChildren(QLineEdit)
    assert len(controls) >= 9
    for control in controls:
        if control.parent() is not None and control.parent().inherits("QLineEdit"):
            continue  # the line edit's own clear button
        assert control.accessibleName(), control
        assert control.toolTip(), control


def test_fits_a_small_laptop_screen(bar):
    toolbar = bar(start=False)
    toolbar.adjustSize()
    assert toolbar.width() <= 1366
    assert toolbar.height() <= 90


def test_the_running_timer_does_not_restyle_the_bar_each_second(bar, monkeypatch):
    """A style sheet restyles every widget of the bar: set on a change, not on each tick."""
    from agentbar.ui.agent_session import Connection

    toolbar = bar(start=False)
    toolbar.session.state = (
        AgentState()
        .logged_in_as(DEMO_AGENT)
        .break_started(BreakReason("1", "Yemek"), clock.time() - 65)
    )
    toolbar._refresh_status()
    restyled: list[str] = []
    for widget in (toolbar, toolbar.status):

        def counting(text: str, original: Any = widget.setStyleSheet) -> None:
            restyled.append(text)
            original(text)

        monkeypatch.setattr(widget, "setStyleSheet", counting)
    shown = toolbar.status.text()
    toolbar.session.state = toolbar.session.state.break_started(
        BreakReason("1", "Yemek"), clock.time() - 66
    )
    for _ in range(3):
        toolbar._refresh_status()
    assert toolbar.status.text() != shown  # the timer moved on…
    assert restyled == []  # …without a restyle
    toolbar.session.connection = Connection(False, "gone", clock.time() + 5)
    toolbar._refresh_status()
    assert any("dashed" in text for text in restyled)  # offline: the frame changes
    assert toolbar.status.view.mode is Mode.OFFLINE
