"""Documents of the cash desk itself (not of an operation): the no-sale slip and the
device test page. Plain data, French text, like ``pos.core.receipts``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pos.core.documents import Barcode, Columns, Document, Feed, Heading, QRCode, Separator, Text
from pos.formatting import money, timestamp

TEST_BARCODE = "GUICHET-128"
TEST_QR = "https://guichet.example/test?e=%E2%82%AC"


def no_sale_slip(*, venue: str, counter: str, operator: str, reason: str,
                 at: datetime) -> Document:
    """Printed when the drawer is opened without a sale: who, when, why."""
    return Document(kind="no_sale", blocks=(
        Heading(venue or "Guichet"),
        Text("OUVERTURE DU TIROIR SANS VENTE", bold=True, align="center"),
        Text(timestamp(at), align="center"),
        Separator(),
        Text(f"Raison : {reason}"),
        Text(f"Opérateur : {operator}"),
        Text(counter),
        Feed(2),
    ))


def test_page(*, venue: str, counter: str, at: datetime, paper_width: int) -> Document:
    """What "Impression test" prints: accents, the euro sign, columns, CODE128 and QR."""
    return Document(kind="test_page", blocks=(
        Heading(venue or "Guichet"),
        Text("PAGE DE TEST", bold=True, align="center"),
        Text(f"{counter} - {timestamp(at)}", align="center"),
        Text(f"Papier : {paper_width} mm", align="center"),
        Separator(),
        Text("Accents : àâçéèêëîïôùûü ÀÇÉÈÊÔÙ"),
        Text("Euro : € - guillemets « » - apostrophe ’"),
        Columns("Montant", money(Decimal("1234.56"))),
        Columns("Remboursé", money(Decimal("-110.00")), bold=True),
        Separator("="),
        Text("Code-barres CODE128 :", align="center"),
        Barcode(TEST_BARCODE),
        Text("QR code :", align="center"),
        QRCode(TEST_QR),
        Feed(2),
    ))
