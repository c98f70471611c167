"""The TLS context (api/tls.py): the system's store, a company CA in ca_file, bad certificate
settings as messages instead of a crash at start."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from agentbar.api.tls import tls_context
from agentbar.ui.startup.start_data import new_http_client
from tests.hostile.certs import OTHER_HOST, Certs
from tests.hostile.test_transport_attacks import TlsServer, certs, tls_server

__all__ = ["certs", "tls_server"]  # fixtures, used by name


def _handshake(context: ssl.SSLContext, port: int) -> None:
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as sock,
        context.wrap_socket(sock, server_hostname=OTHER_HOST) as tls,
    ):
        tls.sendall(b"GET / HTTP/1.1\r\nHost: other.example\r\n\r\n")
        # The answer's first byte: the server has counted the handshake by then (no race).
        assert tls.recv(1)


def test_the_company_ca_in_ca_file_is_trusted(tls_server: TlsServer, certs: Certs) -> None:
    context, notes = tls_context(str(certs.ca))
    assert notes == []
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    _handshake(context, tls_server.raw.port)
    assert tls_server.handshakes_ok == 1


def test_without_the_ca_the_server_is_refused(tls_server: TlsServer) -> None:
    context, notes = tls_context("")
    assert notes == []
    with pytest.raises(ssl.SSLCertVerificationError):
        _handshake(context, tls_server.raw.port)


async def test_the_runs_http_client_trusts_ca_file(tls_server: TlsServer, certs: Certs) -> None:
    notes: list[str] = []
    async with new_http_client(str(certs.ca), notes) as http:
        reply = await http.get(
            f"https://127.0.0.1:{tls_server.raw.port}/api/",
            extensions={"sni_hostname": OTHER_HOST},
        )
    assert reply.status_code == 200
    assert notes == []


@pytest.mark.parametrize("content", [None, b"not a certificate\n"])
def test_a_bad_ca_file_is_a_message(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "corp-ca.pem"
    if content is not None:
        path.write_bytes(content)
    context, notes = tls_context(str(path))
    assert isinstance(context, ssl.SSLContext)
    assert len(notes) == 1
    assert notes[0].startswith("The extra certificate authority (ca_file) could not be loaded")
    assert str(path) in notes[0]


@pytest.mark.parametrize("content", [None, b"garbage\n"])
def test_a_bad_ssl_cert_file_is_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    path = tmp_path / "bundle.pem"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv("SSL_CERT_FILE", str(path))
    notes: list[str] = []
    client = new_http_client("", notes)  # httpx.AsyncClient() raised here before
    assert client is not None
    assert len(notes) == 1
    assert "SSL_CERT_FILE" in notes[0] and "not usable" in notes[0]


def test_a_bad_ssl_cert_file_still_trusts_ca_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tls_server: TlsServer, certs: Certs
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    context, notes = tls_context(str(certs.ca))
    assert len(notes) == 1
    _handshake(context, tls_server.raw.port)
