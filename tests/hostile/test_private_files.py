"""Another user on the machine reads nothing of AgentBar's (issue 15, item 3).

Every folder AgentBar creates is 0700 and every file 0600 on POSIX, whatever the umask: the
configuration, state, logs (rotated ones too), the recordings cache, its index, downloaded
recordings, copies saved out of the cache and what ``agentbar-cli downloadRecording`` writes.
Folders and files left looser by older versions are tightened at start-up.
"""

from __future__ import annotations

import logging
import os
import stat
import struct
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from agentbar import cli
from agentbar.api import CallCenterClient
from agentbar.core.agent_state import AgentState, save_state
from agentbar.core.logsetup import setup_logging
from agentbar.core.paths import Paths, copy_private
from agentbar.core.recording_cache import MB, RecordingCache, cache_name
from agentbar.core.settings import Settings, save_settings
from tests.hostile.conftest import KEY

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")

LISTEN = "/var/spool/asterisk/monitor/2026/11/02/out-05321234567-1004-20261102-101500.wav"


def _wav(samples: int = 800) -> bytes:
    data = b"\x00\x01" * samples
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    chunks = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(chunks)) + chunks


def _audio_server() -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(200, content=_wav(), headers={"content-type": "audio/wav"})
    )


def _loose(base: Path) -> dict[str, str]:
    """Every path under ``base`` whose mode is not 0700 (folders) or 0600 (files)."""
    out = {}
    for path in sorted(base.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        if mode != want:
            out[str(path.relative_to(base))] = oct(mode)
    return out


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask (022): what AgentBar creates must not rely on a strict one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def file_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


async def test_everything_a_run_writes_is_owner_only(
    tmp_path: Path, open_umask: None, file_logging: None
) -> None:
    base = tmp_path / "base"
    paths = Paths.under(base)
    paths.ensure()
    setup_logging(paths.log_file, stderr=False)
    logging.getLogger("agentbar.test").warning("a call from 05321234567")
    save_settings(paths, Settings(server_url="https://pbx.example/api/"))
    save_state(paths.state_file, AgentState())
    cache = RecordingCache(paths.recordings_cache_dir, 10 * MB)
    cache.open()
    async with httpx.AsyncClient(transport=_audio_server()) as http:
        client = CallCenterClient("https://pbx.example/api/", KEY, client=http)
        await client.download_recording(LISTEN, cache.path_for(LISTEN))
    cache.add(LISTEN)
    saved = base / "config" / "saved.wav"
    copy_private(cache.path_for(LISTEN), saved)
    for handler in logging.getLogger().handlers:  # a rotated log and its successor
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            handler.doRollover()
    logging.getLogger("agentbar.test").warning("after the rollover")

    written = {str(p.relative_to(base)) for p in base.rglob("*") if p.is_file()}
    assert {"logs/agentbar.log", "logs/agentbar.log.1", "config/saved.wav"} <= written
    assert f"cache/recordings/{cache_name(LISTEN)}" in written
    assert _loose(base) == {}


def test_an_older_versions_loose_folders_and_files_are_tightened(
    tmp_path: Path, open_umask: None, file_logging: None
) -> None:
    base = tmp_path / "base"
    paths = Paths.under(base)
    for directory in (
        paths.config_dir,
        paths.state_dir,
        paths.log_dir,
        paths.cache_dir,
        paths.recordings_cache_dir,
    ):
        directory.mkdir(parents=True)
        directory.chmod(0o755)
    recording = paths.recordings_cache_dir / cache_name(LISTEN)
    recording.write_bytes(_wav())
    paths.log_file.write_text("old log\n")
    for path in (recording, paths.log_file):
        path.chmod(0o644)
    base.chmod(0o700)  # the --basedir itself is the user's choice
    assert _loose(base)  # as an older version left them

    paths.ensure()
    setup_logging(paths.log_file, stderr=False)
    RecordingCache(paths.recordings_cache_dir, 10 * MB).open()
    assert _loose(base) == {}


def test_agentbar_cli_downloads_owner_only(
    tmp_path: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    out = tmp_path / "rec.wav"
    argv = ["--url", "https://pbx.example/api/", "--out", str(out)]
    code = cli.main([*argv, "downloadRecording", f"listen={LISTEN}"], transport=_audio_server())
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_copy_saved_over_a_readable_file_is_tightened(tmp_path: Path, open_umask: None) -> None:
    source = tmp_path / "source.wav"
    source.write_bytes(_wav())
    dest = tmp_path / "dest.wav"
    dest.write_bytes(b"old")
    dest.chmod(0o644)
    copy_private(source, dest)
    assert dest.read_bytes() == _wav()
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
