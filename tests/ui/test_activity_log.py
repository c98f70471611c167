"""The activity log IT reads (issue 14, item 15): one line per action and state change,
numbers masked, no key; "Copy diagnostics" and "Open log folder" in the bar's menu and tray."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu

from agentbar.core.break_reasons import menu_numbers
from agentbar.core.logsetup import setup_logging
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.state_view import Mode
from agentbar.ui.tray import Tray, TrayActions
from tests.ui.conftest import KEY
from tests.ui.test_app import _find, _quit, _start, _write_settings

WAIT = 8000
START = datetime(2026, 11, 16, 9, 30)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(api_key=KEY, port=0, clock=SimClock(start=START)).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def log_to(tmp_path) -> Iterator[Paths]:
    """A run whose log goes to a file, as app.py sets it up (the root logger restored after)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    paths = Paths.under(tmp_path / "base")
    paths.ensure()
    setup_logging(paths.log_file, stderr=False)
    yield paths
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _activity(paths: Paths) -> list[str]:
    lines = paths.log_file.read_text(encoding="utf-8").splitlines()
    return [
        line.split("agentbar.activity: ", 1)[1] for line in lines if "agentbar.activity" in line
    ]


def _menu_item(qtbot, bar: Toolbar, key: Qt.Key) -> None:
    """Open the bar's menu with the mouse and pick an item by its underlined letter."""
    qtbot.mouseClick(bar.menu_button, Qt.MouseButton.LeftButton)
    menu = bar.menu_button.menu()
    qtbot.waitUntil(menu.isVisible, timeout=WAIT)
    qtbot.keyClick(menu, key)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=WAIT)


def test_a_shift_in_the_activity_log_and_the_diagnostics(qtbot, qloop, sim, log_to, monkeypatch):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    base = log_to.config_dir.parent
    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    bar = _find(Toolbar)[0]
    qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)

    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(bar.session.state.break_reasons), timeout=WAIT)
    qtbot.mouseClick(bar.break_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(bar.break_menu.isVisible, timeout=WAIT)
    first = menu_numbers(bar.session.state.break_reasons)[0]  # the number the menu shows
    qtbot.keyClick(bar.break_menu, first)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.BREAK, timeout=WAIT)
    qtbot.mouseClick(bar.break_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)

    qtbot.keyClicks(bar.dial_field, "0532 123 45 67")
    qtbot.keyClick(bar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.CALL, timeout=WAIT)
    refused = sum(r.module == "redirect" for r in sim.requests)
    for target in ("7999", "1005"):  # an unknown extension first: the server refuses
        qtbot.mouseClick(bar.transfer_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(bar.transfer_field, target)
        qtbot.keyClick(bar.transfer_field, Qt.Key.Key_Return)
        # The answer to this transfer before the next one (busy may not have begun yet).
        refused += 1
        qtbot.waitUntil(
            lambda n=refused: (
                sum(r.module == "redirect" for r in sim.requests) >= n and not bar.session.busy
            ),
            timeout=WAIT,
        )
        if target == "7999":
            qtbot.waitUntil(lambda: "Dahili bulunamadı" in bar.message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    bar.dial_field.clear()
    qtbot.keyClicks(bar.dial_field, "0212 555 01 01")
    qtbot.keyClick(bar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.CALL, timeout=WAIT)
    qtbot.mouseClick(bar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)

    sim.set_down(True)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.OFFLINE, timeout=WAIT)
    sim.set_down(False)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.LOGGED_OUT, timeout=WAIT)

    lines = _activity(log_to)
    assert lines[0].startswith("start: AgentBar ")
    assert lines[1].startswith("settings: ") and f"agent='{DEMO_AGENT}'" in lines[1]
    actions = [line for line in lines[2:] if not line.startswith("settings")]
    expected = [
        f"login: agent {DEMO_AGENT} at extension {DEMO_EXTENSION}",
        'break start: reason "',
        'break end: reason "',
        "dial: •••••••4567",
        'server refused: redirect: "',
        "transfer: to 1005",
        "dial: •••••••0101",
        "hang-up: call with •••••••0101",
        'outage start: server unreachable: "Cannot connect to the server. (',
        "outage end: the server answers again after ",
        f"logout: agent {DEMO_AGENT}",
    ]
    assert len(actions) == len(expected), actions
    for line, start in zip(actions, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert "Dahili bulunamadı." in actions[4]
    text = log_to.log_file.read_text(encoding="utf-8")
    assert KEY not in text
    assert "05321234567" not in text and "5321234567" not in text

    QGuiApplication.clipboard().clear()
    _menu_item(qtbot, bar, Qt.Key.Key_D)  # Copy &diagnostics
    qtbot.waitUntil(lambda: "log lines:" in QGuiApplication.clipboard().text(), timeout=WAIT)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("start: AgentBar ")
    assert f"server_url='{sim.url}'" in copied
    assert f"logout: agent {DEMO_AGENT}" in copied
    assert KEY not in copied
    assert "Diagnostics copied" in bar.message.text()

    _menu_item(qtbot, bar, Qt.Key.Key_L)  # Open &log folder
    assert [u.toLocalFile() for u in opened] == [str(log_to.log_dir)]

    _quit(qtbot, task, bar)


def test_full_numbers_when_the_setting_says_so(qtbot, qloop, sim, log_to, monkeypatch):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = log_to.config_dir.parent
    _write_settings(
        base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION,
        log_full_numbers=True,
    )  # fmt: skip
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    bar = _find(Toolbar)[0]
    qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
    qtbot.keyClicks(bar.dial_field, "0532 123 45 67")
    qtbot.keyClick(bar.dial_field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(line.startswith("dial") for line in _activity(log_to)), timeout=WAIT
    )
    assert "dial: 05321234567" in _activity(log_to)
    _quit(qtbot, task, bar, "stay logged in")


def test_the_tray_menu_offers_diagnostics_and_the_log_folder(qtbot, make_session, paths):
    calls: list[str] = []
    tray = Tray(make_session(start=False))
    tray.bind(
        TrayActions(
            toggle_toolbar=lambda: None,
            toolbar_visible=lambda: True,
            dial_clipboard=lambda: None,
            settings=lambda: None,
            quit=lambda: None,
            copy_diagnostics=lambda: calls.append("diagnostics"),
            open_log_folder=lambda: calls.append("folder"),
        )
    )
    tray.rebuild_menu()
    names = {a.objectName(): a for a in tray.menu.actions()}
    assert names["trayDiagnostics"].text() == "Copy &diagnostics"
    names["trayDiagnostics"].trigger()
    names["trayLogFolder"].trigger()
    assert calls == ["diagnostics", "folder"]
    assert isinstance(tray.menu, QMenu)
    tray.close()
