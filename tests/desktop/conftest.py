"""Desktop-integration fixtures: isolated base directories and AgentBar launched as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def basedir(tmp_path: Path) -> Path:
    """A --basedir of its own: the instance name hashes it, so no test meets a real AgentBar."""
    base = tmp_path / "base"
    (base / "state").mkdir(parents=True)
    return base


def agentbar_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
    env.update(extra)
    return env


def agentbar_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "agentbar", *args]


def launch(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``python -m agentbar ARGS`` (offscreen) without waiting."""
    return subprocess.Popen(
        agentbar_argv(*args),
        cwd=REPO,
        env=env or agentbar_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
