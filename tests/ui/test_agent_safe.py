"""Issue 14: every key and click does what the agent meant. Driven through the shown bar,
panel and dialogs (key presses and clicks), against the simulator with its clock pinned."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from agentbar.core import clock
from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason
from agentbar.core.calls import CurrentCall
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.panel_host import PanelHost
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_side_panel import add_recording, load, play

WAIT = 8000
REPO = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
#: The simulator's clock stands still unless a test moves it (SimClock.advance).
FROZEN = 1e-9


@pytest.fixture
def sim() -> Iterator[Simulator]:
    clock = SimClock(time_scale=FROZEN)  # pinned at the time the test starts
    simulator = Simulator(api_key=KEY, port=0, clock=clock).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def bar(qtbot, make_session):
    def make(**kwargs) -> Toolbar:
        toolbar = Toolbar(make_session(**kwargs))
        # Closing the bar is quitting (closeEvent is ignored): hide it first, or its keys
        # would stay live for the next test.
        qtbot.addWidget(toolbar, before_close_func=lambda w: w.hide())
        toolbar.show()
        qtbot.waitExposed(toolbar)
        return toolbar

    return make


def modules(sim: Simulator) -> list[str]:
    return [r.module for r in list(sim.requests)]


def message_box(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
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


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; letters QTest has no key for (ş, ğ, ü) arrive as a keyboard
    layout sends them: a key event that carries the text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


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
        .break_started(REASONS[1], clock.time() - 30)
    )
    call = CurrentCall("SIP/1001-1", "05321234567", "in", clock.time() - 5, "Up", False, None)
    return state, call


INPUTS = ("dial field", "transfer field", "panel", "panel search")


@pytest.fixture
def keyed(qtbot, bar, sim, tmp_path):
    """A bar (and its panel) in the busy state, and a way to put the focus in each input."""
    sim.state.agents.login(DEMO_AGENT, sim.state.now())
    toolbar: Toolbar = bar(start=False)
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


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb)")
@pytest.mark.slow
def test_the_keys_act_from_the_fields_under_a_real_x_server():
    """Offscreen Qt uses a key scheme where a line edit claims none of the bar's keys. Under
    X11 it claims Ctrl+E (end of line) and Ctrl+D (delete): the case agents met. The test
    above runs again there, on Xvfb."""
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":
        pytest.skip("this run is on X11 already")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
    test = f"{Path(__file__).relative_to(REPO)}::test_every_bar_shortcut_acts_from_every_input"
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout


# -- 2. log out during a break or a call asks first -------------------------------------------


def start_break_by_keys(qtbot, toolbar: Toolbar, number: str = "2") -> None:
    """Ctrl+B, then the reason's number (the simulator's IDs 2-6 are the menu's numbers)."""
    activate(qtbot, toolbar)
    qtbot.keyClick(toolbar, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(toolbar.break_menu.isVisible, timeout=WAIT)
    qtbot.keyClick(toolbar.break_menu, getattr(Qt.Key, f"Key_{number}"))
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.BREAK, timeout=WAIT)
    qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)


def test_log_out_on_a_break_asks_stay_is_the_default_and_yes_ends_the_break_first(qtbot, bar, sim):
    toolbar = bar()
    log_in(qtbot, toolbar)
    start_break_by_keys(qtbot, toolbar)
    sim.requests.clear()
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    box = message_box(qtbot)
    assert "You are on a break" in box.text()
    assert box.defaultButton().text().replace("&", "") == "Stay"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the safe answer
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not toolbar._asking, timeout=WAIT)
    assert "logoutAgent" not in modules(sim) and "breakEnd" not in modules(sim)
    assert toolbar.session.state.on_break is not None
    activate(qtbot, toolbar)
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_L, CTRL)  # the same from the keyboard
    click_button(qtbot, message_box(qtbot), "Log out")
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.LOGGED_OUT, timeout=WAIT)
    sent = modules(sim)
    assert sent.index("breakEnd") < sent.index("logoutAgent")
    assert not sim.state.agents.get(DEMO_AGENT).logged_in


