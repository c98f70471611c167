"""Switching the language in Settings rebuilds the bar in place; the session goes on."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.i18n import install_translations
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_app import _find, _quit, _start, _write_settings

WAIT = 8000


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
