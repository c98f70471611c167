"""One numbering for break reasons: the bar's menu, the tray and ``agentbar --break X`` agree."""

from __future__ import annotations

from collections.abc import Sequence

from agentbar.core.agent_state import BreakReason
from agentbar.core.turkish import fold

__all__ = ["find_reason", "menu_numbers"]


def menu_numbers(reasons: Sequence[BreakReason]) -> list[str]:
    """The number each reason carries in every menu ("" when it has none).

    When every server ID is a distinct number 1-9, the IDs are the numbers (so the menu's
    ``2`` is the server's reason 2); otherwise the position in the server's list, 1-9.
    """
    ids = [r.id.strip() for r in reasons]
    if ids and len(set(ids)) == len(ids) and all(i in "123456789" and len(i) == 1 for i in ids):
        return ids
    return [str(n + 1) if n < 9 else "" for n in range(len(reasons))]


def find_reason(reasons: Sequence[BreakReason], text: str) -> BreakReason | None:
    """The reason ``text`` names: its server ID, its menu number, or its name (case- and
    Turkish-letter-insensitive: ``yemek molası``, ``YEMEK MOLASI`` and ``Yemek Molasi`` agree).

    An ID wins over a menu number, which wins over a name. Pure; linear in the list.
    """
    wanted = text.strip()
    if not wanted:
        return None
    for reason in reasons:
        if reason.id.strip() == wanted:
            return reason
    for reason, number in zip(reasons, menu_numbers(reasons), strict=True):
        if number and number == wanted:
            return reason
    key = " ".join(fold(wanted).split())
    for reason in reasons:
        if " ".join(fold(reason.name).split()) == key:
            return reason
    return None
