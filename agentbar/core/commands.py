"""What a second launch may ask the running instance to do: the vocabulary and its wire format."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "COMMANDS",
    "MAX_MESSAGE_BYTES",
    "PROTOCOL_VERSION",
    "Command",
    "CommandError",
    "add_command_options",
    "commands_from_namespace",
    "commands_from_options",
    "decode",
    "decode_reply",
    "encode",
    "encode_reply",
    "validate",
]

#: The ``v`` of every message; a running instance refuses any other version.
PROTOCOL_VERSION = 1
#: Longest message line accepted, newline included. A dial link is at most 256 characters.
MAX_MESSAGE_BYTES = 2048
#: Longest string argument, in characters (phone.MAX_URI_LENGTH for links, much more than ids).
_MAX_ARG_CHARS = {"target": 256, "reason": 64}

#: Each command and the names of its arguments (every argument is a non-empty string).
COMMANDS: Mapping[str, tuple[str, ...]] = {
    "dial": ("target",),  # a number or a tel:/callto:/sip: link, parsed by the instance
    "dial_clipboard": (),
    "show": (),
    "break": ("reason",),  # the server's ID, the menu's number or the name (break_reasons.py)
    "end_break": (),
    "logout": (),  # asks first during a break or a call
    "quit": (),
}


class CommandError(ValueError):
    """A message or command that is refused; ``str(exc)`` is a short English reason.

    The reason never quotes the refused text (it may hold a phone number or garbage).
    """


@dataclass(frozen=True, slots=True)
class Command:
    """One validated command: ``name`` is in COMMANDS and ``args`` has exactly its arguments."""

    name: str
    args: Mapping[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Command({self.name!r}, {dict(self.args)!r})"


def _is_control(char: str) -> bool:
    return ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029"


def validate(name: object, args: object) -> Command:
    """A Command from an untrusted name and arguments mapping, or raise CommandError.

    Only the names in COMMANDS are accepted, with exactly their arguments, each a string
    without control characters (tabs and newlines included) and, once surrounding spaces are
    trimmed, of 1..N characters. Pure; never blocks.
    """
    if not isinstance(name, str) or name not in COMMANDS:
        raise CommandError("unknown command")
    if not isinstance(args, Mapping):
        raise CommandError(f"{name}: arguments must be an object")
    expected = COMMANDS[name]
    if set(args) != set(expected):
        raise CommandError(f"{name}: expected arguments {sorted(expected)}")
    clean: dict[str, str] = {}
    for key in expected:
        value = args[key]
        if not isinstance(value, str):
            raise CommandError(f"{name}: {key} must be a string")
        if any(_is_control(c) for c in value):
            raise CommandError(f"{name}: {key} contains control characters")
        value = value.strip()
        if not value:
            raise CommandError(f"{name}: {key} is empty")
        if len(value) > _MAX_ARG_CHARS[key]:
            raise CommandError(f"{name}: {key} is longer than {_MAX_ARG_CHARS[key]} characters")
        clean[key] = value
    return Command(name, clean)


def encode(command: Command) -> bytes:
    """The one-line JSON message for ``command``, newline-terminated UTF-8."""
    message = {"v": PROTOCOL_VERSION, "cmd": command.name, "args": dict(command.args)}
    line = json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n"
    return line.encode("ascii")


def decode(line: bytes) -> Command:
    """The Command in one received line (with or without its newline); raises CommandError.

    Refuses: more than MAX_MESSAGE_BYTES, bytes that are not UTF-8, anything but a JSON
    object with exactly ``v``, ``cmd`` and ``args``, another protocol version, and whatever
    :func:`validate` refuses.
    """
    if len(line) > MAX_MESSAGE_BYTES:
        raise CommandError(f"message longer than {MAX_MESSAGE_BYTES} bytes")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError("message is not UTF-8") from None
    text = text.removesuffix("\n").removesuffix("\r")
    if "\n" in text:
        raise CommandError("message has more than one line")
    try:
        message: Any = json.loads(text)
    except (ValueError, RecursionError):
        raise CommandError("message is not JSON") from None
    if not isinstance(message, dict):
        raise CommandError("message is not a JSON object")
    if set(message) != {"v", "cmd", "args"}:
        raise CommandError("message must have exactly v, cmd and args")
    version = message["v"]
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise CommandError(
            f"unsupported protocol version (this instance speaks {PROTOCOL_VERSION})"
        )
    return validate(message["cmd"], message["args"])


def encode_reply(error: str = "") -> bytes:
    """The instance's answer to one message: ``{"v":1,"ok":true}`` or ok false with a reason."""
    reply: dict[str, object] = {"v": PROTOCOL_VERSION, "ok": not error}
    if error:
        reply["error"] = error
    return (json.dumps(reply, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def decode_reply(line: bytes) -> str:
    """The refusal reason in an answer, "" when the command was accepted; raises CommandError."""
    try:
        reply: Any = json.loads(line.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        raise CommandError("the running instance answered something that is not JSON") from None
    if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
        raise CommandError("the running instance answered in an unknown format")
    if reply["ok"]:
        return ""
    return str(reply.get("error") or "refused")[:200]


# -- the command line of a launch -----------------------------------------------------------


def add_command_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that become commands (the positional ``target`` is the app's own)."""
    group = parser.add_argument_group(
        "commands", "carried out by the running AgentBar (started first when there is none)"
    )
    group.add_argument(
        "--dial-clipboard", action="store_true", help="dial the number in the clipboard"
    )
    group.add_argument("--show", action="store_true", help="show the toolbar")
    group.add_argument(
        "--break",
        dest="break_reason",
        metavar="REASON",
        help="start a break: the reason's server ID, its number in the menu, or its name",
    )
    group.add_argument("--end-break", action="store_true", help="end the break")
    group.add_argument(
        "--logout", action="store_true", help="log out (asks first during a break or a call)"
    )
    group.add_argument("--quit", action="store_true", help="quit (asks about ending the shift)")


def commands_from_options(
    target: str | None = None,
    *,
    dial_clipboard: bool = False,
    show: bool = False,
    break_reason: str | None = None,
    end_break: bool = False,
    quit: bool = False,
    logout: bool = False,
) -> list[Command]:
    """The commands of one launch, in the order they run; raises CommandError for bad values.

    The order is fixed whatever the order on the command line: show, end the break, start a
    break, dial, dial the clipboard, log out, quit (last, so it never cuts the others short).
    """
    commands: list[Command] = []
    if show:
        commands.append(validate("show", {}))
    if end_break:
        commands.append(validate("end_break", {}))
    if break_reason is not None:
        commands.append(validate("break", {"reason": break_reason}))
    if target is not None:
        commands.append(validate("dial", {"target": target}))
    if dial_clipboard:
        commands.append(validate("dial_clipboard", {}))
    if logout:
        commands.append(validate("logout", {}))
    if quit:
        commands.append(validate("quit", {}))
    return commands


def commands_from_namespace(args: argparse.Namespace) -> list[Command]:
    """:func:`commands_from_options` over parsed arguments (missing attributes are off)."""
    return commands_from_options(
        getattr(args, "target", None),
        dial_clipboard=bool(getattr(args, "dial_clipboard", False)),
        show=bool(getattr(args, "show", False)),
        break_reason=getattr(args, "break_reason", None),
        end_break=bool(getattr(args, "end_break", False)),
        quit=bool(getattr(args, "quit", False)),
        logout=bool(getattr(args, "logout", False)),
    )
