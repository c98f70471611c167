"""The whole program, in-process (startup/runner.run) and as `agentbar --demo --screenshot`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from agentbar.app import build_parser
from agentbar.core.credentials import account_for
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.core.settings import load_settings
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.startup.runner import run
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY

WAIT = 8000


def _find(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _start(qloop, base: Path, *argv: str):
    args = build_parser().parse_args(["--basedir", str(base), *argv])
    return qloop.create_task(run(args, Paths.under(base), RedactingFilter()))


def _write_settings(base: Path, **values: object) -> None:
    paths = Paths.under(base)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps(values))


def _quit(qtbot, task, toolbar: Toolbar, button_text: str | None = None) -> None:
    toolbar.quit_requested.emit()
    if button_text is not None:
        qtbot.waitUntil(lambda: bool(_find(QMessageBox)), timeout=WAIT)
        box = _find(QMessageBox)[0]
        button = next(b for b in box.buttons() if button_text in b.text().replace("&", ""))
        button.click()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0


def _scan_for(base: Path, secret: str) -> list[str]:
    hits = []
    for path in base.rglob("*"):
        if path.is_file() and secret.encode() in path.read_bytes():
            hits.append(str(path))
    return hits


def _fill_dialog(qtbot, dialog: SettingsDialog, url: str, key: str) -> None:
    edits = {e.accessibleName(): e for e in dialog.findChildren(QLineEdit)}

    def set_text(name_part: str, text: str) -> None:
        edit = next(e for n, e in edits.items() if name_part.lower() in n.lower())
        edit.setText(text)

    set_text("server", url)
    set_text("key", key)
    set_text("agent", DEMO_AGENT)
    set_text("extension", DEMO_EXTENSION)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(ok.isEnabled, timeout=WAIT)
    ok.click()


def test_first_run_opens_settings_then_works(qtbot, qloop, sim, memory_keyring, tmp_path):
    base = tmp_path / "first"
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(SettingsDialog)), timeout=WAIT)
    _fill_dialog(qtbot, _find(SettingsDialog)[0], sim.url, KEY)
    toolbar = _find(Toolbar)[0]
    qtbot.waitUntil(lambda: toolbar.login_button.isEnabled(), timeout=WAIT)
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    # The key went to the keyring, and nowhere on disk.
    assert KEY in memory_keyring.passwords.values()
    saved = load_settings(Paths.under(base)).settings
    assert saved.server_url == sim.url and saved.agent == DEMO_AGENT
    _quit(qtbot, task, toolbar, "Log out and quit")
    assert not sim.state.agents.get(DEMO_AGENT).logged_in
    assert _scan_for(base, KEY) == []


def test_key_from_keyring_and_quit_staying_logged_in(qtbot, qloop, sim, memory_keyring, tmp_path):
    base = tmp_path / "again"
    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    keyring.set_password("AgentBar", account_for(sim.url), KEY)
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    toolbar = _find(Toolbar)[0]
    assert not _find(SettingsDialog)
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    _quit(qtbot, task, toolbar, "stay logged in")
    assert sim.state.agents.get(DEMO_AGENT).logged_in


def test_the_bar_shows_before_a_slow_keyring_and_an_early_click_waits_for_the_key(
    qtbot, qloop, sim, memory_keyring, tmp_path
):
    """The keyring (a D-Bus round trip, often slower) is read once the bar is up; a Log in
    clicked meanwhile waits at the client gate, then goes out with the key, not without it."""
    base = tmp_path / "slow-keyring"
    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    keyring.set_password("AgentBar", account_for(sim.url), KEY)
    answer = threading.Event()
    fast_get = memory_keyring.get_password

    def slow_get(service: str, username: str) -> str | None:
        answer.wait(10)
        found: str | None = fast_get(service, username)
        return found

    memory_keyring.get_password = slow_get
    task = _start(qloop, base)
    try:
        qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
        toolbar = _find(Toolbar)[0]
        assert not answer.is_set()  # shown while the keyring has not answered
        _click_and_see_it_wait(qtbot, toolbar)
    finally:
        answer.set()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    # One login, made with the key: one sent keyless meanwhile would be in the log, refused.
    assert [q.module for q in list(sim.requests)].count("loginAgent") == 1
    assert not _find(SettingsDialog)
    _quit(qtbot, task, toolbar, "stay logged in")


def _click_and_see_it_wait(qtbot, toolbar: Toolbar) -> None:
    """Click Log in before the gate opens and see it wait, shown as busy and with no error
    (busy is counted in the login's first step, which goes on to the gate)."""
    assert toolbar.cursor().shape() != Qt.CursorShape.BusyCursor
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.cursor().shape() == Qt.CursorShape.BusyCursor, timeout=WAIT)
    assert toolbar.message.text().strip() == ""  # no error: waiting


