"""The ``agentbar-sim`` command: argument parsing, the first line, a clean stop."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time

import httpx
import pytest

from agentbar.sim import DEMO_API_KEY, Faults
from agentbar.sim.__main__ import build_parser, main, parse_fault


def test_parse_fault() -> None:
    faults = Faults()
    for text in ("latency=0.5", "error-rate=0.1", "malformed=truncated", "down"):
        parse_fault(text, faults)
    assert faults == Faults(latency=0.5, error_rate=0.1, malformed="truncated", down=True)
    parse_fault("error_rate=0", faults)
    assert faults.error_rate == 0
    for bad in ("latency=fast", "malformed=weird", "flood=1", "error-rate=2"):
        with pytest.raises(ValueError):
            parse_fault(bad, Faults())


def test_parser_defaults_and_options() -> None:
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.api_key, args.time_scale) == ("127.0.0.1", 8080, None, 1.0)
    args = build_parser().parse_args(
        [
            "--numeric-lists",
            "--json-record-key",
            "call_records",
            "--break-end-json",
            "message",
            "--incoming-every",
            "30",
            "--time-scale",
            "10",
            "--fault",
            "latency=1",
        ]
    )
    assert args.numeric_lists and args.json_record_key == "call_records"
    assert args.break_end_json == "message" and args.incoming_every == 30
    assert args.time_scale == 10 and args.fault == ["latency=1"]


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--fault", "bogus"], ["--json-record-key", "x"], ["--time-scale", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    capsys.readouterr()


def run(*extra: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "agentbar.sim", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/api/)", first)
    assert match, first
    return proc, match.group(1)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_command_serves_and_stops_cleanly(stop_signal: signal.Signals) -> None:
    proc, url = run("--api-key", "s3cret", "--numeric-lists", "--incoming-every", "60")
    try:
        with httpx.Client(trust_env=False) as c:
            r = c.get(url, params={"apikey": "s3cret", "module": "breakList", "type": "json"})
            assert r.json()["0"]["name"] == "YEMEK MOLASI"
            r = c.get(url, params={"apikey": DEMO_API_KEY, "module": "breakList"})
            assert "Geçersiz API anahtarı." in r.text
    finally:
        proc.send_signal(stop_signal)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert "s3cret" not in out + err
    assert err == ""


def test_command_starts_down_and_sigusr1_brings_it_up() -> None:
    proc, url = run("--fault", "down")
    try:
        with httpx.Client(trust_env=False) as c:
            with pytest.raises(httpx.ConnectError):
                c.get(url)
            proc.send_signal(signal.SIGUSR1)
            for _ in range(100):
                try:
                    c.get(url, params={"apikey": DEMO_API_KEY, "module": "breakList"})
                    break
                except httpx.ConnectError:
                    time.sleep(0.02)
            else:
                pytest.fail("never came up")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    assert proc.returncode == 0
