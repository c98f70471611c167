"""A stateful simulator of the call-center HTTP API (tests and demo mode); no Qt here."""

from agentbar.sim.clock import SimClock
from agentbar.sim.endpoint import RecordedRequest
from agentbar.sim.faults import MALFORMED_MODES, Faults
from agentbar.sim.seed import DEMO_AGENT, DEMO_API_KEY, DEMO_EXTENSION
from agentbar.sim.simulator import Simulator

__all__ = [
    "DEMO_AGENT",
    "DEMO_API_KEY",
    "DEMO_EXTENSION",
    "MALFORMED_MODES",
    "Faults",
    "RecordedRequest",
    "SimClock",
    "Simulator",
]
