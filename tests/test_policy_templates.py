"""The Group Policy template (packaging/windows/policy): every policy maps to a setting, every
text is in both languages, and what Group Policy writes loads as locked settings."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from agentbar.core import settings as settings_module
from agentbar.core.paths import Paths
from agentbar.core.policy import (
    REG_DWORD,
    REG_MULTI_SZ,
    REG_SZ,
    REGISTRY_KEY,
    RegistryKey,
    os_policy_sources,
)
from agentbar.core.settings import Settings, load_settings

POLICY = Path(__file__).resolve().parent.parent / "packaging" / "windows" / "policy"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
LANGUAGES = ("en-US", "tr-TR")
FIELDS = {f.name for f in dataclasses.fields(Settings)}
# Only the user's own values (numbers, positions, history) have no policy.
NOT_POLICIES = {
    "agent",
    "extension",
    "toolbar_positions",
    "recent_numbers",
    "recent_transfer_targets",
}


def _admx() -> ET.Element:
    return ET.parse(POLICY / "AgentBar.admx").getroot()


def _policies() -> list[ET.Element]:
    return _admx().findall("p:policies/p:policy", NS)


def _value_names(policy: ET.Element) -> list[str]:
    names = [policy.get("valueName", "")] if policy.get("valueName") else []
    for element in policy.iterfind("p:elements/*", NS):
        if element.get("valueName"):
            names.append(element.get("valueName", ""))
        if element.get("key"):
            names.append(element.get("key", "").rsplit("\\", 1)[1])
    return names


def test_every_policy_writes_a_setting_under_agentbars_key() -> None:
    covered: set[str] = set()
    for policy in _policies():
        assert policy.get("key") == REGISTRY_KEY, policy.get("name")
        assert policy.get("class") == "Both"
        names = _value_names(policy)
        assert len(names) == 1 and names[0] in FIELDS, (policy.get("name"), names)
        covered.update(names)
    # Every setting an administrator may lock has a policy: a new setting needs one too.
    assert covered == FIELDS - NOT_POLICIES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_and_presentation_is_in_each_language(language: str) -> None:
    text = (POLICY / "AgentBar.admx").read_text(encoding="utf-8")
    strings = set(re.findall(r"\$\(string\.(\w+)\)", text))
    presentations = set(re.findall(r"\$\(presentation\.(\w+)\)", text))
    adml = ET.parse(POLICY / language / "AgentBar.adml").getroot()
    table = {s.get("id"): s.text for s in adml.iterfind(".//p:stringTable/p:string", NS)}
    assert strings <= set(table), strings - set(table)
    assert all((table[s] or "").strip() for s in strings)
    shown = {p.get("id"): p for p in adml.iterfind(".//p:presentationTable/p:presentation", NS)}
    assert presentations == set(shown)
    # Every element of a policy has a control in its presentation, and nothing else.
    for policy in _policies():
        ids = {e.get("id") for e in policy.iterfind("p:elements/*", NS)}
        if ids:
            pres = shown[policy.get("name")]
            assert {c.get("refId") for c in pres} == ids, policy.get("name")


def test_turkish_texts_are_translated() -> None:
    def table(language: str) -> dict[str | None, str | None]:
        adml = ET.parse(POLICY / language / "AgentBar.adml").getroot()
        return {s.get("id"): s.text for s in adml.iterfind(".//p:stringTable/p:string", NS)}

    english, turkish = table("en-US"), table("tr-TR")
    assert set(english) == set(turkish)
    same = [k for k in english if english[k] == turkish[k] and "_Explain" in str(k)]
    assert same == []
    assert "ı" in "".join(v or "" for v in turkish.values())


def _what_group_policy_writes() -> RegistryKey:
    """The registry values as Group Policy writes them for each policy, enabled."""
    samples = {
        "server_url": "https://pbx.corp/api/",
        "region": "de",
        "screen_pop_url": "https://crm.corp/?p={phone}",
        "ca_file": r"C:\CA\corp.pem",
        "link_extension_lengths": "[4, 6]",
    }
    values: dict[str, tuple[object, int]] = {}
    subkeys: dict[str, dict[str, tuple[object, int]]] = {}
    for policy in _policies():
        if policy.get("valueName"):  # a yes/no policy: enabledValue decimal
            values[policy.get("valueName", "")] = (1, REG_DWORD)
        for element in policy.iterfind("p:elements/*", NS):
            tag = element.tag.split("}")[1]
            name = element.get("valueName", "")
            if tag == "text":
                values[name] = (samples[name], REG_SZ)
            elif tag == "decimal":
                values[name] = (int(element.get("maxValue", "0")), REG_DWORD)
            elif tag == "multiText":
                values[name] = (["C:\\Tools\\vault.exe", "read", "agentbar"], REG_MULTI_SZ)
            elif tag == "enum":
                last = element.findall("p:item/p:value/p:string", NS)[-1].text
                values[name] = (last, REG_SZ)
            elif tag == "list":
                key = element.get("key", "").rsplit("\\", 1)[1]
                subkeys[key] = {"1": ("15", REG_SZ), "2": ("45", REG_SZ)}
    return values, subkeys


def test_what_group_policy_writes_loads_as_locked_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _what_group_policy_writes()

    def sources(defaults: dict[str, Any], out: list[str]) -> Any:
        reader = {"HKLM": key, "HKCU": None}.get
        return os_policy_sources(defaults, out, platform="win32", registry_reader=reader)

    monkeypatch.setattr(settings_module, "os_policy_sources", sources)
    paths = dataclasses.replace(Paths.under(tmp_path), os_policy=True)
    loaded = load_settings(paths)
    assert loaded.messages == ()
    s = loaded.settings
    assert s.server_url == "https://pbx.corp/api/"
    assert s.region == "DE"
    assert s.wire == "xml" and s.language == "en" and s.log_level == "CRITICAL"
    assert s.poll_interval_s == 60.0 and s.recordings_cache_mb == 1_000_000
    assert s.notifications is True and s.confirm_before_dial is True
    assert s.api_key_command == ("C:\\Tools\\vault.exe", "read", "agentbar")
    assert dict(s.break_budgets_min) == {"1": 15, "2": 45}
    assert s.log_full_numbers is True and s.confirm_international_links is True
    assert s.link_extension_lengths == (4, 6)
    assert loaded.locked == FIELDS - NOT_POLICIES
