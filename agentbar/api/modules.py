"""The 23 vendor modules: method, parameters, reply shape and whether a call changes the world."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a module's reply is shaped once decoded."""

    MESSAGE = "message"  # scalar fields: message, extension, id_campaign, name, ...
    RECORDS = "records"  # a PHP list of objects
    BREAKS = "breaks"  # breakList: a bare JSON array / <break> children of the root
    BREAK_END = "break_end"  # breakEnd: a <break> block, or only a message
    AGENTS = "agents"  # queueAgents: a list of agent numbers
    QUEUES = "queues"  # listQueue: a list of objects under "message"
    DOWNLOAD = "download"  # downloadRecording: audio bytes


class ParamType(StrEnum):
    """Wire types of parameters; the client and the CLI convert and validate with them."""

    INT = "int"
    STR = "str"
    DATE = "date"  # YYYY-MM-DD
    TIME = "time"  # HH:MM:SS
    BOOL = "bool"  # true / false
    LIST = "list"  # PHP array: name[]=a&name[]=b
    ORDER = "order"  # asc / desc


@dataclass(frozen=True, slots=True)
class Param:
    """One request parameter of a module."""

    name: str
    type: ParamType
    required: bool
    help: str


@dataclass(frozen=True, slots=True)
class Module:
    """One vendor module and what the client needs to call and decode it.

    ``mutating`` modules change the world (a call, a break, a queue) and are never retried
    automatically; read-only ones may be retried on transient failures.
    ``list_keys`` are the candidate keys of the list (JSON key or XML container, any case);
    ``item_tags`` the XML element names of one item inside the container.
    """

    name: str
    method: str
    kind: Kind
    mutating: bool
    params: tuple[Param, ...] = ()
    list_keys: tuple[str, ...] = ()
    item_tags: tuple[str, ...] = ()
    json_only: bool = False
    summary: str = ""

    def param(self, name: str) -> Param | None:
        """The parameter called ``name`` (or None)."""
        for p in self.params:
            if p.name == name:
                return p
        return None


def _p(name: str, type_: ParamType, help_: str, *, required: bool = True) -> Param:
    return Param(name, type_, required, help_)


_AGENT = _p("agent", ParamType.INT, "agent number")
_ACCOUNT = _p("account", ParamType.INT, "queue number")
_CAMPAIGN = _p("id_campaign", ParamType.INT, "campaign id")
_RECORD_FILTERS = (
    _p("orderby", ParamType.STR, "field to sort by, e.g. arama_tarihi", required=False),
    _p("sira", ParamType.ORDER, "asc or desc", required=False),
    _p("limit", ParamType.INT, "maximum rows", required=False),
    _p("baslangic_tarihi", ParamType.DATE, "from date YYYY-MM-DD", required=False),
    _p("bitis_tarihi", ParamType.DATE, "to date YYYY-MM-DD", required=False),
    _p("arayan_adi", ParamType.STR, "caller name", required=False),
    _p("arayan_numara", ParamType.STR, "caller number", required=False),
    _p("aranan_numara", ParamType.STR, "called number", required=False),
)
# The document's JSON uses "activecalls" for call records (sic); others use the XML names.
_RECORD_KEYS = ("call_records", "activecalls", "records", "data")

