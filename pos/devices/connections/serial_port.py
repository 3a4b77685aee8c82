"""A serial printer through pyserial; ``open_serial`` and ``serial_open_reason`` are shared
with the serial cash drawer."""

from __future__ import annotations

import errno

import serial

from pos.core.i18n import Lazy, lazy
from pos.devices.connections.base import DEFAULT_STATUS_TIMEOUT, PrinterConnection
from pos.devices.errors import PrinterConfigError, PrinterUnreachable
from pos.devices.status import PrinterStatus, interpret_status, query_status

_FLOW_CONTROL = {
    "none": {},
    "rtscts": {"rtscts": True},
    "dsrdtr": {"dsrdtr": True},
    "xonxoff": {"xonxoff": True},
}


def serial_open_reason(exc: serial.SerialException) -> Lazy:
    """Why a port will not open, for the cashier (shared with the serial drawer)."""
    code = getattr(exc, "errno", None)
    if code == errno.ENOENT:
        return lazy("port missing (cable unplugged?)")
    if code in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EBUSY):
        return lazy("port already used by another program")
    if code == errno.EACCES:
        return lazy("access to the port denied (permissions)")
    return lazy("the port cannot be opened")


def open_serial(device: str, baudrate: int, flow_control: str, timeout: float) -> serial.Serial:
    """Open a port exclusively (two programs on one port garble both).

    Raises SerialException when the port cannot be opened.
    """
    if flow_control not in _FLOW_CONTROL:
        raise PrinterConfigError(lazy("unknown flow control “{flow_control}”",
                                      flow_control=flow_control))
    return serial.Serial(
        port=device,
        baudrate=baudrate,
        timeout=DEFAULT_STATUS_TIMEOUT,
        write_timeout=timeout,
        exclusive=True,
        **_FLOW_CONTROL[flow_control],
    )


class SerialConnection(PrinterConnection):
    """A serial printer through pyserial (flow control per model, default none)."""

    can_read = True

    def __init__(
        self,
        device: str,
        baudrate: int = 19200,
        *,
        flow_control: str = "none",
        timeout: float = 5.0,
        status_timeout: float = DEFAULT_STATUS_TIMEOUT,
    ) -> None:
        super().__init__()
        self.device, self.baudrate, self.flow_control = device, baudrate, flow_control
        self.timeout, self.status_timeout = timeout, status_timeout
        self.target = device
        self._port: serial.Serial | None = None

    def open(self) -> None:
        self.close()
        try:
            self._port = open_serial(self.device, self.baudrate, self.flow_control, self.timeout)
        except serial.SerialException as exc:
            self.traffic.note(f"ouverture impossible : {exc!r}")
            raise PrinterUnreachable(
                self.target, serial_open_reason(exc), detail=repr(exc)
            ) from None
        self.traffic.note("ouvert")

    def _serial(self) -> serial.Serial:
        if self._port is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        return self._port

    def _broken(self, exc: Exception, reason: Lazy) -> PrinterUnreachable:
        self.traffic.note(f"{reason} : {exc!r}")
        return PrinterUnreachable(self.target, reason, detail=repr(exc))

    def write(self, job: bytes) -> None:
        port = self._serial()
        self.traffic.sent(job)
        try:
            port.write(job)
            port.flush()
        except serial.SerialTimeoutException as exc:
            raise self._broken(exc, lazy("the printer accepts no more data")) from None
        except (serial.SerialException, OSError) as exc:
            raise self._broken(exc, lazy("port lost while sending")) from None

    # StatusLink
    def send(self, data: bytes) -> None:
        self.write(data)

    def discard_input(self) -> None:
        try:
            self._serial().reset_input_buffer()
        except (serial.SerialException, OSError) as exc:
            raise self._broken(exc, lazy("port lost")) from None

    def read_byte(self, timeout: float) -> bytes | None:
        port = self._serial()
        try:
            port.timeout = timeout
            data = port.read(1)
        except (serial.SerialException, OSError) as exc:
            raise self._broken(exc, lazy("port lost")) from None
        if not data:
            self.traffic.note(f"pas de réponse en {timeout:g} s")
            return None
        self.traffic.received(data)
        return data

    def read_status(self) -> PrinterStatus:
        self.last_replies = query_status(self, self.status_timeout)
        return interpret_status(self.last_replies)

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                pass  # an unplugged adapter: nothing left to close
            self.traffic.note("fermé")
