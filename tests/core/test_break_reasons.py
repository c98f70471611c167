"""One numbering for break reasons, and finding a reason by ID, number or name."""

from __future__ import annotations

from agentbar.core.agent_state import BreakReason
from agentbar.core.break_reasons import find_reason, menu_numbers

SERVER = (
    BreakReason("2", "YEMEK MOLASI"),
    BreakReason("3", "CAY SIGARA MOLASI"),
    BreakReason("6", "EĞİTİM"),
)


def test_single_digit_ids_are_the_menu_numbers():
    assert menu_numbers(SERVER) == ["2", "3", "6"]


def test_other_ids_number_by_position():
    reasons = [BreakReason("101", "A"), BreakReason("102", "B")]
    assert menu_numbers(reasons) == ["1", "2"]
    many = [BreakReason(str(100 + n), f"R{n}") for n in range(11)]
    assert menu_numbers(many)[8:] == ["9", "", ""]


def test_find_by_id_number_and_name_ignoring_case_and_turkish_letters():
    assert find_reason(SERVER, "3") == SERVER[1]
    assert find_reason(SERVER, "yemek molası") == SERVER[0]
    assert find_reason(SERVER, "  Çay  Sigara Molası ") == SERVER[1]
    assert find_reason(SERVER, "egitim") == SERVER[2]
    assert find_reason(SERVER, "EĞİTİM") == SERVER[2]
    assert find_reason(SERVER, "1") is None
    assert find_reason(SERVER, "Lunch") is None
    assert find_reason(SERVER, "") is None
    by_position = [BreakReason("101", "A"), BreakReason("102", "B")]
    assert find_reason(by_position, "2") == by_position[1]
    assert find_reason(by_position, "101") == by_position[0]