MODULES: dict[str, Module] = {
    m.name: m
    for m in (
        Module("loginAgent", "POST", Kind.MESSAGE, True, (_AGENT,), summary="log an agent in"),
        Module("logoutAgent", "POST", Kind.MESSAGE, True, (_AGENT,), summary="log an agent out"),
        Module(
            "breakList",
            "GET",
            Kind.BREAKS,
            False,
            list_keys=("break", "breaks", "data"),
            item_tags=("break",),
            summary="list break reasons",
        ),
        Module(
            "breakStart",
            "POST",
            Kind.MESSAGE,
            True,
            (_AGENT, _p("breakId", ParamType.INT, "break reason id")),
            summary="start a break",
        ),
        Module("breakEnd", "POST", Kind.BREAK_END, True, (_AGENT,), summary="end a break"),
        Module(
            "dial",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _p("extension", ParamType.INT, "the agent's own extension (rings first)"),
                _p("number", ParamType.STR, "number to call"),
            ),
            summary="call a number from an extension",
        ),
        Module(
            "redirect",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _p("from", ParamType.INT, "extension whose call is transferred"),
                _p("extension", ParamType.INT, "target extension"),
            ),
            summary="blind-transfer a call",
        ),
        Module(
            "hangup",
            "POST",
            Kind.MESSAGE,
            True,
            (_p("extension", ParamType.INT, "extension whose call ends"),),
            summary="end the call of an extension",
        ),
        Module(
            "activeCallsCallCenter",
            "POST",
            Kind.RECORDS,
            False,
            list_keys=("activecalls", "data"),
            item_tags=("activecall",),
            summary="active call-center calls per agent",
        ),
        Module(
            "activeCalls",
            "POST",
            Kind.RECORDS,
            False,
            list_keys=("calls", "activecalls", "data"),
            item_tags=("call", "activecall"),
            summary="live channel monitor",
        ),
        Module(
            "callRecords",
            "POST",
            Kind.RECORDS,
            False,
            _RECORD_FILTERS,
            list_keys=_RECORD_KEYS,
            item_tags=("call_record",),
            summary="call history",
        ),
        Module(
            "soundRecords",
            "POST",
            Kind.RECORDS,
            False,
            _RECORD_FILTERS,
            list_keys=_RECORD_KEYS,
            item_tags=("call_record",),
            summary="call history with recording files",
        ),
        Module(
            "downloadRecording",
            "GET",
            Kind.DOWNLOAD,
            False,
            (_p("listen", ParamType.STR, "recording path (dosya) on the server"),),
            summary="download a recording's audio",
        ),
        Module(
            "listQueue",
            "GET",
            Kind.QUEUES,
            False,
            list_keys=("message", "queues", "data"),
            item_tags=("queue", "item"),
            json_only=True,
            summary="list queues",
        ),
        Module(
            "createQueue",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _ACCOUNT,
                _p("name", ParamType.STR, "queue name"),
                _p("password", ParamType.STR, "queue password"),
                _p("dynmembers", ParamType.LIST, "dynamic agents (repeat)", required=False),
            ),
            summary="create a queue",
        ),
        Module("deleteQueue", "POST", Kind.MESSAGE, True, (_ACCOUNT,), summary="delete a queue"),
        Module(
            "queueAgents",
            "POST",
            Kind.AGENTS,
            False,
            (_ACCOUNT,),
            list_keys=("agents",),
            item_tags=("agent",),
            summary="agents in a queue",
        ),
        Module(
            "agentsQueue",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _ACCOUNT,
                _p("dynmembers", ParamType.LIST, "agent numbers (repeat)"),
                _p("make", ParamType.BOOL, "true adds, false removes"),
            ),
            summary="add agents to or remove them from a queue",
        ),
        Module(
            "createCampaign",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _p("name", ParamType.STR, "campaign name"),
                _p("start_date", ParamType.DATE, "YYYY-MM-DD"),
                _p("end_date", ParamType.DATE, "YYYY-MM-DD"),
                _p("start_time", ParamType.TIME, "HH:MM:SS"),
                _p("end_time", ParamType.TIME, "HH:MM:SS"),
                _p("retries", ParamType.INT, "how many times to try"),
                _p("queue", ParamType.INT, "queue (191 when unknown)"),
            ),
            summary="create an outbound campaign",
        ),
        Module(
            "deleteCampaign", "POST", Kind.MESSAGE, True, (_CAMPAIGN,), summary="delete a campaign"
        ),
        Module(
            "campaignAddPhone",
            "POST",
            Kind.MESSAGE,
            True,
            (
                _p("name", ParamType.STR, "first name"),
                _p("surname", ParamType.STR, "surname"),
                _p("phone", ParamType.STR, "phone number"),
                _CAMPAIGN,
            ),
            summary="add a phone to a campaign",
        ),
        Module(
            "campaignDeletePhone",
            "POST",
            Kind.MESSAGE,
            True,
            (_CAMPAIGN, _p("phone", ParamType.STR, "phone number")),
            summary="remove a phone from a campaign",
        ),
        Module(
            "getCallDetail",
            "POST",
            Kind.RECORDS,
            False,
            (
                _p("phone", ParamType.STR, "phone number", required=False),
                _p("id_campaign", ParamType.INT, "campaign id", required=False),
            ),
            list_keys=("datas", "data"),
            item_tags=("data",),
            summary="campaign call details",
        ),
    )
}
