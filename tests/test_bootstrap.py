"""bootstrap.py's system-library check: what it finds missing, what it installs or asks for."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bootstrap() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bootstrap_under_test", ROOT / "bootstrap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bootstrap(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _bootstrap()
    monkeypatch.setattr(module.sys, "platform", "linux")
    monkeypatch.delenv("AGENTBAR_SKIP_SYSTEM_CHECK", raising=False)
    return module


def _machine(
    module: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    *,
    libs: set[str],
    fonts: bool,
    faketime: bool,
    manager: str = "apt-get",
    root: bool,
    has_tools: bool = True,
) -> list[list[str]]:
    ran: list[list[str]] = []
    monkeypatch.setattr(module, "_loadable_libraries", lambda: libs)
    monkeypatch.setattr(module, "_has_fonts", lambda: fonts)
    monkeypatch.setattr(
        module, "faketime_library", lambda: "/x/libfaketimeMT.so.1" if faketime else None
    )
    tools = set(module.TEST_TOOLS) if has_tools else set()
    monkeypatch.setattr(
        module.shutil,
        "which",
        lambda name: f"/usr/bin/{name}" if name == manager or name in tools else None,
    )
    monkeypatch.setattr(module.os, "geteuid", lambda: 0 if root else 1000)

    def run(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        ran.append(list(cmd))
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(module.subprocess, "run", run)
    return ran


def test_a_complete_machine_installs_nothing(bootstrap, monkeypatch):
    ran = _machine(
        bootstrap,
        monkeypatch,
        libs=set(bootstrap.SYSTEM_LIBS),
        fonts=True,
        faketime=True,
        root=True,
    )
    bootstrap.ensure_system_libraries(for_tests=True)
    assert ran == []


def test_a_bare_debian_as_root_gets_every_package_with_apt(bootstrap, monkeypatch):
    ran = _machine(
        bootstrap,
        monkeypatch,
        libs={"libc.so.6"},
        fonts=False,
        faketime=False,
        root=True,
        has_tools=False,
    )
    bootstrap.ensure_system_libraries(for_tests=True)
    assert ran[0] == ["apt-get", "update", "-q"]
    install = ran[1]
    assert install[:5] == ["apt-get", "install", "-y", "-q", "--no-install-recommends"]
    for package in ("libpulse0", "libxcb-cursor0", "libegl1", "fonts-dejavu-core", "faketime"):
        assert package in install
    for package in ("xvfb", "desktop-file-utils", "libglib2.0-bin", "dpkg-dev"):  # test tools
        assert package in install
    assert len(install) == len(set(install))  # libxcb's sonames are one package, named once


def test_the_demo_does_not_ask_for_libfaketime(bootstrap, monkeypatch):
    ran = _machine(
        bootstrap,
        monkeypatch,
        libs=set(bootstrap.SYSTEM_LIBS),
        fonts=True,
        faketime=False,
        root=True,
    )
    bootstrap.ensure_system_libraries(for_tests=False)
    assert ran == []


def test_without_root_it_names_the_exact_command_and_stops(bootstrap, monkeypatch, capsys):
    libs = set(bootstrap.SYSTEM_LIBS) - {"libpulse.so.0", "libxcb-cursor.so.0"}
    ran = _machine(bootstrap, monkeypatch, libs=libs, fonts=True, faketime=True, root=False)
    with pytest.raises(SystemExit) as stop:
        bootstrap.ensure_system_libraries(for_tests=True)
    assert stop.value.code == 4
    assert ran == []
    err = capsys.readouterr().err
    assert (
        "sudo apt-get update && sudo apt-get install -y -q --no-install-recommends "
        "libpulse0 libxcb-cursor0"
    ) in err


@pytest.mark.parametrize(
    ("manager", "expected"),
    [
        ("dnf", ["dnf", "install", "-y", "-q", "pulseaudio-libs", "dejavu-sans-fonts"]),
        ("pacman", ["pacman", "-S", "--noconfirm", "--needed", "libpulse", "ttf-dejavu"]),
    ],
)
def test_fedora_and_arch_get_their_own_package_names(bootstrap, monkeypatch, manager, expected):
    libs = set(bootstrap.SYSTEM_LIBS) - {"libpulse.so.0"}
    ran = _machine(
        bootstrap, monkeypatch, libs=libs, fonts=False, faketime=True, manager=manager, root=True
    )
    bootstrap.ensure_system_libraries(for_tests=True)
    assert ran == [expected]


def test_other_systems_and_the_skip_variable_check_nothing(bootstrap, monkeypatch):
    ran = _machine(bootstrap, monkeypatch, libs=set(), fonts=False, faketime=False, root=True)
    monkeypatch.setenv("AGENTBAR_SKIP_SYSTEM_CHECK", "1")
    bootstrap.ensure_system_libraries(for_tests=True)
    monkeypatch.delenv("AGENTBAR_SKIP_SYSTEM_CHECK")
    monkeypatch.setattr(bootstrap.sys, "platform", "darwin")
    bootstrap.ensure_system_libraries(for_tests=True)
    assert ran == []


def test_this_machine_has_what_the_tests_need():
    """The suite runs here, so nothing may be missing (bootstrap installed it, or CI did)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux")
    module = _bootstrap()
    if not module._loadable_libraries():
        pytest.skip("no ldconfig here")
    assert module.missing_system_packages(for_tests=False, manager=0) == []


@pytest.mark.slow
def test_a_qt_test_runs_with_no_display_and_no_platform_variable(tmp_path):
    """The README's test command on a headless machine: no DISPLAY, no QT_QPA_PLATFORM."""
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path}",
            "tests/ui/test_toolbar.py",
            "-k",
            "junk",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_the_tests_run_on_every_core_unless_the_arguments_choose() -> None:
    bootstrap = _bootstrap()
    assert bootstrap.parallel_args([], cpus=2) == ["-n", "2"]
    assert bootstrap.parallel_args(["-m", "not slow"], cpus=16) == ["-n", "4"]
    assert bootstrap.parallel_args([], cpus=1) == []
    for chosen in (["-n", "0"], ["-n3"], ["--numprocesses=2"], ["-p", "no:xdist"], ["--pdb"]):
        assert bootstrap.parallel_args(["tests/ui", *chosen], cpus=8) == []
