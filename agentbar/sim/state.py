"""The simulator's pure state (no HTTP): agents and breaks, queues, and the whole SimState."""

from __future__ import annotations

import dataclasses
import random
import threading
from datetime import datetime

from agentbar.sim import seed
from agentbar.sim.calls import CallBoard
from agentbar.sim.campaigns import CampaignBook
from agentbar.sim.clock import SimClock
from agentbar.sim.errors import SimFailure
from agentbar.sim.model import Agent, BreakReason, Queue
from agentbar.sim.records import RecordStore
from agentbar.sim.seed_history import make_history


class AgentBook:
    """Agents, their login and break state. Every method takes the shared lock."""

    def __init__(self, lock: threading.RLock, agents: dict[str, Agent]) -> None:
        self._lock = lock
        self._agents = agents
        self._at_extension = {a.extension: a for a in agents.values()}
        self.breaks: tuple[BreakReason, ...] = seed.BREAKS

    def _get(self, number: str) -> Agent:
        agent = self._agents.get(number)
        if agent is None:
            raise SimFailure("Agent bulunamadı.")
        return agent

    def get(self, number: str) -> Agent:
        """A copy of agent ``number`` (SimFailure if unknown)."""
        with self._lock:
            return dataclasses.replace(self._get(number))

    def all(self) -> list[Agent]:
        """Copies of every agent, by number."""
        with self._lock:
            return [dataclasses.replace(a) for a in self._agents.values()]

    def exists(self, number: str) -> bool:
        """True if ``number`` is a known agent."""
        return number in self._agents

    def by_extension(self, extension: str) -> Agent | None:
        """A copy of the agent sitting at ``extension``, if any."""
        with self._lock:
            agent = self._at_extension.get(extension)
            return dataclasses.replace(agent) if agent is not None else None

    def add(self, agent: Agent) -> None:
        """Another agent (a bigger floor than the seed's, for the fleet bench)."""
        with self._lock:
            if agent.number in self._agents or agent.extension in self._at_extension:
                raise ValueError(f"agent {agent.number} or extension {agent.extension} exists")
            self._agents[agent.number] = agent
            self._at_extension[agent.extension] = agent

    def available_extensions(self) -> list[str]:
        """Extensions of agents who are logged in and not on a break."""
        with self._lock:
            return [a.extension for a in self._agents.values() if a.logged_in and not a.on_break]

    def login(self, number: str, now: datetime) -> None:
        """loginAgent."""
        with self._lock:
            agent = self._get(number)
            if agent.logged_in:
                raise SimFailure("Agent zaten giriş yapmış.")
            agent.logged_in, agent.login_time = True, now

    def logout(self, number: str) -> None:
        """logoutAgent: also ends a running break."""
        with self._lock:
            agent = self._get(number)
            if not agent.logged_in:
                raise SimFailure("Agent giriş yapmamış.")
            agent.logged_in, agent.login_time = False, None
            agent.break_id, agent.break_start = None, None

    def break_start(self, number: str, break_id: str, now: datetime) -> None:
        """breakStart."""
        with self._lock:
            agent = self._get(number)
            if not agent.logged_in:
                raise SimFailure("Agent giriş yapmamış.")
            if break_id not in {b.id for b in self.breaks}:
                raise SimFailure("Mola bulunamadı.")
            if agent.on_break:
                raise SimFailure("Agent zaten molada.")
            agent.break_id, agent.break_start = break_id, now

    def break_end(self, number: str, now: datetime) -> tuple[datetime, datetime]:
        """breakEnd: returns the break's real (start, end)."""
        with self._lock:
            agent = self._get(number)
            if not agent.logged_in:
                raise SimFailure("Agent giriş yapmamış.")
            if agent.break_start is None:
                raise SimFailure("Agent molada değil.")
            start = agent.break_start
            agent.break_id, agent.break_start = None, None
            return start, max(now, start)


class QueueBook:
    """Queues and their dynamic members."""

    def __init__(self, lock: threading.RLock, agents: AgentBook, queues: dict[str, Queue]):
        self._lock = lock
        self._agents = agents
        self._queues = queues

    def _get(self, account: str) -> Queue:
        queue = self._queues.get(account)
        if queue is None:
            raise SimFailure("Kuyruk bulunamadı.")
        return queue

    def _check_members(self, members: list[str]) -> None:
        for number in members:
            if not self._agents.exists(number):
                raise SimFailure(f"Agent bulunamadı: {number}.")

    def all(self) -> list[Queue]:
        """Copies of every queue, by number."""
        with self._lock:
            return [dataclasses.replace(q, members=list(q.members)) for q in self._queues.values()]

    def create(self, account: str, name: str, password: str, members: list[str]) -> None:
        """createQueue."""
        with self._lock:
            if account in self._queues:
                raise SimFailure("Kuyruk zaten mevcut.")
            self._check_members(members)
            self._queues[account] = Queue(account, name, password, list(dict.fromkeys(members)))

    def delete(self, account: str) -> None:
        """deleteQueue."""
        with self._lock:
            self._get(account)
            del self._queues[account]

    def members(self, account: str) -> list[str]:
        """queueAgents: the queue's agent numbers, sorted."""
        with self._lock:
            return sorted(self._get(account).members)

    def update(self, account: str, members: list[str], add: bool) -> None:
        """agentsQueue: add (make=true) or remove (make=false) members; repeats are ignored."""
        with self._lock:
            queue = self._get(account)
            self._check_members(members)
            if add:
                queue.members.extend(m for m in members if m not in queue.members)
            else:
                queue.members[:] = [m for m in queue.members if m not in members]


class SimState:
    """Everything the simulated server knows, consistent under one re-entrant lock.

    Built from seeded random data relative to ``clock.now()``: the same seed and start time
    give the same agents, queues, campaigns and ~300 past calls.
    """

    def __init__(self, clock: SimClock, seed_value: int = 1234) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        rng = random.Random(seed_value)
        now = clock.now()
        agents = seed.make_agents()
        for number in seed.SEED_LOGGED_IN:
            agents[number].logged_in = True
            agents[number].login_time = now.replace(hour=8, minute=30, second=0)
        for number, break_id in seed.SEED_ON_BREAK.items():
            agents[number].break_id = break_id
            agents[number].break_start = now
        self.extensions = frozenset(seed.EXTENSIONS)
        self.agents = AgentBook(self.lock, agents)
        queues = seed.make_queues()
        self.queues = QueueBook(self.lock, self.agents, queues)
        customers = seed.make_customers(rng)
        self.records = RecordStore(
            self.lock, make_history(rng, now, list(agents.values()), customers)
        )
        self.campaigns = CampaignBook(self.lock, seed.make_campaigns(rng, agents, queues, now))
        self.calls = CallBoard(
            self.lock,
            clock,
            random.Random(rng.random()),
            self.agents,
            self.records,
            self.extensions,
            customers,
        )

    def now(self) -> datetime:
        """The simulated time."""
        return self.clock.now()

    def add_floor(self, count: int, first_agent: int = 2000, first_extension: int = 20000) -> None:
        """``count`` more agents, numbered from ``first_agent``, each at their own extension
        from ``first_extension``, all logged out (a floor the size of a real call center)."""
        with self.lock:
            for i in range(count):
                number, extension = str(first_agent + i), str(first_extension + i)
                self.agents.add(Agent(number, f"Agent {number}", extension))
            added = {str(first_extension + i) for i in range(count)}
            self.extensions = self.extensions | added
            self.calls.add_extensions(added)
