"""Transports to a receipt printer: open, write one job, read the status, close.

Each connection opens and closes explicitly (also as a context manager); nothing
opens lazily and nothing closes in ``__del__``. ``write`` sends a whole job in
one call. Connections that can read (network, serial) answer ``read_status``
from the printer's own DLE EOT replies; the others say UNKNOWN.

Which transport comes from where, and why:

- Network: a plain socket. python-escpos's ``Network`` connects on first use,
  is IPv4 only (AF_INET), defaults to a 60 s timeout and reads replies 16 bytes
  at a time; we need an explicit connect with our timeout, IPv6 too, and one
  reply byte per request.
- Serial: plain pyserial. python-escpos's ``Serial`` forces DSR/DTR flow control
  by default, has no RTS/CTS or ``exclusive`` option.
- File: plain ``open(..., "ab")``. python-escpos's ``File`` opens with "wb" and
  would erase every earlier job.
- USB and CUPS: python-escpos's ``Usb`` and ``CupsPrinter``, wrapped thinly.
  They need pyusb / pycups (extras ``guichet[usb]``, ``guichet[cups]``); USB is tested
  over pyusb's device lookup (no printer), CUPS is not; their status is UNKNOWN
  (python-escpos's CUPS status is meaningless).
"""

from __future__ import annotations

import errno
import socket
from abc import ABC, abstractmethod
from collections import deque
from datetime import datetime
from pathlib import Path

import serial

from pos.core.i18n import Lazy, lazy
from pos.devices.errors import PrinterConfigError, PrinterUnreachable
from pos.devices.status import PrinterStatus, interpret_status, query_status

#: Seconds to wait for one DLE EOT reply. A printer answers in milliseconds,
#: even while printing (real-time command); longer means it is not answering.
DEFAULT_STATUS_TIMEOUT = 1.0


def _now() -> str:
    return datetime.now().strftime("%H:%M:%S.%f")[:-3]


class Traffic:
    """The last exchanges with a device, dumped into the log when something fails."""

    def __init__(self, size: int = 40, preview: int = 48) -> None:
        self._entries: deque[str] = deque(maxlen=size)
        self._preview = preview

    def _add(self, arrow: str, data: bytes) -> None:
        head = data[: self._preview].hex(" ")
        more = f" ... (+{len(data) - self._preview})" if len(data) > self._preview else ""
        self._entries.append(f"{_now()} {arrow} {len(data)} o: {head}{more}")

    def sent(self, data: bytes) -> None:
        self._add(">", data)

    def received(self, data: bytes) -> None:
        self._add("<", data)

    def note(self, text: str) -> None:
        self._entries.append(f"{_now()} ! {text}")

    def lines(self) -> list[str]:
        return list(self._entries)


class PrinterConnection(ABC):
    """One link to one printer. Not thread-safe: one user at a time (ReceiptPrinter locks)."""

    #: True when ``read_status`` really asks the printer.
    can_read: bool = False
    #: Where the printer is, for messages ("192.168.1.50:9100", "/dev/ttyUSB0").
    target: str = ""

    def __init__(self) -> None:
        self.traffic = Traffic()

    @abstractmethod
    def open(self) -> None:
        """Open the link; raises PrinterUnreachable (or PrinterConfigError)."""

    @abstractmethod
    def close(self) -> None:
        """Close the link; safe to call twice or when never opened."""

    @abstractmethod
    def write(self, job: bytes) -> None:
        """Send the whole job in one write; raises PrinterUnreachable."""

    def read_status(self) -> PrinterStatus:
        """The printer's state; UNKNOWN when this link cannot read.

        UNREACHABLE when the printer does not answer; raises PrinterUnreachable
        when the link itself broke (closed, reset).
        """
        return PrinterStatus.UNKNOWN

    # The DLE EOT replies behind the last read_status (the drawer's sensor is in them).
    last_replies: dict[int, bytes | None] = {}

    def __enter__(self) -> PrinterConnection:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.target}>"


