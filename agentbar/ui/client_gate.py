"""ClientGate: the one event a run waits for before it talks to the server.

The bar is shown before the run's HTTP client (httpx) and the API key are there: making the
client and reading the keyring would otherwise hold up its first paint. Everything that needs
the API waits here, the same way: the bar's actions and polls (AgentSession), the side
panel's loads (PanelSession), and the settings dialog's connection test. The start-up opens
the gate once; a click meanwhile waits (shown as busy) and then goes out with the key.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Loaded when the first client is made, after the bar is painted.
    import httpx

    from agentbar.api.client import CallCenterClient
    from agentbar.core.settings import Settings

#: The address a client gets while no server is set (the settings dialog asks for one).
NO_SERVER_URL = "http://invalid.invalid/api/"


def new_api_client(settings: Settings, key: str, http: httpx.AsyncClient) -> CallCenterClient:
    """A CallCenterClient for ``settings`` and ``key`` over the run's one HTTP client."""
    from agentbar.api.client import CallCenterClient

    return CallCenterClient(
        settings.server_url or NO_SERVER_URL, key, wire=settings.wire, client=http
    )


class ClientGate:
    """Closed until :meth:`open` hands over the HTTP client, the API client and its key.

    :meth:`client` and :meth:`http` wait while it is closed. After a settings change
    :meth:`connect` makes a new API client over the same HTTP client; later waits get that
    one. ``key`` is the key of the current client (before the gate opens: the key known at
    start, "" while the keyring has not answered). The key never appears in ``repr``.
    """

    def __init__(self, key: str = "") -> None:
        self.key = key
        self._opened = asyncio.Event()
        self._http: httpx.AsyncClient | None = None
        self._client: CallCenterClient | None = None

    def __repr__(self) -> str:
        return f"ClientGate(open={self.is_open}, client={self._client!r})"

    @classmethod
    def opened(cls, http: httpx.AsyncClient, client: CallCenterClient, key: str) -> ClientGate:
        """A gate that is open from the start (tests, benchmarks, scripts)."""
        gate = cls(key)
        gate.open(http, client, key)
        return gate

    @property
    def is_open(self) -> bool:
        return self._opened.is_set()

    def open(self, http: httpx.AsyncClient, client: CallCenterClient, key: str) -> None:
        """Let every waiter through with ``client`` (made with ``key`` over ``http``). Once."""
        if self.is_open:
            raise RuntimeError("the client gate is open already")
        self._http, self._client, self.key = http, client, key
        self._opened.set()

    async def client(self) -> CallCenterClient:
        """The current API client, once the gate is open."""
        await self._opened.wait()
        assert self._client is not None  # set together with the event
        return self._client

    async def http(self) -> httpx.AsyncClient:
        """The run's HTTP client, once the gate is open."""
        await self._opened.wait()
        assert self._http is not None  # set together with the event
        return self._http

    @property
    def current(self) -> CallCenterClient:
        """The current API client; RuntimeError while the gate is closed."""
        if self._client is None:
            raise RuntimeError("the API client is not there yet: await ClientGate.client()")
        return self._client

    def use(self, client: CallCenterClient) -> None:
        """Make ``client`` the current one (the gate must be open)."""
        if not self.is_open:
            raise RuntimeError("the client gate is not open yet")
        self._client = client

    async def connect(self, settings: Settings, key: str) -> CallCenterClient:
        """Make and use a client for new settings or a new key (waits for the gate)."""
        client = new_api_client(settings, key, await self.http())
        self._client, self.key = client, key
        return client
