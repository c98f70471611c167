#!/usr/bin/env python3
"""Build AgentBar's installer for this operating system: bundle, installer, frozen self-test.

    python build_installer.py            # Linux: .deb (+ AppImage if appimagetool is on PATH)
    py build_installer.py                # Windows: Inno Setup installer (ISCC.exe)
    python3 build_installer.py           # macOS: AgentBar.app and a .dmg

Steps: (1) a PyInstaller ONE-FOLDER bundle from ``packaging/agentbar.spec`` into ``dist/``,
checked for Qt modules we never ship; (2) this OS's installer into ``dist/``; (3) the frozen
program's ``--self-test`` (on Linux: of the program installed from the .deb into a temporary
root). Work files go to ``build/``. Needs the ``build`` extra: ``pip install -e .[build]``.

Importable and typed: the tests check the generated Inno Setup script, Info.plist, Debian
control file and desktop entry without building anything. The version comes from one place,
``agentbar/__init__.py``.
"""

from __future__ import annotations

import argparse
import ast
import email.utils
import gzip
import hashlib
import importlib.util
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent
PACKAGING: Final = ROOT / "packaging"
SPEC: Final = PACKAGING / "agentbar.spec"
ICON_SVG: Final = ROOT / "resources" / "icons" / "agentbar.svg"
DIST: Final = ROOT / "dist"
BUILD: Final = ROOT / "build"

APP_NAME: Final = "AgentBar"
EXE_NAME: Final = "agentbar"
PACKAGE_NAME: Final = "agentbar"
BUNDLE_ID: Final = "com.agentbar.AgentBar"  # as the LaunchAgent label (desktop/autostart.py)
#: Linux: the bundle's home and the launcher that points into it.
INSTALL_DIR: Final = "/opt/agentbar"
LAUNCHER: Final = "/usr/bin/agentbar"
#: The .deb's Maintainer field; IT re-packaging AgentBar sets its own.
DEB_MAINTAINER_ENV: Final = "AGENTBAR_DEB_MAINTAINER"
DEB_MAINTAINER: Final = "AgentBar Packaging <packaging@agentbar.example.com>"
DOC_DIR: Final = "/usr/share/doc/agentbar"
#: hicolor PNG sizes rendered from the SVG for the .deb (a scalable SVG is installed too).
ICON_SIZES: Final = (16, 32, 48, 64, 128, 256)
#: Sizes inside the Windows .ico and the macOS .icns.
ICO_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES: Final = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
}
SELF_TEST_TIMEOUT_S: Final = 120

# --- what the bundle keeps and drops (the spec imports these; check_bundle() verifies) -------

#: Qt libraries, named without "lib"/"Qt6"/"Qt" and extension, lower case, that must not ship:
#: a library whose name starts with one of these is dropped (except QT_REQUIRED_LIBRARIES).
QT_EXCLUDED_LIBRARIES: Final = (
    "webengine", "webchannel", "websockets", "webview", "qml", "quick", "3d", "pdf", "charts",
    "datavisualization", "graphs", "bluetooth", "nfc", "sql", "designer", "uitools", "help",
    "test", "positioning", "location", "sensors", "texttospeech", "spatialaudio", "labs",
    "virtualkeyboard", "scxml", "statemachine", "remoteobjects", "serialport", "serialbus",
    "httpserver", "networkauth", "multimediaquick", "shadertools", "eglfs",
)  # fmt: skip
#: Kept although they match above: Qt's FFmpeg media plugin links QtQuick and QtQml (for video
#: sinks), so QtMultimedia does not load without them. No QML modules (qml/) are shipped.
QT_REQUIRED_LIBRARIES: Final = ("qml", "qmlmodels", "qmlmeta", "qmlworkerscript", "quick")
#: Python modules PyInstaller must not collect (hooks and optional imports reach for them).
QT_EXCLUDED_MODULES: Final = tuple(
    f"PySide6.Qt{name}"
    for name in (
        "WebEngineCore", "WebEngineWidgets", "WebEngineQuick", "WebChannel", "WebSockets",
        "WebView", "Qml", "Quick", "QuickWidgets", "QuickControls2", "Quick3D", "3DCore",
        "3DRender", "3DInput", "3DLogic", "3DAnimation", "3DExtras", "Pdf", "PdfWidgets",
        "Charts", "DataVisualization", "Graphs", "GraphsWidgets", "Bluetooth", "Nfc", "Sql",
        "Designer", "UiTools", "Help", "Test", "Positioning", "Location", "Sensors",
        "SerialPort", "SerialBus", "RemoteObjects", "Scxml", "StateMachine", "TextToSpeech",
        "SpatialAudio", "HttpServer", "NetworkAuth", "AxContainer", "MultimediaWidgets",
        "OpenGLWidgets", "PrintSupport", "Concurrent", "Xml",
    )
)  # fmt: skip
#: Never-used parts of other packages: phonenumbers' geocoder, carrier and time-zone data are
#: ~40 MB of source; its numbering metadata (phonenumbers.data, .shortdata) is kept.
OTHER_EXCLUDED_MODULES: Final = (
    "tkinter", "pydoc", "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    # Pulled in by hooks, never imported by AgentBar: setuptools also brings a run-time hook that
    # imports it at every start (~0.1 s); doctest/pdb only appear under `if __name__ == ...`.
    "setuptools", "pkg_resources", "distutils", "doctest", "pdb",
)  # fmt: skip
#: Collected paths (lower case, "/" separated) containing one of these are dropped.
EXCLUDED_PATHS: Final = (
    "/plugins/sqldrivers/", "/plugins/qmltooling/", "/plugins/designer/", "/plugins/webview/",
    "/plugins/imageformats/libqpdf", "/plugins/imageformats/qpdf",  # the PDF format needs QtPdf
    "/plugins/multimedia/libgstreamermediaplugin", "/plugins/multimedia/gstreamermediaplugin",
    "/plugins/position/", "/plugins/sensors/", "/plugins/texttospeech/", "/plugins/canbus/",
    "/plugins/geoservices/", "/plugins/sceneparsers/", "/plugins/renderers/",
    "/plugins/assetimporters/", "/plugins/geometryloaders/", "/plugins/renderplugins/",
    # Linux: embedded-device platforms (EGLFS/KMS, framebuffer, VNC) are never a desktop's.
    "/plugins/egldeviceintegrations/", "/plugins/platforms/libqeglfs",
    "/plugins/platforms/libqlinuxfb", "/plugins/platforms/libqvnc",
    "/plugins/platforms/libqvkkhrdisplay", "/plugins/platforms/libqminimalegl",
    # Linux: the GTK 3 theme would load the system's GTK next to the bundle's own GLib/cairo
    # copies (a classic crash); Qt's own style is used instead.
    "/plugins/platformthemes/libqgtk3",
    "/qml/",
)  # fmt: skip
#: Qt's own translations (standard buttons, ...) are kept for the languages AgentBar speaks.
KEPT_QT_LOCALES: Final = ("tr", "en")
_QT_LIBRARY = re.compile(r"^(?:lib)?qt6?([a-z0-9]+?)(?:_debug)?(?:\.so(?:\.\d+)*|\.dll|\.dylib)?$")


