"""The PHP front end without sockets: path, key, module, format, faults -> an HTTP answer."""

from __future__ import annotations

import hmac
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from agentbar.sim import faults as f
from agentbar.sim.errors import SimFailure
from agentbar.sim.handlers import MODULES, Context, Options
from agentbar.sim.params import Params, ParamValue, merge
from agentbar.sim.render import Audio, Reply, render
from agentbar.sim.state import SimState

API_PATHS = ("/api/", "/api", "/api/index.php")
#: Parameters read from the query string only, never recorded as params.
ENVELOPE_PARAMS = ("apikey", "module", "type")
REDACTED = "[redacted]"


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the simulator saw it; the API key is never part of it."""

    method: str
    module: str
    params: dict[str, str | list[str]]
    fmt: str


@dataclass(frozen=True)
class HttpAnswer:
    """Status, type, body and extra headers of one answer."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _text(value: ParamValue | None) -> str:
    if isinstance(value, list):
        return value[-1] if value else ""
    return value or ""


def pick_format(module: str, query: dict[str, ParamValue], params: dict[str, ParamValue]) -> str:
    """``json`` or ``xml``: listQueue is JSON always; breakList honours ``tip``, then ``type``."""
    if module == "listQueue":
        return "json"
    if module == "breakList" and _text(params.get("tip")):
        return "json" if _text(params.get("tip")).strip().lower() == "json" else "xml"
    return "json" if _text(query.get("type")).strip().lower() == "json" else "xml"


class Endpoint:
    """Turns one HTTP request into one answer; thread-safe (state has its own lock)."""

    def __init__(
        self, api_key: str, state: SimState, faults: f.Faults, options: Options, seed: int
    ) -> None:
        self._api_key = api_key
        self._state = state
        self._faults = faults
        self._options = options
        self._dice = f.Dice(seed)
        self.requests: deque[RecordedRequest] = deque(maxlen=10_000)
        self.errors: list[str] = []
        #: Called with each request as it arrives (in the server's thread); for the benches.
        self.on_request: Callable[[RecordedRequest], None] | None = None

    def _record(self, method: str, module: str, params: dict[str, ParamValue], fmt: str) -> None:
        kept: dict[str, str | list[str]] = {}
        for key, value in params.items():
            if key in ENVELOPE_PARAMS:
                continue
            if isinstance(value, list):
                kept[key] = [REDACTED if x == self._api_key else x for x in value]
            else:
                kept[key] = REDACTED if value == self._api_key else value
        recorded = RecordedRequest(method, module, kept, fmt)
        self.requests.append(recorded)
        if self.on_request is not None:
            self.on_request(recorded)

    def handle(self, method: str, target: str, content_type: str, body: bytes) -> HttpAnswer:
        """Answer one request. Never raises: a bug in the simulator answers HTTP 500."""
        try:
            return self._handle(method, target, content_type, body)
        except Exception:  # a simulator bug must not kill the server thread
            self.errors.append(traceback.format_exc())
            return HttpAnswer(500, f.HTML_TYPE, f.error_500_page())

    def _handle(self, method: str, target: str, content_type: str, body: bytes) -> HttpAnswer:
        url = urlsplit(target)
        if url.path not in API_PATHS:
            return HttpAnswer(404, f.HTML_TYPE, f.not_found_page(url.path))
        pairs = parse_qsl(url.query, keep_blank_values=True)
        query = merge(pairs)
        form: list[tuple[str, str]] = []
        if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
            form = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        params = merge(pairs, form)
        module = _text(query.get("module")).strip()
        fmt = pick_format(module, query, params)
        self._record(method, module, params, fmt)

        malformed = self._faults.malformed
        if self._dice.hit(self._faults.error_rate) or malformed == "html500":
            return HttpAnswer(500, f.HTML_TYPE, f.error_500_page())
        if malformed == "empty":
            return HttpAnswer(200, f.HTML_TYPE, b"")
        if malformed == "html_login":
            return HttpAnswer(200, f.HTML_TYPE, f.login_page())
        # The key is read from the query or the form body, as PHP's $_REQUEST does.
        answer = self._dispatch(_text(params.get("apikey")), module, fmt, params)
        return HttpAnswer(
            answer.status, answer.content_type, f.spoil(malformed, answer.body), answer.headers
        )

    def _dispatch(
        self, key: str, module: str, fmt: str, params: dict[str, ParamValue]
    ) -> HttpAnswer:
        powered = (("X-Powered-By", "PHP/5.4.16"),)
        if not hmac.compare_digest(key.encode(), self._api_key.encode()):
            reply: Reply | Audio = Reply.failure("Geçersiz API anahtarı.")
        elif module not in MODULES:
            reply = Reply.failure("Geçersiz modül.")
        else:
            context = Context(self._state, fmt, self._options)
            try:
                reply = MODULES[module](context, Params(params))
            except SimFailure as refusal:
                reply = Reply.failure(refusal.message)
        if isinstance(reply, Audio):
            disposition = f'attachment; filename="{reply.filename}"'
            headers = (*powered, ("Content-Disposition", disposition))
            return HttpAnswer(200, reply.content_type, reply.data, headers)
        body, content_type = render(reply, fmt, self._options.numeric_lists)
        return HttpAnswer(200, content_type, body, powered)