def _hold_the_http_client(base, sim, monkeypatch) -> threading.Event:
    """A configured desk (settings, key in the keyring) whose run's HTTP client is made only
    once the returned event is set."""
    from agentbar.ui.startup import runner

    _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
    keyring.set_password("AgentBar", account_for(sim.url), KEY)
    made = threading.Event()
    real = runner._new_http_client

    def slow_client(*args):
        made.wait(10)
        return real(*args)

    monkeypatch.setattr(runner, "_new_http_client", slow_client)
    return made


def test_the_bar_shows_before_the_http_client_and_a_click_waits_for_it(
    qtbot, qloop, sim, memory_keyring, monkeypatch, tmp_path
):
    """httpx, the API client and the TLS context load once the bar is painted: the bar shows
    from the saved settings first, and a Log in clicked meanwhile goes out once they are there."""
    base = tmp_path / "slow-client"
    made = _hold_the_http_client(base, sim, monkeypatch)
    task = _start(qloop, base)
    try:
        qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
        toolbar = _find(Toolbar)[0]
        _click_and_see_it_wait(qtbot, toolbar)
        assert not made.is_set() and not task.done()
        assert toolbar.status.view.mode is not Mode.OFFLINE  # waiting, no error shown
    finally:
        made.set()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).logged_in
    assert [q.module for q in list(sim.requests)].count("loginAgent") == 1
    _quit(qtbot, task, toolbar, "stay logged in")


def test_the_panel_opened_before_the_http_client_loads_once_it_is_there(
    qtbot, qloop, sim, memory_keyring, monkeypatch, tmp_path
):
    """The bar and the panel wait at the same client gate: the panel opened (Panel button)
    before the HTTP client is made shows "loading", sends nothing, then loads."""
    from agentbar.ui.panel.side_panel import SidePanel

    base = tmp_path / "slow-panel"
    made = _hold_the_http_client(base, sim, monkeypatch)
    task = _start(qloop, base)
    try:
        qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
        toolbar = _find(Toolbar)[0]
        qtbot.mouseClick(toolbar.panel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(_find(SidePanel)), timeout=WAIT)
        panel = _find(SidePanel)[0]
        refresh = panel.recordings.refresh_button
        qtbot.waitUntil(lambda: not refresh.isEnabled(), timeout=WAIT)  # busy, at the gate
        assert not made.is_set() and list(sim.requests) == []  # nothing went out keyless
    finally:
        made.set()
    panel_modules = {"soundRecords", "callRecords", "listQueue"}
    qtbot.waitUntil(lambda: panel_modules <= {q.module for q in list(sim.requests)}, timeout=WAIT)
    qtbot.waitUntil(refresh.isEnabled, timeout=WAIT)
    assert panel.message.text().strip() == ""  # no error: the loads waited, then went out
    _quit(qtbot, task, toolbar)


