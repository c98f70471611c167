"""SettingsDialog: fields, live validation, key privacy, the connection test, accessibility."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agentbar.core.connection_check import ConnectionReport, check_connection
from agentbar.core.settings import Settings
from agentbar.desktop import autostart
from agentbar.sim import Simulator
from agentbar.ui.settings.dialog import COMMON_REGIONS, SettingsDialog

# Unexpected Qt warnings fail; the offscreen platform always says this one when a window shows.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

SECRET = "Dialog-Secret-Key-98765"
NO_KEYRING = (
    "No system keyring is available (no Secret Service / D-Bus session). "
    "The API key will be kept in memory for this session only."
)
FILLED = Settings(
    server_url="https://pbx.example.com/api/",
    agent="1001",
    extension="2001",
    wire="xml",
    poll_interval_s=3.5,
    region="DE",
    dial_format="e164",
    confirm_before_dial=True,
    screen_pop_url="https://crm.example/search?phone={phone}",
    language="tr",
    notifications=False,
    recent_numbers=("05321234567",),
    break_budgets_min={"2": 30},
)


@pytest.fixture(autouse=True)
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desktop of the test's own: the dialog reads (and may write) autostart and links here."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CONFIG_DIRS"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop marked as running: pytest-qt's waits spin Qt, and so the asyncio tasks."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    deadline = loop.time() + 5
    while any(not task.done() for task in pending) and loop.time() < deadline:
        qapp.processEvents()
    qapp.aboutToQuit.disconnect(loop._after_run_forever)
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False  # close() refuses a loop that says it runs
    loop.close()
    asyncio.set_event_loop(None)


def make(
    qtbot: QtBot, settings: Settings = FILLED, key: str | None = SECRET, **kwargs: Any
) -> SettingsDialog:
    dialog = SettingsDialog(settings, key, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def named[W: QWidget](dialog: QWidget, name: str, cls: type[W]) -> W:
    """The one child whose accessible name is ``name`` (how a screen reader finds it)."""
    found = [w for w in dialog.findChildren(cls) if w.accessibleName() == name]
    assert len(found) == 1, (name, found)
    return found[0]


def shown(dialog: QWidget, name: str) -> bool:
    """Whether the message label ``name`` is on screen with something to say."""
    label = named(dialog, name, QLabel)
    return label.isVisibleTo(dialog) and bool(label.text())


def ok_button(dialog: SettingsDialog) -> QAbstractButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the text the way a person does: clear, then type (validators apply)."""
    edit.clear()
    QTest.keyClicks(edit, text)


def test_fields_start_from_the_settings(qtbot):
    dialog = make(qtbot)
    assert dialog.windowTitle() == "AgentBar — Settings"
    assert named(dialog, "Server URL", QLineEdit).text() == FILLED.server_url
    assert named(dialog, "API key", QLineEdit).text() == SECRET
    assert named(dialog, "Agent number", QLineEdit).text() == "1001"
    assert named(dialog, "Extension", QLineEdit).text() == "2001"
    assert named(dialog, "Wire format", QComboBox).currentText() == "XML"
    assert named(dialog, "Poll interval", QDoubleSpinBox).value() == 3.5
    assert named(dialog, "Default region", QComboBox).currentData() == "DE"
    assert named(dialog, "Dial format", QComboBox).currentData() == "e164"
    assert named(dialog, "Confirm before dialling links", QCheckBox).isChecked()
    assert named(dialog, "Screen-pop URL", QLineEdit).text() == FILLED.screen_pop_url
    assert not named(dialog, "Show notifications", QCheckBox).isChecked()
    assert named(dialog, "Language", QComboBox).currentText() == "Türkçe"
    assert ok_button(dialog).isEnabled()


