"""``--url``, ``--agent`` and ``--extension`` are for one run: no later save writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agentbar.app import build_parser
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.runner import run
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY
from tests.ui.test_tray import _click, _message_box

WAIT = 8000
REAL_SERVER = "https://pbx.example.com/api/"


def _toolbar() -> Toolbar | None:
    bars = [w for w in QApplication.topLevelWidgets() if isinstance(w, Toolbar) and w.isVisible()]
    return bars[0] if bars else None


def test_overrides_never_reach_the_settings_file(qtbot, qloop, sim, monkeypatch, tmp_path):
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "runonly"
    paths = Paths.under(base)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(
        json.dumps({"server_url": REAL_SERVER, "agent": "2001", "extension": "3001"})
    )
    argv = ["--basedir", str(base), "--url", sim.url, "--agent", DEMO_AGENT]
    argv += ["--extension", DEMO_EXTENSION]
    task = qloop.create_task(run(build_parser().parse_args(argv), paths, RedactingFilter()))
    qtbot.waitUntil(lambda: _toolbar() is not None, timeout=WAIT)
    toolbar = _toolbar()
    assert toolbar is not None
    qtbot.waitUntil(lambda: toolbar.login_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
    # A dial from the bar saves the recent number: the whole settings are written.
    qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
    qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)

    def saved() -> dict[str, Any]:
        data: dict[str, Any] = json.loads(Path(paths.settings_file).read_text())
        return data

    qtbot.waitUntil(lambda: "05321234567" in saved().get("recent_numbers", []), timeout=WAIT)
    data = saved()
    assert data["server_url"] == REAL_SERVER
    assert (data["agent"], data["extension"]) == ("2001", "3001")
    assert sim.url not in json.dumps(data)
    toolbar.quit_requested.emit()
    _click(_message_box(qtbot), "Quit, stay logged in")
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0
