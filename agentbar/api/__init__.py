"""The vendor call-center API: pure asyncio + httpx, no Qt.

:class:`CallCenterClient` (and with it httpx, a large import) loads on first use: the errors
and the module table do not need it, and the bar is painted before the first client is made
(bench/startup.py).
"""

from typing import TYPE_CHECKING, Any

from agentbar.api.errors import (
    ApiError,
    AuthError,
    CallCenterError,
    NetworkError,
    ProtocolError,
    redact,
)
from agentbar.api.modules import MODULES, Kind, Module

if TYPE_CHECKING:
    from agentbar.api.client import CallCenterClient

__all__ = [
    "MODULES",
    "ApiError",
    "AuthError",
    "CallCenterClient",
    "CallCenterError",
    "Kind",
    "Module",
    "NetworkError",
    "ProtocolError",
    "redact",
]


def __getattr__(name: str) -> Any:
    if name == "CallCenterClient":
        from agentbar.api.client import CallCenterClient

        return CallCenterClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
