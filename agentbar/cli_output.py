"""Rendering for agentbar-cli: payloads as JSON, aligned tables or CSV, and the help texts."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import cast

from agentbar.api.errors import redact
from agentbar.api.modules import MODULES, Kind, Module, Param, ParamType

Output = Mapping[str, object] | Sequence[Mapping[str, object]] | Sequence[str]
FORMATS = ("json", "table", "csv")
NO_ROWS = "(no rows)"
DEFAULT_RECORDING_NAME = "recording"
OPTIONS_HELP = """\
  --url URL           the API address, e.g. http://pbx.example.com/api/
  --api-key-file FILE read the API key from FILE (its first line)
  --api-key -         read the API key from standard input (its first line)
  --api-key KEY       the key itself: every user sees it in the process list (a warning)
  --wire json|xml     wire format asked of the server (default json)
  --output json|table|csv
                      how to print the reply (default json)
  --out FILE          downloadRecording: where to write the audio (a directory keeps its name)
  --timeout SECONDS   network timeout (default: connect 5 s, read 15 s)
  -h, --help          this help; MODULE --help shows one module
  --version           print the version"""
_GAP = "  "

#: What to call one item of a list of strings (the CSV column), by module kind.
_ITEM_NAMES = {Kind.AGENTS: "agent"}

_TYPE_LABELS = {
    ParamType.INT: "INT",
    ParamType.STR: "TEXT",
    ParamType.DATE: "YYYY-MM-DD",
    ParamType.TIME: "HH:MM:SS",
    ParamType.BOOL: "true|false",
    ParamType.LIST: "VALUE",
    ParamType.ORDER: "asc|desc",
}


def item_name(module: Module) -> str:
    """The column name of one item when ``module`` answers a list of strings."""
    return _ITEM_NAMES.get(module.kind, "value")


def render(payload: Output, fmt: str, module: Module) -> str:
    """``payload`` as text in ``fmt`` (json, table or csv), ending with a newline (or empty)."""
    if fmt == "json":
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(payload)
    if fmt == "csv":
        return _csv(payload, module)
    raise ValueError(f"unknown output format {fmt!r}")


def _hide_row(row: Mapping[str, object], key: str) -> dict[str, object]:
    return {k: redact(v, [key]) if isinstance(v, str) else v for k, v in row.items()}


def hide_key(payload: Output, key: str) -> Output:
    """``payload`` with the API key hidden in every text, should a server echo it back."""
    if isinstance(payload, Mapping):
        return _hide_row(payload, key)
    if all(isinstance(item, str) for item in payload):
        return [redact(cast(str, item), [key]) for item in payload]
    return [_hide_row(cast(Mapping[str, object], row), key) for row in payload]


def recording_name(listen: str) -> str:
    """A safe local file name for the recording at server path ``listen``: its last part only."""
    name = re.split(r"[/\\]", listen.strip())[-1]
    name = "".join(c for c in name if c.isprintable() and c not in ':*?"<>|').strip()
    name = name.lstrip(".")  # never "..", never a hidden file
    return name or DEFAULT_RECORDING_NAME


def use_utf8(stream: object) -> None:
    """Write UTF-8 when the platform would pick a legacy code page (Windows pipes)."""
    encoding = str(getattr(stream, "encoding", "utf-8") or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(Exception):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _cell(value: object) -> str:
    # A table row is one line: newlines and tabs inside a value would break the columns.
    text = _text(value)
    return " ".join(text.split()) if any(c in text for c in "\r\n\t") else text


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks 0, East Asian wide/full 2."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def _columns(rows: Sequence[Mapping[str, object]]) -> list[str]:
    keys: dict[str, None] = {}
    for row in rows:
        for key in row:
            keys.setdefault(key, None)
    return list(keys)


def _table(payload: Output) -> str:
    if isinstance(payload, dict):
        if not payload:
            return NO_ROWS + "\n"
        key_width = max(width(k) for k in payload)
        lines = [f"{_pad(k, key_width)}{_GAP}{_cell(v)}".rstrip() for k, v in payload.items()]
        return "\n".join(lines) + "\n"
    if not payload:
        return NO_ROWS + "\n"
    if all(isinstance(item, str) for item in payload):
        return "".join(_cell(item) + "\n" for item in payload)
    rows = [row for row in payload if isinstance(row, dict)]
    columns = _columns(rows)
    grid = [columns] + [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(width(line[i]) for line in grid) for i in range(len(columns))]
    out = []
    for line in grid:
        out.append(_GAP.join(_pad(cell, w) for cell, w in zip(line, widths, strict=True)).rstrip())
    return "\n".join(out) + "\n"


def _csv(payload: Output, module: Module) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if isinstance(payload, dict):
        writer.writerow(payload.keys())
        writer.writerow(_text(v) for v in payload.values())
    elif module.kind is Kind.AGENTS or (payload and all(isinstance(i, str) for i in payload)):
        writer.writerow([item_name(module)])
        writer.writerows([_text(item)] for item in payload)
    else:
        rows = [row for row in payload if isinstance(row, dict)]
        columns = _columns(rows)
        if columns:
            writer.writerow(columns)
            writer.writerows([_text(row.get(c)) for c in columns] for row in rows)
    return buffer.getvalue()


# -- help ----------------------------------------------------------------------------------


def _param_usage(param: Param) -> str:
    text = f"{param.name}={_TYPE_LABELS[param.type]}"
    if param.type is ParamType.LIST:
        text += " ..."
    return text if param.required else f"[{text}]"


def module_usage(prog: str, module: Module) -> str:
    """One usage line for ``module``."""
    parts = [prog, "[options]", module.name, *(_param_usage(p) for p in module.params)]
    if module.kind is Kind.DOWNLOAD:
        parts.append("[--out FILE]")
    return "usage: " + " ".join(parts)


def _param_lines(module: Module, indent: str) -> list[str]:
    if not module.params:
        return [f"{indent}(no parameters)"]
    labels = [f"{p.name}={_TYPE_LABELS[p.type]}" for p in module.params]
    label_width = max(len(label) for label in labels)
    lines = []
    for label, param in zip(labels, module.params, strict=True):
        need = "required" if param.required else "optional"
        extra = ", repeat for several" if param.type is ParamType.LIST else ""
        lines.append(f"{indent}{label.ljust(label_width)}  {param.help} ({need}{extra})")
    return lines


def _nature(module: Module) -> str:
    change = "changes state, never retried" if module.mutating else "read-only"
    return f"{module.method}, {change}"


def module_help(prog: str, module: Module) -> str:
    """The help of one module: usage, summary, parameters."""
    lines = [module_usage(prog, module), "", f"{module.name}: {module.summary} ({_nature(module)})"]
    lines += ["", "parameters:", *_param_lines(module, "  ")]
    if module.kind is Kind.DOWNLOAD:
        lines += [
            "",
            "Writes the audio to --out FILE (a directory keeps the recording's name), or to the",
            "recording's file name in the current directory; prints {file, bytes, kind}.",
        ]
    return "\n".join(lines) + "\n"


def main_help(prog: str) -> str:
    """The full help: usage, options, then every module with its summary and parameters."""
    lines = [
        f"usage: {prog} [options] MODULE [NAME=VALUE ...]",
        "",
        "Call one module of the call-center API and print its reply (JSON by default).",
        "A parameter repeated makes a list (dynmembers=100 dynmembers=101).",
        "",
        "options:",
        OPTIONS_HELP,
        "",
        "The key comes from --api-key-file or --api-key, else where AgentBar finds it:",
        "AGENTBAR_API_KEY, its keyring entry, the api_key_command setting (first when set",
        "by policy), the key installed for the computer. The URL comes from --url, else",
        "AGENTBAR_URL, else AgentBar's settings. HTTPS trusts the system's certificates",
        "and the ca_file setting.",
        "Exit status: 0 success, 1 failure (one 'error: ...' line on stderr), 2 usage error.",
        f"One module's help: {prog} MODULE --help (or {prog} help MODULE).",
        "",
        "modules:",
    ]
    for module in MODULES.values():
        lines.append(f"  {module.name}  {module.summary} ({_nature(module)})")
        lines += _param_lines(module, "      ")
    return "\n".join(lines) + "\n"
