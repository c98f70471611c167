"""The agent's recordings: merging the two queries, direction, other party, cache names, LRU."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from agentbar.api.models import CallRecord
from agentbar.core.recording_cache import INDEX_NAME, MB, RecordingCache, cache_name, safe_name
from agentbar.core.recordings import (
    Direction,
    direction_of,
    entry_for,
    is_mine,
    merge_records,
    other_party,
)

EXT = "1004"
MON = "/var/spool/asterisk/monitor/2019/10/24/"


def rec(
    caller="1004",
    called="05332730130",
    *,
    name="Ayşe Yılmaz",
    when=datetime(2019, 10, 24, 15, 3, 14),
    file: str | None = MON + "out-05332730130-1004-20191024-150314-1571918594.40633.WAV",
    sure=42,
    durum="ANSWERED",
    channel="SIP/1004-00000001",
):
    return CallRecord(
        when,
        name,
        caller,
        called,
        "from-internal",
        channel,
        "SIP/ttnet-2",
        "Dial",
        "",
        sure,
        durum,
        file,
    )


# -- merging ----------------------------------------------------------------------------


def test_calls_in_the_same_second_keep_one_order_whichever_query_answers_first():
    """Two calls in one second: the list's order is total, not the order replies arrived."""
    when = datetime(2026, 1, 2, 10)
    a = rec(when=when, file=MON + "out-1-1004-a.wav")
    b = rec("0532", "1004", when=when, file=MON + "in-0532-1004-b.WAV")
    c = rec(when=when, file=None, called="05550000000")
    first = merge_records([a, b, c], extension=EXT)
    for batches in ([[c, b, a]], [[b], [a, c]], [[c], [a], [b]]):
        assert merge_records(*batches, extension=EXT) == first


def test_merge_by_file_newest_first():
    a = rec(when=datetime(2026, 1, 2, 10), file=MON + "out-1-1004-a.wav")
    b = rec("0532", "1004", when=datetime(2026, 1, 3, 10), file=MON + "in-0532-1004-b.WAV")
    c = rec(when=datetime(2026, 1, 1, 10), file=MON + "out-1-1004-c.mp3")
    merged = merge_records([a, c, b], [b, a], extension=EXT)
    assert [r.file for r in merged] == [b.file, a.file, c.file]


def test_merge_keeps_only_exact_extension_matches():
    # The server's number filters are LIKE substrings: 1004 also finds 0532 100 45 67.
    stranger = rec("05321004567", "02125550000", file=MON + "in-x.WAV")
    mine = rec()
    assert merge_records([stranger, mine], extension=EXT) == [mine]


def test_merge_without_files_uses_the_call_itself_and_undated_rows_go_last():
    a = rec(file=None)
    undated = rec(file=None, when=None, channel="SIP/1004-9")
    merged = merge_records([a, undated], [a], extension=EXT)
    assert merged == [a, undated]


def test_is_mine_ignores_punctuation():
    assert is_mine(rec(caller=" 1004 "), EXT)
    assert not is_mine(rec(caller="10040", called="x"), EXT)
    assert not is_mine(rec(), "")


# -- direction and other party --------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "direction"),
    [
        ("out", Direction.OUT),
        ("in", Direction.IN),
        ("q", Direction.QUEUE),
        ("exten", Direction.INTERNAL),
        ("OUT", Direction.OUT),
    ],
)
def test_direction_from_the_file_name(prefix, direction):
    r = rec("0532", "1004", file=f"{MON}{prefix}-0532-1004-20191024-150314-1.40633.WAV")
    assert direction_of(r, EXT) is direction


@pytest.mark.parametrize(
    ("caller", "called", "direction"),
    [
        ("1004", "05321234567", Direction.OUT),
        ("05321234567", "1004", Direction.IN),
        ("1004", "1007", Direction.INTERNAL),
        ("1007", "1004", Direction.INTERNAL),
        ("1007", "1008", Direction.UNKNOWN),
    ],
)
def test_direction_from_the_numbers(caller, called, direction):
    assert direction_of(rec(caller, called, file=None), EXT) is direction


def test_an_incoming_call_through_a_queue_without_a_file():
    r = CallRecord(None, "", "0532", "1004", "ext-queues", "", "", "Queue", "", 1, "ANSWERED", None)
    assert direction_of(r, EXT) is Direction.QUEUE


