"""One function per API module: validated parameters in, a Reply (or Audio) out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agentbar.sim import params as v
from agentbar.sim.audio import recording_for
from agentbar.sim.errors import SimFailure
from agentbar.sim.model import stamp
from agentbar.sim.params import Params
from agentbar.sim.records import ORDER_FIELDS, RecordQuery
from agentbar.sim.render import Audio, Block, Items, Reply, Scalar
from agentbar.sim.state import SimState


@dataclass
class Options:
    """Wire switches, changeable at runtime.

    ``numeric_lists``: JSON lists as ``{"0": ..}`` objects. ``json_record_key``: the JSON key
    of callRecords/soundRecords (``activecalls`` as documented, or ``call_records``).
    ``break_end_json``: ``block`` (message + break block) or ``message`` (the document's
    literal example, ``{"result":"true","message":"Mola Başladı"}``).
    """

    numeric_lists: bool = False
    json_record_key: str = "activecalls"
    break_end_json: str = "block"


@dataclass(frozen=True)
class Context:
    """What a handler may use: the state, the answer format and the switches."""

    state: SimState
    fmt: str
    options: Options


Handler = Callable[[Context, Params], Reply | Audio]


# -- Agent --------------------------------------------------------------------------------
def login_agent(ctx: Context, p: Params) -> Reply:
    """loginAgent(agent)."""
    ctx.state.agents.login(v.agent_number(p), ctx.state.now())
    return Reply.message("Giriş yapıldı.")


def logout_agent(ctx: Context, p: Params) -> Reply:
    """logoutAgent(agent): also ends a break."""
    ctx.state.agents.logout(v.agent_number(p))
    return Reply.message("Çıkış yapıldı.")


def break_list(ctx: Context, p: Params) -> Reply:
    """breakList: JSON is a bare array; XML repeats <break> right under <CallCenter>."""
    rows = [{"id": b.id, "name": b.name} for b in ctx.state.agents.breaks]
    return Reply.success(Items(None, None, "break", rows))


def break_start(ctx: Context, p: Params) -> Reply:
    """breakStart(agent, breakId)."""
    agent = v.agent_number(p)
    break_id = v.digits(p.require("breakId"), "Geçersiz mola numarası.")
    ctx.state.agents.break_start(agent, break_id, ctx.state.now())
    return Reply.message("Mola Başladı")


def break_end(ctx: Context, p: Params) -> Reply:
    """breakEnd(agent): the break's real start, end and duration."""
    agent = v.agent_number(p)
    start, end = ctx.state.agents.break_end(agent, ctx.state.now())
    block = Block(
        "break",
        {
            "agent": agent,
            "starttime": stamp(start),
            "endtime": stamp(end),
            "duration": str(int((end - start).total_seconds())),
        },
    )
    if ctx.fmt == "xml":
        return Reply.success(block)
    if ctx.options.break_end_json == "message":
        return Reply.message("Mola Başladı")
    return Reply.message("Mola Bitti", block)


# -- Calls --------------------------------------------------------------------------------
def dial(ctx: Context, p: Params) -> Reply:
    """dial(extension, number)."""
    ctx.state.calls.dial(v.extension(p), v.phone(p, "number"))
    return Reply.message("Arama Başladı")


def redirect(ctx: Context, p: Params) -> Reply:
    """redirect(from, extension): blind transfer."""
    source, target = v.extension(p, "from"), v.extension(p)
    ctx.state.calls.redirect(source, target)
    return Reply.message("Çağrı Yönlendirildi", Scalar("extension", target))


def hangup(ctx: Context, p: Params) -> Reply:
    """hangup(extension)."""
    ctx.state.calls.hangup(v.extension(p))
    return Reply.message("Çağrı Sonlandırıldı")


def active_calls_call_center(ctx: Context, p: Params) -> Reply:
    """activeCallsCallCenter: {agentnumber, fechainicio, phone}."""
    rows = ctx.state.calls.callcenter_rows()
    return Reply.success(Items("activecalls", "activecalls", "activecall", rows))