def test_log_out_on_a_call_asks_and_says_so(qtbot, bar, sim):
    toolbar = bar()
    log_in(qtbot, toolbar)
    qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.CALL, timeout=WAIT)
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    box = message_box(qtbot)
    assert "on a call" in box.text()
    click_button(qtbot, box, "Stay")
    qtbot.waitUntil(lambda: not toolbar._asking, timeout=WAIT)
    assert "logoutAgent" not in modules(sim)


@pytest.fixture
def rig(qtbot, make_session, http):
    from tests.ui.test_tray import build_rig

    made = []

    def factory(**kwargs):
        r = build_rig(qtbot, make_session, http, **kwargs)
        made.append(r)
        return r

    yield factory
    for r in made:
        r.remote.uninstall()
        r.tray.close()
        r.windows.toolbar.hide()


def test_log_out_from_the_tray_and_a_remote_command_asks_the_same(qtbot, rig, sim):
    from agentbar.core.commands import validate
    from tests.ui.test_tray import log_in as tray_log_in
    from tests.ui.test_tray import open_menu

    r = rig()
    r.tray.actions.log_out = r.windows.request_logout  # as ui/startup/runner.py binds it
    tray_log_in(qtbot, r)
    open_menu(r.tray)["trayBreakReason:" + r.session.state.break_reasons[0].id].trigger()
    qtbot.waitUntil(lambda: r.session.state.on_break is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not r.session.busy, timeout=WAIT)
    r.remote.execute(validate("logout", {}))
    box = message_box(qtbot)
    assert "You are on a break" in box.text()
    click_button(qtbot, box, "Stay")
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not r.windows.toolbar._asking, timeout=WAIT)
    assert r.session.state.logged_in
    sim.requests.clear()
    open_menu(r.tray)["trayLogin"].trigger()
    click_button(qtbot, message_box(qtbot), "Log out")
    qtbot.waitUntil(lambda: not r.session.state.logged_in, timeout=WAIT)
    sent = modules(sim)
    assert sent.index("breakEnd") < sent.index("logoutAgent")


# -- 3. Ctrl+B on a break changes the reason; only Ctrl+E / End break ends it ----------------


def test_ctrl_b_on_a_break_changes_the_reason_and_the_budget_follows(qtbot, bar, sim):
    toolbar = bar(break_budgets_min={"3": 1})
    log_in(qtbot, toolbar)
    reasons = toolbar.session.state.break_reasons  # IDs 2-6: the menu shows them
    start_break_by_keys(qtbot, toolbar, "2")
    first = toolbar.session.state.on_break
    assert first is not None and first.reason_id == reasons[0].id
    sim.requests.clear()
    activate(qtbot, toolbar)
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(toolbar.break_menu.isVisible, timeout=WAIT)
    current = toolbar.break_menu.findChild(QAction, f"breakReason:{reasons[0].id}")
    assert current is not None and current.isChecked() and not current.isEnabled()
    assert "breakEnd" not in modules(sim)  # Ctrl+B did not end the break
    qtbot.keyClick(toolbar.break_menu, Qt.Key.Key_3)
    qtbot.waitUntil(
        lambda: (
            toolbar.session.state.on_break is not None
            and toolbar.session.state.on_break.reason_id == reasons[1].id
        ),
        timeout=WAIT,
    )
    assert [m for m in modules(sim) if m.startswith("break")] == ["breakEnd", "breakStart"]
    assert sim.state.agents.get(DEMO_AGENT).break_id == reasons[1].id
    assert toolbar.session.state.on_break.started_at >= first.started_at
    assert reasons[1].name in toolbar.status.text()
    s = toolbar.session
    later = s.state.on_break.started_at + 61  # the new reason's 1-minute budget applies
    view = toolbar.status.compute(
        s.state, None, s.connection, dict(s.settings.break_budgets_min), later
    )
    assert (view.budget, view.timer) == ("over", "01:01")
    assert toolbar.break_button.text() == "End break"
    qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)
    activate(qtbot, toolbar)
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)


