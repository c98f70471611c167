"""The panel's list with 10,000 recordings: decode + fill, and each filter keystroke.

    QT_QPA_PLATFORM=offscreen python bench/recordings_list.py [--rows 10000] [--runs 7]
        [--out bench/results/recordings_list.json]

Ours: a ``soundRecords`` JSON body is decoded by the API layer, merged (core/recordings.py),
put into ``CallTableModel`` and sorted newest first, with a ``QTableView`` showing it; then
the agent types ``i``, ``is``, ``isi``, ``isik``, ``0532`` into the search (Turkish-aware
``CallFilterProxy``), each keystroke timed until the view has repainted (once, as on screen:
the posted events are processed, and the view painted only if they did not paint it).

Baseline, in the same run: ``json.loads`` of the same body into a ``QStandardItemModel``
(the rows' six fields as items) in a ``QTableView``, filtered by a plain
``QSortFilterProxyModel.setFilterFixedString`` (C++ only, case-insensitive, all columns).
Medians are printed with their ratio to the baseline and written as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from agentbar.api import models as m
from agentbar.api.modules import MODULES
from agentbar.api.wire import decode
from agentbar.core.recordings import entries_for, merge_records
from agentbar.sim.seed import FIRST_NAMES, SURNAMES
from agentbar.ui.panel.call_filter import CallFilterProxy
from agentbar.ui.panel.call_model import (
    RECORDING_COLUMNS,
    CallTableModel,
    Column,
)

EXT = "1004"
KEYSTROKES = ("i", "is", "isi", "isik", "0532")
FIELDS = ("arama_tarihi", "arayan_adi", "arayan_numara", "aranan_numara", "sure", "durum")


def make_body(rows: int, seed: int = 7) -> bytes:
    """A soundRecords JSON reply with ``rows`` of the agent's recorded calls."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 27, 18, 0)
    out = []
    for i in range(rows):
        when = start - timedelta(minutes=3 * i + rng.randint(0, 2))
        number = f"05{rng.randint(30, 55)}{rng.randint(1000000, 9999999)}"
        incoming = rng.random() < 0.5
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" if incoming else "Ayşe Yılmaz"
        kind = "in" if incoming else "out"
        out.append(
            {
                "arama_tarihi": when.strftime("%Y-%m-%d %H:%M:%S"),
                "arayan_adi": name,
                "arayan_numara": number if incoming else EXT,
                "aranan_numara": EXT if incoming else number,
                "kaynak": "from-trunk",
                "kanal": f"SIP/ttnet-{i:08x}",
                "ic_kanal": f"SIP/{EXT}-{i:08x}",
                "sonislem": "Dial",
                "sondata": "",
                "sure": str(rng.randint(5, 600)),
                "durum": "ANSWERED",
                "dosya": f"/var/spool/asterisk/monitor/{when:%Y/%m/%d}/{kind}-{number}-{EXT}-"
                f"{when:%Y%m%d-%H%M%S}-{1795000000 + i}.{i}.WAV",
            }
        )
    return json.dumps({"result": "true", "activecalls": out}, ensure_ascii=False).encode()


class _Paints(QObject):
    """Counts the paint events of a view's viewport."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.count = 0
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle(app: QApplication, view: QTableView) -> None:
    """Until the change is on screen: the events it posted, with the one repaint they ask for
    (as after a real keystroke). A repaint() before them would paint twice; when they painted
    nothing, the view is painted here."""
    paints = view.findChild(_Paints) or _Paints(view)
    before = paints.count
    app.processEvents()
    if paints.count == before:
        view.viewport().repaint()


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


class Ours:
    def __init__(self, app: QApplication, body: bytes) -> None:
        self.app, self.body = app, body
        self.model = CallTableModel(RECORDING_COLUMNS)
        self.proxy = CallFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.resize(760, 400)
        self.view.show()

    def fill(self) -> None:
        payload = decode(self.body, MODULES["soundRecords"])
        assert isinstance(payload, list)
        records = [m.CallRecord.from_wire(row) for row in payload]  # type: ignore[arg-type]
        merged = merge_records(records, [], extension=EXT)
        self.proxy.set_query("")
        self.model.set_entries(entries_for(merged, EXT))
        self.model.sort(int(Column.WHEN), Qt.SortOrder.DescendingOrder)
        _settle(self.app, self.view)

    def type(self, text: str) -> None:
        self.proxy.set_query(text)
        _settle(self.app, self.view)


class Baseline:
    def __init__(self, app: QApplication, body: bytes) -> None:
        self.app, self.body = app, body
        self.model = QStandardItemModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.resize(760, 400)
        self.view.show()

    def fill(self) -> None:
        rows = json.loads(self.body)["activecalls"]
        self.proxy.setFilterFixedString("")
        self.model.clear()
        for row in rows:
            self.model.appendRow([QStandardItem(row[f]) for f in FIELDS])
        _settle(self.app, self.view)

    def type(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        _settle(self.app, self.view)


def measure(rows: int, runs: int) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    body = make_body(rows)
    subjects: dict[str, Ours | Baseline] = {
        "ours": Ours(app, body),
        "baseline": Baseline(app, body),
    }
    fill: dict[str, list[float]] = {k: [] for k in subjects}
    keys: dict[str, list[float]] = {k: [] for k in subjects}
    for _ in range(runs):
        for name, subject in subjects.items():  # interleaved: drift hits both alike
            fill[name].append(_time(subject.fill))
            for text in KEYSTROKES:
                keys[name].append(_time(partial(subject.type, text)))
            subject.type("")
    result: dict[str, object] = {
        "rows": rows,
        "runs": runs,
        "keystrokes": list(KEYSTROKES),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    for label, samples in (("fill", fill), ("keystroke", keys)):
        ours = statistics.median(samples["ours"])
        base = statistics.median(samples["baseline"])
        result[label] = {"ours_ms": ours * 1000, "baseline_ms": base * 1000, "ratio": ours / base}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    result = measure(args.rows, args.runs)
    for label in ("fill", "keystroke"):
        r = result[label]
        assert isinstance(r, dict)
        print(
            f"{label:>9}: ours {r['ours_ms']:8.1f} ms   baseline {r['baseline_ms']:8.1f} ms"
            f"   ratio {r['ratio']:.2f}"
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
