"""Tests for core.paths: platformdirs, --basedir, the machine defaults file, safe JSON I/O."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs
import pytest

from agentbar.core.paths import (
    DamagedFile,
    Paths,
    machine_defaults_file,
    machine_defaults_files,
    read_json_object,
    set_aside,
    write_atomic,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def all_paths(paths: Paths) -> list[Path]:
    return [
        paths.config_dir,
        paths.cache_dir,
        paths.log_dir,
        paths.state_dir,
        paths.recordings_cache_dir,
        paths.settings_file,
        paths.state_file,
        paths.log_file,
        paths.machine_defaults_file,
    ]


def test_under_puts_everything_under_basedir(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path)
    assert paths.config_dir == tmp_path / "config"
    assert paths.cache_dir == tmp_path / "cache"
    assert paths.log_dir == tmp_path / "logs"
    assert paths.state_dir == tmp_path / "state"
    assert paths.recordings_cache_dir == tmp_path / "cache" / "recordings"
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.state_file == tmp_path / "state" / "agent_state.json"
    assert paths.log_file == tmp_path / "logs" / "agentbar.log"
    assert paths.machine_defaults_file == tmp_path / "machine" / "defaults.json"
    for path in all_paths(paths):
        assert path.is_relative_to(tmp_path)


def test_under_makes_relative_basedirs_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert Paths.under("base").config_dir == tmp_path / "base" / "config"


def test_under_ignores_the_machine_defaults_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTBAR_MACHINE_DEFAULTS", str(tmp_path / "it" / "fleet.json"))
    assert Paths.under(tmp_path).machine_defaults_file == tmp_path / "machine" / "defaults.json"


def test_creating_paths_touches_no_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var))
    Paths.default()
    Paths.under(tmp_path / "base")
    assert list(tmp_path.iterdir()) == []


def test_default_uses_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENTBAR_MACHINE_DEFAULTS", raising=False)
    paths = Paths.default()
    assert paths.config_dir == Path(platformdirs.user_config_dir("AgentBar", "AgentBar"))
    assert paths.cache_dir == Path(platformdirs.user_cache_dir("AgentBar", "AgentBar"))
    assert paths.log_dir == Path(platformdirs.user_log_dir("AgentBar", "AgentBar"))
    assert paths.state_dir == Path(platformdirs.user_state_dir("AgentBar", "AgentBar"))
    assert paths.machine_defaults_file == machine_defaults_file()


def test_default_follows_xdg_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not platformdirs.PlatformDirs.__module__.endswith("unix"):
        pytest.skip("XDG layout")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'etc1'}:{tmp_path / 'etc2'}")
    monkeypatch.delenv("AGENTBAR_MACHINE_DEFAULTS", raising=False)
    paths = Paths.default()
    assert paths.settings_file == tmp_path / "cfg" / "AgentBar" / "settings.json"
    assert paths.machine_defaults_file == tmp_path / "etc1" / "agentbar" / "defaults.json"


def test_env_overrides_the_machine_defaults_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fleet" / "agentbar.json"
    monkeypatch.setenv("AGENTBAR_MACHINE_DEFAULTS", str(target))
    assert Paths.default().machine_defaults_file == target
    monkeypatch.setenv("AGENTBAR_MACHINE_DEFAULTS", "")
    assert Paths.default().machine_defaults_file != target


def test_machine_defaults_file_per_platform() -> None:
    windows = machine_defaults_file("win32", {"PROGRAMDATA": r"D:\ProgramData"})
    assert str(windows) == r"D:\ProgramData\AgentBar\defaults.json"
    assert str(machine_defaults_file("win32", {})) == r"C:\ProgramData\AgentBar\defaults.json"
    mac = machine_defaults_file("darwin", {})
    assert mac == Path("/Library/Application Support/AgentBar/defaults.json")
    override = machine_defaults_file("darwin", {"AGENTBAR_MACHINE_DEFAULTS": "/srv/it.json"})
    assert override == Path("/srv/it.json")


def test_machine_defaults_file_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    if not platformdirs.PlatformDirs.__module__.endswith("unix"):
        pytest.skip("XDG layout")
    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    assert machine_defaults_file("linux", {}) == Path("/etc/xdg/agentbar/defaults.json")


@posix_only
def test_ensure_creates_private_directories(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path)
    paths.state_dir.mkdir(mode=0o755)  # an existing, too-open directory is tightened
    os.chmod(paths.state_dir, 0o755)
    paths.ensure()
    for directory in (paths.config_dir, paths.state_dir, paths.log_dir):
        assert directory.is_dir()
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert paths.cache_dir.is_dir()
    assert paths.recordings_cache_dir.is_dir()
    assert not paths.machine_defaults_file.parent.exists()
    paths.ensure()  # idempotent


def test_ensure_creates_directories(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path / "deep" / "base")
    paths.ensure()
    assert all(d.is_dir() for d in (paths.config_dir, paths.log_dir, paths.recordings_cache_dir))


def test_read_json_object(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    assert read_json_object(path) is None
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}')
    assert read_json_object(path) == {"a": 1}
    for raw in (b"[1]", b"{", b"\xff"):
        path.write_bytes(raw)
        with pytest.raises(DamagedFile):
            read_json_object(path)


def test_set_aside_keeps_every_backup(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    backups = []
    for raw in (b"one", b"two"):
        path.write_bytes(raw)
        backups.append(set_aside(path))
    assert not path.exists()
    assert [b.read_bytes() for b in backups] == [b"one", b"two"]
    assert all(b.name.startswith("state.json.corrupt-") for b in backups)


def test_write_atomic(tmp_path: Path) -> None:
    path = tmp_path / "new" / "file.json"
    write_atomic(path, b"first")
    write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["file.json"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_every_xdg_config_dir_is_a_machine_defaults_file() -> None:
    # Ubuntu's GNOME session puts /etc/xdg/xdg-ubuntu first: /etc/xdg must still be read.
    environ = {"XDG_CONFIG_DIRS": "/etc/xdg/xdg-ubuntu:relative/dir:/etc/xdg::/etc/xdg"}
    assert machine_defaults_files("linux", environ) == (
        Path("/etc/xdg/xdg-ubuntu/agentbar/defaults.json"),
        Path("/etc/xdg/agentbar/defaults.json"),
    )
    assert machine_defaults_files("linux", {}) == (Path("/etc/xdg/agentbar/defaults.json"),)
    assert machine_defaults_files("linux", {"AGENTBAR_MACHINE_DEFAULTS": "/srv/it.json"}) == (
        Path("/srv/it.json"),
    )


def test_default_paths_list_every_xdg_entry_and_policy_beside_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not platformdirs.PlatformDirs.__module__.endswith("unix"):
        pytest.skip("XDG layout")
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'etc1'}:{tmp_path / 'etc2'}")
    monkeypatch.delenv("AGENTBAR_MACHINE_DEFAULTS", raising=False)
    paths = Paths.default()
    assert paths.machine_files == (
        tmp_path / "etc1" / "agentbar" / "defaults.json",
        tmp_path / "etc2" / "agentbar" / "defaults.json",
    )
    assert paths.machine_policy_files == (
        tmp_path / "etc1" / "agentbar" / "policy.json",
        tmp_path / "etc2" / "agentbar" / "policy.json",
    )
    assert paths.os_policy


def test_basedir_policy_file_and_no_os_policy(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path)
    assert paths.machine_policy_files == (tmp_path / "machine" / "policy.json",)
    assert not paths.os_policy
