"""A floor of bars against one server: ``python -m bench fleet [--agents N] [--minutes M]``.

N headless bars (the bar's own AgentSession, CallCenterClient and polling schedule, no
widgets) poll one simulator for a simulated stretch of a shift, on simulated time
(agentbar/sim/inprocess.py: requests reach the simulator's handlers in process, and the
clock jumps whenever every bar waits), so a shift's stretch takes minutes of real time.

The stretch: the bars start together (a login script) with most agents logged in; calls
arrive at the queues by a Poisson process (one per agent per 30 minutes on average; the
simulator gives each to a free agent, rings 3-8 s, talks 20-180 s) and direct calls reach
any logged-in agent, breaks included; agents take breaks, log out and in again, and dial out
now and then (hanging up after a while).
Halfway through, the server goes down for RESTART_DOWN_S and comes back.

Reported: requests/s in total and per agent by the agent's activity (at the moment of the
request), the 50th/95th percentile delay from a call's arrival at the agent's extension to
the bar showing it, and the largest number of requests the server saw in any one second
after it came back.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from inspect import signature
from typing import Any

from bench.common import KEY, Figure

RESTART_DOWN_S = 30.0
#: Seconds after the server is back in which the busiest second is looked for.
HERD_WINDOW_S = 120.0
#: Per agent: one queue call offered per this many seconds on average (to free agents).
QUEUE_CALL_EVERY_S = 1800.0
DIRECT_CALL_EVERY_S = 3600.0
BREAK_EVERY_S = 2400.0
LOGOUT_EVERY_S = 7200.0
DIAL_EVERY_S = 3600.0
LOGGED_IN_AT_START = 0.85
FIRST_AGENT, FIRST_EXTENSION = 2000, 20000
#: What a bar polls with (the rest are the agents' actions).
POLLS = ("activeCalls", "activeCallsCallCenter", "breakList")
#: Calls arriving from the outage's start until this long after the server is back are
#: counted apart: the bars may still be waiting out their backoff.
OUTAGE_MARGIN_S = 60.0


def default_minutes(agents: int) -> float:
    """A stretch long enough for breaks and a restart, short enough for a few minutes' run."""
    return max(3.0, min(30.0, 2000.0 / max(agents, 1)))


@dataclass
class Tally:
    """What the run counted."""

    agent_seconds: Counter[str] = field(default_factory=Counter)
    requests: Counter[str] = field(default_factory=Counter)
    per_second: Counter[int] = field(default_factory=Counter)
    delays: dict[str, list[float]] = field(default_factory=lambda: {"ready": [], "break": []})
    #: Requests of the agents' own actions (log in, breaks, dial, ...), not polls.
    actions: int = 0
    #: Calls that arrived while the server was down or just back (not in ``delays``).
    outage_calls: int = 0


