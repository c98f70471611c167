"""packaging/ci/*.py: the logic the installers workflow runs, tested here (not on runners)."""

from __future__ import annotations

import importlib.util
import plistlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from agentbar.desktop.windows_registry import windows_command, windows_registry_values

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    """By path: ``packaging`` is also the PyPA library's name."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / "ci" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


check_install = _load("check_install")
macos_sign = _load("macos_sign")


class Disk:
    def __init__(self, files: dict[str, str] | None = None) -> None:
        self.files = files or {}

    def exists(self, path: str) -> bool:
        return path in self.files or any(f.startswith(path.rstrip("/\\") + s)
                                         for f in self.files for s in "/\\")  # fmt: skip

    def read_text(self, path: str) -> str | None:
        return self.files.get(path)


def _linux(mode: str, disk: Disk) -> list[str]:
    return list(check_install.problems(mode, "linux", environ={}, exists=disk.exists,
                                  read_text=disk.read_text))  # fmt: skip


def test_linux_installed_needs_every_file_and_the_link_handler():
    files = {p: "" for p in check_install.expected_paths("linux", {})}
    files[check_install.LINUX_MIME_CACHE] = "[MIME Cache]\nx-scheme-handler/tel=agentbar.desktop;\n"
    assert _linux("installed", Disk(files)) == []
    del files["/usr/share/doc/agentbar/copyright"]
    files[check_install.LINUX_MIME_CACHE] = "[MIME Cache]\n"
    assert _linux("installed", Disk(files)) == [
        "missing /usr/share/doc/agentbar/copyright",
        f"{check_install.LINUX_MIME_CACHE} does not offer agentbar.desktop for tel:",
    ]


def test_linux_removed_finds_leftovers():
    assert _linux("removed", Disk({check_install.LINUX_MIME_CACHE: "[MIME Cache]\n"})) == []
    cache = check_install.LINUX_MIME_CACHE
    left = _linux(
        "removed", Disk({"/opt/agentbar/_internal/x.so": "", cache: "tel=agentbar.desktop;"})
    )
    assert "left behind /opt/agentbar" in left
    assert f"{check_install.LINUX_MIME_CACHE} still names agentbar.desktop" in left


def _windows_registry(folder: str) -> dict[tuple[str, str], str]:
    exe = str(Path(folder) / "agentbar.exe")
    values = windows_registry_values(windows_command(exe), f'"{exe}",0')
    return {(v.key, v.name): v.value for v in values}


def test_windows_installed_and_removed():
    env = {"ProgramFiles": "C:/PF", "PROGRAMDATA": "C:/PD"}
    folder = str(Path("C:/PF") / "AgentBar")
    registry = _windows_registry(folder)
    key_file = str(Path("C:/PD") / "AgentBar" / "api-key.dpapi")
    disk = Disk({str(Path(folder) / "agentbar.exe"): "", key_file: ""})

    def run(mode: str, **kw: object) -> list[str]:
        return list(check_install.problems(mode, "windows", environ=env, exists=disk.exists,
                                           read_text=disk.read_text, **kw))  # fmt: skip

    get = lambda key, name: registry.get((key, name))  # noqa: E731
    assert run("installed", registry_get=get, expect_key=True) == []
    registry.pop((r"Software\RegisteredApplications", "AgentBar"))
    assert run("installed", registry_get=get) == [
        "HKLM\\Software\\RegisteredApplications [AgentBar] is None, not "
        "'Software\\\\AgentBar\\\\Capabilities'"
    ]
    left = run("removed", registry_get=get)
    assert f"left behind {folder}" in left and f"left behind {key_file}" in left
    assert any("AgentBar.Link" in line for line in left)
    assert run("removed", registry_get=lambda _k, _n: None) != []  # files still there
    disk.files.clear()
    assert run("removed", registry_get=lambda _k, _n: None) == []


def test_macos_removed_includes_the_login_item():
    disk = Disk({"/Users/a/Library/LaunchAgents/com.agentbar.AgentBar.plist": ""})
    assert check_install.problems(
        "removed",
        "macos",
        environ={"HOME": "/Users/a"},
        exists=disk.exists,
        read_text=disk.read_text,
    ) == [  # fmt: skip
        "left behind /Users/a/Library/LaunchAgents/com.agentbar.AgentBar.plist"
    ]


def test_main_exit_code(capsys):
    assert check_install.main(["removed", "macos"]) in (0, 1)
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("removed macos: ")
    with pytest.raises(SystemExit):
        check_install.main(["vanished", "linux"])


def _macho(path: Path, magic: str = "cffaedfe") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes.fromhex(magic) + b"\0" * 60)
    return path


def test_signing_order_is_inside_out_and_skips_data(tmp_path: Path):
    app = tmp_path / "AgentBar.app"
    main = _macho(app / "Contents/MacOS/agentbar")
    plugin = _macho(app / "Contents/Frameworks/PySide6/Qt/plugins/platforms/libqcocoa.dylib")
    fat = _macho(app / "Contents/Frameworks/libpython3.13.dylib", "cafebabe")
    framework = app / "Contents/Frameworks/QtCore.framework"
    core = _macho(framework / "Versions/A/QtCore")
    (app / "Contents/Resources").mkdir(parents=True)
    (app / "Contents/Resources/agentbar.icns").write_bytes(b"icns....")
    (app / "Contents/Info.plist").write_text("<plist/>")
    order = macos_sign.signing_order(app)
    assert order[-1] == app
    assert set(order) == {main, plugin, fat, framework, core, app}
    assert order.index(core) < order.index(framework)  # contents before their bundle
    assert order.index(plugin) < order.index(main)  # deeper first


def test_codesign_commands_use_the_hardened_runtime_and_entitlements(tmp_path: Path):
    app = tmp_path / "AgentBar.app"
    _macho(app / "Contents/MacOS/agentbar")
    _macho(app / "Contents/Frameworks/libQt6Core.dylib")
    commands = macos_sign.commands(app, "Developer ID Application: Call Center (TEAM123)")
    for command in commands:
        assert command[:6] == ["codesign", "--force", "--timestamp", "--options", "runtime",
                               "--sign"]  # fmt: skip
    by_target = {Path(c[-1]).name: c for c in commands}
    assert "--entitlements" in by_target["agentbar"] and "--entitlements" in by_target[app.name]
    assert "--entitlements" not in by_target["libQt6Core.dylib"]


def test_entitlements_are_the_few_python_needs():
    plist = plistlib.loads(macos_sign.ENTITLEMENTS.read_bytes())
    assert plist == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
