"""The one audio player of the run: QMediaPlayer + QAudioOutput behind signals.

QtMultimedia is crash-prone when a player is destroyed while its FFmpeg threads decode
(design.md, Known traps: a playing QMediaPlayer whose wrapper is collected segfaults), so the
run makes exactly one, through :func:`shared_player`, and never deletes it. Stopping is
``stop()`` + ``setSource(QUrl())``, which also releases the file (Windows cannot delete or
evict a file that is open). Widgets bind only to this wrapper's signals.

The QMediaPlayer itself, and with it QtMultimedia and its FFmpeg backend (slow to load), is
made when the first recording is loaded, not with the side panel: opening the panel, while its
lists load, then stays a short stall (bench/responsiveness.py measures it). Speed and volume
set before are kept and handed over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

SPEEDS = (1.0, 1.25, 1.5, 2.0)
SKIP_MS = 10_000
DEFAULT_VOLUME = 80


def _damaged() -> str:
    return QCoreApplication.translate(
        "Player",
        "This recording cannot be played: the file is damaged or its format is not supported.",
    )


class Player(QObject):
    """Play one local file at a time; every change arrives as a signal.

    ``source`` is the path being played (None when stopped and cleared). ``failed`` carries
    a message a person can act on (unsupported format, damaged file, unreadable file).
    """

    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    playing_changed = Signal(bool)
    source_changed = Signal(object)  # Path | None
    speed_changed = Signal(float)
    volume_changed = Signal(int)  # 0..100
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player: QMediaPlayer | None = None  # see _media()
        self._output: QAudioOutput | None = None
        self._source: Path | None = None
        self._error_sent = False
        self._speed = 1.0
        self._volume = DEFAULT_VOLUME

    def __repr__(self) -> str:
        return f"Player(source={self._source!r})"

    def _media(self) -> QMediaPlayer:
        """The QMediaPlayer, made on first use (see the module text)."""
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            player = QMediaPlayer(self)
            output = QAudioOutput(self)
            player.setAudioOutput(output)
            output.setVolume(self._volume / 100)
            player.setPlaybackRate(self._speed)
            player.positionChanged.connect(self.position_changed.emit)
            player.durationChanged.connect(self.duration_changed.emit)
            player.playbackStateChanged.connect(self._on_state)
            player.mediaStatusChanged.connect(self._on_status)
            player.errorOccurred.connect(self._on_error)
            self._player, self._output = player, output
        return self._player

    # -- queries -------------------------------------------------------------------------

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def playing(self) -> bool:
        player = self._player
        return player is not None and player.playbackState() == player.PlaybackState.PlayingState

    @property
    def position(self) -> int:
        return int(self._player.position()) if self._player is not None else 0

    @property
    def duration(self) -> int:
        return int(self._player.duration()) if self._player is not None else 0

    @staticmethod
    def sound_device_missing() -> bool:
        """Whether the system offers no audio output (a recording then plays silently:
        the FFmpeg backend still runs the position, so it plays visually)."""
        from PySide6.QtMultimedia import QMediaDevices

        return not QMediaDevices.audioOutputs()

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def volume(self) -> int:
        return self._volume

    # -- commands ------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Make ``path`` the current file (paused at 0); the old one is stopped first."""
        self.stop()
        player = self._media()
        self._source = path
        self._error_sent = False
        player.setSource(QUrl.fromLocalFile(str(path)))
        self.source_changed.emit(path)

    def play(self) -> None:
        player = self._player
        if self._source is not None and player is not None:
            if player.mediaStatus() == player.MediaStatus.EndOfMedia:
                player.setPosition(0)
            player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def toggle(self) -> None:
        """Play when paused or stopped, pause when playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop and let go of the file (the only safe way to stop; see the module text)."""
        had_source = self._source is not None
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())
        self._source = None
        if had_source:
            self.source_changed.emit(None)

    def seek(self, ms: int) -> None:
        """Jump to ``ms``, kept within the recording."""
        duration = self.duration
        target = max(0, ms)
        if duration > 0:
            target = min(target, duration)
        if self._player is not None:
            self._player.setPosition(target)

    def skip(self, delta_ms: int) -> None:
        """Move by ``delta_ms`` (negative: back), e.g. ±:data:`SKIP_MS`."""
        self.seek(self.position + delta_ms)

    def set_speed(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("speed must be > 0")
        if rate != self._speed:
            self._speed = rate
            if self._player is not None:
                self._player.setPlaybackRate(rate)
            self.speed_changed.emit(rate)

    def set_volume(self, percent: int) -> None:
        percent = max(0, min(100, percent))
        if percent != self._volume:
            self._volume = percent
            if self._output is not None:
                self._output.setVolume(percent / 100)
            self.volume_changed.emit(percent)

    # -- Qt's side -----------------------------------------------------------------------

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        from PySide6.QtMultimedia import QMediaPlayer  # loaded with the player (_media)

        self.playing_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and self._source is not None:
            self._fail(_damaged())

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if error == QMediaPlayer.Error.NoError or self._source is None:
            return
        if error == QMediaPlayer.Error.FormatError:
            message = _damaged()
        elif error == QMediaPlayer.Error.ResourceError:
            message = QCoreApplication.translate(
                "Player", "The recording file could not be opened."
            )
        else:
            message = QCoreApplication.translate("Player", "Playback failed: %s") % (
                text or error.name
            )
        self._fail(message)

    def _fail(self, message: str) -> None:
        if not self._error_sent:  # error and status both fire for one failure
            self._error_sent = True
            self.failed.emit(message)


_shared: Player | None = None


def shared_player() -> Player:
    """The run's one Player (made on first use, never deleted; see the module text)."""
    global _shared
    if _shared is None:
        _shared = Player()
    return _shared
