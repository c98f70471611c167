"""The one Player: each recording format plays headless, seek, skip, speed, volume, bad files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agentbar.sim.audio import SAMPLES, sample_bytes
from agentbar.ui.panel.player import SKIP_MS, SPEEDS, Player, shared_player

WAIT = 8000


@pytest.fixture
def player(qapp) -> Iterator[Player]:
    p = shared_player()
    p.set_speed(1.0)
    yield p
    p.stop()


@pytest.fixture(params=sorted(SAMPLES), ids=["GSM-WAV", "PCM-wav", "mp3"])
def sample(request, tmp_path: Path) -> Path:
    name, _content_type = SAMPLES[request.param]
    path = tmp_path / f"recording{request.param}"
    path.write_bytes(sample_bytes(name))
    return path


def test_shared_player_is_one_object():
    assert shared_player() is shared_player()


def test_each_format_plays_until_the_position_advances(qtbot, player, sample):
    with qtbot.waitSignal(player.source_changed, timeout=WAIT):
        player.load(sample)
    assert player.source == sample
    with qtbot.waitSignal(player.playing_changed, timeout=WAIT, check_params_cb=bool):
        player.play()
    qtbot.waitUntil(lambda: player.position > 0, timeout=WAIT)
    assert player.duration > 3000  # the samples are about 4.3 s long
    assert player.playing


def test_seek_and_skip_stay_inside_the_recording(qtbot, player, sample):
    player.load(sample)
    player.play()
    qtbot.waitUntil(lambda: player.duration > 0 and player.position > 0, timeout=WAIT)
    player.pause()
    player.seek(2000)
    qtbot.waitUntil(lambda: abs(player.position - 2000) < 300, timeout=WAIT)
    player.skip(-SKIP_MS)
    qtbot.waitUntil(lambda: player.position < 300, timeout=WAIT)
    player.skip(+SKIP_MS)  # past the end: clamped to the end
    qtbot.waitUntil(lambda: player.position >= player.duration - 300, timeout=WAIT)


def test_speed_and_volume(qtbot, player, sample):
    player.load(sample)
    assert player.speed == 1.0
    for rate in (*SPEEDS[1:], 1.0, 2.0):
        with qtbot.waitSignal(player.speed_changed, timeout=WAIT) as blocker:
            player.set_speed(rate)
        assert blocker.args == [rate]
        assert player.speed == rate
    player.play()
    qtbot.waitUntil(lambda: player.position > 0, timeout=WAIT)  # still plays at 2x
    with pytest.raises(ValueError):
        player.set_speed(0)
    player.set_volume(35)
    assert player.volume == 35
    player.set_volume(250)
    assert player.volume == 100


def test_toggle_pauses_and_resumes(qtbot, player, sample):
    player.load(sample)
    player.toggle()
    qtbot.waitUntil(lambda: player.playing, timeout=WAIT)
    player.toggle()
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT)


def test_stop_lets_go_of_the_file(qtbot, player, sample):
    player.load(sample)
    player.play()
    qtbot.waitUntil(lambda: player.position > 0, timeout=WAIT)
    with qtbot.waitSignal(player.source_changed, timeout=WAIT) as blocker:
        player.stop()
    assert blocker.args == [None]
    assert player.source is None and not player.playing
    sample.unlink()  # nothing holds it open


@pytest.mark.parametrize(
    "content",
    [b"", b"RIFF\x10\x00\x00\x00WAVEjunkjunkjunk", bytes(range(256)) * 20],
    ids=["empty", "bad-header", "noise"],
)
def test_a_corrupt_file_gives_a_clear_message(qtbot, player, tmp_path, content):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(content)
    with qtbot.waitSignal(player.failed, timeout=WAIT) as blocker:
        player.load(bad)
        player.play()
    assert "cannot be played" in blocker.args[0]


def test_a_missing_file_gives_a_clear_message(qtbot, player, tmp_path):
    with qtbot.waitSignal(player.failed, timeout=WAIT) as blocker:
        player.load(tmp_path / "gone.wav")
        player.play()
    assert blocker.args[0]


def test_the_media_player_is_made_with_the_first_recording_and_keeps_what_was_set(
    qapp, qtbot, sample
):
    """Opening the panel makes a Player; QtMultimedia's player comes with the first load,
    with the speed and volume chosen before."""
    fresh = Player(qapp)  # parented to the application: never deleted (see player.py)
    assert fresh._player is None
    assert (fresh.playing, fresh.position, fresh.duration) == (False, 0, 0)
    with qtbot.waitSignals([fresh.speed_changed, fresh.volume_changed], timeout=WAIT):
        fresh.set_speed(1.5)
        fresh.set_volume(30)
    fresh.stop()
    fresh.toggle()  # nothing loaded: nothing happens, nothing made
    assert fresh._player is None
    fresh.load(sample)
    assert fresh._player is not None and fresh._output is not None
    assert fresh._player.playbackRate() == 1.5
    assert round(fresh._output.volume() * 100) == 30
    assert (fresh.speed, fresh.volume) == (1.5, 30)
    fresh.stop()
