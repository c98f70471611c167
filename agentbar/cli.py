"""agentbar-cli: call any vendor API module from a shell, driven by the module registry."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import difflib
import logging
import os
import re
import ssl
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urlsplit

import httpx

from agentbar import __version__
from agentbar.api.client import CallCenterClient
from agentbar.api.errors import CallCenterError, redact
from agentbar.api.modules import MODULES, Kind, Module, Param, ParamType
from agentbar.api.tls import CertificateSettingError, tls_context
from agentbar.api.transport import DEFAULT_TIMEOUT, ParamValue
from agentbar.cli_output import (
    FORMATS,
    Output,
    hide_key,
    main_help,
    module_help,
    recording_name,
    render,
    use_utf8,
)
from agentbar.core.credentials import CredentialStore, CredentialsUnavailable
from agentbar.core.key_sources import find_key

if TYPE_CHECKING:
    from agentbar.core.settings import LoadedSettings

PROG = "agentbar-cli"
URL_ENV = "AGENTBAR_URL"
KEY_ENV = "AGENTBAR_API_KEY"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_DIGITS = re.compile(r"[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}")
_BOOLS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


class UsageError(Exception):
    """The command line is wrong: one ``error:`` line and exit status 2."""


class Failure(Exception):
    """Something outside the API layer failed (writing --out): one ``error:`` line, exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The option parser; help texts live in :mod:`agentbar.cli_output` (built from MODULES)."""
    parser = _Parser(prog=PROG, add_help=False, allow_abbrev=False)
    parser.add_argument("--url")
    parser.add_argument("--api-key")
    parser.add_argument("--api-key-file")
    parser.add_argument("--wire", choices=("json", "xml"), default="json")
    parser.add_argument("--output", choices=FORMATS, default="json")
    parser.add_argument("--out")
    parser.add_argument("--timeout", type=_positive_seconds)
    parser.add_argument("-h", "--help", action="store_true")
    parser.add_argument("--version", action="store_true")
    parser.add_argument("module", nargs="?")
    parser.add_argument("params", nargs="*")
    return parser


# -- modules and parameters ------------------------------------------------------------------


def _close(name: str, names: Sequence[str]) -> list[str]:
    folded = {n.lower(): n for n in names}
    found = difflib.get_close_matches(name.lower(), list(folded), n=4, cutoff=0.6)
    found += [n for n in folded if name.lower() in n and n not in found]
    return [folded[n] for n in found[:4]]


def find_module(name: str) -> Module:
    """The module called ``name`` (exact, else case-insensitive); UsageError lists close ones."""
    if name in MODULES:
        return MODULES[name]
    for module in MODULES.values():
        if module.name.lower() == name.lower():
            return module
    close = _close(name, list(MODULES))
    hint = f"; did you mean {' or '.join(close)}?" if close else "."
    raise UsageError(f"unknown module {name!r}{hint} Run '{PROG} --help' for the list")


def _find_param(module: Module, name: str) -> Param:
    param = module.param(name)
    if param is None:
        param = next((p for p in module.params if p.name.lower() == name.lower()), None)
    if param is not None:
        return param
    if not module.params:
        raise UsageError(f"{module.name} takes no parameters, got {name!r}")
    names = ", ".join(p.name for p in module.params)
    raise UsageError(f"{module.name} has no parameter {name!r}; its parameters are: {names}")


def convert(param: Param, raw: str) -> ParamValue:
    """Validate one value against its ParamType and convert it; UsageError names the param."""
    kind = param.type
    text = raw.strip()
    if kind is ParamType.STR:
        return raw
    if kind is ParamType.INT and _DIGITS.fullmatch(text):
        return text  # sent as typed: a leading zero is kept
    if kind is ParamType.BOOL and text.lower() in _BOOLS:
        return _BOOLS[text.lower()]
    if kind is ParamType.ORDER and text.lower() in ("asc", "desc"):
        return text.lower()
    try:
        if kind is ParamType.DATE and _DATE.fullmatch(text):
            return datetime.strptime(text, "%Y-%m-%d").date()
        if kind is ParamType.TIME and _TIME.fullmatch(text):
            return datetime.strptime(text, "%H:%M:%S").time()
    except ValueError:
        pass
    expected = {
        ParamType.INT: "digits",
        ParamType.BOOL: "true or false",
        ParamType.ORDER: "asc or desc",
        ParamType.DATE: "a date YYYY-MM-DD",
        ParamType.TIME: "a time HH:MM:SS",
    }.get(kind, "a value")
    raise UsageError(f"parameter {param.name}: expected {expected}, got {raw!r}")


def parse_params(module: Module, tokens: Sequence[str]) -> dict[str, ParamValue]:
    """``NAME=VALUE`` tokens as the module's parameters (a repeated list name makes a list)."""
    values: dict[str, ParamValue] = {}
    lists: dict[str, list[str]] = {}
    for token in tokens:
        name, sep, raw = token.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"expected NAME=VALUE after the module name, got {token!r}")
        param = _find_param(module, name.strip())
        if param.type is ParamType.LIST:
            if not raw.strip():
                raise UsageError(f"parameter {param.name}: empty value")
            lists.setdefault(param.name, []).append(raw.strip())
        elif param.name in values:
            raise UsageError(f"parameter {param.name} given more than once")
        else:
            values[param.name] = convert(param, raw)
    values.update(lists)
    missing = [p.name for p in module.params if p.required and p.name not in values]
    if missing:
        need = " ".join(f"{name}=..." for name in missing)
        raise UsageError(f"{module.name} needs {need} (see '{PROG} {module.name} --help')")
    return values