class BuildError(RuntimeError):
    """A step failed; ``str(exc)`` says which and what to do."""


# --- version -----------------------------------------------------------------------------------


def version(root: Path = ROOT) -> str:
    """``__version__`` from ``agentbar/__init__.py``, read without importing the package."""
    tree = ast.parse((root / "agentbar" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise BuildError("agentbar/__init__.py has no __version__ = '...'")


def debian_version(pep440: str) -> str:
    """A Debian version that sorts like the PEP 440 one: ``1.2.0rc1`` -> ``1.2.0~rc1``."""
    return re.sub(r"\.?(a|b|rc|dev)(\d*)", r"~\1\2", pep440).replace("+", "+local.")


def numeric_version(pep440: str) -> str:
    """Four numbers for Windows file versions: ``1.2.0rc1`` -> ``1.2.0.0``."""
    numbers = [int(n) for n in re.findall(r"\d+", pep440.split("+")[0])[:3]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


# --- bundle contents ---------------------------------------------------------------------------


def qt_library_name(filename: str) -> str | None:
    """``libQt6Quick.so.6`` / ``Qt6Quick.dll`` / ``QtQuick.framework`` -> ``quick``; else None."""
    name = filename.lower().removesuffix(".framework")
    match = _QT_LIBRARY.match(name)
    if not match or not name.startswith(("libqt", "qt")):
        return None
    return match.group(1)


def bundle_wants(dest: str) -> bool:
    """Whether a file collected for the bundle at ``dest`` (relative path) should ship."""
    path = "/" + dest.replace("\\", "/").lower()
    if any(part in path for part in EXCLUDED_PATHS):
        return False
    for component in path.split("/"):
        qt = qt_library_name(component)
        if (
            qt is not None
            and qt not in QT_REQUIRED_LIBRARIES
            and qt.startswith(QT_EXCLUDED_LIBRARIES)
        ):
            return False
    name = path.rsplit("/", 1)[-1]
    if "/translations/" in path and name.endswith(".qm") and "/agentbar/" not in path:
        return name[:-3].rsplit("_", 1)[-1] in KEPT_QT_LOCALES
    return True


@dataclass(frozen=True)
class BundleReport:
    """What a finished bundle holds."""

    path: Path
    size_bytes: int
    qt_libraries: tuple[str, ...]
    qt_plugins: tuple[str, ...]
    unwanted: tuple[str, ...]

    def summary(self) -> str:
        return (
            f"{self.path}: {self.size_bytes / 2**20:.0f} MiB; Qt libraries: "
            f"{', '.join(self.qt_libraries)}; plugins: {', '.join(self.qt_plugins)}"
        )


def check_bundle(bundle_dir: Path) -> BundleReport:
    """List the Qt libraries and plugins in ``bundle_dir`` and any file that should not be there.

    Raises ``BuildError`` when an excluded Qt module slipped in. Reads the disk only.
    """
    libraries: set[str] = set()
    plugins: set[str] = set()
    unwanted: list[str] = []
    size = 0
    for path in sorted(bundle_dir.rglob("*")):
        rel = path.relative_to(bundle_dir).as_posix()
        if path.is_symlink() or not path.is_file():
            continue
        size += path.stat().st_size
        if not bundle_wants(rel):
            unwanted.append(rel)
        qt = qt_library_name(path.name)
        if qt and path.name.lower().startswith(("libqt6", "qt6")) and ".abi3." not in path.name:
            libraries.add(qt)
        if "/plugins/" in f"/{rel.lower()}":
            plugins.add(rel.lower().split("/plugins/", 1)[-1].split("/", 1)[0])
    report = BundleReport(
        bundle_dir, size, tuple(sorted(libraries)), tuple(sorted(plugins)), tuple(unwanted)
    )
    if unwanted:
        raise BuildError("the bundle holds excluded files: " + ", ".join(unwanted[:20]))
    return report


# --- icons (rendered from the SVG with Qt, at build time) --------------------------------------


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` as PNG bytes (QtSvg; starts an offscreen Qt app)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        global _qt_app  # kept alive for the rest of the build
        _qt_app = QGuiApplication(["build_installer", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 refuses bytes here although its stub asks for them.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


_qt_app: object = None


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows .ico holding the PNG images (size -> bytes); Vista+ reads PNG entries."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        side = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS .icns holding the PNG images whose sizes have an icns type (ICNS_TYPES)."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_icons(out_dir: Path, svg: Path = ICON_SVG) -> dict[int, Path]:
    """PNG files ``agentbar-SIZE.png`` for every size used, plus ``agentbar.ico``/``.icns``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted({*ICON_SIZES, *ICO_SIZES, *ICNS_TYPES})
    pngs = {size: render_png(svg, size) for size in sizes}
    paths: dict[int, Path] = {}
    for size, png in pngs.items():
        paths[size] = out_dir / f"agentbar-{size}.png"
        paths[size].write_bytes(png)
    (out_dir / "agentbar.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out_dir / "agentbar.icns").write_bytes(icns_bytes(pngs))
    return paths


# --- the PyInstaller bundle --------------------------------------------------------------------


def pyinstaller_command(dist_dir: Path, work_dir: Path, *, clean: bool = False) -> list[str]:
    """The PyInstaller command line for the spec (one-folder, no questions)."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    return [*command, "--distpath", str(dist_dir), "--workpath", str(work_dir), str(SPEC)]


def bundle_path(dist_dir: Path, platform_name: str = sys.platform) -> Path:
    """Where the spec puts the bundle: ``AgentBar.app`` on macOS, else the ``agentbar`` folder."""
    if platform_name == "darwin":
        return dist_dir / f"{APP_NAME}.app"
    return dist_dir / EXE_NAME


def frozen_executable(bundle: Path, platform_name: str = sys.platform) -> Path:
    """The program inside a bundle (or inside an installed copy of it)."""
    if platform_name == "darwin" and bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / EXE_NAME
    return bundle / (f"{EXE_NAME}.exe" if platform_name == "win32" else EXE_NAME)


def bundle(dist_dir: Path = DIST, work_dir: Path = BUILD, *, clean: bool = False) -> Path:
    """Render the icons, run PyInstaller on the spec; returns the bundle (folder or .app).

    Takes a few minutes. Raises ``BuildError`` when PyInstaller is missing or fails.
    """
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed: pip install -e '.[build]'")
    icons = work_dir / "icons"
    render_icons(icons)
    build_translations()
    env = {**os.environ, "AGENTBAR_ICONS": str(icons)}
    command = pyinstaller_command(dist_dir, work_dir / "pyinstaller", clean=clean)
    _run(command, env=env)
    result = bundle_path(dist_dir)
    if not frozen_executable(result).exists():
        raise BuildError(f"PyInstaller finished but {frozen_executable(result)} is missing")
    if sys.platform.startswith("linux"):
        saved = strip_python(result)
        print(f"stripped debug information from the interpreter: {saved / 2**20:.0f} MiB saved")
    return result


def build_translations() -> list[Path]:
    """Compile ``resources/translations/*.ts`` into ``.qm`` files there (``tools/i18n.py build``).

    The spec bundles the ``.qm`` files it finds; returns them. Raises ``BuildError`` when the
    compiler fails.
    """
    tool = ROOT / "tools" / "i18n.py"
    folder = ROOT / "resources" / "translations"
    if not tool.exists():
        print("skipped translations: tools/i18n.py not found")
    else:
        _run([sys.executable, str(tool), "build"])
    return sorted(folder.glob("*.qm"))


def strip_python(bundle_dir: Path) -> int:
    """Remove debug information from the bundled interpreter (libpython, lib-dynload).

    Only those: they come from the build machine's Python (pyenv's libpython carries ~25 MB
    of it). PyInstaller's ``strip=True`` would also strip the PySide6 wheel's FFmpeg libraries,
    which then fail to load. Returns the bytes saved; 0 without ``strip``.
    """
    tool = shutil.which("strip")
    if tool is None:
        return 0
    targets = [
        p
        for p in bundle_dir.rglob("*.so*")
        if p.is_file()
        and not p.is_symlink()
        and (p.name.startswith("libpython3") or p.parent.name == "lib-dynload")
    ]
    before = sum(p.stat().st_size for p in targets)
    if targets:
        _run([tool, "--strip-debug", *map(str, targets)], quiet=True)
    remove_build_runpath(targets)
    return before - sum(p.stat().st_size for p in targets)


def remove_build_runpath(libraries: Iterable[Path]) -> list[Path]:
    """Drop the RUNPATH a pyenv/hosted-tool Python carries (``/root/.pyenv/.../lib``): the
    bundle finds its libraries itself, and a build machine's folder must never be searched
    on a desk. Needs ``patchelf`` (Debian package); without it nothing changes. Returns the
    files changed."""
    tool = shutil.which("patchelf")
    changed: list[Path] = []
    if tool is None:
        print("kept RUNPATH in the interpreter's libraries: patchelf not found")
        return changed
    for library in libraries:
        done = subprocess.run(
            [tool, "--print-rpath", str(library)], capture_output=True, text=True, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            _run([tool, "--remove-rpath", str(library)], quiet=True)
            changed.append(library)
    return changed


# --- Linux: .deb and AppImage ------------------------------------------------------------------


def deb_architecture() -> str:
    """Debian's name for this machine's architecture (``dpkg --print-architecture``)."""
    dpkg = shutil.which("dpkg")
    if dpkg:
        out = subprocess.run([dpkg, "--print-architecture"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "aarch64": "arm64", "armv7l": "armhf"}.get(machine, machine)


def glibc_version() -> str:
    """This machine's glibc: the bundle's own copies of system libraries (libstdc++, GLib,
    ...) come from here, so the package needs at least this glibc. Build on the oldest
    Debian/Ubuntu you support."""
    name, found = platform.libc_ver()
    return found if name == "glibc" and found else "2.28"


def deb_maintainer(environ: Mapping[str, str] | None = None) -> str:
    """``$AGENTBAR_DEB_MAINTAINER`` or :data:`DEB_MAINTAINER` (name and e-mail address)."""
    env = os.environ if environ is None else environ
    return env.get(DEB_MAINTAINER_ENV, "").strip() or DEB_MAINTAINER


def render_control(
    version_text: str,
    architecture: str,
    installed_size_kib: int,
    glibc: str = "2.28",
    maintainer: str = DEB_MAINTAINER,
) -> str:
    """The Debian ``control`` file from ``packaging/linux/control.in``.

    Depends on what the bundle does not carry and cannot run without: glibc, libGL/libEGL
    (they must match the graphics driver), libdrm, libxcb, xkbcommon and the Wayland client
    libraries, and a font with Turkish glyphs (without one every label is empty boxes).
    """
    return _fill(
        (PACKAGING / "linux" / "control.in").read_text(encoding="utf-8"),
        VERSION=debian_version(version_text),
        ARCH=architecture,
        INSTALLED_SIZE=str(installed_size_kib),
        GLIBC=glibc,
        MAINTAINER=maintainer,
    )


def release_time(environ: Mapping[str, str] | None = None) -> int:
    """The build's date (Unix time): ``$SOURCE_DATE_EPOCH``, else the last commit's, else now.

    Used for the changelog entry, so that two builds of one commit give the same file.
    """
    env = os.environ if environ is None else environ
    if env.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(env["SOURCE_DATE_EPOCH"])
    git = shutil.which("git")
    if git:
        done = subprocess.run(
            [git, "-C", str(ROOT), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return int(done.stdout.strip())
    return int(time.time())


def debian_changelog(version_text: str, when: int, maintainer: str = DEB_MAINTAINER) -> str:
    """``/usr/share/doc/agentbar/changelog`` in Debian's format (``dpkg-parsechangelog``
    reads it): one entry for this version pointing at the README's release notes."""
    date = email.utils.formatdate(when).replace("-0000", "+0000")  # RFC 5322, UTC
    return (
        f"{PACKAGE_NAME} ({debian_version(version_text)}) stable; urgency=medium\n\n"
        f"  * AgentBar {version_text}: the bundle in /opt/agentbar, the menu entry and the\n"
        "    system-wide tel:, callto: and sip: link handler. What changed is in the\n"
        "    README shipped with the release.\n\n"
        f" -- {maintainer}  {date}\n"
    )


def md5sums(root: Path) -> str:
    """``DEBIAN/md5sums``: one ``HASH  path`` line per regular file under ``root`` (not
    ``DEBIAN/``), paths relative to ``/``, sorted."""
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("DEBIAN/") or path.is_symlink() or not path.is_file():
            continue
        digest = hashlib.md5(usedforsecurity=False)
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {rel}\n")
    return "".join(lines)


def gzip_n(data: bytes) -> bytes:
    """``gzip -9n``: no file name, no time stamp (Debian policy for files in /usr/share/doc)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def man_page(version_text: str) -> str:
    """``agentbar(1)`` in roff, from the program's own argument parser."""
    from agentbar.app import build_parser as app_parser

    parser = app_parser()

    def esc(text: str) -> str:
        return text.replace("\\", "\\e").replace("-", "\\-").replace("\n.", "\n\\&.")

    lines = [
        f'.TH AGENTBAR 1 "" "AgentBar {version_text}" "User Commands"',
        ".SH NAME",
        "agentbar \\- always\\-on\\-top toolbar for call\\-center agents",
        ".SH SYNOPSIS",
        ".B agentbar",
        "[\\fIOPTIONS\\fR] [\\fINUMBER\\fR|\\fItel:LINK\\fR]",
        ".SH DESCRIPTION",
        esc(parser.description or ""),
        "Machine\\-wide defaults are read from /etc/xdg/agentbar/defaults.json.",
        ".SH OPTIONS",
    ]
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        metavar = f" {action.metavar}" if isinstance(action.metavar, str) else ""
        if not metavar and action.nargs != 0:
            metavar = f" {action.dest.upper()}"
        lines += [".TP", f"\\fB{esc(', '.join(action.option_strings))}\\fR{esc(metavar)}"]
        lines.append(esc(action.help or ""))
    lines += [".SH FILES", "/opt/agentbar", ".br", "/etc/xdg/agentbar/defaults.json", ""]
    return "\n".join(lines)


def desktop_entry() -> str:
    """The menu entry installed as ``/usr/share/applications/agentbar.desktop``."""
    return (PACKAGING / "linux" / "agentbar.desktop").read_text(encoding="utf-8")


def stage_deb(bundle_dir: Path, root: Path, icons: Mapping[int, Path]) -> Path:
    """Lay out the package's files under ``root`` (the future ``/``) with DEBIAN/ scripts."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle_dir, opt, symlinks=True)
    launcher = root / LAUNCHER.lstrip("/")
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(f"{INSTALL_DIR}/{EXE_NAME}")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{PACKAGE_NAME}.desktop").write_text(desktop_entry())
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{PACKAGE_NAME}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons[size], target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{PACKAGE_NAME}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(ICON_SVG, scalable)
    maintainer = deb_maintainer()
    doc = root / DOC_DIR.lstrip("/")
    doc.mkdir(parents=True)
    shutil.copyfile(PACKAGING / "linux" / "copyright", doc / "copyright")
    changelog = debian_changelog(version(), release_time(), maintainer)
    (doc / "changelog.gz").write_bytes(gzip_n(changelog.encode("utf-8")))
    man = share / "man" / "man1" / f"{EXE_NAME}.1.gz"
    man.parent.mkdir(parents=True)
    man.write_bytes(gzip_n(man_page(version()).encode("utf-8")))
    overrides = share / "lintian" / "overrides" / PACKAGE_NAME
    overrides.parent.mkdir(parents=True)
    shutil.copyfile(PACKAGING / "linux" / "lintian-overrides", overrides)
    _normalise_modes(root)
    # No maintainer scripts: the menu entry, its MimeType link handlers and the icons reach
    # the desktop through dpkg triggers (desktop-file-utils watches /usr/share/applications,
    # hicolor-icon-theme /usr/share/icons/hicolor), on install, upgrade, removal and purge.
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "md5sums").write_text(md5sums(root))  # for dpkg --verify and debsums
    installed_kib = (_tree_size(root) + 1023) // 1024
    (debian / "control").write_text(
        render_control(version(), deb_architecture(), installed_kib, glibc_version(), maintainer)
    )
    return root


def build_deb(
    bundle_dir: Path,
    out_dir: Path = DIST,
    work_dir: Path = BUILD,
    *,
    compression: str = "xz",
) -> Path:
    """The .deb: bundle in /opt/agentbar, launcher, desktop entry, icons. Returns its path.

    Needs ``dpkg-deb`` (Debian/Ubuntu). Files are owned by root without fakeroot
    (``--root-owner-group``). Raises ``BuildError``.
    """
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb not found: build the .deb on Debian or Ubuntu")
    icons = render_icons(work_dir / "icons")
    root = stage_deb(bundle_dir, work_dir / "deb" / "root", icons)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE_NAME}_{debian_version(version())}_{deb_architecture()}.deb"
    _run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)])
    return deb


def install_deb(deb: Path, root: Path) -> Path:
    """Unpack ``deb`` into ``root`` (``dpkg-deb -x``, no root rights, no scripts run).

    Returns the installed program (``ROOT/opt/agentbar/agentbar``); checks the launcher link.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _run(["dpkg-deb", "-x", str(deb), str(root)])
    launcher = root / LAUNCHER.lstrip("/")
    if os.readlink(launcher) != f"{INSTALL_DIR}/{EXE_NAME}":
        raise BuildError(f"{LAUNCHER} does not point to {INSTALL_DIR}/{EXE_NAME}")
    return root / INSTALL_DIR.lstrip("/") / EXE_NAME


def appimagetool() -> str | None:
    """``$APPIMAGETOOL`` or ``appimagetool`` on PATH, or None."""
    return os.environ.get("APPIMAGETOOL") or shutil.which("appimagetool")


def stage_appdir(bundle_dir: Path, appdir: Path, icons: Mapping[int, Path]) -> Path:
    """An AppDir: the bundle in usr/lib/agentbar, AppRun, the desktop entry and the icon."""
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(bundle_dir, appdir / "usr" / "lib" / EXE_NAME, symlinks=True)
    app_run = appdir / "AppRun"
    app_run.write_text(
        '#!/bin/sh\nHERE="$(dirname "$(readlink -f "$0")")"\n'
        f'exec "$HERE/usr/lib/{EXE_NAME}/{EXE_NAME}" "$@"\n'
    )
    app_run.chmod(0o755)
    entry = desktop_entry().replace(f"Exec={LAUNCHER}", f"Exec={EXE_NAME}")
    (appdir / f"{PACKAGE_NAME}.desktop").write_text(entry)
    shutil.copyfile(icons[256], appdir / f"{PACKAGE_NAME}.png")
    (appdir / ".DirIcon").symlink_to(f"{PACKAGE_NAME}.png")
    return appdir


def build_appimage(bundle_dir: Path, out_dir: Path = DIST, work_dir: Path = BUILD) -> Path | None:
    """An AppImage from the bundle, or None (with a message) when appimagetool is missing.

    appimagetool is not in Debian or PyPI; put it on PATH or in ``$APPIMAGETOOL``.
    """
    icons = render_icons(work_dir / "icons")
    appdir = stage_appdir(bundle_dir, work_dir / "appimage" / f"{APP_NAME}.AppDir", icons)
    tool = appimagetool()
    if tool is None:
        print(
            f"skipped AppImage: appimagetool not found (set APPIMAGETOOL or put it on PATH); "
            f"the AppDir is ready in {appdir}"
        )
        return None
    machine = platform.machine()
    image = out_dir / f"{APP_NAME}-{version()}-{machine}.AppImage"
    _run([tool, str(appdir), str(image)], env={**os.environ, "ARCH": machine})
    return image


# --- Windows: Inno Setup -----------------------------------------------------------------------


def _inno_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def inno_link_registry(app_constant: str = "{app}") -> str:
    """``[Registry]`` lines for the "phone links" task: the values ``--register-handlers`` writes.

    Built from ``agentbar.desktop.windows_registry.windows_registry_values`` with the
    installed exe; written under HKA (HKCU for a per-user install, HKLM for /ALLUSERS) and
    removed on uninstall, with the keys we created when they are left empty.
    """
    from agentbar.desktop.windows_registry import windows_command, windows_registry_values

    marker = "\x00APP\x00"
    exe = f"{marker}\\{EXE_NAME}.exe"
    values = windows_registry_values(windows_command(exe), f'"{exe}",0')

    def inno(text: str) -> str:  # braces start Inno constants: escape ours, then add {app}
        return _inno_quote(text.replace("{", "{{").replace(marker, app_constant))

    lines: list[str] = []
    created: set[str] = set()
    for item in values:
        parts = item.key.split("\\")
        for depth in range(3, len(parts) + 1):  # never Software\Classes itself
            key = "\\".join(parts[:depth])
            if key not in created:
                created.add(key)
                lines.append(
                    f"Root: HKA; Subkey: {inno(key)}; ValueType: none; "
                    "Flags: uninsdeletekeyifempty; Tasks: phonelinks"
                )
        lines.append(
            f"Root: HKA; Subkey: {inno(item.key)}; ValueType: string; "
            f"ValueName: {inno(item.name)}; ValueData: {inno(item.value)}; "
            "Flags: uninsdeletevalue; Tasks: phonelinks"
        )
    return "\n".join(lines)


def inno_autostart_registry(app_constant: str = "{app}") -> str:
    """``[Registry]`` lines for the "start at login" task: the ``Run`` value AgentBar's own
    autostart switch writes (``agentbar.desktop.autostart.windows_run_value``), under HKA.

    A "Disabled" mark Task Manager left in ``StartupApproved`` is cleared, as the app does when
    the user turns the entry on; both values are removed on uninstall.
    """
    from agentbar.desktop.autostart import STARTUP_APPROVED_KEY, windows_run_value

    marker = "\x00APP\x00"
    run = windows_run_value([f"{marker}\\{EXE_NAME}.exe"])

    def inno(text: str) -> str:
        return _inno_quote(text.replace("{", "{{").replace(marker, app_constant))

    return (
        f"Root: HKA; Subkey: {inno(run.key)}; ValueType: string; ValueName: {inno(run.name)}; "
        f"ValueData: {inno(run.value)}; Flags: uninsdeletevalue; Tasks: startatlogin\n"
        f"Root: HKA; Subkey: {inno(STARTUP_APPROVED_KEY)}; ValueType: none; "
        f"ValueName: {inno(run.name)}; Flags: deletevalue uninsdeletevalue; Tasks: startatlogin"
    )


def render_inno_script(
    version_text: str, source_dir: Path | str, output_dir: Path | str, icon: Path | str
) -> str:
    """The Inno Setup script from ``packaging/windows/agentbar.iss.in``."""
    return _fill(
        (PACKAGING / "windows" / "agentbar.iss.in").read_text(encoding="utf-8"),
        VERSION=version_text,
        VERSION_NUMERIC=numeric_version(version_text),
        SOURCE_DIR=str(source_dir),
        OUTPUT_DIR=str(output_dir),
        OUTPUT_BASE=f"{APP_NAME}-{version_text}-setup",
        ICON=str(icon),
        LINK_REGISTRY=inno_link_registry(),
        AUTOSTART_REGISTRY=inno_autostart_registry(),
    )


def write_inno_script(
    path: Path, bundle_dir: Path, out_dir: Path = DIST, icon: Path | None = None
) -> Path:
    """Write the Inno Setup script for ``bundle_dir`` to ``path`` (UTF-8 with BOM, as ISCC
    wants for non-ASCII text); returns ``path``."""
    icon = icon or BUILD / "icons" / "agentbar.ico"
    text = render_inno_script(version(), bundle_dir.resolve(), out_dir.resolve(), icon.resolve())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8-sig", newline="\r\n")
    return path


def find_iscc(explicit: str | None = None) -> str | None:
    """Inno Setup's compiler: ``--iscc``, ``ISCC.exe`` on PATH, or its default folders."""
    if explicit:
        return explicit
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "C:/Program Files (x86)") / "Inno Setup 6" / "ISCC.exe"
        if candidate.exists():
            return str(candidate)
    local = Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6" / "ISCC.exe"
    return str(local) if local.exists() else None


def build_windows_installer(script: Path, iscc: str | None, out_dir: Path = DIST) -> Path | None:
    """Compile ``script`` with ISCC; None (with a message) when Inno Setup is not installed.

    ``out_dir`` must be the OutputDir the script was written with (:func:`write_inno_script`).
    """
    if iscc is None:
        print(f"skipped installer: Inno Setup 6 (ISCC.exe) not found; compile {script} with it")
        return None
    _run([iscc, "/Q", str(script)])
    return out_dir / f"{APP_NAME}-{version()}-setup.exe"


# --- Windows: the .msi (WiX v5) and the default-associations file -----------------------------

WXS: Final = PACKAGING / "windows" / "agentbar.wxs"


def find_wix(explicit: str | None = None) -> str | None:
    """The WiX v5 command-line tool: ``--wix``, or ``wix`` on PATH (``dotnet tool install -g
    wix``)."""
    return explicit or shutil.which("wix")


def wix_command(
    wix: str, bundle_dir: Path, icon: Path, out_dir: Path, version_text: str
) -> list[str]:
    """``wix build`` for :data:`WXS`: the bundle, icon and version as preprocessor variables."""
    return [
        wix, "build", str(WXS), "-arch", "x64",
        "-d", f"Version={numeric_version(version_text)}",
        "-d", f"BundleDir={bundle_dir.resolve()}",
        "-d", f"Icon={icon.resolve()}",
        "-o", str(out_dir / f"{APP_NAME}-{version_text}.msi"),
    ]  # fmt: skip


def build_msi(
    bundle_dir: Path, icon: Path, out_dir: Path = DIST, wix: str | None = None
) -> Path | None:
    """The .msi from :data:`WXS`; None (with a message) when WiX is not installed."""
    if wix is None:
        print(f"skipped .msi: WiX v5 (wix) not found; dotnet tool install -g wix, build {WXS}")
        return None
    command = wix_command(wix, bundle_dir, icon, out_dir, version())
    _run(command)
    return Path(command[-1])


def default_associations_xml() -> str:
    """The default-associations file that makes AgentBar open tel:, callto: and sip: for every
    user (``Dism /Online /Import-DefaultAppAssociations:FILE``, or the Group Policy / Intune
    "default associations configuration file" setting). Windows lets only the user or IT pick
    a default; the installers never do it by overwriting another program's keys."""
    from agentbar.desktop.windows_registry import PROG_ID, SCHEMES

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<DefaultAssociations>"]
    lines += [
        f'  <Association Identifier="{scheme}" ProgId="{PROG_ID}" ApplicationName="{APP_NAME}" />'
        for scheme in SCHEMES
    ]
    lines.append("</DefaultAssociations>")
    return "\n".join(lines) + "\n"


# --- macOS: Info.plist, .app and .dmg ----------------------------------------------------------


def render_info_plist(version_text: str) -> str:
    """The bundle's Info.plist from ``packaging/macos/Info.plist.in`` (the spec merges it)."""
    return _fill(
        (PACKAGING / "macos" / "Info.plist.in").read_text(encoding="utf-8"),
        VERSION=version_text,
        BUNDLE_ID=BUNDLE_ID,
        EXECUTABLE=EXE_NAME,
    )


def write_info_plist(path: Path, version_text: str | None = None) -> Path:
    """Write the Info.plist (for inspection; the spec uses :func:`render_info_plist`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_info_plist(version_text or version()), encoding="utf-8")
    return path


def build_dmg(app: Path, out_dir: Path = DIST, work_dir: Path = BUILD) -> Path:
    """A compressed .dmg with AgentBar.app and an Applications link (``hdiutil``, macOS)."""
    if shutil.which("hdiutil") is None:
        raise BuildError("hdiutil not found: build the .dmg on macOS")
    staging = work_dir / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    _run(["ditto", str(app), str(staging / app.name)])  # keeps symlinks and signatures
    (staging / "Applications").symlink_to("/Applications")
    dmg = out_dir / f"{APP_NAME}-{version()}.dmg"
    _run(
        ["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(staging), "-ov"]
        + ["-format", "UDZO", str(dmg)]
    )
    return dmg


# --- the frozen self-test ----------------------------------------------------------------------


@dataclass(frozen=True)
class SelfTestResult:
    """What ``agentbar --self-test`` printed and returned, and how long it took."""

    returncode: int
    output: str
    seconds: float
    lines: tuple[str, ...] = field(default=())


def self_test_frozen(executable: Path, *, timeout: float = SELF_TEST_TIMEOUT_S) -> SelfTestResult:
    """Run ``EXECUTABLE --self-test`` and check that it passed.

    Without a display the self-test uses Qt's offscreen platform by itself and still loads the
    X11 plugin's libraries, which finds system libraries the package lacks. Raises
    ``BuildError`` with the program's output when it fails or times out.
    """
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(executable), "--self-test"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{executable} --self-test did not finish in {timeout:.0f} s") from exc
    seconds = time.perf_counter() - started
    lines = tuple(
        line for line in done.stdout.splitlines() if line.startswith(("ok:", "warn:", "FAIL:"))
    )
    result = SelfTestResult(done.returncode, done.stdout + done.stderr, seconds, lines)
    if done.returncode != 0:
        raise BuildError(f"{executable} --self-test failed ({done.returncode}):\n{result.output}")
    return result


# --- helpers -----------------------------------------------------------------------------------


def _fill(template: str, **values: str) -> str:
    """Replace ``@NAME@`` placeholders; every placeholder must be given."""
    for name, value in values.items():
        template = template.replace(f"@{name}@", value)
    left = sorted(set(re.findall(r"@([A-Z_]+)@", template)))
    if left:
        raise BuildError(f"template placeholders without a value: {', '.join(left)}")
    return template


def _run(
    command: Sequence[str], *, env: Mapping[str, str] | None = None, quiet: bool = False
) -> None:
    if not quiet:
        print("+", " ".join(str(c) for c in command), flush=True)
    done = subprocess.run(list(command), env=None if env is None else dict(env), check=False)
    if done.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed with exit code {done.returncode}")


def _tree_size(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


_SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$")


def _normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest (the umask may have been loose).

    Shared libraries are not executables (Debian policy 10.9; the wheels ship them 0755).
    """
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or (path.stat().st_mode & 0o100 and not _SHARED_LIBRARY.search(path.name)):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def _du(path: Path) -> str:
    size = _tree_size(path) if path.is_dir() else path.stat().st_size
    return f"{size / 2**20:.1f} MiB"


# --- command line ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_installer.py",
        description=(
            "Build AgentBar for this operating system: (1) a PyInstaller one-folder bundle from "
            "packaging/agentbar.spec, checked for Qt modules we never ship; (2) the installer "
            "(Linux: .deb, plus an AppImage when appimagetool is available; Windows: Inno Setup "
            "installer, a WiX .msi and a default-associations file; macOS: AgentBar.app in a "
            ".dmg); (3) the frozen program's --self-test "
            "(Linux: of the program installed from the .deb into a temporary root). "
            "Needs: pip install -e '.[build]'."
        ),
    )
    parser.add_argument("--version", action="version", version=f"AgentBar {version()}")
    parser.add_argument(
        "--dist", type=Path, default=DIST, metavar="DIR",
        help="where the bundle and the installers go (default: dist/)",
    )  # fmt: skip
    parser.add_argument(
        "--build", type=Path, default=BUILD, metavar="DIR",
        help="where work files go: PyInstaller's cache, icons, staging trees (default: build/)",
    )  # fmt: skip
    parser.add_argument(
        "--clean", action="store_true",
        help="empty PyInstaller's cache first (slower; use after changing dependencies)",
    )  # fmt: skip
    parser.add_argument(
        "--skip-bundle", action="store_true",
        help="reuse the bundle already in --dist instead of running PyInstaller",
    )  # fmt: skip
    parser.add_argument(
        "--skip-installer", action="store_true",
        help="stop after the bundle (and its self-test): no .deb/AppImage/setup.exe/.dmg",
    )  # fmt: skip
    parser.add_argument(
        "--skip-self-test", action="store_true",
        help="do not run the frozen program's --self-test at the end",
    )  # fmt: skip
    parser.add_argument(
        "--no-appimage", action="store_true",
        help="Linux: do not try the AppImage (it is skipped anyway without appimagetool)",
    )  # fmt: skip
    parser.add_argument(
        "--deb-compression", choices=("xz", "zstd", "gzip", "none"), default="xz",
        help="Linux: compression of the .deb (default xz, which every dpkg reads; "
        "zstd/gzip build faster)",
    )  # fmt: skip
    parser.add_argument(
        "--iscc", metavar="PATH",
        help="Windows: Inno Setup's ISCC.exe (default: on PATH or in Program Files)",
    )  # fmt: skip
    parser.add_argument(
        "--wix", metavar="PATH",
        help="Windows: the WiX v5 tool for the .msi (default: wix on PATH; skipped without)",
    )  # fmt: skip
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Build for ``sys.platform``; returns the exit code (0 built and self-tested)."""
    args = build_parser().parse_args(argv)
    dist: Path = args.dist.resolve()
    work: Path = args.build.resolve()
    timings: list[tuple[str, float]] = []
    made: list[Path] = []

    def step(name: str, started: float) -> None:
        timings.append((name, time.perf_counter() - started))

    try:
        started = time.perf_counter()
        if args.skip_bundle:
            app = bundle_path(dist)
            if not frozen_executable(app).exists():
                raise BuildError(f"no bundle in {app}: run without --skip-bundle")
        else:
            app = bundle(dist, work, clean=args.clean)
            step("bundle", started)
        report = check_bundle(app)
        print(report.summary())
        program = frozen_executable(app)
        if not args.skip_installer:
            started = time.perf_counter()
            installed = _build_installers(args, app, dist, work, made)
            step("installer", started)
            program = installed or program
        if not args.skip_self_test:
            started = time.perf_counter()
            result = self_test_frozen(program)
            print("\n".join(result.lines))
            print(f"self-test of {program} passed in {result.seconds:.1f} s")
            step("self-test", started)
    except BuildError as exc:
        print(f"build_installer: error: {exc}", file=sys.stderr)
        return 1
    for path in made:
        print(f"built {path} ({_du(path)})")
    print("timings: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in timings))
    return 0


def _build_installers(
    args: argparse.Namespace, app: Path, dist: Path, work: Path, made: list[Path]
) -> Path | None:
    """This OS's installers; returns the program installed from them when it can be tested."""
    if sys.platform.startswith("linux"):
        deb = build_deb(app, dist, work, compression=args.deb_compression)
        made.append(deb)
        if not args.no_appimage:
            image = build_appimage(app, dist, work)
            made.extend(_present([image]))
        return install_deb(deb, work / "deb" / "installed")
    if sys.platform == "win32":
        script = write_inno_script(
            work / "agentbar.iss", app, dist, work / "icons" / "agentbar.ico"
        )
        made.append(script)
        made.extend(_present([build_windows_installer(script, find_iscc(args.iscc), dist)]))
        icon = work / "icons" / "agentbar.ico"
        made.extend(_present([build_msi(app, icon, dist, find_wix(args.wix))]))
        associations = dist / f"{APP_NAME}-DefaultAssociations.xml"
        associations.write_text(default_associations_xml(), encoding="utf-8")
        made.append(associations)
        return None
    if sys.platform == "darwin":
        made.append(write_info_plist(work / "Info.plist"))
        made.append(build_dmg(app, dist, work))
        return None
    raise BuildError(f"no installer for {sys.platform}")


def _present(paths: Iterable[Path | None]) -> list[Path]:
    return [p for p in paths if p is not None]


if __name__ == "__main__":
    raise SystemExit(main())
