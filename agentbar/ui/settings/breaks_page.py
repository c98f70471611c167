"""The Breaks page of Settings: a budget in minutes for each break reason the server lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from agentbar.core.agent_state import BreakReason
from agentbar.core.break_reasons import menu_numbers
from agentbar.ui.settings.fields import Form, describe

# Longest budget offered (core/settings.py accepts up to a day).
MAX_BUDGET_MIN = 24 * 60


class BreakBudgets(QWidget):
    """One spin box per reason (0 = no budget). Budgets of reasons the server no longer
    lists are kept as they are: a reason may come back, and machine-wide defaults may name
    reasons this agent never sees."""

    def __init__(
        self,
        reasons: Sequence[BreakReason],
        budgets: Mapping[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._budgets = dict(budgets)
        self.spins: dict[str, QSpinBox] = {}
        form = Form()
        self.setLayout(form)
        form.heading(self.tr("Break budgets"))
        note = QLabel(
            self.tr(
                "The bar turns amber near a reason's budget and red past it. "
                "0 means no budget. Your administrator may have set defaults."
            ),
            wordWrap=True,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(note)
        if not reasons:
            form.addRow(QLabel(self.tr("No break reasons yet: log in once to load them.")))
        for reason, number in zip(reasons, menu_numbers(reasons), strict=True):
            spin = QSpinBox(minimum=0, maximum=MAX_BUDGET_MIN)
            spin.setObjectName(f"budget:{reason.id}")
            spin.setSuffix(self.tr(" min", "minutes"))
            spin.setSpecialValueText(self.tr("No budget"))
            spin.setValue(int(budgets.get(reason.id, 0)))
            label = f"{number}. {reason.name}:" if number else f"{reason.name}:"
            tip = self.tr("Minutes allowed for “%s” breaks (0: no budget)") % reason.name
            form.row(label.replace("&", "&&"), spin, tip)
            buddy = form.labelForField(spin)
            if isinstance(buddy, QLabel):
                buddy.setTextFormat(Qt.TextFormat.PlainText)  # the server's name, as sent
            describe(spin.lineEdit(), spin.accessibleName(), tip)
            self.spins[reason.id] = spin

    def result(self) -> dict[str, int]:
        """The budgets as edited (reasons set to 0 are left out)."""
        out = dict(self._budgets)
        for reason_id, spin in self.spins.items():
            if spin.value():
                out[reason_id] = spin.value()
            else:
                out.pop(reason_id, None)
        return out