class Agent:
    """One bar and the person at it."""

    def __init__(self, fleet: Fleet, index: int) -> None:
        import httpx

        from agentbar.api.client import CallCenterClient
        from agentbar.core.agent_state import AgentState
        from agentbar.core.polling import PollSchedule
        from agentbar.core.settings import Settings
        from agentbar.sim.inprocess import transport
        from agentbar.ui.agent_session import AgentSession

        self.fleet = fleet
        self.number = str(FIRST_AGENT + index)
        self.extension = str(FIRST_EXTENSION + index)
        self.rng = random.Random(fleet.seed * 100_003 + index)
        self.dialled_at = -math.inf
        http = httpx.AsyncClient(transport=transport(fleet.sim, self._on_request))
        client = CallCenterClient(fleet.sim.url, KEY, wire="json", client=http)
        settings = Settings(
            server_url=fleet.sim.url,
            agent=self.number,
            extension=self.extension,
            poll_interval_s=2.0,
            notifications=False,
        )
        logged_in = self.rng.random() < LOGGED_IN_AT_START
        state = AgentState().logged_in_as(self.number) if logged_in else AgentState()
        kwargs: dict[str, Any] = {}
        if "schedule" in signature(AgentSession).parameters:  # the bar before issue 17 had none
            kwargs["schedule"] = PollSchedule(random.Random(self.rng.random()))
        try:  # the bar's one client gate (before issue 13 the session took the client itself)
            from agentbar.ui.client_gate import ClientGate

            first: Any = ClientGate.opened(http, client, KEY)
        except ImportError:
            first = client
        self.session = AgentSession(
            first,
            settings,
            state,
            save_state=lambda _s: None,
            save_settings=lambda _s: None,
            **kwargs,
        )
        self.session.call_changed.connect(self._on_call)
        self._seen: set[str] = set()
        if logged_in:
            fleet.sim.state.agents.login(self.number, fleet.sim.clock.now())

    def activity(self) -> str:
        from agentbar.core.polling import activity_of

        loop_time = self.fleet.loop.time()
        s = self.session
        return activity_of(
            logged_in=s.state.logged_in,
            on_break=s.state.on_break is not None,
            on_call=s.call is not None,
            dialling=loop_time - self.dialled_at < 30.0,
        ).value

    def _on_request(self, request: Any) -> None:
        tally = self.fleet.tally
        module = request.url.params.get("module", "")
        if module in POLLS:
            tally.requests[self.activity()] += 1
        else:
            tally.actions += 1
        tally.per_second[int(self.fleet.loop.time())] += 1

    def _on_call(self, call: Any) -> None:
        if call is None:
            return
        self.dialled_at = -math.inf
        if call.key in self._seen or call.direction != "in":
            return
        self._seen.add(call.key)
        sim_call = next(
            (c for c in self.fleet.sim.state.calls.active() if c.channel == call.key), None
        )
        if sim_call is None or not sim_call.inbound:
            return
        arrived = self.fleet.clock.loop_time(sim_call.started)
        if self.fleet.in_outage(arrived):
            self.fleet.tally.outage_calls += 1
            return
        kind = "break" if self.session.state.on_break else "ready"
        self.fleet.tally.delays[kind].append(self.fleet.loop.time() - arrived)

    async def live(self, end: float) -> None:
        """The agent's stretch: breaks, logouts, dials, until ``end`` (loop time)."""
        loop = self.fleet.loop
        s = self.session
        rate = 1 / BREAK_EVERY_S + 1 / LOGOUT_EVERY_S + 1 / DIAL_EVERY_S
        if not s.state.logged_in:
            await asyncio.sleep(self.rng.expovariate(1 / 180.0))
            await s.login()
        while loop.time() < end:
            await asyncio.sleep(self.rng.expovariate(rate))
            if loop.time() >= end:
                break
            if s.call is not None or not s.state.logged_in:
                continue
            pick = self.rng.random() * rate
            if pick < 1 / BREAK_EVERY_S:
                reason = s.state.break_reasons[0] if s.state.break_reasons else None
                if reason is None:
                    from agentbar.core.agent_state import BreakReason

                    reason = BreakReason("2", "YEMEK MOLASI")
                await s.start_break(reason)
                await asyncio.sleep(self.rng.uniform(180, 900))
                await s.end_break()
            elif pick < 1 / BREAK_EVERY_S + 1 / LOGOUT_EVERY_S:
                await s.logout()
                await asyncio.sleep(self.rng.uniform(120, 600))
                await s.login()
            else:
                self.dialled_at = loop.time()
                await s.dial(f"0532{self.rng.randrange(1_000_000, 9_999_999)}")
                await asyncio.sleep(self.rng.uniform(30, 120))
                if s.call is not None:
                    await s.hangup()


class Fleet:
    def __init__(self, agents: int, seed: int) -> None:
        from agentbar.sim import Simulator
        from agentbar.sim.inprocess import LoopClock, VirtualTimeLoop

        self.loop = VirtualTimeLoop()
        self.seed = seed
        self.clock = LoopClock(self.loop)
        self.sim = Simulator(api_key=KEY, clock=self.clock, seed=seed)
        self.sim.state.add_floor(agents, FIRST_AGENT, FIRST_EXTENSION)
        self.tally = Tally()
        self.count = agents
        self.agents: list[Agent] = []
        self.outage = (math.inf, math.inf)

    def in_outage(self, moment: float) -> bool:
        return self.outage[0] <= moment < self.outage[1] + OUTAGE_MARGIN_S

    async def run(self, seconds: float) -> dict[str, Any]:
        rng = random.Random(self.seed)
        self.agents = [Agent(self, i) for i in range(self.count)]
        self.sim.start_incoming_calls(QUEUE_CALL_EVERY_S / self.count)
        for agent in self.agents:  # a login script starts the whole floor at once
            agent.session.start()
        lives = [asyncio.ensure_future(a.live(seconds)) for a in self.agents]
        down_at = round(seconds * 0.55)
        up_at = down_at + RESTART_DOWN_S
        self.outage = (down_at, up_at)
        next_direct = rng.expovariate(self.count / DIRECT_CALL_EVERY_S)
        t = 0
        while t < seconds:
            await asyncio.sleep(1.0 - (self.loop.time() - t))
            t += 1
            for agent in self.agents:
                self.tally.agent_seconds[agent.activity()] += 1
            if t == down_at:
                self.sim.faults.down = True
            elif t == up_at:
                self.sim.faults.down = False
            while next_direct <= t:
                next_direct += rng.expovariate(self.count / DIRECT_CALL_EVERY_S)
                self._direct_call(rng)
        for task in lives:
            task.cancel()
        await asyncio.gather(*lives, return_exceptions=True)
        await asyncio.gather(*(a.session.aclose() for a in self.agents))
        return self._report(seconds, down_at, up_at)

    def _direct_call(self, rng: random.Random) -> None:
        agent = rng.choice(self.agents)
        if not agent.session.state.logged_in or self.sim.faults.down:
            return
        with contextlib.suppress(ValueError):  # the extension is busy
            self.sim.inject_incoming_call(agent.extension, f"0212{rng.randrange(10**6, 10**7)}")

    def _report(self, seconds: float, down_at: float, up_at: float) -> dict[str, Any]:
        tally = self.tally
        total = sum(tally.per_second.values())
        herd = max(
            (n for s, n in tally.per_second.items() if up_at <= s < up_at + HERD_WINDOW_S),
            default=0,
        )
        steady = max(
            (n for s, n in tally.per_second.items() if down_at - 60 <= s < down_at), default=0
        )
        by_state = {
            state: {
                "agent_seconds": tally.agent_seconds[state],
                "requests": tally.requests[state],
                "per_agent_per_s": tally.requests[state] / tally.agent_seconds[state]
                if tally.agent_seconds[state]
                else 0.0,
            }
            for state in ("ready", "break", "call", "logged out")
        }
        delays = {}
        for kind, values in tally.delays.items():
            values = sorted(values)
            delays[kind] = {
                "calls": len(values),
                "p50_s": _percentile(values, 50),
                "p95_s": _percentile(values, 95),
            }
        return {
            "agents": self.count,
            "simulated_s": seconds,
            "requests": total,
            "polls": sum(tally.requests.values()),
            "actions": tally.actions,
            "outage_calls": tally.outage_calls,
            "requests_per_s": total / seconds,
            "per_agent_per_s": total / seconds / self.count,
            "by_state": by_state,
            "shown_after": delays,
            "restart": {
                "down_s": RESTART_DOWN_S,
                "max_per_s_after": herd,
                "max_per_s_before": steady,
            },
        }


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return float(statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1])


