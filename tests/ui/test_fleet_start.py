"""A desk set up by IT: the key from the administrator's command, settings locked by policy."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from agentbar.app import build_parser
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.startup.runner import run
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY

WAIT = 8000


def _find(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _named(parent, name, cls):
    return next(w for w in parent.findChildren(cls) if w.accessibleName() == name)


def test_the_administrators_key_command_logs_in_and_the_key_is_never_stored(
    qtbot, qloop, sim, memory_keyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("AGENTBAR_API_KEY", raising=False)
    base = tmp_path / "desk"
    machine = base / "machine"
    machine.mkdir(parents=True)
    key_file = tmp_path / "api-key"  # like /etc/agentbar/api-key, root:agentbar 0640
    key_file.write_text(KEY + "\n")
    command = [sys.executable, "-c", "import sys; print(open(sys.argv[1]).read())", str(key_file)]
    defaults = {"api_key_command": command, "agent": DEMO_AGENT, "extension": DEMO_EXTENSION}
    (machine / "defaults.json").write_text(json.dumps(defaults))
    (machine / "policy.json").write_text(json.dumps({"server_url": sim.url, "wire": "json"}))
    args = build_parser().parse_args(["--basedir", str(base)])
    task = qloop.create_task(run(args, Paths.under(base), RedactingFilter()))
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT)
    toolbar = _find(Toolbar)[0]
    assert not _find(SettingsDialog)  # nothing to fill in: IT delivered it all
    qtbot.waitUntil(toolbar.login_button.isEnabled, timeout=WAIT)
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    assert sim.state.agents.get(DEMO_AGENT).logged_in

    settings_action = next(a for a in toolbar.actions() if a.text() == "&Settings…")
    settings_action.trigger()
    qtbot.waitUntil(lambda: bool(_find(SettingsDialog)), timeout=WAIT)
    dialog = _find(SettingsDialog)[0]
    source = _named(dialog, "Where the API key comes from", QLabel)
    assert source.isVisible() and "key command" in source.text()
    assert _named(dialog, "API key", QLineEdit).text() == ""  # never shown
    assert not _named(dialog, "Server URL", QLineEdit).isEnabled()
    assert not _named(dialog, "Wire format", QComboBox).isEnabled()
    box = dialog.findChild(QDialogButtonBox)
    # Applying the settings is the dialog's last step, after the key was kept or stored.
    with qtbot.waitSignal(toolbar.session.settings_changed, timeout=WAIT):
        box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not _find(SettingsDialog)
    # Still working with the administrator's key, and it went nowhere.
    assert toolbar.session.gate.key == KEY
    assert toolbar.status.view.mode is Mode.READY
    assert memory_keyring.passwords == {}
    toolbar.quit_requested.emit()
    qtbot.waitUntil(lambda: bool(_find(QMessageBox)), timeout=WAIT)
    box = _find(QMessageBox)[0]
    next(b for b in box.buttons() if "stay" in b.text().replace("&", "")).click()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0
    hits = [p for p in base.rglob("*") if p.is_file() and KEY.encode() in p.read_bytes()]
    assert hits == []