def active_calls(ctx: Context, p: Params) -> Reply:
    """activeCalls (live monitor): XML <calls><call>, JSON key activecalls."""
    return Reply.success(Items("activecalls", "calls", "call", ctx.state.calls.monitor_rows()))


# -- History ------------------------------------------------------------------------------
def _record_query(p: Params, recorded_only: bool) -> RecordQuery:
    orderby = (p.get("orderby") or "arama_tarihi").strip("'\"` ")
    allowed = ORDER_FIELDS if recorded_only else ORDER_FIELDS[:-1]
    if orderby not in allowed:
        raise SimFailure("Geçersiz orderby değeri.")
    sira = (p.get("sira") or "desc").lower()
    if sira not in ("asc", "desc"):
        raise SimFailure("Geçersiz sira değeri (asc veya desc bekleniyor).")
    limit, since, until = p.get("limit"), p.get("baslangic_tarihi"), p.get("bitis_tarihi")
    return RecordQuery(
        orderby=orderby,
        descending=sira == "desc",
        limit=v.integer(limit, "limit") if limit else None,
        since=v.moment(since, "baslangic_tarihi", end_of_day=False) if since else None,
        until=v.moment(until, "bitis_tarihi", end_of_day=True) if until else None,
        arayan_adi=p.get("arayan_adi") or "",
        arayan_numara=p.get("arayan_numara") or "",
        aranan_numara=p.get("aranan_numara") or "",
        recorded_only=recorded_only,
    )


def _records(ctx: Context, p: Params, with_files: bool) -> Reply:
    ctx.state.calls.tick()  # calls that ended on their own get their CDR first
    found = ctx.state.records.query(_record_query(p, with_files))
    rows = [r.row(with_files) for r in found]
    key = ctx.options.json_record_key
    return Reply.success(Items(key, "call_records", "call_record", rows))


def call_records(ctx: Context, p: Params) -> Reply:
    """callRecords(filters): CDRs."""
    return _records(ctx, p, with_files=False)


def sound_records(ctx: Context, p: Params) -> Reply:
    """soundRecords(filters): recorded CDRs with ``dosya``."""
    return _records(ctx, p, with_files=True)


def download_recording(ctx: Context, p: Params) -> Audio:
    """downloadRecording(listen): only an exact known ``dosya`` path gives audio."""
    path = p.require("listen")
    record = ctx.state.records.find_file(path)
    found = recording_for(path) if record else None
    if found is None:
        raise SimFailure("Dosya bulunamadı.")
    data, content_type = found
    return Audio(data, content_type, path.rsplit("/", 1)[-1])


# -- Queues -------------------------------------------------------------------------------
def _members(p: Params) -> list[str]:
    return [v.digits(m, "Geçersiz agent numarası.") for m in p.items("dynmembers")]


def list_queue(ctx: Context, p: Params) -> Reply:
    """listQueue: ``message`` is the list of {extension, descr} (JSON only)."""
    rows = [{"extension": q.extension, "descr": q.descr} for q in ctx.state.queues.all()]
    return Reply.success(Items("message", "queues", "queue", rows))


def create_queue(ctx: Context, p: Params) -> Reply:
    """createQueue(account, name, password, dynmembers[])."""
    account, name = v.account(p), p.require("name")
    ctx.state.queues.create(account, name, p.get("password") or "", _members(p))
    return Reply.message("Kuyruk Eklendi")


def delete_queue(ctx: Context, p: Params) -> Reply:
    """deleteQueue(account)."""
    ctx.state.queues.delete(v.account(p))
    return Reply.message("Kuyruk Silindi")


def queue_agents(ctx: Context, p: Params) -> Reply:
    """queueAgents(account): ``agents`` as a list of agent numbers."""
    members = ctx.state.queues.members(v.account(p))
    return Reply.success(Items("agents", "agents", "agent", members))