# -- 4. dialling while logged out is refused with a sentence ----------------------------------


def test_dialling_while_logged_out_says_log_in_and_places_no_call(qtbot, bar, sim):
    toolbar = bar()
    qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
    qtbot.mouseClick(toolbar.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Log in to dial" in toolbar.message.text(), timeout=WAIT)
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not toolbar.session.busy, timeout=WAIT)
    assert "dial" not in modules(sim)
    assert toolbar.dial_field.text() == "0532 123 45 67"  # kept for after the login
    log_in(qtbot, toolbar)
    qtbot.mouseClick(toolbar.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.CALL, timeout=WAIT)
    assert toolbar.hangup_button.isEnabled()


# -- 5. one numbering for break reasons; refused remote commands exit non-zero ----------------


def test_menu_tray_and_break_command_share_the_numbers(qtbot, rig, sim):
    from agentbar.core.commands import validate
    from tests.ui.test_tray import log_in as tray_log_in

    r = rig()
    tray_log_in(qtbot, r)
    bar_menu = [a.text() for a in r.windows.toolbar.break_menu.actions() if a.objectName()]
    r.tray.menu.aboutToShow.emit()
    tray_menu = [a.text() for a in r.tray.break_menu.actions() if a.objectName()]
    assert bar_menu == tray_menu
    assert bar_menu[0] == "&2 YEMEK MOLASI"  # the server's IDs are the numbers
    # By name, in any case and with Turkish letters: "çay sigara molası" is reason 3.
    r.remote.execute(validate("break", {"reason": "çay sigara molası"}))
    qtbot.waitUntil(lambda: r.session.state.on_break is not None, timeout=WAIT)
    assert r.session.state.on_break.reason_id == "3"
    assert sim.state.agents.get(DEMO_AGENT).break_id == "3"


def test_refused_remote_commands_exit_non_zero_with_the_reason(qtbot, rig, sim, tmp_path):
    from agentbar.desktop.instance_server import InstanceServer
    from agentbar.desktop.single_instance import claim
    from tests.desktop.conftest import launch
    from tests.ui.test_tray import log_in as tray_log_in

    base = tmp_path / "second"
    (base / "state").mkdir(parents=True)
    mine = claim(base / "state")
    assert mine is not None and mine.lock is not None
    server = InstanceServer(mine.name)
    r = rig()
    server.answer = r.remote.answer  # as ui/startup/runner.py wires it
    assert server.listen(stale=mine.recovered)

    def second(*args: str) -> tuple[int, str]:
        process = launch("--basedir", str(base), *args)
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=20000)
        _out, err = process.communicate()
        return process.returncode, err

    try:
        code, err = second("--break", "2")
        assert code == 2 and "not logged in" in err
        code, err = second("tel:+905321234567")
        assert code == 2 and "Log in to dial" in err
        tray_log_in(qtbot, r)
        code, err = second("--break", "Lunch")
        assert code == 2 and "no break reason “Lunch”" in err and "2 YEMEK MOLASI" in err
        code, err = second("--end-break")
        assert code == 2 and "not on a break" in err
        code, err = second("--break", "yemek molası")
        assert (code, err) == (0, "")
        assert sim.state.agents.get(DEMO_AGENT).break_id == "2"
        code, err = second("--break", "3")
        assert code == 2 and "already on a break" in err
    finally:
        server.close()
        mine.give_up()


# -- 6. the number inside a text is dialled; several: the agent chooses -----------------------


