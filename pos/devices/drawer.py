"""The cash drawer: a pulse on the printer's drawer port, or on the drawer's own serial port.

The pulse is ESC p m t1 t2: m = 0 for connector pin 2 (the first drawer),
1 for pin 5 (the second); the solenoid is on for t1 x 2 ms, then off for
t2 x 2 ms. We keep python-escpos's 100 ms / 100 ms, which drawers accept.
"""

from __future__ import annotations

from typing import Protocol

import serial
from escpos.constants import CD_KICK_2, CD_KICK_5

from pos.config import DrawerConfig
from pos.core.i18n import lazy
from pos.devices.connections import open_serial, serial_open_reason
from pos.devices.errors import DrawerUnreachable, PrinterConfigError


class KicksDrawer(Protocol):
    """What a drawer on the printer's port needs of the printer (``ReceiptPrinter``)."""

    def open_drawer(self) -> None: ...

_KICKS = {2: CD_KICK_2, 5: CD_KICK_5}


def kick_bytes(pin: int) -> bytes:
    """ESC p for drawer pin 2 or 5."""
    try:
        return _KICKS[pin]
    except KeyError:
        raise PrinterConfigError(
            lazy("cash drawer pin {pin} (expected: 2 or 5)", pin=pin)) from None


class CashDrawer(Protocol):
    def open(self) -> None:
        """Kick the drawer open; blocking, raises DeviceError."""


class PrinterDrawer:
    """A drawer on the printer's RJ11 port: the kick goes through the printer."""

    def __init__(self, printer: KicksDrawer) -> None:
        self.printer = printer

    def open(self) -> None:
        self.printer.open_drawer()


class SerialDrawer:
    """A drawer with its own serial port: the kick bytes are written there.

    The port is opened for each kick and closed at once, so an unplugged
    drawer never holds the port and the next kick simply retries.
    """

    def __init__(
        self, device: str, baudrate: int = 9600, *, pin: int = 2, timeout: float = 2.0
    ) -> None:
        self.device, self.baudrate, self.timeout = device, baudrate, timeout
        self.kick = kick_bytes(pin)

    def open(self) -> None:
        try:
            port = open_serial(self.device, self.baudrate, "none", self.timeout)
        except serial.SerialException as exc:
            raise DrawerUnreachable(
                self.device, serial_open_reason(exc), detail=repr(exc)
            ) from None
        try:
            port.write(self.kick)
            port.flush()
        except (serial.SerialException, OSError) as exc:
            raise DrawerUnreachable(self.device, lazy("sending failed"),
                                    detail=repr(exc)) from None
        finally:
            port.close()


def make_drawer(config: DrawerConfig, printer: KicksDrawer | None) -> CashDrawer | None:
    """The drawer the configuration describes.

    None for kind "none", or for a printer drawer without a printer to kick through.
    """
    if config.kind == "serial":
        return SerialDrawer(config.device, config.baudrate, pin=config.pin)
    if config.kind == "printer" and printer is not None:
        return PrinterDrawer(printer)
    return None
