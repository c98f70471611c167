"""What a GUI run reads before it can show the bar: settings, the saved state, translations.

:func:`read_start_data` blocks on small files (and, the first time a source checkout runs,
on compiling the translations); the runner reads it on the loop thread before anything is
shown (a worker thread for it measured no gain at start-up).
Deliberately light: core modules and :mod:`agentbar.ui.i18n` only; httpx loads when the HTTP
client is made, after the first paint.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from agentbar.core.agent_state import AgentState, load_state
from agentbar.core.paths import Paths
from agentbar.core.settings import Settings, load_settings
from agentbar.ui.i18n import choose_language
from agentbar.ui.i18n import prepare as prepare_translation

if TYPE_CHECKING:
    import httpx


@dataclass
class StartData:
    """The settings (with this run's overrides), the state, the UI language and its .qm."""

    settings: Settings
    state: AgentState
    language: str
    compiled: Path | None
    #: Untranslated messages for the user (a damaged settings or state file, …).
    notes: list[str] = field(default_factory=list)


def overrides(settings: Settings, args: argparse.Namespace) -> Settings:
    """``--url``, ``--agent`` and ``--extension`` for this run only (never saved by them)."""
    changes = {
        name: value
        for name, value in (
            ("server_url", getattr(args, "url", None)),
            ("agent", getattr(args, "agent", None)),
            ("extension", getattr(args, "extension", None)),
        )
        if value
    }
    return settings.replace(**changes) if changes else settings


def read_start_data(paths: Paths, args: argparse.Namespace) -> StartData:
    """Read everything the bar needs to show itself. Blocks on disk I/O: not on the loop."""
    loaded = load_settings(paths)
    notes = list(loaded.messages)
    settings = overrides(loaded.settings, args)
    state, state_note = load_state(paths.state_file)
    if state_note:
        notes.append(state_note)
    language = choose_language(settings.language)
    compiled = prepare_translation(language, paths.cache_dir)
    return StartData(settings, state, language, compiled, notes)


def new_http_client() -> httpx.AsyncClient:
    """The run's one HTTP client (no redirects: a redirect to another host is an error).

    Blocks: httpx, httpcore and h11 load (~40 ms) and the TLS context reads the CA bundle
    (~50 ms); the runner makes it in a worker thread once the bar is painted."""
    import httpx

    from agentbar.api.transport import DEFAULT_TIMEOUT

    return httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, follow_redirects=False)