def test_typed_text_dials_the_number_in_it(qtbot, bar, sim):
    toolbar = bar()
    log_in(qtbot, toolbar)
    type_text(qtbot, toolbar.dial_field, "Müşteri Ayşe, cep: 0532 123 45 67")
    assert toolbar.dial_field.text() == "Müşteri Ayşe, cep: 0532 123 45 67"
    assert "Will dial 0532 123 45 67" in toolbar.message.text()
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "dial" in modules(sim), timeout=WAIT)
    dial = next(q for q in sim.requests if q.module == "dial")
    assert dial.params == {"extension": DEMO_EXTENSION, "number": "05321234567"}


def test_a_text_with_two_numbers_asks_which_one(qtbot, bar, sim):
    toolbar = bar()
    log_in(qtbot, toolbar)
    qtbot.keyClicks(toolbar.dial_field, "Ali: 0532 123 45 67, Tel: +90 (212) 555 01 01 / dahili 12")
    assert "2 numbers" in toolbar.message.text()
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(toolbar.number_menu.isVisible, timeout=WAIT)
    texts = [a.text() for a in toolbar.number_menu.actions()]
    assert texts == ["&1 Call 0532 123 45 67", "&2 Call (0212) 555 01 01"]
    assert "dial" not in modules(sim)  # nothing dialled before the choice
    qtbot.keyClick(toolbar.number_menu, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: "dial" in modules(sim), timeout=WAIT)
    dial = next(q for q in sim.requests if q.module == "dial")
    assert dial.params["number"] == "02125550101"


def test_clipboard_and_link_texts_dial_the_number_in_them(qtbot, rig, sim):
    from PySide6.QtGui import QGuiApplication

    from agentbar.core.commands import validate
    from tests.ui.test_tray import log_in as tray_log_in
    from tests.ui.test_tray import open_menu

    r = rig()
    tray_log_in(qtbot, r)
    QGuiApplication.clipboard().setText("Tel: +90 (212) 555 01 01 / dahili 12")
    action = open_menu(r.tray)["trayDialClipboard"]
    assert "(0212) 555 01 01" in action.text()
    action.trigger()
    qtbot.waitUntil(lambda: "dial" in modules(sim), timeout=WAIT)
    assert [q.params["number"] for q in sim.requests if q.module == "dial"] == ["02125550101"]
    qtbot.waitUntil(lambda: r.session.call is not None, timeout=WAIT)
    qtbot.mouseClick(r.windows.toolbar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: r.session.call is None, timeout=WAIT)
    r.remote.execute(validate("dial", {"target": "Ayşe 0532 123 45 67 / Ali 0533 765 43 21"}))
    menu = r.windows.toolbar.number_menu
    qtbot.waitUntil(menu.isVisible, timeout=WAIT)
    qtbot.keyClick(menu, Qt.Key.Key_2)
    qtbot.waitUntil(
        lambda: (
            [q.params["number"] for q in sim.requests if q.module == "dial"][-1] == "05337654321"
        ),
        timeout=WAIT,
    )


# -- 7. a refused API key is its own state, with the way out ----------------------------------


