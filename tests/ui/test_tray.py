"""The tray: state icon and tooltip, and its menu driven against the simulator."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from agentbar.core import clock
from agentbar.core.agent_state import ActiveBreak, AgentState, BreakReason
from agentbar.core.calls import CurrentCall
from agentbar.core.commands import validate
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.agent_session import AgentSession, Connection
from agentbar.ui.notifier import Notifier
from agentbar.ui.startup import remote_control
from agentbar.ui.startup.remote_control import RemoteControl
from agentbar.ui.startup.windows import AppWindows
from agentbar.ui.state_view import Mode
from agentbar.ui.tray import Tray, TrayActions, state_icon, tray_mode
from tests.ui.conftest import KEY

WAIT = 8000


@dataclass
class Rig:
    session: AgentSession
    windows: AppWindows
    tray: Tray
    remote: RemoteControl
    recordings: list[str]


def build_rig(qtbot, make_session, http, *, recordings: bool = True, **kwargs) -> Rig:
    """Wired as ui/startup/runner.py wires them."""
    session = make_session(**kwargs)
    tray = Tray(session)
    windows = AppWindows(
        session,
        None,
        register_secret=lambda _k: None,
        notifier=Notifier(tray.icon),
    )
    qtbot.addWidget(windows.toolbar)
    remote = RemoteControl(windows, preview_ms=0)
    opened: list[str] = []
    tray.bind(
        TrayActions(
            toggle_toolbar=remote.toggle_toolbar,
            toolbar_visible=windows.toolbar.isVisible,
            dial_clipboard=remote.dial_clipboard,
            settings=windows.toolbar.settings_requested.emit,
            quit=windows.toolbar.quit_requested.emit,
            show_recordings=(lambda: opened.append("recordings")) if recordings else None,
        )
    )
    windows.show()
    qtbot.waitExposed(windows.toolbar)
    return Rig(session, windows, tray, remote, opened)


@pytest.fixture
def rig(qtbot, make_session, http):
    made: list[Rig] = []

    def factory(**kwargs) -> Rig:
        made.append(build_rig(qtbot, make_session, http, **kwargs))
        return made[-1]

    yield factory
    for r in made:
        r.tray.close()
        r.windows.toolbar.hide()  # closing is quitting (closeEvent is ignored): hide instead


def open_menu(tray: Tray) -> dict[str, QAction]:
    """What the user sees when the menu opens: aboutToShow rebuilds it."""
    tray.menu.aboutToShow.emit()
    actions = {a.objectName(): a for a in tray.menu.actions() if a.objectName()}
    for action in tray.break_menu.actions():
        if action.objectName():
            actions[action.objectName()] = action
    actions["trayBreak"] = tray.break_menu.menuAction()
    return actions


def log_in(qtbot, r: Rig) -> None:
    open_menu(r.tray)["trayLogin"].trigger()
    qtbot.waitUntil(lambda: r.tray.mode is Mode.READY, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(r.session.state.break_reasons), timeout=WAIT)
    qtbot.waitUntil(lambda: not r.session.busy, timeout=WAIT)


def dials(sim) -> list[dict[str, object]]:
    """The dial requests in the simulator's log, oldest first."""
    return [dict(q.params) for q in list(sim.requests) if q.module == "dial"]


#: A harmless link, sent after the thing under test (see dials_before_a_marker).
MARKER_LINK, MARKER_NUMBER = "tel:0212 555 01 99", "02125550199"


def dials_before_a_marker(qtbot, r: Rig, sim, monkeypatch) -> list[dict[str, object]]:
    """Every dial sent before a harmless marker link that goes the same way after them.

    A refused link, a cancelled question or an empty clipboard dials nothing; a dial one of
    them wrongly started would go out through the link preview's timer or the session's dial
    task. The marker takes that path later (logged in, and not a burst: no question), so once
    it is in the simulator's log and the session is idle, every dial started before it is in
    the log too: timers of the same length fire, and tasks start, in the order they were made.
    """
    monkeypatch.setattr(remote_control, "BURST_WINDOW_S", 0.0)  # as if minutes had passed
    r.remote.execute(validate("dial", {"target": MARKER_LINK}))
    if r.session.settings.confirm_before_dial:
        _click(_message_box(qtbot), "Call")

    def marker_done() -> bool:
        return any(d["number"] == MARKER_NUMBER for d in dials(sim)) and not r.session.busy

    qtbot.waitUntil(marker_done, timeout=WAIT)
    return [d for d in dials(sim) if d["number"] != MARKER_NUMBER]


# -- icon and tooltip ------------------------------------------------------------------------


def _image(mode: Mode) -> QImage:
    return state_icon(mode).pixmap(64, 64).toImage()


def test_each_state_has_its_own_icon(qapp):
    images = {mode: _image(mode) for mode in Mode}
    for a in Mode:
        for b in Mode:
            if a is not b:
                assert images[a] != images[b], (a, b)
    assert not images[Mode.READY].isNull()