def test_defaults_and_regions(qtbot):
    dialog = make(qtbot, Settings(), None)
    assert named(dialog, "API key", QLineEdit).text() == ""
    assert named(dialog, "Poll interval", QDoubleSpinBox).value() == 2.0
    region = named(dialog, "Default region", QComboBox)
    assert region.currentData() == "TR"
    assert [region.itemData(i) for i in range(len(COMMON_REGIONS))] == list(COMMON_REGIONS)
    assert region.itemText(0).startswith("TR — ")
    assert region.count() > 200  # every region the phone-number library knows
    assert named(dialog, "Language", QComboBox).currentData() == "system"
    odd = make(qtbot, Settings(region="ZZ"))
    assert named(odd, "Default region", QComboBox).currentData() == "ZZ"  # kept, not lost


def test_cleartext_warning_follows_the_url_as_typed(qtbot):
    dialog = make(qtbot)
    url = named(dialog, "Server URL", QLineEdit)
    assert not shown(dialog, "Unencrypted connection")
    retype(qtbot, url, "http://pbx.example.com/api/")
    assert shown(dialog, "Unencrypted connection")
    assert "http://" in named(dialog, "Unencrypted connection", QLabel).text()
    assert ok_button(dialog).isEnabled()  # allowed, with the warning
    retype(qtbot, url, "https://pbx.example.com/api/")
    assert not shown(dialog, "Unencrypted connection")
    retype(qtbot, url, "http://127.0.0.1:8080/")  # the simulator never leaves the machine
    assert not shown(dialog, "Unencrypted connection")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("pbx.example.com", "https://"),
        ("https://user:pw@pbx.example.com/", "user name"),
        ("https://pbx.example.com/?x=1", "'?'"),
    ],
)
def test_invalid_url_shows_why_and_disables_ok(qtbot, url, reason):
    dialog = make(qtbot)
    retype(qtbot, named(dialog, "Server URL", QLineEdit), url)
    assert not ok_button(dialog).isEnabled()
    assert shown(dialog, "Server URL problem")
    assert reason in named(dialog, "Server URL problem", QLabel).text()
    assert not shown(dialog, "Unencrypted connection")


def test_agent_extension_and_screen_pop_are_validated(qtbot):
    dialog = make(qtbot)
    agent = named(dialog, "Agent number", QLineEdit)
    retype(qtbot, agent, "1a2b3c4d5e6f7")
    assert agent.text() == "123456"  # the validator takes digits only, at most 6
    retype(qtbot, agent, "7")
    assert not ok_button(dialog).isEnabled()
    assert "2 to 6 digits" in named(dialog, "Agent number problem", QLabel).text()
    retype(qtbot, agent, "77")
    assert ok_button(dialog).isEnabled()
    assert not shown(dialog, "Agent number problem")
    retype(qtbot, named(dialog, "Extension", QLineEdit), "3")
    assert not ok_button(dialog).isEnabled()
    assert shown(dialog, "Extension problem")
    retype(qtbot, named(dialog, "Extension", QLineEdit), "301")
    pop = named(dialog, "Screen-pop URL", QLineEdit)
    for bad in ("https://crm.example/search", "crm.example/?q={phone}", "javascript:{phone}"):
        retype(qtbot, pop, bad)
        assert not ok_button(dialog).isEnabled(), bad
        assert shown(dialog, "Screen-pop problem")
    pop.clear()  # no screen pop at all is fine
    assert ok_button(dialog).isEnabled()
    assert not shown(dialog, "Screen-pop problem")


def test_required_fields_empty_explains_why_ok_is_off(qtbot):
    dialog = make(qtbot, Settings(), None)
    assert not ok_button(dialog).isEnabled()
    assert shown(dialog, "Why OK is unavailable")
    assert not shown(dialog, "Server URL problem")  # empty is not yet an error
    qtbot.keyClicks(named(dialog, "Server URL", QLineEdit), "https://pbx.example.com")
    qtbot.keyClicks(named(dialog, "Agent number", QLineEdit), "1001")
    assert not ok_button(dialog).isEnabled()
    qtbot.keyClicks(named(dialog, "Extension", QLineEdit), "2001")
    assert ok_button(dialog).isEnabled()
    assert not shown(dialog, "Why OK is unavailable")


