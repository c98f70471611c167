#!/usr/bin/env python3
"""Find Python 3.12+, install AgentBar into ./.venv, then run the demo, the tests or a command.

Runs under any Python 3.8+ so that ``python3 bootstrap.py ...`` works where ``python3`` is
older than AgentBar needs (PySide6 6.12 aborts on 3.11): it finds a 3.12+ interpreter by
itself (``AGENTBAR_PYTHON``, the running one, ``python3.13``/``python3.12`` on PATH, the
Windows ``py`` launcher, pyenv's versions) and says clearly when there is none.

    python3 bootstrap.py demo [ARGS]    install, then ``agentbar --demo ARGS``
    python3 bootstrap.py test [ARGS]    install with the test extra, then ``pytest ARGS``
    python3 bootstrap.py run CMD [ARGS] install, then run CMD (agentbar, agentbar-cli, ...)

On Linux it first checks the system libraries Qt, QtMultimedia and real fonts need (and, for
the tests, libfaketime): as root it installs what is missing with apt-get, dnf or pacman;
otherwise it prints the exact command to run and stops. The tests run on Qt's offscreen
platform, so they need no display.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MIN_VERSION = (3, 12)
VENV = Path(os.environ.get("AGENTBAR_VENV", str(ROOT / ".venv")))
WINDOWS = os.name == "nt"


def _version_of(cmd: list[str]) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [*cmd, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    try:
        major, minor = out.stdout.strip().split(".")
        return (int(major), int(minor))
    except ValueError:
        return None


def _candidates() -> list[list[str]]:
    found: list[list[str]] = []
    env = os.environ.get("AGENTBAR_PYTHON")
    if env:
        found.append([env])
    found.append([sys.executable])
    for name in ("python3.14", "python3.13", "python3.12", "python3", "python"):
        path = shutil.which(name)
        if path:
            found.append([path])
    if WINDOWS and shutil.which("py"):
        found += [["py", "-3.13"], ["py", "-3.12"]]
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv")]
    for root in filter(None, roots):
        versions = Path(root) / "versions"
        if versions.is_dir():
            for v in sorted(versions.iterdir(), reverse=True):
                exe = v / ("python.exe" if WINDOWS else "bin/python3")
                if exe.exists():
                    found.append([str(exe)])
    for extra in ("/usr/local/bin/python3.12", "/opt/homebrew/bin/python3.12"):
        if Path(extra).exists():
            found.append([extra])
    return found


def find_python() -> list[str]:
    """A command that runs Python >= 3.12, or exit with a message saying how to get one."""
    if os.environ.get("AGENTBAR_PYTHON") is None and sys.version_info[:2] >= MIN_VERSION:
        return [sys.executable]
    seen = []
    for cmd in _candidates():
        version = _version_of(cmd)
        if version is None:
            continue
        seen.append(f"{' '.join(cmd)} ({version[0]}.{version[1]})")
        if version >= MIN_VERSION:
            return cmd
    sys.stderr.write(
        "AgentBar needs Python 3.12 or newer (PySide6 6.12 aborts on 3.11).\n"
        "Found: %s.\n"
        "Install one (python.org, 'apt install python3.12', 'pyenv install 3.12') or point\n"
        "AGENTBAR_PYTHON at it: AGENTBAR_PYTHON=/path/to/python3.12 python3 bootstrap.py ...\n"
        % (", ".join(seen) or "none")
    )
    raise SystemExit(3)


# Shared libraries PySide6's Qt (xcb and offscreen platforms, QtMultimedia's FFmpeg backend,
# the keyring's D-Bus) loads, and the package that brings each one on apt, dnf and pacman.
# Measured on a bare Debian 12: without these, Qt aborts at start or 37 tests fail.
SYSTEM_LIBS: dict[str, tuple[str, str, str]] = {
    "libpulse.so.0": ("libpulse0", "pulseaudio-libs", "libpulse"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "xcb-util-renderutil",
    ),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
    "libxshmfence.so.1": ("libxshmfence1", "libxshmfence", "libxshmfence"),
    "libgssapi_krb5.so.2": ("libgssapi-krb5-2", "krb5-libs", "krb5"),
    # QtMultimedia's FFmpeg plugin: without it Qt finds no media backend and nothing plays
    # (seen on a bare Debian 12: "No QtMultimedia backends found").
    "libXrandr.so.2": ("libxrandr2", "libXrandr", "libxrandr"),
    # The Wayland platform plugin (a Wayland desktop; Qt falls back to xcb without them).
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl", "wayland"),
}
# Fonts with Turkish glyphs: without any font file Qt draws every letter as a box, silently.
FONT_PACKAGES = ("fonts-dejavu-core", "dejavu-sans-fonts", "ttf-dejavu")
# libfaketime, for the test that runs the date-sensitive tests at awkward moments.
FAKETIME_PACKAGES = ("faketime", "libfaketime", "libfaketime")
FAKETIME_DIRS = (
    "/usr/lib/x86_64-linux-gnu/faketime",
    "/usr/lib/aarch64-linux-gnu/faketime",
    "/usr/lib64/faketime",
    "/usr/lib/faketime",
)
# Programs some tests drive (a real X server for the keyboard test, the Desktop Entry checks,
# the .deb build): without them those tests skip. Installed for `test` only.
TEST_TOOLS: dict[str, tuple[str, str, str]] = {
    "xvfb-run": ("xvfb", "xorg-x11-server-Xvfb", "xorg-server-xvfb"),
    "xauth": ("xauth", "xorg-x11-xauth", "xorg-xauth"),  # xvfb-run needs it (a Recommends)
    "desktop-file-validate": ("desktop-file-utils", "desktop-file-utils", "desktop-file-utils"),
    "gio": ("libglib2.0-bin", "glib2", "glib2"),
    "dpkg-architecture": ("dpkg-dev", "dpkg-dev", "dpkg"),
}
MANAGERS = (("apt-get", 0), ("dnf", 1), ("pacman", 2))


def _loadable_libraries() -> set[str]:
    """Sonames the dynamic loader knows (``ldconfig -p``); empty when it cannot be asked."""
    for ldconfig in ("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        return {line.split()[0] for line in out.stdout.splitlines()[1:] if line.strip()}
    return set()


def _has_fonts() -> bool:
    try:
        out = subprocess.run(
            ["fc-list", ":lang=tr", "file"], capture_output=True, text=True, timeout=30
        )
        return bool(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return any(
            Path(d).is_dir() and any(Path(d).rglob("*.ttf"))
            for d in ("/usr/share/fonts", "/usr/local/share/fonts")
        )


def faketime_library() -> str | None:
    """The path of libfaketime's multi-thread library, or None."""
    for folder in FAKETIME_DIRS:
        for name in ("libfaketimeMT.so.1", "libfaketime.so.1"):
            if (Path(folder) / name).exists():
                return str(Path(folder) / name)
    return None


