"""Translation sources and binaries: update the .ts files from the code, build the .qm files.

    python tools/i18n.py update        # lupdate ui/ + desktop/ -> resources/translations/*.ts
    python tools/i18n.py build [DIR]   # lrelease *.ts -> DIR (default resources/translations)
    python tools/i18n.py check         # exit 1 when a .ts is stale or has unfinished entries

The .ts files are the sources (committed); .qm files are built, never committed by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("tr", "en")
SOURCES = ("agentbar/ui", "agentbar/desktop", "agentbar/core", "agentbar/api")


def _tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if exe is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return exe


def source_files() -> list[str]:
    files: list[Path] = []
    for folder in SOURCES:
        files += sorted((ROOT / folder).rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def ts_path(lang: str, folder: Path = TS_DIR) -> Path:
    return folder / f"agentbar_{lang}.ts"


def update(folder: Path = TS_DIR) -> None:
    """Merge the code's current strings into the .ts files (obsolete ones dropped)."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        target = ts_path(lang, folder)
        cmd = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
        cmd += [*source_files(), "-target-language", lang, "-ts", str(target)]
        subprocess.run(cmd, cwd=ROOT, check=True)


def build(out: Path = TS_DIR) -> list[Path]:
    """Compile every .ts into a .qm in ``out``; returns the .qm paths."""
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for lang in LANGUAGES:
        qm = out / f"agentbar_{lang}.qm"
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts_path(lang)), "-qm", str(qm)], check=True
        )
        built.append(qm)
    return built


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing, unfinished or empty."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            missing.append(source)
            continue
        kind = translation.get("type", "")
        numerus = translation.findall("numerusform")
        text = "".join(n.text or "" for n in numerus) if numerus else (translation.text or "")
        if kind in ("unfinished", "obsolete", "vanished") or not text.strip():
            missing.append(source)
    return missing


def stale() -> list[str]:
    """Messages the code has that the committed .ts files lack (lupdate into a copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for lang in LANGUAGES:
            shutil.copy(ts_path(lang), ts_path(lang, copy))
        update(copy)
        news: list[str] = []
        for lang in LANGUAGES:
            before, after = _keys(ts_path(lang)), _keys(ts_path(lang, copy))
            news += sorted(f"{lang}: new: {ctx}: {src}" for ctx, src in after - before)
        return news


def _keys(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a .ts file."""
    keys = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        keys |= {(name, m.findtext("source") or "") for m in context.iter("message")}
    return keys


def check() -> int:
    problems = stale()
    for lang in LANGUAGES:
        problems += [f"{lang}: unfinished: {s}" for s in unfinished(ts_path(lang))]
    for line in problems:
        print(line)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "build", "check"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "build":
        for qm in build(Path(argv[1]) if len(argv) > 1 else TS_DIR):
            print(qm)
    else:
        return check()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
