"""HTTP transport of the vendor API: URL and parameter encoding, caps, and error translation.

Every httpx exception is turned into a typed error *at this boundary*, with the API key
redacted and the original exception dropped from the chain (httpx puts the full URL, key
included, into its messages).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import quote

import httpx

from agentbar.api import wire
from agentbar.api.errors import (
    REDACTED,
    ApiError,
    CallCenterError,
    NetworkError,
    ProtocolError,
    redact,
)
from agentbar.api.modules import Module, ParamType
from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.workers import on_cpu_lane

ParamValue = str | int | bool | date | time | Sequence[str | int] | None
ProgressCallback = Callable[[int, int | None], None]

MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024
#: A download's overall deadline: this many seconds, plus one second per DOWNLOAD_MIN_RATE
#: bytes received. httpx's read timeout is per read, so a server dripping a byte a second
#: would otherwise keep a download alive forever; a link slower than the rate (8 KB/s, about
#: six times the bit rate of a GSM recording) is given up on as well.
DOWNLOAD_BASE_S = 30.0
DOWNLOAD_MIN_RATE = 8 * 1024
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=15.0, write=10.0, pool=5.0)
#: The whole exchange of one API request (not a download) must end within this many seconds.
DEFAULT_DEADLINE_S = 60.0
#: Replies longer than this are decoded in a worker thread, not on the event loop (the same
#: length from which wire decodes JSON in pieces, for that thread's sake).
DECODE_INLINE_MAX = wire.PIECES_FROM
#: API requests of one Transport in flight at once; more wait their turn (the deadline starts
#: when a request's turn comes). A burst of 100 calls then reaches httpx a few at a time: the
#: event loop runs the set-up of all of them in one go otherwise, a long stall of the GUI
#: (bench/responsiveness.py). Downloads do not count.
MAX_IN_FLIGHT = 8
TRANSIENT_STATUS = frozenset({502, 503, 504})
_ERROR_CONTENT_TYPES = ("text/", "application/json", "application/xml")


def encode_value(value: ParamValue) -> str | list[str] | None:
    """Encode one parameter the way the PHP server expects (dates ISO, booleans true/false)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, str | int):
        return str(value)
    return [str(v) for v in value]


def encode_params(module: Module, params: Mapping[str, ParamValue]) -> dict[str, str | list[str]]:
    """Encode ``params`` for the wire; list parameters become PHP arrays (``name[]``)."""
    out: dict[str, str | list[str]] = {}
    for name, value in params.items():
        encoded = encode_value(value)
        if encoded is None:
            continue
        spec = module.param(name)
        if isinstance(encoded, list) or (spec is not None and spec.type is ParamType.LIST):
            out[f"{name}[]"] = encoded if isinstance(encoded, list) else [encoded]
        else:
            out[name] = encoded
    return out


