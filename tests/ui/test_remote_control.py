"""Each command a second launch (or a link) can carry, carried out on a real session."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from agentbar.core.agent_state import AgentState
from agentbar.core.commands import validate
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.state_view import Mode
from tests.ui.test_tray import (
    _click,
    _message_box,
    answer,
    build_rig,
    dials,
    dials_before_a_marker,
    log_in,
)

WAIT = 8000


@pytest.fixture
def rig(qtbot, make_session, http):
    made = []

    def factory(preview_ms: int = 0, **kwargs):
        r = build_rig(qtbot, make_session, http, **kwargs)
        r.remote.preview_ms = preview_ms
        made.append(r)
        return r

    yield factory
    for r in made:
        r.remote.uninstall()
        r.tray.close()
        r.windows.toolbar.hide()  # closing is quitting (closeEvent is ignored): hide instead


def run(r, name: str, **args: str) -> None:
    r.remote.execute(validate(name, args))


def test_a_link_shows_the_normalised_number_first_then_dials(qtbot, rig, sim):
    r = rig(preview_ms=400)
    log_in(qtbot, r)
    linked = time.monotonic()
    run(r, "dial", target="tel:%2B90%20532%20123%2045%2067")
    assert "Will dial 0532 123 45 67" in r.windows.toolbar.message.text()
    qtbot.waitUntil(lambda: bool(dials(sim)), timeout=WAIT)
    # Not before the preview ran out (a lower bound: a slow machine only makes it longer;
    # Qt's coarse timers may fire up to 5 % early).
    assert time.monotonic() - linked >= 0.4 * 0.95
    assert dials(sim) == [{"extension": DEMO_EXTENSION, "number": "05321234567"}]


def test_the_same_link_twice_in_a_row_dials_once(qtbot, rig, sim, monkeypatch):
    r = rig()
    log_in(qtbot, r)
    run(r, "dial", target="tel:+905321234567")
    run(r, "dial", target="callto://0532 123 45 67")  # the same number, another shape
    once = [{"extension": DEMO_EXTENSION, "number": "05321234567"}]
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == once


@pytest.mark.parametrize(
    "target", ["sip:alice@example.com", "tel:0532%252B", "javascript:alert(1)", "tel:;ext=5"]
)
def test_a_link_that_is_no_number_is_refused_on_the_bar(qtbot, rig, sim, monkeypatch, target):
    r = rig()
    log_in(qtbot, r)  # so that only the refusal stands between the link and a dial
    r.windows.toolbar.hide()
    run(r, "dial", target=target)
    assert r.windows.toolbar.isVisible()  # the refusal is shown, not swallowed
    assert "Cannot dial" in r.windows.toolbar.message.text()
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == []


def test_confirm_before_dial_asks_first(qtbot, rig, sim, monkeypatch):
    r = rig(confirm_before_dial=True)
    log_in(qtbot, r)
    run(r, "dial", target="tel:+905321234567")
    box = _message_box(qtbot)
    assert "0532 123 45 67" in box.text()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # never blocks the loop
    answer(qtbot, box, "Cancel")
    run(r, "dial", target="tel:+905321234567")  # cancelled: the same link may come again
    answer(qtbot, _message_box(qtbot), "Call")
    # The Call's dial, and none from the Cancel before it.
    once = [{"extension": DEMO_EXTENSION, "number": "05321234567"}]
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == once


def test_the_dial_question_shows_the_link_as_plain_text(qtbot, rig):
    """The link is outside text: the question never renders it as rich text."""
    r = rig(confirm_before_dial=True)
    log_in(qtbot, r)
    run(r, "dial", target="tel:+905321234567")
    box = _message_box(qtbot)
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert any("The link was: tel:+905321234567" in label.text() for label in labels)
    assert {label.textFormat() for label in labels} == {Qt.TextFormat.PlainText}
    _click(box, "Cancel")


def test_an_unexpected_error_in_a_command_reaches_the_runs_error_exit(
    qtbot, qloop, rig, monkeypatch
):
    """A command's task that fails reports through the loop's handler (the run logs it and
    shows the crash box) saying which command failed, not "Task exception was never
    retrieved" whenever the task happens to be freed."""
    r = rig()
    seen: list[dict[str, object]] = []
    qloop.set_exception_handler(lambda _loop, context: seen.append(context))

    async def broken() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(r.windows, "request_quit", broken)
    run(r, "quit")
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    assert isinstance(seen[0]["exception"], RuntimeError)
    assert seen[0]["message"] == "the quit command failed"  # says what failed


