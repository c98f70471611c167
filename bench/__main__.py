"""The benchmark suite: ``python -m bench [--quick] [CASE ...]``.

Cases (all by default, in this order): startup, memory, click_to_dial, responsiveness, idle,
recordings, playback, fleet (``--agents N``, default 200: a floor of bars polling one server,
bench/fleet.py). Each prints its figures with the baseline measured in the same run and
the ratio, and the whole run is written to bench/results/summary.json (with the machine it ran
on). Timings are medians of several runs. ``--quick`` runs fewer and shorter runs (a minute or
so instead of a few), for a first look; the README quotes full runs.

Children run offscreen (QT_QPA_PLATFORM=offscreen) with bytecode caching on
(bench/common.py, ``use_bytecode_cache``), as an installed AgentBar runs.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import HEADER, RESULTS, Figure, machine, use_bytecode_cache, write_json

CASES = (
    "startup",
    "memory",
    "click_to_dial",
    "responsiveness",
    "idle",
    "recordings",
    "playback",
    "fleet",
)


def _click_to_dial(quick: bool) -> list[Figure]:
    from bench import click_to_dial

    use_bytecode_cache()  # click_to_dial.py starts its children with a copy of os.environ
    result = click_to_dial.measure(3 if quick else 7)
    samples = result["samples_ms"]
    assert isinstance(samples, dict)
    base = float(result["baseline_import_qtcore_ms"])  # type: ignore[arg-type]
    handoff = Figure(
        "click_to_dial",
        "second launch (tel:...) until handed over",
        float(result["handoff_ms"]),  # type: ignore[arg-type]
        "ms",
        baseline=base,
        baseline_name='python -c "import PySide6.QtCore"',
        target="<= 2x",
        samples=samples["handoff"],
        baseline_samples=samples["baseline"],
    )
    handoff.judge_ratio(2)
    to_dial = Figure(
        "click_to_dial",
        f"launch -> dial at the server, less {result['dial_preview_ms']} ms preview",
        float(result["to_dial_minus_preview_ms"]),  # type: ignore[arg-type]
        "ms",
        baseline=base,
        baseline_name='python -c "import PySide6.QtCore"',
        target="<= 2x",
        samples=[v - float(result["dial_preview_ms"]) for v in samples["to_dial"]],  # type: ignore[arg-type]
        baseline_samples=samples["baseline"],
    )
    to_dial.judge_ratio(2)
    return [handoff, to_dial]


def _recordings(quick: bool, rows: int = 10_000) -> list[Figure]:
    """bench/recordings_list.py (JSON, fill + keystrokes) and the XML decode of the same rows."""
    from bench import recordings_list

    result = recordings_list.measure(rows, 3 if quick else 7)
    figures = []
    fill = result["fill"]
    keystroke = result["keystroke"]
    assert isinstance(fill, dict) and isinstance(keystroke, dict)
    figures.append(
        Figure(
            "recordings",
            f"{rows:,} rows JSON: decode, merge, fill, sort, paint",
            fill["ours_ms"],
            "ms",
            baseline=fill["baseline_ms"],
            baseline_name="json.loads into a QStandardItemModel",
            target="report",
        )
    )
    key = Figure(
        "recordings",
        f"one filter keystroke, {rows:,} rows, repainted",
        keystroke["ours_ms"],
        "ms",
        baseline=keystroke["baseline_ms"],
        baseline_name="QSortFilterProxyModel.setFilterFixedString",
        target="<= 16 ms",
    )
    key.met = key.value <= 16
    figures.append(key)
    figures.extend(_xml_decode(rows, 3 if quick else 7))
    return figures


def _xml_decode(rows: int, runs: int) -> list[Figure]:
    """Decode ``rows`` soundRecords rows sent as XML (our wire.decode + models) vs defusedxml."""
    import json
    import statistics

    from defusedxml import ElementTree

    from agentbar.api import models as m
    from agentbar.api.modules import MODULES
    from agentbar.api.wire import decode
    from agentbar.sim.render import Items, Reply, render
    from bench.recordings_list import make_body

    data = json.loads(make_body(rows))["activecalls"]
    spec = MODULES["soundRecords"]
    # The simulator's XML for these rows, as the server writes soundRecords.
    xml, _ = render(Reply.success(Items("activecalls", "call_records", "call_record", data)), "xml")
    json_body = make_body(rows)
    ours_xml: list[float] = []
    base_xml: list[float] = []
    ours_json: list[float] = []
    base_json: list[float] = []
    for _ in range(runs):
        for samples, action in (
            (ours_xml, lambda: [m.CallRecord.from_wire(r) for r in decode(xml, spec)]),  # type: ignore[arg-type]
            (base_xml, lambda: ElementTree.fromstring(xml)),
            (ours_json, lambda: [m.CallRecord.from_wire(r) for r in decode(json_body, spec)]),  # type: ignore[arg-type]
            (base_json, lambda: json.loads(json_body)),
        ):
            start = time.perf_counter()
            action()
            samples.append((time.perf_counter() - start) * 1000)
    return [
        Figure(
            "recordings",
            f"{rows:,} rows XML ({len(xml) >> 10} KiB) -> CallRecords",
            statistics.median(ours_xml),
            "ms",
            baseline=statistics.median(base_xml),
            baseline_name="defusedxml.ElementTree.fromstring",
            target="report",
            samples=ours_xml,
            baseline_samples=base_xml,
        ),
        Figure(
            "recordings",
            f"{rows:,} rows JSON ({len(json_body) >> 10} KiB) -> CallRecords",
            statistics.median(ours_json),
            "ms",
            baseline=statistics.median(base_json),
            baseline_name="json.loads",
            target="report",
            samples=ours_json,
            baseline_samples=base_json,
        ),
    ]


def _case(
    name: str, rows: int, agents: int = 200, minutes: float | None = None
) -> Callable[[bool], list[Figure]]:
    if name == "click_to_dial":
        return _click_to_dial
    if name == "recordings":
        return functools.partial(_recordings, rows=rows)
    if name == "fleet":
        from bench import fleet

        return functools.partial(fleet.run, agents=agents, minutes=minutes)
    module = __import__(f"bench.{name}", fromlist=["run"])
    run: Callable[[bool], list[Figure]] = module.run
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"any of: {', '.join(CASES)}")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter runs")
    parser.add_argument("--out", type=Path, default=RESULTS / "summary.json")
    parser.add_argument(
        "--rows", type=int, default=10_000, help="rows of the recordings case (default 10,000)"
    )
    parser.add_argument(
        "--agents", type=int, default=200, help="bars in the fleet case (default 200)"
    )
    parser.add_argument(
        "--minutes", type=float, help="simulated minutes of the fleet case (default: by size)"
    )
    args = parser.parse_args(argv)
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")
    selected = [c for c in CASES if c in args.cases] if args.cases else list(CASES)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
    info = machine()
    print(
        f"AgentBar benchmarks{' (quick)' if args.quick else ''}: {info['nproc']} cores, "
        f"{info['cpu']}, Python {info['python']}, PySide6 {info['pyside6']}"
    )
    print(HEADER)
    summary: dict[str, object] = {
        "machine": info,
        "quick": args.quick,
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cases": {},
    }
    cases: dict[str, object] = {}
    summary["cases"] = cases
    failed = False
    for name in selected:
        print(f"{name}:", flush=True)
        start = time.perf_counter()
        try:
            figures = _case(name, args.rows, args.agents, args.minutes)(args.quick)
        except Exception as exc:  # one broken case must not hide the others' figures
            failed = True
            print(f"  failed: {type(exc).__name__}: {exc}", flush=True)
            cases[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        for figure in figures:
            print(figure.line(), flush=True)
        cases[name] = {
            "seconds": round(time.perf_counter() - start, 1),
            "figures": [f.as_dict() for f in figures],
        }
        write_json(args.out, summary)  # after every case: a later failure keeps the rest
    write_json(args.out, summary)
    print(f"wrote {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
