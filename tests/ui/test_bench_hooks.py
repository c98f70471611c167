"""The measurement hooks bench/ switches on from the command line (ui/startup/bench_hooks.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from agentbar.app import build_parser
from agentbar.ui.startup.bench_hooks import install_bench_hooks, process_age_s

PAINTED = "painted\n"


class _PaintMarks(QObject):
    """Writes PAINTED on stdout at each paint of ``widget``: the output then shows in which
    order the paints and the hook's line came."""

    def __init__(self, widget: QLabel) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            sys.stdout.write(PAINTED)
        return False


def test_bench_ready_prints_the_ready_line_after_the_first_paint(qtbot, capsys):
    widget = QLabel("bar")
    qtbot.addWidget(widget)
    _PaintMarks(widget)
    install_bench_hooks(build_parser().parse_args(["--bench-ready"]), widget)
    out: list[str] = []

    def ready() -> bool:
        out.append(capsys.readouterr().out)
        return "agentbar-ready" in "".join(out)

    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(ready, timeout=5000)
    printed = "".join(out)
    assert printed.startswith(PAINTED)  # not before it is painted
    assert printed.count("agentbar-ready") == 1


def test_without_the_option_nothing_is_printed(qtbot, capsys):
    widget = QLabel("bar")
    qtbot.addWidget(widget)
    marks = _PaintMarks(widget)
    install_bench_hooks(build_parser().parse_args([]), widget)
    widget.show()
    qtbot.waitUntil(lambda: marks.paints > 0, timeout=5000)
    # The hook prints one turn of the loop after the first paint (a zero timer queued then);
    # a zero timer queued now comes after it.
    with qtbot.waitCallback() as turned:
        QTimer.singleShot(0, turned)
    assert capsys.readouterr().out == PAINTED * marks.paints


def test_the_process_age_is_measured_from_the_process_start():
    age = process_age_s()
    assert 0 < age < 24 * 3600
