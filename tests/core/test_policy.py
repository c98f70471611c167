"""Tests for core.policy: Group Policy registry values and macOS managed preferences."""

from __future__ import annotations

import dataclasses
import plistlib
from pathlib import Path

import pytest

from agentbar.core.policy import (
    REG_DWORD,
    REG_MULTI_SZ,
    REG_SZ,
    RegistryKey,
    from_registry,
    os_policy_sources,
    read_managed_preferences,
)
from agentbar.core.settings import Settings

DEFAULTS = {f.name: getattr(Settings(), f.name) for f in dataclasses.fields(Settings)}


def test_registry_values_convert_by_the_settings_types() -> None:
    values = {
        "server_url": ("https://pbx.corp/api/", REG_SZ),
        "notifications": (0, REG_DWORD),
        "confirm_before_dial": ("true", REG_SZ),
        "poll_interval_s": (5, REG_DWORD),
        "recordings_cache_mb": ("250", REG_SZ),
        "api_key_command": (["C:\\Tools\\vault.exe", "read", "agentbar"], REG_MULTI_SZ),
        "ca_file": ("C:\\CA\\corp.pem", REG_SZ),
        "unknown": ("x", REG_SZ),
    }
    subkeys = {"break_budgets_min": {"1": (15, REG_DWORD), "2": ("45", REG_SZ)}}
    got = from_registry((values, subkeys), DEFAULTS)
    assert got == {
        "server_url": "https://pbx.corp/api/",
        "notifications": False,
        "confirm_before_dial": True,
        "poll_interval_s": 5,
        "recordings_cache_mb": 250,
        "api_key_command": ["C:\\Tools\\vault.exe", "read", "agentbar"],
        "ca_file": "C:\\CA\\corp.pem",
        "break_budgets_min": {"1": 15, "2": 45},
    }
    text_command = from_registry(({"api_key_command": ('["a", "b"]', REG_SZ)}, {}), DEFAULTS)
    assert text_command == {"api_key_command": ["a", "b"]}
    # A wrong kind passes through for the settings loader to refuse with a message.
    assert from_registry(({"notifications": ("maybe", REG_SZ)}, {}), DEFAULTS) == {
        "notifications": "maybe"
    }


def test_windows_reads_hklm_then_hkcu_through_the_reader() -> None:
    keys: dict[str, RegistryKey | None] = {
        "HKLM": ({"wire": ("xml", REG_SZ)}, {}),
        "HKCU": ({"wire": ("json", REG_SZ), "notifications": (1, REG_DWORD)}, {}),
    }
    out: list[str] = []
    sources = os_policy_sources(DEFAULTS, out, platform="win32", registry_reader=keys.get)
    assert [label for label, _ in sources] == [
        "Group Policy (HKLM\\Software\\Policies\\AgentBar)",
        "Group Policy (HKCU\\Software\\Policies\\AgentBar)",
    ]
    assert sources[0][1] == {"wire": "xml"}
    assert sources[1][1] == {"wire": "json", "notifications": True}

    def denied(hive: str) -> None:
        raise PermissionError(5, "Access is denied")

    assert os_policy_sources(DEFAULTS, out, platform="win32", registry_reader=denied) == []
    assert len(out) == 2 and "could not be read" in out[0]


def test_no_os_policy_on_linux(tmp_path: Path) -> None:
    assert os_policy_sources(DEFAULTS, [], platform="linux", managed_root=tmp_path) == []


def test_macos_managed_preferences_user_first(tmp_path: Path) -> None:
    (tmp_path / "ayse").mkdir()
    with (tmp_path / "com.agentbar.AgentBar.plist").open("wb") as fh:
        plistlib.dump({"server_url": "https://pbx.corp", "notifications": False}, fh)
    with (tmp_path / "ayse" / "com.agentbar.AgentBar.plist").open("wb") as fh:
        user = {"language": "tr", "api_key_command": ["/usr/bin/true"]}
        plistlib.dump(user, fh, fmt=plistlib.FMT_BINARY)
    out: list[str] = []
    sources = os_policy_sources(
        DEFAULTS, out, platform="darwin", managed_root=tmp_path, user="ayse"
    )
    assert [data for _, data in sources] == [
        {"language": "tr", "api_key_command": ["/usr/bin/true"]},
        {"server_url": "https://pbx.corp", "notifications": False},
    ]
    assert "ayse" in sources[0][0]
    assert out == []


@pytest.mark.parametrize("raw", [b"not a plist", plistlib.dumps(["a", "list"])])
def test_a_damaged_managed_preference_is_a_note(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / "com.agentbar.AgentBar.plist").write_bytes(raw)
    out: list[str] = []
    assert read_managed_preferences(tmp_path, None, out) == []
    assert len(out) == 1 and "were not used" in out[0]
