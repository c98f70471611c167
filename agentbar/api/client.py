"""CallCenterClient: one typed async method per vendor module, over one injected AsyncClient."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import httpx

from agentbar.api.errors import ApiError, CallCenterError, NetworkError, ProtocolError
from agentbar.api.modules import MODULES, Kind, Module
from agentbar.api.translatable import QT_TRANSLATE_NOOP
from agentbar.api.transport import (
    DEFAULT_DEADLINE_S,
    DEFAULT_TIMEOUT,
    TRANSIENT_STATUS,
    ParamValue,
    ProgressCallback,
    Transport,
)
from agentbar.api.wire import Payload, Row
from agentbar.workers import free_in_pieces, on_cpu_lane

if TYPE_CHECKING:
    from agentbar.api import models as m
else:

    class _Models:
        """``agentbar.api.models``, imported when a reply is first turned into models: making
        its many dataclasses is slow, and the bar's first paint need not wait for it
        (bench/startup.py; the start-up imports it in a worker thread meanwhile)."""

        def __getattr__(self, name: str) -> Any:
            from agentbar.api import models

            return getattr(models, name)

    m = _Models()

WireFormat = Literal["json", "xml"]
Id = int | str
DEFAULT_RETRY_DELAYS = (0.5, 1.5)
#: Longer record lists are turned into models in a worker thread, not on the event loop.
BUILD_INLINE_MAX = 500


def _is_transient(exc: CallCenterError) -> bool:
    if isinstance(exc, NetworkError):
        return exc.transient
    return isinstance(exc, ApiError) and exc.status in TRANSIENT_STATUS


class CallCenterClient:
    """The vendor API over an ``httpx.AsyncClient`` the caller owns (and closes).

    Read-only modules are retried on transient failures (connection errors, timeouts, HTTP
    502/503/504) after each delay in ``retry_delays``; modules that change the world (dial,
    transfer, hangup, breaks, login, queues, campaigns) are sent exactly once. Every error is
    a :class:`~agentbar.api.errors.CallCenterError` whose text never contains the key.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        wire: WireFormat = "json",
        client: httpx.AsyncClient,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE_S,
    ) -> None:
        if wire not in ("json", "xml"):
            raise ValueError(f"wire must be 'json' or 'xml', not {wire!r}")
        self._transport = Transport(
            base_url, api_key, wire_format=wire, client=client, timeout=timeout, deadline=deadline
        )
        self.retry_delays = tuple(retry_delays)

    def __repr__(self) -> str:
        t = self._transport
        return f"CallCenterClient({t.base_url!r}, wire={t.wire_format!r})"

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def wire(self) -> str:
        return self._transport.wire_format

    def redact(self, text: str) -> str:
        """``text`` with the key hidden: for anything that logs what the client saw."""
        return self._transport.redact(text)

    def _sanitise(self, exc: CallCenterError) -> None:
        """Make ``exc`` safe to log and show, whatever the server or httpx put into it.

        The server's own message is redacted too (a hostile server may echo the key back),
        and the implicit exception context (an httpx error holding the URL) is dropped.
        """
        exc.scrub(self.redact)
        exc.__cause__ = None
        exc.__context__ = None
        exc.__suppress_context__ = True

    # -- the lower layer -----------------------------------------------------------------

    async def call(self, module: str, params: Mapping[str, ParamValue] | None = None) -> Payload:
        """Call ``module`` and return its decoded, normalised payload (wire names kept).

        Retries only read-only modules, and only on transient failures.
        """
        spec = _module(module)
        if spec.kind is Kind.DOWNLOAD:
            raise ValueError("use download_recording() for downloadRecording")
        return await self._with_retry(spec, lambda: self._transport.request(spec, params or {}))

    async def _with_retry[T](self, spec: Module, attempt: Callable[[], Awaitable[T]]) -> T:
        delays = () if spec.mutating else self.retry_delays
        for delay in (*delays, None):
            try:
                return await attempt()
            except CallCenterError as exc:
                self._sanitise(exc)
                if delay is None or not _is_transient(exc):
                    raise
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _rows(self, module: str, params: Mapping[str, ParamValue] | None = None) -> list[Row]:
        payload = await self.call(module, params)
        if not isinstance(payload, list) or not all(isinstance(r, dict) for r in payload):
            raise ProtocolError(
                QT_TRANSLATE_NOOP("api", "The server's reply is not a list of records."),
                module=module,
            )
        return cast(list[Row], payload)

    async def _models[T](
        self,
        module: str,
        build: Callable[[Row], T],
        params: Mapping[str, ParamValue] | None = None,
    ) -> list[T]:
        """``module``'s rows as models; a long list is built in a worker thread."""
        rows = await self._rows(module, params)
        if len(rows) > BUILD_INLINE_MAX:
            held = [rows]
            del rows  # the decoded rows are freed in the worker too (workers.free_in_pieces)
            return await on_cpu_lane(_build_and_free, build, held)
        return [build(r) for r in rows]

    async def _fields(self, module: str, params: Mapping[str, ParamValue]) -> Row:
        payload = await self.call(module, params)
        if not isinstance(payload, dict):
            raise ProtocolError(
                QT_TRANSLATE_NOOP("api", "The server's reply is not a message."), module=module
            )
        return payload

    async def _ack(self, module: str, params: Mapping[str, ParamValue]) -> m.Ack:
        return m.Ack.from_wire(await self._fields(module, params))

    # -- Agent ---------------------------------------------------------------------------

    async def login_agent(self, agent: Id) -> m.Ack:
        """``loginAgent``. Changes state: never retried."""
        return await self._ack("loginAgent", {"agent": agent})

    async def logout_agent(self, agent: Id) -> m.Ack:
        """``logoutAgent``. Changes state: never retried."""
        return await self._ack("logoutAgent", {"agent": agent})

    async def break_list(self) -> list[m.BreakListEntry]:
        """``breakList``: the break reasons (rows without an id dropped). Read-only: retried."""
        reasons = await self._models("breakList", m.BreakListEntry.from_wire)
        return [r for r in reasons if r.id]  # a row without an id cannot be sent back

    async def break_start(self, agent: Id, break_id: Id) -> m.Ack:
        """``breakStart``. Changes state: never retried."""
        return await self._ack("breakStart", {"agent": agent, "breakId": break_id})

    async def break_end(self, agent: Id) -> m.BreakEnd:
        """``breakEnd``: the server's start/end/duration when it sends them. Never retried."""
        return m.BreakEnd.from_wire(await self._fields("breakEnd", {"agent": agent}))

    # -- Calls ---------------------------------------------------------------------------

    async def dial(self, extension: Id, number: str) -> m.Ack:
        """``dial``: ring ``extension``, then call ``number``. Never retried."""
        return await self._ack("dial", {"extension": extension, "number": number})

    async def redirect(self, from_extension: Id, to_extension: Id) -> m.Ack:
        """``redirect``: blind-transfer the call of ``from_extension``. Never retried."""
        return await self._ack("redirect", {"from": from_extension, "extension": to_extension})

    async def hangup(self, extension: Id) -> m.Ack:
        """``hangup`` the call of ``extension``. Never retried."""
        return await self._ack("hangup", {"extension": extension})

    async def active_calls_call_center(self) -> list[m.AgentCall]:
        """``activeCallsCallCenter``. Read-only: retried."""
        return await self._models("activeCallsCallCenter", m.AgentCall.from_wire)

    async def active_calls(self) -> list[m.LiveCall]:
        """``activeCalls`` (live monitor). Read-only: retried."""
        return await self._models("activeCalls", m.LiveCall.from_wire)

    # -- History and recordings ----------------------------------------------------------

    @staticmethod
    def _record_filters(
        orderby: str | None,
        order: Literal["asc", "desc"] | None,
        limit: int | None,
        start: date | None,
        end: date | None,
        caller_name: str | None,
        caller_number: str | None,
        called_number: str | None,
    ) -> dict[str, ParamValue]:
        return {
            "orderby": orderby,
            "sira": order,
            "limit": limit,
            "baslangic_tarihi": start,
            "bitis_tarihi": end,
            "arayan_adi": caller_name,
            "arayan_numara": caller_number,
            "aranan_numara": called_number,
        }

    async def call_records(
        self,
        *,
        orderby: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        limit: int | None = None,
        start: date | None = None,
        end: date | None = None,
        caller_name: str | None = None,
        caller_number: str | None = None,
        called_number: str | None = None,
    ) -> list[m.CallRecord]:
        """``callRecords`` with the document's filters. Read-only: retried."""
        params = self._record_filters(
            orderby, order, limit, start, end, caller_name, caller_number, called_number
        )
        return await self._models("callRecords", m.CallRecord.from_wire, params)

    async def sound_records(
        self,
        *,
        orderby: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        limit: int | None = None,
        start: date | None = None,
        end: date | None = None,
        caller_name: str | None = None,
        caller_number: str | None = None,
        called_number: str | None = None,
    ) -> list[m.CallRecord]:
        """``soundRecords``: call records with their recording path. Read-only: retried."""
        params = self._record_filters(
            orderby, order, limit, start, end, caller_name, caller_number, called_number
        )
        return await self._models("soundRecords", m.CallRecord.from_wire, params)

    async def download_recording(
        self,
        listen: str,
        dest: Path,
        *,
        on_progress: ProgressCallback | None = None,
        read_timeout: float = 30.0,
    ) -> m.Download:
        """``downloadRecording`` into ``dest``, atomically (see Transport.download).

        ``dest`` appears only when the whole file arrived and is recognised as audio; an error
        body (XML/JSON/HTML) raises the server's message. Read-only: retried when nothing
        usable arrived.
        """
        spec = MODULES["downloadRecording"]

        async def attempt() -> tuple[int, str]:
            return await self._transport.download(
                spec, {"listen": listen}, dest, on_progress, read_timeout
            )

        size, kind = await self._with_retry(spec, attempt)
        return m.Download(dest, size, kind)

    # -- Queues --------------------------------------------------------------------------

    async def list_queue(self) -> list[m.Queue]:
        """``listQueue`` (always asked as JSON, as the vendor requires). Read-only: retried."""
        return await self._models("listQueue", m.Queue.from_wire)

    async def create_queue(
        self, account: Id, name: str, password: str, dynmembers: Sequence[Id] = ()
    ) -> m.Ack:
        """``createQueue``. Never retried."""
        params = {"account": account, "name": name, "password": password, "dynmembers": dynmembers}
        return await self._ack("createQueue", params)

    async def delete_queue(self, account: Id) -> m.Ack:
        """``deleteQueue``. Never retried."""
        return await self._ack("deleteQueue", {"account": account})

    async def queue_agents(self, account: Id) -> list[str]:
        """``queueAgents``: the agent numbers in a queue. Read-only: retried."""
        payload = await self.call("queueAgents", {"account": account})
        if not isinstance(payload, list) or not all(isinstance(a, str) for a in payload):
            raise ProtocolError(
                QT_TRANSLATE_NOOP("api", "The server's agent list is malformed."),
                module="queueAgents",
            )
        return cast(list[str], payload)

    async def agents_queue(self, account: Id, dynmembers: Sequence[Id], make: bool) -> m.Ack:
        """``agentsQueue``: add (``make=True``) or remove agents. Never retried."""
        params = {"account": account, "dynmembers": dynmembers, "make": make}
        return await self._ack("agentsQueue", params)

    # -- Campaigns -----------------------------------------------------------------------

    async def create_campaign(
        self,
        name: str,
        start_date: date,
        end_date: date,
        start_time: time,
        end_time: time,
        retries: int,
        queue: int = 191,
    ) -> m.Campaign:
        """``createCampaign`` (queue 191 when unknown, says the vendor). Never retried."""
        params: dict[str, ParamValue] = {
            "name": name,
            "start_date": start_date,
            "end_date": end_date,
            "start_time": start_time,
            "end_time": end_time,
            "retries": retries,
            "queue": queue,
        }
        return m.Campaign.from_wire(await self._fields("createCampaign", params))

    async def delete_campaign(self, id_campaign: Id) -> m.Ack:
        """``deleteCampaign``. Never retried."""
        return await self._ack("deleteCampaign", {"id_campaign": id_campaign})

    async def campaign_add_phone(
        self, id_campaign: Id, phone: str, name: str = "", surname: str = ""
    ) -> m.Ack:
        """``campaignAddPhone``. Never retried."""
        params = {"name": name, "surname": surname, "phone": phone, "id_campaign": id_campaign}
        return await self._ack("campaignAddPhone", params)

    async def campaign_delete_phone(self, id_campaign: Id, phone: str) -> m.Ack:
        """``campaignDeletePhone``. Never retried."""
        return await self._ack("campaignDeletePhone", {"id_campaign": id_campaign, "phone": phone})

    async def get_call_detail(
        self, *, phone: str | None = None, id_campaign: Id | None = None
    ) -> list[m.CallDetail]:
        """``getCallDetail`` filtered by phone and/or campaign. Read-only: retried."""
        params = {"phone": phone, "id_campaign": id_campaign}
        return await self._models("getCallDetail", m.CallDetail.from_wire, params)


def _module(name: str) -> Module:
    try:
        return MODULES[name]
    except KeyError:
        raise ValueError(f"unknown module {name!r}") from None


def _build_and_free[T](build: Callable[[Row], T], held: list[list[Row]]) -> list[T]:
    """The models of ``held``'s one list of rows; then the rows are freed, here (in the CPU
    worker: freeing thousands of decoded rows on the GUI thread is a stall)."""
    built = [build(r) for r in held[0]]
    free_in_pieces(held)
    return built
