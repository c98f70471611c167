"""Install the UI language: AgentBar's own translation plus Qt's for its standard dialogs."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agentbar.core.paths import make_private_dir, make_private_file
from agentbar.ui.resources import resource_dir

log = logging.getLogger(__name__)
LANGUAGES = ("tr", "en")
_installed: list[QTranslator] = []


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """``tr`` or ``en``: the setting when it names one, else the system locale's language."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "tr" if locale.language() == QLocale.Language.Turkish else "en"


def _compiled(lang: str, cache_dir: Path | None) -> Path | None:
    """The .qm for ``lang``: bundled, or compiled from the .ts into ``cache_dir`` when newer.

    Installed and frozen builds ship .qm files; a source checkout has only the .ts sources,
    so the first start compiles them with pyside6-lrelease (a few milliseconds per file).
    """
    folder = resource_dir() / "translations"
    qm, ts = folder / f"agentbar_{lang}.qm", folder / f"agentbar_{lang}.ts"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists() or cache_dir is None:
        return qm if qm.exists() else None
    out = cache_dir / "translations" / qm.name
    if out.exists() and out.stat().st_mtime >= ts.stat().st_mtime:
        return out
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    if tool is None:
        log.warning("no .qm for %s and no pyside6-lrelease to build it", lang)
        return None
    make_private_dir(out.parent)
    result = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(out)], capture_output=True, timeout=60, check=False
    )
    if result.returncode != 0 or not out.exists():
        return None
    make_private_file(out)
    return out


def prepare(language: str, cache_dir: Path | None = None) -> Path | None:
    """The .qm file for ``language`` (compiled from the .ts when needed). Blocks: run it off
    the GUI thread."""
    return _compiled(language, cache_dir)


def install_translations(
    language: str, cache_dir: Path | None = None, *, compiled: Path | None = None
) -> str:
    """Replace the installed translators with ``language``'s; returns the language used.

    Runs on the GUI thread. Blocks briefly on file reads (and, without ``compiled`` from
    :func:`prepare`, on compiling the .ts of a source checkout the first time).
    """
    app = QCoreApplication.instance()
    if app is None:
        return "en"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.Turkish if language == "tr" else QLocale.Language.English)
    QLocale.setDefault(locale)
    ours = compiled if compiled is not None else _compiled(language, cache_dir)
    if ours is not None:
        translator = QTranslator(app)
        if translator.load(str(ours)):
            _installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if language != "en" and qt.load(locale, "qtbase", "_", qt_dir):
        _installed.append(qt)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    return language