def test_tray_mode_follows_the_bar_precedence():
    brk = ActiveBreak("2", "YEMEK MOLASI", clock.time())
    call = CurrentCall("c", "05321234567", "in", clock.time())
    online, offline = Connection(True), Connection(False, "down", clock.time() + 5)
    logged_in = AgentState(logged_in=True, agent="101")
    assert tray_mode(AgentState(), None, online) is Mode.LOGGED_OUT
    assert tray_mode(logged_in, None, online) is Mode.READY
    assert tray_mode(AgentState(True, "101", brk), None, online) is Mode.BREAK
    assert tray_mode(logged_in, call, online) is Mode.CALL
    assert tray_mode(logged_in, call, offline) is Mode.OFFLINE


def test_icon_and_tooltip_follow_the_session(qtbot, rig):
    r = rig()
    assert r.tray.icon.icon().pixmap(64, 64).toImage() == _image(Mode.LOGGED_OUT)
    assert r.tray.icon.toolTip() == "AgentBar — Logged out"
    log_in(qtbot, r)
    assert r.tray.icon.icon().pixmap(64, 64).toImage() == _image(Mode.READY)
    assert r.tray.icon.toolTip() == "AgentBar — Ready"


def test_tooltip_shows_the_running_break_timer(qtbot, rig):
    started = clock.time() - 65
    state = AgentState(
        logged_in=True,
        agent=DEMO_AGENT,
        on_break=ActiveBreak("2", "YEMEK MOLASI", started),
        break_reasons=(BreakReason("2", "YEMEK MOLASI"),),
    )
    r = rig(state=state, start=False)
    assert r.tray.mode is Mode.BREAK
    assert r.tray.icon.toolTip().startswith("AgentBar — On break: YEMEK MOLASI · 01:0")
    assert r.tray.status_text(now=started + 125).endswith("02:05")
    before = r.tray.icon.toolTip()
    qtbot.waitUntil(lambda: r.tray.icon.toolTip() != before, timeout=3000)  # it ticks


def test_tooltip_shows_the_call_timer(qtbot, rig):
    r = rig(state=AgentState(logged_in=True, agent=DEMO_AGENT), start=False)
    started = clock.time() - 61
    r.session.call = CurrentCall("c1", "05321234567", "in", started)
    r.session.call_changed.emit(r.session.call)
    assert r.tray.mode is Mode.CALL
    assert r.tray.icon.toolTip().startswith("AgentBar — On a call: 0532 123 45 67 · 01:0")
    assert r.tray.icon.icon().pixmap(64, 64).toImage() == _image(Mode.CALL)


def test_offline_shows_the_red_cross_and_the_retry(qtbot, rig):
    r = rig(start=False)
    r.session.connection = Connection(False, "refused", clock.time() + 9.5)
    r.session.connection_changed.emit(r.session.connection)
    assert r.tray.mode is Mode.OFFLINE
    assert "Offline, retrying in 9 s" in r.tray.icon.toolTip()
    actions = open_menu(r.tray)
    assert not actions["trayLogin"].isEnabled()


# -- the menu --------------------------------------------------------------------------------


def test_menu_is_rebuilt_when_it_opens(qtbot, rig, sim):
    r = rig()
    actions = open_menu(r.tray)
    assert actions["trayStatus"].text() == "Logged out"
    assert actions["trayLogin"].text().replace("&", "") == "Log in"
    assert not actions["trayBreak"].isEnabled()
    assert "log in first" in actions["trayBreak"].text()
    assert actions["trayToggleToolbar"].text().replace("&", "") == "Hide toolbar"
    assert {"traySettings", "trayQuit", "trayRecordings"} <= set(actions)
    log_in(qtbot, r)
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    actions = open_menu(r.tray)
    assert actions["trayStatus"].text() == "Ready"
    assert actions["trayLogin"].text().replace("&", "") == "Log out"
    assert actions["trayBreak"].isEnabled()
    reasons = [a for name, a in actions.items() if name.startswith("trayBreakReason:")]
    assert any("YEMEK MOLASI" in a.text() for a in reasons)
    # Opening again does not pile up entries.
    assert len(open_menu(r.tray)) == len(actions)
    assert len(r.tray.menu.findChildren(QMenu)) == 1


