"""The two link-safety settings in the settings dialog, changed with the keyboard and a click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSpinBox

from agentbar.core.settings import Settings
from tests.ui.test_settings_dialog import make, named, xdg  # noqa: F401 (fixture)


def test_foreign_numbers_and_extension_lengths_from_links(qtbot):
    dialog = make(qtbot, Settings())
    dialog.show()
    qtbot.waitExposed(dialog)
    foreign = named(dialog, "Ask before calling a foreign number from a link", QCheckBox)
    shortest = named(dialog, "Shortest extension dialled from a link", QSpinBox)
    longest = named(dialog, "Longest extension dialled from a link", QSpinBox)
    assert foreign.isChecked() and (shortest.value(), longest.value()) == (3, 5)
    assert foreign.toolTip() and shortest.toolTip()
    qtbot.mouseClick(foreign, Qt.MouseButton.LeftButton)
    shortest.setFocus()
    for _ in range(3):
        qtbot.keyClick(shortest, Qt.Key.Key_Up)  # 3 -> 6 at most; the longest follows
    assert (shortest.value(), longest.value()) == (6, 6)
    qtbot.keyClick(shortest, Qt.Key.Key_Down)
    qtbot.keyClick(shortest, Qt.Key.Key_Down)
    result = dialog.result_settings()
    assert result.confirm_international_links is False
    assert result.link_extension_lengths == (4, 6)
    # The label's mnemonic (Alt+E) reaches the field from elsewhere in the dialog.
    foreign.setFocus()
    qtbot.waitUntil(foreign.hasFocus, timeout=3000)
    qtbot.keyClick(foreign, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.focusWidget() in (shortest, shortest.lineEdit()), timeout=3000)
