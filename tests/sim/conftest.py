"""Fixtures: a fresh Simulator on a free loopback port per test, and a raw-wire helper."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from agentbar.sim import SimClock, Simulator
from tests.sim.helpers import START, Api, sim_threads


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(clock=SimClock(start=START)).start()
    try:
        yield simulator
    finally:
        simulator.stop()
    assert simulator.errors == []
    assert sim_threads() == []


@pytest.fixture
def client(sim: Simulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.url, timeout=5, verify=False, trust_env=False) as c:
        yield c


@pytest.fixture
def api(client: httpx.Client) -> Api:
    return Api(client)
