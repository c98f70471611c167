"""Link-handler registration: the .desktop file, the Windows registry values, unregistering."""

from __future__ import annotations

import configparser
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from agentbar.desktop import handlers
from agentbar.desktop.handlers import (
    DESKTOP_FILE_NAME,
    desktop_entry,
    launch_command,
    linux_register,
    linux_unregister,
    macos_url_types,
)
from agentbar.desktop.windows_registry import (
    RegistryValue,
    inno_setup_registry,
    windows_command,
    windows_register,
    windows_registry_values,
    windows_unregister,
)
from tests.desktop.conftest import REPO, agentbar_env

# -- Linux -----------------------------------------------------------------------------------


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_desktop_entry_declares_the_three_schemes_and_passes_the_link_after_dashes():
    entry = _entry(desktop_entry(["/opt/agent bar/agentbar", "--basedir", "/home/a/100%"]))
    assert entry["Type"] == "Application"
    assert entry["MimeType"] == (
        "x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/sip;"
    )
    # Quoted per the Desktop Entry spec; a literal % doubled; "--" so a link is never an option.
    assert entry["Exec"] == '"/opt/agent bar/agentbar" --basedir /home/a/100%% -- %u'
    assert entry["NoDisplay"] == "true"
    assert entry["Name"] == "AgentBar"


def test_desktop_entry_escapes_shell_specials():
    exec_line = _entry(desktop_entry(['/x/a"b$c'])).get("Exec")
    # The Exec quoting escape, then the string-value escape doubling its backslash (the spec).
    assert exec_line == '"/x/a\\\\"b\\\\$c" -- %u'


def test_launch_command_from_source_or_script(monkeypatch):
    monkeypatch.setattr("agentbar.desktop.handlers.shutil.which", lambda _name: None)
    assert launch_command() == [sys.executable, "-m", "agentbar"]
    monkeypatch.setattr("agentbar.desktop.handlers.shutil.which", lambda _name: "/usr/bin/agentbar")
    assert launch_command("/tmp/b") == ["/usr/bin/agentbar", "--basedir", "/tmp/b"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command()[0] == sys.executable


class FakeTools:
    """Records desktop tool runs; ``present`` says which tools "are installed"."""

    def __init__(self, monkeypatch, present: Sequence[str], fail: str = "") -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        monkeypatch.setattr(
            "agentbar.desktop.handlers.shutil.which",
            lambda name: f"/usr/bin/{name}" if name in present else None,
        )

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(argv))
        code = 1 if argv[0] == self.fail else 0
        return subprocess.CompletedProcess(list(argv), code, "", "boom\n" if code else "")


