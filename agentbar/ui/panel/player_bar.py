"""The inline player's controls: play/pause, ±10 s, seek slider, time, speed, volume, download."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from agentbar.core.recordings import CallEntry
from agentbar.ui.dates import date_time_text
from agentbar.ui.panel.call_model import duration_text
from agentbar.ui.panel.player import SKIP_MS, SPEEDS, Player

_LEVEL_STYLE = {"info": ("ℹ", "#263238"), "warning": ("⚠", "#8d4b00"), "error": ("✖", "#b71c1c")}


def _speed_text(rate: float) -> str:
    return f"{rate:g}×"


class PlayerBar(QWidget):
    """Renders the :class:`Player`'s signals and the download's progress.

    It only asks: ``play_requested`` (play/pause pressed), ``save_requested``,
    ``cancel_requested``; seeking, speed and volume go straight to the player.
    """

    play_requested = Signal()
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._updating = False
        self._duration_hint = 0
        self._build()
        player.position_changed.connect(self._on_position)
        player.duration_changed.connect(self._on_duration)
        player.playing_changed.connect(self._on_playing)
        player.speed_changed.connect(self._on_speed)
        player.volume_changed.connect(self._on_volume)
        self._on_playing(player.playing)
        self.show_entry(None)

    def _tool(self, text: str, tip: str, pixmap: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(self.style().standardIcon(pixmap))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _build(self) -> None:
        sp = QStyle.StandardPixmap
        self.title = QLabel(self)
        self.title.setObjectName("playerTitle")
        self.title.setAccessibleName(self.tr("Selected recording"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.play_button = self._tool(
            self.tr("&Play"),
            self.tr("Play or pause the selected recording (Space)"),
            sp.SP_MediaPlay,
        )
        self.play_button.clicked.connect(self.play_requested.emit)
        seconds = SKIP_MS // 1000
        self.back_button = self._tool(
            self.tr("%d s") % seconds,
            self.tr("Back %d seconds (Left arrow)") % seconds,
            sp.SP_MediaSeekBackward,
        )
        self.back_button.setAccessibleName(self.tr("Back %d seconds") % seconds)
        self.back_button.clicked.connect(lambda: self.player.skip(-SKIP_MS))
        self.forward_button = self._tool(
            self.tr("%d s") % seconds,
            self.tr("Forward %d seconds (Right arrow)") % seconds,
            sp.SP_MediaSeekForward,
        )
        self.forward_button.setAccessibleName(self.tr("Forward %d seconds") % seconds)
        self.forward_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.forward_button.clicked.connect(lambda: self.player.skip(SKIP_MS))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.slider.setToolTip(self.tr("Drag to move in the recording; arrow keys move by 5 s"))
        self.slider.setSingleStep(5000)
        self.slider.setPageStep(SKIP_MS)
        self.slider.valueChanged.connect(self._on_slider)
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Position and length"))
        self.time_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00 / 00:00") + 6)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.speed_box = QComboBox(self)
        for rate in SPEEDS:
            self.speed_box.addItem(_speed_text(rate), rate)
        self.speed_box.setAccessibleName(self.tr("Playback speed"))
        self.speed_box.setToolTip(self.tr("Playback speed"))
        self.speed_box.currentIndexChanged.connect(
            lambda i: self.player.set_speed(float(self.speed_box.itemData(i)))
        )
        self.volume_label = QLabel(self.tr("&Volume"), self)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(self.player.volume)
        self.volume.setFixedWidth(80)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(self.player.set_volume)
        self.volume_label.setBuddy(self.volume)
        self.save_button = self._tool(
            self.tr("Save &as…"),
            self.tr("Save a copy of the selected recording"),
            sp.SP_DialogSaveButton,
        )
        self.save_button.clicked.connect(self.save_requested.emit)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setToolTip(self.tr("Downloading the recording"))
        self.progress.setFormat(self.tr("Downloading… %p%"))
        self.progress.setMaximumWidth(220)
        self.cancel_button = self._tool(
            self.tr("&Cancel"), self.tr("Stop the download"), sp.SP_DialogCancelButton
        )
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        self.no_sound = QLabel(
            "🔇 " + self.tr("No sound device: the recording plays without sound."), self
        )
        self.no_sound.setObjectName("noSoundDevice")
        self.no_sound.setAccessibleName(self.tr("No sound device"))
        self.no_sound.setToolTip(
            self.tr("This computer reports no audio output; connect a headset or speakers.")
        )
        self.no_sound.setStyleSheet("color: #8d4b00;")
        self.no_sound.hide()
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Player message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        controls = QHBoxLayout()
        controls.setSpacing(4)
        for widget in (self.play_button, self.back_button, self.forward_button):
            controls.addWidget(widget)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        settings = QHBoxLayout()
        settings.setSpacing(6)
        for item in (self.speed_box, self.volume_label, self.volume, self.save_button):
            settings.addWidget(item)
        settings.addWidget(self.progress)
        settings.addWidget(self.cancel_button)
        settings.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setVerticalSpacing(3)
        layout.addWidget(self.title, 0, 0)
        layout.addLayout(controls, 1, 0)
        layout.addLayout(settings, 2, 0)
        layout.addWidget(self.message, 3, 0)
        layout.addWidget(self.no_sound, 4, 0)
        self.hide_progress()

    # -- what the tab tells us -----------------------------------------------------------

    def show_entry(self, entry: CallEntry | None) -> None:
        """Bind the controls to the selected row (None: nothing selected)."""
        enabled = entry is not None and entry.file is not None
        for widget in (self.play_button, self.save_button):
            widget.setEnabled(enabled)
        if entry is None:
            self.title.setText(self.tr("Select a recording to play it."))
        else:
            when = date_time_text(entry.date) if entry.date else ""
            parts = [p for p in (entry.number, entry.name, when) if p]
            self.title.setText(" · ".join(parts))
        self._duration_hint = (entry.duration_s or 0) * 1000 if entry else 0
        self._set_position(0, self._duration_hint)
        self.show_message("", "")

    def show_progress(self, got: int, total: int | None) -> None:
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, got * 1000 // total))
        else:
            self.progress.setRange(0, 0)  # busy indicator: the size is unknown

    def hide_progress(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def show_message(self, level: str, text: str) -> None:
        symbol, colour = _LEVEL_STYLE.get(level, ("", "#263238"))
        self.message.setText(f"{symbol} {text}" if text else "")
        self.message.setStyleSheet(f"color: {colour};")

    # -- the player's side ---------------------------------------------------------------

    def _set_position(self, position: int, duration: int) -> None:
        self._updating = True
        try:
            self.slider.setRange(0, max(0, duration))
            self.slider.setValue(position)
        finally:
            self._updating = False
        self.time_label.setText(
            f"{duration_text(position / 1000)} / {duration_text(duration / 1000)}"
        )

    def adopt_player_state(self) -> None:
        """Show the player as it is now (a rebuilt panel takes over a loaded recording)."""
        self._on_playing(self.player.playing)
        self._on_duration(self.player.duration)

    def _loaded(self) -> bool:
        return self.player.source is not None

    def _on_position(self, position: int) -> None:
        if self._loaded() and not self.slider.isSliderDown():
            self._set_position(position, self.player.duration or self._duration_hint)

    def _on_duration(self, duration: int) -> None:
        if self._loaded():
            self._set_position(self.player.position, duration or self._duration_hint)

    def _on_slider(self, value: int) -> None:
        if not self._updating and self._loaded():
            self.player.seek(value)

    def _on_playing(self, playing: bool) -> None:
        if playing:  # asked at each start: a headset may come or go
            self.no_sound.setVisible(self.player.sound_device_missing())
        sp = QStyle.StandardPixmap
        text = self.tr("&Pause") if playing else self.tr("&Play")
        self.play_button.setText(text)
        self.play_button.setAccessibleName(text.replace("&", ""))
        self.play_button.setIcon(
            self.style().standardIcon(sp.SP_MediaPause if playing else sp.SP_MediaPlay)
        )

    def _on_speed(self, rate: float) -> None:
        index = self.speed_box.findData(rate)
        if index >= 0 and index != self.speed_box.currentIndex():
            self.speed_box.setCurrentIndex(index)

    def _on_volume(self, percent: int) -> None:
        if self.volume.value() != percent:
            self.volume.setValue(percent)
