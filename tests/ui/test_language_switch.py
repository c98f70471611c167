"""Switching the language in Settings rebuilds the bar in place; the session goes on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.i18n import install_translations
from agentbar.ui.panel.player import shared_player
from agentbar.ui.panel.side_panel import SidePanel
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_app import _find, _quit, _start, _write_settings
from tests.ui.test_side_panel import add_recording

WAIT = 8000


@pytest.fixture
def pinned_sim() -> Iterator[Simulator]:
    """The simulator with its clock started at a fixed time today."""
    start = datetime.combine(datetime.now().date(), datetime.min.time()).replace(hour=12)
    simulator = Simulator(api_key=KEY, port=0, clock=SimClock(start=start)).start()
    yield simulator
    simulator.stop()


def _choose_language(qtbot, code: str) -> None:
    qtbot.waitUntil(lambda: bool(_find(SettingsDialog)), timeout=WAIT)
    dialog = _find(SettingsDialog)[0]
    combo = next(
        c
        for c in dialog.findChildren(QComboBox)
        if c.findData(code) >= 0 and c.findData("system") >= 0
    )
    combo.setCurrentIndex(combo.findData(code))
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_switch_to_turkish_and_back_keeps_the_session(qtbot, qloop, sim, monkeypatch, tmp_path):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "lang"
    _write_settings(base, server_url=sim.url, agent="101", extension="1004", language="en")
    task = _start(qloop, base)
    try:
        qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
        first = _find(Toolbar)[0]
        first.login_button.click()
        qtbot.waitUntil(lambda: first.status.view.mode is Mode.READY, timeout=WAIT)
        assert first.login_button.text() == "Log out"
        position = first.pos()

        first.settings_requested.emit()
        _choose_language(qtbot, "tr")
        qtbot.waitUntil(
            lambda: bool(_find(Toolbar)) and _find(Toolbar)[0] is not first, timeout=WAIT
        )
        bar = _find(Toolbar)[0]
        assert bar.login_button.text() == "Çıkış yap"
        assert bar.status.view.mode is Mode.READY  # still logged in: the session went on
        assert bar.pos() == position
        qtbot.waitUntil(lambda: "Hazır" in bar.status.text(), timeout=WAIT)

        bar.settings_requested.emit()
        _choose_language(qtbot, "en")
        qtbot.waitUntil(lambda: _find(Toolbar)[0] is not bar, timeout=WAIT)
        again = _find(Toolbar)[0]
        assert again.login_button.text() == "Log out"
        _quit(qtbot, task, again, "stay logged in")
    finally:
        install_translations("en")
        assert QApplication.instance() is not None


def test_a_language_switch_keeps_the_panel_the_selection_the_playback_and_the_typed_number(
    qtbot, qloop, pinned_sim, monkeypatch, tmp_path
):
    """Issue 14, item 12: the rebuilt bar and panel show what the agent had, the recording
    plays on, and the half-typed number is still in the dial field."""
    sim = pinned_sim
    file = add_recording(sim, "wav", minutes_ago=5)
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "keep"
    _write_settings(
        base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION, language="en"
    )
    task = _start(qloop, base)
    player = shared_player()
    try:
        qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
        bar = _find(Toolbar)[0]
        qtbot.mouseClick(bar.panel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(_find(SidePanel)), timeout=WAIT)
        panel = _find(SidePanel)[0]
        qtbot.waitUntil(
            lambda: (
                panel.recordings.proxy.index_of_file(file).isValid()
                and len(panel.history.model.entries) > 2
            ),
            timeout=WAIT,
        )
        # Play the recording: click its row, press Space.
        view = panel.recordings.view
        index = panel.recordings.proxy.index_of_file(file)
        view.scrollTo(index)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        qtbot.keyClick(view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: player.playing, timeout=WAIT)
        source = player.source
        # The History tab (Ctrl+2), its third row selected by a click.
        qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert panel.tabs.currentWidget() is panel.history
        hview = panel.history.view
        third = panel.history.proxy.index(2, 1)
        qtbot.mouseClick(
            hview.viewport(), Qt.MouseButton.LeftButton, pos=hview.visualRect(third).center()
        )
        chosen = panel.history.selected_entry()
        assert chosen is not None
        panel.move(panel.x() - 40, panel.y() + 30)  # the agent moved the panel
        place = panel.pos()
        qtbot.keyClicks(bar.dial_field, "0532 123")

        qtbot.mouseClick(bar.menu_button, Qt.MouseButton.LeftButton)  # the menu: Settings…
        menu = bar.menu_button.menu()
        qtbot.waitUntil(menu.isVisible, timeout=WAIT)
        qtbot.keyClick(menu, Qt.Key.Key_S)
        _choose_language(qtbot, "tr")
        qtbot.waitUntil(lambda: _find(Toolbar) and _find(Toolbar)[0] is not bar, timeout=WAIT)
        new_bar = _find(Toolbar)[0]
        qtbot.waitUntil(lambda: _find(SidePanel) and _find(SidePanel)[0] is not panel, timeout=WAIT)
        new = _find(SidePanel)[0]
        assert new.windowTitle().startswith("AgentBar — ") and new.tabs.tabText(0) != "Recordings"
        assert new.pos() == place
        assert new.tabs.currentWidget() is new.history
        assert new.history.selected_entry() == chosen
        assert new.recordings.bound is not None and new.recordings.bound.file == file
        assert player.source == source and player.playing  # it plays on
        assert new.recordings.player_bar.play_button.text().replace("&", "") == "Duraklat"
        assert new_bar.dial_field.text() == "0532 123"
        assert not any(r.module == "callRecords" for r in list(sim.requests)[-2:])
        player.stop()
        _quit(qtbot, task, new_bar)
    finally:
        player.stop()
        install_translations("en")
