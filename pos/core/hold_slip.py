"""The slip printed when an operation is put on hold (plain data, French text): what is
held, for whom, and the operation number as a barcode to bring it back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos.core.basket import OrderGroup
from pos.core.documents import Barcode, Columns, Document, Feed, Separator, Text
from pos.core.receipts import header, taken_back_lines
from pos.formatting import money


def slip_barcode(operation_number: int) -> str:
    """What the slip's barcode says, e.g. ``OP00001271`` (the receipt's form)."""
    return f"OP{operation_number:08d}"


@dataclass(frozen=True)
class HoldSlip:
    venue: str
    counter: str
    sales_point: str
    operator: str
    operation_number: int
    at: datetime
    contact_name: str
    contact_lines: tuple[str, ...]  # organisation, address, e-mail
    groups: tuple[OrderGroup, ...]
    refund_fees: bool
    total: Decimal  # negative: what the operation will give back
    requested_by: str = ""  # already in words: "par le public"
    cause: str = ""
    remarks: str = ""


def hold_slip(h: HoldSlip) -> Document:
    blocks: list = header(h.venue, "ORDRE EN ATTENTE", h.operation_number, h.at)
    if h.contact_name:
        blocks.append(Text(f"Contact : {h.contact_name}", bold=True))
        blocks += [Text(line) for line in h.contact_lines]
        blocks.append(Separator())
    blocks += taken_back_lines(h.groups, h.refund_fees, with_contact=False)
    blocks += [Separator(), Columns("TOTAL", money(h.total), bold=True)]
    if h.requested_by:
        blocks.append(Text(f"Demandé {h.requested_by}"))
    if h.cause:
        blocks.append(Text(f"Cause : {h.cause}"))
    if h.remarks:
        blocks.append(Text(f"Remarques : {h.remarks}"))
    blocks += [
        Separator(),
        Text(f"Opérateur : {h.operator}"),
        Text(f"{h.sales_point} - {h.counter}"),
        Text("Présentez ce bon pour reprendre l'ordre.", align="center"),
        Barcode(slip_barcode(h.operation_number)),
        Feed(2),
    ]
    return Document(kind="hold_slip", blocks=tuple(blocks))
