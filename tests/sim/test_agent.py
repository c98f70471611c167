"""Agent modules: login, logout, the break list, break start and end, in both formats."""

from __future__ import annotations

from agentbar.sim import DEMO_AGENT, Simulator
from tests.sim.helpers import START, Api

BREAKS = [
    {"id": "2", "name": "YEMEK MOLASI"},
    {"id": "3", "name": "CAY SIGARA MOLASI"},
    {"id": "4", "name": "DIS ARAMA"},
    {"id": "5", "name": "TOPLANTI"},
    {"id": "6", "name": "EGITIM"},
]


def test_break_list_json_is_a_bare_array(api: Api) -> None:
    assert api.json("breakList") == BREAKS


def test_break_list_xml_repeats_break_under_root(api: Api) -> None:
    root = api.xml("breakList")
    assert [c.tag for c in root] == ["result"] + ["break"] * 5
    assert [{"id": b.findtext("id"), "name": b.findtext("name")} for b in root[1:]] == BREAKS


def test_break_list_honours_tip(api: Api) -> None:
    r = api.raw("breakList", fmt=None, method="GET", tip="json")
    assert r.json() == BREAKS
    r = api.raw("breakList", fmt="json", method="GET", tip="xml")
    assert r.text.startswith("<?xml")


def test_break_list_numeric_lists(sim: Simulator, api: Api) -> None:
    sim.options.numeric_lists = True
    doc = api.json("breakList")
    assert doc["0"] == BREAKS[0] and len(doc) == 5


def test_login_logout_both_formats(sim: Simulator, api: Api) -> None:
    assert api.ok("loginAgent", agent=DEMO_AGENT)["message"] == "Giriş yapıldı."
    agent = sim.state.agents.get(DEMO_AGENT)
    assert agent.logged_in and agent.login_time is not None
    api.fails("loginAgent", "Agent zaten giriş yapmış.", agent=DEMO_AGENT)
    root = api.xml("logoutAgent", agent=DEMO_AGENT)
    assert [(c.tag, c.text) for c in root] == [("result", "true"), ("message", "Çıkış yapıldı.")]
    assert not sim.state.agents.get(DEMO_AGENT).logged_in
    api.fails("logoutAgent", "Agent giriş yapmamış.", agent=DEMO_AGENT)


def test_agent_parameter_errors(api: Api) -> None:
    for module in ("loginAgent", "logoutAgent", "breakStart", "breakEnd"):
        api.fails(module, "agent parametresi eksik.")
        api.fails(module, "Geçersiz agent numarası.", agent="12a", breakId="2")
        api.fails(module, "Agent bulunamadı.", agent="999", breakId="2")


def test_break_flow_returns_the_real_break(sim: Simulator, api: Api) -> None:
    api.fails("breakStart", "Agent giriş yapmamış.", agent=DEMO_AGENT, breakId="2")
    api.ok("loginAgent", agent=DEMO_AGENT)
    api.fails("breakStart", "breakId parametresi eksik.", agent=DEMO_AGENT)
    api.fails("breakStart", "Geçersiz mola numarası.", agent=DEMO_AGENT, breakId="yemek")
    api.fails("breakStart", "Mola bulunamadı.", agent=DEMO_AGENT, breakId="99")
    api.fails("breakEnd", "Agent molada değil.", agent=DEMO_AGENT)
    assert api.ok("breakStart", agent=DEMO_AGENT, breakId="2")["message"] == "Mola Başladı"
    started = sim.clock.now().replace(microsecond=0)
    assert sim.state.agents.get(DEMO_AGENT).break_id == "2"
    api.fails("breakStart", "Agent zaten molada.", agent=DEMO_AGENT, breakId="3")
    sim.clock.advance(8)
    root = api.xml("breakEnd", agent=DEMO_AGENT)
    assert [c.tag for c in root] == ["result", "break"]
    element = root.find("break")
    assert element is not None
    block = {c.tag: c.text for c in element}
    assert block["agent"] == DEMO_AGENT
    assert block["starttime"] == started.strftime("%Y-%m-%d %H:%M:%S")
    assert block["starttime"].startswith(START.strftime("%Y-%m-%d %H:%M"))
    duration = int(block["duration"] or "")
    assert 8 <= duration <= 9
    assert block["endtime"] is not None and block["endtime"] > block["starttime"]
    assert not sim.state.agents.get(DEMO_AGENT).on_break
    api.fails("breakEnd", "Agent molada değil.", agent=DEMO_AGENT)


def test_break_end_json_block(sim: Simulator, api: Api) -> None:
    api.ok("loginAgent", agent=DEMO_AGENT)
    api.ok("breakStart", agent=DEMO_AGENT, breakId="3")
    sim.clock.advance(60)
    doc = api.ok("breakEnd", agent=DEMO_AGENT)
    assert doc["message"] == "Mola Bitti"
    assert set(doc["break"]) == {"agent", "starttime", "endtime", "duration"}
    assert 60 <= int(doc["break"]["duration"]) <= 61


def test_break_end_json_message_slip(sim: Simulator, api: Api) -> None:
    sim.options.break_end_json = "message"
    api.ok("loginAgent", agent=DEMO_AGENT)
    api.ok("breakStart", agent=DEMO_AGENT, breakId="3")
    assert api.json("breakEnd", agent=DEMO_AGENT) == {"result": "true", "message": "Mola Başladı"}
    assert not sim.state.agents.get(DEMO_AGENT).on_break


def test_logout_ends_the_break(sim: Simulator, api: Api) -> None:
    api.ok("loginAgent", agent=DEMO_AGENT)
    api.ok("breakStart", agent=DEMO_AGENT, breakId="4")
    api.ok("logoutAgent", agent=DEMO_AGENT)
    agent = sim.state.agents.get(DEMO_AGENT)
    assert not agent.logged_in and not agent.on_break and agent.break_id is None
    api.ok("loginAgent", agent=DEMO_AGENT)
    api.fails("breakEnd", "Agent molada değil.", agent=DEMO_AGENT)


def test_seeded_agents(sim: Simulator) -> None:
    agents = {a.number: a for a in sim.state.agents.all()}
    assert sorted(agents) == [str(n) for n in range(100, 120)]
    assert agents["101"].name == "Ayşe Yılmaz" and agents["101"].extension == "1004"
    assert agents["102"].name == "Mehmet Demir"
    assert not agents[DEMO_AGENT].logged_in
    assert any(a.logged_in for a in agents.values())