def sniff_audio(head: bytes, size: int) -> str | None:
    """Name the audio kind of a file from its first bytes (and size), or None if not audio."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head and head[0] >> 4 == 0xD and size % 33 == 0:
        return "gsm"
    return None


class Transport:
    """Sends one module request over an injected ``httpx.AsyncClient``.

    Holds the key privately; ``repr`` never shows it. Does not retry: the caller decides.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        wire_format: str,
        client: httpx.AsyncClient,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE_S,
    ) -> None:
        self._key = api_key
        self.base_url, self._url_problem = _clean_base_url(base_url)
        self.wire_format = wire_format
        self._client = client
        self._timeout = timeout
        self._deadline = deadline
        self._in_flight = asyncio.Semaphore(MAX_IN_FLIGHT)

    def __repr__(self) -> str:
        return f"Transport({self.redact(self.base_url)!r}, wire={self.wire_format!r})"

    def _scrub(self, body: bytes) -> bytes:
        """The body with the key removed before any of it is decoded, cut or quoted."""
        if not self._key:
            return body
        for form in {self._key, quote(self._key, safe="")}:
            body = body.replace(form.encode("utf-8", "replace"), REDACTED.encode())
        return body

    def redact(self, text: str) -> str:
        """``text`` with this transport's key (and any ``apikey=`` value) hidden."""
        return redact(text, (self._key,))

    def _query(self, module: Module) -> list[tuple[str, str]]:
        """The query string: module and format, and the key only for GET modules.

        A POST module's key travels in the form body (the PHP server reads ``$_REQUEST``), so
        it stays out of the server's and proxies' access logs, which record the query.
        """
        fmt = "json" if module.json_only else self.wire_format
        query = [("module", module.name), ("type", fmt)]
        if module.method == "GET":
            query.insert(0, ("apikey", self._key))
        if module.name == "breakList":
            query.append(("tip", fmt))  # the document names it "tip" here (sic)
        return query

    @contextlib.asynccontextmanager
    async def stream(
        self, module: Module, params: Mapping[str, ParamValue], *, read_timeout: float | None = None
    ) -> AsyncIterator[httpx.Response]:
        """Open a streamed response for ``module``; translate every transport failure."""
        if self._url_problem:
            raise NetworkError(self._url_problem, module=module.name, transient=False)
        encoded = encode_params(module, params)
        query: list[tuple[str, str]] = self._query(module)
        data: dict[str, str | list[str]] | None = None
        if module.method == "GET":
            for k, v in encoded.items():
                query.extend((k, item) for item in ([v] if isinstance(v, str) else v))
        else:
            data = {"apikey": self._key, **encoded}
        timeout = self._timeout
        if read_timeout is not None:
            t = self._timeout
            timeout = httpx.Timeout(
                connect=t.connect, read=read_timeout, write=t.write, pool=t.pool
            )
        try:
            async with self._client.stream(
                module.method,
                self.base_url,
                params=tuple(query),
                data=data,
                timeout=timeout,
                follow_redirects=False,
            ) as response:
                yield response
        except CallCenterError:
            raise
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise self._network_error(exc, module) from None

    def _network_error(self, exc: Exception, module: Module) -> NetworkError:
        reason = self.redact(str(exc) or type(exc).__name__).rstrip(".")
        name = module.name
        # A constant sentence the UI translates; httpx's or the OS's own (English) words go
        # into ``detail``, for the log, not into the sentence the agent reads.
        if isinstance(exc, httpx.TimeoutException):
            return NetworkError(
                QT_TRANSLATE_NOOP("api", "The server did not answer in time."), module=name
            )
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            text = QT_TRANSLATE_NOOP("api", "The server URL is not usable.")
            return NetworkError(text, module=name, transient=False, detail=reason)
        if "CERTIFICATE" in reason.upper():
            text = QT_TRANSLATE_NOOP("api", "The server's TLS certificate could not be verified.")
            return NetworkError(text, module=name, transient=False, detail=reason)
        if "SSL" in reason.upper() or "TLS" in reason.upper():
            text = QT_TRANSLATE_NOOP("api", "A secure (TLS) connection to the server failed.")
            return NetworkError(text, module=name, transient=False, detail=reason)
        if isinstance(exc, httpx.ConnectError):
            text = QT_TRANSLATE_NOOP("api", "Cannot connect to the server.")
            return NetworkError(text, module=name, detail=reason)
        text = QT_TRANSLATE_NOOP("api", "The connection to the server broke off.")
        return NetworkError(text, module=name, detail=reason)

    async def read_body(self, response: httpx.Response, module: Module) -> bytes:
        """Read a reply body, refusing one over :data:`MAX_BODY_BYTES`."""
        return b"".join(await self._read_chunks(response, module))

    async def _read_chunks(self, response: httpx.Response, module: Module) -> list[bytes]:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise ProtocolError(_too_large(), module=module.name)
        chunks: list[bytes] = []
        size = 0
        try:
            async with _chunks(response) as stream:
                async for chunk in stream:
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        raise ProtocolError(_too_large(), module=module.name)
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise self._network_error(exc, module) from None
        return chunks

    async def request(self, module: Module, params: Mapping[str, ParamValue]) -> wire.Payload:
        """Send one request and decode its reply. No retry; may raise any CallCenterError.

        The whole exchange must end within the deadline: httpx's read timeout is per read, so
        a server that drips a byte just before each timeout would otherwise hold the request
        for hours. A long reply is decoded in a worker thread (parsing megabytes of XML takes
        seconds, and the event loop drives the GUI).
        """
        async with self._in_flight:  # see MAX_IN_FLIGHT
            try:
                async with asyncio.timeout(self._deadline):
                    async with self.stream(module, params) as response:
                        chunks = await self._read_chunks(response, module)
                        status = response.status_code
            except TimeoutError:
                raise NetworkError(
                    QT_TRANSLATE_NOOP("api", "The server did not answer in time."),
                    module=module.name,
                ) from None
        if sum(map(len, chunks)) > DECODE_INLINE_MAX:
            # Joining and scrubbing megabytes is long C work: in the worker, not in one
            # step of the event loop (8 MB hostile bodies, bench/responsiveness.py).
            return await on_cpu_lane(self._decode, chunks, module, status)
        return self._decode(chunks, module, status)

    def _decode(self, chunks: list[bytes], module: Module, status: int) -> wire.Payload:
        try:
            return wire.decode(self._scrub(b"".join(chunks)), module, status=status)
        except CallCenterError as exc:
            # The traceback's frames hold copies of the body: freed here, in the worker.
            raise exc.with_traceback(None) from None

    async def download(
        self,
        module: Module,
        params: Mapping[str, ParamValue],
        dest: Path,
        on_progress: ProgressCallback | None = None,
        read_timeout: float = 30.0,
    ) -> tuple[int, str]:
        """Stream audio into ``dest`` atomically; return (bytes, kind).

        Writes a hidden temporary file beside ``dest`` and renames it only once it is complete
        and recognised as audio; on any failure or cancellation the temporary file is removed
        and ``dest`` is untouched. File I/O here is small writes of network chunks. The whole
        download must end within :data:`DOWNLOAD_BASE_S` seconds plus one second per
        :data:`DOWNLOAD_MIN_RATE` bytes received, else a NetworkError ends it.
        """
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.part")
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            async with (
                asyncio.timeout_at(started + DOWNLOAD_BASE_S) as deadline,
                self.stream(module, params, read_timeout=read_timeout) as response,
            ):
                status = response.status_code
                if status >= 300:
                    body = self._scrub(await self.read_body(response, module))
                    raise _not_audio(body, module, status)
                # The bytes decide, not the content type: PHP sends audio as text/html by
                # default, and error bodies as anything.
                total_s = response.headers.get("content-length", "")
                encoded = response.headers.get("content-encoding", "identity") != "identity"
                total = int(total_s) if total_s.isdigit() and not encoded else None
                size, head = await self._write_stream(
                    response, module, tmp, total, on_progress, deadline, started
                )
            if total is not None and size != total:
                raise NetworkError(
                    QT_TRANSLATE_NOOP("api", "The recording download was cut short."),
                    module=module.name,
                )
            kind = sniff_audio(head, size)
            if kind is None:
                body = tmp.read_bytes() if size <= MAX_BODY_BYTES else head
                raise _not_audio(self._scrub(body), module, status)
            os.replace(tmp, dest)
            return size, kind
        except TimeoutError:
            raise NetworkError(
                QT_TRANSLATE_NOOP("api", "The recording download was too slow and was stopped."),
                module=module.name,
            ) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    async def _write_stream(
        self,
        response: httpx.Response,
        module: Module,
        tmp: Path,
        total: int | None,
        on_progress: ProgressCallback | None,
        deadline: asyncio.Timeout,
        started: float,
    ) -> tuple[int, bytes]:
        size = 0
        head = b""
        try:
            # Owner-only from the first byte (0o600 on POSIX): call recordings are personal.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(tmp, flags, 0o600), "wb") as fh:
                async with _chunks(response) as stream:
                    async for chunk in stream:
                        size += len(chunk)
                        if size > MAX_DOWNLOAD_BYTES:
                            raise ProtocolError(
                                QT_TRANSLATE_NOOP("api", "The recording is too large."),
                                module=module.name,
                            )
                        if len(head) < 64:
                            head = (head + chunk)[:64]
                        fh.write(chunk)
                        # The deadline grows with what arrived (never with a declared length,
                        # which a server could inflate).
                        deadline.reschedule(started + DOWNLOAD_BASE_S + size / DOWNLOAD_MIN_RATE)
                        if on_progress is not None:
                            on_progress(size, total)
        except httpx.HTTPError as exc:
            raise self._network_error(exc, module) from None
        return size, head