def test_result_round_trip(qtbot):
    dialog = make(qtbot)
    assert dialog.result_settings() == FILLED
    retype(qtbot, named(dialog, "Server URL", QLineEdit), "  https://other.example/api  ")
    retype(qtbot, named(dialog, "API key", QLineEdit), "  new-key  ")
    retype(qtbot, named(dialog, "Agent number", QLineEdit), "42")
    retype(qtbot, named(dialog, "Extension", QLineEdit), "123456")
    named(dialog, "Wire format", QComboBox).setCurrentIndex(0)
    named(dialog, "Poll interval", QDoubleSpinBox).setValue(0.5)
    region = named(dialog, "Default region", QComboBox)
    region.setCurrentIndex(region.findData("TR"))
    named(dialog, "Dial format", QComboBox).setCurrentIndex(0)
    named(dialog, "Confirm before dialling links", QCheckBox).click()
    named(dialog, "Screen-pop URL", QLineEdit).clear()
    named(dialog, "Show notifications", QCheckBox).click()
    named(dialog, "Language", QComboBox).setCurrentIndex(2)
    named(dialog, "Recordings cache limit", QSpinBox).setValue(0)
    result = dialog.result_settings()
    assert result == FILLED.replace(
        server_url="https://other.example/api",
        agent="42",
        extension="123456",
        wire="json",
        poll_interval_s=0.5,
        region="TR",
        dial_format="national",
        confirm_before_dial=False,
        screen_pop_url="",
        notifications=True,
        language="en",
        recordings_cache_mb=0,
    )
    assert result.recent_numbers == FILLED.recent_numbers  # untouched fields survive
    assert dialog.result_key() == "new-key"


def test_key_is_hidden_until_shown(qtbot):
    dialog = make(qtbot)
    key = named(dialog, "API key", QLineEdit)
    toggle = named(dialog, "Show API key", QPushButton)
    assert key.echoMode() == QLineEdit.EchoMode.Password
    assert toggle.isCheckable()
    assert not toggle.isChecked()
    toggle.click()
    assert key.echoMode() == QLineEdit.EchoMode.Normal
    assert toggle.text() == "&Hide"
    toggle.click()
    assert key.echoMode() == QLineEdit.EchoMode.Password
    assert toggle.text() == "S&how"


def test_key_problem_is_shown_in_plain_words(qtbot):
    assert not shown(make(qtbot), "API key storage problem")
    dialog = make(qtbot, key=None, key_problem=NO_KEYRING)
    assert shown(dialog, "API key storage problem")
    assert "memory for this session only" in named(dialog, "API key storage problem", QLabel).text()


def test_every_control_has_an_accessible_name_and_tooltip(qtbot):
    dialog = make(qtbot, checker=lambda *a: asyncio.sleep(0, ConnectionReport(True, "")))
    controls = [
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QAbstractButton),
    ]
    # Qt's own tab-scroll arrows: never shown (scroll buttons are off), named by Qt.
    controls = [w for w in controls if not isinstance(w.parent(), QTabBar)]
    assert len(controls) >= 18
    missing = [
        (type(w).__name__, w.objectName(), w.accessibleName())
        for w in controls
        if not w.accessibleName().strip() or not w.toolTip().strip()
    ]
    assert missing == []


def test_labels_have_buddies_and_mnemonics_are_unique(qtbot):
    dialog = make(qtbot, checker=lambda *a: asyncio.sleep(0, ConnectionReport(True, "")))
    letters = []
    for label in dialog.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
            letters.append(label.text().split("&")[1][0].lower())
    for button in dialog.findChildren(QAbstractButton):
        if "&" in button.text():
            letters.append(button.text().split("&")[1][0].lower())
    assert len(letters) >= 13
    assert len(letters) == len(set(letters)), sorted(letters)


