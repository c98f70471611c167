#!/usr/bin/env python3
"""Find Python 3.12+, install AgentBar into ./.venv, then run the demo, the tests or a command.

Runs under any Python 3.8+ so that ``python3 bootstrap.py ...`` works where ``python3`` is
older than AgentBar needs (PySide6 6.12 aborts on 3.11): it finds a 3.12+ interpreter by
itself (``AGENTBAR_PYTHON``, the running one, ``python3.13``/``python3.12`` on PATH, the
Windows ``py`` launcher, pyenv's versions) and says clearly when there is none.

    python3 bootstrap.py demo [ARGS]    install, then ``agentbar --demo ARGS``
    python3 bootstrap.py test [ARGS]    install with the test extra, then ``pytest ARGS``
    python3 bootstrap.py run CMD [ARGS] install, then run CMD (agentbar, agentbar-cli, ...)
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


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in ("demo", "test", "run"):
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    command, rest = argv[0], argv[1:]
    exe = ensure_venv(find_python())
    ensure_installed(exe, "test" if command == "test" else "")
    compile_bytecode(exe)
    if command == "demo":
        cmd = [_script(exe, "agentbar"), "--demo", *rest]
    elif command == "test":
        cmd = [str(exe), "-m", "pytest", *rest]
    else:
        if not rest:
            print("bootstrap: run needs a command, e.g. 'run agentbar-cli breakList'")
            return 2
        cmd = [_script(exe, rest[0]), *rest[1:]]
    return subprocess.call(cmd, cwd=str(ROOT))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
