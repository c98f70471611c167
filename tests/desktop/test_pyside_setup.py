"""PySide6's per-import source scan is off: imports no longer read sources into linecache."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from agentbar.desktop import pyside_setup


def _import_fresh(tmp_path: Path, name: str) -> str:
    """Import a new module as an ``import`` statement does; the path of its source."""
    source = tmp_path / f"{name}.py"
    source.write_text("import json\nVALUE = json.dumps([1])\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        __import__(name)  # the statement's path, where PySide6's hook sits
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)
    return str(source)


def test_imports_read_no_source_once_the_scan_is_off(tmp_path: Path) -> None:
    if "PySide6.support.feature" not in sys.modules:  # pragma: no cover - no __feature__
        pytest.skip("this PySide6 has no feature import hook")
    was_off = pyside_setup.restore_feature_scan()
    try:
        # As PySide6 ships it: the imported module's source is read (and kept).
        scanned = _import_fresh(tmp_path, "agentbar_scan_probe_a")
        assert scanned in linecache.cache
        assert pyside_setup.skip_feature_scan() is True
        assert pyside_setup.skip_feature_scan() is False  # once is enough
        skipped = _import_fresh(tmp_path, "agentbar_scan_probe_b")
        assert skipped not in linecache.cache
        assert pyside_setup.restore_feature_scan() is True
        again = _import_fresh(tmp_path, "agentbar_scan_probe_c")
        assert again in linecache.cache
    finally:
        if was_off:
            pyside_setup.skip_feature_scan()


def test_qt_still_works_with_the_scan_off(qapp) -> None:
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        said = Signal(str)

    pyside_setup.skip_feature_scan()
    heard: list[str] = []
    emitter = Emitter()
    emitter.said.connect(heard.append)
    emitter.said.emit("merhaba")
    assert heard == ["merhaba"]