def agents_queue(ctx: Context, p: Params) -> Reply:
    """agentsQueue(account, dynmembers[], make=true|false)."""
    account, members = v.account(p), _members(p)
    if not members:
        raise SimFailure("dynmembers parametresi eksik.")
    add = v.flag(p.require("make"), "make")
    ctx.state.queues.update(account, members, add)
    return Reply.message("İşleminiz Gerçekleşti")


# -- Campaigns ----------------------------------------------------------------------------
def create_campaign(ctx: Context, p: Params) -> Reply:
    """createCampaign(...): ``id_campaign`` (a JSON number, like PHP's insert id) and name."""
    name = p.require("name")
    start_date = v.day(p.require("start_date"), "start_date")
    end_date = v.day(p.require("end_date"), "end_date")
    start_time = v.clock_time(p.require("start_time"), "start_time")
    end_time = v.clock_time(p.require("end_time"), "end_time")
    retries = v.integer(p.require("retries"), "retries")
    queue = v.digits(p.require("queue"), "Geçersiz queue değeri.")
    if end_date < start_date:
        raise SimFailure("end_date, start_date tarihinden önce olamaz.")
    if end_time <= start_time:
        raise SimFailure("end_time, start_time saatinden sonra olmalı.")
    campaign = ctx.state.campaigns.create(
        name, (start_date, end_date), (start_time, end_time), retries, queue
    )
    return Reply.success(Scalar("id_campaign", campaign.id), Scalar("name", campaign.name))


def delete_campaign(ctx: Context, p: Params) -> Reply:
    """deleteCampaign(id_campaign)."""
    ctx.state.campaigns.delete(v.campaign_id(p.require("id_campaign")))
    return Reply.message("Kampanya Silindi")


def campaign_add_phone(ctx: Context, p: Params) -> Reply:
    """campaignAddPhone(name, surname, phone, id_campaign)."""
    name, surname = p.require("name"), p.get("surname") or ""
    number = v.phone(p, "phone")
    campaign = v.campaign_id(p.require("id_campaign"))
    ctx.state.campaigns.add_phone(campaign, name, surname, number)
    return Reply.message("Kampanyaya Yeni Telefon Eklendi")


def campaign_delete_phone(ctx: Context, p: Params) -> Reply:
    """campaignDeletePhone(id_campaign, phone)."""
    campaign = v.campaign_id(p.require("id_campaign"))
    ctx.state.campaigns.delete_phone(campaign, v.phone(p, "phone"))
    return Reply.message("Kampanyadan Telefon Silindi")


def get_call_detail(ctx: Context, p: Params) -> Reply:
    """getCallDetail(phone?, id_campaign?): XML <Datas><Data>, JSON key ``data``."""
    number = v.phone(p, "phone") if p.get("phone") else None
    raw_id = p.get("id_campaign")
    campaign = v.campaign_id(raw_id) if raw_id else None
    rows = ctx.state.campaigns.details(number, campaign)
    return Reply.success(Items("data", "Datas", "Data", rows))


MODULES: dict[str, Handler] = {
    "loginAgent": login_agent,
    "logoutAgent": logout_agent,
    "breakList": break_list,
    "breakStart": break_start,
    "breakEnd": break_end,
    "dial": dial,
    "redirect": redirect,
    "hangup": hangup,
    "activeCallsCallCenter": active_calls_call_center,
    "activeCalls": active_calls,
    "callRecords": call_records,
    "soundRecords": sound_records,
    "downloadRecording": download_recording,
    "listQueue": list_queue,
    "createQueue": create_queue,
    "deleteQueue": delete_queue,
    "queueAgents": queue_agents,
    "agentsQueue": agents_queue,
    "createCampaign": create_campaign,
    "deleteCampaign": delete_campaign,
    "campaignAddPhone": campaign_add_phone,
    "campaignDeletePhone": campaign_delete_phone,
    "getCallDetail": get_call_detail,
}
