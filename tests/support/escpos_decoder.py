"""Read ESC/POS bytes back into events, so tests assert what would come out of the printer.

Usage::

    from tests.support.escpos_decoder import decode, text_lines, TextLine, Cut

    events = decode(job_bytes)
    assert "TOTAL                                   12,00 €" in text_lines(events)

``decode`` is strict on purpose: it knows the commands our renderer emits and
raises ``UnknownCommand`` on any other control byte or sequence (and
``TruncatedCommand`` on a command cut short), so a stray byte fails the test
instead of being skipped. Style commands (bold, size, alignment, barcode
options, line spacing...) are not events of their own: they are folded into
the ``TextLine`` that follows. A ``TextLine``'s style is the one in force at
its first character (its end for an empty line).

Text is decoded with the active code table: 0 = CP437 (the power-on table,
also after ESC @), 19 = CP858. Pass ``tables`` to add others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]

DEFAULT_TABLES: dict[int, str] = {0: "cp437", 19: "cp858"}


class DecodeError(Exception):
    """The bytes are not a job we understand."""


class UnknownCommand(DecodeError):
    """A control byte or command the decoder (and so our renderer) does not use."""


class TruncatedCommand(DecodeError):
    """The data ends in the middle of a command."""


@dataclass(frozen=True)
class Init:
    """ESC @: printer reset (code table back to 0, styles off)."""


@dataclass(frozen=True)
class CodePage:
    """ESC t n: code table n selected."""

    n: int


@dataclass(frozen=True)
class TextLine:
    """Characters up to a line feed, decoded with the active code table."""

    text: str
    bold: bool = False
    align: Align = "left"
    double: bool = False  # enlarged (double width and/or height)


@dataclass(frozen=True)
class Barcode:
    """GS k; for CODE128 the code-set prefix ("{B") is removed and "{{" read as "{"."""

    kind: str
    payload: str


@dataclass(frozen=True)
class QR:
    """GS ( k: a QR code printed by the printer; payload decoded as UTF-8."""

    payload: str


@dataclass(frozen=True)
class Image:
    """A raster image (GS v 0, or GS ( L store + print), size in dots."""

    width: int
    height: int


@dataclass(frozen=True)
class Cut:
    """GS V: paper cut."""

    partial: bool


@dataclass(frozen=True)
class Feed:
    """ESC d n: print and feed n lines."""

    n: int


@dataclass(frozen=True)
class DrawerPulse:
    """ESC p m t1 t2: drawer kick on pin 2 or 5, on/off times in ms."""

    pin: int
    on_ms: int
    off_ms: int


@dataclass(frozen=True)
class StatusRequest:
    """DLE EOT n: real-time status request."""

    n: int


Event = Init | CodePage | TextLine | Barcode | QR | Image | Cut | Feed | DrawerPulse | StatusRequest

_ALIGN: dict[int, Align] = {
    0: "left",
    48: "left",
    1: "center",
    49: "center",
    2: "right",
    50: "right",
}

# GS k function A (m, NUL-terminated data) and function B (m, length, data).
_BARCODES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
_BARCODES_B = {
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
    74: "GS1-128",
    75: "GS1 DATABAR OMNIDIRECTIONAL",
    76: "GS1 DATABAR TRUNCATED",
    77: "GS1 DATABAR LIMITED",
    78: "GS1 DATABAR EXPANDED",
}

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A


class _Decoder:
    def __init__(self, data: bytes, tables: dict[int, str]) -> None:
        self.data = data
        self.tables = tables
        self.pos = 0
        self.events: list[Event] = []
        self.line = bytearray()
        self.line_style: tuple[bool, Align, bool] | None = None
        self.qr_data: bytes | None = None
        self.graphics: tuple[int, int] | None = None
        self._reset()

    def _reset(self) -> None:
        self.table = 0
        self.bold = False
        self.align: Align = "left"
        self.esc_size = 0  # ESC ! bits 4-5
        self.gs_size = 0  # GS ! value

    # reading helpers
    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise TruncatedCommand(f"{what} at offset {self.pos}: needs {n} byte(s)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self, what: str) -> int:
        return self.take(1, what)[0]

    def le16(self, what: str) -> int:
        lo, hi = self.take(2, what)
        return lo | hi << 8

    def unknown(self, start: int, what: str) -> UnknownCommand:
        seq = self.data[start : start + 4].hex(" ")
        return UnknownCommand(f"{what} at offset {start}: {seq}")

    # text
    @property
    def double(self) -> bool:
        return bool(self.esc_size & 0x30) or self.gs_size & 0x77 != 0

    def style(self) -> tuple[bool, Align, bool]:
        return (self.bold, self.align, self.double)

    def end_line(self, force: bool) -> None:
        if not self.line and not force:
            return
        try:
            codec = self.tables[self.table]
        except KeyError:
            raise UnknownCommand(
                f"text in code table {self.table}, unknown to the decoder"
            ) from None
        bold, align, double = self.line_style or self.style()
        self.events.append(TextLine(bytes(self.line).decode(codec), bold, align, double))
        self.line.clear()
        self.line_style = None

    # commands
    def run(self) -> list[Event]:
        while self.pos < len(self.data):
            start = self.pos
            b = self.byte("byte")
            if b == LF:
                self.end_line(force=True)
            elif b == ESC:
                self.esc(start)
            elif b == GS:
                self.gs(start)
            elif b == DLE:
                self.dle(start)
            elif b < 0x20 or b == 0x7F:
                raise self.unknown(start, f"control byte 0x{b:02x}")
            else:
                if not self.line:
                    self.line_style = self.style()
                self.line.append(b)
        self.end_line(force=False)
        return self.events

    def esc(self, start: int) -> None:
        c = self.byte("ESC")
        if c == ord("@"):
            self.end_line(force=False)
            self._reset()
            self.events.append(Init())
        elif c == ord("t"):
            n = self.byte("ESC t n")
            if n not in self.tables:
                raise self.unknown(start, f"ESC t {n} (code table unknown to the decoder)")
            self.table = n
            self.events.append(CodePage(n))
        elif c == ord("!"):
            n = self.byte("ESC ! n")
            self.esc_size = n & 0x30
            self.bold = bool(n & 0x08)
        elif c == ord("E"):
            self.bold = bool(self.byte("ESC E n") & 1)
        elif c == ord("-"):
            self.byte("ESC - n")  # underline: not asserted
        elif c == ord("a"):
            n = self.byte("ESC a n")
            if n not in _ALIGN:
                raise self.unknown(start, f"ESC a {n}")
            self.align = _ALIGN[n]
        elif c == ord("M"):
            self.byte("ESC M n")  # font: columns are asserted on the text itself
        elif c == ord("2"):
            pass  # default line spacing
        elif c == ord("3"):
            self.byte("ESC 3 n")
        elif c == ord("d"):
            n = self.byte("ESC d n")
            self.end_line(force=False)  # ESC d prints what is in the buffer first
            self.events.append(Feed(n))
        elif c == ord("p"):
            m, t1, t2 = self.take(3, "ESC p m t1 t2")
            if m not in (0, 1, 48, 49):
                raise self.unknown(start, f"ESC p {m}")
            self.events.append(
                DrawerPulse(pin=2 if m in (0, 48) else 5, on_ms=t1 * 2, off_ms=t2 * 2)
            )
        else:
            raise self.unknown(start, f"ESC 0x{c:02x}")

    def gs(self, start: int) -> None:
        c = self.byte("GS")
        if c == ord("!"):
            self.gs_size = self.byte("GS ! n")
        elif c in (ord("H"), ord("h"), ord("w"), ord("f"), ord("B")):
            self.byte(f"GS {chr(c)} n")  # barcode HRI position/height/width/font, reverse
        elif c == ord("V"):
            m = self.byte("GS V m")
            if m in (65, 66):
                self.byte("GS V m n")  # feed n then cut
            elif m not in (0, 1, 48, 49):
                raise self.unknown(start, f"GS V {m}")
            self.end_line(force=False)
            self.events.append(Cut(partial=m in (1, 49, 66)))
        elif c == ord("k"):
            self.end_line(force=False)
            self.barcode(start)
        elif c == ord("("):
            fn_group = self.byte("GS (")
            length = self.le16("GS ( pL pH")
            body = self.take(length, f"GS ( {chr(fn_group)} data")
            if fn_group == ord("k"):
                self.two_d_code(start, body)
            elif fn_group == ord("L"):
                self.graphics_command(start, body)
            else:
                raise self.unknown(start, f"GS ( {chr(fn_group)}")
        elif c == ord("v"):
            if self.byte("GS v") != ord("0"):
                raise self.unknown(start, "GS v (not 0)")
            self.byte("GS v 0 m")
            width_bytes, height = self.le16("GS v 0 xL xH"), self.le16("GS v 0 yL yH")
            self.take(width_bytes * height, "GS v 0 raster data")
            self.end_line(force=False)
            self.events.append(Image(width=width_bytes * 8, height=height))
        else:
            raise self.unknown(start, f"GS 0x{c:02x}")

    def dle(self, start: int) -> None:
        c = self.byte("DLE")
        if c != 0x04:
            raise self.unknown(start, f"DLE 0x{c:02x}")
        n = self.byte("DLE EOT n")
        if n not in (1, 2, 3, 4):
            raise self.unknown(start, f"DLE EOT {n}")
        self.events.append(StatusRequest(n))

    def barcode(self, start: int) -> None:
        m = self.byte("GS k m")
        if m in _BARCODES_A:
            end = self.data.find(b"\x00", self.pos)
            if end < 0:
                raise TruncatedCommand(f"GS k {m} at offset {start}: no NUL terminator")
            raw, self.pos = self.data[self.pos : end], end + 1
            kind = _BARCODES_A[m]
        elif m in _BARCODES_B:
            raw = self.take(self.byte("GS k n"), "GS k data")
            kind = _BARCODES_B[m]
        else:
            raise self.unknown(start, f"GS k {m}")
        payload = raw.decode("ascii")
        if kind in ("CODE128", "GS1-128"):
            if payload[:2] not in ("{A", "{B", "{C"):
                raise self.unknown(start, f"{kind} without code-set prefix: {payload!r}")
            payload = payload[2:].replace("{{", "{")
        self.events.append(Barcode(kind, payload))

    def two_d_code(self, start: int, body: bytes) -> None:
        if len(body) < 2 or body[0] != ord("1"):
            raise self.unknown(start, "GS ( k for a 2D code other than QR")
        fn, params = body[1], body[2:]
        if fn in (65, 67, 69):  # model, module size, error correction
            return
        if fn == 80:  # store: m=48 then the data
            if params[:1] != b"0":
                raise self.unknown(start, "GS ( k QR store with m != 48")
            self.qr_data = params[1:]
        elif fn == 81:  # print the stored symbol
            if self.qr_data is None:
                raise DecodeError(f"GS ( k QR print at offset {start} with nothing stored")
            self.end_line(force=False)
            self.events.append(QR(self.qr_data.decode("utf-8")))
        else:
            raise self.unknown(start, f"GS ( k QR function {fn}")

    def graphics_command(self, start: int, body: bytes) -> None:
        if len(body) < 2 or body[0] != ord("0"):
            raise self.unknown(start, "GS ( L")
        fn = body[1]
        if fn == ord("p"):  # store raster: a bx by c xL xH yL yH data
            if len(body) < 10:
                raise TruncatedCommand(f"GS ( L p at offset {start}")
            self.graphics = (body[6] | body[7] << 8, body[8] | body[9] << 8)
        elif fn == ord("2"):  # print the stored graphics
            if self.graphics is None:
                raise DecodeError(f"GS ( L print at offset {start} with nothing stored")
            self.end_line(force=False)
            self.events.append(Image(*self.graphics))
        else:
            raise self.unknown(start, f"GS ( L function {fn}")


def decode(data: bytes, *, tables: dict[int, str] | None = None) -> list[Event]:
    """The events in ``data``; raises UnknownCommand / TruncatedCommand (both DecodeError)."""
    return _Decoder(bytes(data), dict(tables or DEFAULT_TABLES)).run()


def text_lines(events: list[Event]) -> list[str]:
    """Just the printed text, one string per line."""
    return [e.text for e in events if isinstance(e, TextLine)]
