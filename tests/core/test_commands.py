"""The second-launch command vocabulary: the launch's arguments, the wire format, refusals."""

from __future__ import annotations

import json

import pytest

from agentbar.app import build_parser
from agentbar.core.commands import (
    COMMANDS,
    MAX_MESSAGE_BYTES,
    Command,
    CommandError,
    commands_from_namespace,
    decode,
    decode_reply,
    encode,
    encode_reply,
    validate,
)


def _parse(argv: list[str]) -> list[tuple[str, dict[str, str]]]:
    return [
        (c.name, dict(c.args)) for c in commands_from_namespace(build_parser().parse_args(argv))
    ]


ARGV_TABLE = [
    ([], []),
    (["--basedir", "/tmp/x"], []),
    (["tel:+905321234567"], [("dial", {"target": "tel:+905321234567"})]),
    (["--basedir", "D", "tel:+905321234567"], [("dial", {"target": "tel:+905321234567"})]),
    (["--", "callto://+90 532"], [("dial", {"target": "callto://+90 532"})]),
    (["0532 123 45 67"], [("dial", {"target": "0532 123 45 67"})]),
    (["  sip:05321234567@pbx  "], [("dial", {"target": "sip:05321234567@pbx"})]),
    (["--dial-clipboard"], [("dial_clipboard", {})]),
    (["--show"], [("show", {})]),
    (["--break", "3"], [("break", {"reason": "3"})]),
    (["--break=lunch"], [("break", {"reason": "lunch"})]),
    (["--end-break"], [("end_break", {})]),
    (["--quit"], [("quit", {})]),
    # A fixed order whatever the command line says: quit last, show first.
    (
        ["--quit", "--dial-clipboard", "tel:112", "--break", "2", "--end-break", "--show"],
        [
            ("show", {}),
            ("end_break", {}),
            ("break", {"reason": "2"}),
            ("dial", {"target": "tel:112"}),
            ("dial_clipboard", {}),
            ("quit", {}),
        ],
    ),
    (["--url", "http://pbx/api/", "--agent", "101", "--show"], [("show", {})]),
]


@pytest.mark.parametrize(("argv", "expected"), ARGV_TABLE)
def test_launch_arguments_become_commands(argv, expected):
    assert _parse(argv) == expected


@pytest.mark.parametrize("argv", [["--break", " "], ["x" * 300], ["tel:1\x00"]])
def test_bad_argument_values_are_refused(argv):
    with pytest.raises(CommandError):
        commands_from_namespace(build_parser().parse_args(argv))


def test_main_reports_a_bad_value_as_a_usage_error(capsys):
    from agentbar.app import main

    with pytest.raises(SystemExit) as exc:
        main(["--break", ""])
    assert exc.value.code == 2
    assert "break: reason is empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        Command("dial", {"target": "tel:+90%20532%20123%2045%2067"}),
        Command("dial", {"target": "Tel: 0532 123 45 67 ☎"}),
        Command("dial_clipboard"),
        Command("show"),
        Command("break", {"reason": "7"}),
        Command("end_break"),
        Command("quit"),
    ],
)
def test_encode_decode_round_trip(command):
    line = encode(command)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    message = json.loads(line)
    assert message["v"] == 1 and message["cmd"] == command.name
    assert decode(line) == command


def test_every_command_round_trips():
    for name, arg_names in COMMANDS.items():
        command = validate(name, {a: "1" for a in arg_names})
        assert decode(encode(command)) == command


def _line(obj: object) -> bytes:
    return json.dumps(obj).encode() + b"\n"


REFUSED = [
    (b"", "not JSON"),
    (b"\n", "not JSON"),
    (b"hello\n", "not JSON"),
    (b"\xff\xfe{}\n", "not UTF-8"),
    (b"[" * 1500 + b"]" * 1500, "longer than"),
    (b"[" * 1000 + b"]" * 1000, "not a JSON object"),
    (b'{"v":1,"cmd":"show","args":{}}\n{"v":1}', "more than one line"),
    (_line([1, "show"]), "not a JSON object"),
    (_line({"v": 1, "cmd": "show"}), "exactly v, cmd and args"),
    (_line({"v": 1, "cmd": "show", "args": {}, "extra": 1}), "exactly v, cmd and args"),
    (_line({"v": 2, "cmd": "show", "args": {}}), "protocol version"),
    (_line({"v": "1", "cmd": "show", "args": {}}), "protocol version"),
    (_line({"v": True, "cmd": "show", "args": {}}), "protocol version"),
    (_line({"v": 1.0, "cmd": "show", "args": {}}), "protocol version"),
    (_line({"v": 1, "cmd": "exec", "args": {}}), "unknown command"),
    (_line({"v": 1, "cmd": "Dial", "args": {"target": "112"}}), "unknown command"),
    (_line({"v": 1, "cmd": ["dial"], "args": {}}), "unknown command"),
    (_line({"v": 1, "cmd": "show", "args": []}), "arguments must be an object"),
    (_line({"v": 1, "cmd": "show", "args": {"x": "1"}}), "expected arguments"),
    (_line({"v": 1, "cmd": "dial", "args": {}}), "expected arguments"),
    (_line({"v": 1, "cmd": "dial", "args": {"number": "112"}}), "expected arguments"),
    (_line({"v": 1, "cmd": "dial", "args": {"target": 112}}), "must be a string"),
    (_line({"v": 1, "cmd": "dial", "args": {"target": None}}), "must be a string"),
    (_line({"v": 1, "cmd": "dial", "args": {"target": "  "}}), "is empty"),
    (_line({"v": 1, "cmd": "dial", "args": {"target": "1" * 257}}), "longer than 256"),
    (_line({"v": 1, "cmd": "dial", "args": {"target": "112\r\nquit"}}), "control characters"),
    (_line({"v": 1, "cmd": "break", "args": {"reason": "1\u0085"}}), "control characters"),
    (_line({"v": 1, "cmd": "break", "args": {"reason": "r" * 65}}), "longer than 64"),
    (b"x" * (MAX_MESSAGE_BYTES + 1), "longer than"),
]


@pytest.mark.parametrize(("line", "reason"), REFUSED)
def test_malformed_messages_are_refused_with_a_reason(line, reason):
    with pytest.raises(CommandError, match=reason):
        decode(line)


def test_refusal_reasons_never_quote_the_message():
    secretish = "tel:+905321234567"
    with pytest.raises(CommandError) as exc:
        decode(_line({"v": 1, "cmd": "dial", "args": {"target": secretish + "\n"}}))
    assert secretish not in str(exc.value)


def test_replies():
    assert decode_reply(encode_reply()) == ""
    assert decode_reply(encode_reply("unknown command")) == "unknown command"
    with pytest.raises(CommandError):
        decode_reply(b"nonsense\n")
    with pytest.raises(CommandError):
        decode_reply(b'{"v":1}\n')
