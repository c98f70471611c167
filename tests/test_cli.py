"""agentbar-cli: argument parsing, validation and outputs (MockTransport), then end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from agentbar import __version__, cli
from agentbar.api.modules import MODULES
from agentbar.cli_output import recording_name
from agentbar.sim import DEMO_AGENT, DEMO_API_KEY, DEMO_EXTENSION, SimClock, Simulator
from tests.sim.helpers import START

URL = "http://pbx.test/api/"
KEY = "SECRET-abc123-KEY"
Handler = Callable[["Seen"], httpx.Response]


# -- fixtures ------------------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict; negative priority so keyring never picks it by itself."""

    priority = -100  # type: ignore[assignment, unused-ignore]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call, unused-ignore]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No URL or key from the environment, settings under tmp, a failing keyring, cwd in tmp."""
    for name in ("AGENTBAR_URL", "AGENTBAR_API_KEY", "AGENTBAR_MACHINE_DEFAULTS"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg" / "site"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call, unused-ignore]
    yield work
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)  # the autouse fixture restores the previous backend
    return ring


@dataclass
class Seen:
    """One request the fake server received, decoded."""

    method: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]

    @property
    def module(self) -> str:
        return self.query["module"][0]

    def param(self, name: str) -> list[str] | None:
        return self.form.get(name) or self.query.get(name)


