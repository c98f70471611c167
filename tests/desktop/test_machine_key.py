"""The Windows installer's /APIKEY=: the machine-wide DPAPI file (desktop/machine_key.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agentbar.desktop.machine_key import (
    INSTALL_KEY_ENV,
    MACHINE_KEY_NAME,
    machine_key_file,
    store_machine_key,
    store_machine_key_main,
)

KEY = "MACHINE-KEY-0123456789"


def fake_protect(data: bytes) -> bytes:
    return b"DPAPI:" + data[::-1]


def test_the_file_is_the_one_the_reading_side_opens():
    assert MACHINE_KEY_NAME == "api-key.dpapi"
    path = machine_key_file({"PROGRAMDATA": r"D:\PD"})
    assert path.name == "api-key.dpapi" and path.parent.name == "AgentBar"
    assert str(path.parent.parent) == r"D:\PD"
    assert str(machine_key_file({})).startswith("C:\\ProgramData")


def test_store_writes_only_the_protected_blob(tmp_path: Path):
    path = store_machine_key(f"  {KEY}\n", tmp_path / "AgentBar" / MACHINE_KEY_NAME, fake_protect)
    assert path.read_bytes() == fake_protect(KEY.encode())
    assert KEY.encode() not in path.read_bytes()
    assert [p.name for p in path.parent.iterdir()] == [MACHINE_KEY_NAME]  # no temporary left


@pytest.mark.parametrize("bad", ["", "   ", "ab\ncd"])
def test_store_refuses_an_empty_or_broken_key(tmp_path: Path, bad: str):
    with pytest.raises(ValueError):
        store_machine_key(bad, tmp_path / MACHINE_KEY_NAME, fake_protect)


def test_the_installer_entry_point_takes_the_key_from_the_environment_and_removes_it(
    tmp_path: Path,
):
    lines: list[str] = []
    env = {INSTALL_KEY_ENV: KEY, "PROGRAMDATA": str(tmp_path)}
    code = store_machine_key_main(env, protect=fake_protect, platform="win32", err=lines.append)
    assert code == 0
    assert INSTALL_KEY_ENV not in env
    assert (tmp_path / "AgentBar" / MACHINE_KEY_NAME).read_bytes() == fake_protect(KEY.encode())
    assert KEY not in "\n".join(lines)


def test_the_entry_point_without_a_key_or_off_windows(tmp_path: Path):
    lines: list[str] = []
    env = {"PROGRAMDATA": str(tmp_path)}
    assert (
        store_machine_key_main(env, protect=fake_protect, platform="win32", err=lines.append) == 2
    )
    env = {INSTALL_KEY_ENV: KEY, "PROGRAMDATA": str(tmp_path)}
    assert (
        store_machine_key_main(env, protect=fake_protect, platform="linux", err=lines.append) == 1
    )
    assert INSTALL_KEY_ENV not in env and not (tmp_path / "AgentBar").exists()


def test_the_command_line_option_never_reads_a_key_from_argv(monkeypatch, capsys):
    from agentbar.app import main

    monkeypatch.setenv(INSTALL_KEY_ENV, KEY)
    assert main(["--store-machine-key"]) == 1  # not Windows here: refused
    assert INSTALL_KEY_ENV not in os.environ
    assert KEY not in capsys.readouterr().err
