"""The running instance's end of the local socket: validated commands in, one answer each."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from agentbar.core.commands import (
    MAX_MESSAGE_BYTES,
    Command,
    CommandError,
    decode,
    encode_reply,
)
from agentbar.desktop import peercred, win_peer

__all__ = ["InstanceServer"]

log = logging.getLogger(__name__)

#: A client that has not finished its messages after this long is dropped.
CONNECTION_TIMEOUT_MS = 5000
MAX_MESSAGES_PER_CONNECTION = 16
MAX_CONNECTIONS = 8


class _Connection(QObject):
    """One client: reads lines, answers each, hands valid commands to the server."""

    def __init__(self, socket: QLocalSocket, server: InstanceServer) -> None:
        super().__init__(server)
        self._socket = socket
        self._server = server
        self._buffer = b""
        self._count = 0
        self._queue: list[Command | str] = []  # commands, or why a message was refused
        self._worker: asyncio.Task[Any] | None = None
        socket.setParent(self)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.start(CONNECTION_TIMEOUT_MS)

    def _on_ready_read(self) -> None:
        self._buffer += bytes(self._socket.readAll().data())
        while b"\n" in self._buffer:
            line, _, self._buffer = self._buffer.partition(b"\n")
            self._count += 1
            if self._count > MAX_MESSAGES_PER_CONNECTION:
                self._refuse("too many messages on one connection", drop=True)
                return
            self._handle(line + b"\n")
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            self._refuse(f"message longer than {MAX_MESSAGE_BYTES} bytes", drop=True)

    def _handle(self, line: bytes) -> None:
        try:
            command: Command | str = decode(line)
        except CommandError as exc:
            command = str(exc)
        if self._server.answer is not None:
            # Answered in order, each once the instance has carried it out or refused it.
            self._queue.append(command)
            if self._worker is None or self._worker.done():
                self._worker = asyncio.ensure_future(self._answer_queue(self._server.answer))
            return
        if isinstance(command, str):
            self._refuse(command, drop=False)
            return
        self._reply("")
        self._server.command_received.emit(command)

    async def _answer_queue(self, answer: Callable[[Command], Awaitable[str]]) -> None:
        while self._queue:
            command = self._queue.pop(0)
            if isinstance(command, str):
                self._refuse(command, drop=False)
                continue
            self._server.command_received.emit(command)
            try:
                error = await answer(command)
            except Exception:
                log.exception("the command %s failed", command.name)
                error = "internal error (details in the log)"
            if error:
                log.info("refused the command %s: %s", command.name, error)
            self._reply(error)

    def _reply(self, error: str) -> None:
        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._socket.write(encode_reply(error))
            self._socket.flush()

    def _refuse(self, reason: str, *, drop: bool) -> None:
        log.warning("refused a message from another launch: %s", reason)
        self._server.refused.emit(reason)
        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._socket.write(encode_reply(reason))
            self._socket.flush()
        if drop:
            self._buffer = b""
            self._socket.disconnectFromServer()

    def _on_timeout(self) -> None:
        if self._buffer:
            log.warning("dropped a connection that sent an unfinished message")
        self._socket.abort()
        self._close()

    def _close(self) -> None:
        self._timer.stop()
        self._queue.clear()
        if self._server.forget(self):
            self.deleteLater()


class InstanceServer(QObject):
    """The running instance's end: emits ``command_received(Command)`` for each valid message
    (and, with :attr:`answer` set, answers each with its outcome).

    Anything else (not JSON, another version, an unknown command, wrong argument types,
    oversized lines, too many messages or connections) is answered with a refusal, logged
    and signalled as ``refused(reason)``.
    """

    command_received = Signal(object)  # Command
    refused = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setMaxPendingConnections(MAX_CONNECTIONS)
        self._server.newConnection.connect(self._on_new_connection)
        self._connections: list[_Connection] = []
        #: Carries out a command and says why not ("" when accepted), so that a refused
        #: command makes the sending launch exit non-zero. Unset: every valid command is
        #: accepted at once and only signalled.
        self.answer: Callable[[Command], Awaitable[str]] | None = None

    @property
    def socket_options(self) -> QLocalServer.SocketOption:
        return self._server.socketOptions()

    @property
    def full_name(self) -> str:
        return self._server.fullServerName()

    def listen(self, *, stale: bool = False) -> bool:
        """Start listening; call only while holding the Claim.

        ``stale``: a crashed instance may have left its socket; remove it first. A name still
        "in use" is removed too, since the lock proves that nobody else serves it.
        """
        if stale:
            QLocalServer.removeServer(self.name)
        if not self.name:  # no private place for the socket (Claim.problem says why)
            log.warning("not listening for other launches: no private socket directory")
            return False
        if self._listen():
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            log.info("removing a stale instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if self._listen():
                return True
        log.warning("cannot listen for other launches: %s", self._server.errorString())
        return False

    def _listen(self) -> bool:
        # Only this user may connect, on every system; Qt reads the option when listen()
        # creates the socket, so it is set right before each listen().
        # - Unix: the socket file is made 0600 (and it sits in a 0700 folder anyway).
        # - Windows: Qt docs, QLocalServer::SocketOption: "UserAccessOption: Access is
        #   restricted to the same user as the process that created the socket." Qt's
        #   qlocalserver_win.cpp builds a security descriptor whose owner is the user and whose
        #   DACL holds one entry, FILE_ALL_ACCESS for the user's SID, for every pipe instance
        #   it creates. Qt does not ask for FILE_FLAG_FIRST_PIPE_INSTANCE, so a pipe of the
        #   same name made first by someone else keeps their descriptor: hence the peer checks
        #   at both ends (win_peer.py).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()
        for connection in list(self._connections):
            connection._on_timeout()

    def forget(self, connection: _Connection) -> bool:
        if connection in self._connections:
            self._connections.remove(connection)
            return True
        return False

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            why = _foreign_peer(socket)
            if why:
                log.warning("refused a connection from another user's process: %s", why)
                self.refused.emit(why)
                socket.abort()
                socket.deleteLater()
                continue
            if len(self._connections) >= MAX_CONNECTIONS:
                log.warning("refused a connection: too many at once")
                socket.abort()
                socket.deleteLater()
                continue
            self._connections.append(_Connection(socket, self))


def _foreign_peer(socket: QLocalSocket) -> str:
    """Why the client is not this user's process, or ""."""
    if sys.platform == "win32":  # the descriptor is the pipe's HANDLE: ask for its client's user
        return win_peer.client_problem(int(socket.socketDescriptor()))
    try:
        uid = peercred.peer_uid(int(socket.socketDescriptor()))
    except OSError as exc:
        return f"its user cannot be checked ({exc.strerror or exc})"
    if uid is not None and uid != peercred.my_uid():
        return f"it runs as uid {uid}"
    return ""