# -- where the URL and the key come from ---------------------------------------------------------


def load_app_settings() -> LoadedSettings:
    """The toolbar's settings read as the app reads them (core/settings.py): the machine-wide
    defaults, the user's file, then the administrator's policy (which sets ``locked``).

    Unlike the app, a damaged user file is skipped, not renamed: a script changes no file.
    Blocks on disk; never raises (the defaults when the settings cannot be read at all).
    """
    from agentbar.core.paths import DamagedFile, Paths, read_json_object
    from agentbar.core.settings import LoadedSettings, Settings, load_settings

    try:
        paths = Paths.default()
        try:
            read_json_object(paths.settings_file)
        except (DamagedFile, OSError):  # load_settings would set it aside
            paths = dataclasses.replace(paths, config_dir=paths.config_dir / "not-read")
        return load_settings(paths)
    except Exception:
        return LoadedSettings(Settings())


def resolve_url(flag: str | None, saved: str = "") -> str:
    """``--url``, else ``AGENTBAR_URL``, else ``saved`` (the toolbar's setting); UsageError
    when none."""
    url = (flag or "").strip() or os.environ.get(URL_ENV, "").strip() or saved.strip()
    if not url:
        raise UsageError(
            f"no server URL: pass --url URL or set {URL_ENV} (e.g. http://pbx.example.com/api/)"
        )
    try:
        parts = urlsplit(url)
        usable = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    if not usable:
        raise UsageError("the server URL must be an http:// or https:// address with a host")
    return url


class _WatchedStore(CredentialStore):
    """The keyring, remembering why it could not be read (to tell that apart from IT's
    sources failing)."""

    failure: str | None = None

    def get(self, url: str) -> str | None:
        try:
            return super().get(url)
        except CredentialsUnavailable as exc:
            self.failure = str(exc)
            raise


#: What --api-key reads standard input for.
STDIN_KEY = "-"


def _first_line(text: str) -> str:
    return (text.splitlines() or [""])[0].strip()


