"""The installers workflow (.github/workflows/installers.yml): linted by actionlint, and it
runs every step issue 16 asks of each system (build, frozen self-test, silent install,
installed self-test, silent uninstall, nothing left, artifacts, signing behind secrets)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def _actionlint() -> str | None:
    """actionlint from the test extra (a wheel that carries the binary) or on PATH."""
    beside = Path(sys.executable).parent / (
        "actionlint.exe" if sys.platform == "win32" else "actionlint"
    )
    return str(beside) if beside.exists() else shutil.which("actionlint")


def test_actionlint_passes_on_every_workflow() -> None:
    tool = _actionlint()
    if tool is None:
        pytest.fail("actionlint is missing: pip install -e '.[test]' brings it")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert WORKFLOW in workflows
    done = subprocess.run(
        [tool, "-no-color", *map(str, workflows)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The check can fail: a job with a typo'd key and an unknown runner is refused."""
    tool = _actionlint()
    if tool is None:
        pytest.fail("actionlint is missing: pip install -e '.[test]' brings it")
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        WORKFLOW.read_text()
        .replace("runs-on: ubuntu-22.04", "runs-on: ubuntu-18.04", 1)
        .replace("timeout-minutes: 45", "timeout-minute: 45", 1)
    )
    done = subprocess.run([tool, "-no-color", str(broken)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, check=False)  # fmt: skip
    assert done.returncode != 0
    assert "ubuntu-18.04" in done.stdout and "timeout-minute" in done.stdout


def _jobs() -> dict[str, str]:
    text = WORKFLOW.read_text()
    body = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  (\w+):\n", body, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_one_job_per_system_on_the_oldest_supported_linux() -> None:
    jobs = _jobs()
    assert set(jobs) == {"linux", "windows", "macos"}
    assert "runs-on: ubuntu-22.04" in jobs["linux"]  # glibc 2.35: the .deb installs on 22.04
    assert "runs-on: windows-" in jobs["windows"]
    assert "arch: arm64" in jobs["macos"] and "arch: x86_64" in jobs["macos"]


@pytest.mark.parametrize("job", ["linux", "windows", "macos"])
def test_each_job_builds_self_tests_installs_uninstalls_and_uploads(job: str) -> None:
    text = _jobs()[job]
    assert "python build_installer.py" in text
    assert "--self-test" in text
    assert f"packaging/ci/check_install.py installed {job}" in text
    assert f"packaging/ci/check_install.py removed {job}" in text
    assert "actions/upload-artifact@v4" in text
    for script in re.findall(r"python (packaging/ci/\w+\.py)", text):
        assert (ROOT / script).exists(), script


def test_signing_runs_only_when_its_secrets_exist() -> None:
    jobs = _jobs()
    assert "HAS_SIGNING: ${{ secrets.WINDOWS_CERT_PFX_BASE64 != '' }}" in jobs["windows"]
    assert "HAS_SIGNING: ${{ secrets.MACOS_CERT_P12_BASE64 != '' }}" in jobs["macos"]
    for job in ("windows", "macos"):
        steps = jobs[job].split("      - ")
        for step in steps:
            if "signtool" in step or "macos_sign.py" in step or "notarytool" in step:
                assert "if: env.HAS_SIGNING == 'true'" in step, step[:80]
    assert "signtool" in jobs["windows"]
    macos = jobs["macos"]
    assert "macos_sign.py" in macos and "notarytool submit" in macos and "stapler staple" in macos
    assert "--wix wix" in jobs["windows"] and "msiexec" in jobs["windows"]
    assert "/ALLUSERS" in jobs["windows"] and "unins000.exe" in jobs["windows"]
    assert "lintian --fail-on error,warning" in jobs["linux"]
    assert "apt-get purge -y agentbar" in jobs["linux"]
