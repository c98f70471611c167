"""The GUI-thread collector: no automatic collection meanwhile, generations collected as their
counts say, what start-up made frozen after the first full collection, all given back at the
end."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from agentbar.ui import gc_guard
from agentbar.ui.gc_guard import MainThreadCollector


@pytest.fixture
def low_thresholds() -> Iterator[None]:
    """Thresholds that a few allocations pass, so that a test sees every generation."""
    before = gc.get_threshold()
    gc.set_threshold(10, 1, 1)
    yield
    gc.set_threshold(*before)


def _churn(kept: list[list[int]]) -> None:
    """Allocate containers that live on (tracked by the collector), as loaded rows do."""
    kept.extend([i] for i in range(100))


def _run(collector: MainThreadCollector, checks: int) -> None:
    kept: list[list[int]] = []
    for _ in range(checks):
        _churn(kept)
        collector.check()


def test_collections_follow_the_counts_and_the_first_full_one_freezes(qapp, low_thresholds):
    gc.enable()  # as Python starts (the suite's own fixture turns it off around each test)
    gc.unfreeze()  # as the app starts: nothing frozen yet (the suite may have frozen its own)
    frozen_before = gc.get_freeze_count()
    collector = MainThreadCollector(interval_ms=3_600_000)
    try:
        assert not gc.isenabled()  # nothing collects on another thread meanwhile
        _run(collector, 60)
        young, middle, full = collector.collections
        assert young >= 10 and middle >= 5 and full >= 2
        frozen = gc.get_freeze_count()
        assert frozen > frozen_before  # what survived the first full one
    finally:
        collector.stop()
    assert gc.isenabled()  # given back
    assert gc.get_freeze_count() < frozen  # stop() unfroze what the collector froze
    gc.disable()


def test_the_checks_run_on_a_timer(qtbot, low_thresholds) -> None:
    collector = MainThreadCollector(interval_ms=5)
    kept: list[list[int]] = []
    try:
        for _ in range(50):
            _churn(kept)
        qtbot.waitUntil(lambda: sum(collector.collections) > 0, timeout=2000)
    finally:
        collector.stop()


def test_a_check_waits_while_the_cpu_lane_builds_rows(qapp, low_thresholds, monkeypatch) -> None:
    """A collection while a load is half built would walk the rows it is about to adopt."""
    building = [True]
    monkeypatch.setattr(gc_guard, "cpu_lane_busy", lambda: building[0])
    collector = MainThreadCollector(interval_ms=3_600_000)
    kept: list[list[int]] = []
    try:
        for _ in range(gc_guard.MAX_WAITS):
            _churn(kept)
            collector.check()
        assert collector.collections == [0, 0, 0]
        collector.check()  # the lane is still busy: once MAX_WAITS checks waited, collect
        assert sum(collector.collections) == 1
        building[0] = False
        _churn(kept)
        collector.check()
        assert sum(collector.collections) == 2
    finally:
        collector.stop()
    gc.disable()