@contextlib.asynccontextmanager
async def _chunks(response: httpx.Response) -> AsyncIterator[AsyncIterator[bytes]]:
    """``response.aiter_bytes()``; when the reader stops early, the response is closed first.

    Stopping early (the size cap, a cancelled download, the deadline) leaves httpcore's
    generators suspended. On a loop without async-generator hooks (qasync installs none) the
    garbage collector finalises them off the loop: httpcore then marks the connection closed
    without releasing it, and after ``max_connections`` (100) such replies every request
    waits for the pool and times out. Closing the response here, on the loop, first makes
    their later finalisation a no-op.
    """
    stream = response.aiter_bytes()  # an async generator, typed as a mere iterator
    try:
        yield stream
    except BaseException:
        await response.aclose()
        raise
    finally:
        aclose = getattr(stream, "aclose", None)
        if aclose is not None:
            await aclose()


def _clean_base_url(base_url: str) -> tuple[str, str | None]:
    """The API base without query or fragment (a pasted ``?apikey=…`` is dropped), ending in /.

    Also returns why the URL is unusable (without echoing it: it may hold a key), or None.
    Every request then fails with that reason as a final NetworkError, so a bad setting shows
    as a message rather than a crash.
    """
    try:
        url = httpx.URL(base_url.strip())
    except (httpx.InvalidURL, ValueError, TypeError):
        return "http://invalid.invalid/", QT_TRANSLATE_NOOP(
            "api", "The server URL is not a valid address."
        )
    if url.scheme not in ("http", "https") or not url.host:
        problem = QT_TRANSLATE_NOOP(
            "api", "The server URL must start with http:// or https:// and name a host."
        )
        return "http://invalid.invalid/", problem
    text = str(url.copy_with(query=None, fragment=None))
    return (text if text.endswith("/") else text + "/"), None


def _too_large() -> str:
    assert MAX_BODY_BYTES == 8 * 1024 * 1024  # the sentence below names the limit
    return QT_TRANSLATE_NOOP("api", "The server's reply is larger than 8 MB.")


def _not_audio(body: bytes, module: Module, status: int) -> CallCenterError:
    """The error a non-audio download body stands for (the server's message when it has one)."""
    try:
        doc = wire.parse_document(body, status=status, module=module.name)
        if isinstance(doc, dict):
            wire.check_result(doc, module.name)
    except ApiError as exc:
        if exc.status is None and status >= 300:
            exc.status = status  # keeps a 502/503/504 retryable, with the server's message
        return exc
    except CallCenterError as exc:
        return exc
    if status >= 300:
        return ApiError(
            QT_TRANSLATE_NOOP("api", "The server failed."),
            module=module.name,
            status=status,
            detail=f"HTTP {status}",
        )
    return ProtocolError(
        QT_TRANSLATE_NOOP("api", "The server sent something that is not a recording."),
        module=module.name,
    )
