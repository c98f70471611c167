"""Secrets under attack: a whole run at DEBUG through every error path, then a search for the key.

The program runs in-process (ui/startup/runner.run, as tests/ui/test_app.py does) with DEBUG
logging to its log directory and stderr, the app's excepthook, and a server that echoes the key
back in bodies, titles, headers and redirects. Afterwards the log directory, settings, state,
cache, the crash dialogs' text and stderr hold no 8-character piece of the key, raw or
URL-encoded.
tests/api/test_secrets.py covers each error object on its own; this is the whole program.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.app import _install_excepthook, build_parser
from agentbar.core.logsetup import RedactingFilter, setup_logging
from agentbar.core.paths import Paths
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.startup.runner import run
from agentbar.ui.state_view import Mode
from tests.hostile.conftest import (
    WAIT_MS,
    Hostile,
    answer,
    close_at_once,
    request_line,
    response,
    stall_after_headers,
)

#: URL-special characters on purpose: the key travels percent-encoded as well as raw.
SPECIAL_KEY = "Hk+9/zQ=w8&x#Tr7%eV~s!3Lp"
CUT = SPECIAL_KEY  # a body that stops right after the key
FORMS = {SPECIAL_KEY, quote(SPECIAL_KEY, safe=""), quote(SPECIAL_KEY)}


def leaks(text: str) -> list[str]:
    found = []
    for form in FORMS:
        found += [form[i : i + 8] for i in range(len(form) - 7) if form[i : i + 8] in text]
    return sorted(set(found))


def _visible(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.fixture
def special_sim() -> Iterator[Simulator]:
    sim = Simulator(api_key=SPECIAL_KEY, port=0).start()
    yield sim
    sim.stop()


@pytest.fixture
def debug_logging(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[Path]:
    """The app's logging at DEBUG into BASE/logs (and stderr); the previous setup restored.

    A RedactingFilter that another test left on pytest's shared capture handler would rewrite
    every record with *its* secrets before the app's handlers see it (a partial redaction
    that hides this key from the app's filter): such strays are lifted for this test.
    """
    root = logging.getLogger()
    level = root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    strays = [
        (handler, f)
        for handler in {caplog.handler, *root.handlers}
        if not getattr(handler, "_agentbar", False)
        for f in list(handler.filters)
        if isinstance(f, RedactingFilter)
    ]
    for handler, f in strays:
        handler.removeFilter(f)
    yield tmp_path / "base"
    for handler, f in strays:
        handler.addFilter(f)
    for handler in list(root.handlers):
        if getattr(handler, "_agentbar", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, lvl in quiet.items():
        logging.getLogger(name).setLevel(lvl)


def _echo_page(request: bytes) -> bytes:
    return f"<html><title>Oturum açın: {request_line(request)}</title></html>".encode()


def _echo_json(request: bytes) -> bytes:
    return f'{{"result":"false","message":"Geçersiz API anahtarı: {SPECIAL_KEY}"}}'.encode()


def _echo_redirect(conn, request: bytes, server: Hostile) -> None:
    target = request.split(b" ", 2)[1].decode("latin-1")
    location = f"https://login.example/{target}&again={SPECIAL_KEY}"
    conn.sendall(response(location.encode(), status=302, headers=[("Location", location)]))


def _echo_header(conn, request: bytes, server: Hostile) -> None:
    body = b'{"result":"true","activecalls":[]}'
    conn.sendall(response(body, headers=[("X-Debug", f"key={SPECIAL_KEY}")]))


ALL = None
POLLS = {"activeCalls", "activeCallsCallCenter"}
ATTACKS = [
    ("login page echoing the request", answer(_echo_page, content_type="text/html"), ALL),
    ("HTTP 500 echoing the request", answer(_echo_page, status=500, content_type="text/html"), ALL),
    ("auth refusal echoing the key", answer(_echo_json), ALL),
    (
        "JSON cut short after the key",
        answer(f'{{"result":"true","message":"{SPECIAL_KEY}'.encode()),
        ALL,
    ),
    ("redirect carrying the key", _echo_redirect, ALL),
    ("header echoing the key", _echo_header, POLLS),
    ("a lone surrogate", answer(b'{"result":"false","message":"Hata \\ud800 var"}'), ALL),
    ("a stall", stall_after_headers(), ALL),
    ("a reset", close_at_once, ALL),
]


def test_a_whole_run_at_debug_leaks_the_key_nowhere(
    qtbot, qloop, special_sim: Simulator, hostile_factory, debug_logging: Path, monkeypatch, capfd
) -> None:
    base = debug_logging
    paths = Paths.under(base)
    paths.ensure()
    redactor = setup_logging(paths.log_file, level="DEBUG", stderr=True)
    # The user's own setting, as an agent asked by support would set it (runner applies it).
    paths.settings_file.write_text('{"log_level": "DEBUG"}', encoding="utf-8")
    previous_hook = sys.excepthook
    _install_excepthook(redactor)
    hostile = hostile_factory(special_sim.port)
    monkeypatch.setenv("AGENTBAR_API_KEY", SPECIAL_KEY)
    args = build_parser().parse_args(
        ["--basedir", str(base), "--url", hostile.url, "--agent", DEMO_AGENT,
         "--extension", DEMO_EXTENSION]
    )  # fmt: skip
    task = qloop.create_task(run(args, paths, redactor))
    crash_texts: list[str] = []
    try:
        qtbot.waitUntil(lambda: bool(_visible(Toolbar)), timeout=WAIT_MS)
        toolbar = _visible(Toolbar)[0]
        session = toolbar.session
        # The client is made once the bar is painted.
        qtbot.waitUntil(lambda: session.gate.is_open, timeout=WAIT_MS)
        # The short timeouts of a hostile world (the run's own client waits 15 s on a stall).
        session.client._transport._timeout = httpx.Timeout(2.0, read=0.5)
        toolbar.login_button.click()
        qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: bool(session.state.break_reasons), timeout=WAIT_MS)
        reason = session.state.break_reasons[0]

        for _name, attack, only in ATTACKS:
            messages: list[str] = []
            session.notified.connect(lambda _level, text, m=messages: m.append(text))
            polls = hostile.count("activeCalls")
            hostile.set(attack, only)
            session.start_break(reason)
            session.dial("0532 123 45 67")
            session.poke()
            qtbot.waitUntil(lambda m=messages: len(m) >= 2, timeout=WAIT_MS)
            qtbot.waitUntil(lambda n=polls: hostile.count("activeCalls") > n, timeout=WAIT_MS)
            hostile.set(None)
            session.poke()
            qtbot.waitUntil(lambda: session.connection.online, timeout=WAIT_MS)
            if session.state.on_break:  # a break the attack let through
                session.end_break()
                qtbot.waitUntil(lambda: session.state.on_break is None, timeout=WAIT_MS)
            if session.call is not None:
                session.hangup()
                qtbot.waitUntil(lambda: session.call is None, timeout=WAIT_MS)
        session.dial("not a number")  # the InvalidNumber path
        session.transfer("12")  # refused by the server: no call to transfer

        # An unexpected error whose text holds the key, through both last-resort handlers.
        try:
            raise RuntimeError(f"bug near http://pbx/api/?apikey={SPECIAL_KEY}&module=x")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            qloop.call_exception_handler(
                {"message": f"task failed ({SPECIAL_KEY})", "exception": exc}
            )
        qtbot.waitUntil(lambda: len(_visible(QMessageBox)) >= 2, timeout=WAIT_MS)
        for box in _visible(QMessageBox):
            crash_texts += [box.windowTitle(), box.text(), box.informativeText()]
            crash_texts.append(box.detailedText())
            box.close()
        assert any("RuntimeError" in text for text in crash_texts)

        toolbar.quit_requested.emit()
        qtbot.waitUntil(lambda: bool(_visible(QMessageBox)), timeout=WAIT_MS)
        box = _visible(QMessageBox)[0]
        next(b for b in box.buttons() if "Log out and quit" in b.text().replace("&", "")).click()
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
        assert task.result() == 0
    finally:
        sys.excepthook = previous_hook
        if not task.done():
            task.cancel()
            qtbot.waitUntil(task.done, timeout=WAIT_MS)
    assert not special_sim.state.agents.get(DEMO_AGENT).logged_in
    for handler in logging.getLogger().handlers:
        handler.flush()

    # The search: every file the run wrote, the crash dialogs, stderr.
    captured = capfd.readouterr()
    files = [p for p in base.rglob("*") if p.is_file()]
    assert paths.log_file in files and paths.settings_file.exists() and paths.state_file.exists()
    hits = {}
    for path in files:
        found = leaks(path.read_bytes().decode("utf-8", "replace"))
        if found:
            hits[str(path.relative_to(base))] = found
    assert hits == {}
    for text in crash_texts:
        assert not leaks(text), text
    assert not leaks(captured.err), captured.err[-2000:]
    assert "Logging error" not in captured.err, captured.err[-2000:]
    assert not leaks(captured.out)
    assert SPECIAL_KEY not in paths.settings_file.read_text(encoding="utf-8")

    # The search meant something: DEBUG was on, requests were logged, each key place redacted.
    log_text = paths.log_file.read_text(encoding="utf-8")
    assert " DEBUG " in log_text and "httpcore" in log_text
    assert "apikey=***" in log_text
    assert "Traceback" in log_text  # the excepthook's report is there, redacted
    assert "apikey=***" in captured.err


def test_the_settings_file_never_holds_the_key(qtbot, qloop, special_sim, tmp_path, monkeypatch):
    """Even when the key arrives through the environment and settings are saved repeatedly."""
    base = tmp_path / "settings-only"
    paths = Paths.under(base)
    monkeypatch.setenv("AGENTBAR_API_KEY", SPECIAL_KEY)
    args = build_parser().parse_args(
        ["--basedir", str(base), "--url", special_sim.url, "--agent", DEMO_AGENT,
         "--extension", DEMO_EXTENSION]
    )  # fmt: skip
    task = qloop.create_task(run(args, paths, RedactingFilter()))
    qtbot.waitUntil(lambda: bool(_visible(Toolbar)), timeout=WAIT_MS)
    toolbar = _visible(Toolbar)[0]
    toolbar.session.login()  # dialling needs a login
    qtbot.waitUntil(lambda: toolbar.session.state.logged_in, timeout=WAIT_MS)
    toolbar.session.dial("0532 123 45 67")  # saves the recent numbers
    qtbot.waitUntil(paths.settings_file.exists, timeout=WAIT_MS)
    toolbar.session.logout()  # logged out, quitting asks nothing
    qtbot.waitUntil(lambda: not toolbar.session.state.logged_in, timeout=WAIT_MS)
    toolbar.quit_requested.emit()
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    text = paths.settings_file.read_text(encoding="utf-8")
    assert "05321234567" in text  # the file was written with this run's data
    assert not leaks(text)


def test_redaction_hides_a_key_holding_url_special_characters() -> None:
    """``apikey=`` stops at ``&`` or ``#``: the known key must be hidden first, whole."""
    from agentbar.api import redact

    for text in (
        f"bug near http://pbx/api/?apikey={SPECIAL_KEY}&module=x",
        f"echoed back: {quote(SPECIAL_KEY, safe='')} and {quote(SPECIAL_KEY)}",
        f"<title>{SPECIAL_KEY}</title>",
    ):
        clean = redact(text, (SPECIAL_KEY,))
        assert not leaks(clean), clean
        assert "***" in clean


@pytest.mark.parametrize("how", ["stdin", "file", "literal"])
def test_agentbar_cli_takes_the_key_out_of_the_process_list(
    how: str, special_sim: Simulator, tmp_path: Path
) -> None:
    """Issue 15 item 9: ``--api-key KEY`` shows the key to every user (``ps``, /proc)."""
    key_file = tmp_path / "key"
    key_file.write_text(SPECIAL_KEY + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    option = {"stdin": ["--api-key", "-"], "file": ["--api-key-file", str(key_file)]}
    argv = [sys.executable, "-m", "agentbar.cli", "--url", special_sim.url]
    argv += option.get(how, ["--api-key", SPECIAL_KEY]) + ["breakList"]
    env = {k: v for k, v in os.environ.items() if k != "AGENTBAR_API_KEY"}
    env |= {"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "HOME": str(tmp_path)}
    done = subprocess.run(
        argv, input=SPECIAL_KEY + "\n", env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"]
    assert not leaks(done.stderr) and not leaks(done.stdout)
    if how == "literal":
        assert done.stderr.startswith("warning: ") and "process list" in done.stderr
    else:
        assert done.stderr == ""
        assert not any(leaks(arg) for arg in argv)  # nothing for ps to show
