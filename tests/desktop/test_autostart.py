"""Start at login: each OS's entry as written, the real state read back, disabling only ours."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from agentbar.desktop import autostart
from agentbar.desktop.autostart import (
    DESKTOP_FILE_NAME,
    LAUNCH_AGENT_LABEL,
    RUN_KEY,
    STARTUP_APPROVED_KEY,
    autostart_entry,
    command,
    disable,
    enable,
    is_enabled,
    launch_agent,
    windows_run_value,
)

# -- the program to start ---------------------------------------------------------------------


def test_command_frozen_script_or_source(tmp_path):
    python = tmp_path / "bin" / "python3"
    python.parent.mkdir()
    python.touch()
    assert command(executable=str(python), frozen=True) == [str(python)]
    assert command(executable=str(python), frozen=False, platform="linux") == [
        str(python),
        "-m",
        "agentbar",
    ]
    (tmp_path / "bin" / "agentbar").touch()  # an installed AgentBar: its console script
    assert command(executable=str(python), frozen=False, platform="linux") == [
        str(tmp_path / "bin" / "agentbar")
    ]
    argv = command(executable=str(python), frozen=True, basedir=str(tmp_path / "b"))
    assert argv == [str(python), "--basedir", str(tmp_path / "b")]


def test_command_on_windows_prefers_pythonw_so_no_console_opens(tmp_path):
    python = tmp_path / "python.exe"
    python.touch()
    (tmp_path / "agentbar.exe").touch()
    assert command(executable=str(python), frozen=False, platform="win32") == [
        str(tmp_path / "agentbar.exe")
    ]
    (tmp_path / "pythonw.exe").touch()
    assert command(executable=str(python), frozen=False, platform="win32") == [
        str(tmp_path / "pythonw.exe"),
        "-m",
        "agentbar",
    ]


def test_command_defaults_to_this_interpreter():
    argv = command()
    assert argv[0] == sys.executable or Path(argv[0]).parent == Path(sys.executable).parent


# -- Linux ------------------------------------------------------------------------------------


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_linux_entry_starts_minimised():
    text = autostart_entry(["/opt/agent bar/agentbar", "--basedir", "/home/a/b"])
    assert 'Exec="/opt/agent bar/agentbar" --basedir /home/a/b --minimized\n' in text
    assert "Type=Application\n" in text and "Terminal=false\n" in text


def test_linux_enable_disable_round_trip_in_xdg_config_home(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CONFIG_DIRS": str(tmp_path / "etc")}
    folder = tmp_path / "config" / "autostart"
    folder.mkdir(parents=True)
    other = folder / "other-app.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nExec=other\n")
    assert not is_enabled(platform="linux", environ=env)
    enable(argv=["/usr/bin/agentbar"], platform="linux", environ=env)
    entry = _entry(folder / DESKTOP_FILE_NAME)
    assert entry["Exec"] == "/usr/bin/agentbar --minimized"
    assert entry["Name"] == "AgentBar"
    assert is_enabled(platform="linux", environ=env)
    disable(platform="linux", environ=env)
    assert not is_enabled(platform="linux", environ=env)
    assert sorted(p.name for p in folder.iterdir()) == ["other-app.desktop"]  # only ours went
    disable(platform="linux", environ=env)  # twice is fine


def test_linux_entry_made_by_someone_else_is_the_real_state(tmp_path):
    folder = tmp_path / "autostart"
    folder.mkdir()
    path = folder / DESKTOP_FILE_NAME
    path.write_text("[Desktop Entry]\nType=Application\nExec=/opt/AgentBar/agentbar\n")
    assert is_enabled(platform="linux", directory=folder)
    # GNOME Tweaks' switch and the spec's Hidden key both turn it off.
    path.write_text("[Desktop Entry]\nExec=agentbar\nX-GNOME-Autostart-enabled=false\n")
    assert not is_enabled(platform="linux", directory=folder)
    path.write_text("[Desktop Entry]\nExec=agentbar\nHidden=True\n")
    assert not is_enabled(platform="linux", directory=folder)
    path.write_text("[Other Group]\nHidden=true\n[Desktop Entry]\nExec=agentbar\n")
    assert is_enabled(platform="linux", directory=folder)
    enable(argv=["agentbar"], platform="linux", directory=folder)  # replaces theirs
    assert _entry(path)["Exec"] == "agentbar --minimized"
    disable(platform="linux", directory=folder)
    assert not path.exists()


def test_linux_system_wide_entry_is_hidden_for_this_user(tmp_path):
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_DIRS": f"relative/ignored:{tmp_path / 'etc1'}:{tmp_path / 'etc2'}",
    }
    system = tmp_path / "etc2" / "autostart"
    system.mkdir(parents=True)
    (system / DESKTOP_FILE_NAME).write_text("[Desktop Entry]\nExec=/usr/bin/agentbar\n")
    assert is_enabled(platform="linux", environ=env)
    disable(platform="linux", environ=env)
    assert not is_enabled(platform="linux", environ=env)
    user_file = tmp_path / "home" / "autostart" / DESKTOP_FILE_NAME
    assert _entry(user_file)["Hidden"] == "true"
    assert (system / DESKTOP_FILE_NAME).exists()  # never touched
    enable(argv=["agentbar"], platform="linux", environ=env)
    assert is_enabled(platform="linux", environ=env)


def test_linux_default_directory_is_under_home(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    enable(argv=["agentbar"], platform="linux", environ={"XDG_CONFIG_HOME": "not/absolute"})
    assert (tmp_path / ".config" / "autostart" / DESKTOP_FILE_NAME).is_file()


# -- Windows ----------------------------------------------------------------------------------


class FakeRegistry:
    """HKCU as a dict of (key, value name) -> data, case-insensitive like the real one."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}

    def get(self, key: str, name: str) -> object | None:
        return self.values.get((key.lower(), name.lower()))

    def set(self, key: str, name: str, value: str) -> None:
        self.values[(key.lower(), name.lower())] = value

    def delete_value(self, key: str, name: str) -> None:
        del self.values[(key.lower(), name.lower())]


