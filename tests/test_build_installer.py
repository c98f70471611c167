"""build_installer.py: importable, one version, the spec's lists, every generated installer file.

Nothing here runs PyInstaller except the last test, which builds, installs and self-tests the
real .deb when ``AGENTBAR_BUILD_TESTS=1`` (about a minute; see README, Installers).
"""

from __future__ import annotations

import configparser
import gzip
import hashlib
import importlib.util
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import agentbar
import build_installer as bi
from agentbar.core.paths import MACHINE_DEFAULTS_ENV, machine_defaults_file
from agentbar.core.settings import Settings
from agentbar.desktop.autostart import RUN_KEY, STARTUP_APPROVED_KEY, windows_run_value
from agentbar.desktop.handlers import macos_url_types
from agentbar.desktop.windows_registry import windows_command, windows_registry_values

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


# --- the script itself -------------------------------------------------------------------------


def test_help_explains_every_option() -> None:
    parser = bi.build_parser()
    text = parser.format_help()
    for action in parser._actions:
        for option in action.option_strings:
            assert option in text
        assert action.help, f"{action.option_strings} has no help"
    assert "one-folder" in text and "--self-test" in text


def test_help_runs_as_a_script() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "--skip-bundle" in done.stdout and "--deb-compression" in done.stdout


def test_version_comes_from_one_place() -> None:
    assert bi.version() == agentbar.__version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["tool"]["hatch"]["version"]["path"] == "agentbar/__init__.py"
    assert "version" in pyproject["project"]["dynamic"]
    spec = (ROOT / "packaging" / "agentbar.spec").read_text()
    assert "build_installer.version()" in spec
    for template in ("linux/control.in", "windows/agentbar.iss.in", "macos/Info.plist.in"):
        text = (ROOT / "packaging" / template).read_text()
        assert "@VERSION@" in text and agentbar.__version__ not in text


def test_version_is_read_without_importing(tmp_path: Path) -> None:
    (tmp_path / "agentbar").mkdir()
    (tmp_path / "agentbar" / "__init__.py").write_text('"""x"""\n\n__version__ = "2.3.4rc1"\n')
    assert bi.version(tmp_path) == "2.3.4rc1"
    (tmp_path / "agentbar" / "__init__.py").write_text("VERSION = 1\n")
    with pytest.raises(bi.BuildError):
        bi.version(tmp_path)


@pytest.mark.parametrize(
    ("pep440", "debian", "numeric"),
    [
        ("0.1.0", "0.1.0", "0.1.0.0"),
        ("1.2.0rc1", "1.2.0~rc1", "1.2.0.0"),
        ("1.2.0b2", "1.2.0~b2", "1.2.0.0"),
        ("2.0.0.dev3", "2.0.0~dev3", "2.0.0.0"),
        ("1.0", "1.0", "1.0.0.0"),
    ],
)
def test_versions_for_debian_and_windows(pep440: str, debian: str, numeric: str) -> None:
    assert bi.debian_version(pep440) == debian
    assert bi.numeric_version(pep440) == numeric


def test_build_extra_brings_pyinstaller() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    build = pyproject["project"]["optional-dependencies"]["build"]
    assert any(req.lower().startswith("pyinstaller") for req in build)
    assert "build_installer.py" in pyproject["tool"]["mypy"]["files"]


# --- the spec: one folder, what it keeps and what it drops ------------------------------------


def test_spec_is_one_folder_and_collects_what_the_app_needs() -> None:
    spec = (ROOT / "packaging" / "agentbar.spec").read_text()
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec  # one-folder, never one-file
    assert "onefile" not in spec.lower().replace("one-file", "")
    assert "upx=False" in spec and "strip=False" in spec
    assert 'collect_submodules("agentbar")' in spec
    assert 'collect_submodules("keyring.backends")' in spec
    assert 'copy_metadata("keyring")' in spec  # keyring finds backends by entry point
    assert '"agentbar/sim/samples"' in spec and '"agentbar/resources/icons"' in spec
    assert '"agentbar/resources/translations"' in spec
    assert "build_installer.bundle_wants" in spec
    assert "build_installer.QT_EXCLUDED_MODULES" in spec
    assert 'hookspath=[str(ROOT / "packaging" / "hooks")]' in spec
    assert "BUNDLE(" in spec and "render_info_plist" in spec  # the macOS .app


def test_phonenumbers_hook_keeps_the_metadata_only() -> None:
    hook = (ROOT / "packaging" / "hooks" / "hook-phonenumbers.py").read_text()
    assert 'collect_submodules("phonenumbers.data")' in hook
    assert '"phonenumbers.shortdata"' in hook
    assert "geodata" not in hook.split("\n\n", 1)[1]
    for module in ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata"):
        assert module in bi.OTHER_EXCLUDED_MODULES


