"""``--minimized`` (how AgentBar starts at login): into the tray if there is one, else the bar."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from agentbar.app import build_parser, main
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.desktop.single_instance import claim
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.settings.dialog import SettingsDialog
from agentbar.ui.startup.runner import run
from agentbar.ui.tray import Tray
from tests.ui.conftest import KEY

WAIT = 8000


def _start(qloop, base: Path, sim, monkeypatch, *, tray: bool, configured: bool = True):
    """Run the program with a tray that is (or is not) there; returns (task, trays shown)."""
    shown: list[Tray] = []

    def fake_show(self: Tray) -> bool:
        shown.append(self)
        return tray

    monkeypatch.setattr(Tray, "show", fake_show)
    argv = ["--basedir", str(base), "--minimized"]
    if configured:
        monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
        argv += ["--url", sim.url, "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION]
    args = build_parser().parse_args(argv)
    earlier.update(id(w) for w in _windows(Toolbar))
    task = qloop.create_task(run(args, Paths.under(base), RedactingFilter()))
    return task, shown


earlier: set[int] = set()  # bars of earlier tests, not yet collected


def _windows[W](kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]


def _toolbar() -> Toolbar:
    """This run's bar (made before the tray is shown)."""
    return next(w for w in _windows(Toolbar) if id(w) not in earlier)


def _quit(qtbot, task, toolbar: Toolbar) -> None:
    toolbar.quit_requested.emit()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0


class _BarShows(QObject):
    """Counts the Show events of this run's bar (an application-wide event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, Toolbar)
            and id(watched) not in earlier
        ):
            self.count += 1
        return False


def test_with_a_tray_the_bar_starts_hidden_and_the_tray_brings_it_back(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    task, shown = _start(qloop, tmp_path / "tray", sim, monkeypatch, tray=True)
    shows = _BarShows()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(shows)  # before the run's first step: the task has not run yet
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)  # shown or not is decided right after
        toolbar = _toolbar()
        assert not toolbar.isVisible()
        assert shown[0].actions is not None
        shown[0].actions.toggle_toolbar()  # the tray's Show/hide
        assert toolbar.isVisible()
        shown[0].actions.toggle_toolbar()  # and back into the tray
        assert not toolbar.isVisible()
        _quit(qtbot, task, toolbar)
    finally:
        app.removeEventFilter(shows)
    # The run is over: in all of it, the bar was shown once, by the tray's Show/hide.
    assert shows.count == 1


def test_without_a_tray_minimized_is_ignored(qtbot, qloop, sim, monkeypatch, tmp_path):
    task, shown = _start(qloop, tmp_path / "notray", sim, monkeypatch, tray=False)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    toolbar = _toolbar()
    assert toolbar.isVisible()  # else nobody could reach it
    assert "no system tray" in toolbar.message.text()
    _quit(qtbot, task, toolbar)


def test_minimized_still_shows_the_bar_when_settings_are_needed(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    monkeypatch.delenv("AGENTBAR_API_KEY", raising=False)
    task, shown = _start(qloop, tmp_path / "new", sim, monkeypatch, tray=True, configured=False)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    toolbar = _toolbar()
    assert toolbar.isVisible()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in _windows(SettingsDialog)), timeout=WAIT)
    next(w for w in _windows(SettingsDialog) if w.isVisible()).reject()
    _quit(qtbot, task, toolbar)


def test_a_login_start_leaves_a_running_agentbar_alone(tmp_path):
    """``agentbar --minimized`` while one runs: exit at once, and do not show it."""
    base = tmp_path / "running"
    paths = Paths.under(base)
    paths.ensure()
    held = claim(paths.state_dir)
    assert held is not None
    try:
        started = time.monotonic()
        assert main(["--basedir", str(base), "--minimized"]) == 0
        assert time.monotonic() - started < 5  # no forwarding attempt to a silent instance
    finally:
        held.give_up()


@pytest.mark.parametrize("argv", [["--minimized"], ["--minimized", "--show"]])
def test_minimized_is_an_option_not_a_command(argv):
    from agentbar.core.commands import commands_from_namespace

    args = build_parser().parse_args(argv)
    assert args.minimized
    assert [c.name for c in commands_from_namespace(args)] == (["show"] if "--show" in argv else [])
