"""The vendor call-center API: pure asyncio + httpx, no Qt."""

from agentbar.api.client import CallCenterClient
from agentbar.api.errors import (
    ApiError,
    AuthError,
    CallCenterError,
    NetworkError,
    ProtocolError,
    redact,
)
from agentbar.api.modules import MODULES, Kind, Module

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
