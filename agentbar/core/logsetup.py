"""Logging to a rotating file (and stderr), with the API key redacted from every line."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from io import TextIOWrapper
from pathlib import Path

from agentbar.api.errors import redact
from agentbar.core.paths import make_private_dir, make_private_file

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no secret (nor any ``apikey=`` value) reaches a handler.

    Attached to handlers, not loggers, so that records from every library (httpx logs each
    request URL, key included, at INFO) pass through it. Secrets can be added at run time.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add_secret(self, secret: str) -> None:
        if secret:
            self._secrets.add(secret)

    def redact(self, text: str) -> str:
        """``text`` with every registered secret hidden (for crash dialogs and stderr)."""
        return redact(text, self._secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        clean = redact(message, self._secrets)
        record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._secrets)
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are the user's alone (0600), also after each rotation.

    The log holds the agent's actions and phone numbers (the activity log, core/activity.py):
    no other user of the machine may read it, whatever the umask.
    """

    def _open(self) -> TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        make_private_file(Path(self.baseFilename))  # a log an older version left 0o644
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def set_level(level: str) -> None:
    """Apply the user's log level (settings.log_level) once the settings are read.

    At DEBUG, httpx and httpcore speak too; the redacting filter hides the key either way.
    """
    root = logging.getLogger()
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    quiet = logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(quiet)


def setup_logging(
    log_file: Path | None, *, level: str = "INFO", stderr: bool = True
) -> RedactingFilter:
    """Configure the root logger; returns the filter to register secrets with.

    Creates ``log_file``'s directory (blocks briefly on disk). Safe to call more than once:
    previous AgentBar handlers are replaced.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_agentbar", False):
            root.removeHandler(handler)
            handler.close()
    redactor = RedactingFilter()
    handlers: list[logging.Handler] = []
    if log_file is not None:
        make_private_dir(log_file.parent)
        handlers.append(
            PrivateRotatingFileHandler(
                log_file, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
            )
        )
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(redactor)
        handler._agentbar = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # httpx/httpcore log every request URL (with the key) at INFO/DEBUG; the filter redacts
    # it, and set_level keeps them at WARNING unless the user asked for DEBUG (and lets them
    # speak again at DEBUG, whatever an earlier call set).
    set_level(level)
    return redactor