def test_a_refused_key_has_its_own_state_a_settings_button_and_no_fast_retries(
    qtbot, make_session, http, sim
):
    from agentbar.ui.agent_session import AUTH_RETRY_S
    from agentbar.ui.notifier import Notifier
    from agentbar.ui.settings.dialog import SettingsDialog
    from agentbar.ui.startup.windows import AppWindows
    from agentbar.ui.tray import Tray

    session = make_session(key="WRONG-KEY-000000")
    shell = AppWindows(
        session,
        None,
        register_secret=lambda _k: None,
        notifier=Notifier(Tray(session).icon),
    )
    toolbar = shell.toolbar
    qtbot.addWidget(toolbar, before_close_func=lambda w: w.hide())
    shell.show()
    # Logged out, the bar does not poll (issue 17): the refusal shows at the first action.
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.OFFLINE, timeout=WAIT)
    assert "API key refused" in toolbar.status.text()
    assert "The server refused the API key" in toolbar.message.text()
    assert "unreachable" not in toolbar.message.text().lower()
    assert toolbar.key_button.isVisible()
    # A slow retry: minutes, not seconds (jittered over the second half, so a floor whose key
    # was revoked does not come back in step: core/polling.py).
    assert session.connection.retry_at - clock.time() > AUTH_RETRY_S / 2 - 5
    asked = len(sim.requests)
    qtbot.mouseClick(toolbar.key_button, Qt.MouseButton.LeftButton)
    dialog: list[SettingsDialog] = []

    def opened() -> bool:
        dialog[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SettingsDialog) and w.isVisible()
        ]
        return bool(dialog)

    qtbot.waitUntil(opened, timeout=WAIT)
    key_field = dialog[0].focusWidget()
    assert key_field is not None and key_field.accessibleName().startswith("API key")
    assert len(sim.requests) == asked  # no retries meanwhile
    qtbot.keyClicks(key_field, KEY)  # the old key is selected: typing replaces it
    qtbot.keyClick(key_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.LOGGED_OUT, timeout=WAIT)
    assert not toolbar.key_button.isVisible()
    assert session.connection.online


# -- 8. ringing is not talking; the timer never jumps back at a poll --------------------------


@pytest.mark.slow
def test_ringing_then_the_talk_timer_from_the_answer(qtbot, bar, sim):
    toolbar = bar()
    log_in(qtbot, toolbar)
    qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.CALL, timeout=WAIT)
    assert toolbar.status.view.timer == "Ringing…"
    assert "Ringing…" in toolbar.status.text()
    polls = sum(q.module == "activeCalls" for q in sim.requests)
    qtbot.waitUntil(lambda: sum(q.module == "activeCalls" for q in sim.requests) > polls + 1)
    assert toolbar.status.view.timer == "Ringing…"  # the clock stands: still ringing
    sim.clock.advance(5)  # the far end answers (RING_S = 2): the channel is 5 s old
    qtbot.waitUntil(lambda: toolbar.status.view.timer != "Ringing…", timeout=WAIT)
    assert toolbar.status.view.timer in ("00:00", "00:01")  # from the answer, not 00:05
    shown: list[str] = []
    moved = time.monotonic()
    for _ in range(6):
        # The server's clock follows ours in whole seconds, as a real one does: its duration
        # wobbles a second against ours at each poll.
        now = time.monotonic()
        sim.clock.advance(int(now - moved))
        moved += int(now - moved)
        polls = sum(q.module == "activeCalls" for q in sim.requests)
        qtbot.waitUntil(lambda p=polls: sum(q.module == "activeCalls" for q in sim.requests) > p)
        toolbar._refresh_status()
        shown.append(toolbar.status.view.timer)
    assert shown == sorted(shown), shown  # never backwards
    sim.clock.advance(30)  # the server says the call is 30 s longer: more than 2 s off
    qtbot.waitUntil(lambda: toolbar.status.view.timer >= "00:30", timeout=WAIT)


# -- 9. buttons stay where they are -----------------------------------------------------------


def _right_of_login(toolbar: Toolbar) -> list[int]:
    widgets = (
        toolbar.break_button,
        toolbar.dial_field,
        toolbar.call_button,
        toolbar.transfer_button,
        toolbar.hangup_button,
        toolbar.panel_button,
        toolbar.menu_button,
    )
    return [w.mapTo(toolbar, w.rect().topLeft()).x() for w in widgets]


@pytest.mark.parametrize("language", ["en", "tr"])
def test_buttons_do_not_move_when_the_state_changes(qtbot, bar, sim, language):
    from agentbar.ui.i18n import install_translations

    install_translations(language)
    try:
        toolbar = bar()
        toolbar.adjustSize()
        before = _right_of_login(toolbar)
        log_in(qtbot, toolbar)
        assert _right_of_login(toolbar) == before
        start_break_by_keys(qtbot, toolbar)
        # The layout's pending requests, delivered as the next turn of the loop would.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        assert _right_of_login(toolbar) == before
        activate(qtbot, toolbar)
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_E, CTRL)
        qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
        assert _right_of_login(toolbar) == before
    finally:
        install_translations("en")


