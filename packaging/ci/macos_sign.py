#!/usr/bin/env python3
"""Sign AgentBar.app for notarization: every Mach-O inside first, deepest first, then the app.

    python packaging/ci/macos_sign.py dist/AgentBar.app "Developer ID Application: ..."

``codesign --deep`` is deprecated for signing and misses code that is not in the standard
places (PyInstaller puts Python extensions and Qt plugins under Contents/Frameworks and
Contents/Resources). Each file gets the hardened runtime (``-o runtime``), a secure time stamp
and, for the main executable and the app, packaging/macos/entitlements.plist.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTITLEMENTS = ROOT / "packaging" / "macos" / "entitlements.plist"
#: Mach-O magic numbers (thin 32/64-bit either byte order, and universal "fat" binaries).
MACHO_MAGIC = {
    bytes.fromhex(m) for m in ("feedface", "cefaedfe", "feedfacf", "cffaedfe", "cafebabe")
}


def is_macho(path: Path) -> bool:
    """Whether ``path`` is a Mach-O file (executable, dylib, .so or universal binary)."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in MACHO_MAGIC
    except OSError:
        return False


def signing_order(app: Path) -> list[Path]:
    """The files to sign inside ``app``: nested code deepest first, the app itself last.

    Frameworks (``*.framework``) are signed as bundles after their contents.
    """
    files = [p for p in app.rglob("*") if p.is_file() and not p.is_symlink() and is_macho(p)]
    bundles = [p for p in app.rglob("*.framework") if p.is_dir() and not p.is_symlink()]
    nested = sorted([*files, *bundles], key=lambda p: (-len(p.relative_to(app).parts), str(p)))
    return [*nested, app]


def codesign_command(
    path: Path, identity: str, *, entitlements: Path | None = ENTITLEMENTS
) -> list[str]:
    """``codesign`` for one file or bundle: hardened runtime, time stamp, replace old ones."""
    command = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    if entitlements is not None:
        command += ["--entitlements", str(entitlements)]
    return [*command, str(path)]


def commands(app: Path, identity: str) -> list[list[str]]:
    """Every codesign call, in order; entitlements on the main program and the app only."""
    main_program = app / "Contents" / "MacOS"
    out = []
    for path in signing_order(app):
        wants = path == app or path.parent == main_program
        out.append(codesign_command(path, identity, entitlements=ENTITLEMENTS if wants else None))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path)
    parser.add_argument("identity")
    parser.add_argument("--dry-run", action="store_true", help="print the commands only")
    args = parser.parse_args(argv)
    for command in commands(args.app, args.identity):
        print("+", " ".join(command), flush=True)
        if not args.dry_run:
            subprocess.run(command, check=True)
    if not args.dry_run:
        subprocess.run(["codesign", "--verify", "--strict", "--deep", str(args.app)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
