"""Typed errors of the vendor API; no message, repr or chained cause ever holds the API key."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import quote

_KEY_PARAM = re.compile(r"(apikey=)[^&#\s\"'<>]*", re.IGNORECASE)
REDACTED = "***"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Return ``text`` with every ``apikey=...`` value and every given secret replaced.

    Used at every boundary where text leaves the API layer (exception messages, log lines).
    Secrets shorter than 4 characters are still replaced: a key is never too short to hide.
    The secrets go first, raw and URL-encoded: the ``apikey=`` rule stops at ``&`` or ``#``,
    so run first it would leave the rest of a key holding those characters in the text.
    """
    out = text
    for secret in secrets:
        if secret:
            for form in sorted({secret, quote(secret, safe=""), quote(secret)}, key=len)[::-1]:
                out = out.replace(form, REDACTED)
    return _KEY_PARAM.sub(lambda m: m.group(1) + REDACTED, out)


class CallCenterError(Exception):
    """Base of every error the API layer raises.

    ``message`` is the whole text for logs and the command line: our ``summary``, then in
    brackets the ``detail`` and the ``server_text``. The parts are kept apart for the UI,
    which shows them in one language (agentbar/ui/messages.py):

    - ``summary``: our own sentences, marked for translation (QT_TRANSLATE_NOOP "api");
    - ``detail``: a library's or the operating system's technical words (English, for logs);
    - ``server_text``: the server's own words, shown as sent and marked as the server's.

    The exception carries no URL with a key and is raised ``from None`` where a lower
    library's exception could hold the key, so the formatted traceback is safe to log and show.
    """

    def __init__(
        self,
        summary: str,
        *,
        module: str | None = None,
        detail: str = "",
        server_text: str = "",
    ) -> None:
        self.summary = summary
        self.detail = detail
        self.server_text = server_text
        message = compose(summary, detail, server_text)
        super().__init__(message)
        self.message = message
        self.module = module

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, module={self.module!r})"

    def scrub(self, clean: Callable[[str], str]) -> None:
        """Pass every text part through ``clean`` (the key's redaction)."""
        self.summary = clean(self.summary)
        self.detail = clean(self.detail)
        self.server_text = clean(self.server_text)
        self.message = clean(self.message)
        self.args = (self.message,)


def compose(summary: str, detail: str = "", server_text: str = "") -> str:
    """``"summary (detail: server text)"``; the server's text alone when there is no summary."""
    extra = ": ".join(part for part in (detail, server_text) if part)
    if not summary:
        return extra
    return f"{summary} ({extra})" if extra else summary


class ApiError(CallCenterError):
    """The server answered and said no (``result`` false, a non-2xx status, an error page)."""

    def __init__(
        self,
        summary: str,
        *,
        module: str | None = None,
        status: int | None = None,
        detail: str = "",
        server_text: str = "",
    ) -> None:
        super().__init__(summary, module=module, detail=detail, server_text=server_text)
        self.status = status


class AuthError(ApiError):
    """The server refused the API key."""


class NetworkError(CallCenterError):
    """The server could not be reached: refused, DNS, timeout, TLS, connection dropped."""

    def __init__(
        self,
        summary: str,
        *,
        module: str | None = None,
        transient: bool = True,
        detail: str = "",
    ) -> None:
        super().__init__(summary, module=module, detail=detail)
        self.transient = transient


class ProtocolError(CallCenterError):
    """The server answered with something that cannot be decoded as the API's reply."""
