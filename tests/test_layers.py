"""The layer rule (design.md): Qt only in ui/ and desktop/; api imports neither core nor ui."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "agentbar"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|qasync)\b", re.MULTILINE)


def _modules(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py")) if parts else []


def _qt_free() -> list[Path]:
    allowed = {PACKAGE / "ui", PACKAGE / "desktop"}
    out = []
    for path in PACKAGE.rglob("*.py"):
        if not any(parent in allowed for parent in path.parents):
            out.append(path)
    return out


def test_no_qt_outside_ui_and_desktop():
    offenders = [str(p.relative_to(PACKAGE)) for p in _qt_free() if QT_IMPORT.search(p.read_text())]
    # app.py is the composition root: it may import Qt only inside functions (lazily).
    offenders = [o for o in offenders if o != "app.py"]
    assert offenders == []


def test_app_imports_qt_lazily():
    text = (PACKAGE / "app.py").read_text()
    top_level = [
        line for line in text.splitlines() if QT_IMPORT.match(line) and not line[0].isspace()
    ]
    assert top_level == []


def test_api_imports_neither_core_nor_ui():
    pattern = re.compile(r"^\s*(from|import)\s+agentbar\.(core|ui|desktop|sim)\b", re.MULTILINE)
    offenders = [p.name for p in _modules("api") if pattern.search(p.read_text())]
    assert offenders == []


def test_core_does_not_import_ui():
    pattern = re.compile(r"^\s*(from|import)\s+agentbar\.(ui|desktop)\b", re.MULTILINE)
    offenders = [p.name for p in _modules("core") if pattern.search(p.read_text())]
    assert offenders == []


def test_only_credentials_touches_keyring():
    pattern = re.compile(r"^\s*(from|import)\s+keyring\b", re.MULTILINE)
    users = sorted(
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text())
    )
    assert users == ["core/credentials.py"]


def _imports_of(folder: str, target: str) -> list[str]:
    pattern = re.compile(rf"^\s*(from|import)\s+agentbar\.ui\.{target}\b", re.MULTILINE)
    return [p.name for p in _modules("ui", folder) if pattern.search(p.read_text())]


def test_bar_and_panel_do_not_import_each_other():
    """What both need lives in a neutral module (ui/state_view.py, ui/agent_session.py, ...)."""
    assert _imports_of("bar", "panel") == []
    assert _imports_of("panel", "bar") == []


def test_features_do_not_import_startup():
    """Start-up builds the features; a feature never reaches back into the start-up."""
    for folder in ("bar", "panel", "settings"):
        assert _imports_of(folder, "startup") == [], folder


def test_workers_is_neutral():
    """The worker-thread helpers are used by api/ and ui/, so they import neither."""
    text = (PACKAGE / "workers.py").read_text()
    assert not re.search(r"^\s*(from|import)\s+agentbar\.", text, re.MULTILINE)
    assert not QT_IMPORT.search(text)


def test_the_wall_clock_is_read_in_one_place():
    """Dates and times the agent sees come from core/clock.py, which the tests pin to the
    simulator's clock; a module reading the wall clock itself would see another day."""
    pattern = re.compile(r"(?<![`\w.])(time\.time|date\.today|datetime\.now|datetime\.today)\(")
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.parent.name != "sim"
        and p.name != "clock.py"
        and any(pattern.search(line.split("#")[0]) for line in p.read_text().splitlines())
    ]
    assert offenders == []
