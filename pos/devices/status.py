"""Printer state, read from the printer itself with DLE EOT.

We do not use python-escpos's ``paper_status()``/``is_online()``: the first
answers "paper OK" when the printer says nothing at all, the second differs by
transport. Here an empty, missing or malformed reply always means UNREACHABLE,
never "ready".
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from pos.core.i18n import N_, _

DLE_EOT = b"\x10\x04"

#: The requests we send, in order: printer (1), offline cause (2), paper sensors (4).
#: n=3 (error cause) adds nothing the cashier can act on: a cutter jam also sets
#: "offline" in n=1.
STATUS_REQUESTS = (1, 2, 4)

# Every DLE EOT reply byte has bits 1 and 4 set and bits 0 and 7 clear (Epson).
_FIXED_MASK = 0x93
_FIXED_VALUE = 0x12


class PrinterStatus(Enum):
    """What the status bar shows; ``label`` is the text in the current language."""

    READY = ("ready", N_("Printer: ready"))
    PAPER_LOW = ("paper_low", N_("Printer: paper running low"))
    PAPER_OUT = ("paper_out", N_("Printer: out of paper"))
    COVER_OPEN = ("cover_open", N_("Printer: cover open"))
    OFFLINE = ("offline", N_("Printer: offline"))
    UNREACHABLE = ("unreachable", N_("Printer: unreachable"))
    UNKNOWN = ("unknown", N_("Printer: state unknown"))

    def __init__(self, code: str, msgid: str) -> None:
        self.code = code
        self.msgid = msgid

    def render(self, lang: str | None = None) -> str:
        return _(self.msgid, lang)

    @property
    def label(self) -> str:
        return self.render()

    @property
    def can_print(self) -> bool:
        """True when a job sent now should come out (paper low still prints)."""
        return self in (PrinterStatus.READY, PrinterStatus.PAPER_LOW)

    @property
    def not_ready(self) -> bool:
        """The printer answered and says it cannot print: a job sent is held or lost."""
        return self in (PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN, PrinterStatus.OFFLINE)


def status_request(n: int) -> bytes:
    """The real-time status request DLE EOT n."""
    return DLE_EOT + bytes([n])


def _valid(reply: bytes | None) -> int | None:
    """The reply byte if it is exactly one byte with the fixed bits right, else None."""
    if reply is None or len(reply) != 1:
        return None
    b = reply[0]
    return b if b & _FIXED_MASK == _FIXED_VALUE else None


def interpret_status(replies: dict[int, bytes | None]) -> PrinterStatus:
    """Turn DLE EOT replies (request n -> reply byte) into one state.

    Requests 1, 2 and 4 must all have a valid reply, else UNREACHABLE: a printer
    that did not answer has told us nothing about its paper. A reply to 3, if
    given, must be valid too. Order of precedence: what the cashier must fix
    first (cover, paper) before the generic "offline" it causes.
    """
    values: dict[int, int] = {}
    for n in (*STATUS_REQUESTS, *(k for k in replies if k not in STATUS_REQUESTS)):
        value = _valid(replies.get(n))
        if value is None:
            return PrinterStatus.UNREACHABLE
        values[n] = value

    printer, offline_cause, paper = values[1], values[2], values[4]
    if offline_cause & 0x04:
        return PrinterStatus.COVER_OPEN
    if offline_cause & 0x20 or paper & 0x60:
        return PrinterStatus.PAPER_OUT
    if printer & 0x08:
        return PrinterStatus.OFFLINE
    if paper & 0x0C:
        return PrinterStatus.PAPER_LOW
    return PrinterStatus.READY


class StatusLink(Protocol):
    """What a connection that can read offers to the status exchange."""

    def discard_input(self) -> None:
        """Drop bytes already received (a late reply to an earlier request)."""

    def send(self, data: bytes) -> None:
        """Send bytes now."""

    def read_byte(self, timeout: float) -> bytes | None:
        """One byte, or None if nothing came within ``timeout`` seconds.

        Raises PrinterUnreachable if the link itself is broken (closed, reset).
        """


def query_status(link: StatusLink, timeout: float) -> dict[int, bytes | None]:
    """Send the requests one at a time, reading one reply byte after each.

    One at a time so that each reply is matched to its request. A silent
    printer costs one ``timeout``, not three: we stop at the first missing reply.
    """
    link.discard_input()
    replies: dict[int, bytes | None] = {}
    for n in STATUS_REQUESTS:
        link.send(status_request(n))
        reply = link.read_byte(timeout)
        replies[n] = reply
        if reply is None:
            break
    return replies


def read_status(link: StatusLink, timeout: float) -> PrinterStatus:
    return interpret_status(query_status(link, timeout))


class DrawerState(Enum):
    OPEN = N_("Drawer: open")
    CLOSED = N_("Drawer: closed")
    UNKNOWN = N_("Drawer: state unknown")

    @property
    def label(self) -> str:
        return _(self.value)


def interpret_drawer(replies: dict[int, bytes | None], open_level: str) -> DrawerState:
    """The drawer's sensor as the printer reports it: DLE EOT 1, bit 2 = the level of the
    kick-out connector's pin 3. Which level means "open" depends on the drawer (many read
    LOW when open), hence ``open_level`` ("low" or "high") from the configuration."""
    value = _valid(replies.get(1))
    if value is None:
        return DrawerState.UNKNOWN
    high = bool(value & 0x04)
    return DrawerState.OPEN if high == (open_level == "high") else DrawerState.CLOSED
