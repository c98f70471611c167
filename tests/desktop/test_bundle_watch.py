"""The running program's file, watched for an upgrade that replaces it under the running bar
(a .deb installed by apt while AgentBar runs): desktop/bundle_watch.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agentbar.desktop.bundle_watch import BundleWatcher, program_identity, watched_program

FAST = 20  # ms between checks


def test_only_a_frozen_build_outside_windows_is_watched() -> None:
    program = "/opt/agentbar/agentbar"
    assert watched_program(frozen=True, executable=program, platform="linux") == program
    assert watched_program(frozen=True, executable=program, platform="darwin") == program
    assert watched_program(frozen=False, executable=program, platform="linux") is None
    assert watched_program(frozen=True, executable=program, platform="win32") is None
    assert watched_program(frozen=True, executable="", platform="linux") is None


def _program(tmp_path: Path) -> Path:
    program = tmp_path / "agentbar"
    program.write_bytes(b"old bundle")
    return program


def test_the_identity_changes_with_a_new_inode_and_is_none_when_gone(tmp_path: Path) -> None:
    program = _program(tmp_path)
    before = program_identity(str(program))
    assert before is not None and before == program_identity(str(program))
    new = tmp_path / "agentbar.dpkg-new"
    new.write_bytes(b"old bundle")  # the same size and content, another file
    os.replace(new, program)
    after = program_identity(str(program))
    assert after is not None and after.inode != before.inode
    program.unlink()
    assert program_identity(str(program)) is None


def test_a_program_replaced_as_dpkg_does_is_reported_once(qtbot, tmp_path: Path) -> None:
    program = _program(tmp_path)
    watcher = BundleWatcher(str(program), interval_ms=FAST)
    assert watcher.start()
    with qtbot.assertNotEmitted(watcher.replaced, wait=5 * FAST):
        pass  # unchanged: nothing said
    new = tmp_path / "agentbar.dpkg-new"
    new.write_bytes(b"new bundle")
    with qtbot.waitSignal(watcher.replaced, timeout=5000):
        os.replace(new, program)
    assert not watcher.watching  # said once
    with qtbot.assertNotEmitted(watcher.replaced, wait=5 * FAST):
        program.write_bytes(b"newer bundle")


def test_a_removed_program_is_reported(qtbot, tmp_path: Path) -> None:
    program = _program(tmp_path)
    watcher = BundleWatcher(str(program), interval_ms=FAST)
    assert watcher.start()
    with qtbot.waitSignal(watcher.replaced, timeout=5000):
        program.unlink()


def test_a_change_is_reported_once_it_holds_for_two_checks() -> None:
    """A package manager replaces many files in a row: the change must hold before the bar
    restarts from it. The checks are driven by hand here (stat injected)."""
    identities = iter([1, 2, 3, 3])

    def fake_stat(path: str) -> os.stat_result:
        value = next(identities)
        return os.stat_result((0o100755, value, 1, 1, 0, 0, 10, 0, 0, 0))

    watcher = BundleWatcher("/opt/agentbar/agentbar", stat=fake_stat)
    reported: list[bool] = []
    watcher.replaced.connect(lambda: reported.append(True))
    assert watcher.start()  # inode 1
    watcher._check()  # inode 2: a first change
    assert not reported
    watcher._check()  # inode 3: changed again, not settled
    assert not reported
    watcher._check()  # inode 3 again: settled
    assert reported == [True]
    watcher.stop()


def test_an_unreadable_program_is_not_watched(tmp_path: Path) -> None:
    watcher = BundleWatcher(str(tmp_path / "missing"), interval_ms=FAST)
    assert not watcher.start()
    assert not watcher.watching


@pytest.fixture(autouse=True)
def _qt(qapp):  # QTimer needs the application
    return qapp
