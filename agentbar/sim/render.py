"""Answers of the PHP front end and how they are written: XML and JSON envelopes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


@dataclass(frozen=True)
class Scalar:
    """``<key>value</key>`` / ``"key": value`` (an int stays a JSON number)."""

    key: str
    value: str | int


@dataclass(frozen=True)
class Block:
    """One object: ``<key><field/>...</key>`` / ``"key": {...}``."""

    key: str
    fields: Mapping[str, str]


@dataclass(frozen=True)
class Items:
    """A list: XML ``<container><item>..</item>..</container>``, JSON ``"json_key": [...]``.

    ``xml_container`` None puts the items straight under ``<CallCenter>``; ``json_key`` None
    makes the list itself the whole JSON document (breakList: no envelope at all).
    Rows are objects, or plain strings (``queueAgents``).
    """

    json_key: str | None
    xml_container: str | None
    xml_item: str
    rows: Sequence[Mapping[str, str]] | Sequence[str]


Part = Scalar | Block | Items


@dataclass(frozen=True)
class Reply:
    """A PHP answer: ``result`` true/false and its parts in document order."""

    ok: bool
    parts: tuple[Part, ...] = ()

    @classmethod
    def success(cls, *parts: Part) -> Reply:
        """``result`` true with ``parts``."""
        return cls(True, parts)

    @classmethod
    def message(cls, text: str, *parts: Part) -> Reply:
        """``result`` true with a ``message`` first."""
        return cls(True, (Scalar("message", text), *parts))

    @classmethod
    def failure(cls, text: str) -> Reply:
        """``result`` false with a Turkish ``message``."""
        return cls(False, (Scalar("message", text),))


@dataclass(frozen=True)
class Audio:
    """A recording's bytes, sent as they are."""

    data: bytes
    content_type: str
    filename: str


def _element(tag: str, text: str) -> str:
    return f"<{tag}>{escape(text)}</{tag}>" if text else f"<{tag}/>"


def _xml_row(tag: str, row: Mapping[str, str] | str) -> str:
    if isinstance(row, str):
        return _element(tag, row)
    inner = "".join(_element(k, v) for k, v in row.items())
    return f"<{tag}>{inner}</{tag}>"


def _xml_part(part: Part) -> str:
    if isinstance(part, Scalar):
        return _element(part.key, str(part.value))
    if isinstance(part, Block):
        return _xml_row(part.key, part.fields)
    inner = "".join(_xml_row(part.xml_item, row) for row in part.rows)
    if part.xml_container is None:
        return inner
    return (
        f"<{part.xml_container}>{inner}</{part.xml_container}>"
        if inner
        else (f"<{part.xml_container}/>")
    )


def to_xml(reply: Reply) -> bytes:
    """The XML document, as PHP's SimpleXML ``asXML()`` prints it (compact, one line)."""
    body = _element("result", "true" if reply.ok else "false")
    body += "".join(_xml_part(p) for p in reply.parts)
    doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<CallCenter>{body}</CallCenter>\n'
    return doc.encode("utf-8")


def _json_list(rows: Sequence[object], numeric_lists: bool) -> object:
    if numeric_lists and rows:
        return {str(i): row for i, row in enumerate(rows)}
    return list(rows)


def php_json(value: object) -> bytes:
    r"""``json_encode`` with PHP's defaults: compact, ``\uXXXX`` for non-ASCII, ``\/``."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("/", "\\/").encode("ascii")


def to_json(reply: Reply, numeric_lists: bool) -> bytes:
    """The JSON document; lists become numeric-key objects when ``numeric_lists``."""
    doc: dict[str, object] = {"result": "true" if reply.ok else "false"}
    for part in reply.parts:
        if isinstance(part, Scalar):
            doc[part.key] = part.value
        elif isinstance(part, Block):
            doc[part.key] = dict(part.fields)
        elif part.json_key is None:
            return php_json(_json_list(list(part.rows), numeric_lists))
        else:
            doc[part.json_key] = _json_list(list(part.rows), numeric_lists)
    return php_json(doc)


def render(reply: Reply, fmt: str, numeric_lists: bool = False) -> tuple[bytes, str]:
    """Body and Content-Type of ``reply`` in ``fmt`` (``"xml"`` or ``"json"``)."""
    if fmt == "json":
        return to_json(reply, numeric_lists), JSON_TYPE
    return to_xml(reply), XML_TYPE
