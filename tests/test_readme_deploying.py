"""README "Deploying to many workstations" keeps up with the code: every setting in its table,
the names IT types (files, registry key, profile domain) as the code spells them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from agentbar.core.key_sources import MACHINE_KEY_NAME
from agentbar.core.paths import MACHINE_POLICY_NAME
from agentbar.core.policy import MAC_DOMAIN, REGISTRY_KEY
from agentbar.core.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"
# The user's own history and window positions: nothing for an administrator to set.
USERS_ONLY = {"toolbar_positions", "recent_numbers", "recent_transfer_targets"}


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Deploying to many workstations")
    end = text.index("\n## ", start + 3)
    return text[start:end]


def test_one_part_per_system_each_with_the_same_topics() -> None:
    section = _section()
    parts = re.split(r"^### ", section, flags=re.MULTILINE)[1:]
    by_name = {p.splitlines()[0].strip(): p for p in parts}
    for system in ("Windows", "macOS", "Ubuntu and Debian"):
        part = " ".join(by_name[system].split())
        assert "```" in part, f"{system}: no install line"
        for topic in ("Defaults and policy:", "Key:", "CA:", "Start at login:", "Links:"):
            assert topic in part, (system, topic)
        assert "Upgrades:" in part
        assert "removal:" in part and "Left behind:" in part, system


def test_the_table_names_every_setting() -> None:
    section = _section()
    table = section[section.index("### Which setting goes where") :]
    named = set(re.findall(r"`([a-z_]+)`", table))
    fields = {f.name for f in dataclasses.fields(Settings)} - USERS_ONLY
    assert fields - named == set(), "add these settings to the README's table"
    assert "users can override it" in table


def test_names_as_the_code_spells_them() -> None:
    section = _section()
    assert f"%PROGRAMDATA%\\AgentBar\\{MACHINE_KEY_NAME}" in section
    assert f"HKLM\\{REGISTRY_KEY}" in section
    assert MAC_DOMAIN in section
    assert MACHINE_POLICY_NAME in section and "DIR/machine/policy.json" in section
    assert "/APIKEY=" in section and "/ALLUSERS" in section
