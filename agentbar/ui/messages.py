"""Show texts that core and api mark for translation (QT_TRANSLATE_NOOP) in the user's language."""

from __future__ import annotations

import errno
import logging
import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from agentbar.api.errors import ApiError, CallCenterError
from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.core.phone import InvalidNumber

log = logging.getLogger(__name__)


def translated(context: str, template: str, params: Mapping[str, str] | None = None) -> str:
    """``template`` translated under ``context`` and filled with ``params``.

    A translation whose placeholders do not match falls back to the English template, so a
    translator's slip can never crash the program or hide the message.
    """
    values = dict(params or {})
    text = QCoreApplication.translate(context, template)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def number_reason(exc: InvalidNumber) -> str:
    """Why a number cannot be dialled, in the user's language."""
    return translated("phone", exc.template, exc.params)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def translated_sentences(text: str, contexts: tuple[str, ...]) -> str:
    """``text`` translated sentence by sentence, trying each context in turn.

    Core modules build messages from whole marked sentences (QT_TRANSLATE_NOOP); a sentence
    that carries run-time details (a path, a backend name) stays as it is.
    """
    out = []
    for sentence in _SENTENCE_END.split(text.strip()):
        out.append(_translate_sentence(sentence, contexts))
    return " ".join(out)


def _translate_sentence(sentence: str, contexts: tuple[str, ...]) -> str:
    try:
        sentence.encode("utf-8")
    except UnicodeEncodeError:  # a server's lone surrogate: Qt cannot take it; not ours anyway
        return sentence
    # A marked clause may be used as a sentence of its own, with a full stop added.
    bare = sentence[:-1] if sentence.endswith(".") else None
    for context in contexts:
        translated_text = QCoreApplication.translate(context, sentence)
        if translated_text != sentence:
            return translated_text
        if bare:
            translated_text = QCoreApplication.translate(context, bare)
            if translated_text != bare:
                return translated_text + "."
    return sentence


def server_said(text: str) -> str:
    """The server's own words, as sent, marked as the server's ("Server: …" / "Sunucu: …")."""
    return QCoreApplication.translate("messages", "Server: “%s”") % text.strip()


def with_server_text(ours: str, server_text: str | None) -> str:
    """Our own sentence, then the server's words (when it sent any) marked as the server's."""
    if server_text and server_text.strip():
        return f"{ours} {server_said(server_text)}"
    return ours


def error_text(exc: BaseException) -> str:
    """An API error in the user's language, one language only.

    Our own (marked) sentences are translated; a library's or the operating system's
    technical words (``detail``, English) stay in the log, not in the message; the server's
    own words are shown as sent, marked as the server's. An HTTP status is kept as a code.
    """
    if not isinstance(exc, CallCenterError):
        return translated_sentences(str(exc), ("api",))
    parts = []
    if exc.summary:
        parts.append(translated_sentences(exc.summary, ("api",)))
    if isinstance(exc, ApiError) and exc.status is not None and exc.status >= 300:
        parts.append(f"(HTTP {exc.status})")
    if exc.server_text:
        parts.append(server_said(exc.server_text))
    if not parts:  # nothing of ours and nothing from the server: say what kind it was
        parts.append(QCoreApplication.translate("messages", "The server refused the request."))
    return " ".join(parts)


def core_message(text: str) -> str:
    """A message from core (settings, credentials, saved state) in the user's language only.

    Core marks its constant sentences; a sentence it builds with run-time details (a path, a
    keyring backend's own words) has no translation. In an English UI it is shown as it is;
    in another language it is left out for a pointer to the log, where the whole text goes.
    """
    contexts = ("credentials", "settings", "agent_state", "keys", "tls")
    out: list[str] = []
    left_out = False
    for sentence in _SENTENCE_END.split(text.strip()):
        shown = _translate_sentence(sentence, contexts)
        if shown == sentence and not _english_ui() and _WORDS.search(sentence):
            left_out = True
            continue
        out.append(shown)
    if left_out:
        log.info("shown in part, untranslated details here: %s", text)
        if not out:  # nothing of it could be said in this language: say where it is
            out.append(
                QCoreApplication.translate(
                    "messages", "AgentBar found a problem with its settings or saved data."
                )
            )
        out.append(
            QCoreApplication.translate(
                "messages", "The details are in the log (menu: Open log folder)."
            )
        )
    return " ".join(out)


_WORDS = re.compile(r"[A-Za-z]{3,}")


def _english_ui() -> bool:
    return QLocale().language() in (QLocale.Language.English, QLocale.Language.C)


_OS_ERRORS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("messages", "the disk is full"),
    errno.EACCES: QT_TRANSLATE_NOOP("messages", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("messages", "permission denied"),
    errno.ENOENT: QT_TRANSLATE_NOOP("messages", "the file or folder does not exist"),
    errno.EROFS: QT_TRANSLATE_NOOP("messages", "the disk is read-only"),
    errno.EEXIST: QT_TRANSLATE_NOOP("messages", "the file exists already"),
    errno.EISDIR: QT_TRANSLATE_NOOP("messages", "that is a folder"),
}


def os_error_text(exc: OSError) -> str:
    """Why a disk operation failed, in the user's language (the system's own, often English,
    words go to the log)."""
    log.warning("disk operation failed: %s", exc)
    template = _OS_ERRORS.get(exc.errno or 0)
    if template is None:
        return QCoreApplication.translate("messages", "a disk error (details in the log)")
    return QCoreApplication.translate("messages", template)
