"""Fault switches (latency, errors, malformed bodies, downtime) and the pages they serve.

Whether a faulty request still changes state follows what a real PHP server would have
done: an HTTP 500 (``error_rate``, ``html500``), an ``empty`` body (a fatal error before
any output) and an ``html_login`` page (a proxy in front of PHP) never reach the module, so
nothing changes; ``truncated``, ``php_warning`` and ``bom`` are bodies PHP did produce, so
the action IS applied. Latency delays the answer after the action is applied.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MALFORMED_MODES = ("truncated", "html500", "php_warning", "bom", "empty", "html_login")
#: Modes answered without running the module at all.
SKIPS_MODULE = ("html500", "empty", "html_login")
HTML_TYPE = "text/html; charset=UTF-8"
BOM = b"\xef\xbb\xbf"


@dataclass
class Faults:
    """Fault switches; each attribute may be changed at any time from any thread.

    ``latency``: seconds added to every answer. ``error_rate``: share (0..1) of requests
    answered HTTP 500 with Apache's HTML page (drawn from a seeded generator).
    ``malformed``: None or one of MALFORMED_MODES. ``down``: connection refused; setting it
    on a running Simulator closes or reopens the listening socket (same port).
    """

    latency: float = 0.0
    error_rate: float = 0.0
    malformed: str | None = None
    down: bool = False
    _on_down: Callable[[bool], None] | None = field(
        default=None, repr=False, compare=False, init=False
    )

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "latency" and float(value) < 0:
            raise ValueError("latency must be >= 0")
        if name == "error_rate" and not 0.0 <= float(value) <= 1.0:
            raise ValueError("error_rate must be within 0..1")
        if name == "malformed" and value is not None and value not in MALFORMED_MODES:
            raise ValueError(f"malformed must be None or one of {MALFORMED_MODES}")
        super().__setattr__(name, value)
        callback = self.__dict__.get("_on_down")
        if name == "down" and callback is not None:
            callback(bool(value))

    def watch_down(self, callback: Callable[[bool], None] | None) -> None:
        """Call ``callback(down)`` whenever ``down`` is assigned (None: stop watching)."""
        object.__setattr__(self, "_on_down", callback)

    def clear(self) -> None:
        """Back to a healthy server (also brings it back up)."""
        self.latency, self.error_rate, self.malformed, self.down = 0.0, 0.0, None, False


class Dice:
    """A seeded, thread-safe random draw for ``error_rate``."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def hit(self, rate: float) -> bool:
        """True with probability ``rate`` (never draws when rate is 0)."""
        if rate <= 0:
            return False
        with self._lock:
            return self._rng.random() < rate


def apache_page(code: int, reason: str, text: str) -> bytes:
    """An Apache-style error page."""
    return (
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n'
        f"<html><head>\n<title>{code} {reason}</title>\n</head><body>\n"
        f"<h1>{reason}</h1>\n<p>{text}</p>\n<hr>\n"
        "<address>Apache/2.4.6 (CentOS) PHP/5.4.16 Server at localhost Port 80</address>\n"
        "</body></html>\n"
    ).encode()


def error_500_page() -> bytes:
    """Apache's 500 page, as served when PHP dies."""
    return apache_page(
        500,
        "Internal Server Error",
        "The server encountered an internal error or\nmisconfiguration and was unable to "
        "complete\nyour request.",
    )


def not_found_page(path: str) -> bytes:
    """Apache's 404 page."""
    safe = path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return apache_page(404, "Not Found", f"The requested URL {safe} was not found on this server.")


def login_page() -> bytes:
    """The Issabel web login page (what a reverse proxy or a lost session shows)."""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8">\n'
        "<title>Issabel - Giriş</title>\n</head>\n<body>\n"
        '<form method="POST" action="index.php">\n'
        '<input type="text" name="input_user" placeholder="Kullanıcı adı">\n'
        '<input type="password" name="input_pass" placeholder="Şifre">\n'
        '<input type="submit" name="submit_login" value="Giriş">\n'
        "</form>\n</body>\n</html>\n"
    ).encode()


def php_warning() -> bytes:
    """A PHP warning as ``display_errors=On`` prints it, before the real body."""
    return (
        b"<br />\n<b>Warning</b>:  Undefined index: agent in "
        b"<b>/var/www/html/api/index.php</b> on line <b>42</b><br />\n"
    )


def spoil(mode: str | None, body: bytes) -> bytes:
    """Apply a body-level fault (``truncated``, ``php_warning``, ``bom``) to a real answer."""
    if mode == "truncated":
        return body[: len(body) // 2]
    if mode == "php_warning":
        return php_warning() + body
    if mode == "bom":
        return BOM + body
    return body


#: Just under the client's 8 MB reply cap (agentbar.api.transport.MAX_BODY_BYTES).
HOSTILE_SIZE = 8 * 1024 * 1024 - 1024


def _fill(head: bytes, unit: bytes, tail: bytes, size: int) -> bytes:
    count = max(1, (size - len(head) - len(tail)) // len(unit))
    return head + unit * count + tail


def slow_pattern_bodies(size: int = HOSTILE_SIZE) -> dict[str, bytes]:
    """Reply bodies built to make a careless parser take super-linear time (issue 15).

    Each is ``size`` bytes or a little less: runs of ``<`` without ``>`` (alone, after a
    PHP warning's start, inside a web page), nested unclosed ``<title>``/``<h1>`` tags (a
    lazy ``<title>(.*?)</title>`` search restarts at each one) and nested unclosed XML
    elements (a tree builder makes millions of them before the end says the document is
    cut). ``php-warning-of-lt-in-window`` is a PHP notice that still fits the decoder's
    notice window, so that its text reaches the HTML cleaner.
    """
    return {
        "lt-run": _fill(b"", b"<", b"", size),
        "lt-run-in-a-page": _fill(b"<html><body>", b"<", b"", size),
        "lt-groups-in-a-page": _fill(b"<html><body>", b"<<<< ", b"", size),
        "php-warning-of-lt": _fill(b"Warning: ", b"<", b" on line 42", size),
        "php-warning-of-lt-in-window": _fill(
            b"<br />\n<b>Warning</b>:  ", b"<", b" on line <b>42</b><br />", 60_000
        ),
        "nested-unclosed-title": _fill(b"<!DOCTYPE html><html><head>", b"<title>", b"", size),
        "nested-unclosed-h1": _fill(b"<html><body>", b"<h1>", b"", size),
        "nested-unclosed-xml": _fill(b"<CallCenter>", b"<a>", b"", size),
    }
