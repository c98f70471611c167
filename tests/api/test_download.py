"""download_recording: atomic, audio-only, with progress; nothing is left behind on failure."""

from __future__ import annotations

import asyncio
import json
import socket
import struct
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from agentbar.api import ApiError, AuthError, CallCenterClient, NetworkError, ProtocolError
from agentbar.api import models as m
from tests.api.conftest import KEY, MockClientFactory, RawServer, read_request

LISTEN = (
    "/var/spool/asterisk/monitor/2019/10/24/"
    "out-05332730130-1004-20191024-150314-1571918594.40633.WAV"
)
ServerFactory = Callable[[Callable[[socket.socket, RawServer], None]], RawServer]


def pcm_wav(samples: int = 800) -> bytes:
    """A 16-bit PCM 8 kHz mono WAV (lowercase .wav in Asterisk)."""
    data = b"\x00\x01" * samples
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    chunks = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(chunks)) + chunks


def gsm_wav(frames: int = 20) -> bytes:
    """Asterisk's wav49 (uppercase .WAV): GSM 6.10 in a WAV container (format 0x31)."""
    data = bytes([0xD8]) * (65 * frames)
    fmt = struct.pack("<HHIIHHHH", 0x31, 1, 8000, 1625, 65, 0, 2, 320)
    fact = b"fact" + struct.pack("<II", 4, 320 * frames)
    chunks = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + fact
    chunks += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(chunks)) + chunks


def raw_gsm(frames: int = 50) -> bytes:
    """Raw .gsm: 33-byte frames, each starting with the 0xD signature nibble."""
    return (bytes([0xDA]) + bytes(range(1, 33))) * frames


MP3_ID3 = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10) + b"\xff\xfb\x90\x64" + bytes(400)
MP3_SYNC = b"\xff\xfb\x90\x64" + bytes(413)


def audio(body: bytes, content_type: str = "audio/x-wav") -> Callable[..., httpx.Response]:
    headers = {"content-type": content_type} if content_type else {}
    return lambda request: httpx.Response(200, content=body, headers=headers)


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# -- success -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "content_type"),
    [
        (pcm_wav(), "wav", "audio/x-wav"),
        (gsm_wav(), "wav", "audio/x-wav"),
        (MP3_ID3, "mp3", "audio/mpeg"),
        (MP3_SYNC, "mp3", "audio/mpeg"),
        (raw_gsm(), "gsm", "application/octet-stream"),
        (pcm_wav(), "wav", ""),
    ],
    ids=["pcm-wav", "gsm-wav49", "mp3-id3", "mp3-sync", "raw-gsm", "no-content-type"],
)
async def test_audio_is_written_to_dest(
    mock_client: MockClientFactory, tmp_path: Path, body: bytes, kind: str, content_type: str
) -> None:
    client, requests = mock_client(audio(body, content_type))
    dest = tmp_path / "rec.WAV"
    result = await client.download_recording(LISTEN, dest)
    assert result == m.Download(dest, len(body), kind)
    assert dest.read_bytes() == body
    assert leftovers(tmp_path) == ["rec.WAV"]
    (request,) = requests
    assert request.method == "GET"
    assert request.url.params["module"] == "downloadRecording"
    assert request.url.params["listen"] == LISTEN
    assert request.url.params["apikey"] == KEY


async def test_an_existing_dest_is_replaced(mock_client: MockClientFactory, tmp_path: Path) -> None:
    dest = tmp_path / "rec.wav"
    dest.write_bytes(b"old")
    client, _ = mock_client(audio(pcm_wav()))
    await client.download_recording(LISTEN, dest)
    assert dest.read_bytes() == pcm_wav()
    assert leftovers(tmp_path) == ["rec.wav"]


async def test_progress_with_a_known_length(mock_client: MockClientFactory, tmp_path: Path) -> None:
    body = pcm_wav(40_000)

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(body), 16384):
            yield body[i : i + 16384]

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "audio/x-wav", "content-length": str(len(body))}
        return httpx.Response(200, content=chunks(), headers=headers)

    seen: list[tuple[int, int | None]] = []
    client, _ = mock_client(handler)
    await client.download_recording(
        LISTEN, tmp_path / "r.wav", on_progress=lambda got, total: seen.append((got, total))
    )
    assert len(seen) >= 4
    assert [got for got, _ in seen] == sorted({got for got, _ in seen})
    assert {total for _, total in seen} == {len(body)}
    assert seen[-1] == (len(body), len(body))


