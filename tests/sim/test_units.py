"""Pieces without HTTP: the clock, PHP parameter merging, rendering, and the no-Qt rule."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import agentbar.sim
from agentbar.sim import SimClock
from agentbar.sim.params import merge
from agentbar.sim.render import Block, Items, Reply, Scalar, to_json, to_xml

SIM_DIR = Path(agentbar.sim.__file__).parent


def test_clock_scale_and_advance() -> None:
    start = datetime(2026, 1, 1, 9, 0, 0)
    clock = SimClock(time_scale=1000, start=start)
    assert (clock.now() - start).total_seconds() < 60
    clock.advance(3600)
    assert clock.now() >= datetime(2026, 1, 1, 10, 0, 0)
    assert clock.real_seconds(1000) == 1
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        SimClock(time_scale=0)


def test_merge_like_php_request() -> None:
    merged = merge(
        [("a", "1"), ("m[]", "x"), ("m[]", "y"), ("r", "1"), ("r", "2")],
        [("a", "2"), ("b", "")],
    )
    assert merged == {"a": "2", "m": ["x", "y"], "r": ["1", "2"], "b": ""}


def test_render_shapes() -> None:
    reply = Reply.success(
        Scalar("id", 3), Block("break", {"agent": "1", "x": ""}), Items("k", "list", "i", [])
    )
    assert (
        to_xml(reply)
        .decode()
        .endswith(
            "<CallCenter><result>true</result><id>3</id><break><agent>1</agent><x/></break>"
            "<list/></CallCenter>\n"
        )
    )
    assert to_json(reply, numeric_lists=True) == (
        b'{"result":"true","id":3,"break":{"agent":"1","x":""},"k":[]}'
    )
    assert (
        to_xml(Reply.failure("a & <b>"))
        .decode()
        .endswith("<result>false</result><message>a &amp; &lt;b&gt;</message></CallCenter>\n")
    )


def test_no_qt_in_the_simulator() -> None:
    code = (
        "import sys, agentbar.sim, agentbar.sim.__main__;"
        "print(any('PySide6' in m for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_modules_are_small_and_documented() -> None:
    for path in sorted(SIM_DIR.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) < 400, path.name
        assert ast.get_docstring(ast.parse(source)), path.name


def test_samples_are_small_and_bundled() -> None:
    samples = sorted(p.name for p in (SIM_DIR / "samples").iterdir())
    assert samples == ["sample-gsm.WAV", "sample-pcm.wav", "sample.mp3"]
    assert all((SIM_DIR / "samples" / n).stat().st_size < 100_000 for n in samples)