EXE = r"C:\Program Files\AgentBar\AgentBar.exe"


def test_windows_run_value_is_the_quoted_exe_and_minimized():
    value = windows_run_value([EXE])
    assert (value.key, value.name) == (RUN_KEY, "AgentBar")
    assert value.value == f'"{EXE}" --minimized'
    with_args = windows_run_value([r"C:\Py\pythonw.exe", "-m", "agentbar", "--basedir", r"C:\a b"])
    assert with_args.value == r'"C:\Py\pythonw.exe" -m agentbar --basedir "C:\a b" --minimized'


def test_windows_enable_disable_touch_only_our_value():
    registry = FakeRegistry()
    registry.set(RUN_KEY, "OneDrive", '"C:\\OneDrive.exe" /background')
    assert not is_enabled(platform="win32", registry=registry)
    enable(argv=[EXE], platform="win32", registry=registry)
    assert registry.get(RUN_KEY, "AgentBar") == f'"{EXE}" --minimized'
    assert is_enabled(platform="win32", registry=registry)
    disable(platform="win32", registry=registry)
    assert not is_enabled(platform="win32", registry=registry)
    assert registry.values == {(RUN_KEY.lower(), "onedrive"): '"C:\\OneDrive.exe" /background'}
    disable(platform="win32", registry=registry)  # twice is fine


def test_windows_task_manager_switch_is_honoured_and_cleared_by_enabling():
    registry = FakeRegistry()
    registry.set(RUN_KEY, "AgentBar", r'"D:\Other\AgentBar.exe"')  # written by the installer
    assert is_enabled(platform="win32", registry=registry)
    registry.values[(STARTUP_APPROVED_KEY.lower(), "agentbar")] = b"\x03" + bytes(11)
    assert not is_enabled(platform="win32", registry=registry)  # "Disabled" in Task Manager
    registry.values[(STARTUP_APPROVED_KEY.lower(), "agentbar")] = b"\x02" + bytes(11)
    assert is_enabled(platform="win32", registry=registry)
    registry.values[(STARTUP_APPROVED_KEY.lower(), "agentbar")] = b"\x07" + bytes(11)
    enable(argv=[EXE], platform="win32", registry=registry)
    assert registry.get(STARTUP_APPROVED_KEY, "AgentBar") is None
    assert is_enabled(platform="win32", registry=registry)
    registry.values[(STARTUP_APPROVED_KEY.lower(), "agentbar")] = b"\x03" + bytes(11)
    disable(platform="win32", registry=registry)
    assert registry.values == {}


