"""The whole program, as an apt upgrade meets it on Linux: the bundle's program is replaced
under the running bar (dpkg renames the new file over the old one). The bar says so, waits
while a call is shown or a number is typed, then quits the orderly way, staying logged in, and
asks for a restart; agentbar.app replaces the process with the new program. A frozen build is
stood in for: ``sys.frozen`` and the program's path are injected (ui/startup/runner.py)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from agentbar import app
from agentbar.app import build_parser
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.desktop.single_instance import claim
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.startup import runner
from agentbar.ui.startup.runner import RESTART_ASKED, run
from agentbar.ui.startup.update_restart import NOTE_KEY, UpdateRestart, restart_blocker
from agentbar.ui.state_view import Mode
from tests.ui.conftest import KEY

WAIT = 8000
FAST = 20  # ms between checks


def test_the_restart_waits_for_each_kind_of_activity() -> None:
    idle = dict(in_call=False, dialling=False, acting=False, dialog_open=False, typing=False)
    assert restart_blocker(**idle) == ""
    for busy in idle:
        assert restart_blocker(**{**idle, busy: True}), busy


def _shown(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _checks(qtbot, restart: UpdateRestart, times: int = 3) -> list[str]:
    """The blockers of the next ``times`` idle checks (waited on, not slept)."""
    seen: list[str] = []
    for _ in range(times):
        with qtbot.waitSignal(restart.checked, timeout=WAIT) as blocker:
            pass
        seen.append(blocker.args[0])
    return seen


def test_an_upgraded_bar_restarts_itself_once_no_call_is_active(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    base = tmp_path / "upgrade"
    paths = Paths.under(base)
    paths.ensure()
    paths.settings_file.write_text(json.dumps({"server_url": sim.url}))
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    program = tmp_path / "opt" / "agentbar"
    program.parent.mkdir()
    program.write_bytes(b"AgentBar 1.0")
    restarts: list[UpdateRestart] = []
    real = runner._restart_after_update

    def as_a_bundle(claim_, windows, args):
        result = real(
            claim_,
            windows,
            args,
            frozen=True,
            executable=str(program),
            platform="linux",
            interval_ms=FAST,
            check_every_ms=FAST,
        )
        if result is not None:
            restarts.append(result)
        return result

    monkeypatch.setattr(runner, "_restart_after_update", as_a_bundle)
    held = claim(paths.state_dir)
    assert held is not None
    argv = ["--basedir", str(base), "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION]
    try:
        args = build_parser().parse_args(argv)
        task = qloop.create_task(run(args, paths, RedactingFilter(), claim=held))
        qtbot.waitUntil(lambda: bool(restarts), timeout=WAIT)
        [restart] = restarts
        toolbar = restart._toolbar()
        session = toolbar.session
        qtbot.waitUntil(toolbar.login_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(toolbar.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT)
        qtbot.waitUntil(lambda: not session.busy, timeout=WAIT)  # the break reasons loaded
        toolbar.dial_field.setFocus()
        qtbot.keyClicks(toolbar.dial_field, "0532 123 45 67")
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: session.call is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: not session.busy and not session.dialling, timeout=WAIT)

        # apt installs the new version: dpkg renames the new program over the running one.
        new = program.with_name("agentbar.dpkg-new")
        new.write_bytes(b"AgentBar 1.1")
        with qtbot.waitSignal(restart.watcher.replaced, timeout=WAIT):
            os.replace(new, program)
        text = "AgentBar was updated. It restarts by itself when no call is active."
        assert toolbar.notes.notes()[NOTE_KEY] == text
        assert toolbar.notes.isVisible()
        assert _checks(qtbot, restart) == ["a call is shown"] * 3  # never during a call
        assert not task.done() and not restart.asked

        # The agent starts typing the next number, then the call ends: still no restart.
        toolbar.dial_field.setFocus()
        qtbot.keyClicks(toolbar.dial_field, "0212")
        qtbot.keyClick(toolbar, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # hang up
        qtbot.waitUntil(lambda: session.call is None and not session.busy, timeout=WAIT)
        assert _checks(qtbot, restart)[-1] == "a number is being typed"
        assert not task.done()

        # The agent opens the settings (Ctrl+,): no restart under an open dialog either.
        toolbar.raise_()
        toolbar.activateWindow()
        qtbot.waitUntil(toolbar.isActiveWindow, timeout=WAIT)
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(_shown(SettingsDialog)), timeout=WAIT)
        assert _checks(qtbot, restart)[-1] == "a dialog or question is open"
        [dialog] = _shown(SettingsDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancelled
        qtbot.waitUntil(lambda: not _shown(SettingsDialog), timeout=WAIT)
        assert _checks(qtbot, restart)[-1] == "a number is being typed"
        assert not task.done()

        # The field cleared: the bar restarts, the orderly way.
        toolbar.dial_field.setFocus()
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(toolbar.dial_field, Qt.Key.Key_Delete)
        assert toolbar.dial_field.text() == ""
        qtbot.waitUntil(task.done, timeout=WAIT)
        assert task.result() == RESTART_ASKED
        assert restart.asked
        # No "log out first?" question: still logged in, for the restarted bar to resume.
        assert not _shown(QMessageBox)
        assert sim.state.agents.get(DEMO_AGENT).logged_in
        assert json.loads(paths.state_file.read_text())["logged_in"] is True
    finally:
        held.give_up()

    # What agentbar.app then runs: the same program and lasting arguments.
    execs: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(sys, "executable", str(program))
    assert app._restart(args, lambda path, arguments: execs.append((path, list(arguments)))) == 0
    assert execs == [(str(program), [str(program), *argv])]


def test_the_demo_a_second_launch_and_a_source_run_do_not_watch(qapp, tmp_path: Path) -> None:
    program = tmp_path / "agentbar"
    program.write_bytes(b"AgentBar")
    bundle = dict(frozen=True, executable=str(program), platform="linux")
    demo = build_parser().parse_args(["--demo"])
    assert runner._restart_after_update(object(), None, demo, **bundle) is None  # type: ignore[arg-type]
    args = build_parser().parse_args(["--basedir", str(tmp_path)])
    assert runner._restart_after_update(None, None, args, **bundle) is None  # type: ignore[arg-type]
    source = {**bundle, "frozen": False}
    assert runner._restart_after_update(object(), None, args, **source) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("one_shot", [["tel:+902121234567"], ["--dial-clipboard"]])
def test_main_replaces_the_process_after_the_run_without_one_shot_commands(
    monkeypatch, tmp_path: Path, one_shot: list[str]
) -> None:
    """app.main: the restart comes after the run, once the single-instance claim is released;
    the run's lasting arguments go on, a link or command given to this launch does not."""
    base = tmp_path / "base"
    paths = Paths.under(base)
    argv = ["--basedir", str(base), "--url", "https://pbx.example/api/"]
    claims_free: list[bool] = []
    execs: list[tuple[str, list[str]]] = []

    def exec_program(path: str, arguments: Sequence[str]) -> None:
        again = claim(paths.state_dir)  # the new bar can be the single instance
        claims_free.append(again is not None)
        if again is not None:
            again.give_up()
        execs.append((path, list(arguments)))

    monkeypatch.setattr(app, "_run_qt", lambda *a: RESTART_ASKED)
    monkeypatch.setattr("agentbar.core.logsetup.setup_logging", lambda *a, **k: RedactingFilter())
    monkeypatch.setattr(sys, "executable", "/opt/agentbar/agentbar")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv("PYINSTALLER_RESET_ENVIRONMENT", raising=False)
    assert app.main([*argv, *one_shot], exec_program=exec_program) == 0
    assert execs == [("/opt/agentbar/agentbar", ["/opt/agentbar/agentbar", *argv])]
    assert claims_free == [True]
    assert os.environ["PYINSTALLER_RESET_ENVIRONMENT"] == "1"  # a new bundle start, not a child

    def failing(path: str, arguments: Sequence[str]) -> None:
        raise FileNotFoundError(path)  # the package was removed, not upgraded

    assert app.main(argv, exec_program=failing) == 1
    monkeypatch.setattr(app, "_run_qt", lambda *a: 0)
    assert app.main(argv, exec_program=failing) == 0  # a plain quit: no restart