def test_excluded_python_modules_cover_the_unused_qt() -> None:
    excluded = set(bi.QT_EXCLUDED_MODULES)
    for name in (
        "WebEngineCore",
        "WebEngineWidgets",
        "Qml",
        "Quick",
        "QuickWidgets",
        "3DCore",
        "Pdf",
        "Charts",
        "DataVisualization",
        "Bluetooth",
        "Sql",
        "Designer",
    ):
        assert f"PySide6.Qt{name}" in excluded
    for kept in ("Core", "Gui", "Widgets", "Network", "Multimedia", "Svg"):
        assert f"PySide6.Qt{kept}" not in excluded


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        # kept: what AgentBar uses
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libavcodec.so.63", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt/lib/QtMultimedia.framework/Versions/A/QtMultimedia", True),
        # kept although QML/Quick: the FFmpeg media plugin links them
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", True),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", True),
        ("PySide6/Qt6Quick.dll", True),
        # translations: ours always, Qt's for tr and en only
        ("agentbar/resources/translations/agentbar_de.qm", True),
        ("PySide6/Qt/translations/qtbase_tr.qm", True),
        ("PySide6/Qt/translations/qtmultimedia_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_zh_CN.qm", False),
        # dropped
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt6WebEngineCore.dll", False),
        ("PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/QtWebEngineCore", False),
        ("PySide6/Qt/lib/libQt6QuickControls2.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick3D.so.6", False),
        ("PySide6/Qt/lib/libQt63DCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6Charts.so.6", False),
        ("PySide6/Qt/lib/libQt6DataVisualization.so.6", False),
        ("PySide6/Qt/lib/libQt6Bluetooth.so.6", False),
        ("PySide6/Qt/lib/libQt6Sql.so.6", False),
        ("PySide6/Qt/lib/libQt6Designer.so.6", False),
        ("PySide6/Qt/lib/libQt6MultimediaQuick.so.6", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/plugins/sqldrivers/qsqlite.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ],
)
def test_bundle_keeps_and_drops(dest: str, wanted: bool) -> None:
    assert bi.bundle_wants(dest) is wanted
    assert bi.bundle_wants(dest.replace("/", "\\")) is wanted


def _fake_bundle(root: Path, *files: str) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x7fELF" + b"\0" * 60)
    return root