@dataclass
class Fake:
    """An httpx.MockTransport answering per module, recording every request."""

    replies: dict[str, Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            body = request.content.decode()
            seen = Seen(request.method, parse_qs(request.url.query.decode()), parse_qs(body))
            self.seen.append(seen)
            return self.replies[seen.module](seen)

        return httpx.MockTransport(handle)


def json_reply(data: object, status: int = 200) -> Handler:
    return lambda _seen: httpx.Response(status, json=data)


OK = json_reply({"result": "true", "message": "Tamam"})


@pytest.fixture
def fake() -> Fake:
    return Fake()


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(fake: Fake, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run main() in-process against the fake server; --url and AGENTBAR_API_KEY by default."""

    def run(*argv: str, creds: bool = True) -> tuple[int, str, str]:
        args = ["--url", URL, *argv] if creds else list(argv)
        with monkeypatch.context() as env:
            if creds:
                env.setenv("AGENTBAR_API_KEY", KEY)
            code = cli.main(args, transport=fake.transport())
        out, err = capsys.readouterr()
        return code, out, err

    return run


def assert_one_error_line(err: str) -> None:
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert KEY not in err


# -- help, version, modules ----------------------------------------------------------------------


def test_help_lists_every_module_and_parameter(run: RunCli) -> None:
    code, out, err = run("--help", creds=False)
    assert code == 0 and err == ""
    for module in MODULES.values():
        assert f"  {module.name}  {module.summary}" in out
        for param in module.params:
            assert f"{param.name}=" in out


@pytest.mark.parametrize("argv", [["dial", "--help"], ["help", "dial"], ["DIAL", "-h"]])
def test_module_help(run: RunCli, argv: list[str]) -> None:
    code, out, err = run(*argv, creds=False)
    assert code == 0 and err == ""
    assert out.startswith("usage: agentbar-cli [options] dial extension=INT number=TEXT\n")
    assert "the agent's own extension" in out


def test_version(run: RunCli) -> None:
    assert run("--version", creds=False) == (0, f"agentbar-cli {__version__}\n", "")


def test_unknown_module_suggests_close_matches(run: RunCli, fake: Fake) -> None:
    code, out, err = run("dail", "extension=1")
    assert code == 2 and out == ""
    assert_one_error_line(err)
    assert "unknown module 'dail'" in err and "dial" in err
    assert fake.seen == []


def test_module_name_is_case_insensitive(run: RunCli, fake: Fake) -> None:
    fake.replies["loginAgent"] = OK
    code, out, _ = run("LOGINAGENT", "agent=101")
    assert code == 0 and json.loads(out) == {"message": "Tamam"}


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["dial", "extension=12a", "number=5"], "parameter extension: expected digits"),
        (["dial", "extension=1"], "dial needs number=..."),
        (
            ["dial", "extension=1", "number=2", "colour=red"],
            "its parameters are: extension, number",
        ),
        (["dial", "extension=1", "extension=2", "number=2"], "extension given more than once"),
        (["dial", "extension"], "expected NAME=VALUE"),
        (["breakList", "x=1"], "breakList takes no parameters"),
        (["callRecords", "sira=up"], "parameter sira: expected asc or desc"),
        (["callRecords", "baslangic_tarihi=2024-13-01"], "expected a date YYYY-MM-DD"),
        (["callRecords", "baslangic_tarihi=20240101"], "expected a date YYYY-MM-DD"),
        (["agentsQueue", "account=1", "dynmembers=1", "make=maybe"], "expected true or false"),
        (["agentsQueue", "account=1", "dynmembers=", "make=1"], "dynmembers: empty value"),
        (
            [
                "createCampaign",
                "name=a",
                "start_date=2024-01-01",
                "end_date=2024-01-02",
                "start_time=9:00",
                "end_time=18:00:00",
                "retries=1",
                "queue=191",
            ],
            "parameter start_time: expected a time HH:MM:SS",
        ),
        (["loginAgent", "agent=1", "--out", "x"], "--out is only for downloadRecording"),
        (["--wire", "yaml", "breakList"], "invalid choice: 'yaml'"),
        (["--timeout", "0", "breakList"], "expected seconds"),
        (["--bogus", "breakList"], "unrecognized arguments: --bogus"),
        ([], "no module given"),
        (["help", "nosuch"], "unknown module 'nosuch'"),
        (["help", "dial", "hangup"], "help takes one module name"),
    ],
)
def test_usage_errors_exit_2(run: RunCli, fake: Fake, argv: list[str], fragment: str) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert_one_error_line(err)
    assert fragment in err
    assert fake.seen == []


def test_values_are_converted_and_encoded(run: RunCli, fake: Fake) -> None:
    fake.replies["createCampaign"] = json_reply(
        {"result": "true", "id_campaign": "7", "name": "Yaz"}
    )
    fake.replies["agentsQueue"] = OK
    fake.replies["callRecords"] = json_reply({"result": "true", "activecalls": []})
    argv = ["start_date=2024-01-31", "end_date=2024-02-01", "start_time=09:00:00"]
    code, out, _ = run(
        "createCampaign", "name=a=b", *argv, "end_time=18:00:00", "retries=3", "queue=191"
    )
    assert code == 0 and json.loads(out) == {"id_campaign": "7", "name": "Yaz"}
    sent = fake.seen[-1]
    assert sent.method == "POST"
    assert sent.param("name") == ["a=b"]  # split on the first '=' only
    assert sent.param("start_date") == ["2024-01-31"]
    assert sent.param("start_time") == ["09:00:00"]
    assert (
        run("agentsQueue", "account=10000", "dynmembers=100", "dynmembers=101", "make=YES")[0] == 0
    )
    sent = fake.seen[-1]
    assert sent.param("dynmembers[]") == ["100", "101"]
    assert sent.param("make") == ["true"]
    assert run("callRecords", "sira=DESC", "limit=007")[0] == 0
    assert fake.seen[-1].param("sira") == ["desc"]
    assert fake.seen[-1].param("limit") == ["007"]  # digits are sent as typed
    assert fake.seen[-1].form["apikey"] == [KEY] and fake.seen[-1].query["type"] == ["json"]
    assert "apikey" not in fake.seen[-1].query  # a POST module: the key is in the body


def test_wire_xml_is_asked_and_decoded(run: RunCli, fake: Fake) -> None:
    agents = "<agents><agent>100</agent><agent>101</agent></agents>"
    xml = f"<CallCenter><result>true</result>{agents}</CallCenter>"
    fake.replies["queueAgents"] = lambda _s: httpx.Response(200, text=xml)
    code, out, _ = run("--wire", "xml", "queueAgents", "account=10000")
    assert code == 0 and json.loads(out) == ["100", "101"]
    assert fake.seen[0].query["type"] == ["xml"]


# -- outputs -------------------------------------------------------------------------------------

ROWS = [
    {"arayan_adi": "Şükrü Öztürk", "arayan_numara": "05321234567", "durum": "ANSWERED"},
    {"arayan_adi": "Ayşe", "arayan_numara": "1004", "durum": "NO ANSWER", "dosya": "/a/b.WAV"},
]


@pytest.fixture
def records(fake: Fake) -> Fake:
    fake.replies["soundRecords"] = json_reply(
        {"result": "true", "activecalls": {"0": ROWS[0], "1": ROWS[1]}}
    )
    fake.replies["callRecords"] = json_reply({"result": "true", "activecalls": None})
    fake.replies["queueAgents"] = json_reply({"result": "true", "agents": ["100", "101"]})
    fake.replies["breakEnd"] = json_reply(
        {"result": "true", "message": "Mola Bitti", "break": {"agent": "101", "duration": "65"}}
    )
    return fake


def test_json_output_keeps_wire_names_and_turkish(run: RunCli, records: Fake) -> None:
    code, out, err = run("soundRecords", "aranan_numara=1004")
    assert code == 0 and err == ""
    assert json.loads(out) == ROWS
    assert "Şükrü Öztürk" in out  # ensure_ascii=False
    assert json.loads(run("breakEnd", "agent=101")[1]) == {
        "message": "Mola Bitti",
        "agent": "101",
        "duration": "65",
    }


def test_table_output_aligns_columns(run: RunCli, records: Fake) -> None:
    code, out, _ = run("--output", "table", "soundRecords")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["arayan_adi", "arayan_numara", "durum", "dosya"]
    assert len(lines) == 3
    starts = [line.index("05321234567") for line in lines[1:2]] + [lines[2].index("1004")]
    assert starts[0] == starts[1] == lines[0].index("arayan_numara")
    assert lines[1].index("ANSWERED") == lines[2].index("NO ANSWER") == lines[0].index("durum")
    assert run("--output", "table", "callRecords")[1] == "(no rows)\n"
    assert run("--output", "table", "queueAgents", "account=1")[1] == "100\n101\n"
    table = run("--output", "table", "breakEnd", "agent=101")[1]
    assert table.splitlines() == ["message   Mola Bitti", "agent     101", "duration  65"]


def test_csv_output_parses_back(run: RunCli, records: Fake) -> None:
    code, out, _ = run("--output", "csv", "soundRecords")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["arayan_adi", "arayan_numara", "durum", "dosya"]
    assert rows[1] == ["Şükrü Öztürk", "05321234567", "ANSWERED", ""]
    assert rows[2] == ["Ayşe", "1004", "NO ANSWER", "/a/b.WAV"]
    agents = list(csv.reader(io.StringIO(run("--output", "csv", "queueAgents", "account=1")[1])))
    assert agents == [["agent"], ["100"], ["101"]]
    message = list(csv.reader(io.StringIO(run("--output", "csv", "breakEnd", "agent=101")[1])))
    assert message == [["message", "agent", "duration"], ["Mola Bitti", "101", "65"]]
    assert run("--output", "csv", "callRecords")[1] == ""


# -- failures ------------------------------------------------------------------------------------


def test_server_refusal_is_one_line_exit_1_without_the_key(run: RunCli, fake: Fake) -> None:
    fake.replies["loginAgent"] = json_reply(
        {"result": "false", "message": f"Invalid api key {KEY}"}
    )
    code, out, err = run("loginAgent", "agent=101")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "Invalid api key ***" in err


def test_key_echoed_in_a_reply_is_hidden_on_stdout(run: RunCli, fake: Fake) -> None:
    fake.replies["dial"] = json_reply({"result": "true", "message": f"ok apikey={KEY}"})
    code, out, _ = run("dial", "extension=1004", "number=05321234567")
    assert code == 0 and KEY not in out


def test_mutating_module_is_sent_once(run: RunCli, fake: Fake) -> None:
    fake.replies["hangup"] = lambda _s: httpx.Response(503, text="busy")
    code, _, err = run("hangup", "extension=1004")
    assert code == 1 and "HTTP 503" in err
    assert len(fake.seen) == 1


def test_connection_error_holding_the_key_is_redacted(run: RunCli, fake: Fake) -> None:
    def refuse(seen: Seen) -> httpx.Response:
        raise httpx.ConnectError(f"refused: {URL}?apikey={KEY}")

    fake.replies["loginAgent"] = refuse
    code, out, err = run("loginAgent", "agent=101")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "Cannot connect" in err


def test_unexpected_exception_is_one_line(run: RunCli, fake: Fake) -> None:
    def boom(seen: Seen) -> httpx.Response:
        raise RuntimeError(f"bug with {KEY}")

    fake.replies["logoutAgent"] = boom
    code, out, err = run("logoutAgent", "agent=101")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "RuntimeError" in err


def test_ctrl_c_exits_130_silently(run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(flag: str | None, saved: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "resolve_url", interrupt)
    assert run("breakList") == (130, "", "")


# -- where the URL and key come from -------------------------------------------------------------


def test_url_and_key_from_environment(
    run: RunCli, fake: Fake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTBAR_URL", "http://env.test/api/")
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    fake.replies["breakList"] = json_reply([{"id": "2", "name": "YEMEK MOLASI"}])
    code, out, _ = run("breakList", creds=False)
    assert code == 0 and json.loads(out) == [{"id": "2", "name": "YEMEK MOLASI"}]
    assert fake.seen[0].query["apikey"] == [KEY]


def test_flags_win_over_environment(
    run: RunCli, fake: Fake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTBAR_API_KEY", "env-key")
    fake.replies["breakList"] = json_reply([])
    assert run("breakList")[0] == 0
    assert fake.seen[0].query["apikey"] == [KEY]


def test_url_from_settings_and_key_from_keyring(
    run: RunCli, fake: Fake, memory_keyring: MemoryKeyring, isolated: Path
) -> None:
    from agentbar.core.credentials import CredentialStore
    from agentbar.core.paths import Paths

    settings = Paths.default().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"server_url": "http://saved.test/api/"}))
    CredentialStore().set("http://saved.test/api/", KEY)
    fake.replies["breakList"] = json_reply([])
    code, out, err = run("breakList", creds=False)
    assert (code, out, err) == (0, "[]\n", "")
    assert fake.seen[0].query["apikey"] == [KEY]


def test_no_url_anywhere_exits_2(run: RunCli) -> None:
    code, out, err = run("breakList", creds=False)
    assert (code, out) == (2, "")
    assert_one_error_line(err)
    assert "--url" in err and "AGENTBAR_URL" in err


def test_no_key_without_keyring_exits_2(run: RunCli) -> None:
    code, out, err = run("--url", URL, "breakList", creds=False)
    assert (code, out) == (2, "")
    assert_one_error_line(err)
    assert "--api-key" in err and "AGENTBAR_API_KEY" in err and "keyring is not available" in err


def test_no_key_in_an_empty_keyring_exits_2(run: RunCli, memory_keyring: MemoryKeyring) -> None:
    code, _, err = run("--url", URL, "breakList", creds=False)
    assert code == 2 and "no saved key for this server" in err


@pytest.mark.parametrize("url", ["ftp://pbx/api/", "pbx.test/api", "http:///api/"])
def test_unusable_url_exits_2(run: RunCli, url: str) -> None:
    code, _, err = run("--url", url, "--api-key", KEY, "breakList", creds=False)
    assert code == 2 and "http:// or https://" in err


def test_a_literal_api_key_works_with_a_warning(run: RunCli, fake: Fake) -> None:
    fake.replies["breakList"] = json_reply([{"id": "2", "name": "YEMEK MOLASI"}])
    code, out, err = run("--url", URL, "--api-key", KEY, "breakList", creds=False)
    assert code == 0 and json.loads(out)[0]["id"] == "2"
    assert fake.seen[0].query["apikey"] == [KEY]
    assert err.startswith("warning: ") and err.count("\n") == 1
    assert "process list" in err and "--api-key-file" in err and KEY not in err


def test_the_api_key_from_a_file(run: RunCli, fake: Fake, tmp_path: Path) -> None:
    fake.replies["breakList"] = json_reply([{"id": "2", "name": "YEMEK MOLASI"}])
    key_file = tmp_path / "key.txt"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    code, _, err = run("--url", URL, "--api-key-file", str(key_file), "breakList", creds=False)
    assert (code, err) == (0, "")
    assert fake.seen[0].query["apikey"] == [KEY]


def test_the_api_key_from_standard_input(
    run: RunCli, fake: Fake, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.replies["breakList"] = json_reply([{"id": "2", "name": "YEMEK MOLASI"}])
    monkeypatch.setattr(sys, "stdin", io.StringIO(KEY + "\nignored\n"))
    code, _, err = run("--url", URL, "--api-key", "-", "breakList", creds=False)
    assert (code, err) == (0, "")
    assert fake.seen[0].query["apikey"] == [KEY]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["--api-key-file", "missing.txt"], "", "cannot read the API key file missing.txt"),
        (["--api-key-file", "empty.txt"], "", "the API key file empty.txt is empty"),
        (["--api-key", "-"], "\n", "no key on standard input"),
        (["--api-key", KEY, "--api-key-file", "empty.txt"], "", "not both"),
    ],
    ids=["missing-file", "empty-file", "empty-stdin", "both"],
)
def test_a_key_option_that_gives_no_key_exits_2(
    run: RunCli,
    fake: Fake,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
    stdin: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code, out, err = run("--url", URL, *argv, "breakList", creds=False)
    assert (code, out) == (2, "")
    assert message in err and KEY not in err and fake.seen == []


def test_key_typed_into_a_wrong_option_is_not_echoed(run: RunCli) -> None:
    code, _, err = run("--apikey", KEY, "breakList", creds=False)
    assert code == 2 and KEY not in err


# -- downloadRecording -------------------------------------------------------------------------


def wav_bytes() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 800)
    return buffer.getvalue()


@pytest.fixture
def audio(fake: Fake) -> bytes:
    data = wav_bytes()
    fake.replies["downloadRecording"] = lambda _s: httpx.Response(
        200, content=data, headers={"content-type": "audio/x-wav"}
    )
    return data


def test_download_to_cwd_with_the_recordings_name(
    run: RunCli, fake: Fake, audio: bytes, isolated: Path
) -> None:
    listen = "/var/spool/asterisk/monitor/2019/10/24/out-0532-1004-20191024-150314-1.wav"
    code, out, err = run("downloadRecording", f"listen={listen}")
    assert code == 0 and err == ""
    target = isolated / "out-0532-1004-20191024-150314-1.wav"
    assert json.loads(out) == {"file": str(target), "bytes": len(audio), "kind": "wav"}
    assert target.read_bytes() == audio
    assert fake.seen[0].method == "GET" and fake.seen[0].query["listen"] == [listen]


def test_download_out_file_and_directory(run: RunCli, audio: bytes, tmp_path: Path) -> None:
    out_file = tmp_path / "x.wav"
    code, out, _ = run("downloadRecording", "listen=/a/b/c.wav", "--out", str(out_file))
    assert code == 0 and json.loads(out)["file"] == str(out_file)
    assert out_file.read_bytes() == audio
    code, out, _ = run("--out", str(tmp_path), "downloadRecording", "listen=../../etc/passwd")
    assert code == 0 and json.loads(out)["file"] == str(tmp_path / "passwd")


def test_download_into_a_missing_directory_fails(run: RunCli, audio: bytes, tmp_path: Path) -> None:
    code, out, err = run(
        "downloadRecording", "listen=/a.wav", "--out", str(tmp_path / "no" / "a.wav")
    )
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "cannot write" in err
    code, _, err = run("downloadRecording", "listen=/a.wav", "--out", f"{tmp_path}/nodir/")
    assert code == 1 and err == f"error: cannot write into {tmp_path}/nodir/: no such directory\n"


def test_download_error_body_is_the_servers_message(run: RunCli, fake: Fake) -> None:
    fake.replies["downloadRecording"] = json_reply({"result": "false", "message": "Dosya yok"})
    code, out, err = run("downloadRecording", "listen=/nope.wav")
    assert (code, out, err) == (1, "", "error: Dosya yok\n")
    assert list(Path.cwd().iterdir()) == []


@pytest.mark.parametrize(
    ("listen", "name"),
    [
        ("/var/x/out-1.WAV", "out-1.WAV"),
        ("C:\\rec\\in-2.wav", "in-2.wav"),
        ("/var/x/..", "recording"),
        ("/var/x/", "recording"),
        ("..", "recording"),
        ("/x/.hidden", "hidden"),
        ("a\x00b|c.wav", "abc.wav"),
    ],
)
def test_recording_name_is_a_safe_basename(listen: str, name: str) -> None:
    assert recording_name(listen) == name


def test_empty_agent_list_in_csv_keeps_its_header(run: RunCli, fake: Fake) -> None:
    fake.replies["queueAgents"] = json_reply({"result": "true", "agents": ""})
    assert run("--output", "csv", "queueAgents", "account=1")[1] == "agent\n"
    assert run("--output", "table", "queueAgents", "account=1")[1] == "(no rows)\n"


# == end to end against the simulator on loopback ===============================================

NUMBER = "05321234567"
WIRES = ("json", "xml")


@dataclass
class Live:
    """The CLI pointed at a running simulator, in one wire format."""

    sim: Simulator
    wire: str
    capsys: pytest.CaptureFixture[str]
    tmp: Path

    def raw(self, *argv: str, key: str = DEMO_API_KEY) -> tuple[int, str, str]:
        args = ["--url", self.sim.url, "--wire", self.wire, *argv]
        with pytest.MonkeyPatch.context() as env:
            env.setenv("AGENTBAR_API_KEY", key)
            code = cli.main(args)
        out, err = self.capsys.readouterr()
        return code, out, err

    def __call__(self, *argv: str) -> object:
        """Run and return the parsed JSON output; any failure fails the test."""
        code, out, err = self.raw(*argv)
        assert (code, err) == (0, ""), err
        return json.loads(out)


@pytest.fixture(params=WIRES)
def live(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Iterator[Live]:
    with Simulator(api_key=DEMO_API_KEY, port=0, clock=SimClock(start=START)) as sim:
        yield Live(sim, request.param, capsys, tmp_path)
        assert sim.errors == []


def _login(live: Live) -> None:
    live.sim.state.agents.login(DEMO_AGENT, live.sim.state.now())


def _dial(live: Live) -> None:
    live.sim.state.calls.dial(DEMO_EXTENSION, NUMBER)
    live.sim.clock.advance(3)  # past the ringing


def _campaign_id(live: Live) -> int:
    return live.sim.state.campaigns.ids()[0]


def _message(payload: object, text: str) -> dict[str, str]:
    assert isinstance(payload, dict) and payload["message"] == text
    return payload


def _rows(payload: object, *keys: str) -> list[dict[str, str]]:
    assert isinstance(payload, list) and payload
    for row in payload:
        assert isinstance(row, dict) and set(keys) <= set(row), row
    return payload


def case_login_agent(live: Live) -> None:
    _message(live("loginAgent", f"agent={DEMO_AGENT}"), "Giriş yapıldı.")
    assert live.sim.state.agents.get(DEMO_AGENT).logged_in


def case_logout_agent(live: Live) -> None:
    _login(live)
    _message(live("logoutAgent", f"agent={DEMO_AGENT}"), "Çıkış yapıldı.")
    assert not live.sim.state.agents.get(DEMO_AGENT).logged_in


def case_break_list(live: Live) -> None:
    rows = _rows(live("breakList"), "id", "name")
    assert {"id": "2", "name": "YEMEK MOLASI"} in rows
    assert all(set(row) == {"id", "name"} for row in rows)


def case_break_start(live: Live) -> None:
    _login(live)
    _message(live("breakStart", f"agent={DEMO_AGENT}", "breakId=2"), "Mola Başladı")
    assert live.sim.state.agents.get(DEMO_AGENT).break_id == "2"


def case_break_end(live: Live) -> None:
    _login(live)
    live.sim.state.agents.break_start(DEMO_AGENT, "3", live.sim.state.now())
    live.sim.clock.advance(65)
    payload = live("breakEnd", f"agent={DEMO_AGENT}")
    assert isinstance(payload, dict)
    assert {"agent", "starttime", "endtime", "duration"} <= set(payload)
    assert payload["agent"] == DEMO_AGENT and int(payload["duration"]) >= 65
    assert not live.sim.state.agents.get(DEMO_AGENT).on_break


def case_dial(live: Live) -> None:
    _message(live("dial", f"extension={DEMO_EXTENSION}", f"number={NUMBER}"), "Arama Başladı")
    [call] = live.sim.state.calls.active()
    assert (call.extension, call.other) == (DEMO_EXTENSION, NUMBER)


def case_redirect(live: Live) -> None:
    _dial(live)
    payload = live("redirect", f"from={DEMO_EXTENSION}", "extension=1005")
    assert _message(payload, "Çağrı Yönlendirildi")["extension"] == "1005"
    [call] = live.sim.state.calls.active()
    assert call.extension == "1005"


def case_hangup(live: Live) -> None:
    _dial(live)
    _message(live("hangup", f"extension={DEMO_EXTENSION}"), "Çağrı Sonlandırıldı")
    assert live.sim.state.calls.active() == []


def case_active_calls_call_center(live: Live) -> None:
    _dial(live)
    rows = _rows(live("activeCallsCallCenter"), "agentnumber", "fechainicio", "phone")
    assert {"agentnumber": DEMO_AGENT, "phone": NUMBER}.items() <= rows[0].items()


def case_active_calls(live: Live) -> None:
    _dial(live)
    rows = _rows(live("activeCalls"), "kanal", "kaynak", "dahili", "islem", "arayan_numara", "sure")
    assert (rows[0]["dahili"], rows[0]["arayan_numara"]) == (DEMO_EXTENSION, NUMBER)


def case_call_records(live: Live) -> None:
    rows = _rows(live("callRecords", "limit=3", "sira=desc"), "arama_tarihi", "durum", "sure")
    assert len(rows) == 3 and all("dosya" not in row for row in rows)
    assert [r["arama_tarihi"] for r in rows] == sorted(
        (r["arama_tarihi"] for r in rows), reverse=True
    )


def case_sound_records(live: Live) -> None:
    rows = _rows(live("soundRecords", f"aranan_numara={DEMO_EXTENSION}", "limit=5"), "dosya")
    assert all(row["dosya"].startswith("/var/spool/asterisk/monitor/") for row in rows)


def case_download_recording(live: Live) -> None:
    dosya = next(r.dosya for r in live.sim.state.records.all() if r.dosya)
    target = live.tmp / "rec.WAV"
    payload = live("downloadRecording", f"listen={dosya}", "--out", str(target))
    assert isinstance(payload, dict) and payload["file"] == str(target)
    data = target.read_bytes()
    assert payload["bytes"] == len(data) > 44
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"


def case_list_queue(live: Live) -> None:
    rows = _rows(live("listQueue"), "extension", "descr")
    assert {"extension": "10000", "descr": "OPERATORQ"} in rows


def case_create_queue(live: Live) -> None:
    argv = ["account=20000", "name=CLIQ", "password=9", "dynmembers=101", "dynmembers=102"]
    _message(live("createQueue", *argv), "Kuyruk Eklendi")
    assert live.sim.state.queues.members("20000") == ["101", "102"]


def case_delete_queue(live: Live) -> None:
    _message(live("deleteQueue", "account=10002"), "Kuyruk Silindi")
    assert "10002" not in {q.extension for q in live.sim.state.queues.all()}


def case_queue_agents(live: Live) -> None:
    assert live("queueAgents", "account=10002") == ["101", "119"]


def case_agents_queue(live: Live) -> None:
    done = "İşleminiz Gerçekleşti"
    _message(
        live("agentsQueue", "account=10002", "dynmembers=102", "dynmembers=103", "make=true"), done
    )
    assert live.sim.state.queues.members("10002") == ["101", "102", "103", "119"]
    _message(live("agentsQueue", "account=10002", "dynmembers=101", "make=false"), done)
    assert live.sim.state.queues.members("10002") == ["102", "103", "119"]


def _campaign_argv(name: str) -> list[str]:
    today = date.today()
    return [
        f"name={name}", f"start_date={today}", f"end_date={today + timedelta(days=7)}",
        "start_time=09:00:00", "end_time=18:00:00", "retries=2", "queue=191",
    ]  # fmt: skip


def case_create_campaign(live: Live) -> None:
    payload = live("createCampaign", *_campaign_argv("Kış Kampanyası"))
    assert isinstance(payload, dict) and payload["name"] == "Kış Kampanyası"
    assert int(payload["id_campaign"]) in live.sim.state.campaigns.ids()


def case_delete_campaign(live: Live) -> None:
    ident = _campaign_id(live)
    _message(live("deleteCampaign", f"id_campaign={ident}"), "Kampanya Silindi")
    assert ident not in live.sim.state.campaigns.ids()


def case_campaign_add_phone(live: Live) -> None:
    ident = _campaign_id(live)
    argv = ["name=Şule", "surname=Çakır", f"phone={NUMBER}", f"id_campaign={ident}"]
    _message(live("campaignAddPhone", *argv), "Kampanyaya Yeni Telefon Eklendi")
    [row] = live.sim.state.campaigns.details(NUMBER, ident)
    assert row["phone"] == NUMBER


def case_campaign_delete_phone(live: Live) -> None:
    ident = _campaign_id(live)
    live.sim.state.campaigns.add_phone(ident, "Ali", "Veli", NUMBER)
    argv = [f"id_campaign={ident}", f"phone={NUMBER}"]
    _message(live("campaignDeletePhone", *argv), "Kampanyadan Telefon Silindi")
    assert live.sim.state.campaigns.details(NUMBER, ident) == []


def case_get_call_detail(live: Live) -> None:
    ident = _campaign_id(live)
    keys = ("name", "phone", "status", "start_time", "end_time", "duration", "agent_number")
    rows = _rows(live("getCallDetail", f"id_campaign={ident}"), *keys)
    assert rows == live.sim.state.campaigns.details(None, ident)


CASES: dict[str, Callable[[Live], None]] = {
    "loginAgent": case_login_agent,
    "logoutAgent": case_logout_agent,
    "breakList": case_break_list,
    "breakStart": case_break_start,
    "breakEnd": case_break_end,
    "dial": case_dial,
    "redirect": case_redirect,
    "hangup": case_hangup,
    "activeCallsCallCenter": case_active_calls_call_center,
    "activeCalls": case_active_calls,
    "callRecords": case_call_records,
    "soundRecords": case_sound_records,
    "downloadRecording": case_download_recording,
    "listQueue": case_list_queue,
    "createQueue": case_create_queue,
    "deleteQueue": case_delete_queue,
    "queueAgents": case_queue_agents,
    "agentsQueue": case_agents_queue,
    "createCampaign": case_create_campaign,
    "deleteCampaign": case_delete_campaign,
    "campaignAddPhone": case_campaign_add_phone,
    "campaignDeletePhone": case_campaign_delete_phone,
    "getCallDetail": case_get_call_detail,
}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_end_to_end(live: Live, module: str) -> None:
    CASES[module](live)
    sent = [r for r in live.sim.requests if r.module == module]
    assert sent and all(r.fmt == ("json" if MODULES[module].json_only else live.wire) for r in sent)


def test_agent_break_call_and_recording_flow(live: Live) -> None:
    agent, ext = f"agent={DEMO_AGENT}", f"extension={DEMO_EXTENSION}"
    live("loginAgent", agent)
    live("breakStart", agent, "breakId=2")
    live.sim.clock.advance(30)
    ended = live("breakEnd", agent)
    assert isinstance(ended, dict) and 30 <= int(ended["duration"]) < 40
    assert ended["starttime"] < ended["endtime"]
    earlier = live("soundRecords", f"aranan_numara={NUMBER}")
    assert isinstance(earlier, list)
    before = {row["dosya"] for row in earlier}
    live("dial", ext, f"number={NUMBER}")
    code, table, _ = live.raw("--output", "table", "activeCalls")
    assert code == 0 and table.splitlines()[0].split()[:3] == ["kanal", "kaynak", "dahili"]
    assert DEMO_EXTENSION in table and NUMBER in table
    live.sim.clock.advance(5)
    live("redirect", f"from={DEMO_EXTENSION}", "extension=1005")
    live.sim.clock.advance(5)
    live("hangup", "extension=1005")
    code, out, _ = live.raw("--output", "csv", "soundRecords", f"aranan_numara={NUMBER}")
    rows = list(csv.DictReader(io.StringIO(out)))
    new = [row["dosya"] for row in rows if row["dosya"] not in before]
    assert code == 0 and len(new) == 2  # the transferred leg and the final one
    done = live("downloadRecording", f"listen={new[0]}", "--out", str(live.tmp))
    target = live.tmp / new[0].rsplit("/", 1)[-1]
    assert done == {"file": str(target), "bytes": target.stat().st_size, "kind": "wav"}
    assert target.read_bytes()[:4] == b"RIFF"
    live("logoutAgent", agent)
    assert not live.sim.state.agents.get(DEMO_AGENT).logged_in


def test_queue_flow(live: Live) -> None:
    live(
        "createQueue",
        "account=20001",
        "name=GECE",
        "password=1",
        "dynmembers=101",
        "dynmembers=102",
    )
    assert live("queueAgents", "account=20001") == ["101", "102"]
    live("agentsQueue", "account=20001", "dynmembers=103", "make=yes")
    live("agentsQueue", "account=20001", "dynmembers=101", "make=no")
    assert live("queueAgents", "account=20001") == ["102", "103"]
    code, out, _ = live.raw("--output", "csv", "listQueue")
    assert ["20001", "GECE"] in list(csv.reader(io.StringIO(out)))
    live("deleteQueue", "account=20001")
    code, out, err = live.raw("queueAgents", "account=20001")
    assert (code, out) == (1, "") and err == "error: Kuyruk bulunamadı.\n"


def test_campaign_flow(live: Live) -> None:
    created = live("createCampaign", *_campaign_argv("Bahar"))
    assert isinstance(created, dict)
    ident = f"id_campaign={created['id_campaign']}"
    live("campaignAddPhone", "name=Ayşe", "surname=Işık", f"phone={NUMBER}", ident)
    [row] = _rows(live("getCallDetail", ident), "phone")
    assert (row["name"], row["phone"], row["status"]) == ("Bahar", NUMBER, "")
    assert _rows(live("getCallDetail", f"phone={NUMBER}"), "phone")[0]["phone"] == NUMBER
    live("campaignDeletePhone", ident, f"phone={NUMBER}")
    assert live("getCallDetail", ident) == []
    live("deleteCampaign", ident)
    code, _, err = live.raw("getCallDetail", ident)
    assert code == 1 and err.startswith("error: ")


# -- failures end to end -------------------------------------------------------------------------


def test_wrong_key_is_one_line_and_never_shown(live: Live) -> None:
    code, out, err = live.raw("loginAgent", f"agent={DEMO_AGENT}", key=KEY)
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert KEY not in out + err
    assert not live.sim.state.agents.get(DEMO_AGENT).logged_in


def test_server_down_exits_1(live: Live) -> None:
    live.sim.set_down(True)
    code, out, err = live.raw("loginAgent", f"agent={DEMO_AGENT}")
    assert (code, out) == (1, "")
    assert_one_error_line(err)
    assert "Cannot connect" in err


def test_timeout_option(live: Live) -> None:
    live.sim.faults.latency = 0.5
    code, _, err = live.raw("--timeout", "0.1", "logoutAgent", f"agent={DEMO_AGENT}")
    assert code == 1 and err == "error: The server did not answer in time.\n"


@pytest.mark.parametrize(
    "argv",
    [["dail", "extension=1004"], ["dial", "extension=10x4", "number=1"], ["dial", "number=1"]],
)
def test_usage_errors_send_nothing(live: Live, argv: list[str]) -> None:
    code, out, err = live.raw(*argv)
    assert (code, out) == (2, "")
    assert_one_error_line(err)
    assert list(live.sim.requests) == []


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(api_key=KEY, port=0, clock=SimClock(start=START)) as sim:
        yield sim


def test_url_and_key_from_environment_end_to_end(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGENTBAR_URL", sim.url)
    monkeypatch.setenv("AGENTBAR_API_KEY", KEY)
    assert cli.main(["--output", "table", "breakList"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.splitlines()[:2] == ["id  name", "2   YEMEK MOLASI"]


def test_key_from_keyring_end_to_end(
    sim: Simulator, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    from agentbar.core.credentials import CredentialStore

    CredentialStore().set(sim.url, KEY)
    assert cli.main(["--url", sim.url, "queueAgents", "account=10002"]) == 0
    out, err = capsys.readouterr()
    assert (json.loads(out), err) == (["101", "119"], "")


def test_no_key_anywhere_end_to_end(sim: Simulator, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--url", sim.url, "breakList"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: no API key")
    assert list(sim.requests) == []


def test_console_entry_point_in_a_subprocess(sim: Simulator) -> None:
    env = {**os.environ, "AGENTBAR_URL": sim.url, "AGENTBAR_API_KEY": KEY}
    command = [
        sys.executable,
        "-m",
        "agentbar.cli",
        "--output",
        "csv",
        "queueAgents",
        "account=10000",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stderr) == (0, "")
    assert list(csv.reader(io.StringIO(done.stdout)))[:2] == [["agent"], ["100"]]
    env["AGENTBAR_API_KEY"] = "wrong-" + KEY
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1 and done.stdout == ""
    assert_one_error_line(done.stderr)
    assert "wrong-" not in done.stderr
