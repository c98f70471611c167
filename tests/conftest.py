"""Suite-wide fixtures: tests run the way the app runs (agentbar/app.py, ui/gc_guard.py)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from agentbar.app import GIL_SWITCH_INTERVAL_S


@pytest.fixture(autouse=True)
def switch_threads_as_the_app_does() -> Iterator[None]:
    """The GUI run's GIL switch interval (app.py): a worker thread hands the GIL back to the
    main thread as often in the tests as in the app (set for each test: one may change it, and
    CPython keeps whole microseconds, so a get-and-restore drifts down by one)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    yield
    sys.setswitchinterval(before)


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (agentbar/ui/gc_guard.py): the cyclic collector never runs on a worker,
    simulator or executor thread, where it could destroy a Qt object and crash the run; it
    runs here, on the main thread, after each test."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()