def test_direction_from_numbers_when_the_file_has_no_known_prefix():
    r = rec("05321234567", "1004", file=MON + "20191024-150314-odd.wav")
    assert direction_of(r, EXT) is Direction.IN


def test_other_party_outgoing_hides_the_agents_own_name():
    assert other_party(rec(), EXT) == ("05332730130", "")


def test_other_party_incoming_has_the_callers_name():
    r = rec("05332730130", "1004", name="İSMAİL KAYA", file=MON + "q-05332730130-1004-x.WAV")
    assert other_party(r, EXT) == ("05332730130", "İSMAİL KAYA")


def test_other_party_falls_back_to_the_file_name():
    r = rec("", "", file=MON + "out-05332730130-1004-20191024-150314-1.WAV")
    assert other_party(r, EXT)[0] == "05332730130"


def test_entry_has_a_search_key_and_answered_flag():
    entry = entry_for(rec("0532", "1004", name="İSMAİL", file=MON + "in-0532-1004-x.WAV"), EXT)
    assert entry.direction is Direction.IN
    assert "ismail" in entry.key and "0532" in entry.key
    assert entry.answered
    assert not entry_for(rec(durum="NO ANSWER"), EXT).answered


# -- cache file names -----------------------------------------------------------------------


def test_cache_name_is_the_base_name_and_a_hash_of_the_whole_path():
    path = MON + "out-05332730130-1004-20191024-150314-1571918594.40633.WAV"
    digest = hashlib.sha256(path.encode()).hexdigest()[:12]
    assert cache_name(path) == f"out-05332730130-1004-20191024-150314-1571918594.40633-{digest}.WAV"
    assert safe_name(path) == "out-05332730130-1004-20191024-150314-1571918594.40633.WAV"


def test_the_same_file_name_in_two_folders_gets_two_entries(cache):
    """Issue 15 item 8: the second call played the first call's audio."""
    first, second = "/var/spool/2026/01/02/rec.wav", "/var/spool/2026/03/04/rec.wav"
    assert cache_name(first) != cache_name(second)
    put(cache, first, 100)
    assert cache.lookup(second) is None
    put(cache, second, 120)
    assert cache.lookup(first).stat().st_size == 100
    assert cache.lookup(second).stat().st_size == 120


@pytest.mark.parametrize("path", ["/m/index.json", "/m/.index.json", "/m/..index.json"])
def test_no_recording_name_reaches_the_index(cache, path):
    assert cache_name(path) != INDEX_NAME
    put(cache, "/m/a.wav", 100)
    put(cache, path, 50)
    again = RecordingCache(cache.directory, 300)
    again.open()
    assert (cache.directory / INDEX_NAME).is_file()
    assert again.lookup(path) is not None and again.lookup("/m/a.wav") is not None


def test_open_deletes_what_an_older_version_named(tmp_path):
    d = tmp_path / "rec"
    d.mkdir()
    (d / "index.json").write_text('{"version": 1, "entries": {}}')
    (d / "rec.wav").write_bytes(b"R" * 10)  # named without its path's hash: unreachable
    c = RecordingCache(d, 10 * MB)
    c.open()
    assert sorted(p.name for p in d.iterdir()) == [INDEX_NAME]


@pytest.mark.parametrize(
    "path",
    [
        "../../etc/passwd",
        "/var/spool/../../..",
        "..",
        "C:\\Windows\\..\\system32\\evil.wav",
        "a/b/..\\..\\x.WAV",
        "/var/x/rec ording$(rm -rf).wav",
        "/var/x/.hidden.wav",
        "",
        "/var/x/",
        "/var/x/CON.wav",
        "/var/x/" + "a" * 500 + ".wav",
        "/var/x/kayıt-ışık.mp3",
        "/var/x/a\x00b.wav",
    ],
)
def test_cache_name_is_always_a_plain_safe_name(path):
    name = cache_name(path)
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".")
    assert len(name) <= 131
    assert name != INDEX_NAME
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name)
    assert name.split(".")[0].upper() not in ("CON", "NUL")


def test_cache_names_of_different_odd_paths_differ():
    assert cache_name("/x/a b.wav") != cache_name("/x/a?b.wav")
    assert cache_name("/x/a b.wav") == cache_name("/x/a b.wav")
    assert cache_name("/x/rec.WAV").endswith(".WAV")


# -- the LRU cache ------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        self.t += 1
        return self.t


def put(cache: RecordingCache, server_path: str, size: int, **kw) -> Path:
    cache.path_for(server_path).write_bytes(b"R" * size)
    return cache.add(server_path, **kw)


