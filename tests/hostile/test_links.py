"""What a link may make AgentBar dial: nothing risky without an explicit yes, no queues.

A ``tel:``/``callto:``/``sip:`` link is text from a web page, a mail or a spreadsheet. It used to
dial after a short preview whatever it named (an emergency number, a premium-rate line, a
foreign number) and five links in a burst made five calls. Now emergency, short service and
premium-rate numbers, and (by a setting, on by default) international numbers, ask first
whatever *Confirm before dialling a link* says, with Cancel as the default answer; a second
link within seconds asks too and stops the first one's preview; a 2–6 digit "extension" dials
only when its length fits the site's extension lengths.
"""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from agentbar.core.commands import validate
from agentbar.core.paths import Paths
from agentbar.core.phone import link_risk, parse_dial_uri
from agentbar.core.settings import Settings, load_settings, save_settings
from agentbar.sim import DEMO_EXTENSION
from agentbar.ui.startup import remote_control
from tests.ui import conftest as ui_fixtures
from tests.ui import test_remote_control
from tests.ui.test_tray import _message_box, answer, dials, dials_before_a_marker, log_in

WAIT = 8000
# The UI suite's session on the simulator and its bar-and-remote rig (not the hostile ones).
sim = ui_fixtures.sim
http = ui_fixtures.http
settings = ui_fixtures.settings
make_session = ui_fixtures.make_session
rig = test_remote_control.rig


def _boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _link(r, target: str) -> None:
    r.remote.execute(validate("dial", {"target": target}))


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("tel:112", "emergency"),
        ("tel:155", "emergency"),
        ("callto:110", "emergency"),
        ("tel:177", "short service"),
        ("tel:0900 123 45 67", "premium-rate"),
        ("tel:+44 20 7946 0958", "international"),
        ("sip:+12125550100@pbx.example", "international"),
    ],
)
def test_risky_links_ask_even_with_confirmation_off_and_enter_cancels(
    qtbot, rig, sim, monkeypatch, target, why
):
    r = rig(preview_ms=0)
    log_in(qtbot, r)  # a link dials only while logged in
    assert not r.session.settings.confirm_before_dial
    _link(r, target)
    box = _message_box(qtbot)
    assert why in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the default answer
    # The question's task has acted on the answer once ask() has deleted its box.
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=WAIT)
    _link(r, target)  # asked again, and only an explicit Call dials
    answer(qtbot, _message_box(qtbot), "Call")
    assert len(dials_before_a_marker(qtbot, r, sim, monkeypatch)) == 1  # none from Enter


def test_international_links_may_dial_without_asking_when_the_setting_is_off(qtbot, rig, sim):
    r = rig(preview_ms=0, confirm_international_links=False)
    log_in(qtbot, r)  # a link dials only while logged in
    _link(r, "tel:+44 20 7946 0958")
    qtbot.waitUntil(lambda: len(dials(sim)) == 1, timeout=WAIT)
    assert dials(sim)[0]["number"] == "00442079460958"
    assert not _boxes()


def test_a_home_number_and_a_site_extension_still_dial_after_the_preview(
    qtbot, rig, sim, monkeypatch
):
    r = rig(preview_ms=0)
    log_in(qtbot, r)  # a link dials only while logged in
    _link(r, "tel:0532 123 45 67")
    qtbot.waitUntil(lambda: len(dials(sim)) == 1, timeout=WAIT)
    monkeypatch.setattr(remote_control, "BURST_WINDOW_S", 0.0)  # as if minutes had passed
    _link(r, "tel:1004")
    qtbot.waitUntil(lambda: len(dials(sim)) == 2, timeout=WAIT)
    assert [d["number"] for d in dials(sim)] == ["05321234567", "1004"]
    assert not _boxes()


@pytest.mark.parametrize("target", ["tel:12", "tel:123456", "tel:99"])
def test_an_extension_that_is_not_the_sites_length_is_refused(qtbot, rig, sim, monkeypatch, target):
    r = rig(preview_ms=0)
    log_in(qtbot, r)  # a link dials only while logged in
    _link(r, target)
    assert "not an extension of this site (3 to 5 digits)" in r.windows.toolbar.message.text()
    assert not _boxes()
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == []


def test_the_sites_extension_lengths_are_a_setting(qtbot, rig, sim):
    r = rig(preview_ms=0, link_extension_lengths=(2, 6))
    log_in(qtbot, r)  # a link dials only while logged in
    _link(r, "tel:123456")
    qtbot.waitUntil(lambda: len(dials(sim)) == 1, timeout=WAIT)
    assert dials(sim) == [{"extension": DEMO_EXTENSION, "number": "123456"}]


def test_a_burst_of_links_is_never_dialled_as_a_queue(qtbot, rig, sim, monkeypatch):
    r = rig(preview_ms=300)
    log_in(qtbot, r)  # a link dials only while logged in
    burst = ["tel:05321234567", "tel:05321234568", "tel:05321234569", "tel:02125550101",
             "tel:02125550102"]  # fmt: skip
    for target in burst:
        _link(r, target)
    box = _message_box(qtbot)
    assert len(_boxes()) == 1  # one question, not five
    assert "Several links arrived" in box.informativeText()
    assert "The one before was not dialled" in box.informativeText()
    assert "0532 123 45 68" in box.text()
    # The later links were refused while the question was open, and said so.
    assert "another link is waiting for your answer" in r.windows.toolbar.message.text()
    answer(qtbot, box, "Cancel")
    assert not _boxes()
    # The marker's preview is as long as the first link's and starts later: had that one
    # not been stopped, it would have dialled first. Nor did the refused links or the Cancel.
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == []


@pytest.mark.parametrize(
    ("link", "risk"),
    [
        ("tel:112", "an emergency number"),
        ("tel:156", "a short service number"),
        ("tel:09001234567", "a premium-rate number"),
        ("tel:00442079460958", "an international number"),
        ("tel:05321234567", None),
        ("tel:4440444", None),
        ("tel:1004", None),
    ],
)
def test_link_risk_in_core(link: str, risk: str | None) -> None:
    assert link_risk(parse_dial_uri(link), region="TR") == risk


def test_the_extension_lengths_setting_is_checked(tmp_path) -> None:
    paths = Paths.under(tmp_path)
    paths.ensure()
    for value, expected in (([2, 6], (2, 6)), ([5, 3], (3, 5)), ([1, 9], (3, 5)), ("3-5", (3, 5))):
        paths.settings_file.write_text(json.dumps({"link_extension_lengths": value}))
        assert load_settings(paths).settings.link_extension_lengths == expected
    save_settings(paths, Settings(link_extension_lengths=(4, 4)))
    assert load_settings(paths).settings.link_extension_lengths == (4, 4)
