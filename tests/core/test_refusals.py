"""Which server refusals mean the bar's idea of the agent's state is out of date."""

from __future__ import annotations

import pytest

from agentbar.core.refusals import says_not_logged_in, says_not_on_break


@pytest.mark.parametrize(
    "text",
    [
        "Agent giriş yapmamış.",
        "AGENT GIRIS YAPMAMIS",
        "Agent is not logged in",
        "Agent giriş yapılmamış",
    ],
)
def test_not_logged_in(text):
    assert says_not_logged_in(text)


@pytest.mark.parametrize(
    "text", ["Agent zaten giriş yapmış.", "Geçersiz API anahtarı.", "Mola Başladı"]
)
def test_other_refusals_are_not_read_as_logged_out(text):
    assert not says_not_logged_in(text)


@pytest.mark.parametrize(
    "text", ["Agent molada değil.", "AGENT MOLADA DEGIL", "agent is not on a break"]
)
def test_not_on_break(text):
    assert says_not_on_break(text)


def test_break_refusals_differ():
    assert not says_not_on_break("Agent zaten molada.")
