"""``agentbar-sim`` / ``python -m agentbar.sim``: run the simulator until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from agentbar.sim.faults import MALFORMED_MODES, Faults
from agentbar.sim.seed import DEMO_AGENT, DEMO_API_KEY, DEMO_EXTENSION
from agentbar.sim.simulator import BREAK_END_JSON, JSON_RECORD_KEYS, Simulator

FAULT_HELP = (
    "latency=SECONDS, error-rate=0..1, malformed={"
    + ",".join(MALFORMED_MODES)
    + "}, down (start refusing connections; SIGUSR1 toggles). Repeatable."
)


def parse_fault(text: str, faults: Faults) -> None:
    """Apply one ``--fault`` value to ``faults`` (ValueError when it makes no sense)."""
    name, _, value = text.partition("=")
    name = name.strip().lower().replace("_", "-")
    if name == "latency":
        faults.latency = float(value)
    elif name == "error-rate":
        faults.error_rate = float(value)
    elif name == "malformed":
        faults.malformed = value or None
    elif name == "down" and value in ("", "1", "true", "yes"):
        faults.down = True
    else:
        raise ValueError(f"unknown fault {text!r}")


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="agentbar-sim",
        description="A stateful simulator of the call-center HTTP API (Asterisk/Issabel).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    parser.add_argument("--port", type=int, default=8080, help="port (0: any free port)")
    parser.add_argument("--api-key", default=None, help=f"the key to accept ({DEMO_API_KEY})")
    parser.add_argument("--fault", action="append", default=[], metavar="F", help=FAULT_HELP)
    parser.add_argument("--numeric-lists", action="store_true", help='JSON lists as {"0": ...}')
    parser.add_argument("--json-record-key", choices=JSON_RECORD_KEYS, default="activecalls")
    parser.add_argument("--break-end-json", choices=BREAK_END_JSON, default="block")
    parser.add_argument(
        "--incoming-every",
        type=float,
        default=None,
        metavar="SECONDS",
        help="random incoming calls to free agents, one every SECONDS on average",
    )
    parser.add_argument("--time-scale", type=float, default=1.0, help="simulated s per real s")
    parser.add_argument("--seed", type=int, default=1234, help="seed of the demo data")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run until Ctrl-C or SIGTERM; print the URL first. Returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    faults = Faults()
    for text in args.fault:
        try:
            parse_fault(text, faults)
        except ValueError as error:
            parser.error(f"--fault {text}: {error}")
    if args.time_scale <= 0:
        parser.error("--time-scale must be > 0")
    sim = Simulator(
        api_key=args.api_key or DEMO_API_KEY,
        host=args.host,
        port=args.port,
        faults=faults,
        time_scale=args.time_scale,
        numeric_lists=args.numeric_lists,
        json_record_key=args.json_record_key,
        seed=args.seed,
        break_end_json=args.break_end_json,
    )
    try:
        sim.start()
    except OSError as error:
        print(f"agentbar-sim: cannot listen on {args.host}:{args.port}: {error}")
        return 1
    key_hint = "as given with --api-key" if args.api_key else DEMO_API_KEY
    print(
        f"agentbar-sim listening on {sim.url} (demo agent {DEMO_AGENT}, "
        f"extension {DEMO_EXTENSION}, api key: {key_hint})",
        flush=True,
    )
    print(
        f"  try: curl '{sim.url}?apikey=KEY&module=breakList&type=json'\n"
        f"       curl -d agent={DEMO_AGENT} '{sim.url}?apikey=KEY&module=loginAgent'\n"
        "  Ctrl-C stops."
        + (" Server starts DOWN; SIGUSR1 toggles down/up." if faults.down else ""),
        flush=True,
    )
    if args.incoming_every:
        sim.start_incoming_calls(args.incoming_every)
    return _serve_until_interrupted(sim)


def _serve_until_interrupted(sim: Simulator) -> int:
    done = threading.Event()

    def on_term(signum: int, frame: FrameType | None) -> None:
        done.set()

    def on_toggle(signum: int, frame: FrameType | None) -> None:
        sim.set_down(not sim.faults.down)

    if threading.current_thread() is threading.main_thread():  # signals need the main thread
        signal.signal(signal.SIGTERM, on_term)
        if hasattr(signal, "SIGUSR1"):
            signal.signal(signal.SIGUSR1, on_toggle)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