def test_the_key_never_appears_in_descriptions(qtbot):
    dialog = make(qtbot, key_problem=NO_KEYRING)
    named(dialog, "Show API key", QPushButton).click()
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        for text in (
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.whatsThis(),
            widget.statusTip(),
            widget.windowTitle(),
        ):
            assert SECRET not in text, (type(widget).__name__, text)


def test_fits_a_small_laptop_screen(qtbot):
    dialog = make(
        qtbot, FILLED.replace(server_url="http://pbx.example.com/api/"), key_problem=NO_KEYRING
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 800
    assert hint.height() <= 640  # 768 minus panel and title bar, with room to spare


def autostart_file(xdg: Path) -> Path:
    return xdg / "xdg_config_home" / "autostart" / "agentbar.desktop"


def test_start_at_login_shows_what_the_desktop_has(qtbot, xdg):
    assert not named(make(qtbot), "Start AgentBar at login", QCheckBox).isChecked()
    path = autostart_file(xdg)
    path.parent.mkdir(parents=True)
    path.write_text("[Desktop Entry]\nType=Application\nExec=/opt/AgentBar/agentbar\n")
    dialog = make(qtbot)  # an entry someone else made counts: it starts AgentBar
    box = named(dialog, "Start AgentBar at login", QCheckBox)
    assert box.isChecked()
    box.click()  # applied at once, before OK
    assert not path.exists()
    assert not box.isChecked()
    box.click()
    assert "--minimized" in path.read_text()
    assert box.isChecked()
    assert autostart.is_enabled()
    dialog.reject()  # Cancel does not undo it: the tooltip says so
    assert path.exists()
    assert "even if you cancel" in box.toolTip()


def test_start_at_login_failure_is_shown_and_the_box_tells_the_truth(qtbot, xdg):
    path = autostart_file(xdg)
    path.parent.parent.mkdir(parents=True)
    path.parent.write_text("a file where the autostart folder should be")
    dialog = make(qtbot)
    box = named(dialog, "Start AgentBar at login", QCheckBox)
    box.click()
    assert not box.isChecked()
    problem = named(dialog, "Start at login problem", QLabel)
    assert problem.text().startswith("✖ Could not turn on start at login:")
    assert not problem.isHidden()


def test_phone_links_button_registers_and_shows_the_lines(qtbot, loop, xdg, monkeypatch):
    monkeypatch.setenv("PATH", str(xdg / "no-tools"))  # never the real desktop's xdg-mime
    dialog = make(qtbot, basedir=str(xdg / "profile"))
    button = named(dialog, "Handle phone links", QPushButton)
    assert button.text() == "Handle ph&one links (tel:, callto:, sip:)"
    button.click()
    result = named(dialog, "Phone links result", QLabel)
    qtbot.waitUntil(lambda: result.text().startswith("✔"), timeout=8000)
    written = xdg / "xdg_data_home" / "applications" / "agentbar-links.desktop"
    text = written.read_text()
    assert "x-scheme-handler/tel;" in text
    assert f"--basedir {xdg / 'profile'} -- %u" in text  # links reach this profile
    lines = result.text().splitlines()
    assert lines[0] == f"✔ Wrote {written}"
    assert any("xdg-mime was not found" in line for line in lines)
    assert button.isEnabled()


def test_pages_are_reached_with_alt_letters(qtbot):
    dialog = make(qtbot)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None and tabs.currentIndex() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is named(dialog, "Start AgentBar at login", QCheckBox)
    qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentIndex() == 0


class FakeChecker:
    """A checker that answers when the test says so, and remembers what it was asked."""

    def __init__(self, report: ConnectionReport | Exception) -> None:
        self.report = report
        self.calls: list[tuple[str, str, str]] = []
        self.release = asyncio.Event()
        self.cancelled = False

    async def __call__(self, url: str, key: str, wire: str) -> ConnectionReport:
        self.calls.append((url, key, wire))
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if isinstance(self.report, Exception):
            raise self.report
        return self.report


def result_text(dialog: SettingsDialog) -> str:
    return named(dialog, "Connection test result", QLabel).text()


def test_connection_test_success(qtbot, loop):
    checker = FakeChecker(ConnectionReport(True, "Connected: the server answered."))
    dialog = make(qtbot, key=f"  {SECRET} ", checker=checker)
    button = named(dialog, "Test connection", QPushButton)
    assert button.isVisibleTo(dialog)
    button.click()
    qtbot.waitUntil(lambda: bool(checker.calls))
    assert checker.calls == [(FILLED.server_url, SECRET, "xml")]
    assert result_text(dialog) == "Testing…"
    assert not button.isEnabled()
    button.click()  # ignored while a test runs
    checker.release.set()
    qtbot.waitUntil(lambda: result_text(dialog).startswith("✔"))
    assert result_text(dialog) == "✔ Connected: the server answered."
    assert button.isEnabled()
    assert len(checker.calls) == 1
    wire = named(dialog, "Wire format", QComboBox)
    qtbot.keyClick(wire, Qt.Key.Key_Up)  # another format: the old answer no longer applies
    assert wire.currentData() == "json"
    assert result_text(dialog) == ""


def test_connection_test_failure_is_red_text_with_a_cross(qtbot, loop):
    message = f"The server refused the API key: no such key {SECRET}"  # a careless checker
    checker = FakeChecker(ConnectionReport(False, message))
    dialog = make(qtbot, checker=checker)
    checker.release.set()
    named(dialog, "Test connection", QPushButton).click()
    qtbot.waitUntil(lambda: result_text(dialog).startswith("✖"))
    assert "refused the API key" in result_text(dialog)
    assert SECRET not in result_text(dialog)
    assert "#b3261e" in named(dialog, "Connection test result", QLabel).styleSheet()
    assert named(dialog, "Test connection", QPushButton).isEnabled()


def test_connection_test_checker_crash_is_reported_and_logged_without_the_key(qtbot, loop, caplog):
    checker = FakeChecker(RuntimeError(f"boom with {SECRET}"))
    dialog = make(qtbot, checker=checker)
    checker.release.set()
    with caplog.at_level(logging.ERROR):
        named(dialog, "Test connection", QPushButton).click()
        qtbot.waitUntil(lambda: result_text(dialog).startswith("✖"))
    assert "unexpectedly (RuntimeError)" in result_text(dialog)
    assert "boom" in caplog.text
    assert SECRET not in caplog.text
    assert named(dialog, "Test connection", QPushButton).isEnabled()


def test_connection_test_needs_an_address_and_a_key(qtbot, loop):
    checker = FakeChecker(ConnectionReport(True, "never"))
    dialog = make(qtbot, key="", checker=checker)
    named(dialog, "Test connection", QPushButton).click()
    assert result_text(dialog) == "✖ Enter the API key first."
    retype(qtbot, named(dialog, "API key", QLineEdit), "k")
    retype(qtbot, named(dialog, "Server URL", QLineEdit), "pbx")
    named(dialog, "Test connection", QPushButton).click()
    assert "https://" in result_text(dialog)
    assert checker.calls == []


def test_alt_t_runs_the_test(qtbot, loop):
    checker = FakeChecker(ConnectionReport(True, "Connected."))
    checker.release.set()
    dialog = make(qtbot, checker=checker)
    with qtbot.waitActive(dialog):  # mnemonics act in the active window only
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is named(dialog, "Agent number", QLineEdit)  # label -> buddy
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: result_text(dialog) == "✔ Connected.")


