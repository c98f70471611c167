"""Outside text never renders as HTML: links, server messages, caller names, numbers, files.

A link such as ``tel:+905321234567;x=<a href="file:///…"><h2>Verified by your supervisor</h2></a>``
used to show, in the confirmation box, a large clickable "Verified by your supervisor" that
opens a local file; the bar's message tooltip did the same with a refused link. Each path that
shows outside text is fed HTML here, then every widget is walked: no label, message box,
tooltip (widgets, actions, table cells) or notification may interpret it.
"""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSystemTrayIcon, QWidget

from agentbar.api.models import CallRecord
from agentbar.core.agent_state import ActiveBreak, AgentState
from agentbar.core.commands import validate
from agentbar.core.recordings import entry_for
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION
from agentbar.ui import plain_text
from agentbar.ui.notifier import Notifier
from agentbar.ui.panel.call_model import HISTORY_COLUMNS, CallTableModel
from agentbar.ui.settings.fields import message
from tests.ui import conftest as ui_fixtures
from tests.ui import test_remote_control
from tests.ui.test_tray import _message_box, answer, dials_before_a_marker, log_in

sim = ui_fixtures.sim
http = ui_fixtures.http
settings = ui_fixtures.settings
make_session = ui_fixtures.make_session
rig = test_remote_control.rig

MARK = "Verified by your supervisor"
HTML = f'<a href="file:///etc/passwd"><h2>{MARK}</h2></a><img src="file:///x.png">'
TEL = f"tel:+905321234567;x={HTML}"


def _interpreted(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt would render the raw markup in ``text`` (our mark inside it)."""
    if MARK not in text or "<h2>" not in text:
        return False  # absent, or escaped (&lt;h2&gt;) and shown literally
    if fmt == Qt.TextFormat.PlainText:
        return False
    return fmt == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text)


def rich_leaks() -> list[str]:
    """Every place among the application's widgets where the markup would be interpreted."""
    found = []
    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, QLabel) and _interpreted(widget.text(), widget.textFormat()):
            found.append(f"label {name}: {widget.text()[:60]}")
        if isinstance(widget, QMessageBox) and _interpreted(widget.text(), widget.textFormat()):
            found.append(f"message box {name}")
        if _interpreted(widget.toolTip()):
            found.append(f"tooltip of {name}")
        for action in widget.findChildren(QAction):
            if _interpreted(action.toolTip()):
                found.append(f"tooltip of action {action.objectName()}")
    return found


def test_the_walker_sees_rich_text(qtbot) -> None:
    """The check itself: an AutoText label and a raw tooltip with the markup are caught."""
    label = QLabel(HTML)
    label.setObjectName("planted")
    label.setToolTip(HTML)
    qtbot.addWidget(label)
    assert rich_leaks() == [f"label QLabel(planted): {HTML[:60]}", "tooltip of QLabel(planted)"]
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(plain_text.tooltip(HTML))
    assert rich_leaks() == []


def test_the_confirmation_box_shows_the_link_as_text(qtbot, rig, sim, monkeypatch) -> None:
    r = rig(confirm_before_dial=True)
    log_in(qtbot, r)  # a link dials only while logged in
    r.remote.execute(validate("dial", {"target": TEL}))
    box = _message_box(qtbot)
    assert MARK in box.informativeText()  # shown: as text
    assert rich_leaks() == []
    answer(qtbot, box, "Cancel")
    assert dials_before_a_marker(qtbot, r, sim, monkeypatch) == []


def test_a_refused_link_on_the_bar_and_its_tooltip(qtbot, rig, sim) -> None:
    r = rig()
    r.remote.execute(validate("dial", {"target": f"sip:{HTML}@pbx.example"}))
    bar = r.windows.toolbar
    assert "Cannot dial" in bar.message.text() and MARK in bar.message.text()
    assert MARK in bar.message.toolTip()
    assert rich_leaks() == []


def test_server_messages_and_a_break_reasons_name(qtbot, rig, sim) -> None:
    state = AgentState(
        logged_in=True, agent=DEMO_AGENT, on_break=ActiveBreak("2", HTML, time.time() - 5)
    )
    r = rig(state=state)
    r.session.notified.emit("error", f"Server said: {HTML}")  # how a server's message arrives
    assert MARK in r.windows.toolbar.message.text()
    assert MARK in r.windows.toolbar.status.toolTip()  # the reason's name, from the server
    assert MARK in r.tray.icon.toolTip()
    r.tray.rebuild_menu()
    assert rich_leaks() == []
    assert "<" not in r.tray.icon.toolTip()  # the tray's tooltip may be read as markup


def test_names_numbers_and_files_in_the_call_tables(qtbot) -> None:
    record = CallRecord(
        datetime(2026, 12, 7, 10, 0), HTML, f"0532{HTML}", DEMO_EXTENSION, "", "", "", "", "",
        30, "ANSWERED", f"/var/spool/{HTML}.wav",
    )  # fmt: skip
    model = CallTableModel(HISTORY_COLUMNS)
    model.set_entries([entry_for(record, DEMO_EXTENSION)])
    tips = [
        model.data(model.index(0, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole) or ""
        for column in range(model.columnCount())
    ]
    assert any(MARK in tip for tip in tips)
    assert not any(_interpreted(tip) for tip in tips), tips


def test_notifications_and_settings_messages(qtbot, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []

    class Tray:
        def isVisible(self) -> bool:
            return True

        def showMessage(self, title: str, text: str, *_args: object) -> None:
            shown.append((title, text))

    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    notifier = Notifier(Tray())  # type: ignore[arg-type]
    notifier.notify(f"Call from {HTML}", f"{HTML} 0532 123 45 67")
    [(title, text)] = shown
    assert MARK in title and MARK in text
    assert not any(c in title + text for c in "<>&")
    label = message("Connection test result", f"✖ {HTML}")  # a server's words, a file path
    holder = QWidget()
    qtbot.addWidget(holder)
    label.setParent(holder)
    label.show()
    assert rich_leaks() == []


@pytest.mark.parametrize("text", [HTML, "a & b <b>x</b>", "line 1\nline 2 <i>"])
def test_tooltip_shows_the_text_literally(qtbot, text: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)  # as Qt shows a tooltip that looks like HTML
    label.setText(plain_text.tooltip(text))
    shown = QTextDocument()
    shown.setHtml(label.text())
    assert shown.toPlainText() == text
