"""``agentbar --self-test``: a line per check, exit 0/1, no server, no display, a few seconds."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from agentbar.core.credentials import describe_keyring
from agentbar.desktop import selftest
from tests.core.conftest import MemoryKeyring, make_backend
from tests.desktop.conftest import REPO, agentbar_argv, agentbar_env

LINE = re.compile(r"^(ok|warn|FAIL): ([^:]+): (.+)$")


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], None]]:
    """Install a keyring backend for one test; the previous one comes back afterwards."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _checks(stdout: str) -> dict[str, tuple[str, str]]:
    found = {}
    for line in stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not a check line: {line!r}"
        found[match[2]] = (match[1], match[3])
    return found


def test_self_test_passes_offscreen_without_a_server(tmp_path: Path) -> None:
    done = subprocess.run(
        agentbar_argv("--self-test"),
        cwd=tmp_path,  # not the repository: resources must be found from the package
        env=agentbar_env(AGENTBAR_API_KEY=""),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    checks = _checks(done.stdout)
    for name in (
        "version",
        "imports",
        "phone numbers",
        "keyring",
        "keyring round trip",
        "api key",
        "qt platform",
        "fonts",
        "icon",
        "translations",
        "audio sample-gsm.WAV",
        "audio sample-pcm.wav",
        "audio sample.mp3",
        "self-test",
    ):
        assert name in checks, f"no {name!r} line in:\n{done.stdout}"
    assert not [name for name, (status, _) in checks.items() if status == "FAIL"]
    assert checks["phone numbers"] == ("ok", "tel:+90 532 123 45 67 -> 05321234567")
    assert checks["audio sample-gsm.WAV"][0] == "ok"
    assert "decoded 4.3 s at 8000 Hz" in checks["audio sample-gsm.WAV"][1]
    assert checks["audio sample-pcm.wav"][0] == "ok"
    assert checks["fonts"][0] == "ok"
    assert list(checks)[-1] == "self-test"
    assert checks["self-test"][0] == "ok"


def test_self_test_runs_before_settings_logging_and_gui(tmp_path: Path) -> None:
    """It creates none of the user's folders (no settings, state, logs): it runs anywhere."""
    home = tmp_path / "home"
    home.mkdir()
    env = agentbar_env(HOME=str(home), XDG_CONFIG_HOME="", XDG_STATE_HOME="", XDG_CACHE_HOME="")
    done = subprocess.run(
        agentbar_argv("--self-test"), cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p for p in home.rglob("*") if "agentbar" in p.name.lower()] == []


def test_a_failed_check_prints_fail_and_returns_1(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "AUDIO_SAMPLES", ("sample-gsm.WAV", "no-such-sample.wav"))
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    checks = _checks(out.getvalue())
    assert checks["audio sample-gsm.WAV"][0] == "ok"
    assert checks["audio no-such-sample.wav"][0] == "FAIL"
    assert checks["self-test"][0] == "FAIL"
    assert "1 failed" in checks["self-test"][1]


def test_a_check_that_raises_is_a_failure_not_a_crash(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> selftest.Result:
        raise ImportError("No module named 'phonenumbers.data.region_TR'")

    monkeypatch.setattr(selftest, "_check_phone", broken)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    status, detail = _checks(out.getvalue())["phone numbers"]
    assert status == "FAIL"
    assert "ImportError" in detail


def test_keyring_check_names_a_usable_backend(
    use_keyring: Callable[[KeyringBackend], None],
) -> None:
    use_keyring(MemoryKeyring())
    usable, detail = describe_keyring()
    assert usable
    assert detail.endswith("MemoryKeyring")
    result = selftest._check_keyring()
    assert result.status == "ok"


def test_no_keyring_is_a_warning(use_keyring: Callable[[KeyringBackend], None]) -> None:
    from keyring.backends import fail

    use_keyring(make_backend(fail.Keyring))
    usable, detail = describe_keyring()
    assert not usable
    assert "No system keyring" in detail
    result = selftest._check_keyring()
    assert result.status == "warn"
    assert "SecretService" in result.detail  # the backends are known: the metadata is there


# -- fonts, the keyring round trip, where the key comes from -------------------------------------


def test_fonts_draw_turkish_letters(qapp: Any) -> None:
    result = selftest._check_fonts()
    assert result.status == "ok", result.detail
    assert "ğüşıöçİĞÜŞÖÇ drawn with" in result.detail
    font = qapp.font()
    assert selftest._draws_as_box(font, "\U0010fffd")  # the reference box itself
    assert not any(selftest._draws_as_box(font, c) for c in "ğİş")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_a_system_without_fonts_fails_the_self_test(tmp_path: Path) -> None:
    """A minimal system passed the self-test while every label was empty boxes."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    done = subprocess.run(
        agentbar_argv("--self-test"),
        cwd=tmp_path,
        env=agentbar_env(FONTCONFIG_FILE=str(conf), AGENTBAR_API_KEY=""),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout
    status, detail = _checks(done.stdout)["fonts"]
    assert status == "FAIL"
    assert "ğüşıöçİĞÜŞÖÇ" in detail


def test_keyring_round_trip_check(use_keyring: Callable[[KeyringBackend], None]) -> None:
    from keyring.backends import fail

    ring = MemoryKeyring()
    use_keyring(ring)
    result = selftest._check_keyring_round_trip()
    assert result.status == "ok", result.detail
    assert "stored, read back and deleted" in result.detail
    assert ring.passwords == {} and len(ring.threads) >= 3
    use_keyring(make_backend(fail.Keyring))
    assert selftest._check_keyring_round_trip().status == "warn"


@pytest.mark.parametrize("where", ["command", "environment"])
def test_the_self_test_says_where_the_key_comes_from_never_the_key(
    tmp_path: Path, where: str
) -> None:
    key = "Fleet-Key-Not-To-Show-31337"
    defaults = tmp_path / "machine" / "defaults.json"
    defaults.parent.mkdir()
    command = [sys.executable, "-c", f"print({key!r})"]
    defaults.write_text(json.dumps({"api_key_command": command}), encoding="utf-8")
    done = subprocess.run(
        agentbar_argv("--self-test"),
        cwd=tmp_path,
        env=agentbar_env(
            AGENTBAR_MACHINE_DEFAULTS=str(defaults),
            AGENTBAR_API_KEY=key if where == "environment" else "",
            XDG_CONFIG_HOME=str(tmp_path / "config"),
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert key not in done.stdout + done.stderr
    status, detail = _checks(done.stdout)["api key"]
    assert status == "ok"
    if where == "command":
        assert detail == f"from api_key_command ({Path(sys.executable).name})"
    else:
        assert "AGENTBAR_API_KEY" in detail
