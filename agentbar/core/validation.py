"""Checks of what the user types in the settings: server address, agent, extension."""

from __future__ import annotations

import contextlib
import ipaddress
import re
from urllib.parse import urlsplit

_DIGITS_2_TO_6 = re.compile(r"[0-9]{2,6}")


def validate_server_url(url: str) -> str | None:
    """Why ``url`` is not a usable server address, or None when it is.

    Must be ``http`` or ``https`` with a host; no user name or password, query or fragment.
    Use :func:`is_cleartext` to warn about ``http``.
    """
    text = url.strip()
    if not text:
        return "Enter the server address, for example https://pbx.example.com."
    if any(ch.isspace() for ch in text):
        return "The server address must not contain spaces."
    try:
        parts = urlsplit(text)
        host = parts.hostname
        _ = parts.port
    except ValueError:
        return "The server address is not valid (check the host name and port)."
    if parts.scheme.lower() not in ("http", "https"):
        return "The server address must start with https:// or http://."
    if not host:
        return "The server address has no host name."
    if parts.username is not None or parts.password is not None:
        return "Do not put a user name or password in the server address."
    if parts.query or parts.fragment:
        return "The server address must not contain '?' or '#'."
    return None


def is_cleartext(url: str) -> bool:
    """True when ``url`` would send the API key unencrypted over the network (``http``).

    Loopback addresses (``localhost``, ``127.0.0.1``, ``::1``: the demo simulator) never leave
    the machine and are not reported.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return False
    if parts.scheme.lower() != "http" or host == "localhost" or host.endswith(".localhost"):
        return False
    with contextlib.suppress(ValueError):  # not an IP address: a host name
        return not ipaddress.ip_address(host).is_loopback
    return True


def _validate_digits(value: str, what: str) -> str | None:
    return None if _DIGITS_2_TO_6.fullmatch(value) else f"The {what} must be 2 to 6 digits."


def validate_agent(value: str) -> str | None:
    """Why ``value`` is not an agent number (2–6 ASCII digits, no spaces), or None."""
    return _validate_digits(value, "agent number")


def validate_extension(value: str) -> str | None:
    """Why ``value`` is not an extension (2–6 ASCII digits, no spaces), or None."""
    return _validate_digits(value, "extension")
