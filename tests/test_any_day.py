"""The date-sensitive tests, run again at awkward moments under libfaketime.

A test that reads the wall clock passes on the day it was written and fails on another: just
after midnight, on 29 February, across New Year. Each case here runs the quick tests of the
folders that deal with dates (``-m "not slow"``) in a child process whose clock libfaketime
sets to such a moment; the clock then runs on at normal speed, so the 23:59 run crosses
midnight while it runs. ``bootstrap.py test`` installs libfaketime; without it the cases
skip on a developer's machine and fail in CI (``CI`` set), where it must be present.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MOMENTS = {
    "just-after-midnight": "2027-03-15 00:00:20",
    "29-february": "2028-02-29 09:00:00",
    "new-years-eve-23-59": "2026-12-31 23:59:00",
}
DATE_SENSITIVE = ["tests/core", "tests/ui", "tests/sim", "tests/api", "tests/test_cli.py"]
# Tests that only time a wait in a server thread and read no date: libfaketime shifts
# CLOCK_MONOTONIC, which CPython's timed waits (threading.Event.wait) count against, so such a
# wait outlasts its client under libfaketime and nowhere else.
NOT_UNDER_FAKETIME = ["tests/sim/test_faults.py::test_latency_is_added"]


def _libfaketime() -> str | None:
    for pattern in (
        "/usr/lib/*-linux-gnu/faketime/libfaketimeMT.so.1",
        "/usr/lib*/faketime/libfaketimeMT.so.1",
        "/usr/lib/faketime/libfaketimeMT.so.1",
    ):
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return None


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MOMENTS.values()), ids=list(MOMENTS))
def test_the_date_sensitive_tests_pass_at(moment: str, tmp_path: Path) -> None:
    library = _libfaketime()
    if library is None:
        if os.environ.get("CI"):
            pytest.fail("libfaketime is missing: bootstrap.py test installs it (Debian: faketime)")
        pytest.skip("libfaketime is not installed (Debian: apt-get install faketime)")
    env = dict(
        os.environ,
        LD_PRELOAD=library,
        FAKETIME=f"@{moment}",
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("PYTEST_XDIST_WORKER", None)
    probe = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.datetime.now().date())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.stdout.strip() == moment.split()[0], "libfaketime did not take effect"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-m",
            "not slow",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'run'}",
            *(f"--deselect={test}" for test in NOT_UNDER_FAKETIME),
            *DATE_SENSITIVE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
    assert result.returncode == 0, f"at {moment}:\n{tail}"
