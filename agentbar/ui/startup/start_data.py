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
    #: Settings the administrator's policy sets (shown locked in the settings dialog).
    locked: frozenset[str] = frozenset()
    #: ``--url``, ``--agent``, ``--extension``: kept out of every save (``run_only.strip``).
    run_only: RunOnly = field(default_factory=lambda: RunOnly({}, {}))


@dataclass
class RunOnly:
    """This run's overrides and the values they hide, so that no save writes them.

    A later save (a recent number, a window position, a language change) saves the whole
    Settings; :meth:`strip` puts the file's own values back first. A field the user changes
    by hand (in the settings dialog) to something else is theirs: it is saved, and from then
    on no longer an override.
    """

    values: dict[str, str]
    stored: dict[str, str]

    def strip(self, settings: Settings) -> Settings:
        """``settings`` as they may be written to ``settings.json``. Thread-safe enough: the
        dicts change only by whole-key deletes (atomic under the GIL)."""
        changes: dict[str, str] = {}
        for name, value in list(self.values.items()):
            if getattr(settings, name) == value:
                changes[name] = self.stored[name]
            else:  # changed on purpose: saved, and no longer this run's override
                self.values.pop(name, None)
        return settings.replace(**changes) if changes else settings


def run_only(settings: Settings, args: argparse.Namespace) -> RunOnly:
    """The overrides of ``args`` and the values of ``settings`` (the file's) they replace."""
    values = {
        name: value
        for name, value in (
            ("server_url", getattr(args, "url", None)),
            ("agent", getattr(args, "agent", None)),
            ("extension", getattr(args, "extension", None)),
        )
        if value
    }
    return RunOnly(values, {name: getattr(settings, name) for name in values})


def read_start_data(paths: Paths, args: argparse.Namespace) -> StartData:
    """Read everything the bar needs to show itself. Blocks on disk I/O: not on the loop."""
    loaded = load_settings(paths)
    notes = list(loaded.messages)
    hidden = run_only(loaded.settings, args)
    settings = loaded.settings.replace(**hidden.values) if hidden.values else loaded.settings
    state, state_note = load_state(paths.state_file)
    if state_note:
        notes.append(state_note)
    language = choose_language(settings.language)
    compiled = prepare_translation(language, paths.cache_dir)
    return StartData(settings, state, language, compiled, notes, loaded.locked, hidden)


def new_http_client(ca_file: str = "", notes: list[str] | None = None) -> httpx.AsyncClient:
    """The run's one HTTP client (no redirects: a redirect to another host is an error).

    TLS trusts the operating system's certificate store and ``ca_file`` (api/tls.py); a bad
    ``ca_file`` or ``SSL_CERT_FILE`` adds a message to ``notes`` instead of failing.
    Blocks: httpx, httpcore and h11 load and the TLS context reads certificate files; the
    runner makes it in a worker thread once the bar is painted."""
    import httpx

    from agentbar.api.tls import tls_context
    from agentbar.api.transport import DEFAULT_TIMEOUT

    context, problems = tls_context(ca_file)
    if notes is not None:
        notes.extend(problems)
    return httpx.AsyncClient(verify=context, timeout=DEFAULT_TIMEOUT, follow_redirects=False)
