"""Tests for core.settings: defaults, layering, damage recovery, atomic saves, validation."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from agentbar.core import settings as settings_module
from agentbar.core.paths import Paths
from agentbar.core.settings import (
    RECENT_MAX,
    Settings,
    is_cleartext,
    load_settings,
    save_settings,
    validate_agent,
    validate_extension,
    validate_server_url,
    with_recent_number,
    with_recent_transfer_target,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.under(tmp_path)


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_schema_and_loader_cover_the_same_fields() -> None:
    names = {f.name for f in dataclasses.fields(Settings)}
    assert names == set(settings_module._FIELDS)


def test_defaults_on_first_run(paths: Paths) -> None:
    loaded = load_settings(paths)
    assert loaded.first_run
    assert loaded.messages == ()
    s = loaded.settings
    assert s == Settings()
    assert (s.server_url, s.agent, s.extension, s.wire) == ("", "", "", "json")
    assert (s.poll_interval_s, s.region, s.dial_format) == (2.0, "TR", "national")
    assert s.confirm_before_dial is False
    assert dict(s.break_budgets_min) == {}
    assert dict(s.toolbar_positions) == {}
    assert (s.recent_numbers, s.recent_transfer_targets) == ((), ())
    assert (s.language, s.screen_pop_url, s.recordings_cache_mb) == ("system", "", 500)
    assert (s.notifications, s.log_level) == (True, "INFO")
    assert not paths.settings_file.exists()  # loading never writes


def test_settings_are_immutable() -> None:
    budgets = {"1": 15}
    s = Settings(break_budgets_min=budgets, recent_numbers=["1", "2"])  # type: ignore[arg-type]
    budgets["1"] = 99
    assert s.break_budgets_min["1"] == 15
    assert isinstance(s.break_budgets_min, MappingProxyType)
    assert s.recent_numbers == ("1", "2")
    with pytest.raises(AttributeError):
        s.agent = "1001"  # type: ignore[misc]
    with pytest.raises(TypeError):
        s.break_budgets_min["2"] = 5  # type: ignore[index]


def test_replace_clamps_the_poll_interval() -> None:
    s = Settings()
    assert s.replace(poll_interval_s=0.01).poll_interval_s == 0.5
    assert s.replace(poll_interval_s=600).poll_interval_s == 60.0
    assert s.replace(agent="1001").agent == "1001"
    assert s.agent == ""


def test_machine_defaults_then_user_file(paths: Paths) -> None:
    write_json(
        paths.machine_defaults_file,
        {"server_url": "https://pbx.corp", "region": "de", "wire": "xml", "poll_interval_s": 5},
    )
    write_json(paths.settings_file, {"wire": "json", "agent": "1001"})
    loaded = load_settings(paths)
    assert loaded.messages == ()
    assert not loaded.first_run
    s = loaded.settings
    assert s.server_url == "https://pbx.corp"  # machine
    assert s.region == "DE"  # machine, normalised
    assert s.wire == "json"  # the user wins
    assert s.agent == "1001"  # user
    assert s.poll_interval_s == 5.0
    assert s.language == "system"  # default


def test_first_run_is_true_even_with_machine_defaults(paths: Paths) -> None:
    write_json(paths.machine_defaults_file, {"server_url": "https://pbx.corp"})
    loaded = load_settings(paths)
    assert loaded.first_run
    assert loaded.settings.server_url == "https://pbx.corp"


def test_machine_defaults_with_a_byte_order_mark(paths: Paths) -> None:
    paths.machine_defaults_file.parent.mkdir(parents=True)
    paths.machine_defaults_file.write_bytes(b'\xef\xbb\xbf{"agent": "42"}')
    assert load_settings(paths).settings.agent == "42"


def test_unknown_keys_are_ignored_quietly(paths: Paths) -> None:
    write_json(paths.settings_file, {"agent": "1001", "from_the_future": [1, 2], "theme": "dark"})
    loaded = load_settings(paths)
    assert loaded.settings.agent == "1001"
    assert loaded.messages == ()


def test_wrong_types_are_dropped_one_by_one(paths: Paths) -> None:
    write_json(
        paths.settings_file,
        {
            "agent": 1001,
            "extension": "2002",
            "wire": "yaml",
            "poll_interval_s": "fast",
            "confirm_before_dial": "yes",
            "notifications": False,
            "recordings_cache_mb": -1,
            "language": "tr",
            "break_budgets_min": {"1": 15, "2": "ten", "3": True},
            "toolbar_positions": {"HDMI-1": [10, 20], "DP-2": [1], "eDP-1": "0,0"},
            "recent_numbers": ["555", 42, "555", "", "556"],
            "log_level": "debug",
            "region": "Turkey",
        },
    )
    loaded = load_settings(paths)
    s = loaded.settings
    # Good values survive next to bad ones.
    assert s.extension == "2002"
    assert s.notifications is False
    assert s.language == "tr"
    assert s.log_level == "DEBUG"
    assert dict(s.break_budgets_min) == {"1": 15}
    assert dict(s.toolbar_positions) == {"HDMI-1": (10, 20)}
    assert s.recent_numbers == ("555", "556")
    # Bad values fall back to defaults.
    assert s.agent == ""
    assert s.wire == "json"
    assert s.poll_interval_s == 2.0
    assert s.confirm_before_dial is False
    assert s.recordings_cache_mb == 500
    assert s.region == "TR"
    text = "\n".join(loaded.messages)
    for name in ("agent", "wire", "poll_interval_s", "confirm_before_dial", "recordings_cache_mb"):
        assert f'ignored "{name}"' in text
    assert 'break "2"' in text and 'break "3"' in text
    assert 'screen "DP-2"' in text and 'screen "eDP-1"' in text
    assert 'ignored "region"' in text
    assert len(loaded.messages) == 10
    assert not any(paths.config_dir.glob("*.corrupt-*"))  # a bad value is not a bad file


@pytest.mark.parametrize(("raw", "used"), [(0.1, 0.5), (10**400, 60.0), (-5, 0.5)])
def test_out_of_range_poll_interval_is_clamped_with_a_message(
    paths: Paths, raw: float, used: float
) -> None:
    write_json(paths.settings_file, {"poll_interval_s": raw})
    loaded = load_settings(paths)
    assert loaded.settings.poll_interval_s == used
    assert len(loaded.messages) == 1
    assert "poll_interval_s" in loaded.messages[0]


def test_non_finite_poll_interval_is_dropped(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text('{"poll_interval_s": NaN, "agent": "1001"}', encoding="utf-8")
    loaded = load_settings(paths)
    assert loaded.settings.poll_interval_s == 2.0
    assert loaded.settings.agent == "1001"
    assert len(loaded.messages) == 1


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"", b'["a list"]', b"\xff\xfe\x00garbage", b'{"agent": "1001"'],
    ids=["invalid", "empty", "not-object", "not-utf8", "truncated"],
)
def test_corrupt_user_file_is_kept_aside(paths: Paths, raw: bytes) -> None:
    write_json(paths.machine_defaults_file, {"server_url": "https://pbx.corp"})
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_bytes(raw)
    loaded = load_settings(paths)
    assert loaded.settings == Settings(server_url="https://pbx.corp")
    assert not loaded.first_run
    assert not paths.settings_file.exists()
    backups = list(paths.config_dir.glob("settings.json.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == raw
    assert len(backups[0].name) == len("settings.json.corrupt-YYYYMMDD-HHMMSS")
    assert len(loaded.messages) == 1
    assert "was damaged" in loaded.messages[0]
    assert str(backups[0]) in loaded.messages[0]
    assert "default settings" in loaded.messages[0]


def test_two_corrupt_files_in_one_second_keep_both_backups(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    for raw in (b"first", b"second"):
        paths.settings_file.write_bytes(raw)
        load_settings(paths)
    backups = sorted(p.read_bytes() for p in paths.config_dir.glob("settings.json.corrupt-*"))
    assert backups == [b"first", b"second"]


def test_corrupt_machine_defaults_are_reported_not_moved(paths: Paths) -> None:
    paths.machine_defaults_file.parent.mkdir(parents=True)
    paths.machine_defaults_file.write_bytes(b"{oops")
    write_json(paths.settings_file, {"agent": "1001"})
    loaded = load_settings(paths)
    assert loaded.settings.agent == "1001"
    assert len(loaded.messages) == 1
    assert "Machine-wide defaults" in loaded.messages[0]
    assert paths.machine_defaults_file.read_bytes() == b"{oops"


@pytest.mark.parametrize("name", ["api_key", "apiKey", "API-KEY", "key", "password", "token"])
def test_secrets_in_files_are_ignored_and_never_written_back(paths: Paths, name: str) -> None:
    secret = "s3cr3t-0123456789"
    write_json(paths.settings_file, {name: secret, "agent": "1001"})
    write_json(paths.machine_defaults_file, {"apikey": secret})
    loaded = load_settings(paths)
    assert loaded.settings.agent == "1001"
    assert len(loaded.messages) == 2
    for message in loaded.messages:
        assert "keyring" in message
        assert secret not in message
    save_settings(paths, loaded.settings)
    written = paths.settings_file.read_text(encoding="utf-8")
    assert secret not in written
    assert json.loads(written) == {"agent": "1001"}


def test_save_is_atomic_private_and_readable(paths: Paths) -> None:
    s = Settings(agent="1001", toolbar_positions={"HDMI-1": (3, 4)}, recent_numbers=("5551234",))
    save_settings(paths, s)
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.json"]  # no temp files
    if os.name == "posix":
        assert stat.S_IMODE(paths.settings_file.stat().st_mode) == 0o600
    text = paths.settings_file.read_text(encoding="utf-8")
    assert text.endswith("\n")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["toolbar_positions"] == {"HDMI-1": [3, 4]}
    assert text == json.dumps(data, indent=2, sort_keys=True) + "\n"


def test_save_replaces_and_leaves_the_old_file_when_writing_fails(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(paths, Settings(agent="1001"))

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(paths, Settings(agent="2002"))
    monkeypatch.undo()
    assert load_settings(paths).settings.agent == "1001"
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.json"]


def test_round_trip(paths: Paths) -> None:
    s = Settings(
        server_url="https://pbx.example.com",
        agent="1001",
        extension="2002",
        wire="xml",
        poll_interval_s=3.5,
        region="GB",
        dial_format="e164",
        confirm_before_dial=True,
        break_budgets_min={"1": 15, "lunch": 45},
        screen_pop_url="https://crm.example.com/?phone={phone}",
        language="tr",
        toolbar_positions={"HDMI-1": (10, -20)},
        recent_numbers=("05551234567", "+905321112233"),
        recent_transfer_targets=("1002",),
        recordings_cache_mb=100,
        notifications=False,
        log_level="DEBUG",
    )
    save_settings(paths, s)
    loaded = load_settings(paths)
    assert loaded.messages == ()
    assert loaded.settings == s


def test_save_keeps_fleet_defaults_out_of_the_user_file(paths: Paths) -> None:
    write_json(paths.machine_defaults_file, {"server_url": "https://old.corp"})
    s = load_settings(paths).settings.replace(agent="1001")
    save_settings(paths, s)
    assert json.loads(paths.settings_file.read_text(encoding="utf-8")) == {"agent": "1001"}
    write_json(paths.machine_defaults_file, {"server_url": "https://new.corp"})
    assert load_settings(paths).settings.server_url == "https://new.corp"


def test_recent_numbers_are_deduplicated_and_capped() -> None:
    s = Settings()
    for n in range(25):
        s = with_recent_number(s, f"555{n:04d}")
    assert len(s.recent_numbers) == RECENT_MAX == 20
    assert s.recent_numbers[0] == "5550024"
    s = with_recent_number(s, " 5550010 ")
    assert s.recent_numbers[0] == "5550010"
    assert s.recent_numbers.count("5550010") == 1
    assert len(s.recent_numbers) == 20
    assert with_recent_number(s, "  ") == s
    s = with_recent_transfer_target(with_recent_transfer_target(Settings(), "1002"), "1003")
    assert with_recent_transfer_target(s, "1002").recent_transfer_targets == ("1002", "1003")


def test_recent_numbers_in_the_file_are_capped(paths: Paths) -> None:
    write_json(paths.settings_file, {"recent_numbers": [str(n) for n in range(30)]})
    assert load_settings(paths).settings.recent_numbers == tuple(str(n) for n in range(20))


@pytest.mark.parametrize(
    "url",
    [
        "https://pbx.example.com",
        "http://10.0.0.5:8080/api",
        "https://[2001:db8::1]/",
        " https://pbx.example.com/ ",
    ],
)
def test_valid_server_urls(url: str) -> None:
    assert validate_server_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "",
        "pbx.example.com",
        "ftp://pbx.example.com",
        "https://",
        "https://pbx.example.com:99999",
        "https://user:pw@pbx.example.com",
        "https://pbx.example.com/?apikey=1",
        "https://pbx example.com",
        "http://[::1",
    ],
)
def test_invalid_server_urls(url: str) -> None:
    error = validate_server_url(url)
    assert isinstance(error, str) and error


def test_is_cleartext() -> None:
    assert is_cleartext("http://pbx.example.com")
    assert is_cleartext("HTTP://10.0.0.5")
    assert not is_cleartext("https://pbx.example.com")
    assert not is_cleartext("http://127.0.0.1:8080")
    assert not is_cleartext("http://localhost:8080")
    assert not is_cleartext("http://[::1]:8080")


@pytest.mark.parametrize("value", ["10", "1001", "123456"])
def test_valid_agent_and_extension(value: str) -> None:
    assert validate_agent(value) is None
    assert validate_extension(value) is None


@pytest.mark.parametrize("value", ["", "1", "1234567", "10a1", " 1001", "١٠٠١", "+1001"])
def test_invalid_agent_and_extension(value: str) -> None:
    assert validate_agent(value)
    assert validate_extension(value)


# -- fleet: every XDG directory, policy.json, the OS policy stores ------------------------------


def _xdg_paths(tmp_path: Path, *dirs: Path) -> Paths:
    base = Paths.under(tmp_path / "user")
    files = tuple(d / "agentbar" / "defaults.json" for d in dirs)
    return dataclasses.replace(base, machine_defaults_file=files[0], machine_defaults_all=files)


def test_every_xdg_directory_is_read_earlier_entries_winning(tmp_path: Path) -> None:
    ubuntu, etc = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    paths = _xdg_paths(tmp_path, ubuntu, etc)
    # Only the second entry (Ubuntu's /etc/xdg after /etc/xdg/xdg-ubuntu) holds a file.
    write_json(etc / "agentbar" / "defaults.json", {"server_url": "https://pbx.corp", "agent": "7"})
    assert load_settings(paths).settings.server_url == "https://pbx.corp"
    write_json(ubuntu / "agentbar" / "defaults.json", {"agent": "42"})
    s = load_settings(paths).settings
    assert (s.server_url, s.agent) == ("https://pbx.corp", "42")
    write_json(etc / "agentbar" / "policy.json", {"wire": "xml", "region": "DE"})
    write_json(ubuntu / "agentbar" / "policy.json", {"region": "NL"})
    loaded = load_settings(paths)
    assert (loaded.settings.wire, loaded.settings.region) == ("xml", "NL")
    assert loaded.locked == {"wire", "region"}


def test_policy_wins_over_the_user_file_and_is_never_saved(paths: Paths) -> None:
    policy = paths.machine_defaults_file.with_name("policy.json")
    write_json(paths.machine_defaults_file, {"server_url": "https://default.corp"})
    write_json(policy, {"server_url": "https://pbx.corp", "notifications": False})
    write_json(paths.settings_file, {"server_url": "https://mine.example", "agent": "1001"})
    loaded = load_settings(paths)
    assert loaded.settings.server_url == "https://pbx.corp"
    assert loaded.settings.notifications is False
    assert loaded.settings.agent == "1001"
    assert loaded.locked == {"server_url", "notifications"}
    save_settings(paths, loaded.settings.replace(agent="2002"))
    written = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert written == {"agent": "2002"}  # the policy's values stay the administrator's
    policy.unlink()
    lifted = load_settings(paths)
    assert lifted.settings.server_url == "https://default.corp"
    assert lifted.locked == frozenset()


def test_a_bad_policy_value_is_reported_and_the_user_value_kept(paths: Paths) -> None:
    write_json(paths.machine_defaults_file.with_name("policy.json"), {"wire": "soap"})
    write_json(paths.settings_file, {"wire": "xml"})
    loaded = load_settings(paths)
    assert loaded.settings.wire == "xml"
    assert loaded.locked == frozenset()
    assert any("policy" in m and '"wire"' in m for m in loaded.messages)


def test_api_key_command_and_ca_file_are_settings(paths: Paths) -> None:
    command = ["cat", "/etc/agentbar/api-key"]
    write_json(paths.machine_defaults_file, {"api_key_command": command, "ca_file": "/etc/ca.pem"})
    loaded = load_settings(paths)
    assert loaded.messages == ()
    assert loaded.settings.api_key_command == ("cat", "/etc/agentbar/api-key")
    assert loaded.settings.ca_file == "/etc/ca.pem"
    write_json(paths.settings_file, {"api_key_command": "cat /etc/key"})
    loaded = load_settings(paths)
    assert loaded.settings.api_key_command == tuple(command)  # a shell line is refused
    assert any("api_key_command" in m for m in loaded.messages)


def test_os_policy_is_read_unless_under_basedir(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[dict[str, object]] = []

    def sources(defaults: dict[str, object], out: list[str]) -> list[tuple[str, dict[str, Any]]]:
        seen.append(defaults)
        return [("Group Policy (HKLM)", {"wire": "xml"}), ("Group Policy (HKCU)", {"wire": "json"})]

    monkeypatch.setattr(settings_module, "os_policy_sources", sources)
    assert load_settings(paths).settings.wire == "json"  # --basedir: isolated
    assert seen == []
    loaded = load_settings(dataclasses.replace(paths, os_policy=True))
    assert loaded.settings.wire == "xml"  # the first source (HKLM) wins
    assert loaded.locked == {"wire"}
    assert seen[0]["notifications"] is True  # the defaults decide how values convert
