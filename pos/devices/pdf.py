"""Lay out ``Document``s as a PDF (tickets, receipts, vouchers sent by e-mail).

The same plain ``pos.core.documents.Document`` the thermal printer gets is drawn
with reportlab, one document per page:

- ``page="ticket"`` (default): an 80 mm wide page, like the thermal paper, at
  least 150 mm high and longer when the document needs it, so a document is
  never split. It reads well on a phone at the door and prints on A4 with
  "fit to page".
- ``page="a4"``: the same layout inside a dashed ticket frame (100 mm wide) at
  the top of an A4 page, for customers who print at home; a document longer
  than the page goes on in a new frame on the next page.

Barcodes are vector drawings (``reportlab.graphics.barcode``): CODE128 with its
human-readable text, at least 0.33 mm per module and 14 mm high, and a 30 mm
QR code (level M), big enough for a door scanner or a phone camera.

Font: DejaVu Sans from Debian's ``fonts-dejavu-core`` when it is installed (it
has €, accents and the narrow no-break space Babel puts in "2 420,00 €");
otherwise Bitstream Vera, which ships inside reportlab (it has € and accents;
characters it lacks, such as U+202F, are replaced by a plain no-break space).
The font is embedded (subset) in the PDF, so the reader needs nothing.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import reportlab
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

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
from pos.devices.errors import DocumentNotPrintable

Page = Literal["ticket", "a4"]

TICKET_WIDTH = 80 * mm
TICKET_MIN_HEIGHT = 150 * mm
TICKET_MARGIN = 4 * mm
A4_FRAME_WIDTH = 100 * mm
A4_MARGIN = 15 * mm
A4_FRAME_PADDING = 5 * mm

TEXT_SIZE = 9.0
HEADING_SIZE = 13.0
LEADING = 1.3  # line height as a multiple of the font size
BARCODE_HEIGHT = 14 * mm
BARCODE_MODULE = 0.4 * mm  # preferred module width; never below MIN_MODULE
MIN_MODULE = 0.33 * mm
QR_SIZE = 30 * mm
BLOCK_GAP = 2 * mm  # space around barcodes

DEJAVU_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_REPORTLAB_FONTS = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
# (family, regular file, bold file, folders searched), best first
FONT_CANDIDATES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", DEJAVU_DIRS),
    ("Vera", "Vera.ttf", "VeraBd.ttf", (_REPORTLAB_FONTS,)),
)
# Replacements for characters a font lacks (the space characters Babel uses).
_SUBSTITUTES = {"\u202f": "\u00a0", "\u2009": " ", "\u2007": " ", "\u2011": "-"}


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    glyphs: frozenset[int]

    def safe(self, text: str) -> str:
        """``text`` with every character the font lacks replaced (never a missing-glyph box)."""
        out = []
        for ch in text:
            if ord(ch) in self.glyphs:
                out.append(ch)
            else:
                sub = _SUBSTITUTES.get(ch, "?")
                out.append(sub if ord(sub) in self.glyphs else "?")
        return "".join(out)


@functools.cache
def load_fonts(candidates: tuple[tuple[str, str, str, tuple[str, ...]], ...] = FONT_CANDIDATES,
               ) -> Fonts:
    """The first candidate family found on disk, registered with reportlab (once)."""
    for family, regular, bold, folders in candidates:
        for folder in folders:
            paths = os.path.join(folder, regular), os.path.join(folder, bold)
            if all(os.path.isfile(p) for p in paths):
                names = f"Guichet-{family}", f"Guichet-{family}-Bold"
                faces = [TTFont(name, path) for name, path in zip(names, paths, strict=True)]
                for face in faces:
                    pdfmetrics.registerFont(face)
                glyphs = frozenset(faces[0].face.charToGlyph) & frozenset(faces[1].face.charToGlyph)
                return Fonts(names[0], names[1], glyphs)
    raise DocumentNotPrintable(lazy("no font available for the PDF"))


def render_pdf(documents: Sequence[Document], *, page: Page = "ticket",
               fonts: Fonts | None = None) -> bytes:
    """The documents as one PDF, one document per page (see the module text).

    Raises DocumentNotPrintable (no document, empty or non-ASCII barcode...).
    """
    if page not in ("ticket", "a4"):
        raise DocumentNotPrintable(lazy("unknown page format “{page}” (ticket or a4)", page=page))
    if not documents:
        raise DocumentNotPrintable(lazy("no document"))
    fonts = fonts or load_fonts()
    buffer = io.BytesIO()
    # invariant: no creation date or random id, so the same documents give the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(", ".join(dict.fromkeys(d.kind for d in documents)))
    canvas.setCreator("Guichet")
    if page == "ticket":
        width = TICKET_WIDTH - 2 * TICKET_MARGIN
    else:
        width = A4_FRAME_WIDTH - 2 * A4_FRAME_PADDING
    for document in documents:
        items = _Layout(fonts, width).items(document)
        if page == "ticket":
            _ticket_page(canvas, items)
        else:
            _a4_pages(canvas, items)
    canvas.save()
    return buffer.getvalue()


# An item is one laid-out piece: its height and how to draw it from a top-left corner.
Draw = Callable[[Canvas, float, float], None]


@dataclass(frozen=True)
class _Item:
    height: float
    draw: Draw


def _ticket_page(canvas: Canvas, items: list[_Item]) -> None:
    height = max(TICKET_MIN_HEIGHT, sum(i.height for i in items) + 2 * TICKET_MARGIN)
    canvas.setPageSize((TICKET_WIDTH, height))
    y = height - TICKET_MARGIN
    for item in items:
        item.draw(canvas, TICKET_MARGIN, y)
        y -= item.height
    canvas.showPage()


def _a4_pages(canvas: Canvas, items: list[_Item]) -> None:
    page_w, page_h = A4
    room = page_h - 2 * A4_MARGIN - 2 * A4_FRAME_PADDING
    left = (page_w - A4_FRAME_WIDTH) / 2
    pages: list[list[_Item]] = [[]]
    used = 0.0
    for item in items:
        if pages[-1] and used + item.height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += item.height
    for chunk in pages:
        canvas.setPageSize(A4)
        frame_h = sum(i.height for i in chunk) + 2 * A4_FRAME_PADDING
        top = page_h - A4_MARGIN
        canvas.saveState()
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.5)
        canvas.rect(left, top - frame_h, A4_FRAME_WIDTH, frame_h)
        canvas.restoreState()
        y = top - A4_FRAME_PADDING
        for item in chunk:
            item.draw(canvas, left + A4_FRAME_PADDING, y)
            y -= item.height
        canvas.showPage()


class _Layout:
    """Turns blocks into items of a ``width`` column; text is wrapped, never cut."""

    def __init__(self, fonts: Fonts, width: float) -> None:
        self.fonts = fonts
        self.width = width

    def items(self, document: Document) -> list[_Item]:
        out: list[_Item] = []
        for block in document.blocks:
            out.extend(self.block(block))
        return out

    def block(self, block: Block) -> list[_Item]:
        match block:
            case Heading(text=text):
                return self._text(text, self.fonts.bold, HEADING_SIZE, "center")
            case Text(text=text, bold=bold, align=align):
                return self._text(text, self._font(bold), TEXT_SIZE, align)
            case Columns(left=left, right=right, bold=bold):
                return [self._columns(left, right, self._font(bold))]
            case Separator(char=char):
                return [self._separator(char)]
            case Barcode(payload=payload):
                return [self._barcode(payload)]
            case QRCode(payload=payload):
                return [self._qr(payload)]
            case Feed(lines=lines):
                return [_Item(max(lines, 0) * TEXT_SIZE * LEADING, lambda c, x, y: None)]
            case _:
                raise DocumentNotPrintable(
                    lazy("unknown block {block}", block=type(block).__name__))

    def _font(self, bold: bool) -> str:
        return self.fonts.bold if bold else self.fonts.regular

    def _lines(self, text: str, font: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in self.fonts.safe(text).split("\n"):
            lines.extend(simpleSplit(paragraph, font, size, width) or [""])
        return lines

    def _text(self, text: str, font: str, size: float, align: str) -> list[_Item]:
        leading = size * LEADING
        items = []
        for line in self._lines(text, font, size, self.width):
            def draw(c: Canvas, x: float, y: float, line=line) -> None:
                c.setFont(font, size)
                base = y - size  # baseline one font size below the top of the line
                if align == "center":
                    c.drawCentredString(x + self.width / 2, base, line)
                elif align == "right":
                    c.drawRightString(x + self.width, base, line)
                else:
                    c.drawString(x, base, line)

            items.append(_Item(leading, draw))
        return items

    def _columns(self, left: str, right: str, font: str) -> _Item:
        right = self.fonts.safe(right)
        right_w = pdfmetrics.stringWidth(right, font, TEXT_SIZE)
        gap = 2 * mm
        room = max(self.width - right_w - gap, self.width / 3)
        lines = self._lines(left, font, TEXT_SIZE, room)
        leading = TEXT_SIZE * LEADING

        def draw(c: Canvas, x: float, y: float) -> None:
            c.setFont(font, TEXT_SIZE)
            c.drawRightString(x + self.width, y - TEXT_SIZE, right)
            for n, line in enumerate(lines):
                c.drawString(x, y - TEXT_SIZE - n * leading, line)

        return _Item(leading * len(lines), draw)

    def _separator(self, char: str) -> _Item:
        height = TEXT_SIZE * LEADING

        def draw(c: Canvas, x: float, y: float) -> None:
            c.saveState()
            c.setLineWidth(0.5)
            if char == "-":
                c.setDash(2, 1.5)
            mid = y - height / 2
            offsets = (-0.8, 0.8) if char == "=" else (0.0,)
            for off in offsets:
                c.line(x, mid + off, x + self.width, mid + off)
            c.restoreState()

        return _Item(height, draw)

    def _barcode(self, payload: str) -> _Item:
        if not payload or not payload.isascii() or not payload.isprintable():
            raise DocumentNotPrintable(lazy("barcode “{payload}” (characters not supported)",
                                            payload=payload))

        def drawing(module: float) -> Drawing:
            return createBarcodeDrawing(
                "Code128", value=payload, barWidth=module, barHeight=BARCODE_HEIGHT,
                humanReadable=True, quiet=True, fontName=self.fonts.regular, fontSize=TEXT_SIZE,
            )

        d = drawing(BARCODE_MODULE)
        if d.width > self.width:
            module = BARCODE_MODULE * self.width / d.width
            if module < MIN_MODULE:
                raise DocumentNotPrintable(lazy("barcode “{payload}” too long for the page",
                                                payload=payload))
            d = drawing(module)
        return self._centred(d, d.width, d.height)

    def _qr(self, payload: str) -> _Item:
        if not payload:
            raise DocumentNotPrintable(lazy("empty QR code"))
        widget = QrCodeWidget(payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        scale = QR_SIZE / max(x1 - x0, y1 - y0)
        d = Drawing(QR_SIZE, QR_SIZE, transform=[scale, 0, 0, scale, -x0 * scale, -y0 * scale])
        d.add(widget)
        return self._centred(d, QR_SIZE, QR_SIZE)

    def _centred(self, d: Drawing, w: float, h: float) -> _Item:
        def draw(c: Canvas, x: float, y: float) -> None:
            renderPDF.draw(d, c, x + (self.width - w) / 2, y - BLOCK_GAP - h)

        return _Item(h + 2 * BLOCK_GAP, draw)