def test_the_gui_modules_load_without_httpx():
    """What the bar is painted from does not import httpx, nor the API's row models and the
    history: each is a visible part of the start-up (bench/startup.py); they load after the
    paint."""
    code = (
        "import sys\n"
        "import agentbar.app, agentbar.core.logsetup\n"
        "import agentbar.ui.startup.start_data, agentbar.ui.startup.runner\n"
        "later = ('httpx', 'httpcore', 'agentbar.api.models', 'agentbar.core.history')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in later or m in later))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=True,
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_corrupt_settings_are_kept_aside_with_a_message(qtbot, qloop, sim, monkeypatch, tmp_path):
    base = tmp_path / "corrupt"
    paths = Paths.under(base)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_bytes(b'{"server_url": "http://x/api/", ')
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    task = _start(qloop, base, "--url", sim.url, "--agent", DEMO_AGENT, "--extension", "1004")
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    toolbar = _find(Toolbar)[0]
    qtbot.waitUntil(lambda: "settings" in toolbar.message.text().lower(), timeout=WAIT)
    assert list(paths.config_dir.glob("settings.json.corrupt-*"))
    _quit(qtbot, task, toolbar)


def test_no_keyring_backend_keeps_the_key_in_memory_only(qtbot, qloop, sim, tmp_path):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        base = tmp_path / "nokeyring"
        _write_settings(base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION)
        task = _start(qloop, base)
        qtbot.waitUntil(lambda: bool(_find(SettingsDialog)), timeout=WAIT)
        dialog = _find(SettingsDialog)[0]
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "keyring" in labels.lower()
        _fill_dialog(qtbot, dialog, sim.url, KEY)
        toolbar = _find(Toolbar)[0]
        qtbot.waitUntil(lambda: "memory" in toolbar.message.text().lower(), timeout=WAIT)
        toolbar.login_button.click()
        qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
        _quit(qtbot, task, toolbar, "stay logged in")
        assert _scan_for(base, KEY) == []
    finally:
        keyring.set_keyring(previous)


def test_incoming_call_notifies_and_opens_screen_pop(qtbot, qloop, sim, monkeypatch, tmp_path):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "pop"
    _write_settings(
        base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION,
        poll_interval_s=0.5, screen_pop_url="https://crm.example/search?phone={phone}",
    )  # fmt: skip
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    toolbar = _find(Toolbar)[0]
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    sim.inject_incoming_call(DEMO_EXTENSION, "02125551234", "Ali Veli", ring_s=0.2, talk_s=60)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    assert opened == ["https://crm.example/search?phone=02125551234"]
    # Without a tray the notification lands on the bar.
    qtbot.waitUntil(lambda: "Incoming call" in toolbar.message.text(), timeout=WAIT)
    _quit(qtbot, task, toolbar, "stay logged in")


def test_position_is_remembered_per_screen_and_brought_back(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "pos"
    screen = QApplication.primaryScreen()
    _write_settings(
        base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION,
        toolbar_positions={"gone-screen": [5000, 5000], screen.name(): [40, 30]},
    )  # fmt: skip
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    toolbar = _find(Toolbar)[0]
    assert (toolbar.x(), toolbar.y()) == (40, 30)
    toolbar.move(70, 50)
    qtbot.waitUntil(
        lambda: (
            load_settings(Paths.under(base)).settings.toolbar_positions.get(screen.name())
            == (70, 50)
        ),
        timeout=WAIT,
    )
    _quit(qtbot, task, toolbar)


def test_position_on_a_missing_screen_comes_back_on_screen(qtbot, make_session):
    toolbar = Toolbar(make_session(start=False))
    qtbot.addWidget(toolbar)
    toolbar.place({"gone-screen": (5000, 5000)})
    area = QApplication.primaryScreen().availableGeometry()
    assert area.contains(toolbar.geometry().topLeft())


@pytest.mark.parametrize("platform", ["offscreen"])
def test_demo_screenshot_from_the_command_line(tmp_path, platform):
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    result = subprocess.run(
        [sys.executable, "-m", "agentbar", "--demo", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 2000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.name == "posix":  # a caller's number may be on it: private, as every file we write
        assert stat.S_IMODE(shot.stat().st_mode) == 0o600
