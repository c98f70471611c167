"""The one audio player of the run: QMediaPlayer + QAudioOutput behind signals.

QtMultimedia is crash-prone when a player is destroyed while its FFmpeg threads decode
(design.md, Known traps: a playing QMediaPlayer whose wrapper is collected segfaults), so the
run makes exactly one, through :func:`shared_player`, and never deletes it. Stopping is
``stop()`` + ``setSource(QUrl())``, which also releases the file (Windows cannot delete or
evict a file that is open). Widgets bind only to this wrapper's signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

SPEEDS = (1.0, 1.25, 1.5, 2.0)
SKIP_MS = 10_000

_State = QMediaPlayer.PlaybackState
_Status = QMediaPlayer.MediaStatus


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
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._source: Path | None = None
        self._error_sent = False
        self._player.positionChanged.connect(self.position_changed.emit)
        self._player.durationChanged.connect(self.duration_changed.emit)
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self.set_volume(80)

    def __repr__(self) -> str:
        return f"Player(source={self._source!r})"

    # -- queries -------------------------------------------------------------------------

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def playing(self) -> bool:
        return self._player.playbackState() == _State.PlayingState

    @property
    def position(self) -> int:
        return int(self._player.position())

    @property
    def duration(self) -> int:
        return int(self._player.duration())

    @property
    def speed(self) -> float:
        return float(self._player.playbackRate())

    @property
    def volume(self) -> int:
        return round(self._output.volume() * 100)

    # -- commands ------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Make ``path`` the current file (paused at 0); the old one is stopped first."""
        self.stop()
        self._source = path
        self._error_sent = False
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self.source_changed.emit(path)

    def play(self) -> None:
        if self._source is not None:
            if self._player.mediaStatus() == _Status.EndOfMedia:
                self._player.setPosition(0)
            self._player.play()

    def pause(self) -> None:
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
        self._player.setPosition(target)

    def skip(self, delta_ms: int) -> None:
        """Move by ``delta_ms`` (negative: back), e.g. ±:data:`SKIP_MS`."""
        self.seek(self.position + delta_ms)

    def set_speed(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("speed must be > 0")
        if rate != self.speed:
            self._player.setPlaybackRate(rate)
            self.speed_changed.emit(rate)

    def set_volume(self, percent: int) -> None:
        percent = max(0, min(100, percent))
        if percent != self.volume:
            self._output.setVolume(percent / 100)
            self.volume_changed.emit(percent)

    # -- Qt's side -----------------------------------------------------------------------

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self.playing_changed.emit(state == _State.PlayingState)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == _Status.EndOfMedia:
            self.finished.emit()
        elif status == _Status.InvalidMedia and self._source is not None:
            self._fail(_damaged())

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
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