async def test_progress_without_a_length(mock_client: MockClientFactory, tmp_path: Path) -> None:
    body = pcm_wav(20_000)

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(body), 8192):
            yield body[i : i + 8192]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"content-type": "audio/x-wav"})

    seen: list[tuple[int, int | None]] = []
    client, _ = mock_client(handler)
    await client.download_recording(
        LISTEN, tmp_path / "r.wav", on_progress=lambda got, total: seen.append((got, total))
    )
    assert seen[-1] == (len(body), None)
    assert all(total is None for _, total in seen)


# -- error bodies instead of audio ---------------------------------------------------------

XML_ERROR = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<CallCenter><result>false</result>'
    "<message>Ses kaydı bulunamadı.</message></CallCenter>"
).encode()
JSON_ERROR = json.dumps({"result": "false", "message": "Ses kaydı bulunamadı."}).encode()
SHORT_JSON_ERROR = json.dumps({"result": "false", "message": "Kayıt yok"}).encode()
HTML_404 = (
    b'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
    b"<title>404 Not Found</title>\n</head><body><h1>Not Found</h1></body></html>"
)


@pytest.mark.parametrize(
    ("status", "content_type", "body", "expected"),
    [
        (200, "text/xml; charset=UTF-8", XML_ERROR, "Ses kaydı bulunamadı."),
        (200, "application/json", JSON_ERROR, "Ses kaydı bulunamadı."),
        (200, "text/html; charset=UTF-8", JSON_ERROR, "Ses kaydı bulunamadı."),
        (200, "application/xml", XML_ERROR, "Ses kaydı bulunamadı."),
        (404, "text/html", HTML_404, "404"),
        (500, "text/html", b"<html><title>500 Internal Server Error</title></html>", "500"),
        (404, "application/json", JSON_ERROR, "Ses kaydı bulunamadı."),
        (200, "", SHORT_JSON_ERROR, "Kayıt yok"),
        (200, "audio/x-wav", SHORT_JSON_ERROR, "Kayıt yok"),
    ],
    ids=[
        "xml",
        "json",
        "json-as-php-default-html",
        "application-xml",
        "html-404",
        "html-500",
        "json-404",
        "short-json-no-content-type",
        "short-json-as-audio",
    ],
)
async def test_an_error_body_is_the_servers_message_and_nothing_is_left(
    mock_client: MockClientFactory,
    tmp_path: Path,
    status: int,
    content_type: str,
    body: bytes,
    expected: str,
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(status, content=body, headers=headers)

    client, requests = mock_client(handler)
    with pytest.raises(ApiError) as info:
        await client.download_recording(LISTEN, tmp_path / "rec.WAV")
    assert expected in info.value.message
    assert leftovers(tmp_path) == []
    assert len(requests) == 1


async def test_an_auth_refusal_instead_of_audio(
    mock_client: MockClientFactory, tmp_path: Path
) -> None:
    body = json.dumps({"result": "false", "message": "Geçersiz API anahtarı."}).encode()
    client, _ = mock_client(audio(body, "application/json"))
    with pytest.raises(AuthError):
        await client.download_recording(LISTEN, tmp_path / "r.wav")
    assert leftovers(tmp_path) == []


async def test_a_failed_download_keeps_the_previous_dest(
    mock_client: MockClientFactory, tmp_path: Path
) -> None:
    dest = tmp_path / "rec.wav"
    dest.write_bytes(b"previous complete file")
    client, _ = mock_client(audio(JSON_ERROR, "application/json"))
    with pytest.raises(ApiError):
        await client.download_recording(LISTEN, dest)
    assert dest.read_bytes() == b"previous complete file"
    assert leftovers(tmp_path) == ["rec.wav"]


@pytest.mark.parametrize("content_type", ["application/octet-stream", "audio/x-wav", ""])
@pytest.mark.parametrize("body", [XML_ERROR, JSON_ERROR], ids=["xml", "json"])
async def test_a_long_error_body_with_a_binary_content_type(
    mock_client: MockClientFactory, tmp_path: Path, content_type: str, body: bytes
) -> None:
    assert len(body) > 64
    client, _ = mock_client(audio(body, content_type))
    with pytest.raises(ApiError, match="Ses kaydı bulunamadı"):
        await client.download_recording(LISTEN, tmp_path / "rec.WAV")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("body", [pcm_wav(), MP3_ID3], ids=["wav", "mp3"])
async def test_audio_sent_as_php_default_text_html_is_accepted(
    mock_client: MockClientFactory, tmp_path: Path, body: bytes
) -> None:
    client, _ = mock_client(audio(body, "text/html; charset=UTF-8"))
    dest = tmp_path / "rec.wav"
    await client.download_recording(LISTEN, dest)
    assert dest.read_bytes() == body


async def test_a_503_download_with_a_json_body_is_retried(
    mock_client: MockClientFactory, tmp_path: Path
) -> None:
    body = json.dumps({"result": "false", "message": "Sunucu meşgul"}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, content=body, headers={"content-type": "application/json"})

    client, requests = mock_client(handler)
    with pytest.raises(ApiError) as info:
        await client.download_recording(LISTEN, tmp_path / "rec.wav")
    assert info.value.status == 503
    assert len(requests) == 3


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.4\n" + bytes(500),
        bytes(1000),
        b"",
        b"just some text that is not audio",
        b"\xd8" * 34,  # a GSM signature but not whole 33-byte frames
        b"RIFF\x00\x00\x00\x00AVI LIST" + bytes(100),
    ],
    ids=["pdf", "zeros", "empty", "text", "gsm-bad-size", "riff-avi"],
)
async def test_a_body_that_is_not_audio_is_a_protocol_error(
    mock_client: MockClientFactory, tmp_path: Path, body: bytes
) -> None:
    client, requests = mock_client(audio(body, "application/octet-stream"))
    with pytest.raises(ProtocolError):
        await client.download_recording(LISTEN, tmp_path / "rec.WAV")
    assert leftovers(tmp_path) == []
    assert len(requests) == 1


