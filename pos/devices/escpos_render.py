"""Lay out a ``Document`` as one ESC/POS job, built in memory.

The whole job is built with python-escpos's ``Dummy`` printer and returned as
bytes: a transport then sends it in one write, so a job is atomic, can be
logged, and is decoded byte by byte in the tests.

Code page: every job starts with ESC @ (the printer keeps its table between
jobs) and then selects CP858 once. Text is made CP858-safe by ``cp858`` and
sent raw. python-escpos's automatic encoding is switched off by telling it
that CP858 is already active and fixed, so the few texts it writes itself
(the newlines around a QR image) can never insert another ESC t.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import textwrap
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from pos.core.documents import (
    Barcode,
    Block,
    Columns,
    Document,
    Feed,
    Heading,
    QRCode,
    Separator,
    Text,
)
from pos.core.i18n import lazy
from pos.devices import cp858
from pos.devices.drawer import kick_bytes
from pos.devices.errors import DocumentNotPrintable, PrinterConfigError

#: Characters per line in font A (12x24 dots at 203 dpi): 72 mm and 48 mm printable.
COLUMNS = {80: 48, 58: 32}
#: Printable dots per line, to choose the barcode module width.
_DOTS = {80: 576, 58: 384}
_QR_MODULE_SIZE = {80: 6, 58: 4}
_BARCODE_HEIGHT = 80  # dots, about 1 cm: easy for a hand scanner
_CODEPAGE = "CP858"


@functools.cache
def _escpos() -> Any:
    """python-escpos, imported on the first job rather than at start-up.

    Its capabilities module reads a 2 MB YAML file (about 0.3 s) unless it finds its
    pickle, which it looks for in a new temporary folder of each process, that is never;
    a stable per-user cache folder makes every start after the first read the pickle."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        from platformdirs import user_cache_dir

        folder = os.path.join(user_cache_dir("guichet"), "escpos")
        with contextlib.suppress(OSError):
            os.makedirs(folder, mode=0o700, exist_ok=True)
            os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = folder
    from escpos.capabilities import get_profile
    from escpos.constants import CODEPAGE_CHANGE, TXT_STYLE
    from escpos.exceptions import BarcodeCodeError, BarcodeSizeError, BarcodeTypeError
    from escpos.printer import Dummy

    return SimpleNamespace(
        get_profile=get_profile, CODEPAGE_CHANGE=CODEPAGE_CHANGE, TXT_STYLE=TXT_STYLE,
        barcode_errors=(BarcodeCodeError, BarcodeSizeError, BarcodeTypeError), Dummy=Dummy)


def render(
    document: Document,
    *,
    paper_width: int = 80,
    profile: str = "default",
    kick_pin: int | None = None,
) -> bytes:
    """One document as a complete job (ESC @, CP858, blocks, cut, optional drawer kick)."""
    return render_many([document], paper_width=paper_width, profile=profile, kick_pin=kick_pin)


def render_many(
    documents: Iterable[Document],
    *,
    paper_width: int = 80,
    profile: str = "default",
    kick_pin: int | None = None,
) -> bytes:
    """Several documents as one job: ESC @ once, each document cut as it asks, kick once at the end.

    Raises PrinterConfigError (profile, paper width, pin) or DocumentNotPrintable.
    """
    if paper_width not in COLUMNS:
        raise PrinterConfigError(lazy("paper width {width} mm not supported (58 or 80)",
                                      width=paper_width))
    if kick_pin not in (None, 2, 5):
        raise PrinterConfigError(lazy("cash drawer pin {pin} (expected: 2 or 5)", pin=kick_pin))
    printer = _dummy(profile)
    layout = _Layout(printer, paper_width)
    # python-escpos prints diagnostics ("Using hardware barcode renderer") on
    # stdout. redirect_stdout is process-wide: anything another thread prints
    # during this (short, CPU-only) call is swallowed too, which is acceptable.
    with contextlib.redirect_stdout(io.StringIO()):
        printer.hw("INIT")
        table = printer.magic.encoder.get_sequence(_CODEPAGE)
        printer._raw(_escpos().CODEPAGE_CHANGE + bytes([table]))
        for document in documents:
            for block in document.blocks:
                layout.block(block)
            if document.cut:
                printer.cut(mode="PART")  # feeds past the cutter, then GS V 1
        if kick_pin is not None:
            printer._raw(kick_bytes(kick_pin))
    return printer.output


def _dummy(profile: str) -> Any:
    escpos = _escpos()
    try:
        escpos.get_profile(profile)
    except Exception as exc:  # python-escpos raises its own NotSupported / KeyError
        raise PrinterConfigError(lazy("unknown profile “{profile}”", profile=profile),
                                 detail=repr(exc)) from None
    try:
        # "encoding" declares CP858 active, "disabled" forbids any automatic switch.
        return escpos.Dummy(profile=profile,
                            magic_encode_args={"encoding": _CODEPAGE, "disabled": True})
    except ValueError as exc:
        raise PrinterConfigError(
            lazy("profile “{profile}” has no CP858 table (euro sign)", profile=profile),
            detail=str(exc),
        ) from None


