"""PySide6 without its per-import source scan (AgentBar uses no ``from __feature__ import``).

Once PySide6.QtCore is imported, PySide6 hooks ``__import__`` and, after each import, reads the
importing module's whole source file (``inspect.getsource``) to see whether it mentions
PySide6, for its optional ``snake_case``/``true_property`` features. AgentBar uses neither.
The scan slowed start-up (every module of httpx, asyncio and AgentBar read and tokenised
again) and kept their source text in ``linecache`` for the whole run (bench/startup.py and
bench/memory.py measure both). :func:`skip_feature_scan` marks every module "not
using features" without reading it. A PySide6 without that hook is left alone.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE_MODULE = "PySide6.support.feature"
_replaced: list[object] = []  # PySide6's own scan, once turned off


def skip_feature_scan() -> bool:
    """Import PySide6.QtCore and turn its source scan off; True when it was on."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook this turns off)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None:
        return False
    namespace = vars(feature)  # feature_imported() looks the function up here at each import
    scan = namespace.get("_mod_uses_pyside")
    if not callable(scan) or scan is _uses_no_features:
        return False
    if not isinstance(namespace.get("pyside_feature_dict"), dict):
        return False
    _replaced[:] = [scan]
    namespace["_mod_uses_pyside"] = _uses_no_features
    return True


def restore_feature_scan() -> bool:
    """Undo :func:`skip_feature_scan`; True when there was something to undo."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not _replaced:
        return False
    vars(feature)["_mod_uses_pyside"] = _replaced.pop()
    return True


def _uses_no_features(module: ModuleType) -> bool:
    """What PySide6 asks of each importing module; "no" means its features stay off there,
    as they are everywhere in AgentBar."""
    return False
