"""A per-user link registration whose program is gone is rewritten (desktop/handlers.py)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from agentbar.desktop.handlers import (
    DESKTOP_FILE_NAME,
    _exec_program,
    desktop_entry,
    repair_link_registration,
)
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from tests.desktop.conftest import agentbar_env, launch


def _no_tools(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    raise AssertionError(f"unexpected tool {argv}")


def _env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data")}


def _write(tmp_path: Path, program: str) -> Path:
    applications = tmp_path / "data" / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    path = applications / DESKTOP_FILE_NAME
    path.write_text(desktop_entry([program]))
    return path


def test_exec_program_reads_quoted_and_plain_exec_lines():
    assert _exec_program("[Desktop Entry]\nExec=/opt/a b/agentbar -- %u\n") == "/opt/a"
    assert _exec_program('Exec="/opt/a b/age\\\\ntbar" -- %u\n') == "/opt/a b/age\\ntbar"
    assert _exec_program(desktop_entry(["/home/ayşe/Apps/AgentBar 1.0.AppImage"])) == (
        "/home/ayşe/Apps/AgentBar 1.0.AppImage"
    )
    assert _exec_program("Name=AgentBar\n") == ""


def test_a_registration_of_a_deleted_program_is_rewritten(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("agentbar.desktop.handlers.shutil.which", lambda _name: None)
    path = _write(tmp_path, str(tmp_path / "Downloads" / "AgentBar-0.9.AppImage"))
    lines = repair_link_registration(["/usr/bin/agentbar"], environ=_env(tmp_path), run=_no_tools)
    assert _exec_program(path.read_text()) == "/usr/bin/agentbar"
    assert "x-scheme-handler/tel;" in path.read_text()
    assert "AgentBar-0.9.AppImage" in lines[0] and "desktop-file-utils" in lines[1]


def test_a_working_or_missing_registration_is_left_alone(tmp_path: Path):
    env = _env(tmp_path)
    assert repair_link_registration(["/usr/bin/agentbar"], environ=env, run=_no_tools) == []
    program = tmp_path / "agentbar"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    path = _write(tmp_path, str(program))
    before = path.read_text()
    assert repair_link_registration(["/usr/bin/agentbar"], environ=env, run=_no_tools) == []
    assert path.read_text() == before


def test_the_running_bar_repairs_the_users_registration(tmp_path: Path):
    """No --basedir: a real start (in a throw-away home) repairs the stale file by itself."""
    home = tmp_path / "home"
    path = _write(home, "/nonexistent/AgentBar.AppImage")  # home/data/applications/...
    env = agentbar_env(
        HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
        AGENTBAR_API_KEY="REPAIR-KEY-0123456789",
    )  # fmt: skip
    sim = Simulator(api_key="REPAIR-KEY-0123456789", port=0).start()
    bar = launch("--url", sim.url, "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION, env=env)
    try:
        deadline = time.monotonic() + 20
        while "nonexistent" in path.read_text():
            assert bar.poll() is None, bar.communicate()
            assert time.monotonic() < deadline, "the registration was not repaired"
            time.sleep(0.05)
        assert "-m agentbar -- %u" in path.read_text() or "agentbar -- %u" in path.read_text()
    finally:
        bar.kill()
        bar.wait()
        sim.stop()
