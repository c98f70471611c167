"""callRecords, soundRecords and downloadRecording: seed data, filters, shapes, audio."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from agentbar.sim import DEMO_EXTENSION, Simulator
from tests.sim.helpers import START, Api

FIELDS = [
    "arama_tarihi",
    "arayan_adi",
    "arayan_numara",
    "aranan_numara",
    "kaynak",
    "kanal",
    "ic_kanal",
    "sonislem",
    "sondata",
    "sure",
    "durum",
]
DOSYA = re.compile(
    r"/var/spool/asterisk/monitor/(\d{4})/(\d\d)/(\d\d)/(out|in|q|exten)-(\d+)-(\d+)-"
    r"(\d{8})-(\d{6})-(\d+\.\d+)\.(WAV|wav|mp3)"
)


def records(api: Api, module: str = "callRecords", **filters: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = api.ok(module, **filters)["activecalls"]
    return rows


def test_seeded_records_shape_and_order(api: Api) -> None:
    rows = records(api)
    assert 280 <= len(rows) <= 320
    assert all(list(r) == FIELDS for r in rows)
    stamps = [r["arama_tarihi"] for r in rows]
    assert stamps == sorted(stamps, reverse=True)
    oldest = datetime.strptime(stamps[-1], "%Y-%m-%d %H:%M:%S")
    assert START - timedelta(days=30) <= oldest and stamps[0] < START.strftime("%Y-%m-%d %H:%M:%S")
    assert {r["durum"] for r in rows} == {"ANSWERED", "NO ANSWER", "BUSY", "FAILED"}
    mine = [r for r in rows if DEMO_EXTENSION in (r["arayan_numara"], r["aranan_numara"])]
    assert len(mine) > len(rows) // 4
    assert any(r["arayan_numara"] == DEMO_EXTENSION for r in mine)
    assert any(r["aranan_numara"] == DEMO_EXTENSION for r in mine)
    external = {r["arayan_numara"] for r in rows} | {r["aranan_numara"] for r in rows}
    assert any(n.startswith("05") and len(n) == 11 for n in external)
    assert any(n.startswith(("0212", "0216", "0312")) for n in external)
    assert any(c in r["arayan_adi"] for r in rows for c in "çğışöüİÇŞÖÜ")


def test_call_records_xml(api: Api) -> None:
    root = api.xml("callRecords", limit="3")
    rows = root.findall("call_records/call_record")
    assert len(rows) == 3
    assert [c.tag for c in rows[0]] == FIELDS


def test_json_record_key_option(sim: Simulator, api: Api) -> None:
    sim.options.json_record_key = "call_records"
    doc = api.ok("soundRecords", limit="2")
    assert list(doc) == ["result", "call_records"] and len(doc["call_records"]) == 2


def test_numeric_lists(sim: Simulator, api: Api) -> None:
    sim.options.numeric_lists = True
    doc = api.ok("callRecords", limit="3")
    assert list(doc["activecalls"]) == ["0", "1", "2"]
    assert api.ok("activeCalls")["activecalls"] == []  # an empty list stays []


def test_filters(api: Api) -> None:
    assert len(records(api, limit="5")) == 5
    assert records(api, limit="0") == []
    asc = records(api, sira="asc", limit="10")
    assert [r["arama_tarihi"] for r in asc] == sorted(r["arama_tarihi"] for r in asc)
    by_length = records(api, orderby="sure", sira="desc", limit="20")
    assert [int(r["sure"]) for r in by_length] == sorted(
        (int(r["sure"]) for r in by_length), reverse=True
    )
    quoted = records(api, orderby="'arayan_numara'", sira="asc")
    assert [r["arayan_numara"] for r in quoted] == sorted(r["arayan_numara"] for r in quoted)
    day = (START - timedelta(days=3)).strftime("%Y-%m-%d")
    on_day = records(api, baslangic_tarihi=day, bitis_tarihi=day)
    assert on_day and all(r["arama_tarihi"].startswith(day) for r in on_day)
    for row in records(api, arayan_numara="1004"):
        assert "1004" in row["arayan_numara"]
    for row in records(api, aranan_numara="0532"):
        assert "0532" in row["aranan_numara"]
    name = records(api, limit="1", arayan_numara="05")[0]["arayan_adi"] or "Ayşe"
    hits = records(api, arayan_adi=name.split()[0].lower())
    assert hits and all(name.split()[0].casefold() in r["arayan_adi"].casefold() for r in hits)


def test_filter_errors(api: Api) -> None:
    for module in ("callRecords", "soundRecords"):
        api.fails(module, "Geçersiz orderby değeri.", orderby="1; DROP TABLE cdr")
        api.fails(module, "Geçersiz sira değeri (asc veya desc bekleniyor).", sira="up")
        api.fails(module, "Geçersiz limit değeri.", limit="-1")
        api.fails(
            module,
            "Geçersiz baslangic_tarihi değeri (YYYY-MM-DD bekleniyor).",
            baslangic_tarihi="24.11.2026",
        )
        api.fails(
            module,
            "Geçersiz bitis_tarihi değeri (YYYY-MM-DD bekleniyor).",
            bitis_tarihi="2026-13-01",
        )
    api.fails("callRecords", "Geçersiz orderby değeri.", orderby="dosya")


def test_sound_records_are_answered_calls_with_asterisk_names(api: Api) -> None:
    rows = records(api, "soundRecords")
    assert len(rows) > 150
    assert all(list(r) == [*FIELDS, "dosya"] and r["durum"] == "ANSWERED" for r in rows)
    suffixes = set()
    for row in rows:
        match = DOSYA.fullmatch(row["dosya"])
        assert match, row["dosya"]
        year, month, day_, kind, other, ext, ymd, hms, _uid, suffix = match.groups()
        assert ymd == year + month + day_
        stamp = row["arama_tarihi"]
        assert stamp == f"{year}-{month}-{day_} {hms[:2]}:{hms[2:4]}:{hms[4:]}"
        assert kind in ("out", "exten") or other == row["arayan_numara"]
        assert ext in (row["arayan_numara"], row["aranan_numara"])
        suffixes.add(suffix)
    assert suffixes == {"WAV", "wav", "mp3"}
    root = api.xml("soundRecords", limit="1")
    assert root.findtext("call_records/call_record/dosya", "").startswith("/var/spool/")


def test_download_each_format(api: Api) -> None:
    rows = records(api, "soundRecords")
    expected = {
        "WAV": ("audio/x-wav", b"RIFF"),
        "wav": ("audio/x-wav", b"RIFF"),
        "mp3": ("audio/mpeg", b"\xff"),
    }
    for suffix, (content_type, magic) in expected.items():
        path = next(r["dosya"] for r in rows if r["dosya"].endswith("." + suffix))
        r = api.raw("downloadRecording", method="GET", listen=path)
        assert r.status_code == 200 and r.headers["content-type"] == content_type
        assert r.content.startswith(magic) and 1000 < len(r.content) < 100_000
        if suffix != "mp3":
            assert r.content[8:12] == b"WAVE"
        if suffix == "WAV":
            assert r.content[20:22] == b"\x31\x00"  # WAVE_FORMAT_GSM610: Asterisk's wav49
        if suffix == "wav":
            assert r.content[20:22] == b"\x01\x00"  # PCM
    assert api.raw("downloadRecording", fmt=None, method="POST", listen=path).status_code == 200


def test_download_refuses_unknown_paths(api: Api) -> None:
    known = records(api, "soundRecords", limit="1")[0]["dosya"]
    bad = [
        known + ".x",
        known.replace("/monitor/", "/monitor/../monitor/"),
        "/var/spool/asterisk/monitor/../../../../etc/passwd",
        "../../etc/passwd",
        "/etc/passwd",
    ]
    for path in bad:
        api.fails("downloadRecording", "Dosya bulunamadı.", listen=path)
    api.fails("downloadRecording", "listen parametresi eksik.")


def test_same_seed_same_history() -> None:
    from agentbar.sim import SimClock
    from agentbar.sim.state import SimState

    a = SimState(SimClock(start=START), 7).records.all()
    b = SimState(SimClock(start=START), 7).records.all()
    c = SimState(SimClock(start=START), 8).records.all()
    assert a == b and a != c