# -- broken connections and cancellation (real sockets) ------------------------------------


def _cut_short(conn: socket.socket, server: RawServer) -> None:
    server.record(read_request(conn))
    head = b"HTTP/1.1 200 OK\r\nContent-Type: audio/x-wav\r\nContent-Length: 100000\r\n\r\n"
    conn.sendall(head + pcm_wav(478)[:1000])
    conn.shutdown(socket.SHUT_RDWR)


def _stall_mid_body(conn: socket.socket, server: RawServer) -> None:
    server.record(read_request(conn))
    head = b"HTTP/1.1 200 OK\r\nContent-Type: audio/x-wav\r\nContent-Length: 100000\r\n\r\n"
    conn.sendall(head + pcm_wav(478)[:1000])
    server.stop.wait(10)


async def test_a_connection_cut_mid_download_is_a_network_error(
    raw_server: ServerFactory, real_http: httpx.AsyncClient, tmp_path: Path
) -> None:
    server = raw_server(_cut_short)
    client = CallCenterClient(server.url, KEY, client=real_http, retry_delays=(0, 0))
    seen: list[int] = []
    with pytest.raises(NetworkError):
        await asyncio.wait_for(
            client.download_recording(
                LISTEN, tmp_path / "rec.WAV", on_progress=lambda got, total: seen.append(got)
            ),
            timeout=10,
        )
    assert leftovers(tmp_path) == []
    assert seen and max(seen) <= 1000
    assert server.connections == 3  # read-only: retried, each attempt cleaned up


async def test_cancelling_a_download_leaves_nothing(
    raw_server: ServerFactory, real_http: httpx.AsyncClient, tmp_path: Path
) -> None:
    server = raw_server(_stall_mid_body)
    client = CallCenterClient(server.url, KEY, client=real_http, retry_delays=(0, 0))
    started = asyncio.Event()
    partial_files: list[str] = []

    def on_progress(got: int, total: int | None) -> None:
        partial_files.extend(leftovers(tmp_path))
        started.set()

    task = asyncio.create_task(
        client.download_recording(LISTEN, tmp_path / "rec.WAV", on_progress=on_progress)
    )
    await asyncio.wait_for(started.wait(), timeout=5)
    assert partial_files and all(name.endswith(".part") for name in partial_files)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert leftovers(tmp_path) == []
    assert server.connections == 1


async def test_a_body_shorter_than_its_content_length_is_not_kept(
    mock_client: MockClientFactory, tmp_path: Path
) -> None:
    body = pcm_wav(800)

    async def short() -> AsyncIterator[bytes]:
        yield body

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "audio/x-wav", "content-length": str(len(body) + 5000)}
        return httpx.Response(200, content=short(), headers=headers)

    client, requests = mock_client(handler)
    with pytest.raises(NetworkError, match="cut short"):
        await client.download_recording(LISTEN, tmp_path / "rec.wav")
    assert leftovers(tmp_path) == []
    assert len(requests) == 3  # transient: retried like any broken connection