def test_closing_cancels_a_running_test(qtbot, loop):
    checker = FakeChecker(ConnectionReport(True, "late"))
    dialog = make(qtbot, checker=checker)
    named(dialog, "Test connection", QPushButton).click()
    qtbot.waitUntil(lambda: bool(checker.calls))
    dialog.reject()
    qtbot.waitUntil(lambda: checker.cancelled)
    assert named(dialog, "Test connection", QPushButton).isEnabled()
    assert "late" not in result_text(dialog)


def test_no_checker_no_test_button(qtbot):
    dialog = make(qtbot)
    assert not named(dialog, "Test connection", QPushButton).isVisibleTo(dialog)


def test_against_the_simulator(qtbot, loop):
    """The real check_connection, over loopback HTTP, both wire formats and a wrong key."""
    simulator = Simulator(api_key=SECRET, port=0).start()
    client = httpx.AsyncClient()
    try:
        checker = functools.partial(check_connection, client=client)
        dialog = make(qtbot, FILLED.replace(server_url=simulator.url), checker=checker)
        button = named(dialog, "Test connection", QPushButton)
        for wire in ("XML", "JSON"):
            named(dialog, "Wire format", QComboBox).setCurrentText(wire)
            button.click()
            qtbot.waitUntil(lambda: result_text(dialog).startswith("✔"), timeout=8000)
            assert re.search(r"lists \d+ break reason", result_text(dialog))
        retype(qtbot, named(dialog, "API key", QLineEdit), "wrong-key")
        button.click()
        qtbot.waitUntil(lambda: result_text(dialog).startswith("✖"), timeout=8000)
        assert "refused the API key" in result_text(dialog)
    finally:
        done = loop.create_task(client.aclose())
        qtbot.waitUntil(done.done)
        simulator.stop()