class _Layout:
    """Writes blocks into the Dummy; every block sets its whole style, so order never leaks."""

    def __init__(self, printer: Any, paper_width: int) -> None:
        self.p = printer
        self.paper_width = paper_width
        self.columns = COLUMNS[paper_width]

    def block(self, block: Block) -> None:
        match block:
            case Heading(text=text):
                # Double width: half as many characters fit on the line.
                self._lines(_wrap(text, self.columns // 2), align="center", bold=True, double=True)
            case Text(text=text, bold=bold, align=align):
                self._lines(_wrap(text, self.columns), align=align, bold=bold)
            case Columns(left=left, right=right, bold=bold):
                self._lines(column_lines(left, right, self.columns), align="left", bold=bold)
            case Separator(char=char):
                fill = cp858.printable(char)[:1] or "-"
                self._lines([fill * self.columns], align="left", bold=False)
            case Barcode(payload=payload):
                self._barcode(payload)
            case QRCode(payload=payload):
                self._qr(payload)
            case Feed(lines=lines):
                if lines > 0:
                    self.p.print_and_feed(min(lines, 255))
            case _:
                raise DocumentNotPrintable(
                    lazy("unknown block {block}", block=type(block).__name__))

    def _style(self, *, align: str, bold: bool, double: bool = False) -> None:
        # ESC ! sets size (and resets underline, font); ESC E bold; ESC a alignment.
        self.p._raw(b"\x1b!" + bytes([0x30 if double else 0x00]))
        style = _escpos().TXT_STYLE
        self.p._raw(style["bold"][bold] + style["align"][align])

    def _lines(self, lines: list[str], *, align: str, bold: bool, double: bool = False) -> None:
        self._style(align=align, bold=bold, double=double)
        for line in lines:
            self.p._raw(line.encode(cp858.CODEC) + b"\n")

    def _barcode(self, payload: str) -> None:
        if not payload or not payload.isascii() or not payload.isprintable():
            raise DocumentNotPrintable(lazy("barcode “{payload}” (characters not supported)",
                                            payload=payload))
        # CODE128: 11 modules per symbol (start, data, check) + 13 for stop + quiet zones.
        modules = 11 * (len(payload) + 2) + 13 + 20
        width = 3 if modules * 3 <= _DOTS[self.paper_width] else 2
        self._style(align="center", bold=False)
        if self.p.profile.supports("barcodeB"):
            # The printer draws it; its CODE128 needs a code-set prefix, and
            # '{' starts a code-set escape, so a literal '{' is sent as '{{'.
            code, options = "{B" + payload.replace("{", "{{"), {"function_type": "B"}
        else:
            # No CODE128 in the printer: python-barcode draws it as an image (no prefix).
            code, options = payload, {"force_software": "bitImageRaster"}
        try:
            self.p.barcode(
                code,
                "CODE128",
                height=_BARCODE_HEIGHT,
                width=width,
                pos="BELOW",
                font="A",
                align_ct=True,
                **options,
            )
        except _escpos().barcode_errors as exc:
            raise DocumentNotPrintable(lazy("barcode “{payload}”", payload=payload),
                                       detail=str(exc)) from None
        # GS k prints at once, HRI included, and leaves the position at line start.

    def _qr(self, payload: str) -> None:
        if not payload:
            raise DocumentNotPrintable(lazy("empty QR code"))
        # Native QR is ~250 bytes where an image is ~3.6 kB; centring comes from ESC a.
        self._style(align="center", bold=False)
        native = self.p.profile.supports("qrCode")
        self.p.qr(
            payload,
            size=_QR_MODULE_SIZE[self.paper_width],
            native=native,
            image_arguments={"impl": "bitImageRaster", "center": False},
        )


def columns(left: str, right: str, width: int) -> str:
    """``right`` flush right on a ``width`` line; ``left`` truncated to keep one space between."""
    left, right = cp858.printable(left), cp858.printable(right)[:width]
    room = width - len(right) - 1
    if room <= 0:
        return right.rjust(width)
    return left[:room].ljust(room) + " " + right


def column_lines(left: str, right: str, width: int) -> list[str]:
    """``left`` word-wrapped (never cut: "… - Parterre" stays whole) with ``right`` flush
    right on its last line, or on a line of its own when that line is full."""
    left, right = cp858.printable(left), cp858.printable(right)[:width]
    room = width - len(right) - 1
    if room <= 0 or len(left) <= room:
        return [columns(left, right, width)]
    indent = " " * (len(left) - len(left.lstrip()) + 2)
    lines = textwrap.wrap(left, width, subsequent_indent=indent) or [""]
    if len(lines[-1]) <= room:
        lines[-1] = lines[-1].ljust(room) + " " + right
    else:
        lines.append(right.rjust(width))
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrapped lines (the printer would cut words anywhere); an empty text is a blank line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        safe = cp858.printable(paragraph)
        lines.extend(textwrap.wrap(safe, width, drop_whitespace=True) or [""])
    return lines
