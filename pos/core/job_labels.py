"""What a print (or send) job is, in the cashier's words, read from its document:
"Billet 01010003014 – Carmina Burana – A12", "Reçu ordre 1274", "Avoir 9912345678903".
Reprinting one ticket of an exchange is then a matter of reading the list."""

from __future__ import annotations

from collections.abc import Sequence

from pos.core.documents import Barcode, Columns, Document, Text
from pos.core.i18n import _

RECEIPTS = ("refund_receipt", "exchange_receipt")


def job_label(kind: str, documents: Sequence[Document], operation_number: int | None) -> str:
    """The job's name, or "" when its document says nothing more than its kind."""
    document = documents[0] if documents else None
    if kind == "ticket" and document is not None:
        return _ticket(document)
    if kind in ("credit_note", "voucher") and document is not None:
        code = _barcode(document)
        return _("Credit note {number}").format(number=code) if code else ""
    if kind in RECEIPTS and operation_number is not None:
        return _("Receipt, operation {number}").format(number=operation_number)
    if kind == "hold_slip" and operation_number is not None:
        return _("Hold slip, operation {number}").format(number=operation_number)
    return ""


def _barcode(document: Document) -> str:
    return next((b.payload for b in document.blocks if isinstance(b, Barcode)), "")


def _ticket(document: Document) -> str:
    number = _barcode(document)
    # the ticket's layout (pos.core.ticket_documents): venue heading, event in bold,
    # then "Place" with the seat
    event = next((b.text for b in document.blocks
                  if isinstance(b, Text) and b.bold), "")
    seat = next((b.right for b in document.blocks
                 if isinstance(b, Columns) and b.left == "Place"), "")
    parts = [_("Ticket {number}").format(number=number)] if number else []
    parts += [p for p in (event, seat) if p]
    return " – ".join(parts)