def test_windows_all_users_entry_counts_and_only_an_administrator_removes_it():
    hkcu, hklm = FakeRegistry(), FakeRegistry()
    hklm.set(RUN_KEY, "AgentBar", f'"{EXE}" --minimized')  # an /ALLUSERS install's task
    assert is_enabled(platform="win32", registry=hkcu, machine=hklm)
    assert not is_enabled(platform="win32", registry=hkcu)  # HKLM only when handed in
    enable(argv=[EXE], platform="win32", registry=hkcu)
    with pytest.raises(PermissionError, match="administrator"):
        disable(platform="win32", registry=hkcu, machine=hklm)
    assert hkcu.values == {}  # ours went all the same
    assert is_enabled(platform="win32", registry=hkcu, machine=hklm)  # the truth: still on
    hklm.values[(STARTUP_APPROVED_KEY.lower(), "agentbar")] = b"\x03" + bytes(11)
    assert not is_enabled(platform="win32", registry=hkcu, machine=hklm)
    disable(platform="win32", registry=hkcu, machine=hklm)  # nothing left that starts it


# -- macOS ------------------------------------------------------------------------------------

APP = "/Applications/AgentBar.app/Contents/MacOS/AgentBar"


def test_macos_launch_agent_content(tmp_path):
    enable(argv=[APP], platform="darwin", directory=tmp_path)
    path = tmp_path / f"{LAUNCH_AGENT_LABEL}.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent == launch_agent([APP])
    assert agent["Label"] == "com.agentbar.AgentBar"
    assert agent["ProgramArguments"] == [APP, "--minimized"]
    assert agent["RunAtLoad"] is True
    assert is_enabled(platform="darwin", directory=tmp_path)


def test_macos_real_state_and_disable_removes_only_ours(tmp_path):
    path = tmp_path / f"{LAUNCH_AGENT_LABEL}.plist"
    other = tmp_path / "com.example.other.plist"
    other.write_bytes(plistlib.dumps({"Label": "com.example.other", "RunAtLoad": True}))
    assert not is_enabled(platform="darwin", directory=tmp_path)
    theirs = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": ["/opt/ab"], "RunAtLoad": True}
    path.write_bytes(plistlib.dumps(theirs))  # e.g. from a management profile
    assert is_enabled(platform="darwin", directory=tmp_path)
    path.write_bytes(plistlib.dumps({**theirs, "Disabled": True}))
    assert not is_enabled(platform="darwin", directory=tmp_path)
    path.write_bytes(plistlib.dumps({**theirs, "RunAtLoad": False}))
    assert not is_enabled(platform="darwin", directory=tmp_path)
    for damaged in (b"<?xml version='1.0'?><plist><dict><key>", b"\x00garbage", b""):
        path.write_bytes(damaged)
        assert not is_enabled(platform="darwin", directory=tmp_path)
    disable(platform="darwin", directory=tmp_path)
    assert not path.exists()
    assert other.exists()
    disable(platform="darwin", directory=tmp_path)  # twice is fine


def test_macos_default_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    enable(argv=[APP], platform="darwin")
    assert (tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist").is_file()


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_enable_uses_this_programs_command_by_default(tmp_path, platform, monkeypatch):
    monkeypatch.setattr(autostart, "command", lambda **_kw: ["/x/agentbar", "--basedir", "/b"])
    enable(platform=platform, directory=tmp_path)
    written = next(tmp_path.iterdir()).read_bytes()
    assert b"/x/agentbar" in written and b"--minimized" in written