# -- fleet: settings the administrator's policy sets, where the key comes from -----------------


def test_policy_settings_are_locked_and_say_so(qtbot):
    locked = frozenset({"server_url", "notifications", "language", "api_key_command"})
    dialog = make(qtbot, locked=locked)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert shown(dialog, "Settings set by your administrator")
    url = named(dialog, "Server URL", QLineEdit)
    assert not url.isEnabled()
    assert url.toolTip() == "Set by your administrator"
    label = next(lb for lb in dialog.findChildren(QLabel) if lb.buddy() is url)
    assert label.text().endswith("(locked)")
    assert label.toolTip() == "Set by your administrator"
    # A person cannot change them: typing and clicking do nothing.
    url.setFocus()
    QTest.keyClicks(url, "x")
    qtbot.mouseClick(named(dialog, "Show notifications", QCheckBox), Qt.MouseButton.LeftButton)
    notifications = named(dialog, "Show notifications", QCheckBox)
    assert "(locked)" in notifications.text() and not notifications.isEnabled()
    assert not named(dialog, "API key", QLineEdit).isEnabled()
    # What is not locked stays editable.
    agent = named(dialog, "Agent number", QLineEdit)
    assert agent.isEnabled() and agent.toolTip() != "Set by your administrator"
    retype(qtbot, agent, "4242")
    result = dialog.result_settings()
    assert result.server_url == FILLED.server_url
    assert result.notifications == FILLED.notifications
    assert result.agent == "4242"


def test_nothing_locked_shows_no_notice(qtbot):
    dialog = make(qtbot)
    dialog.show()
    assert not shown(dialog, "Settings set by your administrator")
    assert all("(locked)" not in lb.text() for lb in dialog.findChildren(QLabel))


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("command", "administrator's key command"),
        ("machine", "installed on this computer by your administrator"),
        ("keyring", "keyring"),
        ("environment", "AGENTBAR_API_KEY"),
    ],
)
def test_the_dialog_says_where_the_key_came_from_never_the_key(qtbot, source, words):
    key = "" if source in ("command", "machine") else SECRET
    dialog = make(qtbot, key=key, key_source=source)
    dialog.show()
    assert shown(dialog, "Where the API key comes from")
    text = named(dialog, "Where the API key comes from", QLabel).text()
    assert words in text
    assert SECRET not in text
    if not key:
        assert named(dialog, "API key", QLineEdit).text() == ""


def test_no_key_source_no_line(qtbot):
    dialog = make(qtbot, key="")
    dialog.show()
    assert not shown(dialog, "Where the API key comes from")
