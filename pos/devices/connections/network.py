"""Raw TCP (port 9100) with a plain socket."""

from __future__ import annotations

import socket

from pos.core.i18n import Lazy, lazy
from pos.devices.connections.base import DEFAULT_STATUS_TIMEOUT, PrinterConnection
from pos.devices.errors import PrinterUnreachable
from pos.devices.network_reasons import network_reason
from pos.devices.status import PrinterStatus, interpret_status, query_status


class NetworkConnection(PrinterConnection):
    """Raw TCP (port 9100) with a plain socket: see the module docstring for why."""

    can_read = True

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        timeout: float = 5.0,
        status_timeout: float = DEFAULT_STATUS_TIMEOUT,
    ) -> None:
        super().__init__()
        self.host, self.port = host, port
        self.timeout, self.status_timeout = timeout, status_timeout
        self.target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self._sock: socket.socket | None = None

    def open(self) -> None:
        self.close()
        try:
            # create_connection resolves names and tries IPv6 and IPv4 addresses.
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            self.traffic.note(f"connexion impossible : {exc!r}")
            raise PrinterUnreachable(
                self.target, network_reason(exc, self.timeout), detail=repr(exc)
            ) from None
        self.traffic.note("connecté")

    def _socket(self) -> socket.socket:
        if self._sock is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        return self._sock

    def _broken(self, exc: OSError | None, reason: Lazy) -> PrinterUnreachable:
        self.traffic.note(f"{reason} : {exc!r}")
        return PrinterUnreachable(self.target, reason, detail=repr(exc))

    def write(self, job: bytes) -> None:
        sock = self._socket()
        sock.settimeout(self.timeout)
        self.traffic.sent(job)
        try:
            sock.sendall(job)
        except TimeoutError as exc:
            raise self._broken(exc, lazy("the printer accepts no more data")) from None
        except OSError as exc:
            raise self._broken(exc, lazy("connection lost while sending")) from None

    # StatusLink
    def send(self, data: bytes) -> None:
        self.write(data)

    def discard_input(self) -> None:
        sock = self._socket()
        sock.setblocking(False)
        try:
            while True:
                data = sock.recv(4096)
                if not data:
                    raise self._broken(None, lazy("connection closed by the printer"))
                self.traffic.received(data)
        except BlockingIOError:
            pass
        except OSError as exc:
            raise self._broken(exc, lazy("connection lost by the printer")) from None
        finally:
            sock.settimeout(self.timeout)

    def read_byte(self, timeout: float) -> bytes | None:
        sock = self._socket()
        sock.settimeout(timeout)
        try:
            data = sock.recv(1)
        except TimeoutError:
            self.traffic.note(f"pas de réponse en {timeout:g} s")
            return None
        except OSError as exc:
            raise self._broken(exc, lazy("connection lost by the printer")) from None
        finally:
            sock.settimeout(self.timeout)
        if not data:
            raise self._broken(None, lazy("connection closed by the printer"))
        self.traffic.received(data)
        return data

    def read_status(self) -> PrinterStatus:
        self.last_replies = query_status(self, self.status_timeout)
        return interpret_status(self.last_replies)

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        # Closing with unread bytes in our receive buffer makes Linux send RST,
        # and a RST may make the printer drop what it has not yet read: empty
        # the buffer, then send FIN after the data.
        try:
            sock.setblocking(False)
            while sock.recv(4096):
                pass
        except OSError:
            pass
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        sock.close()
        self.traffic.note("fermé")
