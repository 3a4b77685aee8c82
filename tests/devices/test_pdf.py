"""PDF documents read back with poppler (pdftoppm, pdftotext) and decoded with zbarimg."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from pos.core.documents import (
    Barcode,
    Columns,
    Document,
    Feed,
    Heading,
    QRCode,
    Separator,
    Text,
)
from pos.devices.errors import DocumentNotPrintable
from pos.devices.pdf import FONT_CANDIDATES, load_fonts, render_pdf
from pos.formatting import money, performance_date, plain_spaces
from tests.support import pdf_tools

NUMBER = "01010009001"


def ticket_document(number: str = NUMBER) -> Document:
    """A ticket as the exchange engine lays one out (built here from plain blocks)."""
    starts = datetime(2026, 12, 5, 20, 0, tzinfo=ZoneInfo("Europe/Paris"))
    return Document(
        kind="ticket",
        blocks=(
            Heading("Carmina Burana"),
            Text(performance_date(starts), align="center"),
            Text("Théâtre de la Ville", align="center"),
            Separator(),
            Columns("Zone", "Parterre"),
            Columns("Place", "A5", bold=True),
            Columns("Catégorie", "Cat 1"),
            Text("Contact occasionnel - Plein tarif"),
            Columns("Prix", money(Decimal("60.00")), bold=True),
            Separator(),
            Barcode(number),
            QRCode(number),
            Text(f"Billet n° {number}", align="center"),
            Text("Opérateur STX_BDD - Guichet", align="center"),
        ),
    )


def receipt_document() -> Document:
    return Document(
        kind="receipt",
        blocks=(
            Heading("Théâtre de la Ville"),
            Text("ÉCHANGE", bold=True, align="center"),
            Separator("="),
            Columns("Joyaux Balcon Cat 1 x10", money(Decimal("-1100.00"))),
            Columns("TOTAL", money(Decimal("-1100.00")), bold=True),
            Feed(2),
        ),
    )


@pytest.fixture
def ticket() -> Document:
    return ticket_document()


def test_ticket_code128_and_qr_decode_to_the_ticket_number(ticket, tmp_path):
    pdf = render_pdf([ticket, receipt_document()])
    assert pdf.startswith(b"%PDF")
    pages = pdf_tools.page_images(pdf, tmp_path / "png", dpi=150)
    assert len(pages) == 2  # one document per page
    assert pdf_tools.symbols(pages[0]) == [("CODE-128", NUMBER), ("QR-Code", NUMBER)]
    assert pdf_tools.raw_payloads(pages[0]) == [NUMBER, NUMBER]
    assert pdf_tools.symbols(pages[1]) == []  # the receipt has no barcode


def test_ticket_text_keeps_accents_euro_and_amounts(ticket, tmp_path):
    pages = pdf_tools.text(render_pdf([ticket, receipt_document()]), tmp_path)
    ticket_text, receipt_text = (plain_spaces(p) for p in pages)
    for expected in ("Carmina Burana", "Sam 05.12.2026 20:00", "Théâtre de la Ville", "Parterre",
                     "A5", "Cat 1", "Contact occasionnel - Plein tarif", "60,00 €",
                     f"Billet n° {NUMBER}", "Opérateur STX_BDD"):
        assert expected in ticket_text
    assert "ÉCHANGE" in receipt_text and "-1 100,00 €" in receipt_text
    assert "?" not in ticket_text + receipt_text  # no character replaced
    fonts = load_fonts()
    if fonts.regular == "Guichet-DejaVuSans":  # Debian's fonts-dejavu-core
        assert fonts.safe(money(Decimal("-1100"))) == "-1\u202f100,00\u00a0€"  # kept as is


def test_ticket_pages_are_80_mm_wide_and_at_least_150_mm_high(ticket, tmp_path):
    long_receipt = Document(
        kind="receipt",
        blocks=tuple(Columns(f"0101000{n:04d} Balcon", "110,00 €") for n in range(60)),
    )
    sizes = pdf_tools.page_sizes_mm(render_pdf([ticket, long_receipt]), tmp_path)
    assert sizes[0] == (80.0, 150.0)
    width, height = sizes[1]
    assert len(sizes) == 2 and width == 80.0 and height > 200  # grows, never split
    text = pdf_tools.text(render_pdf([long_receipt]), tmp_path / "t")[0]
    assert "01010000000 Balcon" in text and "01010000059 Balcon" in text


def test_a4_pages_frame_the_ticket_and_split_a_long_document(ticket, tmp_path):
    pdf = render_pdf([ticket], page="a4")
    assert pdf_tools.page_sizes_mm(pdf, tmp_path) == [(210.0, 297.0)]
    page = pdf_tools.page_images(pdf, tmp_path / "png")[0]
    assert pdf_tools.symbols(page) == [("CODE-128", NUMBER), ("QR-Code", NUMBER)]
    long_receipt = Document(
        kind="receipt", blocks=tuple(Text(f"ligne {n}") for n in range(120)))
    pages = pdf_tools.text(render_pdf([long_receipt], page="a4"), tmp_path / "long")
    assert len(pages) == 2
    assert "ligne 0" in pages[0] and "ligne 119" in pages[1]


def test_long_text_wraps_instead_of_being_cut(tmp_path):
    words = " ".join(f"mot{n}" for n in range(40))
    document = Document(kind="voucher", blocks=(Text(words), Columns(words, "12,00 €")))
    text = " ".join(pdf_tools.text(render_pdf([document]), tmp_path)[0].split())
    assert text.count("mot39") == 2 and "12,00 €" in plain_spaces(text)


def test_reportlab_embedded_font_is_the_fallback(ticket, tmp_path):
    vera = load_fonts(tuple(c for c in FONT_CANDIDATES if c[0] == "Vera"))
    assert vera.regular == "Guichet-Vera"
    pdf = render_pdf([ticket, receipt_document()], fonts=vera)
    ticket_text, receipt_text = (plain_spaces(p) for p in pdf_tools.text(pdf, tmp_path))
    assert "Théâtre de la Ville" in ticket_text and "60,00 €" in ticket_text
    assert "-1 100,00 €" in receipt_text and "?" not in ticket_text + receipt_text
    # Vera has no U+202F: it becomes a no-break space, never a missing-glyph box
    assert vera.safe(money(Decimal("-1100"))) == "-1\u00a0100,00\u00a0€"
    assert vera.safe("✓") == "?"
    page = pdf_tools.page_images(pdf, tmp_path / "png")[0]
    assert pdf_tools.symbols(page) == [("CODE-128", NUMBER), ("QR-Code", NUMBER)]


def test_same_documents_give_the_same_bytes(ticket):
    assert render_pdf([ticket]) == render_pdf([ticket])


@pytest.mark.parametrize("documents, page, expected", [
    ([], "ticket", "aucun document"),
    ([Document("ticket", (Barcode("0101é"),))], "ticket", "code-barres « 0101é »"),
    ([Document("ticket", (Barcode(""),))], "ticket", "code-barres"),
    ([Document("ticket", (QRCode(""),))], "ticket", "QR code vide"),
    ([Document("ticket", (Barcode("X" * 200),))], "ticket", "trop long"),
    ([Document("ticket", (Text("x"),))], "letter", "format de page « letter »"),
])
def test_what_cannot_be_laid_out_is_refused_in_french(documents, page, expected):
    with pytest.raises(DocumentNotPrintable) as caught:
        render_pdf(documents, page=page)
    assert caught.value.message.startswith("Document impossible à imprimer")
    assert expected in caught.value.message
