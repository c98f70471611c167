"""The side panel against the simulator: the merged list, search, playback through the cache,
failed downloads, history into the dial field, queues."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from agentbar.api import CallCenterClient
from agentbar.core import clock
from agentbar.core.agent_state import AgentState, BreakRecord
from agentbar.core.recording_cache import INDEX_NAME, cache_name
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.sim.model import CallRecord as SimRecord
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.panel.call_model import HISTORY_COLUMNS, Column, duration_text
from agentbar.ui.panel.panel_session import PanelSession
from agentbar.ui.panel.player import shared_player
from agentbar.ui.panel.side_panel import SidePanel, place_rect
from agentbar.ui.startup.panel_host import PanelHost
from tests.ui.conftest import KEY

WAIT = 8000
MONITOR = "/var/spool/asterisk/monitor"


def _drain(task: asyncio.Task[object]) -> None:
    app = QApplication.instance()
    while not task.done() and app is not None:
        app.processEvents()


def add_recording(sim, suffix: str, *, minutes_ago: float = 1.0, number="05551234567") -> str:
    """A fresh recorded incoming call on the demo extension; returns its server path."""
    when = (sim.clock.now() - timedelta(minutes=minutes_ago)).replace(microsecond=0)
    uid = f"{int(when.timestamp())}.{abs(hash((suffix, minutes_ago))) % 100000}"
    path = (
        f"{MONITOR}/{when:%Y/%m/%d}/in-{number}-{DEMO_EXTENSION}-{when:%Y%m%d-%H%M%S}-{uid}"
        f".{suffix}"
    )
    sim.state.records.add(
        SimRecord(
            when,
            "İSMAİL ŞAHİN",
            number,
            DEMO_EXTENSION,
            "from-trunk",
            "SIP/ttnet-1",
            f"SIP/{DEMO_EXTENSION}-2",
            "Dial",
            "",
            42,
            "ANSWERED",
            path,
            uid,
        )
    )
    return path


def downloads(sim) -> list[str]:
    return [r.params["listen"] for r in sim.requests if r.module == "downloadRecording"]


def cached_files(panel: PanelSession) -> list[str]:
    return sorted(p.name for p in panel.cache.directory.iterdir() if p.name != INDEX_NAME)


@pytest.fixture
def player(qapp):
    p = shared_player()
    p.set_speed(1.0)
    yield p
    p.stop()


@pytest.fixture
def build(qtbot, qloop, make_session, paths, player) -> Iterator[object]:
    made: list[tuple[PanelSession, SidePanel]] = []

    def factory(state=None, **settings_changes) -> tuple[PanelSession, SidePanel]:
        session = make_session(start=False, state=state, **settings_changes)
        panel = PanelSession(session, paths.recordings_cache_dir)
        side = SidePanel(panel, player)
        qtbot.addWidget(side)
        made.append((panel, side))
        return panel, side

    yield factory
    player.stop()
    for panel, side in made:
        _drain(qloop.create_task(panel.aclose()))
        side.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def load(qtbot, side: SidePanel) -> None:
    side.show()
    qtbot.waitUntil(
        lambda: (
            side.panel.since is not None
            and bool(side.panel.queues)
            and bool(side.history.model.entries)
        ),
        timeout=WAIT,
    )


def select(side: SidePanel, file: str) -> None:
    assert side.recordings.select_file(file)
    assert side.recordings.bound is not None and side.recordings.bound.file == file


def play(qtbot, side: SidePanel, file: str) -> None:
    select(side, file)
    side.recordings.toggle()
    qtbot.waitUntil(lambda: side.player.position > 0, timeout=WAIT)


# -- the list --------------------------------------------------------------------------------


def test_merged_list_is_the_agents_recordings_of_the_last_7_days_newest_first(qtbot, build, sim):
    panel, side = build()
    load(qtbot, side)
    since = datetime.combine(clock.today() - timedelta(days=6), datetime.min.time())
    expected = [
        r.dosya
        for r in sorted(sim.state.records.all(), key=lambda r: r.arama_tarihi, reverse=True)
        if r.dosya
        and DEMO_EXTENSION in (r.arayan_numara, r.aranan_numara)
        and r.arama_tarihi >= since
    ]
    assert expected  # the seeded demo data has some
    assert [e.file for e in panel.recordings] == expected
    assert [e.file for e in side.recordings.model.entries] == expected
    asked = [r for r in sim.requests if r.module == "soundRecords"]
    assert {tuple(sorted(r.params)) for r in asked} >= {
        ("aranan_numara", "baslangic_tarihi", "bitis_tarihi"),
        ("arayan_numara", "baslangic_tarihi", "bitis_tarihi"),
    }
    assert str(len(expected)) in side.recordings.range_label.text()


def test_a_load_arrives_in_the_order_the_agent_chose(qtbot, build, sim):
    """The rows of a load are sorted in the worker, in the order of the column header the
    agent clicked: the tables show the lists the panel made, not a copy sorted on the GUI
    thread (bench/responsiveness.py)."""
    panel, side = build()
    load(qtbot, side)
    assert side.recordings.model.entries is panel.recordings
    assert side.history.model.entries is panel.history
    header = side.recordings.view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(int(Column.NUMBER)) + 5, 5),
    )
    assert panel.recordings_order[0] == Column.NUMBER
    numbers = [e.number for e in side.recordings.model.entries]
    assert numbers == sorted(numbers, reverse=panel.recordings_order[1])
    before = panel.recordings
    with qtbot.waitSignal(panel.recordings_loaded, timeout=WAIT):
        side.recordings.refresh_button.click()
    assert panel.recordings is not before
    assert panel.recordings.order == panel.recordings_order
    assert side.recordings.model.entries is panel.recordings
    assert [e.number for e in panel.recordings] == numbers


def test_the_rows_a_load_replaces_are_freed_in_the_worker(qtbot, build, monkeypatch):
    """Freeing 10,000 rows is a stall where the last reference goes: a reload hands the lists
    it replaced to the CPU worker (workers.let_go) once the tables have let go of them."""
    from agentbar import workers
    from agentbar.ui.panel import panel_session

    given: list[list[int]] = []

    async def let_go(held: list[object]) -> None:
        given.append([id(item) for item in held])
        await workers.let_go(held)

    monkeypatch.setattr(panel_session, "let_go", let_go)
    panel, side = build()
    load(qtbot, side)
    old_rows, old_history = id(panel.recordings), id(panel.history)
    given.clear()
    with qtbot.waitSignal(panel.history_loaded, timeout=WAIT):
        side.recordings.refresh_button.click()
    qtbot.waitUntil(lambda: bool(given), timeout=WAIT)
    assert old_rows in given[0] and old_history in given[0]
    assert id(panel.recordings) not in given[0] and id(panel.history) not in given[0]
    assert side.recordings.model.entries is panel.recordings


class _Node:
    other: object = None


def test_garbage_alive_during_a_load_is_freed_by_the_next_full_collection(qtbot, build):
    """Loads are not frozen for the collector (issue 13): a cycle that was garbage while the
    rows arrived goes with the next full collection, not minutes later."""
    from agentbar.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(interval_ms=3_600_000)  # as in the app; checked by hand
    try:
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        probe = weakref.ref(a)
        del a, b
        panel, side = build()
        load(qtbot, side)
        qtbot.waitUntil(lambda: bool(panel.recordings) and bool(panel.history), timeout=WAIT)
        gc.collect()
        assert probe() is None
    finally:
        collector.stop()
    gc.disable()  # as the suite's fixture expects


def test_load_older_extends_by_7_days(qtbot, build, sim):
    panel, side = build()
    load(qtbot, side)
    first_since, first_count = panel.since, len(panel.recordings)
    side.recordings.older_button.click()
    qtbot.waitUntil(lambda: panel.since == first_since - timedelta(days=7), timeout=WAIT)
    assert len(panel.recordings) > first_count
    dates = [e.date for e in panel.recordings]
    assert dates == sorted(dates, reverse=True)
    assert len({e.file for e in panel.recordings}) == len(panel.recordings)


def test_search_as_you_type_is_turkish_aware(qtbot, build, sim):
    path = add_recording(sim, "WAV", number="05559876543")
    panel, side = build()
    load(qtbot, side)
    tab = side.recordings
    for typed in ("ismail", "İSMAİL", "sahin", "ŞAHİN", "0555 987 65 43"):
        tab.search.setText(typed)
        assert tab.proxy.rowCount() >= 1
        assert path in {
            tab.proxy.entry_at(tab.proxy.index(r, 0)).file for r in range(tab.proxy.rowCount())
        }
    tab.search.setText("no such person")
    assert tab.proxy.rowCount() == 0


# -- playback and the cache ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["WAV", "wav", "mp3"], ids=["GSM-WAV", "PCM-wav", "mp3"])
def test_each_format_downloads_into_the_cache_and_plays(qtbot, build, sim, suffix):
    path = add_recording(sim, suffix)
    panel, side = build()
    load(qtbot, side)
    play(qtbot, side, path)
    assert side.player.source == panel.cache.path_for(path)
    assert cached_files(panel) == [cache_name(path)]
    assert downloads(sim) == [path]
    assert side.recordings.player_bar.play_button.text().replace("&", "") == "Pause"


def test_cache_hit_does_not_download_again(qtbot, build, sim):
    a = add_recording(sim, "WAV", minutes_ago=2)
    b = add_recording(sim, "mp3", minutes_ago=3)
    panel, side = build()
    load(qtbot, side)
    play(qtbot, side, a)
    play(qtbot, side, b)
    play(qtbot, side, a)  # from the cache
    assert downloads(sim) == [a, b]


def test_keyboard_space_toggles_and_arrows_seek(qtbot, build, sim):
    path = add_recording(sim, "wav")
    panel, side = build()
    load(qtbot, side)
    select(side, path)
    view = side.recordings.view
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: side.player.playing and side.player.position > 0, timeout=WAIT)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not side.player.playing, timeout=WAIT)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # +10 s: past the 4 s sample's end
    qtbot.waitUntil(lambda: side.player.position >= side.player.duration - 300, timeout=WAIT)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: side.player.position < 300, timeout=WAIT)
    bar = side.recordings.player_bar
    bar.speed_box.setCurrentIndex(3)
    assert side.player.speed == 2.0
    bar.volume.setValue(20)
    assert side.player.volume == 20


def test_selecting_another_row_stops_the_player(qtbot, build, sim):
    a = add_recording(sim, "WAV", minutes_ago=2)
    b = add_recording(sim, "wav", minutes_ago=3)
    panel, side = build()
    load(qtbot, side)
    play(qtbot, side, a)
    select(side, b)
    assert side.player.source is None
    assert "05551234567" in side.recordings.player_bar.title.text()


def test_least_recently_played_is_evicted(qtbot, build, sim):
    a = add_recording(sim, "WAV", minutes_ago=2)
    b = add_recording(sim, "mp3", minutes_ago=3)
    c = add_recording(sim, "WAV", minutes_ago=4)
    panel, side = build(recordings_cache_mb=0)  # room for the playing file only
    load(qtbot, side)
    play(qtbot, side, a)
    play(qtbot, side, b)
    assert cached_files(panel) == [cache_name(b)]
    play(qtbot, side, c)
    assert cached_files(panel) == [cache_name(c)]
    play(qtbot, side, a)  # evicted: downloaded again
    assert downloads(sim) == [a, b, c, a]


def test_a_smaller_cache_setting_evicts_at_once_but_not_what_plays(qtbot, build, sim):
    a = add_recording(sim, "WAV", minutes_ago=2)
    b = add_recording(sim, "mp3", minutes_ago=3)
    panel, side = build()
    load(qtbot, side)
    play(qtbot, side, a)
    play(qtbot, side, b)
    assert cached_files(panel) == sorted([cache_name(a), cache_name(b)])
    session = panel.session
    session.remember(session.settings.replace(recordings_cache_mb=0))
    qtbot.waitUntil(lambda: cached_files(panel) == [cache_name(b)], timeout=WAIT)
    assert side.player.playing or side.player.source is not None


def test_a_server_error_body_leaves_nothing_and_says_why(qtbot, build, sim):
    path = add_recording(sim, "gsm")  # the simulator has no .gsm sample: an XML error body
    panel, side = build()
    load(qtbot, side)
    select(side, path)
    with qtbot.waitSignal(panel.download_failed, timeout=WAIT):
        side.recordings.toggle()
    assert "Dosya bulunamadı" in side.recordings.player_bar.message.text()
    assert side.player.source is None
    assert cached_files(panel) == []
    assert not side.recordings.player_bar.progress.isVisible()


def test_an_http_500_leaves_nothing(qtbot, build, sim):
    path = add_recording(sim, "WAV")
    panel, side = build()
    load(qtbot, side)
    select(side, path)
    sim.faults.malformed = "html500"
    with qtbot.waitSignal(panel.download_failed, timeout=WAIT):
        side.recordings.toggle()
    assert cached_files(panel) == []
    sim.faults.clear()
    play(qtbot, side, path)  # the next try works


class _CutStream(httpx.AsyncByteStream):
    """Half of the body, then the connection drops."""

    def __init__(self, inner: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self.inner, self.request = inner, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        body = b"".join([chunk async for chunk in self.inner])  # read it all: a clean close
        yield body[: len(body) // 2]
        raise httpx.ReadError("Connection reset by peer", request=self.request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _CuttingTransport(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.params.get("module") != "downloadRecording":
            return response
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CutStream(response.stream, request),
            request=request,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_connection_cut_mid_download_leaves_nothing(qtbot, qloop, build, sim):
    path = add_recording(sim, "wav")  # 69 kB
    panel, side = build()
    cutting = httpx.AsyncClient(transport=_CuttingTransport())
    panel.session.client = CallCenterClient(sim.url, KEY, client=cutting, retry_delays=())
    try:
        load(qtbot, side)
        select(side, path)
        with qtbot.waitSignal(panel.download_failed, timeout=WAIT) as blocker:
            side.recordings.toggle()
        assert "cut" in blocker.args[1].lower() or "connection" in blocker.args[1].lower()
        assert cached_files(panel) == []
        assert list(panel.cache.directory.glob(".*.part")) == []
        assert side.player.source is None
    finally:
        _drain(qloop.create_task(cutting.aclose()))


def test_cancel_a_download(qtbot, build, sim):
    path = add_recording(sim, "wav")
    panel, side = build()
    load(qtbot, side)
    select(side, path)
    sim.faults.latency = 2.0
    side.recordings.toggle()
    bar = side.recordings.player_bar
    qtbot.waitUntil(bar.cancel_button.isVisible, timeout=WAIT)
    with qtbot.waitSignal(panel.download_cancelled, timeout=WAIT):
        bar.cancel_button.click()
    sim.faults.latency = 0.0
    assert "cancelled" in bar.message.text()
    assert not bar.progress.isVisible()
    assert cached_files(panel) == []
    assert side.player.source is None


def test_a_corrupt_cached_file_gets_a_clear_message_and_is_dropped(qtbot, build, sim):
    path = add_recording(sim, "WAV", minutes_ago=2)
    other = add_recording(sim, "wav", minutes_ago=3)
    panel, side = build()
    load(qtbot, side)
    play(qtbot, side, path)
    select(side, other)  # stops the player
    cached = panel.cache.path_for(path)
    cached.write_bytes(
        bytes(range(256)) * (cached.stat().st_size // 256) + b"\0" * (cached.stat().st_size % 256)
    )
    select(side, path)
    with qtbot.waitSignal(side.player.failed, timeout=WAIT):
        side.recordings.toggle()  # same size: served from the cache, but it is noise
    bar = side.recordings.player_bar
    assert "cannot be played" in bar.message.text() and bar.message.text().startswith("✖")
    qtbot.waitUntil(lambda: not cached.exists(), timeout=WAIT)  # dropped from the cache
    play(qtbot, side, path)  # downloaded again, and fine
    assert downloads(sim) == [path, path]


def test_save_as_copies_the_recording(qtbot, build, sim, tmp_path):
    path = add_recording(sim, "mp3")
    panel, side = build()
    load(qtbot, side)
    select(side, path)
    dest = tmp_path / "copy.mp3"
    side.recordings.save_to(path, dest)  # what the file dialog calls
    qtbot.waitUntil(lambda: "saved" in side.message.text().lower(), timeout=WAIT)
    assert dest.read_bytes() == panel.cache.path_for(path).read_bytes()


# -- history ---------------------------------------------------------------------------------


def test_history_summary_and_redial_into_the_bar(qtbot, build, sim, make_session, paths):
    path = add_recording(sim, "WAV", number="05329998877")
    session = make_session(start=False)
    toolbar = Toolbar(session)
    qtbot.addWidget(toolbar)
    host = PanelHost(session, toolbar, paths.recordings_cache_dir)
    host.show()
    side = host.panel
    assert side is not None and side.isVisible()
    try:
        qtbot.waitUntil(
            lambda: bool(side.history.model.entries) and bool(side.recordings.model.entries),
            timeout=WAIT,
        )
        history = side.history
        assert history.summary.text().startswith("Today — calls: ")
        row = next(i for i, e in enumerate(history.model.entries) if e.number == "05329998877")
        entry = history.model.entries[row]
        assert entry.file == path  # linked to its recording
        history.view.selectRow(history.proxy.mapFromSource(history.model.index(row, 0)).row())
        index = history.view.currentIndex().siblingAtColumn(0)
        history.view.doubleClicked.emit(index)
        history.view.activated.emit(index)  # double-click / Enter
        assert toolbar.dial_field.text() == "05329998877"
        toolbar.dial_field.clear()
        history.dial_button.click()
        assert toolbar.dial_field.text() == "05329998877"
        history.copy_button.click()
        assert QGuiApplication.clipboard().text() == "05329998877"
        history.recording_button.click()
        assert side.tabs.currentWidget() is side.recordings
        assert side.recordings.bound is not None and side.recordings.bound.file == path
        host.toggle()
        assert not side.isVisible()
        host.show_recordings()
        assert side.isVisible() and side.tabs.currentWidget() is side.recordings
    finally:
        _drain(asyncio.ensure_future(host.aclose()))  # disposes of the panel too
        assert host.panel is None


def test_todays_summary_counts_todays_calls_and_breaks(qtbot, build, sim):
    now = clock.time()
    today_start = datetime.combine(clock.today(), datetime.min.time()).timestamp()
    start = max(today_start, now - 3600)
    breaks = (BreakRecord("2", "YEMEK MOLASI", start, start + 600),)
    add_recording(sim, "WAV", minutes_ago=0.5)
    panel, side = build(state=AgentState(break_log=breaks))
    load(qtbot, side)
    today = [e for e in panel.history if e.date is not None and e.date.date() == clock.today()]
    answered = [e for e in today if e.answered]
    talk = duration_text(sum(e.duration_s or 0 for e in answered))
    text = side.history.summary.text()
    assert text == (
        f"Today — calls: {len(today)} · answered: {len(answered)} · talk time: {talk}"
        " · break time: 10:00"
    )


def test_history_recording_column_opens_the_recording(qtbot, build, sim):
    path = add_recording(sim, "mp3", number="05321110000")
    panel, side = build()
    load(qtbot, side)
    history = side.history
    row = next(i for i, e in enumerate(history.model.entries) if e.file == path)
    column = HISTORY_COLUMNS.index(Column.RECORDING)
    index = history.proxy.mapFromSource(history.model.index(row, column))
    history.view.selectRow(index.row())
    history.view.activated.emit(index)
    assert side.tabs.currentWidget() is side.recordings
    assert side.recordings.bound is not None and side.recordings.bound.file == path


# -- queues ----------------------------------------------------------------------------------


def test_join_and_leave_a_queue(qtbot, build, sim):
    panel, side = build()
    load(qtbot, side)
    tab = side.queues
    by_queue = {q.extension: q for q in tab.queues}
    assert by_queue["10000"].member is True  # the seeded membership of agent 101
    assert by_queue["10003"].member is False
    tab.select("10003")
    assert tab.join_button.isEnabled() and not tab.leave_button.isEnabled()
    with qtbot.waitSignal(panel.queue_changed, timeout=WAIT):
        tab.join_button.click()
    assert DEMO_AGENT in sim.state.queues.members("10003")
    assert "10003" in tab.result.text() and tab.result.text().startswith("✔")
    assert "Member" in tab.table.item(tab.table.currentRow(), 2).text()
    assert tab.leave_button.isEnabled() and not tab.join_button.isEnabled()
    with qtbot.waitSignal(panel.queue_changed, timeout=WAIT):
        tab.leave_button.click()
    assert DEMO_AGENT not in sim.state.queues.members("10003")
    assert "Not a member" in tab.table.item(tab.table.currentRow(), 2).text()
    asked = [r for r in sim.requests if r.module == "agentsQueue"]
    assert [(r.params["make"], r.params["dynmembers"]) for r in asked] == [
        ("true", [DEMO_AGENT]),
        ("false", [DEMO_AGENT]),
    ]


def test_a_failed_queue_change_is_shown(qtbot, build, sim):
    panel, side = build()
    load(qtbot, side)
    tab = side.queues
    tab.select("10003")
    sim.faults.malformed = "html500"
    with qtbot.waitSignal(panel.queue_failed, timeout=WAIT):
        tab.join_button.click()
    sim.faults.clear()
    assert tab.result.text().startswith("✖")


# -- the window ------------------------------------------------------------------------------


def test_panel_goes_under_the_bar_or_above_it_and_stays_on_screen():
    from PySide6.QtCore import QRect

    screen = QRect(0, 0, 1920, 1080)
    below = place_rect(QRect(600, 8, 900, 48), (760, 520), screen)
    assert below.top() == 8 + 48 + 4 and below.right() == 600 + 900 - 1
    above = place_rect(QRect(600, 1000, 900, 48), (760, 520), screen)
    assert above.bottom() < 1000
    left = place_rect(QRect(0, 8, 300, 48), (760, 520), screen)
    assert left.left() == 0
    tiny = place_rect(QRect(0, 100, 300, 48), (760, 520), QRect(0, 0, 640, 400))
    assert QRect(0, 0, 640, 400).contains(tiny)


def test_every_control_has_an_accessible_name_and_tooltip(build):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QLineEdit

    panel, side = build()
    controls = side.findChildren(QAbstractButton) + side.findChildren(QLineEdit)
    controls += side.findChildren(QAbstractSlider) + side.findChildren(QComboBox)

    def ours(w) -> bool:  # not Qt's own parts (tab scrollers, line-edit clear buttons, ...)
        parent = w.parent()
        return not (
            w.objectName().startswith("qt_")
            or parent.objectName().startswith("qt_")
            or isinstance(parent, (QLineEdit, QComboBox))
            or type(w).__name__ == "QScrollBar"
        )

    assert len([w for w in controls if ours(w)]) >= 19
    missing = [
        f"{type(w).__name__} {w.accessibleName() or w.text() if hasattr(w, 'text') else ''}"
        for w in controls
        if ours(w) and not (w.accessibleName() and w.toolTip())
    ]
    assert missing == []