def read_key_option(flag: str | None, key_file: str | None) -> str | None:
    """The key given on the command line, or None: ``--api-key-file FILE`` (its first line),
    ``--api-key -`` (the first line of standard input) or ``--api-key KEY``.

    A literal ``--api-key KEY`` works but warns on stderr: every user of the machine can read
    a process's arguments. Raises UsageError for both options at once, an unreadable file or
    an empty key. Blocks on reading the file or standard input.
    """
    if flag is not None and key_file is not None:
        raise UsageError("give --api-key or --api-key-file, not both")
    if key_file is not None:
        path = Path(key_file).expanduser()
        try:
            key = _first_line(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise UsageError(f"cannot read the API key file {key_file}: {reason}") from None
        if not key:
            raise UsageError(f"the API key file {key_file} is empty")
        return key
    if flag == STDIN_KEY:
        key = _first_line(sys.stdin.readline() if sys.stdin is not None else "")
        if not key:
            raise UsageError("--api-key -: no key on standard input")
        return key
    if flag is not None and flag.strip():
        print(
            "warning: --api-key KEY shows the key to every user of this machine (process "
            f"list); use --api-key-file FILE, --api-key - (standard input) or {KEY_ENV}",
            file=sys.stderr,
        )
        return flag.strip()
    return None


def resolve_key(
    flag: str | None,
    url: str,
    key_file: str | None = None,
    *,
    command: Sequence[str] = (),
    command_first: bool = False,
) -> str:
    """``--api-key-file``/``--api-key`` (see :func:`read_key_option`), else what the toolbar
    would use, found the same way (core/key_sources.find_key): ``AGENTBAR_API_KEY``, the
    keyring entry for ``url``, ``command`` (the ``api_key_command`` setting; before the keyring
    when ``command_first``, i.e. the administrator's policy sets it), the key installed for
    the computer (Windows' DPAPI file, macOS' System keychain).

    A key from the command or the computer's store is never stored. Blocks (the command runs
    up to its timeout). Raises Failure when a configured source failed and no key was found
    (its message names only the program), else UsageError when there is no key.
    """
    key = read_key_option(flag, key_file)
    if key:
        return key
    store = _WatchedStore()
    found = find_key(url, command, credentials=store, command_first=command_first)
    if found.key:
        return found.key
    failed = [problem for problem in found.problems if problem != store.failure]
    if failed:
        raise Failure("no API key: " + " ".join(failed))
    where = (
        "the system keyring is not available" if store.failure else "no saved key for this server"
    )
    raise UsageError(
        f"no API key: pass --api-key-file FILE or --api-key - (stdin), set {KEY_ENV}, "
        f"or save the key in AgentBar ({where})"
    )


def _argv_secrets(argv: Sequence[str]) -> list[str]:
    """Values given to --api-key (or a mistyped option naming a key), to hide in messages."""
    found = []
    for i, token in enumerate(argv):
        name, sep, value = token.partition("=")
        if name.startswith("--") and "key" in name.lower() and name != "--api-key-file":
            if sep:
                found.append(value)
            elif i + 1 < len(argv):
                found.append(argv[i + 1])
    return [s for s in found if s.strip() and s != STDIN_KEY]


# -- the call --------------------------------------------------------------------------------------


def _destination(listen: str, out: str | None) -> Path:
    if out is None:
        return Path.cwd() / recording_name(listen)
    dest = Path(out).expanduser()
    if dest.is_dir():
        return dest / recording_name(listen)
    if out.endswith(("/", os.sep)):
        raise Failure(f"cannot write into {out}: no such directory")
    return dest


async def call(
    module: Module,
    params: Mapping[str, ParamValue],
    *,
    url: str,
    key: str,
    wire: str,
    timeout: float | None = None,
    out: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    verify: ssl.SSLContext | None = None,
) -> Output:
    """Call ``module`` once through CallCenterClient (which alone decides on retries).

    ``verify`` is the TLS context (:func:`tls`; made here when None). ``downloadRecording``
    writes the audio and returns ``{file, bytes, kind}``; every other module returns the
    client's normalised payload. Raises CallCenterError or Failure.
    """
    headers = {"User-Agent": f"{PROG}/{__version__}"}
    context = tls() if verify is None else verify
    async with httpx.AsyncClient(transport=transport, headers=headers, verify=context) as http:
        client = CallCenterClient(
            url,
            key,
            wire="xml" if wire == "xml" else "json",
            client=http,
            timeout=DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout),
        )
        if module.kind is not Kind.DOWNLOAD:
            return await client.call(module.name, params)
        listen = str(params["listen"])
        dest = _destination(listen, out)
        try:
            done = await client.download_recording(
                listen, dest, read_timeout=30.0 if timeout is None else timeout
            )
        except OSError as exc:
            raise Failure(f"cannot write {dest}: {exc.strerror or exc}") from None
        return {"file": str(done.path.absolute()), "bytes": done.size, "kind": done.kind}


