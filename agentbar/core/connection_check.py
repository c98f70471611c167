"""Test a server address, API key and wire format with one read-only call, as a plain report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import httpx

from agentbar.api.client import CallCenterClient, WireFormat
from agentbar.api.errors import (
    ApiError,
    AuthError,
    CallCenterError,
    NetworkError,
    ProtocolError,
    redact,
)
from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.core.settings import validate_server_url

__all__ = ["ConnectionReport", "check_connection"]

# Most specific first: AuthError is an ApiError.
# Marked for translation: the settings dialog shows the report sentence by sentence in the
# user's language (agentbar/ui/messages.py).
_PREFIXES: tuple[tuple[type[CallCenterError], str], ...] = (
    (AuthError, QT_TRANSLATE_NOOP("connection", "The server refused the API key")),
    (NetworkError, QT_TRANSLATE_NOOP("connection", "Cannot reach the server")),
    (
        ProtocolError,
        QT_TRANSLATE_NOOP("connection", "The server's reply is not the call-center API"),
    ),
    (ApiError, QT_TRANSLATE_NOOP("connection", "The server answered with an error")),
)


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """The outcome of :func:`check_connection`: ``message`` is an English sentence for the user."""

    ok: bool
    message: str
    #: How many break reasons the server listed (on success): the UI words it itself.
    reasons: int | None = None
    #: On failure: what happened (a marked sentence without its full stop) and the error
    #: itself (redacted), so the UI can word both in one language.
    prefix: str = field(default="", compare=False)
    error: CallCenterError | None = field(default=None, compare=False)


async def check_connection(
    url: str, api_key: str, wire: str, *, client: httpx.AsyncClient
) -> ConnectionReport:
    """Ask the server for its break reasons (``breakList``, read-only) and say how it went.

    Sent once, without retries, so the answer comes quickly. Never raises for a server, network
    or input problem: each becomes a report. The message never contains ``api_key`` (the API
    errors are redacted already; this redacts again). Cancellation propagates.
    """
    problem = validate_server_url(url)
    if problem is not None:
        return ConnectionReport(False, problem)
    if wire not in ("json", "xml"):
        return ConnectionReport(False, "The wire format must be JSON or XML.")
    if not api_key.strip():
        return ConnectionReport(False, "Enter the API key first.")
    api = CallCenterClient(
        url.strip(), api_key.strip(), wire=cast(WireFormat, wire), client=client, retry_delays=()
    )
    try:
        reasons = await api.break_list()
    except CallCenterError as exc:
        secrets = (api_key, api_key.strip())
        exc.scrub(lambda text: redact(text, secrets))
        message = _describe(exc, api_key)
        prefix = "" if message == exc.message else _prefix(exc)
        return ConnectionReport(False, message, prefix=prefix, error=exc)
    return ConnectionReport(True, _success(len(reasons)), len(reasons))


def _success(count: int) -> str:
    if count == 0:
        return QT_TRANSLATE_NOOP(
            "connection", "Connected: the server answered, but lists no break reasons."
        )
    noun = "break reason" if count == 1 else "break reasons"
    return f"Connected: the server answered and lists {count} {noun}."


def _prefix(exc: CallCenterError) -> str:
    fallback = QT_TRANSLATE_NOOP("connection", "The test failed")
    return next((p for cls, p in _PREFIXES if isinstance(exc, cls)), fallback)


def _describe(exc: CallCenterError, api_key: str) -> str:
    """``"<what happened>: <detail>"``; the detail alone when it already says the same."""
    prefix = _prefix(exc)
    secrets = (api_key, api_key.strip())
    detail = redact(exc.message.strip() or type(exc).__name__, secrets)
    if detail.lower().startswith(prefix.lower()):
        return detail
    return f"{prefix}. {detail}"
