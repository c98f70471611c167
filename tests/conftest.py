"""Suite-wide fixtures."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (agentbar/ui/gc_guard.py): the cyclic collector never runs on a worker,
    simulator or executor thread, where it could destroy a Qt object and crash the run; it
    runs here, on the main thread, after each test."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()