def _network_reason(exc: OSError, timeout: float) -> Lazy:
    if isinstance(exc, ConnectionRefusedError):
        return lazy("connection refused")
    if isinstance(exc, TimeoutError):
        return lazy("no reply within {seconds} s", seconds=format(timeout, "g"))
    if isinstance(exc, socket.gaierror):
        return lazy("unknown address")
    if exc.errno == errno.EHOSTUNREACH:
        return lazy("host unreachable")
    if exc.errno == errno.ENETUNREACH:
        return lazy("network unreachable")
    return lazy("network error")


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
                self.target, _network_reason(exc, self.timeout), detail=repr(exc)
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


class FileConnection(PrinterConnection):
    """Appends each job to a file: development, demo, or a spool read by another program."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.target = str(self.path)
        self._file = None

    def open(self) -> None:
        self.close()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise PrinterUnreachable(
                self.target, lazy("file not accessible"), detail=repr(exc)
            ) from None

    def write(self, job: bytes) -> None:
        if self._file is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._file.write(job)
            self._file.flush()
        except OSError as exc:
            raise PrinterUnreachable(self.target, lazy("writing failed"),
                                     detail=repr(exc)) from None

    def close(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            file.close()


class UsbConnection(PrinterConnection):
    """python-escpos ``Usb``, kept thin (pyusb: ``pip install guichet[usb]``, a udev rule
    and a printer); tests/devices/test_usb_printer.py drives it over pyusb's lookup."""

    def __init__(self, vendor_id: int, product_id: int, *, timeout: float = 5.0) -> None:
        super().__init__()
        self.vendor_id, self.product_id, self.timeout = vendor_id, product_id, timeout
        self.target = f"USB {vendor_id:04x}:{product_id:04x}"
        self._usb = None

    def open(self) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Usb

        self.close()
        # pyusb's timeout is in milliseconds; python-escpos's default 0 waits forever.
        usb = Usb(self.vendor_id, self.product_id, timeout=int(self.timeout * 1000))
        try:
            usb.open()
        except RuntimeError as exc:  # python-escpos: pyusb is not installed
            raise PrinterConfigError(lazy("module pyusb missing: pip install guichet[usb]"),
                                     detail=str(exc)) from None
        except DeviceNotFoundError as exc:
            raise PrinterUnreachable(
                self.target, lazy("absent, switched off or busy (CUPS, usblp?)"),
                detail=str(exc)
            ) from None
        self._usb = usb

    def write(self, job: bytes) -> None:
        if self._usb is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._usb._raw(job)  # one bulk write
        except Exception as exc:  # pyusb's USBError / USBTimeoutError
            raise PrinterUnreachable(self.target, lazy("sending failed"),
                                     detail=repr(exc)) from None

    def close(self) -> None:
        usb, self._usb = self._usb, None
        if usb is not None:
            usb.close()


class CupsConnection(PrinterConnection):
    """python-escpos ``CupsPrinter`` (raw queue), kept thin: untested here (needs pycups and CUPS).

    The job goes to CUPS in ``write``; one write per opening.
    """

    def __init__(self, queue: str) -> None:
        super().__init__()
        self.queue = queue
        self.target = f"CUPS « {queue} »"
        self._cups = None

    def open(self) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import CupsPrinter

        self.close()
        try:
            cups = CupsPrinter(printer_name=self.queue)
            cups.open(job_name="guichet")
        except RuntimeError as exc:  # python-escpos: pycups is not installed
            raise PrinterConfigError(lazy("module pycups missing: pip install guichet[cups]"),
                                     detail=str(exc)) from None
        except DeviceNotFoundError as exc:
            raise PrinterUnreachable(
                self.target, lazy("unknown print queue"), detail=str(exc)
            ) from None
        self._cups = cups

    def write(self, job: bytes) -> None:
        if self._cups is None:
            raise RuntimeError(f"{self!r} n'est pas ouverte : appeler open()")
        self.traffic.sent(job)
        try:
            self._cups._raw(job)
            self._cups.send()
        except Exception as exc:  # pycups' IPPError and friends
            raise PrinterUnreachable(
                self.target, lazy("sending to CUPS failed"), detail=repr(exc)
            ) from None

    def close(self) -> None:
        cups, self._cups = self._cups, None
        if cups is not None:
            cups.close()


__all__ = [
    "CupsConnection",
    "FileConnection",
    "NetworkConnection",
    "PrinterConnection",
    "SerialConnection",
    "Traffic",
    "UsbConnection",
]
