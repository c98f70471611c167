"""Dates in one format per language everywhere, and a sort arrow that says the order shown
(issue 14, item 14): the panel as the agent sees it, in English and in Turkish."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from agentbar.sim import Simulator
from agentbar.sim.clock import SimClock
from agentbar.ui.i18n import install_translations
from agentbar.ui.panel.call_model import Column
from agentbar.ui.panel.side_panel import SidePanel
from tests.ui import test_side_panel as side_panel_tests
from tests.ui.conftest import KEY
from tests.ui.test_side_panel import add_recording, load

# The side panel's fixtures: a PanelSession and its SidePanel over the simulator.
build = side_panel_tests.build
player = side_panel_tests.player

FORMATS = {
    "en": r"\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}",
    "tr": r"\d{2}\.\d{2}\.\d{4}",
}


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """The server's clock pinned at noon today."""
    start = datetime.combine(date.today(), datetime.min.time()).replace(hour=12)
    simulator = Simulator(api_key=KEY, port=0, clock=SimClock(start=start)).start()
    yield simulator
    simulator.stop()


@pytest.fixture(params=["en", "tr"])
def language(request, qapp, tmp_path) -> Iterator[str]:
    install_translations(request.param, tmp_path)  # compiled from the .ts into tmp_path
    yield request.param
    install_translations("en")


def _older_row(side: SidePanel) -> int:
    """A history row from before today (shown with its date, not as "Today")."""
    today = date.today()
    proxy = side.history.proxy
    for row in range(proxy.rowCount()):
        entry = proxy.entry_at(proxy.index(row, 0))
        if entry is not None and entry.date is not None and entry.date.date() < today:
            return row
    raise AssertionError("the seeded history has calls from earlier days")


def test_one_date_format_in_table_tooltips_range_player_and_summary(
    qtbot,
    build,
    sim,
    language,
):
    file = add_recording(sim, "wav", minutes_ago=60 * 24 * 2)  # two days ago
    add_recording(sim, "WAV", minutes_ago=30)  # and one today
    _panel, side = build()
    load(qtbot, side)
    day = FORMATS[language]
    shown = re.compile(rf"^{day} \d{{2}}:\d{{2}}$")
    tip = re.compile(rf"^{day} \d{{2}}:\d{{2}}:\d{{2}}$")

    history = side.history
    cell = history.proxy.index(_older_row(side), int(Column.WHEN))
    text, tooltip = cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)
    assert shown.match(text), text
    assert tip.match(tooltip) and tooltip.startswith(text), tooltip
    today_cell = next(
        history.proxy.index(r, 0)
        for r in range(history.proxy.rowCount())
        if history.proxy.entry_at(history.proxy.index(r, 0)).date.date() == date.today()
    )
    assert re.match(r"^\S+ \d{2}:\d{2}$", today_cell.data())  # "Today 12:00"
    assert tip.match(today_cell.data(Qt.ItemDataRole.ToolTipRole))
    assert re.fullmatch(rf".*{day}.*", history.summary.toolTip())

    recordings = side.recordings
    assert re.search(rf"\b{day}\b", recordings.range_label.text()), recordings.range_label.text()
    side.tabs.setCurrentWidget(recordings)
    view = recordings.view
    index = recordings.proxy.index_of_file(file)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    when = recordings.proxy.index(index.row(), int(Column.WHEN)).data()
    assert shown.match(when)
    assert recordings.player_bar.title.text().endswith(" · " + when)


def _arrow_points_down(side: SidePanel) -> bool:
    """Read the sort arrow off the painted header: ▼ is widest at its top."""
    header = side.history.view.horizontalHeader()
    image: QImage = header.grab().toImage()
    right = header.sectionViewportPosition(0) + header.sectionSize(0)
    widths = []
    for y in range(image.height()):
        dark = sum(
            1 for x in range(max(0, right - 24), right - 1) if image.pixelColor(x, y).value() < 110
        )
        if dark:
            widths.append(dark)
    assert len(widths) >= 2, "no sort arrow painted"
    return widths[0] > widths[-1]


def test_the_sort_arrow_says_the_order_shown(qtbot, build, sim):
    _panel, side = build()
    load(qtbot, side)
    side.tabs.setCurrentWidget(side.history)
    proxy = side.history.proxy

    def dates() -> list[datetime]:
        return [proxy.entry_at(proxy.index(r, 0)).date for r in range(proxy.rowCount())]

    assert dates() == sorted(dates(), reverse=True)  # newest first…
    assert _arrow_points_down(side)  # …and the arrow says descending
    header = side.history.view.horizontalHeader()
    middle = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))
    assert dates() == sorted(dates())  # oldest first…
    assert not _arrow_points_down(side)  # …and the arrow says ascending
