"""The call table model and its Turkish-aware filter proxy, tested without a view."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from agentbar.api.models import CallRecord
from agentbar.core.recordings import entries_for
from agentbar.ui.panel.call_filter import CallFilterProxy
from agentbar.ui.panel.call_model import (
    ENTRY_ROLE,
    FILE_ROLE,
    HISTORY_COLUMNS,
    NUMBER_ROLE,
    RECORDING_COLUMNS,
    CallTableModel,
    Column,
    SortedEntries,
    duration_text,
)

EXT = "1004"
BASE = datetime(2026, 11, 20, 9, 0)
PEOPLE = [
    ("İSMAİL YILDIZ", "05321234567"),
    ("Işık Aydın", "05331112233"),
    ("ayşe şahin", "02125550000"),
    ("", "05449998877"),
    ("ISPARTA TUR", "02462223344"),
]


def record(i: int, name: str, number: str, durum: str = "ANSWERED") -> CallRecord:
    when = BASE + timedelta(minutes=7 * i)
    file = f"/var/spool/asterisk/monitor/q-{number}-{EXT}-{i}.WAV" if durum == "ANSWERED" else None
    return CallRecord(when, name, number, EXT, "", f"c{i}", "", "", "", 30 + i, durum, file)


def rows(count: int = len(PEOPLE)):
    return entries_for([record(i, *PEOPLE[i % len(PEOPLE)]) for i in range(count)], EXT)


@pytest.fixture
def proxy(qapp):
    model = CallTableModel(RECORDING_COLUMNS)
    model.set_entries(rows())
    p = CallFilterProxy()
    p.setSourceModel(model)
    return p


def names(proxy) -> list[str]:
    return [
        proxy.index(r, RECORDING_COLUMNS.index(Column.NAME)).data() for r in range(proxy.rowCount())
    ]


def test_named_columns_roles_and_display(qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    try:
        _check_columns_roles_and_display()
    finally:
        QLocale.setDefault(previous)


def test_dates_follow_the_ui_language(qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        model = CallTableModel(RECORDING_COLUMNS)
        model.set_entries(rows())
        assert model.index(0, int(Column.WHEN)).data() == "20 Nov 2026 09:00"
    finally:
        QLocale.setDefault(previous)


def _check_columns_roles_and_display():
    model = CallTableModel(RECORDING_COLUMNS)
    entries = rows()
    model.set_entries(entries)
    assert model.rowCount() == 5 and model.columnCount() == 6
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert titles == ["Date and time", "Direction", "Number", "Name", "Duration", "Result"]
    index = model.index(0, int(Column.DIRECTION))
    assert index.data() == "↙ Queue"
    assert model.index(0, int(Column.WHEN)).data() == "20.11.2026 09:00"
    assert model.index(0, int(Column.DURATION)).data() == "0:30"
    assert model.index(0, int(Column.DISPOSITION)).data() == "Answered"
    assert index.data(ENTRY_ROLE) is entries[0]
    assert index.data(FILE_ROLE) == entries[0].file
    assert index.data(NUMBER_ROLE) == "05321234567"
    assert model.row_of_file(entries[3].file) == 3


def test_history_columns_show_the_recording_link(qapp):
    model = CallTableModel(HISTORY_COLUMNS)
    model.set_entries(entries_for([record(0, "A", "0532"), record(1, "B", "0533", "BUSY")], EXT))
    column = HISTORY_COLUMNS.index(Column.RECORDING)
    assert model.index(0, column).data() == "▶ Listen"
    assert model.index(1, column).data() == ""
    assert model.index(1, int(Column.DISPOSITION)).data() == "Busy"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # dimmed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ismail", ["İSMAİL YILDIZ"]),
        ("İSMAİL", ["İSMAİL YILDIZ"]),
        ("yildiz", ["İSMAİL YILDIZ"]),
        ("isik", ["Işık Aydın"]),
        ("IŞIK", ["Işık Aydın"]),
        ("AYŞE", ["ayşe şahin"]),
        ("sahin", ["ayşe şahin"]),
        ("isparta", ["ISPARTA TUR"]),
        ("0544 999", [""]),
        ("+90 532 123 45 67", ["İSMAİL YILDIZ"]),
        ("nobody", []),
        ("", ["İSMAİL YILDIZ", "Işık Aydın", "ayşe şahin", "", "ISPARTA TUR"]),
    ],
)
def test_filter_is_turkish_aware(proxy, query, expected):
    proxy.set_query(query)
    assert names(proxy) == expected
    assert proxy.query == query


def test_sort_by_each_column_is_done_by_the_source(proxy):
    model = proxy.source()
    proxy.sort(int(Column.NAME), Qt.SortOrder.AscendingOrder)
    # Turkish alphabetical order: ı before i, s before ş.
    assert names(proxy) == ["", "ayşe şahin", "ISPARTA TUR", "Işık Aydın", "İSMAİL YILDIZ"]
    proxy.sort(int(Column.WHEN), Qt.SortOrder.DescendingOrder)
    assert [e.date for e in model.entries] == sorted((e.date for e in model.entries), reverse=True)
    proxy.sort(int(Column.DURATION), Qt.SortOrder.AscendingOrder)
    assert [e.duration_s for e in model.entries] == [30, 31, 32, 33, 34]
    for column in range(model.columnCount()):
        proxy.sort(column, Qt.SortOrder.DescendingOrder)  # every column sorts
    assert model.row_of_file(model.entries[2].file) == 2


def test_sorting_keeps_persistent_indexes_on_their_rows(proxy):
    model = proxy.source()
    target = model.entries[1]
    kept = QPersistentModelIndex(model.index(1, 0))
    proxy.sort(int(Column.WHEN), Qt.SortOrder.DescendingOrder)
    assert model.entry(kept.row()) is target
    proxy.set_query("isik")
    assert proxy.entry_at(proxy.index(0, 0)) is target
    assert proxy.index_of_file(target.file).row() == 0
    assert not proxy.index_of_file(model.entries[0].file).isValid()  # hidden by the filter


def test_ten_thousand_rows_fill_sort_and_filter(qapp):
    model = CallTableModel(RECORDING_COLUMNS)
    model.set_entries(rows(10_000))
    proxy = CallFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 10_000
    proxy.sort(int(Column.NAME), Qt.SortOrder.AscendingOrder)
    for typed in ("i", "is", "isi", "isik"):
        proxy.set_query(typed)
    assert proxy.rowCount() == 2_000
    proxy.set_query("")
    assert proxy.rowCount() == 10_000


def test_rows_sorted_beforehand_are_shown_as_they_are(qapp):
    """A load's rows come sorted and indexed from the worker (SortedEntries): the model shows
    that very list when its order is the one asked for, and sorts anew only when it is not."""
    model = CallTableModel(RECORDING_COLUMNS)
    proxy = CallFilterProxy()
    proxy.setSourceModel(model)
    newest_first = SortedEntries(rows(), Column.WHEN, True)
    model.set_entries(newest_first, sort=(int(Column.WHEN), Qt.SortOrder.DescendingOrder))
    assert model.entries is newest_first
    assert model.search_keys is newest_first.keys
    assert [model.row_of_file(e.file or "") for e in newest_first] == list(range(len(newest_first)))
    proxy.set_query("isik")
    assert names(proxy) == ["Işık Aydın"]
    proxy.set_query("")

    model.set_entries(newest_first, sort=(int(Column.NAME), Qt.SortOrder.AscendingOrder))
    assert model.entries is not newest_first  # another order: sorted here
    assert model.entries.order == (Column.NAME, False)
    assert [e.name for e in model.entries] == [
        "",
        "ayşe şahin",
        "ISPARTA TUR",
        "Işık Aydın",
        "İSMAİL YILDIZ",
    ]
    assert model.search_keys == [e.key for e in model.entries]
    assert all(model.row_of_file(e.file) == row for row, e in enumerate(model.entries) if e.file)


def test_the_proxy_needs_a_call_table_model(qapp):
    from PySide6.QtCore import QStringListModel

    with pytest.raises(TypeError):
        CallFilterProxy().setSourceModel(QStringListModel())


@pytest.mark.parametrize(
    ("seconds", "text"), [(None, ""), (0, "0:00"), (59, "0:59"), (61, "1:01"), (3725, "1:02:05")]
)
def test_duration_text(seconds, text):
    assert duration_text(seconds) == text