@pytest.fixture
def cache(tmp_path: Path) -> RecordingCache:
    c = RecordingCache(tmp_path / "rec", 300, now=Clock())
    c.open()
    return c


def test_lookup_after_add(cache):
    assert cache.lookup("/m/a.wav") is None
    path = put(cache, "/m/a.wav", 100)
    assert cache.lookup("/m/a.wav") == path
    assert cache.total_bytes() == 100


def test_least_recently_played_goes_first(cache):
    put(cache, "/m/a.wav", 100)
    put(cache, "/m/b.wav", 100)
    put(cache, "/m/c.wav", 100)
    cache.touch("/m/a.wav")  # a was played again: b is now the oldest
    put(cache, "/m/d.wav", 100)
    assert cache.lookup("/m/b.wav") is None
    assert not cache.path_for("/m/b.wav").exists()
    assert cache.names() == [cache_name("/m/c.wav"), cache_name("/m/a.wav"), cache_name("/m/d.wav")]
    assert cache.total_bytes() == 300


def test_protected_and_new_files_are_never_evicted(cache):
    put(cache, "/m/a.wav", 200)
    put(cache, "/m/b.wav", 200, protect=["/m/a.wav"])  # a is playing
    assert cache.names() == [
        cache_name("/m/a.wav"),
        cache_name("/m/b.wav"),
    ]  # over the bound for now
    put(cache, "/m/c.wav", 50)  # a is not protected any more: it goes
    assert cache.names() == [cache_name("/m/b.wav"), cache_name("/m/c.wav")]


def test_a_file_bigger_than_the_bound_stays_while_it_is_the_new_one(cache):
    put(cache, "/m/big.wav", 1000)
    assert cache.lookup("/m/big.wav") is not None
    put(cache, "/m/small.wav", 10)
    assert cache.names() == [cache_name("/m/small.wav")]


def test_set_limit_evicts_now(cache):
    put(cache, "/m/a.wav", 100)
    put(cache, "/m/b.wav", 100)
    cache.set_limit(150)
    assert cache.names() == [cache_name("/m/b.wav")]
    cache.set_limit(0, protect=["/m/b.wav"])
    assert cache.names() == [cache_name("/m/b.wav")]


def test_index_survives_a_restart_and_keeps_the_play_order(tmp_path, cache):
    put(cache, "/m/a.wav", 100)
    put(cache, "/m/b.wav", 100)
    cache.touch("/m/a.wav")
    again = RecordingCache(cache.directory, 300, now=Clock())
    again.t = 0  # type: ignore[attr-defined]
    again.open()
    assert again.names() == [cache_name("/m/b.wav"), cache_name("/m/a.wav")]


def test_open_removes_partial_downloads_and_rebuilds_a_damaged_index(tmp_path):
    d = tmp_path / "rec"
    d.mkdir()
    b = cache_name("/x/b.wav")
    (d / ".a.wav.1234abcd.part").write_bytes(b"half")
    (d / b).write_bytes(b"B" * 10)
    (d / INDEX_NAME).write_text("{not json")
    c = RecordingCache(d, 10 * MB)
    c.open()
    assert sorted(p.name for p in d.iterdir()) == sorted([b, INDEX_NAME])
    assert c.lookup("/x/b.wav") == d / b


def test_open_evicts_when_the_bound_shrank_between_runs(tmp_path, cache):
    put(cache, "/m/a.wav", 200)
    put(cache, "/m/b.wav", 100)
    small = RecordingCache(cache.directory, 150)
    small.open()
    assert small.names() == [cache_name("/m/b.wav")]


def test_a_file_changed_or_deleted_behind_the_cache_is_never_served(cache):
    path = put(cache, "/m/a.wav", 100)
    path.write_bytes(b"x" * 5)  # truncated by something else
    assert cache.lookup("/m/a.wav") is None
    assert not path.exists()
    path2 = put(cache, "/m/b.wav", 100)
    path2.unlink()
    assert cache.lookup("/m/b.wav") is None
    assert cache.total_bytes() == 0


def test_discard(cache):
    put(cache, "/m/a.wav", 100)
    cache.discard("/m/a.wav")
    assert cache.lookup("/m/a.wav") is None
    assert cache.names() == []


def test_using_the_cache_before_open_is_an_error(tmp_path):
    with pytest.raises(RuntimeError):
        RecordingCache(tmp_path, 1).lookup("/m/a.wav")