# -- 10. break budgets in Settings; the reason stays readable in amber and red ----------------


def test_break_budgets_are_set_in_settings_from_the_servers_list(qtbot, rig, sim):
    from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

    from agentbar.ui.settings.dialog import SettingsDialog
    from tests.ui.test_tray import log_in as tray_log_in

    r = rig()
    tray_log_in(qtbot, r)
    toolbar = r.windows.toolbar
    activate(qtbot, toolbar)
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Comma, CTRL)
    found: list[SettingsDialog] = []

    def opened() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SettingsDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(opened, timeout=WAIT)
    dialog = found[0]
    tabs = dialog._tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if "Breaks" in tabs.tabText(i)))
    spins = {s.objectName(): s for s in dialog.findChildren(QSpinBox) if s.objectName()}
    assert set(spins) == {f"budget:{r.id}" for r in r.session.state.break_reasons}
    lunch = spins["budget:2"]
    assert lunch.accessibleName() == "2. YEMEK MOLASI"
    qtbot.mouseClick(lunch.lineEdit(), Qt.MouseButton.LeftButton)
    lunch.lineEdit().selectAll()
    qtbot.keyClicks(lunch.lineEdit(), "30")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dict(r.session.settings.break_budgets_min) == {"2": 30}, timeout=WAIT)


def test_machine_wide_budgets_are_listed_and_kept(qtbot, paths):
    import json

    from agentbar.core.settings import load_settings
    from agentbar.ui.settings.dialog import SettingsDialog

    machine = paths.machine_defaults_file
    machine.parent.mkdir(parents=True, exist_ok=True)
    # "9": a reason this agent's server does not list
    machine.write_text(json.dumps({"break_budgets_min": {"2": 45, "9": 5}}), encoding="utf-8")
    settings = load_settings(paths).settings
    dialog = SettingsDialog(settings, "", break_reasons=REASONS)
    qtbot.addWidget(dialog)
    assert dialog.breaks.spins["2"].value() == 45
    assert dialog.breaks.spins["1"].value() == 0 and dialog.breaks.spins["1"].text() == "No budget"
    assert dict(dialog.result_settings().break_budgets_min) == {"2": 45, "9": 5}


@pytest.mark.parametrize(("minutes", "budget"), [(9, "near"), (12, "over")])
def test_in_amber_and_red_a_long_reason_stays_readable(qtbot, bar, minutes, budget):
    reason = BreakReason("7", "EĞİTİM VE BİREBİR KOÇLUK TOPLANTISI")
    state = AgentState(
        logged_in=True,
        agent=DEMO_AGENT,
        on_break=ActiveBreak(reason.id, reason.name, clock.time() - minutes * 60),
        break_reasons=(reason,),
    )
    toolbar = bar(state=state, start=False, break_budgets_min={"7": 10})
    toolbar._refresh_status()
    text = toolbar.status.text()
    assert toolbar.status.view.budget == budget
    name = text.split("  ", 1)[1].split(" · ")[0]
    assert name.startswith("EĞİTİM V") and name.endswith("ANTISI")  # start and end…
    assert "…" in name  # …the middle shortened
    assert f"{minutes:02d}:0" in text  # the timer in full
    assert reason.name in toolbar.status.toolTip()
    assert "10 min" in toolbar.status.toolTip()
    metrics = toolbar.status.fontMetrics()
    assert metrics.horizontalAdvance(text) <= toolbar.status.width() - 20


# -- 16. small things -------------------------------------------------------------------------


