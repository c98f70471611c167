"""Helpers shared by the benchmark cases: medians, a process's RSS and CPU time, spawning a
child and waiting for one of its lines, the figure rows every case reports, and JSON output.

Nothing here imports Qt: the parent process of a case only launches, waits and measures.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import platform
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
KEY = "bench-key-0123456789"
AGENT = "101"  # the simulator's demo agent and extension (agentbar.sim.seed)
EXTENSION = "1004"

try:  # optional: /proc is read when psutil is missing
    _psutil: Any = importlib.import_module("psutil")
except ImportError:  # pragma: no cover - depends on the environment
    _psutil = None


# -- numbers ---------------------------------------------------------------------------------


def median(values: Iterable[float]) -> float:
    """The median of ``values`` (never a single shot: callers pass several runs)."""
    items = list(values)
    if not items:
        raise ValueError("no samples")
    return float(statistics.median(items))


def ratio(value: float, baseline: float) -> float | None:
    return round(value / baseline, 2) if baseline > 0 else None


@dataclass
class Figure:
    """One reported number: ours, the same-run baseline, their ratio and the target."""

    case: str
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    samples: Sequence[float] = ()
    baseline_samples: Sequence[float] = ()

    @property
    def ratio(self) -> float | None:
        return None if self.baseline is None else ratio(self.value, self.baseline)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["samples"] = [round(v, 3) for v in self.samples]
        data["baseline_samples"] = [round(v, 3) for v in self.baseline_samples]
        return data

    def judge_ratio(self, limit: float) -> Figure:
        """Met when the ratio to the baseline is at most ``limit``; returns self."""
        self.met = self.ratio is not None and self.ratio <= limit
        return self

    def line(self) -> str:
        base = "" if self.baseline is None else f"{self.baseline:9.1f} {self.unit:<4}"
        r = "" if self.ratio is None else f"{self.ratio:5.2f}x"
        mark = {True: "met", False: "MISSED", None: ""}[self.met]
        return (
            f"  {self.name:<54} {self.value:9.1f} {self.unit:<4} {base:>14} {r:>6}"
            f"  {self.target:<17} {mark}"
        )


HEADER = f"  {'figure':<54} {'ours':>14} {'baseline':>14} {'ratio':>6}  {'target':<17}"


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def machine() -> dict[str, Any]:
    """Where the figures came from: cores, CPU model, Python and PySide6 versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pyside = version("PySide6-Essentials")
    except Exception:
        pyside = "?"
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(),
    }


# -- processes -------------------------------------------------------------------------------


