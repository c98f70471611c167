"""The single-instance socket under attack: who may connect, and what a message can carry.

tests/desktop/ checks the InstanceServer on its own; here it is the real program's socket
(a subprocess) that is probed, and the message decoder is fuzzed: whatever arrives, the only
possible outcome is a refusal or one of the documented commands with exactly its arguments.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from tests.hostile.conftest import KEY

REPO = Path(__file__).resolve().parents[2]

try:
    from agentbar.core.commands import COMMANDS, Command, CommandError, decode, encode, validate
    from agentbar.desktop.single_instance import instance_key, server_name
except ImportError as exc:  # the single-instance work is not in this tree
    pytest.skip(f"no single-instance module ({exc})", allow_module_level=True)


def _socket_path(state_dir: Path) -> Path:
    name = server_name(instance_key(state_dir))
    return Path(name) if os.path.isabs(name) else Path(tempfile.gettempdir()) / name


def _ask(
    path: Path, payload: bytes, replies: int = 1, timeout: float = 5.0
) -> list[dict[str, object]]:
    """Send raw bytes on a fresh connection; the instance's answer lines, decoded."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(path))
        sock.sendall(payload)
        data = b""
        deadline = time.monotonic() + timeout
        while data.count(b"\n") < replies and time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            data += chunk
    return [json.loads(line) for line in data.splitlines() if line.strip()]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="POSIX local sockets only")
def test_the_running_programs_socket_is_owner_only_and_refuses_anything_else(
    sim: Simulator, tmp_path: Path
) -> None:
    base = tmp_path / "instance"
    paths = Paths.under(base)
    paths.ensure()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AGENTBAR_API_KEY=KEY)
    proc = subprocess.Popen(
        [sys.executable, "-m", "agentbar", "--basedir", str(base), "--url", sim.url,
         "--agent", DEMO_AGENT, "--extension", DEMO_EXTENSION],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    path = _socket_path(paths.state_dir)
    try:
        deadline = time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert path.exists(), "the running program does not listen for other launches"
        mode = path.stat().st_mode
        assert stat.S_ISSOCK(mode)
        parent = path.parent.stat()
        private_dir = parent.st_uid == os.getuid() and parent.st_mode & 0o077 == 0
        assert mode & 0o077 == 0 or private_dir, oct(mode)  # only this user can connect

        hostile = [
            {"v": 1, "cmd": "exec", "args": {"cmd": "rm -rf ~"}},
            {"v": 1, "cmd": "dial", "args": {"target": "0532", "then": "quit"}},
            {"v": 1, "cmd": "dial", "args": {"target": "x" * 300}},
            {"v": 1, "cmd": "dial", "args": {"target": "0532\x00123"}},
            {"v": 1, "cmd": "break", "args": {"reason": ["2"]}},
            {"v": 1, "cmd": "__class__", "args": {}},
            {"v": 0, "cmd": "quit", "args": {}},
            {"v": True, "cmd": "quit", "args": {}},
            {"cmd": "quit", "args": {}},
        ]
        for message in hostile:
            line = json.dumps(message).encode() + b"\n"
            [reply] = _ask(path, line)
            assert reply["ok"] is False and reply.get("error"), (message, reply)
        [reply] = _ask(path, b"\xff\xfe{not json}\n")
        assert reply["ok"] is False
        [reply] = _ask(path, b"[" * 5000 + b"\n")
        assert reply["ok"] is False
        # A documented command is still accepted after all that: the instance is alive.
        [reply] = _ask(path, encode(validate("show", {})))
        assert reply == {"v": 1, "ok": True}
        assert proc.poll() is None
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert "Traceback" not in err, err
    assert KEY not in err


def _mutations(rng: random.Random, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(4)
        pos = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[pos:pos] = bytes(rng.choice(b'{}[]":,\\0123456789abcvdxtrue\x00\xff\n ')
                                  for _ in range(rng.randint(1, 8)))  # fmt: skip
        elif op == 2 and data:
            del data[pos : pos + rng.randint(1, 4)]
        else:
            fragment = rng.choice([b'"cmd"', b'"args"', b'"v":1', b'"target"', b'"reason"'])
            data[pos:pos] = fragment
    return bytes(data)


def test_fuzzed_messages_only_ever_become_documented_commands() -> None:
    rng = random.Random(20261127)
    seeds = [
        encode(validate("dial", {"target": "tel:+905321234567"})),
        encode(validate("break", {"reason": "2"})),
        encode(validate("quit", {})),
        b'{"v":1,"cmd":"dial","args":{"target":"0532"}}\n',
    ]
    accepted = 0
    for _ in range(20_000):
        line = _mutations(rng, rng.choice(seeds))
        try:
            command = decode(line)
        except CommandError:
            continue
        accepted += 1
        assert isinstance(command, Command)
        assert command.name in COMMANDS
        assert set(command.args) == set(COMMANDS[command.name])
        assert all(isinstance(v, str) and v and v == v.strip() for v in command.args.values())
        assert all(ord(c) >= 0x20 for v in command.args.values() for c in v)
    assert accepted > 100  # the fuzzer did reach the accepting paths
