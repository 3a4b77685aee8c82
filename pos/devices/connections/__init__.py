"""Transports to a receipt printer: open, write one job, read the status, close.

One module per kind of link (base, network, serial_port, file, usb, cups_queue); this
package gathers their public names, so ``from pos.devices.connections import ...`` is
the one import the rest of Guichet uses.

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
- USB: python-escpos's ``Usb``, wrapped thinly (pyusb, extra ``guichet[usb]``); tested
  over pyusb's device lookup (no printer); status UNKNOWN.
- CUPS: pycups itself (extra ``guichet[cups]``), not python-escpos's ``CupsPrinter``
  (see cups_queue.py for why); tested against a real cupsd; status UNKNOWN (CUPS knows
  nothing of the paper), UNREACHABLE when the server or the queue refuses.
"""

from __future__ import annotations

from pos.devices.connections.base import DEFAULT_STATUS_TIMEOUT, PrinterConnection, Traffic
from pos.devices.connections.cups_queue import CupsConnection
from pos.devices.connections.file import FileConnection
from pos.devices.connections.network import NetworkConnection
from pos.devices.connections.serial_port import SerialConnection, open_serial, serial_open_reason
from pos.devices.connections.usb import UsbConnection

__all__ = [
    "DEFAULT_STATUS_TIMEOUT",
    "CupsConnection",
    "FileConnection",
    "NetworkConnection",
    "PrinterConnection",
    "SerialConnection",
    "Traffic",
    "UsbConnection",
    "open_serial",
    "serial_open_reason",
]