def rss_bytes(pid: int) -> int:
    """Resident set size of ``pid`` (psutil, else /proc/PID/status VmRSS)."""
    if _psutil is not None:
        return int(_psutil.Process(pid).memory_info().rss)
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by ``pid`` (psutil, else /proc/PID/stat)."""
    if _psutil is not None:
        times = _psutil.Process(pid).cpu_times()
        return float(times.user + times.system)
    fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def process_age_s() -> float:
    """Seconds since this process started (Linux /proc, 10 ms steps; else since this import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


_IMPORTED = time.monotonic()


PYCACHE = Path(tempfile.gettempdir()) / "agentbar-bench-pycache"


def use_bytecode_cache(environ: MutableMapping[str, str] = os.environ) -> None:
    """Let children keep compiled bytecode (in a cache outside the repository).

    An installed AgentBar (a wheel, the PyInstaller bundle) starts from ``.pyc`` files; with
    ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes and CI images) every launch would
    compile every module of the package again and time that instead.
    """
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    environ.setdefault("PYTHONPYCACHEPREFIX", str(PYCACHE))


def child_env(**extra: str) -> dict[str, str]:
    """Offscreen Qt, FFmpeg's per-file dump silenced, the key in AGENTBAR_API_KEY, bytecode
    cached (:func:`use_bytecode_cache`), this checkout first on the path."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AGENTBAR_API_KEY=KEY)
    env.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
    use_bytecode_cache(env)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


class Child:
    """A child process whose stdout is read line by line, with timeouts.

    ``started`` is ``time.perf_counter()`` just before the spawn, so :meth:`wait_line`
    returns how long after launch a line arrived.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        stderr: Path | None = None,
        cwd: Path = REPO,
    ) -> None:
        self.argv = list(argv)
        err = stderr.open("ab") if stderr is not None else subprocess.DEVNULL
        self.started = time.perf_counter()
        try:
            self.proc = subprocess.Popen(
                self.argv,
                cwd=cwd,
                env=env or child_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
            )
        finally:
            if stderr is not None and not isinstance(err, int):
                err.close()
        assert self.proc.stdout is not None
        os.set_blocking(self.proc.stdout.fileno(), False)
        self._buffer = b""
        self.lines: list[str] = []

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self, timeout: float) -> bool:
        assert self.proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout):
                return True
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            return False
        self._buffer += chunk
        return True

    def wait_line(self, prefix: str, timeout: float = 60.0) -> tuple[str, float]:
        """The first new line starting with ``prefix`` and the seconds since launch it came."""
        deadline = time.perf_counter() + timeout
        while True:
            while b"\n" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\n", 1)
                line = raw.decode("utf-8", "replace").strip()
                self.lines.append(line)
                if line.startswith(prefix):
                    return line, time.perf_counter() - self.started
            left = deadline - time.perf_counter()
            if left <= 0:
                self.kill()
                raise TimeoutError(f"no {prefix!r} line from {' '.join(self.argv[:4])}")
            if not self._read(min(left, 1.0)) and self.proc.poll() is not None:
                raise RuntimeError(
                    f"{' '.join(self.argv[:4])} exited {self.proc.returncode} before {prefix!r}"
                )

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def close(self, timeout: float = 10.0) -> None:
        """Close its stdin (bench children quit on end of input), then wait, else terminate."""
        if self.proc.poll() is None and self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.terminate()

    def terminate(self) -> None:
        """SIGTERM (AgentBar itself ignores its stdin), then kill if it lingers."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


# -- AgentBar set up as an agent's machine would be --------------------------------------------


def prepare_basedir(
    base: Path, server_url: str, *, poll_interval_s: float = 2.0, logged_in: bool = True
) -> Path:
    """Settings (server, agent, extension, JSON) and a logged-in agent state under ``base``.

    A restart with that state resumes the login and polls, as the bar does after a reboot.
    """
    from agentbar.core.agent_state import AgentState, save_state
    from agentbar.core.paths import Paths
    from agentbar.core.settings import Settings, save_settings

    paths = Paths.under(base)
    paths.ensure()
    settings = Settings(
        server_url=server_url,
        agent=AGENT,
        extension=EXTENSION,
        wire="json",
        poll_interval_s=poll_interval_s,
        notifications=False,
    )
    save_settings(paths, settings)
    state = AgentState().logged_in_as(AGENT) if logged_in else AgentState()
    save_state(paths.state_file, state)
    return base


def agentbar_argv(base: Path, *extra: str) -> list[str]:
    """``python -m agentbar --basedir BASE --bench-ready …`` (key from the environment)."""
    return python("-m", "agentbar", "--basedir", str(base), "--bench-ready", *extra)


def warm_basedir(base: Path, *, stderr: Path | None = None) -> None:
    """Start AgentBar once on ``base`` and stop it, as after a first day of use.

    The first start of a source checkout compiles the translations into the cache; an
    installed AgentBar ships them. Copies of a warmed directory start like any later day.
    (Stopped with SIGTERM: a logged-in agent's Quit asks a question first.)
    """
    child = Child(agentbar_argv(base), stderr=stderr)
    try:
        child.wait_line("agentbar-ready", 60)
        time.sleep(1.0)
    finally:
        child.terminate()
    for lock in (base / "state").glob("instance-*.lock"):
        lock.unlink()