def _xdg(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_linux_register_writes_the_file_and_runs_the_tools(tmp_path, monkeypatch):
    tools = FakeTools(monkeypatch, ["update-desktop-database", "xdg-mime"])
    env = _xdg(tmp_path)
    lines = linux_register(["/usr/bin/agentbar"], set_default=True, environ=env, run=tools)
    path = tmp_path / "data" / "applications" / DESKTOP_FILE_NAME
    assert path.read_text() == desktop_entry(["/usr/bin/agentbar"])
    apps = str(tmp_path / "data" / "applications")
    assert tools.calls == [
        ["update-desktop-database", apps],
        ["xdg-mime", "default", DESKTOP_FILE_NAME, "x-scheme-handler/tel"],
        ["xdg-mime", "default", DESKTOP_FILE_NAME, "x-scheme-handler/callto"],
        ["xdg-mime", "default", DESKTOP_FILE_NAME, "x-scheme-handler/sip"],
    ]
    assert "AgentBar now opens tel: links" in lines


def test_linux_register_never_takes_links_over_unless_asked(tmp_path, monkeypatch):
    tools = FakeTools(monkeypatch, ["update-desktop-database", "xdg-mime"])
    lines = linux_register(["agentbar"], environ=_xdg(tmp_path), run=tools)
    assert [c[0] for c in tools.calls] == ["update-desktop-database"]
    assert any("--set-default" in line for line in lines)


def test_linux_register_without_the_tools_says_what_to_install(tmp_path, monkeypatch):
    tools = FakeTools(monkeypatch, [])
    lines = linux_register(["agentbar"], set_default=True, environ=_xdg(tmp_path), run=tools)
    assert tools.calls == []
    assert (tmp_path / "data" / "applications" / DESKTOP_FILE_NAME).exists()
    text = "\n".join(lines)
    assert "desktop-file-utils" in text
    assert "xdg-utils" in text and "default-applications settings" in text


def test_a_failing_tool_is_reported(tmp_path, monkeypatch):
    tools = FakeTools(monkeypatch, ["update-desktop-database", "xdg-mime"], fail="xdg-mime")
    lines = linux_register(["agentbar"], set_default=True, environ=_xdg(tmp_path), run=tools)
    assert "xdg-mime failed (boom)" in lines
    assert len([c for c in tools.calls if c[0] == "xdg-mime"]) == 1  # stops after a failure


def test_linux_unregister_removes_exactly_what_register_wrote(tmp_path, monkeypatch):
    tools = FakeTools(monkeypatch, ["update-desktop-database"])
    env = _xdg(tmp_path)
    applications = tmp_path / "data" / "applications"
    applications.mkdir(parents=True)
    other = applications / "firefox.desktop"
    other.write_text("[Desktop Entry]\nName=Firefox\n")
    mimeapps = tmp_path / "config" / "mimeapps.list"
    mimeapps.parent.mkdir()
    before = (
        "[Default Applications]\n"
        "text/html=firefox.desktop\n"
        "x-scheme-handler/mailto=thunderbird.desktop\n"
    )
    mimeapps.write_text(before)
    linux_register(["agentbar"], environ=env, run=tools)
    # What `xdg-mime default` would add, including a list where another app comes second.
    mimeapps.write_text(
        before
        + f"x-scheme-handler/tel={DESKTOP_FILE_NAME}\n"
        + f"x-scheme-handler/callto={DESKTOP_FILE_NAME};\n"
        + f"x-scheme-handler/sip={DESKTOP_FILE_NAME};linphone.desktop;\n"
    )
    lines = linux_unregister(environ=env, run=tools)
    assert not (applications / DESKTOP_FILE_NAME).exists()
    assert other.exists()
    assert mimeapps.read_text() == before + "x-scheme-handler/sip=linphone.desktop;\n"
    assert any("Removed" in line for line in lines)
    assert linux_unregister(environ=env, run=tools)[0] == "No link handler was registered"


def test_register_handlers_from_the_command_line_in_a_temporary_xdg_tree(tmp_path):
    env = agentbar_env(**_xdg(tmp_path), PATH="/nonexistent")  # no desktop tools at all
    argv = [sys.executable, "-m", "agentbar", "--basedir", str(tmp_path / "b")]
    done = subprocess.run(
        [*argv, "--register-handlers", "--set-default"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    path = tmp_path / "data" / "applications" / DESKTOP_FILE_NAME
    exec_line = _entry(path.read_text())["Exec"]
    assert "--basedir" in exec_line and exec_line.endswith(" -- %u")
    assert "xdg-utils" in done.stdout
    done = subprocess.run(
        [*argv, "--unregister-handlers"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0 and not path.exists()


# -- Windows (as data, checked here without Windows) -----------------------------------------


class FakeRegistry:
    """HKCU as a dict: {key: {name: value}}; keys are case-insensitive like the real one."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    def _k(self, key: str) -> str:
        return key.lower()

    def get(self, key: str, name: str) -> str | None:
        return self.keys.get(self._k(key), {}).get(name)

    def set(self, key: str, name: str, value: str) -> None:
        parts = key.split("\\")
        for depth in range(1, len(parts) + 1):  # CreateKeyEx creates the parents
            self.keys.setdefault(self._k("\\".join(parts[:depth])), {})
        self.keys[self._k(key)][name] = value

    def delete_value(self, key: str, name: str) -> None:
        self.keys.get(self._k(key), {}).pop(name, None)

    def delete_key_if_empty(self, key: str) -> bool:
        k = self._k(key)
        if k not in self.keys or self.keys[k]:
            return False
        if any(other.startswith(k + "\\") for other in self.keys):
            return False
        del self.keys[k]
        return True

    def snapshot(self) -> dict[str, dict[str, str]]:
        return {k: dict(v) for k, v in self.keys.items()}


EXE = r"C:\Users\ayse\AppData\Local\Programs\AgentBar\AgentBar.exe"


def _values() -> list[RegistryValue]:
    return windows_registry_values(windows_command(EXE), f'"{EXE}",0')


def test_windows_command_line_quotes_the_link_after_dashes():
    assert windows_command(EXE) == f'"{EXE}" -- "%1"'
    assert windows_command("C:\\py\\pythonw.exe", ["-m", "agentbar"]) == (
        '"C:\\py\\pythonw.exe" -m agentbar -- "%1"'
    )


def test_windows_values_register_each_scheme_and_the_default_apps_capabilities():
    values = {(v.key, v.name): v.value for v in _values()}
    command = f'"{EXE}" -- "%1"'
    for scheme in ("tel", "callto", "sip"):
        # Never another program's scheme key: only our ProgID and Capabilities.
        assert not [v for v in _values() if v.key.lower().startswith(rf"software\classes\{scheme}")]
        assert values[(r"Software\AgentBar\Capabilities\URLAssociations", scheme)] == (
            "AgentBar.Link"
        )
    assert values[(r"Software\Classes\AgentBar.Link\shell\open\command", "")] == command
    assert values[(r"Software\AgentBar\Capabilities", "ApplicationName")] == "AgentBar"
    assert values[(r"Software\RegisteredApplications", "AgentBar")] == (
        r"Software\AgentBar\Capabilities"
    )
    assert all(not v.key.lower().startswith("hkey") for v in _values())  # relative to HKCU


def test_windows_unregister_removes_exactly_what_register_wrote():
    registry = FakeRegistry()
    registry.set(r"Software\RegisteredApplications", "Firefox", r"Software\Clients\Firefox")
    registry.set(r"Software\Classes\mailto\shell\open\command", "", "thunderbird")
    registry.set(r"Software\Classes\tel\SomethingOfItsOwn", "x", "1")
    before = registry.snapshot()
    windows_register(_values(), registry)
    assert registry.get(r"Software\Classes\AgentBar.Link\shell\open\command", "") == (
        f'"{EXE}" -- "%1"'
    )
    assert windows_unregister(_values(), registry) == []
    assert registry.snapshot() == before


def test_windows_register_never_touches_another_programs_tel_handler():
    registry = FakeRegistry()
    registry.set(r"Software\RegisteredApplications", "Teams", r"Software\Microsoft\Teams\Caps")
    registry.set(r"Software\Classes\tel", "URL Protocol", "")
    registry.set(r"Software\Classes\tel\shell\open\command", "", '"C:\\Teams.exe" "%1"')
    before = registry.snapshot()
    windows_register(_values(), registry)
    assert registry.get(r"Software\Classes\tel\shell\open\command", "") == '"C:\\Teams.exe" "%1"'
    assert windows_unregister(_values(), registry) == []
    assert registry.snapshot() == before


def test_windows_unregister_leaves_a_progid_another_copy_rewrote():
    registry = FakeRegistry()
    windows_register(_values(), registry)
    prog = r"Software\Classes\AgentBar.Link\shell\open\command"
    registry.set(prog, "", '"D:\\Other\\agentbar.exe" -- "%1"')
    lines = windows_unregister(_values(), registry)
    assert lines == [r"Left Software\Classes\AgentBar.Link alone: another program changed it"]
    assert registry.get(prog, "") == '"D:\\Other\\agentbar.exe" -- "%1"'
    assert registry.get(r"Software\RegisteredApplications", "AgentBar") is None


def test_inno_setup_lines_write_the_same_values():
    text = inno_setup_registry(_values())
    lines = text.splitlines()
    assert lines[0] == "[Registry]"
    assert len(lines) == 1 + len(_values())
    assert all(line.startswith("Root: HKCU; Subkey: ") for line in lines[1:])
    assert all(line.endswith("Flags: uninsdeletevalue") for line in lines[1:])
    # Inno doubles quotes inside a quoted string.
    assert f'ValueData: """{EXE}"" -- ""%1"""' in text


def test_macos_url_types_for_the_bundle():
    [entry] = macos_url_types()
    assert entry["CFBundleURLSchemes"] == ["tel", "callto", "sip"]


@pytest.mark.parametrize("platform", ["darwin"])
def test_macos_needs_no_registration(platform):
    code, lines = handlers.register_handlers(platform=platform)
    assert code == 0 and "CFBundleURLTypes" in lines[0]
