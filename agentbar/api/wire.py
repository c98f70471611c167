"""Decode the server's XML or JSON replies into normalised payloads, tolerating its quirks.

The payload keeps the wire's field names and string values, with PHP list shapes made into
lists: ``list[dict[str, str]]`` for record lists, ``list[str]`` for ``queueAgents``, and a
``dict[str, str]`` of scalar fields for modules that answer a message. Everything the server
can get wrong becomes an :class:`ApiError`, :class:`AuthError` or :class:`ProtocolError`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agentbar.api.errors import ApiError, AuthError, ProtocolError
from agentbar.api.json_pieces import loads_in_pieces
from agentbar.api.modules import Kind, Module
from agentbar.api.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

Row = dict[str, str]
Payload = dict[str, str] | list[Row] | list[str]

_BOM = b"\xef\xbb\xbf"
_MAX_DEPTH = 32
#: JSON replies this long (characters) are decoded in pieces (see json_pieces); the transport
#: decodes replies this long (bytes) in a worker thread, where one json.loads would hold the
#: GIL throughout.
PIECES_FROM = 256 * 1024
#: XML replies are fed to the parser this many bytes at a time, for the same reason.
XML_SLICE = 64 * 1024
# PHP prints notices/warnings before the body: "<br />\n<b>Warning</b>:  ... on line <b>42</b>
# <br />" under mod_php, "PHP Warning:  ... on line 42" on the CLI SAPI.
_PHP_NOISE = re.compile(
    rb"\A(?:\s*(?:<br\s*/?>\s*)?(?:<b>)?\s*(?:PHP\s+)?"
    rb"(?:Warning|Notice|Deprecated|Strict Standards|Fatal error|Parse error)\b.*?"
    rb"on line\s*(?:<b>)?\s*\d+\s*(?:</b>)?\s*(?:<br\s*/?>)?)+",
    re.IGNORECASE | re.DOTALL,
)
_HTML_START = re.compile(rb"\A\s*(?:<!doctype\s+html|<html|<head|<body|<title|<h1)", re.I)
#: The most of a reply's start that the PHP-notice pattern may read: a real notice is a few
#: hundred bytes; a reply of megabytes must not be scanned by a pattern at all.
NOISE_WINDOW = 64 * 1024
#: The most of a web page searched for its ``<title>`` or ``<h1>`` (linear scans only).
TITLE_WINDOW = 64 * 1024
#: The most text the HTML cleaner ever sees: a message needs a few hundred characters, and the
#: cleaner's work then has a bound whatever a server sends (issue 15: no super-linear pattern
#: on server bytes, nothing long on the GUI thread).
CLEAN_WINDOW = 4096
#: The longest server message kept in an error (the rest is cut, with an ellipsis).
MAX_MESSAGE = 500
_AUTH_WORDS = re.compile(
    r"api\s*key|apikey|anahtar|yetki|unauthori[sz]ed|forbidden|authenticat|invalid key",
    re.IGNORECASE,
)
_SCALAR_FIELDS = frozenset({"message", "extension", "id_campaign", "name"})
_TRUE = {"true", "1"}
_FALSE = {"false", "0", ""}


def decode(body: bytes, module: Module, *, status: int = 200) -> Payload:
    """Decode one reply body of ``module`` (any wire format) into its normalised payload.

    Pure and synchronous; never raises anything but the API layer's typed errors.
    """
    try:
        doc = parse_document(body, status=status, module=module.name)
    except ProtocolError:
        if status >= 300:  # keep the status: a cut-short 503 is still a (retryable) 503
            raise _status_error(status, "", module.name) from None
        raise
    if status >= 300:
        _raise_for_status(doc, status, module.name)
    return normalise(doc, module)


def parse_document(body: bytes, *, status: int = 200, module: str | None = None) -> Any:
    """Parse a reply into plain Python: a dict (envelope) or a list (bare JSON array).

    XML becomes a dict of the root's children, repeated tags collected into lists, leaf
    elements into their stripped text. Raises ProtocolError/ApiError for anything else.
    """
    data = body.removeprefix(_BOM).lstrip()
    noise = _PHP_NOISE.match(data, 0, NOISE_WINDOW)
    if noise:
        prefix, data = data[: noise.end()], data[noise.end() :].lstrip().removeprefix(_BOM).lstrip()
        if not data:
            text = _clean_html(prefix[:CLEAN_WINDOW].decode("utf-8", "replace"))
            raise ApiError(
                QT_TRANSLATE_NOOP("api", "The server failed with a PHP error."),
                module=module,
                status=status,
                server_text=text,
            )
    if not data:
        if status >= 300:
            raise _status_error(status, "", module)
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server sent an empty reply."), module=module
        )
    if _HTML_START.match(data):
        raise _html_error(data, status, module)
    first = data[:1]
    if first in (b"{", b"["):
        return _parse_json(data, module)
    if first == b"<":
        return _parse_xml(data, module)
    if status >= 300:
        raise _status_error(status, _clean_html(data[:200].decode("utf-8", "replace")), module)
    snippet = data[:40].decode("utf-8", "replace")
    text = QT_TRANSLATE_NOOP("api", "The server's reply is neither XML nor JSON.")
    raise ProtocolError(text, module=module, detail=repr(snippet))


def _parse_json(data: bytes, module: str | None) -> Any:
    try:
        text = data.decode("utf-8")
        if len(text) >= PIECES_FROM:  # decoded in a worker thread: let the GUI thread in
            return loads_in_pieces(text)
        return json.loads(text)
    except UnicodeDecodeError:
        text = QT_TRANSLATE_NOOP("api", "The server's JSON reply is not valid UTF-8.")
        raise ProtocolError(text, module=module) from None
    except RecursionError:
        text = QT_TRANSLATE_NOOP("api", "The server's JSON reply is nested too deeply.")
        raise ProtocolError(text, module=module) from None
    except ValueError as exc:
        reason = exc.args[0] if exc.args else exc
        text = QT_TRANSLATE_NOOP("api", "The server's JSON reply is malformed or cut short.")
        raise ProtocolError(text, module=module, detail=str(reason)) from None


def _parse_xml(data: bytes, module: str | None) -> Any:
    # Imported on first use: a JSON server never needs them, so start-up does not pay for them.
    from xml.etree.ElementTree import ParseError, TreeBuilder

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    class DepthLimited(TreeBuilder):
        """Refuses an element nested deeper than _MAX_DEPTH as it opens: megabytes of
        unclosed ``<a>`` would otherwise build millions of elements (seconds, and memory by
        the hundreds of megabytes)
        before the parser notices the document never ends."""

        depth = 0

        def start(self, tag: str, attrs: dict[str, str]) -> Element:
            self.depth += 1
            if self.depth > _MAX_DEPTH + 1:
                raise _TooDeep
            return super().start(tag, attrs)

        def end(self, tag: str) -> Element:
            self.depth -= 1
            return super().end(tag)

    try:
        # In slices: expat holds the GIL for all it is fed at once (see PIECES_FROM).
        parser = SafeET.DefusedXMLParser(target=DepthLimited(), forbid_dtd=True)
        for start in range(0, len(data), XML_SLICE):
            parser.feed(data[start : start + XML_SLICE])
        root = parser.close()
    except _TooDeep:
        text = QT_TRANSLATE_NOOP("api", "The server's XML reply is nested too deeply.")
        raise ProtocolError(text, module=module) from None
    except DefusedXmlException as exc:
        text = QT_TRANSLATE_NOOP("api", "The server's XML reply was refused as unsafe.")
        raise ProtocolError(text, module=module, detail=type(exc).__name__) from None
    except (ParseError, ValueError) as exc:
        text = QT_TRANSLATE_NOOP("api", "The server's XML reply is malformed or cut short.")
        raise ProtocolError(text, module=module, detail=str(exc)) from None
    return _element_children(root, 0, module)


def _element_children(elem: Element, depth: int, module: str | None) -> Any:
    if depth > _MAX_DEPTH:
        text = QT_TRANSLATE_NOOP("api", "The server's XML reply is nested too deeply.")
        raise ProtocolError(text, module=module)
    children = list(elem)
    if not children:
        return (elem.text or "").strip()
    out: dict[str, Any] = {}
    for child in children:
        value = _element_children(child, depth + 1, module)
        if child.tag in out:
            existing = out[child.tag]
            if isinstance(existing, _Repeated):
                existing.append(value)
            else:
                out[child.tag] = _Repeated([existing, value])
        else:
            out[child.tag] = value
    return {k: list(v) if isinstance(v, _Repeated) else v for k, v in out.items()}


class _TooDeep(Exception):
    """Raised by the XML tree builder when elements nest deeper than _MAX_DEPTH."""


class _Repeated(list[Any]):
    """Marks a list built from repeated XML tags while a parent element is being read."""


def _clean_html(text: str) -> str:
    """The readable text of an HTML snippet: tags out, entities decoded, blanks folded.

    Reads at most :data:`CLEAN_WINDOW` characters, in one linear pass (a tag pattern such as
    ``<[^>]+>`` takes quadratic time on a run of ``<`` without ``>``).
    """
    return " ".join(html.unescape(strip_tags(text[:CLEAN_WINDOW])).split())[:300]


def strip_tags(text: str) -> str:
    """``text`` with every ``<…>`` tag replaced by a space; an unclosed ``<`` stays as text.

    Linear: each character is looked at a bounded number of times, whatever the input.
    """
    out: list[str] = []
    i = 0
    while True:
        lt = text.find("<", i)
        gt = text.find(">", lt + 1) if lt >= 0 else -1
        if gt < 0:  # no further tag: nothing after lt can close one either
            out.append(text[i:])
            return "".join(out)
        if gt == lt + 1:  # "<>" is text, not a tag
            out.append(text[i:gt])
            i = gt
            continue
        out.append(text[i:lt])
        out.append(" ")
        i = gt + 1


def find_title(data: bytes) -> bytes | None:
    """The inner bytes of the first ``<title>…</title>`` (else ``<h1>…</h1>``) of a page.

    Reads at most :data:`TITLE_WINDOW` bytes with linear scans: a page of nested, unclosed
    ``<title>`` tags is searched once, not once per tag.
    """
    window = data[:TITLE_WINDOW]
    lower = window.lower()
    found: list[tuple[int, bytes]] = []
    for tag in (b"title", b"h1"):
        start = lower.find(b"<" + tag)
        while start >= 0 and lower[start + 1 + len(tag) : start + 2 + len(tag)].isalnum():
            start = lower.find(b"<" + tag, start + 1)  # <h1x> or <titles> is another tag
        if start < 0:
            continue
        inner = lower.find(b">", start)
        if inner < 0:
            continue
        end = lower.find(b"</" + tag, inner + 1)
        if end >= 0:
            found.append((start, window[inner + 1 : end]))
    return min(found)[1] if found else None


def _html_error(data: bytes, status: int, module: str | None) -> ApiError | ProtocolError:
    raw = find_title(data)
    title = _clean_html(raw[:CLEAN_WINDOW].decode("utf-8", "replace")) if raw else ""
    if status >= 300:
        return _status_error(status, title, module)
    first = QT_TRANSLATE_NOOP("api", "The server sent a web page instead of API data.")
    second = QT_TRANSLATE_NOOP(
        "api", "Check that the server URL is the API's address (…/api/) and not a login page."
    )
    return ProtocolError(f"{first} {second}", module=module, server_text=title)


def _status_error(status: int, detail: str, module: str | None) -> ApiError:
    # "<constant sentences> (HTTP n: the server's words)": the UI translates the sentences
    # and marks the server's words as the server's.
    code = f"HTTP {status}"
    check = QT_TRANSLATE_NOOP("api", "Check the server URL.")
    if status in (401, 403):
        text = QT_TRANSLATE_NOOP("api", "The server refused the API key.")
        return AuthError(text, module=module, status=status, detail=code, server_text=detail)
    if status == 404:
        text = QT_TRANSLATE_NOOP("api", "The API was not found at this address.")
        return ApiError(
            f"{text} {check}", module=module, status=status, detail=code, server_text=detail
        )
    if 300 <= status < 400:
        text = QT_TRANSLATE_NOOP(
            "api",
            "The server redirected the request; redirects are not followed so that the API key "
            "never reaches another address.",
        )
        return ApiError(
            f"{text} {check}", module=module, status=status, detail=code, server_text=detail
        )
    return ApiError(
        QT_TRANSLATE_NOOP("api", "The server failed."),
        module=module,
        status=status,
        detail=code,
        server_text=detail,
    )


def _raise_for_status(doc: Any, status: int, module: str) -> None:
    message = ""
    if isinstance(doc, dict):
        message = _scalar(_get(doc, "message") or _get(doc, "error") or "", "message", module)
    raise _status_error(status, message, module)


def _get(doc: Mapping[str, Any], key: str) -> Any:
    """Case-insensitive lookup of ``key`` in a decoded object."""
    if key in doc:
        return doc[key]
    lower = key.lower()
    for k, v in doc.items():
        if k.lower() == lower:
            return v
    return None


def _scalar(value: Any, field: str, module: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise ProtocolError(
        QT_TRANSLATE_NOOP("api", "The server sent an unexpected structure."),
        module=module,
        detail=f"field {field!r}",
    )


def check_result(doc: Mapping[str, Any], module: str) -> None:
    """Raise ApiError/AuthError when the envelope says the call failed.

    Accepts ``true``, ``"true"``, ``1`` and ``"1"`` as success; a missing ``result`` is a
    ProtocolError (a reply we cannot vouch for must not be taken as success).
    """
    raw = _get(doc, "result")
    if raw is None and _get(doc, "error") is None:
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server's reply has no result field."), module=module
        )
    result = _scalar(raw, "result", module).strip().lower() if raw is not None else "false"
    if result in _TRUE:
        return
    if result not in _FALSE:
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server's result field is not true or false."),
            module=module,
            server_text=result[:40],
        )
    message = _get(doc, "message") or _get(doc, "error") or _get(doc, "msg")
    text = message if isinstance(message, str) else _compact(message, "message", module)
    if not message or not text.strip():
        why = QT_TRANSLATE_NOOP("api", "The server refused the request without a reason.")
        raise ApiError(why, module=module)
    text = text.strip()
    if len(text) > MAX_MESSAGE:  # a message needs a few lines; the bar shows no more
        text = text[:MAX_MESSAGE].rstrip() + "…"
    # The server's own words, shown as sent (marked as the server's in the UI).
    if _AUTH_WORDS.search(text):
        raise AuthError("", module=module, server_text=text)
    raise ApiError("", module=module, server_text=text)


def php_list(value: Any) -> list[Any]:
    """Turn any PHP list shape into a list.

    A list stays a list; an object with numeric keys becomes its values in key order; another
    object is a list of one; ``None``, ``""`` and ``false`` are the empty list.
    """
    if value is None or value == "" or value is False or value == {}:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        # ASCII digits only ("²".isdigit() is true, int("²") fails), ordered as numbers
        # without int(): int() refuses keys over 4,300 digits.
        if value and all(isinstance(k, str) and k.isascii() and k.isdigit() for k in value):
            return [value[k] for k in sorted(value, key=_numeric_order)]
        return [value]
    return [value]


def _numeric_order(digits: str) -> tuple[int, str]:
    """Sort key putting strings of ASCII digits in numeric order, for any length."""
    significant = digits.lstrip("0")
    return len(significant), significant


def _compact(value: Any, field: str, module: str | None) -> str:
    """``value`` as compact JSON text (a structure the server put where text belongs)."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (RecursionError, ValueError):
        raise ProtocolError(
            f"The server sent an unexpected structure in field {field!r}.", module=module
        ) from None


