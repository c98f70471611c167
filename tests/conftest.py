"""Suite-wide fixtures: tests run the way the app runs (agentbar/app.py, ui/gc_guard.py)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator

import pytest

from agentbar.app import GIL_SWITCH_INTERVAL_S
from agentbar.ui.gc_guard import collect_due

# Tests never need a display: without this, Qt aborts on a headless machine ("could not
# connect to display"). A developer who wants to watch can set QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")

# Files whose tests take seconds each: child processes (whole runs of AgentBar, the CLI, the
# bundle), the hostile catalogue (8 MB bodies, stalls, soaks), lint and types, the date checks
# under libfaketime. `-m "not slow"` leaves them out while coding (README); the full command
# runs everything. A single slow test elsewhere carries @pytest.mark.slow itself.
SLOW_FILES = (
    "tests/hostile/",
    "tests/desktop/",
    "tests/test_build_installer.py",
    "tests/test_bench_smoke.py",
    "tests/test_quality.py",
    "tests/test_any_day.py",
    "tests/sim/test_cli.py",
    "tests/ui/test_app.py",
    "tests/ui/test_start_minimized.py",
    "tests/ui/test_fleet_start.py",
    "tests/ui/test_activity_log.py",
    "tests/ui/test_agent_safe.py",
    "tests/ui/test_polling_rates.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        where = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        if where.startswith(SLOW_FILES):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def switch_threads_as_the_app_does() -> Iterator[None]:
    """The GUI run's GIL switch interval (app.py): a worker thread hands the GIL back to the
    main thread as often in the tests as in the app (set for each test: one may change it, and
    CPython keeps whole microseconds, so a get-and-restore drifts down by one)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    yield
    sys.setswitchinterval(before)


_froze = [False]  # the suite's one freeze after its first full collection, as in the app


#: Folders whose tests make Qt objects: a full collection after each, so that a widget or a
#: media player caught in a cycle is gone before the next test (QtMultimedia's player hung in
#: stop() when one outlived its test).
QT_FOLDERS = ("tests/ui/", "tests/desktop/", "tests/hostile/")


@pytest.fixture(autouse=True)
def collect_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As in the app (agentbar/ui/gc_guard.py): the cyclic collector never runs on a worker,
    simulator or executor thread, where it could destroy a Qt object and crash the run; it
    runs here, on the main thread, after each test: generation by generation as the
    thresholds say, with the app's one freeze (collect_due), and fully after a test that
    made Qt objects (a full collection after every test made two thirds of the quick tests'
    time)."""
    gc.disable()
    yield
    where = request.node.path.relative_to(request.config.rootpath).as_posix()
    if where.startswith(QT_FOLDERS):
        gc.collect()
    else:
        _, _froze[0] = collect_due(_froze[0])
    gc.enable()
