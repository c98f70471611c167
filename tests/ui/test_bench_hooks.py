"""The measurement hooks bench/ switches on from the command line (ui/startup/bench_hooks.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from agentbar.app import build_parser
from agentbar.ui.startup.bench_hooks import install_bench_hooks, process_age_s


def test_bench_ready_prints_the_ready_line_after_the_first_paint(qtbot, capsys):
    widget = QLabel("bar")
    qtbot.addWidget(widget)
    install_bench_hooks(build_parser().parse_args(["--bench-ready"]), widget)
    qtbot.wait(50)
    assert "agentbar-ready" not in capsys.readouterr().out  # not before it is painted
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "agentbar-ready" in capsys.readouterr().out, timeout=5000)


def test_without_the_option_nothing_is_printed(qtbot, capsys):
    widget = QLabel("bar")
    qtbot.addWidget(widget)
    install_bench_hooks(build_parser().parse_args([]), widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(100)
    assert capsys.readouterr().out == ""


def test_the_process_age_is_measured_from_the_process_start():
    age = process_age_s()
    assert 0 < age < 24 * 3600