def test_break_and_end_break_from_the_menu(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    actions = open_menu(r.tray)
    lunch = next(
        a for n, a in actions.items() if n.startswith("trayBreakReason:") and "YEMEK" in a.text()
    )
    lunch.trigger()
    qtbot.waitUntil(lambda: r.tray.mode is Mode.BREAK, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).break_id
    actions = open_menu(r.tray)
    assert r.tray.break_menu.menuAction() not in r.tray.menu.actions()  # End break instead
    assert actions["trayEndBreak"].text().replace("&", "").startswith("End break (00:0")
    actions["trayEndBreak"].trigger()
    qtbot.waitUntil(lambda: r.tray.mode is Mode.READY, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).break_id in (None, "")
    actions = open_menu(r.tray)
    assert "trayEndBreak" not in actions


def test_dial_clipboard_shows_the_normalised_number_and_dials(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Tel: +90 (532) 123-45-67")
    action = open_menu(r.tray)["trayDialClipboard"]
    assert action.isEnabled()
    assert "0532 123 45 67" in action.text()
    action.trigger()
    qtbot.waitUntil(lambda: any(q.module == "dial" for q in sim.requests), timeout=WAIT)
    dials = [q.params for q in sim.requests if q.module == "dial"]
    assert dials == [{"extension": DEMO_EXTENSION, "number": "05321234567"}]


@pytest.mark.parametrize(
    ("text", "why"),
    [("", "the clipboard is empty"), ("Dear customer, thanks", "no number in the clipboard")],
)
def test_dial_clipboard_is_disabled_with_the_reason(qtbot, rig, sim, monkeypatch, text, why):
    r = rig()
    log_in(qtbot, r)  # so that only the empty clipboard stands between it and a dial
    QGuiApplication.clipboard().setText(text)
    action = open_menu(r.tray)["trayDialClipboard"]
    assert not action.isEnabled()
    assert why in action.text()
    r.remote.dial_clipboard()  # the command line's --dial-clipboard says why too
    assert "Nothing to dial" in r.windows.toolbar.message.text()
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == []


def test_show_hide_toolbar_and_recordings(qtbot, rig):
    r = rig()
    open_menu(r.tray)["trayToggleToolbar"].trigger()
    assert not r.windows.toolbar.isVisible()
    action = open_menu(r.tray)["trayToggleToolbar"]
    assert action.text().replace("&", "") == "Show toolbar"
    action.trigger()
    assert r.windows.toolbar.isVisible()
    open_menu(r.tray)["trayRecordings"].trigger()
    assert r.recordings == ["recordings"]


def test_no_recordings_entry_without_a_panel(qtbot, rig):
    r = rig(recordings=False)
    assert "trayRecordings" not in open_menu(r.tray)


def test_left_click_toggles_the_toolbar(qtbot, rig):
    r = rig()
    r.tray.icon.activated.emit(r.tray.icon.ActivationReason.Trigger)
    assert not r.windows.toolbar.isVisible()
    r.tray.icon.activated.emit(r.tray.icon.ActivationReason.Trigger)
    assert r.windows.toolbar.isVisible()


def _message_box(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def visible() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=WAIT)
    return found[0]


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def answer(qtbot, box: QMessageBox, text: str) -> None:
    """Click ``text`` and wait until the question's task has acted on the answer: ask()
    deletes its box as it returns, in the same step as the caller's next lines."""
    _click(box, text)
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=WAIT)


def test_quit_from_the_tray_asks_the_end_of_shift_question(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    open_menu(r.tray)["trayQuit"].trigger()
    box = _message_box(qtbot)
    assert "Log out before quitting?" in box.text()
    answer(qtbot, box, "Cancel")
    assert not r.windows.quit_event.is_set()
    open_menu(r.tray)["trayQuit"].trigger()
    _click(_message_box(qtbot), "Log out and quit")
    qtbot.waitUntil(r.windows.quit_event.is_set, timeout=WAIT)
    qtbot.waitUntil(lambda: not r.session.busy, timeout=WAIT)
    assert not sim.state.agents.get(DEMO_AGENT).logged_in
    # One logout: the one asked for, none from the Cancel before it.
    assert [q.module for q in list(sim.requests)].count("logoutAgent") == 1


def test_without_a_system_tray_show_says_so(qapp, rig):
    r = rig(start=False)
    if Tray.available():  # pragma: no cover - a desktop session with a tray
        pytest.skip("this desktop has a system tray")
    assert r.tray.show() is False
    assert not r.tray.icon.isVisible()


def test_the_program_says_once_that_there_is_no_tray_and_keeps_working(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    from agentbar.app import build_parser
    from agentbar.core.logsetup import RedactingFilter
    from agentbar.core.paths import Paths
    from agentbar.ui.bar.toolbar import Toolbar
    from agentbar.ui.startup.runner import run

    if Tray.available():  # pragma: no cover - a desktop session with a tray
        pytest.skip("this desktop has a system tray")
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "notray"
    argv = ["--basedir", str(base), "--url", sim.url, "--agent", DEMO_AGENT]
    args = build_parser().parse_args([*argv, "--extension", DEMO_EXTENSION])
    earlier = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, Toolbar)}
    task = qloop.create_task(run(args, Paths.under(base), RedactingFilter()))

    def bar() -> Toolbar | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, Toolbar)]
        return next((w for w in found if w.isVisible() and id(w) not in earlier), None)

    qtbot.waitUntil(lambda: bar() is not None, timeout=WAIT)
    toolbar = bar()
    assert toolbar is not None
    # Said just after the bar's first paint (the tray is made once the bar is up).
    qtbot.waitUntil(lambda: "no system tray" in toolbar.message.text(), timeout=WAIT)
    toolbar.login_button.click()  # and the bar works without it
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.LOGGED_OUT, timeout=WAIT)
    toolbar.quit_requested.emit()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0
