"""Measurement hooks for bench/ (not for people), switched on by hidden command-line options.

``--bench-ready``: print ``agentbar-ready SECONDS`` on stdout once the bar has been painted and
the event loop has turned once more (painted and responsive); SECONDS is the process's age,
so that bench/startup.py measures from the process's start, interpreter included.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from agentbar.ui.startup.first_paint import PaintWatcher

_IMPORTED = time.monotonic()


def install_bench_hooks(args: argparse.Namespace, bar: QWidget) -> None:
    """Switch on the hooks ``args`` ask for, on the run's bar."""
    if getattr(args, "bench_ready", False):
        announce_ready(bar)


def announce_ready(widget: QWidget) -> None:
    """Print ``agentbar-ready SECONDS`` after the widget's first paint and one more turn of
    the event loop."""

    def announce() -> None:
        sys.stdout.write(f"agentbar-ready {process_age_s():.4f}\n")
        sys.stdout.flush()

    PaintWatcher(widget, lambda: QTimer.singleShot(0, announce))


def process_age_s() -> float:
    """Seconds since this process started (Linux: /proc, 10 ms steps; else since this import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime, in ticks
        # Both since boot, both read from /proc: a shifted wall or boot clock (libfaketime in
        # tests/test_any_day.py) does not shift them.
        with open("/proc/uptime", "rb") as fh:
            up = float(fh.read().split()[0])
        return up - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED
