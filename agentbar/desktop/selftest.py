"""``agentbar --self-test``: a few seconds of checks that the (frozen) program is complete.

Run by ``build_installer.py`` on the bundle it built and by IT on a workstation after an install.
It needs no server, no settings and no display, and it never writes the user's files or keys: it
reads the settings and the key sources only to say where the API key comes from (never the key),
and the keyring round trip stores and deletes a dummy entry of its own. Fonts must draw Turkish
letters with real glyphs. It prints one line per check, ``ok|warn|FAIL: name: detail``, and
returns 1 when any check failed, else 0. A warning is something the program copes with (no
keyring on a headless Linux, no translations built yet, no display to try).
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal, TextIO

Status = Literal["ok", "warn", "FAIL"]

#: Our packages whose every module must import (pkgutil lists them, also when frozen).
PACKAGES = ("agentbar.api", "agentbar.core", "agentbar.ui", "agentbar.desktop", "agentbar.sim")
#: Third-party modules the program imports, PySide6 first (it must precede qasync).
#: keyring is imported by agentbar.core.credentials, its only user (design.md).
THIRD_PARTY = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtMultimedia",
    "PySide6.QtSvg",
    "qasync",
    "httpx",
    "phonenumbers",
    "defusedxml.ElementTree",
    "platformdirs",
    "truststore",
)
#: Turkish letters every label needs; a system without fonts for them shows empty boxes.
TURKISH_LETTERS = "ğüşıöçİĞÜŞÖÇ"
#: Bundled recordings decoded through QtMultimedia (agentbar/sim/samples).
AUDIO_SAMPLES = ("sample-gsm.WAV", "sample-pcm.wav", "sample.mp3")
DECODE_TIMEOUT_MS = 5000
# FFmpeg's per-file dump and the optional-library probes (pipewire, VA-API) are noise here.
_QUIET_QT = "qt.multimedia.ffmpeg*=false;qt.multimedia.symbolsresolver*=false"


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of one check."""

    status: Status
    name: str
    detail: str

    def line(self) -> str:
        return f"{self.status}: {self.name}: {self.detail}"


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print a line per check (flushed, so a crash shows how far it got).

    Returns the process exit code: 1 when any check failed, else 0. Takes about a second;
    decoding waits at most ``DECODE_TIMEOUT_MS`` per sample. Never raises for a failed check.
    """
    stream = out or _stdout()
    started = time.perf_counter()
    os.environ.setdefault("QT_LOGGING_RULES", _QUIET_QT)
    display_note = _choose_platform()
    results: list[Result] = []
    checks: list[tuple[str, Callable[[], Result | list[Result]]]] = [
        ("version", _check_version),
        ("imports", _check_imports),
        ("phone numbers", _check_phone),
        ("keyring", _check_keyring),
        ("keyring round trip", _check_keyring_round_trip),
        ("api key", _check_api_key),
        ("qt platform", lambda: _check_platform(display_note)),
        ("fonts", _check_fonts),
        ("icon", _check_icon),
        ("translations", _check_translations),
        ("audio", _check_audio),
    ]
    for name, check in checks:
        try:
            found = check()
        except Exception as exc:  # a check must never take the self-test down
            found = Result("FAIL", name, f"{type(exc).__name__}: {exc}")
        for result in found if isinstance(found, list) else [found]:
            results.append(result)
            print(result.line(), file=stream, flush=True)
    failed = sum(r.status == "FAIL" for r in results)
    warned = sum(r.status == "warn" for r in results)
    elapsed = time.perf_counter() - started
    summary = Result(
        "FAIL" if failed else "ok",
        "self-test",
        f"{len(results)} checks, {warned} warning{'' if warned == 1 else 's'}, {failed} failed "
        f"in {elapsed:.1f} s",
    )
    print(summary.line(), file=stream, flush=True)
    return 1 if failed else 0


def _stdout() -> TextIO:
    """stdout; a windowed Windows build has none, so borrow the parent's console if any."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            return open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the exit code still counts


def _choose_platform() -> str:
    """Use offscreen on a Linux without a display; say so (the real plugin is then not tried)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "no display"
    return ""


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "agentbar"])
    return app


# --- the checks --------------------------------------------------------------------------------


def _check_version() -> Result:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from agentbar import __version__

    where = f"frozen in {getattr(sys, '_MEIPASS', '?')}" if getattr(sys, "frozen", False) else ""
    where = where or f"from {Path(__file__).resolve().parent.parent}"
    python = ".".join(map(str, sys.version_info[:3]))
    return Result(
        "ok",
        "version",
        f"AgentBar {__version__}, Python {python}, PySide6 {pyside_version}, Qt {qVersion()}, "
        f"{where}",
    )


def _check_imports() -> Result:
    names: list[str] = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        found = [
            info.name
            for info in pkgutil.iter_modules(module.__path__, f"{package}.")
            if not info.name.endswith(".__main__")  # importing it would run it
        ]
        if not found:
            return Result("FAIL", "imports", f"no modules found in {package}")
        names += found
    missing: list[str] = []
    for name in [*THIRD_PARTY, *names]:
        try:
            importlib.import_module(name)
        except Exception as exc:
            missing.append(f"{name} ({type(exc).__name__}: {exc})")
    if missing:
        return Result("FAIL", "imports", "; ".join(missing))
    return Result("ok", "imports", f"{len(names)} agentbar modules, {len(THIRD_PARTY)} libraries")


def _check_phone() -> Result:
    from agentbar.core.phone import parse_dial_uri

    target = parse_dial_uri("tel:+90%20532%20123%2045%2067")
    if target.number != "05321234567":
        return Result("FAIL", "phone numbers", f"tel:+90 532 123 45 67 gave {target.number}")
    return Result("ok", "phone numbers", f"tel:+90 532 123 45 67 -> {target.number}")


def _check_keyring() -> Result:
    from agentbar.core.credentials import describe_keyring

    # keyring finds its backends through package metadata (entry points): a bundle without
    # keyring's dist-info would silently fall back to "no keyring" on every desktop.
    plugins = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    if not plugins:
        return Result("FAIL", "keyring", "no keyring backends registered (metadata missing)")
    usable, detail = describe_keyring()
    if usable:
        return Result("ok", "keyring", detail)
    return Result("warn", "keyring", f"{detail} (backends known: {', '.join(plugins)})")


def _check_keyring_round_trip() -> Result:
    from agentbar.core.credentials import keyring_round_trip

    ok, detail = keyring_round_trip()
    if ok is None:
        return Result("warn", "keyring round trip", f"skipped: {detail}")
    return Result("ok" if ok else "FAIL", "keyring round trip", detail)


def _check_api_key() -> Result:
    """Where this user's API key would come from (never the key): settings, keyring, IT's
    command, the machine's store. No key is a warning: the user types it in Settings."""
    from agentbar.core.credentials import CredentialStore
    from agentbar.core.key_sources import find_key
    from agentbar.core.paths import DamagedFile, Paths, read_json_object
    from agentbar.core.settings import load_settings

    paths = Paths.default()
    try:
        read_json_object(paths.settings_file)
    except (DamagedFile, OSError):  # load_settings would set a damaged file aside: not here
        paths = dataclasses.replace(paths, config_dir=paths.config_dir / "not-read")
    loaded = load_settings(paths)
    settings = loaded.settings
    found = find_key(
        settings.server_url,
        settings.api_key_command,
        credentials=CredentialStore(),
        command_first="api_key_command" in loaded.locked,
    )
    problems = f" ({' '.join(found.problems)})" if found.problems else ""
    if found.source is None:
        return Result("warn", "api key", f"none found; the user enters it in Settings{problems}")
    where = {
        "environment": "from the AGENTBAR_API_KEY environment variable",
        "keyring": "from the user's keyring",
        "command": f"from api_key_command ({Path(settings.api_key_command[0]).name})",
        "machine": "installed for the whole computer (DPAPI / System keychain)",
    }[found.source.value]
    return Result("warn" if problems else "ok", "api key", f"{where}{problems}")


def _check_fonts() -> Result:
    """Turkish letters are drawn with real glyphs of a real font, not the missing-glyph box.

    Lays the letters out with the application's font and looks at the fonts Qt actually used
    (fallbacks included): each must be a real font holding every letter; then each letter is
    drawn and compared with the drawing of a character no font has (the box)."""
    from PySide6.QtGui import QTextLayout

    app = _app()
    font = app.font()
    layout = QTextLayout(TURKISH_LETTERS, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families: list[str] = []
    missing: list[str] = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        family = raw.familyName()
        if not raw.isValid() or not family:
            return Result("FAIL", "fonts", f"no usable font for {TURKISH_LETTERS} (empty boxes)")
        families.append(family)
        missing += [c for c in TURKISH_LETTERS if 0 in run.glyphIndexes()]
    missing += [c for c in TURKISH_LETTERS if _draws_as_box(font, c)]
    if not families:
        return Result("FAIL", "fonts", f"{TURKISH_LETTERS} laid out with no font at all")
    if missing:
        shown = "".join(sorted(set(missing)))
        return Result("FAIL", "fonts", f"no glyph for {shown} in {', '.join(families)}")
    return Result("ok", "fonts", f"{TURKISH_LETTERS} drawn with {', '.join(sorted(set(families)))}")


def _draws_as_box(font: Any, letter: str) -> bool:
    """Whether ``letter`` is drawn blank or exactly like a character no font has."""
    blank, drawn = _draw(font, letter)
    _, box = _draw(font, "\U0010fffd")  # a private-use character: the missing-glyph box
    return blank or drawn == box


def _draw(font: Any, text: str) -> tuple[bool, bytes]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor(0, 0, 0))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    data = bytes(image.constBits())
    return data.count(b"\xff") == len(data), data  # every pixel still white: nothing drawn