def test_the_transfer_fields_hint_is_not_cut_off(qtbot, keyed):
    toolbar, _panel, focus, _emitted = keyed
    focus("transfer field")
    field = toolbar.transfer_field
    field.clear()
    hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() >= hint + 12


def test_the_quit_question_mentions_the_call(qtbot, rig, sim):
    from tests.ui.test_tray import log_in as tray_log_in
    from tests.ui.test_tray import open_menu

    r = rig()
    tray_log_in(qtbot, r)
    toolbar = r.windows.toolbar
    qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.session.call is not None, timeout=WAIT)
    open_menu(r.tray)["trayQuit"].trigger()
    box = message_box(qtbot)
    assert "on a call" in box.text()
    click_button(qtbot, box, "Cancel")
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    assert not r.windows.quit_event.is_set()


@pytest.fixture
def side(qtbot, make_session, paths):
    """The side panel over a session (not shown yet), with the run's one player."""
    from agentbar.ui.panel.panel_session import PanelSession
    from agentbar.ui.panel.player import shared_player
    from agentbar.ui.panel.side_panel import SidePanel

    player = shared_player()
    panel = PanelSession(make_session(start=False), paths.recordings_cache_dir)
    widget = SidePanel(panel, player)
    qtbot.addWidget(widget)
    yield widget
    player.stop()
    drain(qtbot, panel.aclose())


def test_a_queue_change_shows_success_once_and_only_when_the_list_changed(qtbot, side, sim):
    load(qtbot, side)
    side.tabs.setCurrentWidget(side.queues)
    tab = side.queues
    tab.select("10003")
    qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result.text().startswith("✔"), timeout=WAIT)
    assert tab.result.text() == "✔ Joined queue 10003."
    assert "10003" not in side.message.text()  # once: not again on the panel's line
    # A supervisor took the agent out of queue 10002 meanwhile: the list shown is stale.
    sim.state.queues.update("10002", [DEMO_AGENT], add=False)
    tab.select("10002")
    qtbot.mouseClick(tab.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "10002" in tab.result.text(), timeout=WAIT)
    assert tab.result.text() == "ℹ You were not in queue 10002."  # no ✔: nothing changed
    assert "Not a member" in tab.table.item(tab.table.currentRow(), 2).text()


def test_the_history_button_says_where_the_number_goes(side):
    button = side.history.dial_button
    assert button.text().replace("&", "") == "To the dial field"
    assert "dial field" in button.toolTip()


@pytest.mark.parametrize("devices", [0, 1])
def test_without_a_sound_device_a_recording_plays_with_a_note(
    qtbot, side, sim, monkeypatch, devices
):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: [object()] * devices))
    path = add_recording(sim, "wav")
    load(qtbot, side)
    play(qtbot, side, path)  # the position advances: it plays visually either way
    note = side.recordings.player_bar.no_sound
    assert note.isVisible() is (devices == 0)
    if not devices:
        assert "No sound device" in note.text()


def test_the_tray_says_ringing_too(qtbot, rig, sim):
    from tests.ui.test_tray import log_in as tray_log_in

    r = rig()
    tray_log_in(qtbot, r)
    qtbot.keyClicks(r.windows.toolbar.dial_field, "0532 123 45 67")
    qtbot.keyClick(r.windows.toolbar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.session.call is not None, timeout=WAIT)
    assert r.tray.status_text() == "On a call: 0532 123 45 67 · Ringing…"


def test_the_servers_reason_names_are_plain_text_in_settings(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLabel

    from agentbar.core.settings import Settings
    from agentbar.ui.settings.dialog import SettingsDialog

    odd = BreakReason("5", "<b>Toplantı</b> & eğitim")
    dialog = SettingsDialog(Settings(), "", break_reasons=(odd,))
    qtbot.addWidget(dialog)
    form = dialog.breaks.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(dialog.breaks.spins["5"])
    assert isinstance(label, QLabel)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Toplantı</b>" in label.text()
