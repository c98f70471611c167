"""Raw-wire helpers for the simulator tests (no project client: the wire itself)."""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Any

import httpx

from agentbar.sim import DEMO_API_KEY

START = datetime(2026, 11, 24, 15, 0, 0)


class Api:
    """Speaks the raw wire: apikey/module/type in the query, other params in a form body."""

    def __init__(self, client: httpx.Client, key: str = DEMO_API_KEY) -> None:
        self.client = client
        self.key = key

    def raw(
        self,
        module: str,
        fmt: str | None = "xml",
        method: str = "POST",
        key: str | None = None,
        **params: Any,
    ) -> httpx.Response:
        query = {"apikey": self.key if key is None else key, "module": module}
        if fmt is not None:
            query["type"] = fmt
        if method == "GET":
            return self.client.get("", params={**query, **params})
        return self.client.post("", params=query, data=params)

    def xml(self, module: str, **params: Any) -> ET.Element:
        r = self.raw(module, "xml", **params)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "text/xml; charset=utf-8"
        assert r.text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<CallCenter>')
        return ET.fromstring(r.content)

    def json(self, module: str, **params: Any) -> Any:
        r = self.raw(module, "json", **params)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/json; charset=utf-8"
        return json.loads(r.content)

    def ok(self, module: str, **params: Any) -> dict[str, Any]:
        """A JSON call that must succeed."""
        doc: dict[str, Any] = self.json(module, **params)
        assert doc["result"] == "true", doc
        return doc

    def fails(self, module: str, message: str, **params: Any) -> None:
        """The call must be refused with ``message`` in both formats (nothing may change)."""
        doc = self.json(module, **params)
        assert doc == {"result": "false", "message": message}
        root = self.xml(module, **params)
        assert [(c.tag, c.text) for c in root] == [("result", "false"), ("message", message)]


def sim_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("agentbar-sim")]