def _check_platform(display_note: str) -> Result:
    app = _app()
    name = app.platformName()
    if display_note:
        xcb = _try_xcb_plugin() if sys.platform.startswith("linux") else ""
        return Result("warn", "qt platform", f"{display_note}: using {name}; {xcb}".rstrip("; "))
    return Result("ok", "qt platform", name)


def _try_xcb_plugin() -> str:
    """Load the X11 plugin's library (not connecting anywhere): finds missing system libraries."""
    import ctypes

    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    path = plugins / "platforms" / "libqxcb.so"
    if not path.exists():
        return "no xcb plugin in the bundle"
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        return f"the xcb plugin cannot load: {exc}"
    return "the xcb plugin's libraries load"


def _check_icon() -> Result:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from agentbar.ui.resources import resource_dir

    _app()
    path = resource_dir() / "icons" / "agentbar.svg"
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return Result("FAIL", "icon", f"cannot read {path}")
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    painted = sum(image.pixelColor(x, y).alpha() > 0 for x in range(64) for y in range(64))
    if painted < 64:
        return Result("FAIL", "icon", f"{path.name} rendered (almost) empty")
    # QIcon reads SVG through the svg image-format and icon-engine plugins.
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        return Result("FAIL", "icon", "no svg image-format plugin")
    if QIcon(str(path)).pixmap(QSize(32, 32)).isNull():
        return Result("FAIL", "icon", "QIcon cannot draw the SVG (icon-engine plugin missing?)")
    return Result("ok", "icon", f"{path.name} rendered ({painted} of 4096 pixels painted)")


def _check_translations() -> list[Result]:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from agentbar.ui.resources import resource_dir

    results: list[Result] = []
    folder = resource_dir() / "translations"
    ours = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not ours:
        results.append(Result("warn", "translations", "skipped: no translations built yet"))
    else:
        bad = [qm.name for qm in ours if not QTranslator().load(str(qm))]
        if bad:
            results.append(Result("FAIL", "translations", f"cannot load {', '.join(bad)}"))
        else:
            loaded = ", ".join(qm.name for qm in ours)
            results.append(Result("ok", "translations", f"loaded {loaded}"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if QTranslator().load("qtbase_tr", qt_dir):
        results.append(Result("ok", "qt translations", f"qtbase_tr from {qt_dir}"))
    else:
        # Qt's own dialog buttons stay in English; the program still works.
        results.append(Result("warn", "qt translations", f"no qtbase_tr in {qt_dir}"))
    return results


def _check_audio() -> list[Result]:
    _app()
    results = []
    for name in AUDIO_SAMPLES:
        with _sample_file(name) as path:
            results.append(_decode(name, path))
    return results


@contextmanager
def _sample_file(name: str) -> Iterator[Path]:
    with resources.as_file(resources.files("agentbar.sim").joinpath("samples", name)) as path:
        yield Path(path)


def _decode(name: str, path: Path) -> Result:
    """Decode ``path`` fully through QtMultimedia (its FFmpeg backend), with a timeout."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QAudioDecoder

    check = f"audio {name}"
    if not path.is_file():
        return Result("FAIL", check, f"missing {path}")
    decoder = QAudioDecoder()
    loop = QEventLoop()
    decoded = {"us": 0, "buffers": 0, "rate": 0}
    errors: list[str] = []

    def on_buffer() -> None:
        buffer = decoder.read()
        decoded["us"] += buffer.duration()
        decoded["buffers"] += 1
        decoded["rate"] = buffer.format().sampleRate()

    def on_error(_error: object) -> None:
        errors.append(decoder.errorString() or str(_error))
        loop.quit()

    decoder.bufferReady.connect(on_buffer)
    decoder.finished.connect(loop.quit)
    decoder.error.connect(on_error)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    decoder.setSource(QUrl.fromLocalFile(str(path)))
    timer.start(DECODE_TIMEOUT_MS)
    decoder.start()
    if not errors and decoder.isDecoding():
        loop.exec()
    timed_out = not timer.isActive() and not errors and decoder.isDecoding()
    timer.stop()
    decoder.stop()
    seconds = decoded["us"] / 1e6
    if errors:
        return Result("FAIL", check, f"decoder error: {errors[0]}")
    if timed_out:
        return Result("FAIL", check, f"timed out after {DECODE_TIMEOUT_MS} ms ({seconds:.1f} s)")
    if seconds < 1.0:
        return Result("FAIL", check, f"decoded only {seconds:.2f} s of audio")
    return Result(
        "ok",
        check,
        f"decoded {seconds:.1f} s at {decoded['rate']} Hz in {decoded['buffers']} buffers",
    )