def _unwrap_items(value: Any, item_tags: tuple[str, ...]) -> Any:
    """``<calls><call>..</call></calls>`` decodes to ``{"call": [...]}``: take the items."""
    if isinstance(value, dict) and len(value) == 1:
        (key,) = value
        if key.lower() in item_tags:
            return value[key]
    return value


def _row(item: Any, module: str) -> Row:
    if not isinstance(item, dict):
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server sent a list item that is not a record."),
            module=module,
        )
    row: Row = {}
    for k, v in item.items():  # nearly always text already: no call for those
        key = k if type(k) is str else str(k)
        row[key] = v if type(v) is str else _scalar(v, key, module)
    return row


def _find_list(doc: Mapping[str, Any], module: Module) -> Any:
    for key in module.list_keys:
        value = _get(doc, key)
        if value is not None:
            return _unwrap_items(value, module.item_tags)
    return None


def _scalars(doc: Mapping[str, Any], module: str) -> dict[str, str]:
    """The top-level fields of a message reply.

    A structure where the document has a scalar (``message``, ``id_campaign``…) is a
    ProtocolError; an unknown nested field is kept as compact JSON text for the CLI to show.
    """
    out: dict[str, str] = {}
    for k, v in doc.items():
        if k.lower() == "result":
            continue
        if isinstance(v, dict | list) and k.lower() not in _SCALAR_FIELDS:
            out[k] = _compact(v, k, module)
        else:
            out[k] = _scalar(v, k, module)
    return out