def tls(ca_file: str = "") -> ssl.SSLContext:
    """The toolbar's TLS context (api/tls.py): the operating system's certificate store, plus
    ``ca_file``. Unlike the toolbar, which warns and goes on, an unusable ``ca_file``,
    ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` is a Failure: a script runs with the trust it set."""
    try:
        context, _ = tls_context(ca_file, strict=True)
    except CertificateSettingError as exc:
        raise Failure(f"{exc}") from None
    return context


def _warn_cleartext(url: str) -> None:
    """Tell a person at a terminal that the key travels in clear; scripts see nothing."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "http" and parts.hostname not in _LOOPBACK and sys.stderr.isatty():
        print(
            f"warning: the API key travels unencrypted over http:// to {parts.hostname}",
            file=sys.stderr,
        )


def _run(argv: list[str], transport: httpx.AsyncBaseTransport | None, secrets: list[str]) -> int:
    ns = build_parser().parse_intermixed_args(argv)
    if ns.version:
        print(f"{PROG} {__version__}")
        return EXIT_OK
    if ns.module == "help" or ns.help:
        names = ns.params if ns.module == "help" else [ns.module] if ns.module else []
        if len(names) > 1:
            raise UsageError(f"help takes one module name, got {len(names)}")
        text = module_help(PROG, find_module(names[0])) if names else main_help(PROG)
        sys.stdout.write(text)
        return EXIT_OK
    if not ns.module:
        raise UsageError(f"no module given. Run '{PROG} --help' for the modules")
    module = find_module(ns.module)
    params = parse_params(module, ns.params)
    if ns.out is not None and module.kind is not Kind.DOWNLOAD:
        raise UsageError("--out is only for downloadRecording")
    loaded = load_app_settings()
    settings = loaded.settings
    url = resolve_url(ns.url, settings.server_url)
    key = resolve_key(
        ns.api_key,
        url,
        ns.api_key_file,
        command=settings.api_key_command,
        command_first="api_key_command" in loaded.locked,
    )
    secrets.append(key)
    context = tls(settings.ca_file)
    _warn_cleartext(url)
    options = {"wire": ns.wire, "timeout": ns.timeout, "out": ns.out, "transport": transport}
    payload = asyncio.run(call(module, params, url=url, key=key, verify=context, **options))
    sys.stdout.write(render(hide_key(payload, key), ns.output, module))
    sys.stdout.flush()
    return EXIT_OK


def _quiet_logging() -> None:
    """Keep library warnings (keyring, settings) off stderr: scripts read it, one line only.

    Without a handler, Python's last-resort handler would print WARNING records to stderr.
    """
    logger = logging.getLogger("agentbar")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _error(message: str, secrets: Sequence[str]) -> None:
    line = " ".join(redact(message, secrets).split())
    print(f"error: {line}", file=sys.stderr)


def main(
    argv: Sequence[str] | None = None, *, transport: httpx.AsyncBaseTransport | None = None
) -> int:
    """Run agentbar-cli and return its exit status (0 ok, 1 failure, 2 usage, 130 Ctrl-C).

    ``transport`` replaces the network (tests pass an ``httpx.MockTransport``). Never raises,
    never prints a traceback, and never prints the API key (stderr and stdout are redacted).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    secrets = _argv_secrets(args) + [os.environ.get(KEY_ENV, "").strip()]
    _quiet_logging()
    use_utf8(sys.stdout)
    use_utf8(sys.stderr)
    try:
        return _run(args, transport, secrets)
    except UsageError as exc:
        _error(f"{exc}", secrets)
        return EXIT_USAGE
    except (CallCenterError, Failure) as exc:
        _error(str(exc), secrets)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head): stop quietly; devnull stops a second error at exit.
        with contextlib.suppress(Exception):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        _error(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), secrets)
        return EXIT_FAILURE
    except Exception as exc:  # never a traceback: one line, redacted
        _error(f"unexpected {type(exc).__name__}: {exc}", secrets)
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
