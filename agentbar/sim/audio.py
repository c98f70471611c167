"""The bundled recordings (made by tools/make_samples.sh) served by downloadRecording."""

from __future__ import annotations

from functools import cache
from importlib import resources

#: Recording suffix -> (bundled sample, Content-Type). ``.WAV`` is GSM 6.10 in WAV (wav49).
SAMPLES = {
    ".WAV": ("sample-gsm.WAV", "audio/x-wav"),
    ".wav": ("sample-pcm.wav", "audio/x-wav"),
    ".mp3": ("sample.mp3", "audio/mpeg"),
}


@cache
def sample_bytes(name: str) -> bytes:
    """The bytes of a bundled sample (read once, works from an installed wheel)."""
    return resources.files("agentbar.sim").joinpath("samples", name).read_bytes()


def recording_for(path: str) -> tuple[bytes, str] | None:
    """(bytes, Content-Type) standing in for the recording ``path``, by its suffix."""
    for suffix, (name, content_type) in SAMPLES.items():
        if path.endswith(suffix):
            return sample_bytes(name), content_type
    return None
