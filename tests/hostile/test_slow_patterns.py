"""No pattern or parser takes super-linear time on server bytes (issue 15, item 1).

The bodies (``agentbar.sim.faults.slow_pattern_bodies``: runs of ``<`` without ``>``, nested
unclosed ``<title>``, ``<h1>`` and XML tags, 8 MB each) are also played against the client and
the bar's session in test_bodies.py. Here: what the text cleaner and the title search may
see is bounded whatever the reply's size; the linear scans that replaced the patterns give
the patterns' answers; ``agentbar-cli`` answers each body with one error line at once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentbar.api import CallCenterError, wire
from agentbar.api.modules import MODULES
from agentbar.sim.faults import slow_pattern_bodies
from tests.hostile.conftest import KEY, Hostile, answer

BODIES = slow_pattern_bodies()
ROOT = Path(__file__).resolve().parents[2]
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("name", list(BODIES))
def test_the_cleaner_and_the_title_search_see_a_bounded_input(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleaned: list[int] = []
    titles: list[int] = []
    strip, title = wire.strip_tags, wire.find_title

    def counting_strip(text: str) -> str:
        cleaned.append(len(text))
        return strip(text)

    def counting_title(data: bytes) -> bytes | None:
        found = title(data)
        titles.append(len(found or b""))
        return found

    monkeypatch.setattr(wire, "strip_tags", counting_strip)
    monkeypatch.setattr(wire, "find_title", counting_title)
    started = time.perf_counter()
    with pytest.raises(CallCenterError):
        wire.decode(BODIES[name], MODULES["breakStart"])
    assert all(n <= wire.CLEAN_WINDOW for n in cleaned), cleaned
    assert all(n <= wire.TITLE_WINDOW for n in titles), titles
    # Not a benchmark: a bound two orders of magnitude above the time taken, far below the
    # minutes to hours that the old patterns took on these bodies.
    assert time.perf_counter() - started < 2.0


def test_a_php_notice_long_past_its_window_is_not_scanned_for_one() -> None:
    body = BODIES["php-warning-of-lt"]
    assert len(body) > wire.NOISE_WINDOW
    with pytest.raises(CallCenterError) as info:
        wire.decode(body, MODULES["breakStart"])
    assert "PHP" not in info.value.message


_TAG_TEXT = st.text(alphabet="<>/ ab", max_size=60)
_PAGE = st.lists(
    st.sampled_from([b"<title>", b"</title>", b"<TITLE x>", b"<h1>", b"</h1>", b"<", b">", b"t"]),
    max_size=20,
).map(b"".join)


@FUZZ
@given(_TAG_TEXT)
def test_strip_tags_is_the_tag_pattern(text: str) -> None:
    assert wire.strip_tags(text) == re.sub(r"<[^>]+>", " ", text)


@FUZZ
@given(_PAGE)
def test_find_title_is_the_title_pattern(page: bytes) -> None:
    pattern = re.compile(rb"<(title|h1)(?![a-z0-9])[^>]*>(.*?)</\1", re.IGNORECASE | re.DOTALL)
    match = pattern.search(page)
    found = wire.find_title(page)
    if match is None:
        assert found is None
    else:  # the earliest opening tag whose end exists wins, as in the pattern
        assert found == match.group(2)


def test_a_clean_window_cuts_a_long_message() -> None:
    body = b'{"result":"false","message":"' + b"x" * 100_000 + b'"}'
    with pytest.raises(CallCenterError) as info:
        wire.decode(body, MODULES["breakStart"])
    assert len(info.value.message) <= wire.MAX_MESSAGE + 1


@pytest.mark.parametrize("name", list(BODIES))
def test_agentbar_cli_answers_at_once(
    name: str, hostile_factory: Callable[..., Hostile], tmp_path: Path
) -> None:
    server = hostile_factory()
    server.set(answer(BODIES[name], content_type="text/html"))
    env = {
        **os.environ,
        "AGENTBAR_API_KEY": KEY,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    argv = [sys.executable, "-m", "agentbar.cli", "--url", server.url, "breakStart"]
    started = time.monotonic()
    done = subprocess.run(
        [*argv, "agent=1001", "breakId=2"], env=env, capture_output=True, text=True, timeout=30
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert KEY not in done.stderr
    assert elapsed < 5.0, f"{name}: {elapsed:.1f} s"  # generous: start-up included
