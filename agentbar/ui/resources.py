"""Find bundled resources (icons, translations) installed or in the source tree."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resource_dir() -> Path:
    """The ``resources`` folder: inside the package when installed or frozen, else the repo's."""
    here = Path(__file__).resolve().parent.parent
    candidates = [here / "resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "agentbar" / "resources")
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    return candidates[-1]


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/NAME.svg`` (an empty icon when it is missing)."""
    path = resource_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
