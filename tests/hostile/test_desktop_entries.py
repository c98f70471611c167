"""``.desktop`` Exec lines under hostile install paths: quoted exactly per the spec, or refused.

A path with ``$``, a backtick, quotes, backslashes or a ``%`` must reach the program exactly
as it is (no shell expansion, no lost character), and a path that no Exec line can carry (a
line break would split the file and add keys; GLib never loads a program path with ``%``)
is refused with a message saying why, before anything is written. Checked against the spec's
two decoding layers here, and with ``desktop-file-validate`` and ``gio launch`` when present.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agentbar.desktop import autostart
from agentbar.desktop.handlers import (
    DESKTOP_FILE_NAME,
    UnsafeDesktopPath,
    desktop_entry,
    exec_line,
    linux_register,
    register_handlers,
)

HARD = [
    "/opt/a b/agentbar",
    '/opt/q"uote/agentbar',
    "/opt/dollar$HOME/agentbar",
    "/opt/back`tick`/agentbar",
    "/opt/back\\slash\\/agentbar",
    "/opt/it's (mine); & | < > ~ * ? #/agentbar",
    "/opt/çağrı merkezi/agentbar",
    "/opt/=equals/agentbar",
]
HARD_ARGS = ["--basedir", "/home/a/100% sure", "50%", "%u", "$(id)", "\\\\", '"', "", "a=b"]


def _unescape_string(value: str) -> str:
    """The spec's escape rule for string values: \\s \\n \\t \\r \\\\ (applied first)."""
    out, i = [], 0
    table = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value) and value[i + 1] in table:
            out.append(table[value[i + 1]])
            i += 2
            continue
        assert c != "\\", f"an escape the spec does not define at {i} in {value!r}"
        out.append(c)
        i += 1
    return "".join(out)


def _split_exec(value: str) -> list[str]:
    """The spec's Exec rule on an unescaped value: quoted arguments, then %% -> %."""
    args, i = [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        arg = []
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\":
                    assert value[i + 1] in '"`$\\', f"bad escape in {value!r}"
                    i += 1
                arg.append(value[i])
                i += 1
            i += 1
            assert i == len(value) or value[i] == " "
        else:
            while i < len(value) and value[i] != " ":
                assert value[i] not in " \t\n\"'\\><~|&;$*?#()`", f"unquoted in {value!r}"
                arg.append(value[i])
                i += 1
        args.append("".join(arg).replace("%%", "\0").replace("%", "\1").replace("\0", "%"))
    return args


@pytest.mark.parametrize("program", HARD)
def test_hard_paths_survive_both_layers_of_the_spec(program: str) -> None:
    command = [program, *HARD_ARGS]
    decoded = _split_exec(_unescape_string(exec_line(command)))
    # A field code left in an argument would be marked \1: none is, every % is literal.
    assert decoded == command
    link = _split_exec(_unescape_string(exec_line(command) + " -- %u"))
    assert link[-1] == "\1u" and link[:-2] == command


@pytest.mark.parametrize(
    ("command", "why"),
    [
        (["/opt/agent\nbar/agentbar"], "line break"),
        (["/opt/agentbar", "--basedir", "/home/a\n[Desktop Entry]\nExec=evil"], "line break"),
        (["/opt/agent\rbar/agentbar"], "control character"),
        (["/opt/agent\tbar/agentbar"], "control character"),
        (["/opt/100%/agentbar"], "'%'"),
        (["/opt/\udcffbad/agentbar"], "UTF-8"),
    ],
)
def test_paths_that_cannot_be_written_are_refused_before_anything_is_written(
    tmp_path: Path, command: list[str], why: str
) -> None:
    with pytest.raises(UnsafeDesktopPath, match=why):
        exec_line(command)
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    with pytest.raises(OSError, match=why):
        linux_register(command, environ=env, run=lambda argv: pytest.fail("ran a tool"))
    assert not (tmp_path / "data" / "applications" / DESKTOP_FILE_NAME).exists()
    with pytest.raises(OSError, match=why):
        autostart.enable(argv=command, platform="linux", directory=tmp_path / "autostart")
    assert not (tmp_path / "autostart" / autostart.DESKTOP_FILE_NAME).exists()


def test_the_command_line_says_why_a_path_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "agentbar.desktop.handlers.launch_command", lambda basedir=None: ["/a\nb/agentbar"]
    )
    code, lines = register_handlers(platform="linux")
    assert code == 1
    assert "line break" in lines[0] and "Could not register" in lines[0]


needs_validate = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed"
)
needs_gio = pytest.mark.skipif(
    shutil.which("gio") is None or not sys.platform.startswith("linux"),
    reason="gio (libglib2.0-bin) not installed",
)


@needs_validate
@pytest.mark.parametrize("program", HARD)
def test_desktop_file_validate_accepts_the_entries(tmp_path: Path, program: str) -> None:
    for name, text in (
        ("links.desktop", desktop_entry([program, *HARD_ARGS])),
        ("auto.desktop", autostart.autostart_entry([program, *HARD_ARGS])),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0 and "error" not in done.stdout + done.stderr, (
            text,
            done.stdout,
            done.stderr,
        )


def _recorder(directory: Path, out: Path) -> Path:
    directory.mkdir(parents=True)
    script = directory / "agentbar"
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"open({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@needs_gio
@pytest.mark.parametrize("folder", ["a b", 'q"uote $HOME `id` \\x', "it's (mine); & | ~ * ? #"])
def test_gio_launch_runs_the_program_with_exactly_these_arguments(
    tmp_path: Path, folder: str
) -> None:
    import json

    out = tmp_path / "argv.json"
    program = _recorder(tmp_path / folder, out)
    args = ["--basedir", '/home/a/100% $HOME `id` \\ "q"']
    link = "tel:+905321234567"
    cases: tuple[tuple[str, list[str], list[str]], ...] = (
        (desktop_entry([str(program), *args]), [link], [*args, "--", link]),
        (autostart.autostart_entry([str(program), *args]), [], [*args, "--minimized"]),
    )
    for text, uris, expected in cases:
        entry = tmp_path / "entry.desktop"
        entry.write_text(text, encoding="utf-8")
        out.unlink(missing_ok=True)
        env = dict(os.environ, GIO_LAUNCHED_DESKTOP_FILE="")
        done = subprocess.run(
            ["gio", "launch", str(entry), *uris],
            capture_output=True, text=True, timeout=30, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, (text, done.stderr)
        deadline = time.monotonic() + 10
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert json.loads(out.read_text()) == expected, text
