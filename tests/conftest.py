"""Suite-wide fixtures."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

# Tests never need a display: without this, Qt aborts on a headless machine ("could not
# connect to display"). A developer who wants to watch can set QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (agentbar/ui/gc_guard.py): the cyclic collector never runs on a worker,
    simulator or executor thread, where it could destroy a Qt object and crash the run; it
    runs here, on the main thread, after each test."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()
