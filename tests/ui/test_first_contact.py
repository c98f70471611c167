"""Start-up puts first contact first: the bar's first poll reaches the server before the tray
and the link server are made (issue 17, bench/startup.py: launch -> first request)."""

from __future__ import annotations

from typing import Any

from agentbar.app import build_parser
from agentbar.core.agent_state import AgentState, save_state
from agentbar.core.logsetup import RedactingFilter
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui.startup.remote_control import RemoteControl
from agentbar.ui.startup.runner import run
from agentbar.ui.tray import Tray
from tests.ui.conftest import KEY

WAIT = 8000


def test_the_first_poll_reaches_the_server_before_the_tray_is_made(
    qtbot, qloop, sim, monkeypatch, tmp_path
):
    paths = Paths.under(tmp_path / "base")
    paths.ensure()
    save_state(paths.state_file, AgentState().logged_in_as(DEMO_AGENT))  # resumes the login
    polls_when_tray_made: list[int] = []
    shells: list[Any] = []
    tray_init = Tray.__init__
    remote_init = RemoteControl.__init__

    def counting_tray_init(self: Tray, *args: Any, **kwargs: Any) -> None:
        polls_when_tray_made.append(sum(r.module == "activeCalls" for r in sim.requests))
        tray_init(self, *args, **kwargs)

    def capturing_remote_init(self: RemoteControl, shell: Any, *args: Any, **kw: Any) -> None:
        shells.append(shell)
        remote_init(self, shell, *args, **kw)

    monkeypatch.setattr(Tray, "__init__", counting_tray_init)
    monkeypatch.setattr(RemoteControl, "__init__", capturing_remote_init)
    monkeypatch.setattr(Tray, "show", lambda self: True)
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    argv = ["--basedir", str(tmp_path / "base")]
    argv += ["--url", sim.url, "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION]
    task = qloop.create_task(run(build_parser().parse_args(argv), paths, RedactingFilter()))
    qtbot.waitUntil(lambda: bool(shells), timeout=WAIT)
    assert polls_when_tray_made == [1]
    shells[0].quit_event.set()
    qtbot.waitUntil(task.done, timeout=WAIT)
    assert task.result() == 0
