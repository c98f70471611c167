"""One language at a time (issue 14, item 11): every sentence the bar builds is in the UI
language, a library's English words stay in the log, the server's own words are marked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.i18n import install_translations
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_app import _find, _quit, _start, _write_settings

WAIT = 8000
START = datetime(2026, 11, 16, 9, 30)
ENGLISH = re.compile(r"\b(the|server|failed|connection|attempts|cannot|connect)\b", re.I)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(api_key=KEY, port=0, clock=SimClock(start=START)).start()
    yield simulator
    simulator.stop()


def _bar(qtbot) -> Toolbar:
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    bar: Toolbar = _find(Toolbar)[0]
    return bar


def _run(qloop, tmp_path, sim, monkeypatch, language: str, **settings: str):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / language
    values = {"agent": DEMO_AGENT, "extension": DEMO_EXTENSION, **settings}
    _write_settings(base, server_url=sim.url, language=language, **values)
    return _start(qloop, base)


def test_turkish_bar_shows_a_network_failure_without_httpx_english(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    sim.set_down(True)
    task = _run(qloop, tmp_path, sim, monkeypatch, "tr")
    try:
        bar = _bar(qtbot)
        # Logged out, the bar does not poll (issue 17): the outage shows at the first action.
        qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Sunucuya bağlanılamıyor." in bar.message.text(), timeout=WAIT)
        assert "Bağlantı yok" in bar.status.text()  # the offline pill, in Turkish too
        text = bar.message.text()
        assert "Sunucuya bağlanılamıyor." in text
        assert "All connection attempts failed" not in text
        assert ENGLISH.search(text) is None, text
        assert ENGLISH.search(bar.message.toolTip()) is None
        _quit(qtbot, task, bar)
    finally:
        install_translations("en")


def test_the_servers_own_words_are_marked_as_the_servers(qtbot, qloop, sim, monkeypatch, tmp_path):
    task = _run(qloop, tmp_path, sim, monkeypatch, "en")
    try:
        bar = _bar(qtbot)
        qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
        # Our sentence in English, then the server's (Turkish) words, marked as the server's.
        qtbot.waitUntil(lambda: "Logged in." in bar.message.text(), timeout=WAIT)
        assert bar.message.text().endswith("Logged in. Server: “Giriş yapıldı.”")
        _quit(qtbot, task, bar, "stay logged in")
    finally:
        install_translations("en")


def test_a_server_refusal_in_turkish_is_our_sentence_plus_the_servers_words(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    task = _run(qloop, tmp_path, sim, monkeypatch, "tr", extension="7999")
    try:
        bar = _bar(qtbot)
        qtbot.waitUntil(bar.login_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.status.view.mode is Mode.READY, timeout=WAIT)
        qtbot.waitUntil(lambda: "Giriş yapıldı." in bar.message.text(), timeout=WAIT)
        assert bar.message.text().endswith("Giriş yapıldı. Sunucu: “Giriş yapıldı.”")
        bar.dial_field.setFocus()
        qtbot.keyClicks(bar.dial_field, "0532 123 45 67")
        qtbot.keyClick(bar.dial_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Sunucu: “Dahili bulunamadı.”" in bar.message.text(), timeout=WAIT)
        text = bar.message.text()
        assert "başarısız" in text
        assert ENGLISH.search(text) is None, text
        _quit(qtbot, task, bar, "Kapat, girişte kal")
    finally:
        install_translations("en")


def test_a_settings_note_in_turkish_leaves_its_english_details_to_the_log(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    task = _run(qloop, tmp_path, sim, monkeypatch, "tr", poll_interval_s="fast")
    try:
        bar = _bar(qtbot)
        qtbot.waitUntil(lambda: "günlükte" in bar.message.text(), timeout=WAIT)
        text = bar.message.text()
        assert "AgentBar, ayarlarında ya da kayıtlı verilerinde bir sorun buldu." in text
        assert "ignored" not in text and "must be" not in text
        assert ENGLISH.search(text) is None, text
        _quit(qtbot, task, bar)
    finally:
        install_translations("en")


def test_disk_errors_and_core_notes_in_the_ui_language(qapp, tmp_path):
    import errno

    from agentbar.ui.messages import core_message, os_error_text

    note = (
        'Settings file (/x/settings.json): ignored "poll_interval_s" because it must be a number.'
    )
    assert core_message(note) == note  # English UI: shown as it is
    install_translations("tr", tmp_path)
    try:
        assert os_error_text(OSError(errno.ENOSPC, "No space left on device")) == "disk dolu"
        assert "günlükte" in os_error_text(OSError(errno.EIO, "Input/output error"))
        assert ENGLISH.search(core_message(note)) is None
    finally:
        install_translations("en")