def normalise(doc: Any, module: Module) -> Payload:
    """Turn a parsed document into ``module``'s normalised payload (see the module docstring)."""
    name = module.name
    if isinstance(doc, list):
        if module.kind is Kind.BREAKS:
            return [_row(item, name) for item in doc]
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server sent a bare list where an envelope was expected."),
            module=name,
        )
    if not isinstance(doc, dict):
        raise ProtocolError(
            QT_TRANSLATE_NOOP("api", "The server's reply is not an object."), module=name
        )
    if module.kind is Kind.BREAKS and _get(doc, "result") is None:
        # A bare JSON array that PHP encoded as an object with numeric keys. Anything else
        # without a result (``{"message": "Geçersiz anahtar"}``) is not a list of reasons:
        # it goes on to check_result, which refuses it.
        items = php_list(doc)
        if all(isinstance(item, dict) and _get(item, "id") is not None for item in items):
            return [_row(item, name) for item in items]
    check_result(doc, name)
    kind = module.kind
    if kind in (Kind.RECORDS, Kind.BREAKS, Kind.QUEUES):
        return [_row(item, name) for item in php_list(_find_list(doc, module))]
    if kind is Kind.AGENTS:
        return [_scalar(item, "agent", name).strip() for item in php_list(_find_list(doc, module))]
    if kind is Kind.BREAK_END:
        out = {k: v for k, v in _scalars(doc, name).items() if k.lower() != "break"}
        block = _get(doc, "break")
        if isinstance(block, list):
            block = block[0] if block else None
        if isinstance(block, dict):
            out.update(_row(block, name))
        return out
    return _scalars(doc, name)