def test_check_bundle_lists_qt_and_refuses_excluded_modules(tmp_path: Path) -> None:
    good = _fake_bundle(
        tmp_path / "good",
        "agentbar",
        "_internal/PySide6/Qt/lib/libQt6Core.so.6",
        "_internal/PySide6/Qt/lib/libQt6Multimedia.so.6",
        "_internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    )
    report = bi.check_bundle(good)
    assert report.qt_libraries == ("core", "multimedia")
    assert report.qt_plugins == ("multimedia",)
    assert report.size_bytes == 4 * 64
    bad = _fake_bundle(tmp_path / "bad", "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6")
    with pytest.raises(bi.BuildError, match="WebEngineCore"):
        bi.check_bundle(bad)


# --- icons -------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"fake"


def test_ico_holds_every_size_as_png() -> None:
    data = bi.ico_bytes({16: PNG + b"16", 256: PNG + b"256"})
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    entries = [struct.unpack_from("<BBBBHHII", data, 6 + 16 * i) for i in range(count)]
    assert [(e[0], e[1]) for e in entries] == [(16, 16), (0, 0)]  # 0 means 256
    for _w, _h, _c, _r, _p, bits, size, offset in entries:
        assert bits == 32
        assert data[offset : offset + size].startswith(PNG)


def test_icns_holds_the_sizes_macos_knows() -> None:
    data = bi.icns_bytes({16: PNG, 32: PNG, 48: PNG, 512: PNG})
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    types, offset = [], 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        (length,) = struct.unpack(">I", data[offset + 4 : offset + 8])
        assert data[offset + 8 : offset + length] == PNG
        types.append(kind)
        offset += length
    assert types == [b"icp4", b"icp5", b"ic09"]  # 48 px has no icns type


def test_icon_is_rendered_from_the_svg_with_qt(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    png = bi.render_png(bi.ICON_SVG, 48)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (48, 48)
    assert image.pixelColor(24, 24).alpha() > 0  # something is drawn in the middle


# --- Linux: the .deb -------------------------------------------------------------------------


def _control_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    name = ""
    for line in text.splitlines():
        if line.startswith(" "):
            fields[name] += "\n" + line
        else:
            name, _, value = line.partition(":")
            fields[name] = value.strip()
    return fields


def test_control_file() -> None:
    text = bi.render_control("1.2.0rc1", "amd64", 123456, "2.36")
    assert not PLACEHOLDER.search(text)
    fields = _control_fields(text)
    assert fields["Package"] == "agentbar"
    assert fields["Version"] == "1.2.0~rc1"
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "123456"
    assert "libc6 (>= 2.36)" in fields["Depends"]
    assert "libgl1" in fields["Depends"] and "libegl1" in fields["Depends"]
    assert "PySide6" not in fields["Depends"] and "python3" not in fields["Depends"]
    depends = [d.strip() for d in fields["Depends"].split(",")]
    # Without a font with Turkish glyphs every label is boxes: a dependency, DejaVu first.
    assert any(d.startswith("fonts-dejavu-core") for d in depends)
    # The bundled libfontconfig needs /etc/fonts/fonts.conf (a clean Debian 12 lacked it).
    for library in ("libdrm2", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
                    "libxkbcommon0", "fontconfig-config"):  # fmt: skip
        assert library in depends
    assert "fonts" not in fields.get("Recommends", "") and "wayland" not in fields["Recommends"]
    assert fields["Maintainer"] == bi.DEB_MAINTAINER
    assert fields["Description"].startswith("always-on-top agent toolbar")
    assert "/etc/xdg/agentbar/defaults.json" in fields["Description"]
    assert text.endswith("\n")


def test_control_names_the_real_machine_defaults_file() -> None:
    path = machine_defaults_file("linux", {})
    assert str(path) == "/etc/xdg/agentbar/defaults.json"


def _desktop(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_desktop_entry_handles_phone_links() -> None:
    entry = _desktop(bi.desktop_entry())
    assert entry["Type"] == "Application"
    assert entry["Exec"] == f"{bi.LAUNCHER} -- %u"  # %u: the link; --: never read as an option
    assert entry["Icon"] == "agentbar"
    assert entry["Terminal"] == "false"
    mime = [m for m in entry["MimeType"].split(";") if m]
    assert mime == [f"x-scheme-handler/{s}" for s in ("tel", "callto", "sip")]
    assert entry["StartupWMClass"] == "agentbar"
    # The app sets the same desktop file name, so the desktop matches windows to this entry.
    assert 'setDesktopFileName("agentbar")' in (ROOT / "agentbar" / "app.py").read_text()


def test_no_maintainer_scripts_the_desktop_learns_through_dpkg_triggers() -> None:
    """desktop-file-utils and hicolor-icon-theme watch /usr/share/applications and the icon
    folder: install, upgrade, removal and purge of the menu entry (with its link handlers)
    update the desktop database without scripts of ours."""
    for name in ("postinst", "postrm", "preinst", "prerm"):
        assert not (ROOT / "packaging" / "linux" / name).exists()


def test_changelog_is_debian_format_and_reproducible() -> None:
    text = bi.debian_changelog("1.2.0rc1", 1_700_000_000, "Ayşe <it@example.com>")
    assert text.startswith("agentbar (1.2.0~rc1) stable; urgency=medium\n")
    assert text.endswith(" -- Ayşe <it@example.com>  Tue, 14 Nov 2023 22:13:20 +0000\n")
    assert bi.gzip_n(text.encode()) == bi.gzip_n(text.encode())
    assert bi.gzip_n(b"x")[4:8] == b"\0\0\0\0"  # no time stamp (gzip -n)
    assert bi.release_time({"SOURCE_DATE_EPOCH": "1700000000"}) == 1_700_000_000


@pytest.mark.skipif(shutil.which("dpkg-parsechangelog") is None, reason="needs dpkg-dev")
def test_dpkg_parses_the_changelog(tmp_path: Path) -> None:
    path = tmp_path / "changelog"
    path.write_text(bi.debian_changelog(agentbar.__version__, 1_700_000_000))
    done = subprocess.run(
        ["dpkg-parsechangelog", "-l", str(path), "-S", "Version"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == bi.debian_version(agentbar.__version__)


def _runtime_distributions() -> set[str]:
    """Every distribution the bundle carries: the project's dependencies, transitively."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    todo = [Requirement(r).name for r in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        for text in md.distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def test_copyright_names_every_bundled_component() -> None:
    text = (ROOT / "packaging" / "linux" / "copyright").read_text()
    assert text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/")
    folded = re.sub(r"[-_.]+", "-", text.lower())
    missing = [
        name
        for name in sorted(_runtime_distributions())
        if name.removeprefix("pyside6-") not in folded and name not in folded
    ]
    assert not missing, f"packaging/linux/copyright lacks {missing}"
    for component in ("Qt", "PySide6", "shiboken6", "FFmpeg", "Python Software Foundation"):
        assert component in text
    # Every licence a stanza names has its own paragraph.
    used = set(re.findall(r"^License: (\S+)$", text, flags=re.M))
    defined = set(re.findall(r"^License: (\S+)\n ", text, flags=re.M))
    assert used - {"proprietary"} <= defined


def test_man_page_lists_every_option() -> None:
    from agentbar.app import build_parser

    page = bi.man_page("1.2.0")
    assert page.startswith(".TH AGENTBAR 1")
    for action in build_parser()._actions:
        for option in action.option_strings:
            if action.help != "==SUPPRESS==":
                assert f"\\fB{option.replace('-', chr(92) + '-')}" in page or (
                    option.replace("-", "\\-") in page
                )


def _icons(tmp_path: Path) -> dict[int, Path]:
    icons = {}
    for size in bi.ICON_SIZES:
        icons[size] = tmp_path / f"{size}.png"
        icons[size].write_bytes(PNG + str(size).encode())
    return icons


def test_staged_deb_layout(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "bundle", "agentbar", "_internal/libpython3.12.so.1.0")
    (bundle / "agentbar").chmod(0o700)
    root = bi.stage_deb(bundle, tmp_path / "root", _icons(tmp_path))
    assert (root / "opt/agentbar/agentbar").stat().st_mode & 0o777 == 0o755
    assert (root / "opt/agentbar/_internal/libpython3.12.so.1.0").exists()
    assert os.readlink(root / "usr/bin/agentbar") == "/opt/agentbar/agentbar"
    entry = root / "usr/share/applications/agentbar.desktop"
    assert entry.read_text() == bi.desktop_entry()
    for size in bi.ICON_SIZES:
        icon = root / f"usr/share/icons/hicolor/{size}x{size}/apps/agentbar.png"
        assert icon.read_bytes().startswith(PNG)
    assert (root / "usr/share/icons/hicolor/scalable/apps/agentbar.svg").exists()
    control = _control_fields((root / "DEBIAN/control").read_text())
    assert control["Version"] == bi.debian_version(agentbar.__version__)
    assert int(control["Installed-Size"]) >= 1
    assert sorted(p.name for p in (root / "DEBIAN").iterdir()) == ["control", "md5sums"]
    sums: dict[str, str] = {}
    for line in (root / "DEBIAN/md5sums").read_text().splitlines():
        digest, path = line.split("  ", 1)
        sums[path] = digest
    expected = hashlib.md5((bundle / "agentbar").read_bytes()).hexdigest()
    assert sums["opt/agentbar/agentbar"] == expected
    assert "usr/bin/agentbar" not in sums  # a symbolic link
    doc = root / "usr/share/doc/agentbar"
    assert (doc / "copyright").read_text() == (ROOT / "packaging/linux/copyright").read_text()
    changelog = gzip.decompress((doc / "changelog.gz").read_bytes()).decode()
    assert changelog.startswith(f"agentbar ({control['Version']}) ")
    assert gzip.decompress((root / "usr/share/man/man1/agentbar.1.gz").read_bytes()).startswith(
        b".TH AGENTBAR 1"
    )
    assert (root / "usr/share/lintian/overrides/agentbar").exists()


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian/Ubuntu)")
def test_staged_deb_builds_and_unpacks(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "bundle", "agentbar")
    root = bi.stage_deb(bundle, tmp_path / "root", _icons(tmp_path))
    deb = tmp_path / "agentbar.deb"
    done = subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(root), str(deb)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert "Package: agentbar" in info.stdout
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    assert "root/root" in contents.stdout
    assert "./usr/bin/agentbar -> /opt/agentbar/agentbar" in contents.stdout
    program = bi.install_deb(deb, tmp_path / "installed")
    assert program == tmp_path / "installed/opt/agentbar/agentbar"
    assert program.exists()


def test_appdir_layout(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "bundle", "agentbar")
    icons = _icons(tmp_path)
    appdir = bi.stage_appdir(bundle, tmp_path / "AgentBar.AppDir", icons)
    app_run = (appdir / "AppRun").read_text()
    assert app_run.startswith("#!/bin/sh") and "usr/lib/agentbar/agentbar" in app_run
    entry = _desktop((appdir / "agentbar.desktop").read_text())
    assert entry["Exec"] == "agentbar -- %u"
    assert (appdir / "agentbar.png").read_bytes() == icons[256].read_bytes()


# --- Windows: the Inno Setup script -----------------------------------------------------------


@pytest.fixture
def inno() -> str:
    return bi.render_inno_script(
        "1.2.0rc1", r"C:\b\dist\agentbar", r"C:\b\dist", r"C:\b\build\icons\agentbar.ico"
    )


def _section(script: str, name: str) -> list[str]:
    body = script.split(f"\n[{name}]\n", 1)[1]
    return [line for line in body.split("\n[", 1)[0].splitlines() if line and line[0] != ";"]


def test_inno_is_per_user_without_admin(inno: str) -> None:
    setup = _section(inno, "Setup")
    assert "PrivilegesRequired=lowest" in setup
    assert "PrivilegesRequiredOverridesAllowed=commandline dialog" in setup
    assert r"DefaultDirName={autopf}\AgentBar" in setup  # %LOCALAPPDATA%\Programs per user
    assert "AppVersion=1.2.0rc1" in setup and "VersionInfoVersion=1.2.0.0" in setup
    assert "OutputBaseFilename=AgentBar-1.2.0rc1-setup" in setup
    assert r"SetupIconFile=C:\b\build\icons\agentbar.ico" in setup
    files = _section(inno, "Files")
    assert files[0].startswith(r'Source: "C:\b\dist\agentbar\*"; DestDir: "{app}"')
    assert not PLACEHOLDER.search(inno)


def test_inno_start_menu_and_tasks(inno: str) -> None:
    icons = _section(inno, "Icons")
    assert any(line.startswith(r'Name: "{autoprograms}\AgentBar"') for line in icons)
    tasks = "\n".join(_section(inno, "Tasks"))
    assert 'Name: "startatlogin"' in tasks and 'Name: "phonelinks"' in tasks
    registry = _section(inno, "Registry")
    run = [line for line in registry if "Tasks: startatlogin" in line]
    # The same Run value as the app's own "start at login" switch (desktop/autostart.py).
    value = windows_run_value([r"{app}\agentbar.exe"])
    assert value.value == r'"{app}\agentbar.exe" --minimized'
    assert run == [
        rf'Root: HKA; Subkey: "{RUN_KEY}"; ValueType: string; ValueName: "AgentBar"; '
        r'ValueData: """{app}\agentbar.exe"" --minimized"; Flags: uninsdeletevalue; '
        "Tasks: startatlogin",
        rf'Root: HKA; Subkey: "{STARTUP_APPROVED_KEY}"; ValueType: none; ValueName: "AgentBar"; '
        "Flags: deletevalue uninsdeletevalue; Tasks: startatlogin",
    ]


def test_inno_writes_the_same_link_keys_as_register_handlers(inno: str) -> None:
    registry = [line for line in _section(inno, "Registry") if "Tasks: phonelinks" in line]
    exe = r"{app}\agentbar.exe"
    expected = windows_registry_values(windows_command(exe), f'"{exe}",0')
    assert expected, "windows_registry_values() is empty"

    def q(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    values = [line for line in registry if "ValueType: string" in line]
    assert values == [
        f"Root: HKA; Subkey: {q(v.key)}; ValueType: string; ValueName: {q(v.name)}; "
        f"ValueData: {q(v.value)}; Flags: uninsdeletevalue; Tasks: phonelinks"
        for v in expected
    ]
    # Another program's tel:/callto:/sip: keys are never written (nor removed on uninstall).
    assert not [line for line in registry if re.search(r"Classes\\(tel|callto|sip)\b", line)]
    assert any(
        r'Subkey: "Software\Classes\AgentBar.Link\shell\open\command"' in line for line in values
    )
    # Keys we create are removed on uninstall when empty, children before parents.
    created = [line for line in registry if "ValueType: none" in line]
    assert all("uninsdeletekeyifempty" in line for line in created)
    keys = [line.split('"')[1] for line in created]
    prog = r"Software\Classes\AgentBar.Link"
    assert keys.index(prog) < keys.index(prog + r"\shell")


def test_inno_silent_defaults(inno: str) -> None:
    code = inno.split("\n[Code]\n", 1)[1]
    for param, field in (
        ("SERVERURL", "server_url"),
        ("AGENT", "agent"),
        ("EXTENSION", "extension"),
    ):
        assert f"{{param:{param}|}}" in code
        assert f"'{field}'" in code
        assert field in Settings.__dataclass_fields__
    assert r"{commonappdata}\AgentBar\defaults.json" in code  # all-users install
    windows = machine_defaults_file("win32", {"PROGRAMDATA": r"C:\ProgramData"})
    assert str(windows).replace("/", "\\").endswith(r"ProgramData\AgentBar\defaults.json")
    assert r"{app}\defaults.json" in code  # per-user install
    registry = "\n".join(_section(inno, "Registry"))
    assert f'ValueName: "{MACHINE_DEFAULTS_ENV}"; ValueData: "{{app}}\\defaults.json"' in registry
    assert "Check: WritesUserDefaults" in registry
    header = inno.split("[Setup]", 1)[0]
    assert "/SERVERURL=" in header and "/AGENT=" in header and "/EXTENSION=" in header


def test_inno_uninstaller_removes_what_was_written(inno: str) -> None:
    registry = [line for line in _section(inno, "Registry") if "ValueType: string" in line]
    assert all("uninsdeletevalue" in line for line in registry)
    assert r'Type: files; Name: "{app}\defaults.json"' in _section(inno, "UninstallDelete")
    code = inno.split("\n[Code]\n", 1)[1]
    assert "CurUninstallStepChanged" in code and "DeleteFile(Path)" in code
    assert "RegDeleteKeyIfEmpty(HKA, 'Software\\AgentBar')" in code
    # Pascal brace comments end at the first "}": the template uses // comments only.
    assert not re.search(r"\{[^'}]*\{", code)


def test_inno_script_written_with_bom(tmp_path: Path) -> None:
    bundle = tmp_path / "dist" / "agentbar"
    bundle.mkdir(parents=True)
    path = bi.write_inno_script(tmp_path / "agentbar.iss", bundle, tmp_path / "dist")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert str(bundle.resolve()) in raw.decode("utf-8-sig")


def _inno_code(inno: str) -> str:
    return inno.split("\n[Code]\n", 1)[1]


def test_inno_refuses_a_system_install_that_would_land_in_the_system_profile(inno: str) -> None:
    header = inno.split("[Setup]", 1)[0]
    assert "SCCM" in header and "Intune" in header and "/ALLUSERS" in header
    code = _inno_code(inno)
    init = code.split("function InitializeSetup(): Boolean;", 1)[1].split("\nend;", 1)[0]
    assert "RunsAsSystem() and not IsAdminInstallMode" in init and "Result := False" in init
    assert "'SYSTEM'" in code and "\\config\\systemprofile" in code


def test_inno_upgrade_waits_while_a_bar_is_in_a_call(inno: str) -> None:
    from agentbar.desktop.busy import BUSY_EXIT

    code = _inno_code(inno)
    assert f"BusyExitCode = {BUSY_EXIT};" in code
    prepare = _body(code, "function PrepareToInstall(")
    assert "if BarInCall(Exe) then" in prepare and "Sleep(" in prepare
    assert "WizardSilent()" in prepare and "CallWaitSeconds()" in prepare
    assert "Params := '--busy';" in code and "' --all-users'" in code
    assert "{param:CALLWAIT|60}" in code


def _body(code: str, head: str) -> str:
    """The text of one Pascal routine, from its heading to its closing ``end;``."""
    return code.split(head, 1)[1].split("\nend;", 1)[0]


def test_inno_closes_the_bars_itself_and_a_refusal_sends_it_back_to_waiting(inno: str) -> None:
    """The gap between --busy saying idle and the close: the bar refuses the Restart
    Manager's question during a call (agentbar/desktop/restart_manager.py), and a refusal
    never leads to files being replaced."""
    code = _inno_code(inno)
    prepare = _body(code, "function PrepareToInstall(")
    loop = prepare.split("while True do", 1)[1]
    # First the call check, then the close; only a complete close lets the install go on.
    assert loop.index("BarInCall(Exe)") < loop.index("CloseBars(Exe)")
    assert "CloseDone: Exit;" in loop and loop.count("Exit;") == 2
    assert "CloseRefused: Why := 'InCall';" in loop  # a refusal: back to waiting
    assert "Why := 'CannotClose';" in loop
    # ... which ends, like a long call, in exit code 7 with nothing changed.
    give_up = loop.split("(Waited >= CallWaitSeconds()) then", 1)[1].split("end;", 1)[0]
    assert "Result := CustomMessage(Why);" in give_up and "Exit;" in give_up
    assert loop.index("Exit;", loop.index("CustomMessage(Why)")) < loop.index("Sleep(")

    close = _body(code, "function CloseBars(")
    # Never forced: the bar's own answer decides (RmForceShutdown would kill it after 30 s).
    assert "RmShutdown(Session, 0, 0)" in close and "RmForceShutdown" not in code
    assert "RmRegisterResources(Session, 1, Files, 0, 0, 0, 0)" in close
    assert "Files[0] := Exe;" in close
    # winerror.h: ERROR_FAIL_NOACTION_REBOOT, ERROR_FAIL_SHUTDOWN.
    assert "ErrorFailNoActionReboot = 350;" in code and "ErrorFailShutdown = 351;" in code
    assert "if Error = ErrorFailShutdown then" in close and "Result := CloseRefused;" in close
    # Done only when no program runs the old agentbar.exe any more (any user, any session).
    done = close.split("if (Error = 0) and not ExeInUse(Exe) then", 1)[1].split("end;", 1)[0]
    assert "Result := CloseDone;" in done and "BarsClosed := True;" in done
    # A failed close restarts what it did close, then ends its session.
    failed = close.split("Result := CloseRefused;", 1)[1]
    assert failed.index("RmRestart(Session, 0, 0);") < failed.index("RmEndSession(Session);")
    in_use = _body(code, "function ExeInUse(")
    assert "fmOpenReadWrite or fmShareExclusive" in in_use and "Result := True;" in in_use
    for name in ("RmStartSession", "RmRegisterResources", "RmShutdown", "RmRestart"):
        assert f"external '{name}@rstrtmgr.dll stdcall delayload';" in code


def test_inno_restarts_the_closed_bars_and_never_forces_a_close(inno: str) -> None:
    from agentbar.desktop.restart_manager import RESTART_FLAGS

    code = _inno_code(inno)
    # The bar registers for the Restart Manager's restart (not RESTART_NO_PATCH, 0x4).
    assert not RESTART_FLAGS & 0x4
    post = _body(code, "procedure CurStepChanged(")
    # After the defaults and the key are written: the restarted bar reads them.
    assert post.index("StoreMachineKey();") < post.index("RestartBars(False);")
    assert post.index("SaveStringsToUTF8File") < post.index("RestartBars(False);")
    assert "RestartBars(True);" in _body(code, "procedure DeinitializeSetup(")
    restart = _body(code, "procedure RestartBars(")
    assert "Always or not HasSwitch('/NORESTARTAPPLICATIONS')" in restart
    assert "RmRestart(BarsSession, 0, 0);" in restart and "RmEndSession(BarsSession);" in restart
    # Setup's own Restart Manager stays as a backstop for a bar started in the last moment
    # (its failed close aborts before [InstallDelete] and [Files]); never "force".
    setup = _section(inno, "Setup")
    assert "CloseApplications=yes" in setup
    assert not any(line.startswith("CloseApplications=force") for line in setup)
    init = _body(code, "function InitializeSetup(")
    forced = init.split("HasSwitch('/FORCECLOSEAPPLICATIONS')", 1)[1]
    assert "Result := False;" in forced and "CustomMessage('NoForceClose')" in forced
    header = inno.split("[Setup]", 1)[0]
    assert "CloseBars" in header and "/FORCECLOSEAPPLICATIONS" in header
    assert "/NORESTARTAPPLICATIONS" in header and "SYSTEM" in header


def test_inno_stores_the_api_key_machine_wide_without_a_command_line(inno: str) -> None:
    from agentbar.desktop.machine_key import INSTALL_KEY_ENV, MACHINE_KEY_NAME

    code = _inno_code(inno)
    assert f"KeyEnv = '{INSTALL_KEY_ENV}';" in code
    assert f"{{commonappdata}}\\AgentBar\\{MACHINE_KEY_NAME}" in code
    store = code.split("procedure StoreMachineKey();", 1)[1].split("\nend;", 1)[0]
    assert "'--store-machine-key'" in store
    exec_call = store.split("Exec(", 1)[1].split(")", 1)[0]
    assert "Key" not in exec_call  # the key goes through the environment only
    assert (
        "SetEnvironmentVariable(KeyEnv, '')" in store
        and "Log(" not in store.split("SetEnvironmentVariable(KeyEnv, Key)")[1]
    )
    assert "IsAdminInstallMode" in store
    assert "{param:APIKEY|}" in code and "{param:APIKEYFILE|}" in code
    uninstall = code.split("procedure CurUninstallStepChanged", 1)[1]
    assert "'MachineKeyFile', Path" in uninstall and "DeleteFile(Path)" in uninstall


def test_inno_custom_messages_in_both_languages(inno: str) -> None:
    messages = _section(inno, "CustomMessages")
    used = set(re.findall(r"CustomMessage\('(\w+)'\)", _inno_code(inno)))
    used |= set(re.findall(r"Why := '(\w+)'", _inno_code(inno)))  # CustomMessage(Why)
    assert used >= {"InCall", "SystemNeedsAllUsers", "KeyNeedsAllUsers", "KeyNotStored"}
    assert used >= {"CannotClose", "NoForceClose"}
    for name in used:
        for language in ("en", "tr"):
            assert any(line.startswith(f"{language}.{name}=") for line in messages), name


def _wxs() -> Any:
    import xml.etree.ElementTree as ET

    return ET.parse(ROOT / "packaging" / "windows" / "agentbar.wxs").getroot()


WIX_NS = "{http://wixtoolset.org/schemas/v4/wxs}"


def test_msi_registers_the_same_link_keys_as_register_handlers() -> None:
    component = next(c for c in _wxs().iter(f"{WIX_NS}Component") if c.get("Id") == "PhoneLinks")
    values = [
        (v.get("Root"), v.get("Key"), v.get("Name"), v.get("Value"))
        for v in component.iter(f"{WIX_NS}RegistryValue")
    ]
    exe = "[INSTALLFOLDER]agentbar.exe"
    expected = windows_registry_values(windows_command(exe), f'"{exe}",0')
    assert values == [("HKLM", v.key, v.name, v.value) for v in expected]
    assert component.get("Condition") == 'PHONELINKS = "1"'
    run = next(c for c in _wxs().iter(f"{WIX_NS}Component") if c.get("Id") == "StartAtLogin")
    [value] = run.iter(f"{WIX_NS}RegistryValue")
    expected_run = windows_run_value([exe])
    assert (value.get("Key"), value.get("Name"), value.get("Value")) == (
        expected_run.key, expected_run.name, expected_run.value,
    )  # fmt: skip


def test_msi_is_per_machine_harvests_the_bundle_and_never_closes_a_bar() -> None:
    root = _wxs()
    [package] = root.iter(f"{WIX_NS}Package")
    assert package.get("Scope") == "perMachine"
    assert package.get("Version") == "$(var.Version)"
    properties = {p.get("Id"): p.get("Value") for p in root.iter(f"{WIX_NS}Property")}
    assert properties["MSIRESTARTMANAGERCONTROL"] == "Disable"
    [action] = root.iter(f"{WIX_NS}CustomAction")
    assert action.get("ExeCommand") == "--busy --all-users" and action.get("Return") == "check"
    [custom] = root.iter(f"{WIX_NS}Custom")
    assert custom.get("Before") == "InstallValidate" and "NOT REMOVE" in custom.get("Condition")
    [files] = root.iter(f"{WIX_NS}Files")
    assert files.get("Include") == "$(var.BundleDir)\\**"
    assert len(list(root.iter(f"{WIX_NS}MajorUpgrade"))) == 1


def test_wix_command_fills_the_variables(tmp_path: Path) -> None:
    command = bi.wix_command("wix", tmp_path / "b", tmp_path / "i.ico", tmp_path, "1.2.0rc1")
    assert command[:3] == ["wix", "build", str(bi.WXS)]
    assert "Version=1.2.0.0" in command and f"BundleDir={(tmp_path / 'b').resolve()}" in command
    assert command[-1] == str(tmp_path / "AgentBar-1.2.0rc1.msi")
    used = set(re.findall(r"\$\(var\.(\w+)\)", bi.WXS.read_text()))
    given = {c.split("=", 1)[0] for c in command if "=" in c}
    assert used == given


def test_default_associations_file_names_agentbars_progid() -> None:
    import xml.etree.ElementTree as ET

    from agentbar.desktop.windows_registry import PROG_ID

    root = ET.fromstring(bi.default_associations_xml())
    assert root.tag == "DefaultAssociations"
    assert [(a.get("Identifier"), a.get("ProgId")) for a in root] == [
        (scheme, PROG_ID) for scheme in ("tel", "callto", "sip")
    ]


# --- macOS: Info.plist -------------------------------------------------------------------------


def test_info_plist(tmp_path: Path) -> None:
    path = bi.write_info_plist(tmp_path / "Info.plist", "1.2.0")
    plist = plistlib.loads(path.read_bytes())
    assert plist["CFBundleShortVersionString"] == "1.2.0"
    assert plist["CFBundleVersion"] == "1.2.0"
    assert plist["CFBundleIdentifier"] == bi.BUNDLE_ID
    assert plist["CFBundleExecutable"] == "agentbar"
    assert plist["CFBundlePackageType"] == "APPL"
    assert plist["CFBundleIconFile"] == "agentbar.icns"
    schemes = [s for t in plist["CFBundleURLTypes"] for s in t["CFBundleURLSchemes"]]
    assert schemes == ["tel", "callto", "sip"]
    assert plist["CFBundleURLTypes"] == macos_url_types()  # one source with the app's handlers


def test_templates_refuse_missing_values() -> None:
    with pytest.raises(bi.BuildError, match="NAME"):
        bi._fill("a @NAME@ b")


# --- the real build (slow: opt in) ------------------------------------------------------------


@pytest.mark.skipif(
    os.environ.get("AGENTBAR_BUILD_TESTS") != "1",
    reason="builds the real bundle and .deb (about a minute); set AGENTBAR_BUILD_TESTS=1",
)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is built on Linux")
def test_build_install_and_self_test_the_deb(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("AGENTBAR_BUILD_TESTS=1 needs PyInstaller: pip install -e '.[build]'")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("needs dpkg-deb")
    dist, work = tmp_path / "dist", tmp_path / "build"
    command = [sys.executable, str(ROOT / "build_installer.py"), "--dist", str(dist)]
    command += ["--build", str(work), "--no-appimage", "--deb-compression", "zstd"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    debs = list(dist.glob("agentbar_*.deb"))
    assert len(debs) == 1
    # The installed program (unpacked from the .deb) passed its self-test...
    installed = work / "deb" / "installed" / "opt" / "agentbar" / "agentbar"
    assert f"self-test of {installed} passed" in done.stdout
    assert "ok: audio sample-gsm.WAV" in done.stdout
    # ...and the bundle holds the Qt AgentBar uses and nothing it dropped.
    report = bi.check_bundle(dist / "agentbar")
    for name in ("core", "gui", "widgets", "network", "multimedia", "svg"):
        assert name in report.qt_libraries
    assert not [q for q in report.qt_libraries if q.startswith(("webengine", "pdf", "3d", "sql"))]
    assert {"multimedia", "platforms", "imageformats", "iconengines"} <= set(report.qt_plugins)
    contents = subprocess.run(["dpkg-deb", "--contents", str(debs[0])], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    doc = "usr/share/doc/agentbar"
    for path in (f"{doc}/copyright", f"{doc}/changelog.gz", "usr/share/man/man1/agentbar.1.gz"):
        assert f"./{path}" in contents
    assert "./usr/share/lintian/overrides/agentbar" in contents
    assert not re.search(r"-rwx.* \./opt/agentbar/_internal/.*\.so(\.\d+)*$", contents, re.M)
    if shutil.which("lintian"):
        done = subprocess.run(["lintian", "--fail-on", "error,warning", str(debs[0])],
                              capture_output=True, text=True, timeout=900)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