def missing_system_packages(for_tests: bool, manager: int) -> list[str]:
    """The packages (for ``manager``: 0 apt, 1 dnf, 2 pacman) that would bring what is missing."""
    known = _loadable_libraries()
    if not known:  # no ldconfig: cannot tell, so do not guess
        return []
    wanted: list[str] = []
    for soname, packages in SYSTEM_LIBS.items():
        if soname not in known and packages[manager] not in wanted:
            wanted.append(packages[manager])
    if not _has_fonts():
        wanted.append(FONT_PACKAGES[manager])
    if for_tests and faketime_library() is None:
        wanted.append(FAKETIME_PACKAGES[manager])
    if for_tests:
        for tool, packages in TEST_TOOLS.items():
            if shutil.which(tool) is None and packages[manager] not in wanted:
                wanted.append(packages[manager])
    return wanted


def _install_command(manager: str, packages: list[str]) -> list[str]:
    if manager == "apt-get":
        return ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    if manager == "dnf":
        return ["dnf", "install", "-y", "-q", *packages]
    return ["pacman", "-S", "--noconfirm", "--needed", *packages]


def ensure_system_libraries(for_tests: bool) -> None:
    """Install (as root) or name (otherwise) the system packages Qt and the tests need.

    Linux only: Windows and macOS wheels of PySide6 carry what they need. Stops the run with
    exit code 4 and the exact command when something is missing and cannot be installed here.
    """
    if not sys.platform.startswith("linux") or os.environ.get("AGENTBAR_SKIP_SYSTEM_CHECK"):
        return
    manager = next(((name, i) for name, i in MANAGERS if shutil.which(name)), None)
    if manager is None:
        return
    name, index = manager
    missing = missing_system_packages(for_tests, index)
    if not missing:
        return
    command = _install_command(name, missing)
    if os.geteuid() != 0:
        what = ", libfaketime" if for_tests else ""
        shown = " ".join(command)
        if name == "apt-get":
            shown = f"apt-get update && sudo {shown}"
        sys.stderr.write(
            "AgentBar needs system libraries that this machine lacks"
            f" (Qt, QtMultimedia, fonts{what}).\n"
            f"Install them, then run this command again:\n\n    sudo {shown}\n\n"
            "(set AGENTBAR_SKIP_SYSTEM_CHECK=1 to skip this check)\n"
        )
        raise SystemExit(4)
    print(f"bootstrap: installing system packages: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if name == "apt-get":
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_venv(python: list[str]) -> Path:
    """Create ./.venv with ``python`` (again, if the existing one is too old or broken)."""
    exe = venv_python()
    if exe.exists():
        version = _version_of([str(exe)])
        if version is not None and version >= MIN_VERSION:
            return exe
        shutil.rmtree(VENV)
    print(f"bootstrap: creating {VENV} with {' '.join(python)}", flush=True)
    subprocess.run([*python, "-m", "venv", str(VENV)], check=True)
    return exe


def ensure_installed(exe: Path, extra: str) -> None:
    """``pip install -e .[extra]`` unless this exact pyproject is already installed."""
    spec = "." + (f"[{extra}]" if extra else "")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / ".agentbar-installed"
    if stamp.exists() and digest in stamp.read_text().split():
        return
    print(f"bootstrap: installing AgentBar{spec[1:]} into {VENV}", flush=True)
    subprocess.run(
        [str(exe), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec],
        cwd=str(ROOT),
        check=True,
    )
    previous = stamp.read_text().split() if stamp.exists() else []
    stamp.write_text("\n".join([*previous, digest]) + "\n")


def compile_bytecode(exe: Path) -> None:
    """Compile agentbar/ to bytecode, as an installed AgentBar has it (pip compiles at install).

    An editable install runs from the sources; where PYTHONDONTWRITEBYTECODE is set (CI
    images often set it) every launch would compile every module again (~20 ms). Only
    changed files are compiled; a failure here costs speed, not correctness.
    """
    subprocess.call(
        [str(exe), "-m", "compileall", "-q", "-j", "0", str(ROOT / "agentbar")],
        cwd=str(ROOT),
        stdout=subprocess.DEVNULL,
    )


def _script(exe: Path, name: str) -> str:
    folder = exe.parent
    for candidate in (folder / name, folder / (name + ".exe")):
        if candidate.exists():
            return str(candidate)
    return name


#: The most pytest-xdist workers ``test`` starts (each is a Python with Qt: ~200 MB).
MAX_TEST_WORKERS = 4


def parallel_args(rest: list[str], cpus: int | None = None) -> list[str]:
    """``-n N`` for pytest-xdist, one worker per CPU up to :data:`MAX_TEST_WORKERS`, unless
    the arguments choose (``-n``, ``--numprocesses``, ``-p``, ``--pdb``) or there is one CPU.
    The tests are independent; on two cores the quick subset takes half the time."""
    for arg in rest:
        if arg in ("-p", "--pdb") or arg.startswith(("-n", "--numprocesses", "-pno:xdist")):
            return []
    available = cpus if cpus is not None else (os.cpu_count() or 1)
    count = min(available, MAX_TEST_WORKERS)
    return ["-n", str(count)] if count > 1 else []


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in ("demo", "test", "run"):
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    command, rest = argv[0], argv[1:]
    if command in ("demo", "test"):
        ensure_system_libraries(for_tests=command == "test")
    exe = ensure_venv(find_python())
    ensure_installed(exe, "test" if command == "test" else "")
    compile_bytecode(exe)
    if command == "demo":
        cmd = [_script(exe, "agentbar"), "--demo", *rest]
    elif command == "test":
        # Tests never need a display: Qt's offscreen platform (tests/conftest.py sets it too).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
        cmd = [str(exe), "-m", "pytest", *parallel_args(rest), *rest]
    else:
        if not rest:
            print("bootstrap: run needs a command, e.g. 'run agentbar-cli breakList'")
            return 2
        cmd = [_script(exe, rest[0]), *rest[1:]]
    return subprocess.call(cmd, cwd=str(ROOT))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