def test_dial_clipboard_command(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    QGuiApplication.clipboard().setText("0 (532) 123 45 67")
    run(r, "dial_clipboard")
    qtbot.waitUntil(lambda: bool(dials(sim)), timeout=WAIT)
    assert dials(sim)[0]["number"] == "05321234567"


def test_show_brings_the_bar_back(qtbot, rig):
    r = rig()
    r.windows.toolbar.hide()
    run(r, "show")
    assert r.windows.toolbar.isVisible()


def test_break_by_reason_id_and_end_break(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    reason = next(x for x in r.session.state.break_reasons if "YEMEK" in x.name)
    run(r, "break", reason=reason.id)
    qtbot.waitUntil(lambda: r.tray.mode is Mode.BREAK, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).break_id == reason.id
    run(r, "break", reason=reason.id)
    qtbot.waitUntil(lambda: "already on a break" in r.windows.toolbar.message.text(), timeout=WAIT)
    run(r, "end_break")
    qtbot.waitUntil(lambda: r.tray.mode is Mode.READY, timeout=WAIT)
    run(r, "end_break")
    assert "not on a break" in r.windows.toolbar.message.text()


def test_an_unknown_break_reason_says_which_exist(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    run(r, "break", reason="999")
    qtbot.waitUntil(
        lambda: "no break reason “999”" in r.windows.toolbar.message.text(), timeout=WAIT
    )
    assert "YEMEK MOLASI" in r.windows.toolbar.message.toolTip()
    assert not r.session.state.on_break


def test_break_loads_the_reasons_when_none_are_cached(qtbot, rig, sim):
    sim.state.agents.login(DEMO_AGENT, sim.state.now())  # logged in before this run
    r = rig(state=AgentState(logged_in=True, agent=DEMO_AGENT), start=False)
    run(r, "break", reason="2")
    qtbot.waitUntil(lambda: r.session.state.on_break is not None, timeout=WAIT)
    assert r.session.state.on_break.reason_id == "2"


def test_break_when_logged_out_is_explained(qtbot, rig):
    r = rig()
    run(r, "break", reason="2")
    qtbot.waitUntil(lambda: "not logged in" in r.windows.toolbar.message.text(), timeout=WAIT)


def test_quit_when_logged_out_quits_at_once(qtbot, rig):
    r = rig()
    run(r, "quit")
    qtbot.waitUntil(r.windows.quit_event.is_set, timeout=WAIT)


def test_quit_while_on_a_break_asks_the_same_question(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    run(r, "break", reason=r.session.state.break_reasons[0].id)
    qtbot.waitUntil(lambda: r.tray.mode is Mode.BREAK, timeout=WAIT)
    run(r, "quit")
    box = _message_box(qtbot)
    assert "You are on a break" in box.text()
    _click(box, "Quit, stay logged in")
    qtbot.waitUntil(r.windows.quit_event.is_set, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).logged_in


def test_links_the_os_hands_to_the_running_app(qtbot, rig, sim):
    r = rig()
    log_in(qtbot, r)
    r.remote.install(file_open_events=True)  # on by default on macOS only
    app = QApplication.instance()
    assert app is not None
    # macOS delivers a clicked link to the running app as a FileOpen event…
    QApplication.sendEvent(app, QFileOpenEvent(QUrl("tel:+905321234567")))
    qtbot.waitUntil(lambda: len(dials(sim)) == 1, timeout=WAIT)
    # …or through the URL handlers registered for our schemes.
    assert QDesktopServices.openUrl(QUrl("callto:+902125550101"))
    _click(_message_box(qtbot), "Call")  # a second link within seconds is asked about
    qtbot.waitUntil(lambda: len(dials(sim)) == 2, timeout=WAIT)
    assert dials(sim)[1]["number"] == "02125550101"
    r.remote.uninstall()