def simulate(agents: int, minutes: float | None = None, seed: int = 17) -> dict[str, Any]:
    """Run the fleet; returns the figures (and the real seconds it took)."""
    seconds = round((minutes if minutes is not None else default_minutes(agents)) * 60)
    fleet = Fleet(agents, seed)
    started = time.perf_counter()
    try:
        result = fleet.loop.run_until_complete(fleet.run(seconds))
    finally:
        fleet.loop.close()
    result["real_s"] = time.perf_counter() - started
    return result


def print_report(r: dict[str, Any]) -> None:
    print(
        f"  {r['agents']} agents, {r['simulated_s'] / 60:.0f} simulated minutes "
        f"in {r['real_s']:.0f} s: {r['requests']:,} requests, {r['requests_per_s']:.1f}/s "
        f"({r['per_agent_per_s']:.3f}/s per agent)"
    )
    for state, row in r["by_state"].items():
        print(
            f"    {state:<11} {row['per_agent_per_s']:6.3f} polls/s per agent "
            f"({row['requests']:,} requests over {row['agent_seconds']:,} agent-seconds)"
        )
    print(f"    actions     {r['actions']:,} requests (log in and out, breaks, dials, hang-ups)")
    for kind, d in r["shown_after"].items():
        print(
            f"    call shown after arrival, agent {kind}: p50 {d['p50_s']:.2f} s, "
            f"p95 {d['p95_s']:.2f} s ({d['calls']} calls)"
        )
    print(f"    ({r['outage_calls']} calls arrived during the outage or its minute after)")
    rs = r["restart"]
    print(
        f"    server back after {rs['down_s']:.0f} s down: at most {rs['max_per_s_after']} "
        f"requests in one second (at most {rs['max_per_s_before']} in the minute before)"
    )


def figures(r: dict[str, Any]) -> list[Figure]:
    """The fleet's figures as bench rows, each against its target (issue 17)."""
    n = r["agents"]
    rows: list[Figure] = []
    # Logged out: none, but a poll already on its way when the log-out is answered counts
    # as logged out (a handful in a shift): below 0.001/s is none.
    limits = {"ready": 0.5, "break": 0.1, "call": 1.0, "logged out": 0.001}
    for state, limit in limits.items():
        f = Figure(
            "fleet",
            f"{n} agents: polls/s per agent, {state}",
            r["by_state"][state]["per_agent_per_s"],
            "/s",
            target=f"<= {limit:g}" if limit > 0.001 else "none (< 0.001)",
        )
        f.met = f.value < limit if limit == 0.001 else f.value <= limit + 1e-9
        rows.append(f)
    ready = r["shown_after"]["ready"]
    p95 = Figure("fleet", f"{n} agents: call shown, p95 (ready)", ready["p95_s"], "s")
    p95.target, p95.met = "<= 2 s", ready["p95_s"] <= 2.0
    rows.append(Figure("fleet", f"{n} agents: call shown, p50 (ready)", ready["p50_s"], "s"))
    rows.append(p95)
    rows.append(
        Figure(
            "fleet",
            f"{n} agents: requests/s in total",
            r["requests_per_s"],
            "/s",
            target="report",
        )
    )
    rows.append(
        Figure(
            "fleet",
            f"{n} agents: most requests in 1 s after a restart",
            float(r["restart"]["max_per_s_after"]),
            "req",
            target="report",
        )
    )
    return rows


def run(quick: bool = False, agents: int = 200, minutes: float | None = None) -> list[Figure]:
    result = simulate(agents, 5.0 if quick and minutes is None else minutes)
    print_report(result)
    return figures(result)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fleet", description=__doc__)
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--minutes", type=float)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    result = simulate(args.agents, args.minutes, args.seed)
    print_report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
