"""The slip printed when an operation is put on hold (plain data, French text): what is
held, for whom, and the operation number as a barcode to bring it back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos.core.basket import OrderGroup
from pos.core.documents import Barcode, Columns, Document, Feed, Separator, Text
from pos.core.exchange_basket import ContactGroup
from pos.core.receipts import header, taken_back_lines
from pos.formatting import local, money, performance_date


def sold_lines(sold: tuple[ContactGroup, ...]) -> list:
    """The sale side: performance > category + tariff > seat, then products."""
    blocks: list = []
    for contact in sold:
        for perf in contact.performances:
            blocks.append(Text(f"{perf.event_name} - {performance_date(perf.starts_at)}"))
            for tariff in perf.tariffs:
                blocks.append(Text(f"{tariff.category} {tariff.tariff}"))
                for t in tariff.tickets:
                    place = " ".join(p for p in (t.area, t.seat) if p) or "Placement libre"
                    blocks.append(Columns(f"  {place}", money(t.amount)))
        for product in contact.products:
            blocks.append(Columns(f"{product.quantity} x {product.name}", money(product.amount)))
    return blocks


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
    sold: tuple[ContactGroup, ...] = ()  # the sale side of a held exchange
    refunded: Decimal = Decimal("0.00")  # negative, with a sale side
    seats_until: datetime | None = None


def hold_slip(h: HoldSlip) -> Document:
    blocks: list = header(h.venue, "ORDRE EN ATTENTE", h.operation_number, h.at)
    if h.contact_name:
        blocks.append(Text(f"Contact : {h.contact_name}", bold=True))
        blocks += [Text(line) for line in h.contact_lines]
        blocks.append(Separator())
    if h.sold:
        blocks.append(Text("ANNULÉ", bold=True))
    blocks += taken_back_lines(h.groups, h.refund_fees, with_contact=False)
    if h.sold:
        blocks += [Separator(), Text("ÉCHANGÉ", bold=True)]
        blocks += sold_lines(h.sold)
        blocks += [Separator(), Columns("Sous-total remboursé", money(h.refunded)),
                   Columns("Sous-total vendu", money(h.total - h.refunded))]
    blocks += [Separator(), Columns("TOTAL", money(h.total), bold=True)]
    if h.seats_until is not None and any(
            t.seat for c in h.sold for p in c.performances for g in p.tariffs
            for t in g.tickets):
        blocks.append(Text(f"Places réservées jusqu'à {local(h.seats_until):%H:%M}"))
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
