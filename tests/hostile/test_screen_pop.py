"""A caller ID from the server cannot change the screen-pop address (issue 15, item 13).

A caller ID of ``..`` in a template's path segment climbed out of the path
(``https://crm/customers/{phone}/card`` opened ``https://crm/customers/../card``), and
percent-encoding the dots would not help: QUrl and browsers read ``%2E%2E`` as ``..`` in a
path. In the host or path only ``+`` and digits are accepted; in the query or fragment
everything else is percent-encoded.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.notifier import screen_pop_url
from agentbar.ui.state_view import Mode
from tests.hostile.conftest import KEY, WAIT_MS
from tests.ui.test_app import _find, _quit, _start, _write_settings

PATH_TEMPLATE = "https://crm.example/customers/{phone}/card"
QUERY_TEMPLATE = "https://crm.example/search?phone={phone}"
HOST_TEMPLATE = "https://{phone}.crm.example/card"
HOSTILE_IDS = ["..", "../admin", ".", "%2e%2e", "a/b", "0532/../1", "x?y=1", "0532 123", "٠٥٣٢"]


@pytest.mark.parametrize("caller", HOSTILE_IDS)
@pytest.mark.parametrize("template", [PATH_TEMPLATE, HOST_TEMPLATE])
def test_a_caller_id_that_is_not_a_number_opens_no_path_template(template: str, caller: str):
    assert screen_pop_url(template, caller) is None


@pytest.mark.parametrize("caller", ["05321234567", "+905321234567", "1004", " 0532 "[1:-1]])
@pytest.mark.parametrize("template", [PATH_TEMPLATE, HOST_TEMPLATE, QUERY_TEMPLATE])
def test_a_number_opens_every_template(template: str, caller: str):
    url = screen_pop_url(template, caller)
    assert url == template.replace("{phone}", caller)


@pytest.mark.parametrize("caller", [*HOSTILE_IDS, "&admin=1", "#frag", "x\ny", "ş"])
def test_in_the_query_everything_but_digits_and_plus_is_encoded(caller: str):
    url = screen_pop_url(QUERY_TEMPLATE, caller)
    assert url is not None
    value = url.removeprefix("https://crm.example/search?phone=")
    assert all(c in "+0123456789%ABCDEF" for c in value), value
    shown = QUrl(url)
    assert (shown.host(), shown.path()) == ("crm.example", "/search")
    assert shown.query(QUrl.ComponentFormattingOption.FullyDecoded) == f"phone={caller}"


def test_a_caller_id_of_dots_from_the_server_opens_nothing(
    qtbot,
    qloop,
    sim: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="agentbar.ui.notifier")
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    base = tmp_path / "pop"
    _write_settings(
        base, server_url=sim.url, agent=DEMO_AGENT, extension=DEMO_EXTENSION,
        poll_interval_s=0.5, screen_pop_url=PATH_TEMPLATE,
    )  # fmt: skip
    task = _start(qloop, base)
    qtbot.waitUntil(lambda: bool(_find(Toolbar)), timeout=WAIT_MS)
    toolbar = _find(Toolbar)[0]
    toolbar.login_button.click()
    qtbot.waitUntil(lambda: toolbar.status.view.mode is Mode.READY, timeout=WAIT_MS)
    sim.inject_incoming_call(DEMO_EXTENSION, "..", "Ali Veli", ring_s=0.2, talk_s=60)
    # The call was seen (its notification lands on the bar without a tray), the screen pop
    # was asked for and refused ...
    qtbot.waitUntil(lambda: "Incoming call" in toolbar.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "no screen pop" in caplog.text, timeout=WAIT_MS)
    assert opened == []  # ... and no address was opened for it
    _quit(qtbot, task, toolbar, "stay logged in")
